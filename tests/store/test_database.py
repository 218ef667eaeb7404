"""The database: schema version and migrations, clear errors, PostgreSQL, nothing half-written."""

from __future__ import annotations

import json
import os

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.ingest import read_file
from sitrep.records import DocumentAnalysis, Entity
from sitrep.settings import Settings
from sitrep.store import SCHEMA_VERSION, Store
from sitrep.store import database as store_module

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")


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


def test_a_failed_write_leaves_no_half_document(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    store = Store(str(tmp_path / "story.db"))
    (raw,) = read_file(str(tmp_path / "a.txt"))
    document = pipeline.extract(raw, Settings())
    # The document row goes in first; the entity's aliases are not serialisable, so the next insert of
    # the same transaction fails.
    broken = Entity(id=f"{document.id}-e1", name="Rebels", type="group", aliases=[object()])
    with pytest.raises(sa.exc.StatementError):
        store.add_document(DocumentAnalysis(document, entities=[broken]))
    assert list(store.documents()) == [] and list(store.entities()) == []


def test_a_version_4_database_gets_each_dispute_kind_read_off_its_reason(tmp_path):
    """Version 4 stored a dispute's kind only in its prose; version 5 adds disputes.kind and fills it."""
    db = str(tmp_path / "s.db")
    store = Store(db)
    reasons = {"denial: the Council says it is not so": "denial", "denial of an accusation": "accusation",
               "different figures: 7 against 23 killed": "figures",
               "exclusive outcomes: control of a place": "control",
               "exclusive outcomes: whether an attack happened": "attack",
               "exclusive outcomes: whether the strike hit fighters": "target"}
    with store.engine.begin() as conn:  # back to version 4: no kind column
        conn.execute(sa.text("ALTER TABLE disputes DROP COLUMN kind"))
        conn.execute(sa.update(store_module.settings_table).values(value="4"))
        for number, reason in enumerate(reasons):
            conn.execute(sa.text("INSERT INTO disputes (a, b, reason) VALUES (:a, :b, :reason)"),
                         {"a": f"C{number}a", "b": f"C{number}b", "reason": reason})
    with store.engine.begin() as conn:  # step 5 alone: step 8 empties the story tables (stories are found anew)
        store_module.MIGRATIONS[5](conn)
        rows = list(conn.execute(sa.select(store_module.disputes.c.reason, store_module.disputes.c.kind)))
    assert dict(rows) == reasons


def test_a_version_7_database_finds_its_stories_at_the_next_build(tmp_path):
    """Version 7 held one story's results for the whole store; version 8 finds stories: the old results go,
    and the next build puts every stored article in a story and analyses it."""
    db = str(tmp_path / "s.db")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    store = Store(db)
    with store.engine.begin() as conn:  # back to version 7: no stories, no story columns
        for table in ("stories", "story_members", "story_keys"):
            conn.execute(sa.text(f"DROP TABLE {table}"))
        for table in store_module.STORY_TABLES:
            conn.execute(sa.text(f"DROP INDEX ix_{table.name}_story"))
            conn.execute(sa.text(f"ALTER TABLE {table.name} DROP COLUMN story"))
        conn.execute(sa.update(store_module.settings_table).values(value="7"))
    (tmp_path / "b.txt").write_text(ARTICLE.replace("river port", "airport"))
    assert CliRunner().invoke(app, ["build", str(tmp_path / "b.txt"), "--db", db]).exit_code == 0
    store = Store(db)
    assert sorted(d for s in store.stories() for d in s.documents) == sorted(d.id for d in store.documents())
    assert store.story().claims
