"""The cross-article stages on small made-up inputs: entity merging, claims, origins, disputes."""

from __future__ import annotations

from sitrep import nlp
from sitrep.story.claims import assertions, figures, group_claims, member_stances
from sitrep.story.disputes import find_disputes
from sitrep.nlp.entities import document_entities
from sitrep.records import (
    Assertion,
    Attribution,
    Document,
    Entity,
    Mention,
    Reuse,
    Span,
)
from sitrep.story.entities import merge_entities


def _entity(document: str, number: int, name: str, kind: str = "person", aliases=(), at: int = 0) -> Entity:
    return Entity(f"{document}-e{number}", name, kind, list(aliases), [Mention(at, at + len(name), name, kind)],
                  [document])


def _documents(*ids: str, text: str = "") -> list[Document]:
    return [Document(i, f"{i}.txt", text) for i in ids]


def _merged(documents, entities) -> list[set[str]]:
    merged, _ = merge_entities(documents, entities)
    return [{e.name, *e.aliases} for e in merged]


def _together(groups: list[set[str]], *names: str) -> bool:
    return any(set(names) <= group for group in groups)


def test_spelling_variants_and_a_middle_name_join_across_articles():
    entities = [_entity("a", 1, "Anvar Telmi"), _entity("a", 2, "Orsa Front", "organisation"),
                _entity("b", 1, "Anwar Telmi"), _entity("b", 2, "Orsa Front", "organisation"),
                _entity("c", 1, "Anvar Bek Telmi"), _entity("c", 2, "Orsa Front", "organisation")]
    groups = _merged(_documents("a", "b", "c"), entities)
    assert _together(groups, "Anvar Telmi", "Anwar Telmi", "Anvar Bek Telmi")


def test_an_article_that_names_father_and_son_keeps_them_apart_everywhere():
    entities = [_entity("a", 1, "Ivo Marr"), _entity("a", 2, "Ivo Pell Marr"),
                _entity("b", 1, "Ivo Marr"), _entity("b", 2, "Orsa Front", "organisation"),
                _entity("c", 1, "Ivo Pell Marr"), _entity("c", 2, "Orsa Front", "organisation")]
    groups = _merged(_documents("a", "b", "c"), entities)
    assert not _together(groups, "Ivo Marr", "Ivo Pell Marr")


def test_a_junior_short_form_goes_to_the_son_named_as_such():
    text = "Ivo Marr, the son of General Ivo Pell Marr, spoke."
    entities = [_entity("a", 1, "Ivo Marr", at=0), _entity("a", 2, "Ivo Pell Marr", at=text.index("Ivo Pell")),
                _entity("b", 1, "Marr Jr"), _entity("b", 2, "Orsa Front", "organisation")]
    documents = [Document("a", "a.txt", text), Document("b", "b.txt", "")]
    groups = _merged(documents, entities)
    assert _together(groups, "Ivo Marr", "Marr Jr") and not _together(groups, "Ivo Pell Marr", "Marr Jr")


def test_a_foundation_named_after_a_person_is_not_the_person():
    entities = [_entity("a", 1, "Ivo Marr"), _entity("a", 2, "Marr Foundation", "person"),
                _entity("b", 1, "Marr Foundation", "organisation")]
    merged, _ = merge_entities(_documents("a", "b"), entities)
    foundation = [e for e in merged if e.name == "Marr Foundation"]
    assert len(foundation) == 1 and foundation[0].type == "organisation" and "Ivo Marr" not in foundation[0].aliases


def test_a_letter_swapped_acronym_joins_its_organisation():
    entities = [_entity("a", 1, "Orsa Liberation Front", "organisation", aliases=["OLF"]),
                _entity("b", 1, "OFL", "organisation")]
    assert _together(_merged(_documents("a", "b"), entities), "Orsa Liberation Front", "OFL")


def test_two_people_sharing_one_name_part_stay_apart():
    entities = [_entity("a", 1, "Petar Sarkis"), _entity("a", 2, "Orsa Front", "organisation"),
                _entity("b", 1, "Sarkis Aramyan"), _entity("b", 2, "Orsa Front", "organisation")]
    assert not _together(_merged(_documents("a", "b"), entities), "Petar Sarkis", "Sarkis Aramyan")


def test_a_place_is_not_taken_for_the_surname_of_a_mislabelled_person():
    entities = [_entity("a", 1, "del Orsa de Velmar"), _entity("b", 1, "Velmar", "place"),
                _entity("c", 1, "Velmar", "place")]
    assert not _together(_merged(_documents("a", "b", "c"), entities), "del Orsa de Velmar", "Velmar")


def test_anti_prefixed_group_does_not_swallow_the_group_it_opposes():
    doc = nlp.load()("The anti-Taliban forces met in Kabul. The Taliban said they would attack.")
    entities, _ = document_entities("d", doc)
    assert not any("Taliban" in e.aliases and e.name.lower().startswith("anti") for e in entities)


def test_father_is_not_merged_into_junior_within_one_article():
    doc = nlp.load()("Ilyas Varo Jr. leads the council. His father, General Ilyas Varo, died in 2011.")
    entities, _ = document_entities("d", doc)
    junior = [e for e in entities if e.name.startswith("Ilyas Varo Jr")]
    assert junior and "Ilyas Varo" not in junior[0].aliases


def _attribution(document: str, number: int, text: str, content: str, speaker: str, cue: str = "said",
                 entity: str | None = None) -> Attribution:
    start = text.index(content)
    return Attribution(f"{document}-a{number}", document, speaker, entity, cue, content, "indirect", None, [],
                       start, start + len(content))


def test_a_denial_is_the_speaker_against_the_proposition_it_denies():
    text = "The Council said it is false that government troops had crossed the river at Dravo."
    content = "it is false that government troops had crossed the river at Dravo"
    found = assertions(_documents("a", text=text), [_attribution("a", 1, text, content, "Council")], {})
    assert [(a.kind, a.text) for a in found] == [
        ("denial", content), ("denied", "government troops had crossed the river at Dravo")]


def test_one_content_given_two_cues_is_one_assertion_not_two_origins():
    text = "The Orsa Front said, and its leader Ivo Marr added, that the bridge at Dravo is closed."
    content = "the bridge at Dravo is closed"
    attributions = [_attribution("a", 1, text, content, "Orsa Front"), _attribution("a", 2, text, content, "Ivo Marr")]
    found = assertions(_documents("a", text=text), attributions, {})
    assert [a.speaker for a in found] == ["Orsa Front"]


def test_figures_are_read_in_words_and_digits():
    assert figures("At least 23 people were killed") == {"killed": 23}
    assert figures("seven fighters were killed and 12 wounded") == {"killed": 7, "wounded": 12}
    assert figures("the strike killed 40 people") == {"killed": 40}


def test_a_year_before_a_casualty_word_is_not_a_figure():
    assert figures("set up to care for veterans of the 1994 war and has treated wounded soldiers") == {}


def test_fighters_outside_a_sentence_about_a_strike_say_nothing_about_its_target():
    def member(text):
        return Assertion("a", 0, len(text), text, text, "X", None, [], "a-a1")

    assert member_stances(member("The charity treats fighters and civilians alike.")) == {}
    assert member_stances(member("There were no fighters in the area when the shells landed.")) == {"target": -1}


def _claims_and_disputes(documents, attributions, statements=None, reuse=()):
    claims = group_claims(assertions(documents, attributions, statements or {}), documents, list(reuse))
    return claims, find_disputes(claims, documents)


def test_copies_of_one_report_are_one_origin_and_two_speakers_are_two():
    a = "The governor said the shelling destroyed the grain depot at Velmar harbour."
    b = "Residents said the shelling destroyed the grain depot at Velmar harbour."
    documents = [Document("a", "a.txt", a, credits=["AFP"]), Document("b", "b.txt", a, credits=["AFP"]),
                 Document("c", "c.txt", b)]
    content = "the shelling destroyed the grain depot at Velmar harbour"
    attributions = [_attribution("a", 1, a, content, "governor", entity="E1"),
                    _attribution("b", 1, a, content, "governor", entity="E1"),
                    _attribution("c", 1, b, content, "Residents")]
    claims, _ = _claims_and_disputes(documents, attributions)
    (claim,) = [c for c in claims if len(c.documents) == 3]
    assert claim.independent_origins == 2


def test_different_death_tolls_for_one_strike_are_a_dispute_under_one_claim():
    a = "At least 23 people were killed when shells struck the market in Velmar on Wednesday, the charity said."
    b = "The ministry said seven fighters were killed when its shells struck a post near the market in Velmar on Wednesday."
    documents = _documents("a", text=a) + _documents("b", text=b)
    documents[1].text = b
    attributions = [_attribution("a", 1, a, a[:a.index(", the charity")], "charity"),
                    _attribution("b", 1, b, b[b.index("seven"):-1], "ministry")]
    claims, disputes = _claims_and_disputes(documents, attributions)
    parent = next(c for c in claims if len(c.documents) == 2 and c.parent is None)
    assert parent.independent_origins == 2
    assert any(d.reason.startswith("different figures") for d in disputes)


def _held_then_taken(first_date, second_date):
    a = "The mayor said the town of Velmar still holds and has not fallen to the rebels."
    b = "Rebel fighters captured the town of Velmar on Saturday, the Velmar council said."
    documents = [Document("a", "a.txt", a, published=first_date), Document("b", "b.txt", b, published=second_date)]
    attributions = [_attribution("a", 1, a, a[a.index("the town"):-1], "mayor"),
                    _attribution("b", 1, b, b[:b.index(", the Velmar")], "council")]
    return _claims_and_disputes(documents, attributions)[1]


def test_held_out_then_taken_is_a_change_over_time_not_a_dispute():
    assert not _held_then_taken("2026-03-01", "2026-05-02")


def test_taken_then_denied_is_a_dispute():
    assert any(d.reason.startswith("exclusive outcomes") for d in _held_then_taken("2026-05-02", "2026-05-02"))


def test_two_narrations_at_odds_are_not_a_dispute():
    a = "The town of Velmar still holds and has not fallen to the rebels of the Orsa Front."
    b = "Rebels of the Orsa Front captured the town of Velmar on Saturday."
    documents = [Document("a", "a.txt", a), Document("b", "b.txt", b)]
    statements = {"a": [Span(0, len(a))], "b": [Span(0, len(b))]}
    assert not _claims_and_disputes(documents, [], statements)[1]


def test_reused_passages_join_origins():
    a = "The envoy said talks would resume in Tarn next week."
    documents = _documents("a", text=a) + [Document("b", "b.txt", a)]
    content = "talks would resume in Tarn next week"
    attributions = [_attribution("a", 1, a, content, "envoy"), _attribution("b", 1, a, content, "an official")]
    reuse = [Reuse("a", "b", 0, len(a), 0, len(a), 1.0, True)]
    claims, _ = _claims_and_disputes(documents, attributions, reuse=reuse)
    assert next(c for c in claims if len(c.documents) == 2).independent_origins == 1
    assert isinstance(claims[0].members[0], Assertion)
