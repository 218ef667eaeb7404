"""`sitrep train attribution`: never into the package unless told, each stage shown, the same files on
every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from sitrep.attribution.models import CUE_MODEL, DATA_DIR, ROLE_MODEL
from sitrep.cli import app

POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"


@pytest.fixture
def small_gold(tmp_path):
    """The three shortest annotated articles of PolNeAR dev that have attributions."""
    articles = [json.loads(line) for line in POLNEAR_DEV.read_text(encoding="utf-8").splitlines()]
    shortest = sorted((a for a in articles if a["attributions"]), key=lambda a: len(a["text"]))[:3]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in shortest), encoding="utf-8")
    return path


def test_train_without_an_output_folder_is_refused_and_leaves_the_shipped_models(small_gold):
    shipped = {name: (DATA_DIR / name).read_bytes() for name in (CUE_MODEL, ROLE_MODEL)}
    result = CliRunner().invoke(app, ["train", "attribution", "--gold", str(small_gold)])
    assert result.exit_code == 2 and "--output" in result.output
    assert {name: (DATA_DIR / name).read_bytes() for name in shipped} == shipped


def test_train_shows_each_stage_with_its_time_and_writes_both_models(small_gold, tmp_path):
    result = CliRunner().invoke(app, ["train", "attribution", "--gold", str(small_gold), "--output",
                                      str(tmp_path / "models")])
    assert result.exit_code == 0, result.output
    for stage in ("parsing articles", "fitting the cue tagger", "fitting the role tagger"):
        assert sum(line.startswith(f"{stage}: done in ") for line in result.output.splitlines()) == 1, stage
    for name in (CUE_MODEL, ROLE_MODEL):
        assert (tmp_path / "models" / name).stat().st_size > 0
        assert f"wrote {tmp_path / 'models' / name}" in result.output


def test_training_twice_under_other_hash_seeds_writes_the_same_files(small_gold, tmp_path):
    written = []
    for seed in ("1", "2"):
        folder = tmp_path / f"seed{seed}"
        subprocess.run([sys.executable, "-m", "sitrep", "train", "attribution", "--gold", str(small_gold),
                        "--output", str(folder)], env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
                       capture_output=True)
        written.append([(folder / name).read_bytes() for name in (CUE_MODEL, ROLE_MODEL)])
    assert written[0] == written[1]
