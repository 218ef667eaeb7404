"""Cross-document entity resolution scored against gold coreference chains (ECB+ as converted in
`../shared/data/ecbplus/`, whose README defines the scoring).

Scoring is on the gold *named* mentions. A predicted mention matches a gold mention of the same document
when the spans overlap and end in the same head word at the same place (`head_word`); matching is
one-to-one, best character overlap first. A gold mention left unmatched is a singleton of the response;
predicted mentions that match no gold mention are only counted. Reported: mention recall, MUC, B³,
CEAF-e (entity-based, φ4) and CoNLL F1 (their mean), LEA (singletons count as self-links, as in the
reference scorer), and pairwise link precision/recall/F1 over all pairs and over cross-document pairs.
Every figure is summed over stories (numerators and denominators), then divided.

Measurement only: no stage imports this module.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from itertools import combinations
from pathlib import Path

from sitrep.records import Document, Entity

# A gold or predicted mention: (document id, start, end) in the gold document's text.
Key = tuple[str, int, int]

_HEAD = re.compile(r"[^\W_]+")
_TRAILING = re.compile(r"[\W_]+$")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$", re.I)


def read_gold(path: str | Path) -> list[dict]:
    """Stories, one JSON object a line (the shape of `../shared/data/ecbplus/README.md`)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def head_word(text: str, start: int = 0) -> tuple[int, int] | None:
    """Where a mention's head word is (absolute offsets): its last alphanumeric run once trailing
    punctuation and a possessive are stripped ("Jim O'Brien's," → "Brien")."""
    stripped = _TRAILING.sub("", text)
    stripped = _TRAILING.sub("", _POSSESSIVE.sub("", stripped))
    runs = list(_HEAD.finditer(stripped)) or list(_HEAD.finditer(text))
    return (start + runs[-1].start(), start + runs[-1].end()) if runs else None


def gold_chains(story: dict) -> list[list[tuple[Key, str]]]:
    """Each gold entity's named mentions (key and text); entities without a named mention are left out."""
    chains = []
    for entity in story["entities"]:
        named = [((m["document"], m["start"], m["end"]), m["text"]) for m in entity["mentions"] if m["named"]]
        if named:
            chains.append(named)
    return chains


def match_mentions(gold: list[tuple[Key, str]], predicted: list[tuple[Key, str]]) -> dict[Key, int]:
    """Gold mention → index of the predicted mention it matches (one-to-one, best overlap first)."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, ((document, _, _), _) in enumerate(predicted):
        by_document[document].append(i)
    candidates = []
    for g, ((document, start, end), text) in enumerate(gold):
        head = head_word(text, start)
        for i in by_document.get(document, ()):
            (_, p_start, p_end), p_text = predicted[i]
            overlap = min(end, p_end) - max(start, p_start)
            if overlap > 0 and head is not None and head_word(p_text, p_start) == head:
                candidates.append((-overlap, g, i))
    matched: dict[Key, int] = {}
    taken: set[int] = set()
    for _, g, i in sorted(candidates):
        key = gold[g][0]
        if key not in matched and i not in taken:
            matched[key] = i
            taken.add(i)
    return matched


@dataclass
class Counts:
    """Numerators and denominators of every metric, summed over stories."""

    gold_mentions: int = 0
    matched: int = 0
    predicted_mentions: int = 0
    muc_r: float = 0
    muc_r_den: float = 0
    muc_p: float = 0
    muc_p_den: float = 0
    b3_r: float = 0
    b3_p: float = 0
    b3_den: float = 0  # the same mentions on both sides
    ceaf: float = 0
    ceaf_key: int = 0
    ceaf_response: int = 0
    lea_r: float = 0
    lea_r_den: float = 0
    lea_p: float = 0
    lea_p_den: float = 0
    pairs_correct: int = 0
    pairs_key: int = 0
    pairs_response: int = 0
    cross_correct: int = 0
    cross_key: int = 0
    cross_response: int = 0
    stories: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


@dataclass
class Scores:
    counts: Counts = field(default_factory=Counts)

    @property
    def mention_recall(self) -> float:
        return _ratio(self.counts.matched, self.counts.gold_mentions)

    @property
    def muc(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.muc_p, c.muc_p_den), _ratio(c.muc_r, c.muc_r_den))

    @property
    def b3(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.b3_p, c.b3_den), _ratio(c.b3_r, c.b3_den))

    @property
    def ceaf_e(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.ceaf, c.ceaf_response), _ratio(c.ceaf, c.ceaf_key))

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3

    @property
    def lea(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.lea_p, c.lea_p_den), _ratio(c.lea_r, c.lea_r_den))

    @property
    def pairwise(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.pairs_correct, c.pairs_response), _ratio(c.pairs_correct, c.pairs_key))

    @property
    def cross_document(self) -> PRF:
        c = self.counts
        return PRF(_ratio(c.cross_correct, c.cross_response), _ratio(c.cross_correct, c.cross_key))

    def row(self) -> dict[str, float]:
        """The README's columns, then mention recall and all-pairs pairwise F1."""
        cross = self.cross_document
        return {"CoNLL F1": self.conll, "MUC F1": self.muc.f1, "B³ F1": self.b3.f1, "CEAF-e F1": self.ceaf_e.f1,
                "LEA F1": self.lea.f1, "cross-doc pairwise P": cross.precision, "cross-doc pairwise R": cross.recall,
                "cross-doc pairwise F1": cross.f1, "pairwise F1 (all pairs)": self.pairwise.f1,
                "mention recall": self.mention_recall}


def score_clusters(key: list[set[Key]], response: list[set[Key]]) -> Counts:
    """Every metric for one story, key and response partitioning the same mentions."""
    counts = Counts(stories=1, gold_mentions=sum(map(len, key)))
    cluster_of = {m: i for i, cluster in enumerate(response) for m in cluster}
    key_of = {m: i for i, cluster in enumerate(key) for m in cluster}
    counts.muc_r, counts.muc_r_den = _muc(key, cluster_of)
    counts.muc_p, counts.muc_p_den = _muc(response, key_of)
    for cluster in key:
        for m in cluster:
            shared = len(cluster & response[cluster_of[m]])
            counts.b3_r += shared / len(cluster)
            counts.b3_p += shared / len(response[cluster_of[m]])
    counts.b3_den = counts.gold_mentions
    counts.ceaf = _ceaf_e(key, response)
    counts.ceaf_key, counts.ceaf_response = len(key), len(response)
    counts.lea_r, counts.lea_r_den = _lea(key, response, cluster_of)
    counts.lea_p, counts.lea_p_den = _lea(response, key, key_of)
    for clusters, which in ((key, "key"), (response, "response")):
        for cluster in clusters:
            for a, b in combinations(sorted(cluster), 2):
                cross = a[0] != b[0]
                correct = which == "key" and cluster_of[a] == cluster_of[b]
                setattr(counts, f"pairs_{which}", getattr(counts, f"pairs_{which}") + 1)
                counts.pairs_correct += correct
                if cross:
                    setattr(counts, f"cross_{which}", getattr(counts, f"cross_{which}") + 1)
                    counts.cross_correct += correct
    return counts


def _muc(clusters: list[set[Key]], other_of: dict[Key, int]) -> tuple[int, int]:
    numerator = denominator = 0
    for cluster in clusters:
        parts = {other_of[m] for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def _lea(clusters: list[set[Key]], others: list[set[Key]], other_of: dict[Key, int]) -> tuple[float, int]:
    numerator, denominator = 0.0, 0
    for cluster in clusters:
        size = len(cluster)
        if size == 1:  # a singleton resolved when it is a singleton on the other side too
            (only,) = cluster
            resolved = 1.0 if len(others[other_of[only]]) == 1 else 0.0
        else:
            common = sum(1 for a, b in combinations(cluster, 2) if other_of[a] == other_of[b])
            resolved = common / (size * (size - 1) / 2)
        numerator += size * resolved
        denominator += size
    return numerator, denominator


def _ceaf_e(key: list[set[Key]], response: list[set[Key]]) -> float:
    """The best one-to-one alignment of key and response entities under φ4 = 2|K∩R| / (|K| + |R|)."""
    cluster_of = {m: j for j, cluster in enumerate(response) for m in cluster}
    weights = [defaultdict(float) for _ in key]
    for i, cluster in enumerate(key):
        for m in cluster:
            weights[i][cluster_of[m]] += 1
        for j, shared in weights[i].items():
            weights[i][j] = 2 * shared / (len(cluster) + len(response[j]))
    return max_assignment(weights, len(response))


def max_assignment(weights: list[dict[int, float]], columns: int) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Hungarian method on the
    columns some row touches; absent weights are 0)."""
    used = sorted({j for row in weights for j in row})
    if not used:
        return 0.0
    index = {j: k for k, j in enumerate(used)}
    n = max(len(weights), len(used))
    cost = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(weights):
        for j, w in row.items():
            cost[i][index[j]] = -w
    # e-maxx's O(n³) Hungarian algorithm, 1-based potentials
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, seen = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            seen[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not seen[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if seen[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def score_story(story: dict, predicted: Iterable[tuple[str, list[tuple[Key, str]]]]) -> Counts:
    """One story against the predicted entities (id, mentions with their text) on the named gold mentions."""
    chains = gold_chains(story)
    gold = [mention for chain in chains for mention in chain]
    flat = [(entity, mention) for entity, mentions in predicted for mention in mentions]
    matched = match_mentions(gold, [mention for _, mention in flat])
    key = [{k for k, _ in chain} for chain in chains]
    by_entity: dict[str, set[Key]] = defaultdict(set)
    for k, _ in gold:
        by_entity[flat[matched[k]][0] if k in matched else f"unmatched:{k}"].add(k)
    counts = score_clusters(key, list(by_entity.values()))
    counts.matched, counts.predicted_mentions = len(matched), len(flat)
    return counts


def baseline(story: dict, clue: str) -> list[tuple[str, list[tuple[Key, str]]]]:
    """The README's reference rows: gold named mentions clustered by exact string or head word (case-folded)."""
    groups: dict[str, list[tuple[Key, str]]] = defaultdict(list)
    for chain in gold_chains(story):
        for key, text in chain:
            if clue == "string":
                label = text.casefold()
            else:
                head = head_word(text, key[1])
                label = text[head[0] - key[1]:head[1] - key[1]].casefold() if head else text.casefold()
            groups[label].append((key, text))
    return list(groups.items())


def offset_map(clean: str, original: str) -> dict[int, int]:
    """Each character of the clean text that comes unchanged from the original → its place there."""
    matcher = difflib.SequenceMatcher(None, clean, original, autojunk=False)
    return {block.a + k: block.b + k for block in matcher.get_matching_blocks() for k in range(block.size)}


def predicted_entities(story: dict, documents: dict[str, Document], article_entities: list[Entity],
                       links: dict[str, str]) -> list[tuple[str, list[tuple[Key, str]]]]:
    """The merged entities' mentions with offsets into the gold texts. `documents` maps a gold document id
    to the stored document built from it (its clean text may differ a little: offsets are aligned);
    `links` maps an article entity to its merged entity."""
    originals = {d["id"]: d["text"] for d in story["documents"]}
    maps = {gold_id: offset_map(doc.text, originals[gold_id]) for gold_id, doc in documents.items()}
    gold_of = {doc.id: gold_id for gold_id, doc in documents.items()}
    merged: dict[str, list[tuple[Key, str]]] = defaultdict(list)
    for entity in article_entities:
        gold_id = gold_of.get(entity.documents[0])
        if gold_id is None:
            continue
        positions = maps[gold_id]
        for mention in entity.mentions:
            inside = [positions[i] for i in range(mention.start, mention.end) if i in positions]
            if inside:
                start, end = inside[0], inside[-1] + 1
                merged[links.get(entity.id, entity.id)].append(((gold_id, start, end), originals[gold_id][start:end]))
    return sorted(merged.items())


def prediction_line(story: dict, predicted: list[tuple[str, list[tuple[Key, str]]]]) -> dict:
    """One story's predictions in the README's shape."""
    return {"id": story["id"], "entities": [
        {"id": entity, "mentions": [{"document": d, "start": s, "end": e, "text": t} for (d, s, e), t in mentions]}
        for entity, mentions in predicted]}


def from_prediction_line(line: dict, story: dict) -> list[tuple[str, list[tuple[Key, str]]]]:
    """A prediction line read back (the text of each mention taken from the gold document)."""
    texts = {d["id"]: d["text"] for d in story["documents"]}
    return [(entity["id"], [((m["document"], m["start"], m["end"]), texts[m["document"]][m["start"]:m["end"]])
                            for m in entity["mentions"]]) for entity in line["entities"]]
