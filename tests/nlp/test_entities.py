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
