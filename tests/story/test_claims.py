"""Claims on small made-up inputs: assertions, figures, stances, independent origins."""

from __future__ import annotations

from sitrep.records import Assertion, Document, Reuse
from sitrep.story.claims import assertions, figures, member_stances

from .inputs import attribution, claims_and_disputes, documents_of


def test_a_denial_is_the_speaker_against_the_proposition_it_denies():
    text = "The Council said it is false that government troops had crossed the river at Dravo."
    content = "it is false that government troops had crossed the river at Dravo"
    found = assertions(documents_of("a", text=text), [attribution("a", 1, text, content, "Council")], {})
    assert [(a.kind, a.text) for a in found] == [
        ("denial", content), ("denied", "government troops had crossed the river at Dravo")]


def test_one_content_given_two_cues_is_one_assertion_not_two_origins():
    text = "The Orsa Front said, and its leader Ivo Marr added, that the bridge at Dravo is closed."
    content = "the bridge at Dravo is closed"
    attributions = [attribution("a", 1, text, content, "Orsa Front"), attribution("a", 2, text, content, "Ivo Marr")]
    found = assertions(documents_of("a", text=text), attributions, {})
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


def test_copies_of_one_report_are_one_origin_and_two_speakers_are_two():
    a = "The governor said the shelling destroyed the grain depot at Velmar harbour."
    b = "Residents said the shelling destroyed the grain depot at Velmar harbour."
    documents = [Document("a", "a.txt", a, credits=["AFP"]), Document("b", "b.txt", a, credits=["AFP"]),
                 Document("c", "c.txt", b)]
    content = "the shelling destroyed the grain depot at Velmar harbour"
    attributions = [attribution("a", 1, a, content, "governor", entity="E1"),
                    attribution("b", 1, a, content, "governor", entity="E1"),
                    attribution("c", 1, b, content, "Residents")]
    claims, _ = claims_and_disputes(documents, attributions)
    (claim,) = [c for c in claims if len(c.documents) == 3]
    assert claim.independent_origins == 2


def test_reused_passages_join_origins():
    a = "The envoy said talks would resume in Tarn next week."
    documents = documents_of("a", text=a) + [Document("b", "b.txt", a)]
    content = "talks would resume in Tarn next week"
    attributions = [attribution("a", 1, a, content, "envoy"), attribution("b", 1, a, content, "an official")]
    reuse = [Reuse("a", "b", 0, len(a), 0, len(a), 1.0, True)]
    claims, _ = claims_and_disputes(documents, attributions, reuse=reuse)
    assert next(c for c in claims if len(c.documents) == 2).independent_origins == 1
    assert isinstance(claims[0].members[0], Assertion)
