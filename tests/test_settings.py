"""Settings are the one home of every limit: each has its help, `sitrep build --setting NAME=VALUE`
changes one for a build (a bad name or value is a one-line usage error), `sitrep settings` lists them."""

from __future__ import annotations

from dataclasses import fields

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.settings import Fixed, Settings

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that "
           "three people were wounded.\n")


def test_every_setting_and_fixed_constant_has_help():
    assert [f.name for kind in (Settings, Fixed) for f in fields(kind) if not f.metadata.get("help")] == []


def test_every_setting_has_a_type_the_command_line_can_read():
    assert [f.name for f in fields(Settings) if f.type not in (int, float, str, bool)] == []


@pytest.mark.parametrize(("assignment", "code"), [
    ("no_such_limit=3", "E009"),
    ("max_bytes=lots", "E010"),
    ("max_bytes=1.5", "E010"),
    ("topic_break_similarity=high", "E010"),
    ("max_bytes", "E010"),
])
def test_a_bad_setting_is_a_one_line_usage_error(tmp_path, assignment, code):
    db = tmp_path / "story.db"
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--db", str(db), "--setting", assignment])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and f"error [{code}] " in result.output
    assert not db.exists()


@pytest.mark.parametrize("limit", [["--setting", "max_bytes=10"], ["--max-bytes", "10"]])
def test_a_setting_takes_effect(tmp_path, limit):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = CliRunner().invoke(app, ["build", str(article), "--db", str(tmp_path / "story.db"), *limit])
    assert result.exit_code == 1
    size = article.stat().st_size
    message = f"{article}: [W004] the file is {size:,} bytes, over the limit of 10 bytes"
    assert message in " ".join(result.output.split())


def test_the_model_is_a_setting_too(tmp_path):
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--db", str(tmp_path / "story.db"),
                                      "--setting", "model=no_such_model_package"])
    assert result.exit_code == 2 and "[E005]" in result.output


def test_settings_lists_every_setting_then_the_fixed_constants():
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 0
    first_words = [line.split()[0] for line in result.output.splitlines() if line.strip()]
    fixed_from = first_words.index("Fixed,")
    assert {f.name for f in fields(Settings)} <= set(first_words[:fixed_from])
    assert {f.name for f in fields(Fixed)} <= set(first_words[fixed_from:])
