"""Quotation marks paired into quotations."""

from __future__ import annotations

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
