"""The shared text helpers: sentences, quote folding, stems."""

from __future__ import annotations

from sitrep.text import QUOTE_FOLDING, sentence_around, sentence_spans, stem


def test_sentence_around_stops_at_a_quotation_opening_the_next_sentence():
    text = "The minister blamed the rebels. “They lie,” he said."
    assert sentence_around(text, text.index("They"), text.index(",”")) == "“They lie,” he said."


def test_sentence_around_keeps_the_closing_quote_of_a_quotation_ending_its_paragraph():
    text = "He said: “We hold the bridge.”\n\nThe shelling went on."
    assert sentence_around(text, text.index("We"), text.index("\n")) == "He said: “We hold the bridge.”"


def test_sentences_end_at_their_mark_and_at_paragraph_breaks():
    text = "The army said it had taken the bridge. “It is ours,” a spokesman said.\n\nA heading\n\nThe end"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The army said it had taken the bridge.", "“It is ours,” a spokesman said.", "A heading", "The end"]


def test_quote_folding_makes_curly_quotes_and_guillemets_straight():
    assert "“Yes,” ‘no’ «maybe»".translate(QUOTE_FOLDING) == "\"Yes,\" 'no' \"maybe\""


def test_stem_joins_the_inflections_of_a_word():
    assert {stem(w) for w in ("claims", "claimed", "claiming", "claim")} == {"claim"}
    assert stem("planned") == "plan" and stem("denied") == "deny" and stem("Says") == "say"


def test_sentence_splitter_does_not_cut_after_mr():
    text = "The talks failed, Mr. Varo said. Gen. Ilyas Varo Jr. left on Sept. 12 for the U.S. Army base."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The talks failed, Mr. Varo said.", "Gen. Ilyas Varo Jr. left on Sept. 12 for the U.S. Army base."]
    said = text.index("Varo said")
    assert sentence_around(text, said, said + 4) == "The talks failed, Mr. Varo said."
