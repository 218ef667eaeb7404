"""The build command's exit status and its one line a failure."""

from __future__ import annotations

from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import app

ARTICLE = (
    "Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that "
    "three people were wounded and the ferry service was suspended until further notice.\n"
)


def test_build_goes_on_past_bad_files_and_exit_status_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.txt").write_text(ARTICLE.replace("river port", "airport"))
    db = tmp_path / "story.db"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert "2 documents added" in result.output
    assert f"{tmp_path / 'b.txt'}: [W002]" in result.output
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0
    assert "2 failures" in shown.output and "b.txt" in shown.output and "c.txt" in shown.output


def test_failure_during_analysis_is_reported_with_its_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)

    def broken(documents, model):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(pipeline, "analyse", broken)
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.txt'}: [W013]" in result.output and "parser exploded" in result.output
