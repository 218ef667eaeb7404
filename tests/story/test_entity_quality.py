"""Entities merged across articles, end to end on real annotated news: a slice of ECB+ dev built through
`sitrep eval entities` (ingest, parse, entities, the store, the merge) and scored on the gold named mentions.

The full figures come from `sitrep eval entities --gold ../shared/data/ecbplus/dev.jsonl`; these floors
sit a little below what the slice scores today, so that a change that loses ground fails here."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from sitrep.cli import app
from sitrep.story import coreference_eval as ce

DEV = SHARED / "data" / "ecbplus" / "dev.jsonl"
SLICE = ("23_ecb", "34_ecb", "2_ecbplus")  # short stories: the slice builds in seconds
FLOORS = {"CoNLL F1": 0.80, "cross-doc pairwise F1": 0.86, "cross-doc pairwise P": 0.98, "mention recall": 0.81}


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> tuple[dict[str, float], str]:
    if not DEV.exists():
        pytest.skip(f"{DEV} is not here")
    stories = [s for s in ce.read_gold(DEV) if s["id"] in SLICE]
    folder = tmp_path_factory.mktemp("ecb")
    gold, predictions = folder / "gold.jsonl", folder / "predicted.jsonl"
    gold.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "entities", "--gold", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    counts = sum((ce.score_story(s, ce.from_prediction_line(p, s)) for s, p in zip(stories, lines, strict=True)),
                 ce.Counts())
    return ce.Scores(counts).row(), result.output


def test_eval_entities_prints_sitrep_beside_the_reference_rows(scored):
    row, output = scored
    assert "sitrep" in output and "head word" in output and f"{row['CoNLL F1']:.4f}" in output


@pytest.mark.parametrize("metric", FLOORS)
def test_merged_entities_stay_above_their_floor(scored, metric):
    row, _ = scored
    assert row[metric] >= FLOORS[metric], f"{metric} {row[metric]:.4f} < {FLOORS[metric]}"
