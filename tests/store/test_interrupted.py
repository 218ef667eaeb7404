"""A build killed (SIGKILL) at random moments leaves a whole store: every document complete, the
whole-corpus tables as the previous build left them or as the new one makes them (never emptied), and
`sitrep show` says the build did not finish; building again adds exactly what is missing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

from typer.testing import CliRunner

from conftest import EXAMPLES
from sitrep import pipeline
from sitrep.cli import app
from sitrep.settings import Settings
from sitrep.store import Store

KILLS = 5
# One document a batch, in the build's own process: each is stored as soon as it is parsed, so that a kill
# can land between any two of them, as well as in the whole-corpus stages.
ONE_AT_A_TIME = Settings(workers=1, nlp_batch=1)
OPTIONS = ["--workers", "1", "--setting", "nlp_batch=1"]
CORPUS_TABLES = {  # the whole-corpus tables, without their row counters
    "reuse": "origin, copy, origin_start, origin_end, copy_start, copy_end, similarity, directed",
    "story_entities": "*", "entity_links": "*", "claims": "*", "disputes": "a, b, reason, kind",
}


def _rows(db, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(query).fetchall(), key=repr)


def _corpus_tables(db) -> dict[str, list[tuple]]:
    return {table: _rows(db, f"SELECT {columns} FROM {table}") for table, columns in CORPUS_TABLES.items()}


def _documents(db) -> dict[str, tuple]:
    """Each stored document with how many entities, mentions, attributions and statements it holds."""
    counted = {}
    for table in ("entities", "mentions", "attributions", "statements"):
        counted[table] = dict(_rows(db, f"SELECT document, count(*) FROM {table} GROUP BY document"))
    return {id_: (text, *(counted[table].get(id_, 0) for table in counted))
            for id_, text in _rows(db, "SELECT id, text FROM documents")}


def _build(files: list[str], db) -> pipeline.BuildReport:
    return pipeline.build(files, Store(str(db)), settings=ONE_AT_A_TIME)


def _count(db, table: str) -> int:
    return _rows(db, f"SELECT count(*) FROM {table}")[0][0]


def _kill(build: subprocess.Popen) -> None:
    try:
        os.killpg(build.pid, signal.SIGKILL)  # the build and any worker it started
    except ProcessLookupError:  # it had finished
        pass
    build.wait()


def test_a_build_killed_at_random_moments_leaves_a_whole_store(tmp_path):
    files = sorted(str(path) for path in EXAMPLES.iterdir())[:6]
    base = tmp_path / "base.db"
    _build(files[:3], base)  # the previous build: a few articles, their corpus tables filled
    previous = _corpus_tables(base)
    assert previous["claims"] and previous["story_entities"]
    complete = tmp_path / "complete.db"
    shutil.copy(base, complete)
    started = time.monotonic()
    _build(files, complete)  # what each build that gets killed would make
    duration = time.monotonic() - started
    new, every_document = _corpus_tables(complete), _documents(complete)
    assert new != previous and len(every_document) > _count(base, "documents")

    # The builds run at once, each in a process of its own on its own copy of the store. Each is killed
    # at a random moment after it stored its first document (before that, reading and extracting the first
    # files, it has written nothing but its build's row): between two documents, inside one, or in the
    # whole-corpus stages; twice what this process took leaves room for the builds sharing the machine.
    seed = random.randrange(2**32)
    moments = random.Random(seed)
    delays = [moments.uniform(0, 2 * duration) for _ in range(KILLS)]
    builds, kill_at = [], [None] * KILLS
    for n in range(KILLS):
        shutil.copy(base, tmp_path / f"killed-{n}.db")
        builds.append(subprocess.Popen(
            [sys.executable, "-m", "sitrep", "build", *files, "--db", str(tmp_path / f"killed-{n}.db"), *OPTIONS],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
    deadline = time.monotonic() + 300
    try:
        while any(at is None or at > 0 for at in kill_at):
            assert time.monotonic() < deadline, "the builds never began storing"
            for n, build in enumerate(builds):
                if kill_at[n] is None and (_count(tmp_path / f"killed-{n}.db", "documents") > _count(base, "documents")
                                           or build.poll() is not None):
                    kill_at[n] = time.monotonic() + delays[n]
                elif kill_at[n] is not None and 0 < kill_at[n] <= time.monotonic():
                    _kill(build)
                    kill_at[n] = 0
            time.sleep(0.005)
    finally:
        for build in builds:
            _kill(build)

    for n, delay in enumerate(delays):
        db = tmp_path / f"killed-{n}.db"
        where = f"build {n} killed {delay:.2f} s after it stored its first document (seed {seed})"
        assert _rows(db, "PRAGMA integrity_check") == [("ok",)], where
        stored = _documents(db)
        assert all(stored[id_] == every_document[id_] for id_ in stored), where  # each one whole
        assert _corpus_tables(db) in (previous, new), where
        (last,) = _rows(db, "SELECT finished FROM builds ORDER BY id DESC LIMIT 1")
        shown = CliRunner().invoke(app, ["show", "--db", str(db)])
        assert shown.exit_code == 0, where
        unfinished = "[N002] the last build" in shown.output and "did not finish" in shown.output
        assert unfinished == (last == (None,)), where  # (a build may record its end and be killed on its way out)

        again = _build(files, db)
        assert again.added == len(every_document) - len(stored), where
        assert _documents(db) == every_document and _corpus_tables(db) == new, where
