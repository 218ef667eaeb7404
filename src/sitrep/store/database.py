"""The store: the only module that touches the database (SQLAlchemy Core).

A SQLite file by default, PostgreSQL by URL. The schema carries a version; `migrate` brings an older
database up to date step by step, in one transaction. Each document is written in one transaction, so a
crash or a bad file never leaves half a document behind; the stories found in the stream and what the story
stages find in each are updated in one transaction too (`updating_stories`). One build at a time holds a store
(`build_lock`). A store opened read-only (`Store(db, read_only=True)`) creates nothing and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

try:
    import fcntl
except ImportError:  # Windows: no lock file; two builds at once still both succeed (see add_document)
    fcntl = None

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as postgresql_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import UsageProblem
from sitrep.records import (
    Assertion,
    Attribution,
    Claim,
    Dispute,
    Document,
    DocumentAnalysis,
    Entity,
    Event,
    InputFailure,
    LanguageSpan,
    Mention,
    Reuse,
    Span,
    Story,
    StoryAnalysis,
    StoryProfile,
    event_from_dict,
    span_dicts,
    story_event_from_dict,
)

SCHEMA_VERSION = 9

metadata = sa.MetaData()

settings_table = sa.Table(
    "sitrep_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

builds = sa.Table(
    "builds", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.String(32), nullable=False),
    sa.Column("finished", sa.String(32)),
    sa.Column("inputs", sa.JSON, nullable=False),
    sa.Column("added", sa.Integer, nullable=False, default=0),
    sa.Column("unchanged", sa.Integer, nullable=False, default=0),
    sa.Column("failed", sa.Integer, nullable=False, default=0),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("published_from", sa.String(8)),
    sa.Column("language", sa.String(8)),
    sa.Column("credits", sa.JSON, nullable=False),
    sa.Column("cited_outlets", sa.JSON, nullable=False),
    sa.Column("foreign_spans", sa.JSON, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("build_id", sa.Integer, sa.ForeignKey("builds.id")),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("build_id", sa.Integer, sa.ForeignKey("builds.id"), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
)


entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity", sa.String(64), sa.ForeignKey("entities.id"), nullable=False, index=True),
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

attributions = sa.Table(
    "attributions", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_entity", sa.String(64), sa.ForeignKey("entities.id")),
    sa.Column("cue", sa.Text, nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("channel", sa.Text),
    sa.Column("via", sa.JSON, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),  # {"source": [[s, e]…], "cue": […], "content": […]}
)


reuse = sa.Table(
    "reuse", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("copy", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("origin_start", sa.Integer, nullable=False),
    sa.Column("origin_end", sa.Integer, nullable=False),
    sa.Column("copy_start", sa.Integer, nullable=False),
    sa.Column("copy_end", sa.Integer, nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("directed", sa.Boolean, nullable=False),
    sa.Column("story", sa.String(32), index=True),
)


statements = sa.Table(
    "statements", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

# What only a story's articles together show: recomputed for each story a build touches (the `story` column).
story_entities = sa.Table(
    "story_entities", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("documents", sa.JSON, nullable=False),
    sa.Column("story", sa.String(32), index=True),
)

entity_links = sa.Table(
    "entity_links", metadata,
    sa.Column("entity", sa.String(64), sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("story_entity", sa.String(32), sa.ForeignKey("story_entities.id"), nullable=False, index=True),
    sa.Column("story", sa.String(32), index=True),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("independent_origins", sa.Integer, nullable=False),
    sa.Column("origins", sa.JSON, nullable=False),
    sa.Column("parent", sa.String(32)),
    sa.Column("members", sa.JSON, nullable=False),  # the assertions, as dicts
    sa.Column("story", sa.String(32), index=True),
)

disputes = sa.Table(
    "disputes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("a", sa.String(32), sa.ForeignKey("claims.id"), nullable=False),
    sa.Column("b", sa.String(32), sa.ForeignKey("claims.id"), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # records.DISPUTE_KINDS
    sa.Column("story", sa.String(32), index=True),
)

# What each document reports happened (sitrep.events), written with the document; the record as JSON.
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("data", sa.JSON, nullable=False),  # the whole records.Event, as a dict
)

# Events across articles (story.versions): each records.StoryEvent as JSON, with its versions and estimates.
story_events = sa.Table(
    "story_events", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("story", sa.String(32), index=True),
)

# Stories found in the stream (story.streams): which story each article belongs to, and the names that
# link it to others (looked up for each new article, so that a build reads only the stories it touches).
stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("first_published", sa.String(10)),
    sa.Column("last_published", sa.String(10)),
    sa.Column("documents", sa.Integer, nullable=False),
)

story_members = sa.Table(
    "story_members", metadata,
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("story", sa.String(32), sa.ForeignKey("stories.id"), nullable=False, index=True),
    sa.Column("names", sa.Integer, nullable=False, default=0),  # its distinct names (StoryProfile.names)
)

story_keys = sa.Table(
    "story_keys", metadata,
    sa.Column("document", sa.String(32), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("key", sa.Text, nullable=False, index=True),
)

# What each story's stages wrote, by story (the `story` column); emptied in this order.
STORY_TABLES = (story_events, disputes, claims, entity_links, story_entities, reuse)


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[settings_table, builds, documents, failures])


def _add_entities_and_attributions(conn: Connection) -> None:
    metadata.create_all(conn, tables=[entities, mentions, attributions])


def _add_reuse(conn: Connection) -> None:
    metadata.create_all(conn, tables=[reuse])


# Step N brings a database at version N-1 to version N. Append; never edit a released step.
def _add_statements_and_story(conn: Connection) -> None:
    metadata.create_all(conn, tables=[statements, story_entities, entity_links, claims, disputes])


# The reasons version 4 wrote, and the kind each tells (the kinds of records.DISPUTE_KINDS).
_V4_DISPUTE_REASONS = (("denial of an accusation", "accusation"), ("denial:%", "denial"),
                       ("different figures:%", "figures"), ("exclusive outcomes: control of a place", "control"),
                       ("exclusive outcomes: whether an attack happened", "attack"),
                       ("exclusive outcomes: whether the strike hit fighters", "target"))


def _add_dispute_kinds(conn: Connection) -> None:
    """disputes.kind, read off the stored reasons (a table step 4 created from today's tables has it)."""
    if "kind" not in {column["name"] for column in sa.inspect(conn).get_columns("disputes")}:
        conn.execute(sa.text("ALTER TABLE disputes ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT ''"))
    for reason, kind in _V4_DISPUTE_REASONS:
        conn.execute(sa.update(disputes).where(disputes.c.kind == "", disputes.c.reason.like(reason))
                     .values(kind=kind))


def _add_events(conn: Connection) -> None:
    metadata.create_all(conn, tables=[events])


def _add_story_events(conn: Connection) -> None:
    metadata.create_all(conn, tables=[story_events])


def _add_stories(conn: Connection) -> None:
    """Stories in the stream: every story table gains the story its rows belong to. What they hold was computed
    for the whole store as one story: it is emptied, and the next build finds the stories of every article."""
    for table in STORY_TABLES:
        if "story" not in {column["name"] for column in sa.inspect(conn).get_columns(table.name)}:
            conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN story VARCHAR(32)"))
            conn.execute(sa.text(f"CREATE INDEX ix_{table.name}_story ON {table.name} (story)"))
        conn.execute(sa.delete(table))
    metadata.create_all(conn, tables=[stories, story_members, story_keys])


def _add_published_from(conn: Connection) -> None:
    """documents.published_from: where each date was read; unknown (NULL) for the documents stored before."""
    if "published_from" not in {column["name"] for column in sa.inspect(conn).get_columns("documents")}:
        conn.execute(sa.text("ALTER TABLE documents ADD COLUMN published_from VARCHAR(8)"))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create_v1, 2: _add_entities_and_attributions, 3: _add_reuse, 4: _add_statements_and_story,
    5: _add_dispute_kinds, 6: _add_events, 7: _add_story_events, 8: _add_stories,
    9: _add_published_from,
}


_WRITING = "sitrep_writing"  # the execution option of a connection that writes (see _own_sqlite_transactions)
_MIGRATION_LOCK, _BUILD_LOCK = 0x5173_7265_7001, 0x5173_7265_7002  # PostgreSQL advisory lock keys


def engine_for(db: str, read_only: bool = False, must_exist: bool = False) -> Engine:
    """A SQLite path, or any SQLAlchemy URL (postgresql://… uses psycopg 3). Read-only, a SQLite file must
    exist (`must_exist` asks that alone): nothing is created (no file, no folder) and no statement may change it."""
    if "://" not in db:
        path = Path(db)
        if (read_only or must_exist) and not path.is_file():
            raise UsageProblem.NO_DATABASE.error(path=db)
        if read_only:  # mode=rw opens no file that is not there; SQLite may still roll back a killed write
            url = sa.engine.URL.create("sqlite", database="file:" + quote(str(path.resolve())),
                                       query={"mode": "rw", "uri": "true"})
        else:
            path.parent.mkdir(parents=True, exist_ok=True)  # "--db out/story.db" in a folder not made yet
            url = sa.engine.URL.create("sqlite", database=db)  # the path as it is: no URL syntax in it
    elif db.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + db.split("://", 1)[1]
    else:
        url = db
    try:
        engine = sa.create_engine(url)
        if engine.dialect.name == "sqlite":
            _own_sqlite_transactions(engine, read_only)
        with engine.connect():
            pass
    except Exception as exc:
        raise UsageProblem.BAD_DB_URL.error(url=db, detail=str(exc).splitlines()[0]) from exc
    return engine


def _own_sqlite_transactions(engine: Engine, read_only: bool) -> None:
    """The sqlite3 module begins a transaction only before a statement that changes rows: the check that a
    document is new ran outside the transaction that inserts it, and a migration's CREATE TABLEs in none
    (two builds at once: one failed on `UNIQUE constraint failed`, or on `table … already exists`).
    Transactions begin here instead (SQLAlchemy's recipe): BEGIN before reading, BEGIN IMMEDIATE, which
    takes the write lock at once, before writing."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver begins nothing by itself
        if read_only:
            dbapi_connection.execute("PRAGMA query_only = ON")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITING) else "BEGIN")


class Store:
    def __init__(self, db: str, read_only: bool = False, must_exist: bool = False):
        """Open the store at `db` (made when missing, unless `must_exist`), bringing its schema up to date;
        read-only, only open it (show, export, report): a missing database, one that is not sitrep's or one
        of another schema version is an error."""
        self.db = db
        self.read_only = read_only
        self.upgraded_from: int | None = None  # the schema version `migrate` found, when it changed it
        self.engine = engine_for(db, read_only, must_exist)
        url = self.engine.url
        self.path = Path(db) if "://" not in db else (
            Path(url.database) if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
            and not url.query.get("uri") else None)
        try:
            self._check_schema() if read_only else self.migrate()
        except sa.exc.OperationalError as exc:  # locked, unreadable
            raise UsageProblem.BAD_DB_URL.error(url=db, detail=str(exc.orig or exc).splitlines()[0]) from exc
        except sa.exc.DatabaseError as exc:  # "file is not a database"
            raise UsageProblem.NOT_A_DATABASE.error(db=db, detail=str(exc.orig or exc).splitlines()[0]) from exc

    @contextmanager
    def _writing(self, conn: Connection | None = None) -> Iterator[Connection]:
        """A write transaction (or `conn`, already in one). On SQLite it holds the write lock from its start,
        so what it reads before it writes (is this document new?) stays true until it commits."""
        if conn is not None:
            yield conn
            return
        with self.engine.connect() as conn:
            conn.execution_options(**{_WRITING: True})
            with conn.begin():
                yield conn

    def _check_schema(self) -> None:
        with self.engine.connect() as conn:
            version = self.schema_version(conn)
        if version == 0:
            raise UsageProblem.NOT_A_DATABASE.error(db=self.db, detail="it holds no sitrep tables")
        if version > SCHEMA_VERSION:
            raise UsageProblem.SCHEMA_TOO_NEW.error(found=version, known=SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            raise UsageProblem.SCHEMA_TOO_OLD.error(found=version, known=SCHEMA_VERSION, db=self.db)

    def schema_version(self, conn: Connection) -> int:
        if not sa.inspect(conn).has_table(settings_table.name):
            return 0
        row = conn.execute(
            sa.select(settings_table.c.value).where(settings_table.c.key == "schema_version")
        ).first()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Bring the schema up to date, all steps in one transaction. A second process opening the store
        meanwhile waits for it (SQLite's write lock, an advisory lock on PostgreSQL) and finds it done."""
        with self.engine.connect() as conn:
            version = self.schema_version(conn)
            tables = set(sa.inspect(conn).get_table_names()) if version == 0 else set()
        if tables and settings_table.name not in tables:
            raise UsageProblem.NOT_A_DATABASE.error(db=self.db, detail="it holds other tables than sitrep's")
        if version > SCHEMA_VERSION:
            raise UsageProblem.SCHEMA_TOO_NEW.error(found=version, known=SCHEMA_VERSION)
        if version == SCHEMA_VERSION:
            return
        with self._writing() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            version = self.schema_version(conn)  # again, under the lock: another process may have done it
            if version > SCHEMA_VERSION:
                raise UsageProblem.SCHEMA_TOO_NEW.error(found=version, known=SCHEMA_VERSION)
            if version != SCHEMA_VERSION:
                self.upgraded_from = version
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](conn)
            if version != SCHEMA_VERSION:
                conn.execute(sa.delete(settings_table).where(settings_table.c.key == "schema_version"))
                conn.execute(sa.insert(settings_table).values(key="schema_version", value=str(SCHEMA_VERSION)))

    # Builds and failures

    def start_build(self, inputs: list[str]) -> int:
        with self._writing() as conn:
            result = conn.execute(sa.insert(builds).values(started=_now(), inputs=inputs, added=0,
                                                           unchanged=0, failed=0))
            return result.inserted_primary_key[0]

    def finish_build(self, build_id: int, added: int, unchanged: int, failed: int) -> None:
        with self._writing() as conn:
            conn.execute(sa.update(builds).where(builds.c.id == build_id).values(
                finished=_now(), added=added, unchanged=unchanged, failed=failed))

    @contextmanager
    def build_lock(self, on_wait: Callable[[str], None] = lambda holder: None) -> Iterator[None]:
        """Hold the store for one build: a second build into it waits until the first ends (`on_wait` hears
        once who holds it). SQLite: a lock on the file DB.lock beside the database; PostgreSQL: an advisory
        lock. The system lets go of it when the build ends, however it ends (kill -9 too)."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                key = {"key": _BUILD_LOCK}
                if not conn.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
                    on_wait("another session")
                    conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), key)
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), key)
                    conn.commit()
            return
        if self.path is None or fcntl is None:
            yield
            return
        with open(self._lock_path(), "a+", encoding="utf-8") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                on_wait(lock.read().strip() or "another process")
                fcntl.flock(lock, fcntl.LOCK_EX)
            lock.seek(0)
            lock.truncate()
            lock.write(f"pid {os.getpid()}, since {_now()}")
            lock.flush()
            yield

    def build_running(self) -> bool | None:
        """Whether a build holds the store now (None when that cannot be told). Takes nothing and writes nothing."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                free = conn.execute(sa.text("SELECT pg_try_advisory_lock_shared(:key)"), {"key": _BUILD_LOCK}).scalar()
                if free:
                    conn.execute(sa.text("SELECT pg_advisory_unlock_shared(:key)"), {"key": _BUILD_LOCK})
            return not free
        if self.path is None or fcntl is None:
            return None
        try:
            with open(self._lock_path(), encoding="utf-8") as lock:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except FileNotFoundError:
            return False
        except BlockingIOError:
            return True
        return False

    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def last_build(self) -> dict | None:
        """The latest build: when it started and finished (None: it never did; killed, or still running), what
        it counted, and how many documents it stored."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(builds).order_by(builds.c.id.desc()).limit(1)).first()
            if row is None:
                return None
            stored = conn.execute(sa.select(sa.func.count()).select_from(documents)
                                  .where(documents.c.build_id == row.id)).scalar()
        return {"id": row.id, "started": row.started, "finished": row.finished, "added": row.added,
                "unchanged": row.unchanged, "failed": row.failed, "stored": stored}

    def add_failure(self, build_id: int, failure: InputFailure) -> None:
        with self._writing() as conn:
            conn.execute(sa.insert(failures).values(build_id=build_id, path=failure.path, code=failure.code,
                                                    message=failure.message))

    def latest_failures(self) -> list[InputFailure]:
        with self.engine.connect() as conn:
            latest = conn.execute(sa.select(sa.func.max(builds.c.id))).scalar()
            rows = conn.execute(sa.select(failures).where(failures.c.build_id == latest)
                                .order_by(failures.c.id)).all()
        return [InputFailure(path=r.path, code=r.code, message=r.message) for r in rows]

    # Documents

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(documents.c.id).where(documents.c.id == document_id)).first() is not None

    def add_document(self, analysis: DocumentAnalysis, build_id: int | None = None) -> bool:
        """Write one document and what was found in it, in one transaction; False when already stored."""
        document = analysis.document
        row = dict(id=document.id, path=document.path, url=document.url, title=document.title,
                   outlet=document.outlet, published=document.published, published_from=document.published_from,
                   language=document.language, credits=document.credits, cited_outlets=document.cited_outlets,
                   foreign_spans=span_dicts(document.foreign), text=document.text, build_id=build_id)
        with self._writing() as conn:
            # Inside the transaction, so that a document another build stores meanwhile is skipped, not a crash
            dialect_insert = {"sqlite": sqlite_dialect.insert, "postgresql": postgresql_dialect.insert}.get(
                conn.dialect.name)
            if dialect_insert is not None:
                inserted = conn.execute(dialect_insert(documents).values(**row).on_conflict_do_nothing(
                    index_elements=[documents.c.id]))
                if inserted.rowcount == 0:
                    return False
            elif conn.execute(sa.select(documents.c.id).where(documents.c.id == document.id)).first():
                return False
            else:
                conn.execute(sa.insert(documents).values(**row))
            if analysis.entities:
                conn.execute(sa.insert(entities), [
                    {"id": e.id, "document": document.id, "name": e.name, "type": e.type, "aliases": e.aliases}
                    for e in analysis.entities])
                conn.execute(sa.insert(mentions), [
                    {"entity": e.id, "document": document.id, "start": m.start, "end": m.end, "text": m.text}
                    for e in analysis.entities for m in e.mentions])
            if analysis.attributions:
                conn.execute(sa.insert(attributions), [_attribution_row(a) for a in analysis.attributions])
            if analysis.statements:
                conn.execute(sa.insert(statements), [{"document": document.id, "start": span.start, "end": span.end}
                                                     for span in analysis.statements])
            if analysis.events:
                conn.execute(sa.insert(events), [{"id": e.id, "document": document.id, "type": e.type,
                                                  "status": e.status, "date": e.date, "data": asdict(e)}
                                                 for e in analysis.events])
        return True

    # Readers. `story` limits each to one story's articles (or, `FRESH`, to the articles in no story yet);
    # `conn` reads inside a transaction already open (a story update, which sees what it wrote).

    def statements(self, story: str | None = None, conn: Connection | None = None) -> dict[str, list[Span]]:
        """Each document's sentences in its own voice."""
        found: dict[str, list[Span]] = {}
        query = sa.select(statements).where(_of_story(statements.c.document, story))
        with self._reading(conn) as conn:
            for row in conn.execute(query.order_by(*_in_order(conn, statements.c.document, statements.c.start))):
                found.setdefault(row.document, []).append(Span(row.start, row.end))
        return found

    def documents(self, limit: int | None = None, story: str | None = None,
                  conn: Connection | None = None) -> Iterator[Document]:
        """The documents in the order of their paths (the first `limit` of them, when given)."""
        query = sa.select(documents).where(_of_story(documents.c.id, story))
        with self._reading(conn) as conn:
            order = _in_order(conn, documents.c.path, documents.c.url, documents.c.id)
            for row in conn.execute(query.order_by(*order).limit(limit)):
                yield Document(
                    id=row.id, path=row.path, url=row.url, text=row.text, title=row.title,
                    outlet=row.outlet, published=row.published, published_from=row.published_from,
                    language=row.language,
                    credits=list(row.credits), cited_outlets=list(row.cited_outlets),
                    foreign=[LanguageSpan(**span) for span in row.foreign_spans],
                )

    def entities(self, story: str | None = None, conn: Connection | None = None) -> Iterator[Entity]:
        with self._reading(conn) as conn:
            found: dict[str, list[Mention]] = {}
            query = sa.select(mentions).where(_of_story(mentions.c.document, story)).order_by(mentions.c.id)
            for row in conn.execute(query):
                found.setdefault(row.entity, []).append(Mention(row.start, row.end, row.text, ""))
            query = sa.select(entities).where(_of_story(entities.c.document, story))
            for row in conn.execute(query.order_by(*_in_order(conn, entities.c.document, entities.c.id))):
                yield Entity(id=row.id, name=row.name, type=row.type, aliases=list(row.aliases),
                             mentions=[Mention(m.start, m.end, m.text, row.type) for m in found.get(row.id, [])],
                             documents=[row.document])

    def entity_mentions(self, story: str | None = None) -> dict[str, list[tuple[str, Mention]]]:
        """Each merged entity's mentions as (document id, mention), in document and text order."""
        query = (sa.select(entity_links.c.story_entity, mentions.c.document, mentions.c.start, mentions.c.end,
                           mentions.c.text, entities.c.type)
                 .select_from(mentions.join(entity_links, entity_links.c.entity == mentions.c.entity)
                              .join(entities, entities.c.id == mentions.c.entity))
                 .where(_of_story(mentions.c.document, story))
                 .order_by(entity_links.c.story_entity, mentions.c.document, mentions.c.start, mentions.c.id))
        found: dict[str, list[tuple[str, Mention]]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                found.setdefault(row.story_entity, []).append(
                    (row.document, Mention(row.start, row.end, row.text, row.type)))
        return found

    def attributions(self, story: str | None = None, conn: Connection | None = None) -> Iterator[Attribution]:
        query = sa.select(attributions).where(_of_story(attributions.c.document, story))
        with self._reading(conn) as conn:
            for row in conn.execute(query.order_by(*_in_order(conn, attributions.c.document, attributions.c.start,
                                                                attributions.c.end, attributions.c.id))):
                spans = {role: [Span(s, e) for s, e in row.spans.get(role, [])] for role in Attribution.ROLES}
                yield Attribution(
                    id=row.id, document=row.document, speaker=row.speaker, speaker_entity=row.speaker_entity,
                    cue=row.cue, content=row.content, kind=row.kind, channel=row.channel, via=list(row.via),
                    start=row.start, end=row.end, source_spans=spans["source"], cue_spans=spans["cue"],
                    content_spans=spans["content"],
                )

    def events(self, story: str | None = None, conn: Connection | None = None) -> Iterator[Event]:
        """Each document's events, in document and id order."""
        query = sa.select(events.c.data).where(_of_story(events.c.document, story))
        with self._reading(conn) as conn:
            for row in conn.execute(query.order_by(*_in_order(conn, events.c.document, events.c.id))):
                yield event_from_dict(row.data)

    def reuse(self, story: str | None = None) -> Iterator[Reuse]:
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(reuse).where(_in_story(reuse, story))
                                    .order_by(*_in_order(conn, reuse.c.story, reuse.c.id))):
                yield Reuse(row.origin, row.copy, row.origin_start, row.origin_end, row.copy_start,
                            row.copy_end, row.similarity, row.directed)

    def story(self, story: str | None = None) -> StoryAnalysis:
        """What the story stages found: of one story, or of every story (their entities, claims, disputes and
        events side by side: no story's entity is merged with another's)."""
        article_entities = list(self.entities(story))
        with self.engine.connect() as conn:
            links = {r.entity: r.story_entity for r in conn.execute(
                sa.select(entity_links).where(_in_story(entity_links, story)))}
            mentioned: dict[str, list[Mention]] = {}
            for entity in article_entities:
                mentioned.setdefault(links.get(entity.id, ""), []).extend(entity.mentions)
            merged = [Entity(id=r.id, name=r.name, type=r.type, aliases=list(r.aliases),
                             mentions=mentioned.get(r.id, []), documents=list(r.documents))
                      for r in conn.execute(sa.select(story_entities).where(_in_story(story_entities, story)))]
            found = [Claim(id=r.id, text=r.text, members=[Assertion(**m) for m in r.members],
                           independent_origins=r.independent_origins, origins=list(r.origins), parent=r.parent)
                     for r in conn.execute(sa.select(claims).where(_in_story(claims, story)))]
            pairs = [Dispute(r.a, r.b, r.reason, r.kind)
                     for r in conn.execute(sa.select(disputes).where(_in_story(disputes, story))
                                           .order_by(*_in_order(conn, disputes.c.story, disputes.c.id)))]
            across = [story_event_from_dict(r.data)
                      for r in conn.execute(sa.select(story_events).where(_in_story(story_events, story)))]
        merged.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
        found.sort(key=lambda c: (-c.independent_origins, -len(c.members), c.id))
        across.sort(key=lambda e: (-len(e.mentions), e.date or "", e.id))
        return StoryAnalysis(merged, links, found, pairs, across)

    def stories(self, story: str | None = None) -> list[Story]:
        """Every story (or the one named, when the store has it), the largest first, with its articles."""
        with self.engine.connect() as conn:
            members: dict[str, list[str]] = {}
            query = sa.select(story_members).where(_in_story(story_members, story))
            for row in conn.execute(query.order_by(*_in_order(conn, story_members.c.document))):
                members.setdefault(row.story, []).append(row.document)
            query = sa.select(stories).where(sa.true() if story is None else stories.c.id == story)
            found = [Story(r.id, members.get(r.id, []), r.first_published, r.last_published, r.title)
                     for r in conn.execute(query)]
        return sorted(found, key=lambda s: (-len(s.documents), s.first_published or "", s.id))

    # Stories: found and analysed after each build, in one transaction (`updating_stories`)

    @contextmanager
    def updating_stories(self, rebuild: bool = False) -> Iterator[StoryUpdate]:
        """One transaction for what a build's story stages change: every story they touch, or, `rebuild`, all
        of them from scratch. Stopped at any moment (an error, kill -9), it leaves the previous stories."""
        with self._writing() as conn:
            if rebuild:
                for table in (*STORY_TABLES, story_keys, story_members, stories):
                    conn.execute(sa.delete(table))
            yield StoryUpdate(self, conn)

    @contextmanager
    def _reading(self, conn: Connection | None = None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
            return
        with self.engine.connect() as conn:
            yield conn

    def counts(self) -> dict[str, object]:
        with self.engine.connect() as conn:
            def column_counts(column: sa.Column) -> list[tuple[str | None, int]]:
                return [tuple(r) for r in conn.execute(
                    sa.select(column, sa.func.count()).group_by(column).order_by(sa.func.count().desc(), column))]

            dates = conn.execute(sa.select(sa.func.min(documents.c.published),
                                           sa.func.max(documents.c.published))).first()
            return {
                "documents": conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar(),
                "outlets": column_counts(documents.c.outlet),
                "languages": column_counts(documents.c.language),
                "first_published": dates[0],
                "last_published": dates[1],
                "undated": conn.execute(sa.select(sa.func.count()).select_from(documents)
                                        .where(documents.c.published.is_(None))).scalar(),
                "builds": conn.execute(sa.select(sa.func.count()).select_from(builds)).scalar(),
                "entities": conn.execute(sa.select(sa.func.count()).select_from(entities)).scalar(),
                "attributions": conn.execute(sa.select(sa.func.count()).select_from(attributions)).scalar(),
                "reuse": conn.execute(sa.select(sa.func.count()).select_from(reuse)).scalar(),
                "story_entities": conn.execute(sa.select(sa.func.count()).select_from(story_entities)).scalar(),
                "claims": conn.execute(sa.select(sa.func.count()).select_from(claims)).scalar(),
                "disputes": conn.execute(sa.select(sa.func.count()).select_from(disputes)).scalar(),
                "stories": conn.execute(sa.select(sa.func.count()).select_from(stories)).scalar(),
            }


FRESH = "(fresh)"  # the `story` of the readers that means "the articles in no story yet"
_CHUNK = 500  # values in one IN (…): SQLite and PostgreSQL both take this many bound parameters


def _of_story(document: sa.Column, story: str | None) -> sa.ColumnElement[bool]:
    """Rows whose document is in `story` (all rows when None, rows of articles in no story when FRESH)."""
    if story is None:
        return sa.true()
    if story == FRESH:
        return document.not_in(sa.select(story_members.c.document))
    return document.in_(sa.select(story_members.c.document).where(story_members.c.story == story))


def _in_order(conn: Connection, *columns: sa.Column) -> list[sa.ColumnElement]:
    """ORDER BY these columns, text compared byte by byte on every backend (a PostgreSQL database made with a
    locale's collation, en_US say, ignores punctuation at first: rows in another order than SQLite's, and a
    story analysed in another order). Each reader orders by enough columns to leave no ties."""
    if conn.dialect.name != "postgresql":
        return list(columns)
    return [sa.collate(c, "C") if isinstance(c.type, sa.String) else c for c in columns]


def _in_story(table: sa.Table, story: str | None) -> sa.ColumnElement[bool]:
    return sa.true() if story is None else table.c.story == story


class StoryUpdate:
    """The story stages' view of the store inside one transaction (see `Store.updating_stories`)."""

    def __init__(self, store: Store, conn: Connection):
        self.store, self.conn = store, conn

    def fresh(self) -> tuple[list[Document], list[Entity]]:
        """Some of the articles in no story yet (none once every article is in one), and their entities."""
        found = list(self.store.documents(_CHUNK, FRESH, self.conn))
        chosen = [d.id for d in found]
        query = sa.select(mentions).where(mentions.c.document.in_(chosen)).order_by(mentions.c.id)
        named: dict[str, list[Mention]] = {}
        for row in self.conn.execute(query):
            named.setdefault(row.entity, []).append(Mention(row.start, row.end, row.text, ""))
        query = (sa.select(entities).where(entities.c.document.in_(chosen))
                 .order_by(*_in_order(self.conn, entities.c.document, entities.c.id)))
        return found, [Entity(id=r.id, name=r.name, type=r.type, aliases=list(r.aliases),
                              mentions=[Mention(m.start, m.end, m.text, r.type) for m in named.get(r.id, [])],
                              documents=[r.document]) for r in self.conn.execute(query)]

    def sharing(self, keys: set[str]) -> list[StoryProfile]:
        """Every article in a story that shares a name with `keys`, with the names it shares, and every other
        article of those stories (with no names: they are in the story already)."""
        shared: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(keys)):
            for row in self.conn.execute(sa.select(story_keys).where(story_keys.c.key.in_(chunk))):
                shared.setdefault(row.document, set()).add(row.key)
        touched: set[str] = set()
        for chunk in _chunks(sorted(shared)):
            touched |= set(self.conn.execute(sa.select(story_members.c.story)
                                             .where(story_members.c.document.in_(chunk))).scalars())
        found = []
        for chunk in _chunks(sorted(touched)):
            query = (sa.select(story_members, documents.c.published, documents.c.title)
                     .join(documents, documents.c.id == story_members.c.document)
                     .where(story_members.c.story.in_(chunk)))
            found += [StoryProfile(r.document, r.published, r.title, frozenset(shared.get(r.document, ())), r.story,
                                   r.names) for r in self.conn.execute(query)]
        return found

    def every(self) -> list[StoryProfile]:
        """Every article in a story, with no names."""
        query = (sa.select(story_members, documents.c.published, documents.c.title)
                 .join(documents, documents.c.id == story_members.c.document))
        return [StoryProfile(r.document, r.published, r.title, frozenset(), r.story, r.names)
                for r in self.conn.execute(query)]

    def assign(self, changed: list[Story], gone: set[str], fresh: list[StoryProfile]) -> None:
        """The new articles' names, and the stories that changed (whole) in place of those they replace."""
        keys = [{"document": p.document, "key": key} for p in fresh for key in sorted(p.keys)]
        if keys:
            self.conn.execute(sa.insert(story_keys), keys)
        replaced = sorted({s.id for s in changed} | gone)
        names = {p.document: p.names for p in fresh}
        for chunk in _chunks(replaced):
            names |= dict(self.conn.execute(sa.select(story_members.c.document, story_members.c.names)
                                            .where(story_members.c.story.in_(chunk))).all())
            for table in STORY_TABLES:
                self.conn.execute(sa.delete(table).where(table.c.story.in_(chunk)))
            self.conn.execute(sa.delete(story_members).where(story_members.c.story.in_(chunk)))
            self.conn.execute(sa.delete(stories).where(stories.c.id.in_(chunk)))
        if changed:
            self.conn.execute(sa.insert(stories), [
                {"id": s.id, "title": s.title, "first_published": s.first_published,
                 "last_published": s.last_published, "documents": len(s.documents)} for s in changed])
            self.conn.execute(sa.insert(story_members), [{"document": d, "story": s.id, "names": names[d]}
                                                          for s in changed for d in s.documents])

    def inputs(self, story: str) -> dict[str, object]:
        """What the story stages read of one story, by name."""
        return {"documents": list(self.store.documents(story=story, conn=self.conn)),
                "entities": list(self.store.entities(story, self.conn)),
                "attributions": list(self.store.attributions(story, self.conn)),
                "statements": self.store.statements(story, self.conn),
                "events": list(self.store.events(story, self.conn))}

    def write(self, story: str, found: list[Reuse], analysis: StoryAnalysis) -> None:
        """What the story stages found in one story (its rows were emptied by `assign`)."""
        conn, tag = self.conn, {"story": story}
        if found:
            conn.execute(sa.insert(reuse), [asdict(item) | tag for item in found])
        if analysis.entities:
            conn.execute(sa.insert(story_entities), [
                {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "mentions": len(e.mentions),
                 "documents": e.documents} | tag for e in analysis.entities])
        if analysis.entity_links:
            conn.execute(sa.insert(entity_links), [{"entity": k, "story_entity": v} | tag
                                                   for k, v in analysis.entity_links.items()])
        if analysis.claims:
            conn.execute(sa.insert(claims), [
                {"id": c.id, "text": c.text, "independent_origins": c.independent_origins, "origins": c.origins,
                 "parent": c.parent, "members": [asdict(m) for m in c.members]} | tag for c in analysis.claims])
        if analysis.disputes:
            conn.execute(sa.insert(disputes), [asdict(d) | tag for d in analysis.disputes])
        if analysis.events:
            conn.execute(sa.insert(story_events), [{"id": e.id, "data": asdict(e)} | tag for e in analysis.events])


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _attribution_row(a: Attribution) -> dict:
    return {
        "id": a.id, "document": a.document, "speaker": a.speaker, "speaker_entity": a.speaker_entity,
        "cue": a.cue, "content": a.content, "kind": a.kind, "channel": a.channel, "via": a.via,
        "start": a.start, "end": a.end,
        "spans": {role: [[s.start, s.end] for s in spans] for role, spans in a.spans_by_role().items()},
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
