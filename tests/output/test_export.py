"""The export command: JSON to the contract, JSON Lines, CSV, and an unknown format."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")

SECTIONS = ["documents", "entities", "attributions", "reuse", "claims", "disputes", "events", "story_events", "stories"]


@pytest.fixture
def built_db(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "port.txt").write_text("Port shelled overnight\nUpdated: 03.14.26\n" + ARTICLE)
    db = tmp_path / "story.db"
    result = CliRunner().invoke(app, ["build", str(folder / "port.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, str(folder / "port.txt")


def test_export_json_follows_the_contract(built_db, tmp_path):
    db, path = built_db
    out = tmp_path / "story.json"
    assert CliRunner().invoke(app, ["export", "--db", str(db), "--format", "json", "--output", str(out)]).exit_code == 0
    story = json.loads(out.read_text())
    assert list(story) == SECTIONS
    assert all(story[section] == [] for section in ("reuse", "disputes"))  # one article
    assert [e["sub_type"] for e in story["events"]] == ["Shelling/artillery/missile attack"]  # "Rebels shelled…"
    (document,) = story["documents"]
    assert story["claims"] and all(c["documents"] == [document["id"]] and c["independent_origins"] == 1
                                   for c in story["claims"])
    assert any(m["kind"] == "attributed" and document["text"][m["start"]:m["end"]] == m["text"]
               for c in story["claims"] for m in c["members"])
    assert document["path"] == path  # the path as given to build
    assert document["title"] == "Port shelled overnight" and document["published"] == "2026-03-14"
    assert document["text"].startswith("Port shelled overnight\n\nRebels shelled")
    assert set(document) >= {"id", "path", "title", "outlet", "published", "language", "credits",
                             "cited_outlets", "text"}


def test_export_jsonl_and_csv(built_db, tmp_path):
    db, _ = built_db
    runner = CliRunner()
    lines = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    sections = [json.loads(line)["section"] for line in lines]
    assert sections[0] == "documents" and set(sections) <= set(SECTIONS)
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--output", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "t" / "documents.csv").open(newline="", encoding="utf-8")))
    assert len(rows) == 1 and rows[0]["published"] == "2026-03-14"


def test_unknown_export_format_is_a_usage_error(built_db):
    db, _ = built_db
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert result.exit_code == 2 and "E004" in result.output


def test_export_formats_are_listed_in_help_and_case_insensitive(built_db, tmp_path):
    db, _ = built_db
    runner = CliRunner()
    shown = " ".join(runner.invoke(app, ["export", "--help"], terminal_width=200).output.replace("│", " ").split())
    assert "json, jsonl, csv, parquet, graphml, acled or ucdp (any case)" in shown
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "JSON"])
    assert result.exit_code == 0 and list(json.loads(result.output)) == SECTIONS
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "Csv", "--output", str(tmp_path / "t")])
    assert result.exit_code == 0 and (tmp_path / "t" / "documents.csv").is_file()


def test_table_formats_need_an_output_folder_and_say_so_in_one_line(built_db, tmp_path):
    db, _ = built_db
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "E012" in result.output and len(result.output.splitlines()) == 1
    (tmp_path / "a-file").write_text("")
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--output", str(tmp_path / "a-file")])
    assert result.exit_code == 2 and "E013" in result.output and len(result.output.splitlines()) == 1


HOSTILE = {
    "a.txt": '=HYPERLINK("http://example.invalid/x","open") Port shelled overnight\nPublished: 2026-03-14\n\n'
             "Rebels shelled the river port overnight <script>alert(1)</script> and three people were wounded, "
             "the regional governor said on Tuesday, adding that the harbour road was closed to traffic until "
             "further notice.\n\n=SUM(1+1) the port authority would assess the damage in the morning.\n",
    "b.txt": "Port shelled again\nPublished: 2026-03-15\n\n"
             "Rebels shelled the river port overnight <script>alert(1)</script> and three people were wounded, "
             "the regional governor said on Tuesday, adding that the harbour road was closed to all traffic until "
             'further notice.\n\nThe governor said "=HYPERLINK(1) rebels shelled the port" on Tuesday.\n',
}


def test_script_and_formula_text_is_inert_in_report_md_and_csv(tmp_path):
    """An article carrying a script element and spreadsheet formulas, copied by another: the Markdown
    report holds no raw "<script" (the copy diff's unchanged words were written raw) and no CSV cell
    starts with "=" (or another formula start)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    db, runner = str(tmp_path / "story.db"), CliRunner()
    assert runner.invoke(app, ["build", str(folder), "--db", db]).exit_code == 0
    story = json.loads(runner.invoke(app, ["export", "--db", db]).output)
    assert story["reuse"], "the two articles share a passage: its diff is where the script got through"
    assert any(d["title"].startswith("=HYPERLINK") for d in story["documents"] if d["title"])
    assert runner.invoke(app, ["report", "--db", db, "--output", str(tmp_path / "report")]).exit_code == 0
    markdown = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "<script" not in markdown.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "## Copies" in markdown and "&lt;script&gt;" in markdown.split("## Copies")[1].split("## Timeline")[0]
    assert runner.invoke(app, ["export", "--db", db, "--format", "csv", "--output", str(tmp_path / "t")]).exit_code == 0
    cells = [cell for table in (tmp_path / "t").glob("*.csv")
             for row in csv.reader(table.open(newline="", encoding="utf-8")) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(\"http://example.invalid/x\",\"open\") Port shelled overnight" in cells
