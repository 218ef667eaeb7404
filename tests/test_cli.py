"""The commands: exit statuses, one coded line an error, what show lists, and text printed as it is."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from sitrep import __version__, cli, pipeline
from sitrep.cli import app
from sitrep.records import Document, DocumentAnalysis
from sitrep.store import SCHEMA_VERSION, Store
from sitrep.store import database as store_module
from sitrep.text import printable

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


def test_a_failing_story_stage_fails_loudly_and_keeps_the_previous_story(tmp_path, monkeypatch):
    """Regression: a story stage that raised (two child claims with one id) left the store without entities,
    claims or disputes while `show` said "0 failures" and the report said no claims were found."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    before = Store(db).story()
    assert before.claims

    def broken(*args, **kwargs):
        raise RuntimeError("two claims with one id")

    stages = tuple(replace(s, run=broken) if s.name == "story" else s for s in pipeline.STORY_STAGES)
    monkeypatch.setattr(pipeline, "STORY_STAGES", stages)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("river port", "airport"))
    result = runner.invoke(app, ["build", str(tmp_path / "b.txt"), "--db", db])
    assert result.exit_code == cli.UNEXPECTED_STATUS
    assert "[E018]" in result.output and "'story'" in result.output and "two claims with one id" in result.output
    assert "1 documents added" in result.output
    after = Store(db).story()
    assert [c.id for c in after.claims] == [c.id for c in before.claims]
    assert len(after.entities) == len(before.entities)
    shown = runner.invoke(app, ["show", "--db", db])
    assert "1 failures in the last build" in shown.output and "[E018]" in shown.output


# Commands that only read: show, export, report


def _stored(db, count: int, title=lambda n: f"Article {n}") -> list[str]:
    """A store holding `count` documents (no analysis: the store alone), their ids in path order."""
    store = Store(str(db))
    ids = []
    for n in range(count):
        document = Document(id=f"doc{n:04d}", path=f"articles/{n:04d}.txt", text=ARTICLE, title=title(n),
                            outlet="Harbour Times", published="2030-03-01", language="en")
        store.add_document(DocumentAnalysis(document))
        ids.append(document.id)
    return ids


@pytest.mark.parametrize("command", [["show"], ["export"], ["report", "--output", "out"]])
def test_read_only_commands_on_a_missing_database_create_nothing(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--db", "typo/story.db"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error [E014] no database at typo/story.db; `sitrep build ARTICLES --db typo/story.db` makes one"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["show"], ["export"], ["report", "--output", "out"], ["build", "a.txt"]])
def test_a_file_that_is_not_a_database_is_one_coded_line(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "notes.txt").write_text("not a database\n" * 200)
    result = CliRunner().invoke(app, [*command, "--db", "notes.txt"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error [E015] notes.txt is not a sitrep database: file is not a database"]
    assert (tmp_path / "notes.txt").read_text() == "not a database\n" * 200


def test_read_only_commands_write_nothing_into_the_store(tmp_path):
    db = tmp_path / "story.db"
    _stored(db, 2)
    before = db.read_bytes()
    runner = CliRunner()
    for command in (["show"], ["show", "--json"], ["export"], ["report", "--output", str(tmp_path / "r")]):
        assert runner.invoke(app, [*command, "--db", str(db)]).exit_code == 0, command
    assert db.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r", "story.db"]


def test_a_database_of_an_older_schema_asks_for_upgrade_which_brings_it_up_to_date(tmp_path, monkeypatch):
    db = str(tmp_path / "story.db")
    Store(db)
    runner = CliRunner()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_module.MIGRATIONS, SCHEMA_VERSION + 1, lambda conn: None)
    monkeypatch.setattr(cli, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    shown = runner.invoke(app, ["show", "--db", db])
    assert shown.exit_code == 2 and "[E016]" in shown.output and f"sitrep upgrade --db {db}" in shown.output
    upgraded = runner.invoke(app, ["upgrade", "--db", db])
    assert upgraded.output.strip() == f"upgraded {db} from schema version {SCHEMA_VERSION} to {SCHEMA_VERSION + 1}"
    assert runner.invoke(app, ["show", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["upgrade", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert not (tmp_path / "none.db").exists()


def test_an_unexpected_error_is_one_coded_line_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    db = str(tmp_path / "story.db")
    _stored(db, 1)

    def broken(store, story=None):
        raise RuntimeError("the export broke\nsecond line")

    monkeypatch.setattr(cli.exporter, "story_of", broken)
    result = CliRunner().invoke(app, ["export", "--db", db])
    assert result.exit_code == cli.UNEXPECTED_STATUS
    assert result.output.strip().splitlines() == [
        "error [E017] sitrep failed: RuntimeError: the export broke (`sitrep --debug …` shows where)"]
    debugging = CliRunner().invoke(app, ["--debug", "export", "--db", db])
    assert isinstance(debugging.exception, RuntimeError)


def test_version_option_prints_the_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == __version__


@pytest.mark.parametrize("command", [[], ["build"], ["show"], ["export"], ["report"], ["settings"], ["upgrade"],
                                     ["eval", "attribution"], ["train", "attribution"]])
def test_help_names_values_plainly(command):
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert re.findall(r"<[a-z][\w\[\]|, ]*>", result.output) == []  # no <bool>, <str>, <path>, <list[str]>


# show


def test_show_lists_a_limited_number_of_documents_with_ids_and_whole_titles(tmp_path):
    db = str(tmp_path / "story.db")
    long_title = ("The river port was shelled overnight and the ferry service stays suspended until further notice, "
                  "the regional governor said on Tuesday")
    ids = _stored(db, 25, title=lambda n: long_title if n == 0 else f"Article {n}")
    shown = CliRunner().invoke(app, ["show", "--db", db])
    assert shown.exit_code == 0
    listed = [i for i in ids if i in shown.output]
    assert listed == ids[:20]
    assert "… and 5 more documents (--limit 0 lists them all)" in shown.output
    assert all(word in shown.output for word in long_title.split())  # wrapped, never cut
    assert "Article 19" in shown.output and "Article 20" not in shown.output
    everything = CliRunner().invoke(app, ["show", "--db", db, "--limit", "0"])
    assert [i for i in ids if i in everything.output] == ids and "more documents" not in everything.output


def test_show_json_holds_the_same_information(tmp_path):
    db = str(tmp_path / "story.db")
    ids = _stored(db, 3)
    summary = json.loads(CliRunner().invoke(app, ["show", "--db", db, "--json", "--limit", "2"]).output)
    assert summary["documents"] == 3 and summary["not_listed"] == 1
    assert [d["id"] for d in summary["listed"]] == ids[:2]
    assert summary["listed"][0] == {"id": ids[0], "published": "2030-03-01", "outlet": "Harbour Times",
                                    "title": "Article 0", "file": "0000.txt", "path": "articles/0000.txt", "url": None}
    assert summary["outlets"] == [{"outlet": "Harbour Times", "documents": 3}]
    assert summary["failures"] == [] and summary["last_build"] is None


def test_show_prints_a_title_with_markup_and_escape_sequences_as_text(tmp_path):
    db = str(tmp_path / "story.db")
    title = "Breaking [/] news [bold]here[/bold] :thumbs_up: \x1b[2J\x1b]0;owned\x07 \u202eevil"
    _stored(db, 1, title=lambda n: title)
    shown = CliRunner().invoke(app, ["show", "--db", db, "--limit", "0"])
    assert shown.exit_code == 0, shown.output
    words = shown.output.split()  # the title may wrap in its column
    assert all(word in words for word in ("Breaking", "[/]", "[bold]here[/bold]", ":thumbs_up:",
                                          "\\x1b[2J\\x1b]0;owned\\x07", "\\u202eevil"))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", shown.output)  # nothing a terminal acts on
    assert json.loads(CliRunner().invoke(app, ["show", "--db", db, "--json"]).output)["listed"][0]["title"] == title


def test_printable_escapes_control_characters_only():
    assert printable("a\x1b[2Jb\r\nc\u202ed\x9b é ✓ [/]") == "a\\x1b[2Jb\\r\\nc\\u202ed\\x9b é ✓ [/]"


# build


def test_a_db_path_with_brackets_does_not_crash_the_end_of_build(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "[/tmp]" / "[bold]s.db"
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert f"1 documents added, 0 already stored, 0 failed, 0 skipped → {db}" in result.output
    assert CliRunner().invoke(app, ["show", "--db", str(db)]).exit_code == 0


def test_failure_lines_are_one_line_each_with_file_names_as_they_are(tmp_path):
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    (folder / ":thumbs_up:.txt").write_text("")
    (folder / "[bold]x.txt").write_text("")
    result = CliRunner().invoke(app, ["build", str(folder), "--db", str(tmp_path / "s.db"), "--workers", "1"])
    lines = result.output.splitlines()
    for name in (":thumbs_up:.txt", "[bold]x.txt"):
        message = f"{folder / name}: [W002] the file is empty"
        assert len(message) > 120 and message in lines  # not wrapped at the width of a terminal
    shown = CliRunner().invoke(app, ["show", "--db", str(tmp_path / "s.db")]).output.splitlines()
    assert f"{folder / ':thumbs_up:.txt'}: [W002] the file is empty" in shown


def test_show_limits_the_failures_it_lists(tmp_path):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text("")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(app, ["build", str(tmp_path), "--db", db, "--workers", "1"])
    shown = CliRunner().invoke(app, ["show", "--db", db, "--limit", "3"]).output
    assert "4 failures in the last build" in shown and "… and 1 more failures" in shown
    assert sum("[W002]" in line for line in shown.splitlines()) == 3
