"""The export command: JSON to the contract, JSON Lines, CSV, and an unknown format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")

SECTIONS = ["documents", "entities", "attributions", "reuse", "claims", "disputes", "events"]


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
    assert all(story[section] == [] for section in ("reuse", "disputes", "events"))  # one article
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


def test_export_jsonl_and_csv(built_db):
    db, _ = built_db
    runner = CliRunner()
    lines = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    sections = [json.loads(line)["section"] for line in lines]
    assert sections[0] == "documents" and set(sections) <= set(SECTIONS)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--db", str(db), "--format", "csv"]).output)))
    assert len(rows) == 1 and rows[0]["published"] == "2026-03-14"


def test_unknown_export_format_is_a_usage_error(built_db):
    db, _ = built_db
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert result.exit_code == 2 and "E004" in result.output
