from __future__ import annotations

import json

import pytest

from conftest import SHARED
from sitrep.attribution.evaluation import ROLES, AttributionScores, Scores, score

POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"

# Tokens: The mayor said the bridge would reopen in May . | Critics doubt the timetable . | Traffic will be heavy .
MAYOR = "The mayor said the bridge would reopen in May. Critics doubt the timetable. Traffic will be heavy."
POLICE = "Police said on Friday that two men were arrested."
MINISTER = '"We will rebuild," the minister said, "and we will do it quickly."'
TALKS = "Talks will resume next week, it was reported. The envoy said progress was slow."


def spans(text: str, *phrases: str) -> list[dict]:
    return [{"start": text.index(p), "end": text.index(p) + len(p)} for p in phrases]


def attribution(text: str, source: str | None, cue: str, content: str | tuple[str, ...]) -> dict:
    contents = content if isinstance(content, tuple) else (content,)
    return {"source": spans(text, source) if source else [], "cue": spans(text, cue),
            "content": spans(text, *contents)}


def article(text: str, *attributions: dict) -> dict:
    return {"id": text[:12], "text": text, "attributions": list(attributions)}


def score_articles(gold: list[dict], predicted: list[dict]) -> AttributionScores:
    return score(gold, predicted, {a["id"]: a["text"] for a in gold})


MAYOR_SAID = attribution(MAYOR, "The mayor", "said", "the bridge would reopen in May")
CRITICS_DOUBT = attribution(MAYOR, "Critics", "doubt", "the timetable")
MAYOR_GOLD = article(MAYOR, MAYOR_SAID, CRITICS_DOUBT)
POLICE_GOLD = article(POLICE, attribution(POLICE, "Police", "said", "two men were arrested"))
MINISTER_GOLD = article(MINISTER, attribution(MINISTER, "the minister", "said",
                                              ("We will rebuild", "and we will do it quickly")))
TALKS_REPORTED = attribution(TALKS, None, "was reported", "Talks will resume next week")
ENVOY_SAID = attribution(TALKS, "The envoy", "said", "progress was slow")
TALKS_GOLD = article(TALKS, TALKS_REPORTED, ENVOY_SAID)


def assert_scores(actual: Scores, precision: float, recall: float) -> None:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert (actual.precision, actual.recall, actual.f1) == pytest.approx((precision, recall, f1))


def test_perfect_prediction_scores_one_everywhere():
    gold = [MAYOR_GOLD, POLICE_GOLD, MINISTER_GOLD, TALKS_GOLD]
    result = score_articles(gold, gold)
    assert result.as_table() == [(role, metric, 1.0, 1.0, 1.0) for role in ROLES for metric in ("exact", "overlap")]
    assert result.attribution_recall == 1.0
    assert (result.articles, result.gold, result.predicted) == (4, 6, 6)


def test_one_word_short_fails_exact_and_loses_overlap_recall():
    predicted = article(MAYOR, attribution(MAYOR, "mayor", "said", "bridge would reopen in May"), CRITICS_DOUBT)
    result = score_articles([MAYOR_GOLD], [predicted])
    assert_scores(result.exact["cue"], 1, 1)
    assert_scores(result.overlap["cue"], 1, 1)
    assert_scores(result.exact["source"], 1 / 2, 1 / 2)
    assert_scores(result.overlap["source"], 1, 2 / 3)  # "mayor" + "Critics" of "The mayor" + "Critics"
    assert_scores(result.exact["content"], 1 / 2, 1 / 2)
    assert_scores(result.overlap["content"], 1, 7 / 8)  # 5 + 2 of 6 + 2 gold tokens
    assert result.attribution_recall == 1.0


def test_one_word_long_fails_exact_and_loses_overlap_precision():
    predicted = article(POLICE, attribution(POLICE, "Police", "said", "that two men were arrested"))
    result = score_articles([POLICE_GOLD], [predicted])
    assert_scores(result.exact["content"], 0, 0)
    assert_scores(result.overlap["content"], 4 / 5, 1)
    assert_scores(result.exact["source"], 1, 1)


def test_missing_attribution_lowers_recall_not_precision():
    result = score_articles([MAYOR_GOLD], [article(MAYOR, MAYOR_SAID)])
    for role in ROLES:
        assert_scores(result.exact[role], 1, 1 / 2)
    assert_scores(result.overlap["cue"], 1, 1 / 2)
    assert_scores(result.overlap["source"], 1, 2 / 3)
    assert_scores(result.overlap["content"], 1, 6 / 8)
    assert result.attribution_recall == 1 / 2
    assert (result.gold, result.predicted) == (2, 1)


def test_extra_attribution_lowers_precision_not_recall():
    spurious = attribution(MAYOR, None, "will", "be heavy")
    result = score_articles([MAYOR_GOLD], [article(MAYOR, MAYOR_SAID, CRITICS_DOUBT, spurious)])
    for role in ROLES:
        assert_scores(result.exact[role], 2 / 3, 1)
    assert_scores(result.overlap["cue"], 2 / 3, 1)
    assert_scores(result.overlap["source"], 1, 1)  # an empty source adds no tokens
    assert_scores(result.overlap["content"], 8 / 10, 1)
    assert result.attribution_recall == 1.0


def test_spans_are_compared_by_the_tokens_they_touch():
    padded = {"start": MINISTER.index("the minister") - 1, "end": MINISTER.index("the minister") + 9}  # " the minis"
    predicted = article(MINISTER, {**MINISTER_GOLD["attributions"][0], "source": [padded]})
    result = score_articles([MINISTER_GOLD], [predicted])
    assert_scores(result.exact["source"], 1, 1)


def test_discontinuous_content_is_one_set_of_tokens():
    def predicted(*contents: str) -> dict:
        return article(MINISTER, attribution(MINISTER, "the minister", "said", contents))

    reordered = score_articles([MINISTER_GOLD], [predicted("and we will do it quickly", "We will rebuild")])
    assert_scores(reordered.exact["content"], 1, 1)

    first_part = score_articles([MINISTER_GOLD], [predicted("We will rebuild")])
    assert_scores(first_part.exact["content"], 0, 0)
    assert_scores(first_part.overlap["content"], 1, 3 / 9)

    # One span across the gap also takes in `," the minister said, "` (7 tokens).
    spanning = score_articles([MINISTER_GOLD],
                              [predicted('We will rebuild," the minister said, "and we will do it quickly')])
    assert_scores(spanning.exact["content"], 0, 0)
    assert_scores(spanning.overlap["content"], 9 / 16, 1)
    assert spanning.attribution_recall == 1.0


def test_empty_sources_match_each_other_only():
    invented_source = attribution(TALKS, "it", "was reported", "Talks will resume next week")
    result = score_articles([TALKS_GOLD], [article(TALKS, invented_source, ENVOY_SAID)])
    assert_scores(result.exact["source"], 1 / 2, 1 / 2)
    assert_scores(result.overlap["source"], 2 / 3, 1)
    assert_scores(result.exact["content"], 1, 1)
    assert result.attribution_recall == 1 / 2

    dropped_source = attribution(TALKS, None, "said", "progress was slow")
    assert score_articles([TALKS_GOLD], [article(TALKS, TALKS_REPORTED, dropped_source)]).attribution_recall == 1 / 2


def test_source_and_content_need_a_matching_cue():
    wrong_cue = attribution(POLICE, "Police", "arrested", "two men were arrested")
    result = score_articles([POLICE_GOLD], [article(POLICE, wrong_cue)])
    assert_scores(result.exact["source"], 0, 0)
    assert_scores(result.exact["content"], 0, 0)
    assert_scores(result.overlap["source"], 1, 1)
    assert result.attribution_recall == 0.0


def test_counts_are_summed_over_the_corpus():
    # POLICE has no predicted entry, so its one attribution is missed: 2 of 3 found, not (1 + 0) / 2.
    result = score_articles([MAYOR_GOLD, POLICE_GOLD], [MAYOR_GOLD])
    assert_scores(result.exact["cue"], 1, 2 / 3)
    assert result.attribution_recall == pytest.approx(2 / 3)
    assert result.articles == 2


def test_predictions_for_unknown_articles_are_refused():
    with pytest.raises(ValueError, match="not in the gold data"):
        score_articles([MAYOR_GOLD], [POLICE_GOLD])


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev data not available")
def test_polnear_dev_gold_scores_one_against_itself():
    articles = [json.loads(line) for line in POLNEAR_DEV.read_text(encoding="utf-8").splitlines()]
    result = score_articles(articles, articles)
    assert all(row[2:] == (1.0, 1.0, 1.0) for row in result.as_table())
    assert result.attribution_recall == 1.0
    assert result.gold == result.predicted == sum(len(a["attributions"]) for a in articles)
