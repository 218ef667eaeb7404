"""How well the stories found (story.streams) match labelled ones: purity, inverse purity and their harmonic mean,
and B³ precision, recall and F1 over articles (Bagga and Baldwin 1998; Amigó et al. 2009 for the cluster measures).

Purity: the share of articles that are in the found story's majority gold story (a story found mixing two scores
low); inverse purity: the same the other way (a gold story split into several found ones scores low)."""

from __future__ import annotations

from collections import Counter


def story_scores(found: list[list[str]], gold: dict[str, str]) -> dict[str, float]:
    """`found`: the articles of each story found; `gold`: each article's story label. Articles with no label are
    left out of both."""
    clusters = [[d for d in story if d in gold] for story in found]
    clusters = [c for c in clusters if c]
    labelled = sum(len(c) for c in clusters)
    if not labelled:
        return {"purity": 0.0, "inverse purity": 0.0, "F": 0.0, "B3 P": 0.0, "B3 R": 0.0, "B3 F1": 0.0}
    found_of = {d: n for n, c in enumerate(clusters) for d in c}
    by_label: dict[str, list[str]] = {}
    for d in found_of:
        by_label.setdefault(gold[d], []).append(d)
    purity = sum(Counter(gold[d] for d in c).most_common(1)[0][1] for c in clusters) / labelled
    inverse = sum(Counter(found_of[d] for d in members).most_common(1)[0][1]
                  for members in by_label.values()) / labelled
    sizes = {(n, label): count for n, c in enumerate(clusters) for label, count in Counter(gold[d] for d in c).items()}
    b3_p = sum(sizes[(found_of[d], gold[d])] / len(clusters[found_of[d]]) for d in found_of) / labelled
    b3_r = sum(sizes[(found_of[d], gold[d])] / len(by_label[gold[d]]) for d in found_of) / labelled
    return {"purity": purity, "inverse purity": inverse, "F": _harmonic(purity, inverse),
            "B3 P": b3_p, "B3 R": b3_r, "B3 F1": _harmonic(b3_p, b3_r)}


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0
