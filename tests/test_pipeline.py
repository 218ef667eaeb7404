"""The build: what it adds, what it skips, what one failure spares, what it announces."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.records import RawDocument
from sitrep.store import Store

ARTICLE = (
    "Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that "
    "three people were wounded and the ferry service was suspended until further notice.\n"
)


def test_building_the_same_files_twice_adds_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    store = Store(str(tmp_path / "story.db"))
    first = pipeline.build(pipeline.input_files([str(tmp_path / "a.txt")]), store)
    second = pipeline.build(pipeline.input_files([str(tmp_path / "*.txt")]), store)
    assert (first.added, second.added, second.unchanged) == (1, 0, 1)
    assert len(list(store.documents())) == 1


def test_missing_input_is_reported(tmp_path):
    store = Store(str(tmp_path / "story.db"))
    report = pipeline.build(pipeline.input_files([str(tmp_path / "nope.txt")]), store)
    assert [f.code for f in report.failures] == ["W012"]


def test_a_crash_while_extracting_one_page_spares_the_others(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("river port", "airport"))
    real_extract = pipeline.extract

    def exploding_extract(raw: RawDocument, settings):
        if raw.path.endswith("a.txt"):
            raise RuntimeError("boom")
        return real_extract(raw, settings)

    monkeypatch.setattr(pipeline, "extract", exploding_extract)
    store = Store(str(tmp_path / "story.db"))
    report = pipeline.build(pipeline.input_files([str(tmp_path)]), store)
    assert report.added == 1 and [f.code for f in report.failures] == ["W013"]
    assert [d.path for d in store.documents()] == [str(tmp_path / "b.txt")]


def test_build_announces_the_story_stages(tmp_path):
    (tmp_path / "port.txt").write_text(ARTICLE)
    stages = []
    pipeline.build(pipeline.input_files([str(tmp_path / "port.txt")]), Store(str(tmp_path / "s.db")),
                   on_stage=stages.append)
    assert stages == ["finding stories",
                      "analysing 1 stories: reused passages, entities, claims, disputes, events"]


def test_parallel_workers_give_the_same_store_as_one_process(tmp_path):
    from dataclasses import replace

    from sitrep.output import export
    from sitrep.settings import DEFAULT_SETTINGS

    corpus = str(Path(__file__).resolve().parent.parent / "examples" / "corpus")
    stories = {}
    for workers in (1, 2):
        store = Store(str(tmp_path / f"w{workers}.db"))
        settings = replace(DEFAULT_SETTINGS, workers=workers, nlp_batch=3)  # several batches: the pool starts
        report = pipeline.build(pipeline.input_files([corpus]), store, settings=settings)
        assert report.added > 2 * settings.nlp_batch
        stories[workers] = export.render(export.story_of(store), "json")
    assert stories[1] == stories[2]


def test_a_build_stopped_by_an_error_stops_its_workers(tmp_path, monkeypatch):
    """A build that raised between starting its workers and finishing had left them (and a Dask cluster started
    for it) running until the process ended."""
    (tmp_path / "port.txt").write_text(ARTICLE)
    closed = []
    monkeypatch.setattr(pipeline.Analysers, "close", lambda self: closed.append(self))

    def interrupted(path):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.build(pipeline.input_files([str(tmp_path / "port.txt")]), Store(str(tmp_path / "s.db")),
                       on_file=interrupted)
    assert len(closed) == 1
