"""The coreference scorer: it reproduces the reference rows of the ECB+ data's README, and small cases
worked by hand."""

from __future__ import annotations

import pytest

from conftest import SHARED
from sitrep.story import coreference_eval as ce

DEV = SHARED / "data" / "ecbplus" / "dev.jsonl"


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    if not DEV.exists():
        pytest.skip(f"{DEV} is not here")
    return ce.read_gold(DEV)


def _scores(stories, predict) -> dict[str, float]:
    counts = sum((ce.score_story(s, predict(s)) for s in stories), ce.Counts())
    return {name: round(value, 4) for name, value in ce.Scores(counts).row().items()}


@pytest.mark.parametrize("clue, conll, muc, b3, ceaf, lea, cross", [
    pytest.param("string", 0.7085, 0.8155, 0.7114, 0.5986, 0.6029, (0.9858, 0.3983, 0.5674), id="exact-string"),
    pytest.param("head", 0.8622, 0.9216, 0.8861, 0.7788, 0.8193, (0.9581, 0.8094, 0.8775), id="same-head-word"),
])
def test_the_readme_reference_rows_are_reproduced(dev, clue, conll, muc, b3, ceaf, lea, cross):
    row = _scores(dev, lambda s: ce.baseline(s, clue))
    assert (row["CoNLL F1"], row["MUC F1"], row["B³ F1"], row["CEAF-e F1"], row["LEA F1"]) == (
        conll, muc, b3, ceaf, lea)
    assert (row["cross-doc pairwise P"], row["cross-doc pairwise R"], row["cross-doc pairwise F1"]) == cross


def test_every_mention_alone_scores_as_the_readme_says(dev):
    row = _scores(dev, lambda s: [(str(i), [m]) for i, m in enumerate(m for c in ce.gold_chains(s) for m in c)])
    assert (row["CoNLL F1"], row["MUC F1"], row["B³ F1"], row["CEAF-e F1"], row["LEA F1"]) == (
        0.2331, 0, 0.406, 0.2935, 0.146)


@pytest.mark.parametrize("text, head", [
    ("Jim O'Brien", "Brien"), ("Jim O'Brien's,", "Brien"), ("the Sixers'", "Sixers"), ("U.S.", "S"),
    ("Philadelphia 76ers", "76ers"),
])
def test_head_word_is_the_last_run_without_punctuation_or_possessive(text, head):
    start, end = ce.head_word(text)
    assert text[start:end] == head


def _story(*chains: list[tuple[str, int, int, str]]) -> dict:
    return {"id": "s", "documents": [], "entities": [
        {"id": f"g{i}", "mentions": [{"document": d, "start": s, "end": e, "text": t, "named": True}
                                     for d, s, e, t in chain]} for i, chain in enumerate(chains)]}


def test_a_predicted_mention_matches_on_overlap_and_head_word_one_to_one():
    story = _story([("a", 0, 11, "Jim O'Brien"), ("b", 4, 11, "O'Brien")])
    # "Jim O'Brien's" ends on the same head; "Jim" overlaps but has another head; one span matches once
    predicted = [("p", [(("a", 0, 13), "Jim O'Brien's"), (("b", 0, 3), "Jim"), (("b", 4, 11), "O'Brien")])]
    counts = ce.score_story(story, predicted)
    assert counts.matched == 2 and counts.predicted_mentions == 3 and counts.cross_correct == 1


def test_an_unmatched_gold_mention_is_a_singleton_of_the_response():
    story = _story([("a", 0, 5, "Marra"), ("b", 0, 5, "Marra"), ("c", 0, 5, "Marra")])
    predicted = [("p", [(("a", 0, 5), "Marra"), (("b", 0, 5), "Marra")])]
    scores = ce.Scores(ce.score_story(story, predicted))
    assert scores.mention_recall == pytest.approx(2 / 3)
    assert scores.muc.recall == pytest.approx(1 / 2) and scores.muc.precision == 1
    assert scores.cross_document.recall == pytest.approx(1 / 3) and scores.cross_document.precision == 1


def test_ceaf_aligns_entities_one_to_one():
    # two key entities, one response entity holding both: only one key entity can be aligned to it
    story = _story([("a", 0, 1, "A"), ("b", 0, 1, "A")], [("a", 2, 3, "B"), ("b", 2, 3, "B")])
    predicted = [("p", [(("a", 0, 1), "A"), (("b", 0, 1), "A"), (("a", 2, 3), "B"), (("b", 2, 3), "B")])]
    scores = ce.Scores(ce.score_story(story, predicted))
    assert scores.ceaf_e.recall == pytest.approx((2 * 2 / 6) / 2) and scores.ceaf_e.precision == pytest.approx(4 / 6)


def test_max_assignment_finds_the_best_pairing_not_the_greedy_one():
    # greedy takes 0.9 (row 0 → column 0) and then 0.1; the best is 0.8 + 0.8
    assert ce.max_assignment([{0: 0.9, 1: 0.8}, {0: 0.8, 1: 0.1}], 2) == pytest.approx(1.6)
