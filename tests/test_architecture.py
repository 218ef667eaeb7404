"""The layer rules of `pyproject.toml` (import-linter) hold, and an import that breaks one is caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
                          cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture
def copy_of_the_package(tmp_path) -> Path:
    shutil.copytree(REPO / "src" / "sitrep", tmp_path / "src" / "sitrep",
                    ignore=shutil.ignore_patterns("__pycache__", "vendor", "data"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_package_keeps_its_layer_contracts(copy_of_the_package):
    result = _lint_imports(copy_of_the_package)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("module, line, contract", [
    ("story/claims.py", "from sitrep.store import Store", "Stage layers"),
    ("nlp/entities.py", "import sqlalchemy", "Stages never touch the database"),
    ("attribution/spans.py", "from sitrep.attribution import train", "Inference never imports training"),
    ("ingest/extract.py", "from sitrep.attribution import lexicon", "Stage layers"),
], ids=["stage-imports-store", "stage-imports-sqlalchemy", "inference-imports-training", "ingest-imports-attribution"])
def test_an_import_that_breaks_a_contract_fails_the_check(copy_of_the_package, module, line, contract):
    path = copy_of_the_package / "src" / "sitrep" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint_imports(copy_of_the_package)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
