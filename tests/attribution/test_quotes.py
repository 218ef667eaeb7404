from __future__ import annotations

from sitrep import nlp
from sitrep.nlp.entities import document_entities, initials, name_form
from sitrep.attribution.quotes import quotation_spans


def _quoted(text):
    return [text[s:e] for s, e in quotation_spans(text)]


def test_curly_and_straight_quotes_pair_up():
    text = '“We hold the bridge,” he said. The mayor said "the road is open" on Monday.'
    assert _quoted(text) == ["“We hold the bridge,”", '"the road is open"']


def test_a_quote_running_over_paragraphs_is_one_quotation():
    text = "He said: “The first part.\n\n“The second part.” Then silence."
    assert _quoted(text) == ["“The first part.\n\n“The second part.”"]


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = "He said: “The first part.\n\nThe reporter left."
    assert _quoted(text) == ["“The first part."]


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
