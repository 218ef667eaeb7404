"""Quotation marks paired into quotations."""

from __future__ import annotations

import pytest

from sitrep.attribution.quotes import quotation_spans


@pytest.mark.parametrize("text, quotations", [
    pytest.param('“We hold the bridge,” he said. The mayor said "the road is open" on Monday.',
                 ["“We hold the bridge,”", '"the road is open"'], id="curly-and-straight-quotes-pair-up"),
    pytest.param("He said: “The first part.\n\n“The second part.” Then silence.",
                 ["“The first part.\n\n“The second part.”"], id="a-quote-running-over-paragraphs-is-one"),
    pytest.param("He said: “The first part.\n\nThe reporter left.",
                 ["“The first part."], id="an-unclosed-quote-ends-with-its-paragraph"),
])
def test_quotations(text, quotations):
    assert [text[s:e] for s, e in quotation_spans(text)] == quotations
