"""Entities within one document: names, mentions grouped, titles and family names."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep import nlp
from sitrep.nlp import document_entities
from sitrep.nlp.entities import initials, name_form

TITLED = "Governor Petar Varin said the town would hold . Varin left on Monday .".split()


@pytest.mark.parametrize("name_starts, label", [
    pytest.param(1, "ORG", id="title-before-a-name-tagged-organisation"),
    pytest.param(1, "GPE", id="title-before-a-name-tagged-country"),
    pytest.param(1, "NORP", id="title-before-a-name-tagged-nationality"),
    pytest.param(1, "FAC", id="title-before-a-name-tagged-building"),
    pytest.param(1, "LOC", id="title-before-a-name-tagged-location"),
    pytest.param(0, "ORG", id="title-inside-a-name-tagged-organisation"),
])
def test_a_name_behind_a_personal_title_is_a_person_whatever_spacy_says(name_starts, label):
    ents = ["O"] * len(TITLED)
    ents[name_starts:3] = [f"B-{label}"] + [f"I-{label}"] * (2 - name_starts)
    spaces = [TITLED[i + 1] != "." for i in range(len(TITLED) - 1)] + [False]
    doc = Doc(spacy.blank("en").vocab, words=TITLED, spaces=spaces, ents=ents)
    entities, _ = document_entities("d", doc)
    varin = [e for e in entities if e.name.endswith("Varin")]
    assert varin and varin[0].type == "person"


def test_names_lose_titles_articles_and_possessives():
    assert name_form("Foreign Minister Ivo Marr’s") == "Ivo Marr"
    assert name_form("the Valley Front") == "Valley Front"
    assert initials("Front for the Liberation of Velmar") == "FLV"


def test_mentions_group_into_entities_within_a_document():
    text = ("Foreign Minister Ivo Marr met the Valley Liberation Front (VFL) in Velmar. "
            "Marr said the VLF had agreed to talks. Mr. Marr left Velmar on Sunday.")
    doc = nlp.load()(text)
    entities, _ = document_entities("d1", doc)
    marr = [e for e in entities if e.name == "Ivo Marr"]
    assert marr and len(marr[0].mentions) >= 2
    front = [e for e in entities if "VLF" in e.aliases or "VFL" in e.aliases]
    assert front and {"VLF", "VFL"} <= {front[0].name, *front[0].aliases}


def test_anti_prefixed_group_does_not_swallow_the_group_it_opposes():
    doc = nlp.load()("The anti-Taliban forces met in Kabul. The Taliban said they would attack.")
    entities, _ = document_entities("d", doc)
    assert not any("Taliban" in e.aliases and e.name.lower().startswith("anti") for e in entities)


def test_father_is_not_merged_into_junior_within_one_article():
    doc = nlp.load()("Ilyas Varo Jr. leads the council. His father, General Ilyas Varo, died in 2011.")
    entities, _ = document_entities("d", doc)
    junior = [e for e in entities if e.name.startswith("Ilyas Varo Jr")]
    assert junior and "Ilyas Varo" not in junior[0].aliases


def _doc(words: list[str], spans: list[tuple[int, int, str]]) -> Doc:
    """A hand-built Doc: `spans` are (first token, end token, label) entity mentions."""
    ents = ["O"] * len(words)
    for first, end, label in spans:
        ents[first:end] = [f"B-{label}"] + [f"I-{label}"] * (end - first - 1)
    spaces = [words[i + 1] not in ".,\n" and words[i] != "\n" for i in range(len(words) - 1)] + [False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents)


def test_a_glued_neighbour_is_cut_off_a_persons_name():
    words = "Tajikistan Ivo Marr spoke . Ivo Marr left Tajikistan .".split()
    entities, _ = document_entities("d", _doc(words, [(0, 3, "PERSON"), (5, 7, "PERSON"), (8, 9, "GPE")]))
    marr = [e for e in entities if "Marr" in e.name]
    assert len(marr) == 1 and marr[0].name == "Ivo Marr" and [m.text for m in marr[0].mentions] == ["Ivo Marr"] * 2


def test_a_foundation_named_after_a_person_keeps_its_words():
    words = "Ivo Marr Foundation gave . Ivo Marr left .".split()
    entities, _ = document_entities("d", _doc(words, [(0, 3, "ORG"), (5, 7, "PERSON")]))
    assert {e.name for e in entities} == {"Ivo Marr Foundation", "Ivo Marr"}


def test_a_surname_before_the_full_name_joins_the_one_person_it_fits():
    words = ["Marr", "resigns", "\n", *"Coach Ivo Marr resigned on Monday .".split()]
    entities, _ = document_entities("d", _doc(words, [(0, 1, "PERSON"), (4, 6, "PERSON")]))
    assert [(e.name, len(e.mentions)) for e in entities] == [("Ivo Marr", 2)]


def test_a_surname_before_two_people_who_share_it_stays_alone():
    words = ["Marr", "resigns", "\n", *"Ivo Marr and Ilka Marr left .".split()]
    entities, _ = document_entities("d", _doc(words, [(0, 1, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")]))
    assert len(entities) == 3


def test_a_name_the_tagger_found_once_is_found_where_it_is_written_again():
    words = "The Orsa Chargers won . Later the Orsa Chargers lost .".split()
    entities, _ = document_entities("d", _doc(words, [(1, 3, "ORG")]))
    assert len(entities) == 1 and len(entities[0].mentions) == 2


def test_the_type_is_what_most_mentions_say_and_a_person_stays_a_person():
    words = "Orsa Vel rose . Orsa Vel fell . Orsa Vel rose .".split()
    place, _ = document_entities("d", _doc(words, [(0, 2, "ORG"), (4, 6, "GPE"), (8, 10, "GPE")]))
    person, _ = document_entities("d", _doc(words, [(0, 2, "PERSON"), (4, 6, "GPE"), (8, 10, "GPE")]))
    assert [e.type for e in place] == ["place"] and [e.type for e in person] == ["person"]


def test_the_name_is_the_form_most_mentions_support_not_the_first():
    words = "Comedian Ivo Marr spoke . Ivo Marr left . Ivo Marr came back .".split()
    entities, _ = document_entities("d", _doc(words, [(0, 3, "PERSON"), (5, 7, "PERSON"), (9, 11, "PERSON")]))
    assert entities[0].name == "Ivo Marr" and "Comedian Ivo Marr" in entities[0].aliases


def test_a_surname_before_a_father_and_his_junior_son_stays_alone():
    words = ["Marr", "resigns", "\n", *"Ivo Marr and Ivo Marr Jr. left .".split()]
    entities, _ = document_entities("d", _doc(words, [(0, 1, "PERSON"), (3, 5, "PERSON"), (6, 9, "PERSON")]))
    assert any(e.name == "Marr" for e in entities)


@pytest.mark.parametrize("mention, name", [
    pytest.param("Health Minister Mirela Vost", "Mirela Vost", id="a-portfolio-before-minister-is-part-of-the-title"),
    pytest.param("Fisheries Minister Mirela Vost", "Mirela Vost", id="any-capitalised-portfolio-before-minister"),
    pytest.param("Minister of Health Mirela Vost", "Mirela Vost", id="minister-of-a-portfolio"),
    pytest.param("Minister of the Interior Mirela Vost", "Mirela Vost", id="minister-of-the-portfolio"),
    pytest.param("Minister of Foreign Affairs Mirela Vost", "Mirela Vost", id="minister-of-a-two-word-portfolio"),
    pytest.param("Minister of Fisheries Mirela Vost", "Mirela Vost", id="minister-of-a-portfolio-not-listed"),
    pytest.param("Homeland Security Secretary Mirela Vost", "Mirela Vost", id="a-secretary-with-a-portfolio"),
    pytest.param("Orsan Prime Minister Mirela Vost", "Mirela Vost", id="a-country-before-prime-minister"),
    pytest.param("Army Spokeswoman Mirela Vost", "Mirela Vost", id="a-spokeswoman-of-an-organisation"),
    pytest.param("Rebel Commander Mirela Vost", "Mirela Vost", id="a-commander"),
    pytest.param("Secretary-General Mirela Vost", "Mirela Vost", id="a-hyphenated-title"),
    pytest.param("Mayor Tomas Vost", "Tomas Vost", id="a-mayor"),
    pytest.param("the Defence Ministry", "Defence Ministry", id="a-ministry-keeps-its-portfolio"),
    pytest.param("defence ministry", "defence ministry", id="a-lower-case-ministry-keeps-its-portfolio"),
    pytest.param("Foreign Minister's Office", "Foreign Minister's Office", id="an-office-keeps-its-title-words"),
    pytest.param("Velmar General Hospital", "Velmar General Hospital", id="general-inside-a-name-is-no-title"),
])
def test_office_titles_are_stripped_from_names_and_organisations_keep_their_words(mention, name):
    assert name_form(mention) == name


def test_a_health_minister_and_a_mayor_who_share_a_surname_stay_two_people():
    words = "Health Minister Mirela Vost met Mayor Tomas Vost . Mirela Vost left .".split()
    entities, _ = document_entities("d", _doc(words, [(0, 4, "PERSON"), (5, 8, "PERSON"), (9, 11, "PERSON")]))
    people = sorted((e.name, len(e.mentions)) for e in entities)
    assert people == [("Mirela Vost", 2), ("Tomas Vost", 1)]
