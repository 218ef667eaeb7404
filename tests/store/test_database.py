from __future__ import annotations

import csv
import io
import json
import os

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.store import database as store_module
from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.store import SCHEMA_VERSION, Store

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


def test_schema_version_is_recorded(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    with store.engine.connect() as conn:
        assert store.schema_version(conn) == SCHEMA_VERSION


def test_database_from_a_newer_sitrep_is_refused(tmp_path):
    db = str(tmp_path / "s.db")
    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(sa.update(store_module.settings_table).values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SitrepError, match="E002"):
        Store(db)


def test_migrations_bring_an_old_database_up_to_date(tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    applied = []
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_module.MIGRATIONS, SCHEMA_VERSION + 1, lambda conn: applied.append("next"))
    Store(db)
    assert applied == ["next"]
    Store(db)  # already current: nothing runs again
    assert applied == ["next"]


def test_unreachable_database_url_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["show", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "E001" in result.output


@pytest.mark.skipif(not os.environ.get("SITREP_TEST_POSTGRES"), reason="set SITREP_TEST_POSTGRES to a database URL")
def test_postgresql_round_trip(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "port.txt").write_text(ARTICLE)
    url = os.environ["SITREP_TEST_POSTGRES"]
    store = Store(url)
    with store.engine.begin() as conn:
        store_module.metadata.drop_all(conn)
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "--db", url]).exit_code == 0
    assert "0 documents added, 1 already stored" in runner.invoke(app, ["build", str(folder), "--db", url]).output
    story = json.loads(runner.invoke(app, ["export", "--db", url]).output)
    assert len(story["documents"]) == 1


def test_a_database_in_a_missing_folder_is_created(tmp_path):
    db = tmp_path / "not" / "yet" / "story.db"
    Store(str(db))
    assert db.exists()


def test_build_announces_each_whole_corpus_stage(tmp_path):
    (tmp_path / "port.txt").write_text(ARTICLE)
    stages = []
    pipeline.build(pipeline.input_files([str(tmp_path / "port.txt")]), Store(str(tmp_path / "s.db")),
                   on_stage=stages.append)
    assert stages == ["finding reused passages", "merging entities, grouping claims, finding disputes"]
