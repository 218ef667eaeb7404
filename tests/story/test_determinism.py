"""The story does not depend on the order of the inputs or on Python's hash seed (sets of strings
iterate in another order under every PYTHONHASHSEED)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import EXAMPLES


def _export(tmp_path, name: str, seed: str, inputs: list[str]) -> str:
    db = tmp_path / f"{name}.db"
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "sitrep"]
    subprocess.run([*command, "build", *inputs, "--db", str(db)], env=environment, capture_output=True, check=False)
    exported = subprocess.run([*command, "export", "--db", str(db)], env=environment, capture_output=True,
                              text=True, check=True)
    return exported.stdout


def test_two_builds_with_other_hash_seeds_and_input_order_export_the_same_story(tmp_path):
    files = sorted(str(path) for path in EXAMPLES.iterdir())
    first = _export(tmp_path, "forward", "1", files)
    second = _export(tmp_path, "reversed", "2", files[::-1])
    forward, backward = json.loads(first), json.loads(second)
    assert len(forward["disputes"]) > 1  # the example corpus has disputes to put in order
    assert [section for section in forward if forward[section] != backward[section]] == []
    assert first == second
