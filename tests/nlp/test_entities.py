"""Entities within one document: names, mentions grouped, titles and family names."""

from __future__ import annotations

from sitrep import nlp
from sitrep.nlp.entities import document_entities, initials, name_form


def test_a_name_behind_a_personal_title_is_a_person_whatever_spacy_says():
    doc = nlp.load()("Governor Petar Varin said the town would hold. Varin left on Monday.")
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
