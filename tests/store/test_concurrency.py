"""Two builds into one store at once, and the transactions that keep a store whole."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from sitrep import pipeline
from sitrep.pipeline import Stage
from sitrep.records import Document, DocumentAnalysis, Entity, Mention
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store import database as store_module

ARTICLES = [
    "Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three people "
    "were wounded and the ferry service was suspended.\n",
    "The army said on Wednesday it had retaken the northern bridge after two days of fighting, and that the road "
    "to the valley would reopen within a week.\n",
    "Aid agencies warned that food stocks in the besieged town would run out within ten days unless a corridor "
    "was opened, a spokeswoman told reporters.\n",
]
BUILD = [sys.executable, "-m", "sitrep", "build"]


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, text in enumerate(ARTICLES):
        (folder / f"{n}.txt").write_text(text)
    return folder


def _document_ids(db: str) -> list[str]:
    if "://" not in db:
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = Store(db)
    found = sorted(d.id for d in store.documents())
    store.engine.dispose()
    return found


def test_two_builds_into_one_new_store_at_once_both_succeed(articles, db):
    builds = [subprocess.Popen([*BUILD, str(articles), "--db", str(db), "--workers", "1"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [build.communicate(timeout=300)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert not any("Traceback" in output or "error" in output for output in outputs), outputs
    added = sorted(int(output.split(" documents added")[0].split()[-1]) for output in outputs)
    assert added == [0, 3]  # one waited for the other (N001), then found every document stored
    assert len(_document_ids(db)) == 3


def test_a_second_build_waits_for_the_first_and_says_so(articles, db, tmp_path):
    store = Store(db)
    log = tmp_path / "second.log"
    with store.build_lock(), log.open("w") as output:
        second = subprocess.Popen([*BUILD, str(articles), "--db", str(db), "--workers", "1"], stdout=output,
                                  stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while "[N001]" not in log.read_text() and second.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "[N001] another build into" in log.read_text()
        time.sleep(0.5)
        assert second.poll() is None  # still waiting
        assert _document_ids(db) == []
    assert second.wait(timeout=300) == 0, log.read_text()
    assert len(_document_ids(db)) == 3
    assert store.build_running() is False


def test_the_schema_is_made_in_one_transaction_that_a_second_opener_waits_for(tmp_path, monkeypatch):
    db = str(tmp_path / "story.db")
    first_step = store_module.MIGRATIONS[1]
    inside, go, ran, failed = threading.Event(), threading.Event(), [], []

    def slow_first_step(conn):
        first_step(conn)
        ran.append(threading.current_thread().name)
        inside.set()
        go.wait(timeout=2)

    monkeypatch.setitem(store_module.MIGRATIONS, 1, slow_first_step)

    def open_store():
        try:
            Store(db)
        except Exception as exc:  # noqa: BLE001 - the test reports it
            failed.append(exc)

    first = threading.Thread(target=open_store, name="first")
    first.start()
    assert inside.wait(timeout=10)
    second = threading.Thread(target=open_store, name="second")
    second.start()
    time.sleep(0.3)
    assert second.is_alive()  # waiting for the first one's transaction
    go.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert failed == [] and ran == ["first"]


def _article(n: int) -> DocumentAnalysis:
    """One of three copies of a report naming the same town and governor: one story."""
    names = [Entity(f"d{n}-e0", "Dravik", "place", [], [Mention(0, 6, "Dravik", "place")], [f"d{n}"]),
             Entity(f"d{n}-e1", "Ilse Varga", "person", [], [Mention(7, 17, "Ilse Varga", "person")], [f"d{n}"])]
    return DocumentAnalysis(Document(id=f"d{n}", path=f"{n}.txt", text="Dravik. Ilse Varga. " + ARTICLES[0]),
                            entities=names)


def test_the_story_stages_results_are_swapped_in_in_one_transaction(db, monkeypatch):
    store = Store(db)
    for n in range(2):
        store.add_document(_article(n))
    assert pipeline._update_stories(store, Settings(), lambda stage: None) is None
    reused, (story,) = list(store.reuse()), store.stories()
    assert reused and story.documents == ["d0", "d1"]

    def broken(*values):
        raise RuntimeError("the story stage broke")

    reuse_stage, story_stage = pipeline.STORY_STAGES
    monkeypatch.setattr(pipeline, "STORY_STAGES", (reuse_stage, Stage(story_stage.name, broken, story_stage.reads,
                                                                      story_stage.writes)))
    store.add_document(_article(2))
    failure = pipeline._update_stories(store, Settings(), lambda stage: None)
    assert failure.code == "E018" and "the story stage broke" in failure.message  # a coded failure, not a crash
    assert list(store.reuse()) == reused  # the reuse stage's new result was not kept alone
    assert store.stories() == [story]  # nor the new article's place in the story

    monkeypatch.undo()

    def half_written(self, story, found, analysis):
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(store_module.StoryUpdate, "write", half_written)
    assert pipeline._update_stories(store, Settings(), lambda stage: None).code == "E018"
    assert list(store.reuse()) == reused and store.stories() == [story]
