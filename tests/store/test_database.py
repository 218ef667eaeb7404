"""The database: schema version and migrations, clear errors, PostgreSQL, nothing half-written."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.ingest import read_file
from sitrep.records import Attribution, Document, DocumentAnalysis, Entity
from sitrep.settings import Settings
from sitrep.store import SCHEMA_VERSION, Store
from sitrep.store import database as store_module

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")


def test_schema_version_is_recorded(db):
    store = Store(db)
    with store.engine.connect() as conn:
        assert store.schema_version(conn) == SCHEMA_VERSION


def test_database_from_a_newer_sitrep_is_refused(db):
    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(sa.update(store_module.settings_table).values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SitrepError, match="E002"):
        Store(db)


def test_migrations_bring_an_old_database_up_to_date(db, monkeypatch):
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


def test_a_build_round_trip(db, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "port.txt").write_text(ARTICLE)
    url = db
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "--db", url]).exit_code == 0
    assert "0 documents added, 1 already stored" in runner.invoke(app, ["build", str(folder), "--db", url]).output
    story = json.loads(runner.invoke(app, ["export", "--db", url]).output)
    assert len(story["documents"]) == 1


def test_a_database_in_a_missing_folder_is_created(tmp_path):
    db = tmp_path / "not" / "yet" / "story.db"
    Store(str(db))
    assert db.exists()


def test_a_failed_write_leaves_no_half_document(db, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    store = Store(db)
    (raw,) = read_file(str(tmp_path / "a.txt"))
    document = pipeline.extract(raw, Settings())
    # The document row goes in first; the entity's aliases are not serialisable, so the next insert of
    # the same transaction fails.
    broken = Entity(id=f"{document.id}-e1", name="Rebels", type="group", aliases=[object()])
    with pytest.raises((sa.exc.StatementError, TypeError)):  # SQLite's driver wraps it, psycopg's does not
        store.add_document(DocumentAnalysis(document, entities=[broken]))
    assert list(store.documents()) == [] and list(store.entities()) == []


def test_a_version_4_database_gets_each_dispute_kind_read_off_its_reason(db):
    """Version 4 stored a dispute's kind only in its prose; version 5 adds disputes.kind and fills it."""
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
            conn.execute(sa.insert(store_module.claims), [
                {"id": f"C{number}{side}", "text": "", "independent_origins": 1, "origins": [], "members": []}
                for side in "ab"])
            conn.execute(sa.text("INSERT INTO disputes (a, b, reason) VALUES (:a, :b, :reason)"),
                         {"a": f"C{number}a", "b": f"C{number}b", "reason": reason})
    with store.engine.begin() as conn:  # step 5 alone: step 8 empties the story tables (stories are found anew)
        store_module.MIGRATIONS[5](conn)
        rows = list(conn.execute(sa.select(store_module.disputes.c.reason, store_module.disputes.c.kind)))
    assert dict(rows) == reasons


def test_a_version_7_database_finds_its_stories_at_the_next_build(db, tmp_path):
    """Version 7 held one story's results for the whole store; version 8 finds stories: the old results go,
    and the next build puts every stored article in a story and analyses it."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    store = Store(db)
    with store.engine.begin() as conn:  # back to version 7: no stories, no story columns
        for table in ("story_members", "story_keys", "stories"):
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


def test_attributions_with_one_start_come_back_in_one_order_on_every_backend(db):
    """Two attributions of one content (a cue "According to" and a "told" inside it) were ordered by start alone:
    SQLite gave them in the order written, PostgreSQL in another, and the seeds built there had other claims."""
    store = Store(db)
    said = [Attribution(f"d1-a{n}", "d1", None, None, cue, "the town fell", "indirect", None, [], 0, 13)
            for n, cue in ((2, "told"), (1, "According to"))]
    store.add_document(DocumentAnalysis(Document(id="d1", path="d1.txt", text="the town fell"), attributions=said))
    assert [a.id for a in store.attributions()] == ["d1-a1", "d1-a2"]


def test_a_version_8_database_gains_where_its_dates_were_read(db, tmp_path):
    """Version 9 adds documents.published_from; the documents stored before keep their dates, source unknown."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    store = Store(db)
    with store.engine.begin() as conn:  # back to version 8: no published_from column
        conn.execute(sa.text("ALTER TABLE documents DROP COLUMN published_from"))
        conn.execute(sa.update(store_module.settings_table).values(value="8"))
    store = Store(db)
    (document,) = store.documents()
    assert document.published_from is None and document.id
    (tmp_path / "b.txt").write_text("Published: March 3, 2026\n" + ARTICLE.replace("river port", "airport"))
    assert CliRunner().invoke(app, ["build", str(tmp_path / "b.txt"), "--db", db]).exit_code == 0
    assert {d.published_from for d in Store(db).documents()} == {None, "text"}
