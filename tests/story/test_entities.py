"""Entities merged across articles, on made-up entities."""

from __future__ import annotations

import pytest

from sitrep.records import Document, Entity, Mention
from sitrep.story.entities import merge_entities

from .inputs import documents_of


def _entity(document: str, number: int, name: str, kind: str = "person", aliases=(), at: int = 0) -> Entity:
    return Entity(f"{document}-e{number}", name, kind, list(aliases), [Mention(at, at + len(name), name, kind)],
                  [document])


def _merged(documents, entities) -> list[set[str]]:
    merged, _ = merge_entities(documents, entities)
    return [{e.name, *e.aliases} for e in merged]


def _together(groups: list[set[str]], *names: str) -> bool:
    return any(set(names) <= group for group in groups)


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
    merged, _ = merge_entities(documents_of("a", "b"), entities)
    foundation = [e for e in merged if e.name == "Marr Foundation"]
    assert len(foundation) == 1 and foundation[0].type == "organisation" and "Ivo Marr" not in foundation[0].aliases


@pytest.mark.parametrize("entities, names, joined", [
    pytest.param([_entity("a", 1, "Anvar Telmi"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Anwar Telmi"), _entity("b", 2, "Orsa Front", "organisation"),
                  _entity("c", 1, "Anvar Bek Telmi"), _entity("c", 2, "Orsa Front", "organisation")],
                 ["Anvar Telmi", "Anwar Telmi", "Anvar Bek Telmi"], True,
                 id="spelling-variants-and-a-middle-name-join-across-articles"),
    pytest.param([_entity("a", 1, "Ivo Marr"), _entity("a", 2, "Ivo Pell Marr"),
                  _entity("b", 1, "Ivo Marr"), _entity("b", 2, "Orsa Front", "organisation"),
                  _entity("c", 1, "Ivo Pell Marr"), _entity("c", 2, "Orsa Front", "organisation")],
                 ["Ivo Marr", "Ivo Pell Marr"], False, id="father-and-son-named-in-one-article-stay-apart-everywhere"),
    pytest.param([_entity("a", 1, "Orsa Liberation Front", "organisation", aliases=["OLF"]),
                  _entity("b", 1, "OFL", "organisation")],
                 ["Orsa Liberation Front", "OFL"], True, id="a-letter-swapped-acronym-joins-its-organisation"),
    pytest.param([_entity("a", 1, "Petar Sarkis"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Sarkis Aramyan"), _entity("b", 2, "Orsa Front", "organisation")],
                 ["Petar Sarkis", "Sarkis Aramyan"], False, id="two-people-sharing-one-name-part-stay-apart"),
    pytest.param([_entity("a", 1, "del Orsa de Velmar"), _entity("b", 1, "Velmar", "place"),
                  _entity("c", 1, "Velmar", "place")],
                 ["del Orsa de Velmar", "Velmar"], False, id="a-place-is-not-the-surname-of-a-mislabelled-person"),
    pytest.param([_entity("a", 1, "Mohammed Telmi"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Muhammad Telmi"), _entity("b", 2, "Orsa Front", "organisation"),
                  _entity("c", 1, "Mohamed Telmi"), _entity("c", 2, "Orsa Front", "organisation")],
                 ["Mohammed Telmi", "Muhammad Telmi", "Mohamed Telmi"], True,
                 id="three-transliterations-of-one-given-name-join"),
    pytest.param([_entity("a", 1, "Taras Honcharuk"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Taras Goncharuk"), _entity("b", 2, "Orsa Front", "organisation")],
                 ["Taras Honcharuk", "Taras Goncharuk"], True, id="ukrainian-h-and-russian-g-spellings-join"),
    pytest.param([_entity("a", 1, "Faheem Dashvi"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Fahim Dashvy"), _entity("b", 2, "Orsa Front", "organisation")],
                 ["Faheem Dashvi", "Fahim Dashvy"], True, id="ee-for-i-and-a-final-y-for-i-join"),
    pytest.param([_entity("a", 1, "Danylo Kyrylenko"), _entity("a", 2, "Orsa Front", "organisation"),
                  _entity("b", 1, "Danilo Kirilenko"), _entity("b", 2, "Velmar Council", "organisation")],
                 ["Danylo Kyrylenko", "Danilo Kirilenko"], False,
                 id="transliterations-without-a-shared-context-stay-apart"),
    pytest.param([_entity("a", 1, "Velmar Chargers", "organisation"), _entity("a", 2, "Ivo Marr"),
                  _entity("b", 1, "Chargers", "organisation"), _entity("b", 2, "Ivo Marr")],
                 ["Velmar Chargers", "Chargers"], True, id="an-organisations-short-name-joins-its-full-name"),
    pytest.param([_entity("a", 1, "North Velmar Rovers", "organisation"),
                  _entity("b", 1, "South Orsa Rovers", "organisation"), _entity("c", 1, "Rovers", "organisation")],
                 ["Rovers", "North Velmar Rovers"], False, id="a-short-name-two-organisations-end-with-stays-alone"),
    pytest.param([_entity("a", 1, "Orsa Medical Association", "organisation"),
                  _entity("b", 1, "OMA", "organisation")],
                 ["Orsa Medical Association", "OMA"], True, id="an-acronym-joins-its-expansion-in-another-article"),
    pytest.param([_entity("a", 1, "Orsa Medical Association", "organisation"),
                  _entity("b", 1, "Orsa Mining Authority", "organisation"), _entity("c", 1, "OMA", "organisation")],
                 ["Orsa Medical Association", "OMA"], False, id="an-acronym-two-organisations-share-stays-alone"),
])
def test_names_across_articles_join_or_stay_apart(entities, names, joined):
    documents = documents_of(*sorted({e.documents[0] for e in entities}))
    assert _together(_merged(documents, entities), *names) is joined


@pytest.mark.parametrize("names, joined", [
    pytest.param(("Dobropillya", "Dobropillia"), True, id="two-spellings-of-one-gazetteer-town-join"),
    pytest.param(("Kiev", "Kyiv"), True, id="a-city-under-its-old-and-new-name-joins"),
    pytest.param(("Kyiv", "Kharkiv"), False, id="two-cities-stay-apart"),
])
def test_places_join_through_the_gazetteers_alternate_names(names, joined):
    entities = [_entity("a", 1, names[0], "place"), _entity("a", 2, "Orsa Front", "organisation"),
                _entity("b", 1, names[1], "place"), _entity("b", 2, "Orsa Front", "organisation")]
    assert _together(_merged(documents_of("a", "b"), entities), *names) is joined


def test_a_person_is_not_joined_through_the_gazetteer():
    entities = [_entity("a", 1, "Dobropillya", "person"), _entity("a", 2, "Orsa Front", "organisation"),
                _entity("b", 1, "Dobropillia", "person"), _entity("b", 2, "Orsa Front", "organisation")]
    assert not _together(_merged(documents_of("a", "b"), entities), "Dobropillya", "Dobropillia")


@pytest.mark.parametrize("entities, names", [
    pytest.param([_entity("a", 1, "health ministry", "organisation"), _entity("a", 2, "Orsa", "place"),
                  _entity("b", 1, "Defence Ministry", "organisation"), _entity("b", 2, "Velmar", "place")],
                 ["health ministry", "Defence Ministry"], id="ministries-of-two-portfolios-and-countries-stay-apart"),
    pytest.param([_entity("a", 1, "health ministry", "organisation"), _entity("b", 1, "ministry", "organisation")],
                 ["health ministry", "ministry"], id="a-bare-ministry-joins-no-ministry-of-another-article"),
    pytest.param([_entity("a", 1, "ministry", "organisation"), _entity("a", 2, "Orsa", "place"),
                  _entity("b", 1, "Ministry", "organisation"), _entity("b", 2, "Orsa", "place")],
                 ["ministry", "Ministry"], id="bare-ministries-of-two-articles-are-not-one-by-the-word"),
])
def test_organisations_that_differ_in_their_distinctive_words_stay_apart(entities, names):
    _, links = merge_entities(documents_of(*sorted({e.documents[0] for e in entities})), entities)
    first, second = (next(e.id for e in entities if e.name == name) for name in names)
    assert links[first] != links[second]


def test_a_bare_head_joins_the_organisation_its_own_article_names_by_acronym():
    entities = [_entity("a", 1, "Velmar Resistance Council", "organisation", aliases=["VRC"]),
                _entity("b", 1, "VRC", "organisation"), _entity("b", 2, "Council", "organisation"),
                _entity("c", 1, "Council", "organisation")]
    merged, _ = merge_entities(documents_of("a", "b", "c"), entities)
    council = [e for e in merged if e.name == "Velmar Resistance Council"]
    assert council and sorted(council[0].documents) == ["a", "b"]


def test_a_lone_city_name_read_as_a_person_is_a_place():
    """Regression: the small tagger read "Kyiv" as a person and "Mariupol" as an organisation."""
    documents = [Document("d", "d.txt", "Kyiv said the strike was deliberate.")]
    entity = Entity("d-e1", "Kyiv", "person", [], [Mention(0, 4, "Kyiv", "person")], ["d"])
    merged, _ = merge_entities(documents, [entity])
    assert [e.type for e in merged] == ["place"]


def test_british_and_american_spellings_of_an_organisation_are_one_name():
    """Regression: "the Velmar Defence Ministry" and "the Velmar Defense Ministry" stayed two organisations."""
    entities = [_entity("a", 1, "Velmar Defence Ministry", "organisation"),
                _entity("b", 1, "Velmar Defense Ministry", "organisation")]
    assert _together(_merged(documents_of("a", "b"), entities), "Velmar Defence Ministry", "Velmar Defense Ministry")
