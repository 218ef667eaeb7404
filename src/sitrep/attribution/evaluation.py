"""Score predicted attributions against gold ones, with the metrics of BBC R&D's Citron.

The definitions follow Citron (https://github.com/bbc/citron): ``citron/metrics.py``
(``evaluate`` and its helpers, run by ``scripts/evaluate/citron_evaluate.py``) and the span
tests in ``citron/utils.py``. In Citron's terms an attribution is a quote with one cue, a list
of source spans and a list of content spans; here every role is a list of spans.

Spans are compared as tokens, never as characters. The article text is split into word and
punctuation tokens (``\\w+|[^\\w\\s]``) and a span stands for every token it touches, so
surrounding white space, or a span ending mid-word, makes no difference (Citron likewise snaps
character offsets outward to whole spaCy tokens). Punctuation tokens count, as in Citron: a
content span with its quotation marks is not the same as one without them.

Exact match, counted per attribution (so attributions with an empty source count too):

* cue: a predicted attribution is a hit when some gold attribution of the article has exactly
  the same cue tokens; a gold attribution is found when some predicted one has its cue tokens.
* source, content: a hit needs a gold attribution whose cue shares a token with the predicted
  cue *and* whose source (content) has exactly the same tokens. Two empty sources are equal.
* precision = predicted hits / predicted attributions; recall = gold attributions found /
  gold attributions.

Token overlap, per role: precision = predicted tokens lying inside some gold span of that
role in the same article / predicted tokens; recall = gold tokens inside some predicted span of
that role / gold tokens. Each attribution's tokens count once, so a token shared by two
attributions (a source named twice) counts twice on its side.

F1 is the harmonic mean; any ratio with a zero denominator is 0.0 (as in Citron). All counts
are summed over the corpus before dividing (micro-average).

Where this differs from Citron's code, and why:

* Discontinuous roles are compared as sets of tokens; Citron compares ordered span lists, which
  only agree when both sides cut the role into the same pieces.
* Citron's overlap numerator sums the overlap of every predicted/gold pair, which counts a
  token again for each gold span containing it. PolNeAR often gives one source span to several
  attributions (116 such pairs in dev), so that sum exceeds the token count and gold scored
  against itself would not give 1.0. Here a predicted token is checked once against the union
  of the gold spans.
* Citron's exact recall divides predicted hits by (predicted hits + unfound gold); this module
  uses found gold / gold. The two agree whenever matches are one-to-one.
* Cues "share a token" here; Citron's overlap test also accepts cues that merely touch.

Citron also prints an "All Quote Spans" exact score (cue, sources and contents all exact) and a
pooled overlap score (with precision and recall swapped in its output); they are not computed
here. Instead, whole-attribution recall (not a Citron metric) is the share of gold attributions
for which one predicted attribution overlaps its cue and its content, and its source too unless
both sources are empty.

Articles are matched by id; a gold article with no predicted entry has no predictions.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("cue", "source", "content")
TOKEN = re.compile(r"\w+|[^\w\s]")


def read_gold(path: str | Path) -> list[dict]:
    """Annotated articles, one JSON object a line (PolNeAR's shape)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# One attribution as the token indices each role covers.
Tokenised = dict[str, frozenset[int]]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one role under one metric."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, hits_predicted: int, predicted: int, hits_gold: int, gold: int) -> Scores:
        precision = _ratio(hits_predicted, predicted)
        recall = _ratio(hits_gold, gold)
        return cls(precision, recall, _ratio(2 * precision * recall, precision + recall))


@dataclass
class AttributionScores:
    """Corpus-level scores: ``exact`` and ``overlap`` are keyed by role (cue, source, content)."""

    exact: dict[str, Scores]
    overlap: dict[str, Scores]
    attribution_recall: float
    articles: int
    gold: int
    predicted: int

    def as_table(self) -> list[tuple[str, str, float, float, float]]:
        """Rows of (role, metric, precision, recall, f1), each role's exact row then its overlap row."""
        return [(role, metric, s.precision, s.recall, s.f1)
                for role in ROLES
                for metric, s in (("exact", self.exact[role]), ("overlap", self.overlap[role]))]


@dataclass
class _RoleCounts:
    exact_predicted_hits: int = 0
    exact_gold_found: int = 0
    predicted_tokens: int = 0
    predicted_tokens_in_gold: int = 0
    gold_tokens: int = 0
    gold_tokens_predicted: int = 0


@dataclass
class _Counts:
    roles: dict[str, _RoleCounts] = field(default_factory=lambda: {role: _RoleCounts() for role in ROLES})
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    gold_attributions_found: int = 0


class _TokenIndex:
    """Maps character spans of one text to the indices of the tokens they touch."""

    def __init__(self, text: str) -> None:
        tokens = list(TOKEN.finditer(text))
        self.starts = [t.start() for t in tokens]
        self.ends = [t.end() for t in tokens]

    def covered(self, spans: Iterable[dict]) -> frozenset[int]:
        indices: set[int] = set()
        for span in spans:
            first = bisect_right(self.ends, span["start"])  # first token ending after the start
            stop = bisect_left(self.starts, span["end"])  # tokens starting before the end
            indices.update(range(first, stop))
        return frozenset(indices)

    def tokenise(self, attribution: dict) -> Tokenised:
        return {role: self.covered(attribution.get(role, [])) for role in ROLES}


def score(gold: list[dict], predicted: list[dict], text_by_id: dict[str, str]) -> AttributionScores:
    """Score ``predicted`` articles against ``gold`` ones (both in the PolNeAR shape).

    Each article is ``{"id", "attributions": [{"source": [{"start", "end"}], "cue": [...],
    "content": [...]}]}`` with offsets into ``text_by_id[id]``. Raises ``ValueError`` for a
    predicted article whose id is not among the gold ones.
    """
    predicted_by_id = {article["id"]: article["attributions"] for article in predicted}
    unknown = predicted_by_id.keys() - {article["id"] for article in gold}
    if unknown:
        raise ValueError(f"predictions for articles not in the gold data: {', '.join(sorted(unknown))}")

    counts = _Counts()
    for article in gold:
        index = _TokenIndex(text_by_id[article["id"]])
        _count_article([index.tokenise(a) for a in article["attributions"]],
                       [index.tokenise(a) for a in predicted_by_id.get(article["id"], [])], counts)

    exact = {role: Scores.from_counts(c.exact_predicted_hits, counts.predicted, c.exact_gold_found, counts.gold)
             for role, c in counts.roles.items()}
    overlap = {role: Scores.from_counts(c.predicted_tokens_in_gold, c.predicted_tokens,
                                        c.gold_tokens_predicted, c.gold_tokens)
               for role, c in counts.roles.items()}
    return AttributionScores(exact=exact, overlap=overlap,
                             attribution_recall=_ratio(counts.gold_attributions_found, counts.gold),
                             articles=counts.articles, gold=counts.gold, predicted=counts.predicted)


def _count_article(gold: list[Tokenised], predicted: list[Tokenised], counts: _Counts) -> None:
    counts.articles += 1
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.gold_attributions_found += sum(any(_overlaps_whole(p, g) for p in predicted) for g in gold)
    for role, c in counts.roles.items():
        c.exact_predicted_hits += sum(any(_matches_exactly(role, p, g) for g in gold) for p in predicted)
        c.exact_gold_found += sum(any(_matches_exactly(role, p, g) for p in predicted) for g in gold)
        gold_union = frozenset().union(*(g[role] for g in gold))
        predicted_union = frozenset().union(*(p[role] for p in predicted))
        c.predicted_tokens += sum(len(p[role]) for p in predicted)
        c.predicted_tokens_in_gold += sum(len(p[role] & gold_union) for p in predicted)
        c.gold_tokens += sum(len(g[role]) for g in gold)
        c.gold_tokens_predicted += sum(len(g[role] & predicted_union) for g in gold)


def _matches_exactly(role: str, predicted: Tokenised, gold: Tokenised) -> bool:
    if role == "cue":
        return predicted["cue"] == gold["cue"]
    # Source and content only count when they belong to the same event, found by its cue.
    return bool(predicted["cue"] & gold["cue"]) and predicted[role] == gold[role]


def _overlaps_whole(predicted: Tokenised, gold: Tokenised) -> bool:
    sources_agree = bool(predicted["source"] & gold["source"]) or not (predicted["source"] or gold["source"])
    return bool(predicted["cue"] & gold["cue"]) and bool(predicted["content"] & gold["content"]) and sources_agree


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
