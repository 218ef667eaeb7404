"""Stories found in a stream of real annotated news: a slice of ECB+ dev (two topics, each with its two stories
of one kind) built as one stream through `sitrep eval stories`, scored against the lines of the file.

The full figures come from `sitrep eval stories --gold ../shared/data/ecbplus/dev.jsonl`; these floors sit a
little below what the slice scores today, so that a change that loses ground fails here."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from sitrep.cli import app
from sitrep.story import coreference_eval as ce

DEV = SHARED / "data" / "ecbplus" / "dev.jsonl"
SLICE = ("2_ecb", "2_ecbplus", "23_ecb", "23_ecbplus")
FLOORS = {"purity": 0.73, "inverse purity": 0.73}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, float]:
    if not DEV.exists():
        pytest.skip(f"{DEV} is not here")
    gold = tmp_path_factory.mktemp("ecb") / "gold.jsonl"
    gold.write_text("".join(json.dumps(s) + "\n" for s in ce.read_gold(DEV) if s["id"] in SLICE), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "stories", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    return {m[1]: float(m[2]) for m in re.finditer(r"^(B3 \w+|purity|inverse purity|F)\s+([0-9.]+)$", result.output,
                                                  re.M)}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_stories_found_stay_above_their_floor(scores, measure):
    assert scores[measure] >= FLOORS[measure], f"{measure} {scores[measure]:.3f} < {FLOORS[measure]}"
