"""A few hundred hostile cases through `sitrep build` (one subprocess build), on every test run; `make
fuzz` runs thousands, one build a class, and prints the figures (tests/fuzz/hostile.py)."""

from __future__ import annotations

import os

from fuzz.hostile import KINDS, MEMORY_LIMIT_MB, fuzz

CASES_PER_CLASS = int(os.environ.get("SITREP_FUZZ_CASES", "20"))


def test_hostile_files_never_cost_a_good_document():
    kinds = {kind: CASES_PER_CLASS for kind in KINDS}
    kinds["bombs"] = max(1, CASES_PER_CLASS // 5)  # each unpacks 100 MB before it is refused
    kinds["html_floods"] = max(1, CASES_PER_CLASS // 2)  # one in six runs into the time limit
    outcome = fuzz(kinds, seed=15, pool_size=8, timeout=300)
    print(outcome.figures())
    assert (outcome.crashes, outcome.hangs, outcome.exit_wrong) == (0, 0, 0), outcome.figures()
    assert outcome.not_named_once == [] and outcome.good_lost == [] and outcome.outside_stored == [], \
        outcome.figures()
    assert 0 < outcome.peak_mb < MEMORY_LIMIT_MB, outcome.figures()
