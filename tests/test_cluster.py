"""The per-document stage on Dask workers (`sitrep build --dask N`, `--cluster ADDRESS`): the same store as a
build in this process, a batch that raised on a worker analysed here, an unreachable scheduler one coded line.

The clusters here are in-process (`--setting dask=inproc:N`: worker threads), so no test spawns a process."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from sitrep import pipeline
from sitrep.cli import app
from sitrep.cluster import DaskAnalysers, target
from sitrep.errors import SitrepError
from sitrep.output import export
from sitrep.settings import DEFAULT_SETTINGS
from sitrep.store import Store

runner = CliRunner()


def _exported(db) -> dict:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def dask_build(tmp_path_factory):
    """The example corpus built on an in-process cluster of two workers, three documents a batch (several
    batches out at once): the CLI's result and the store."""
    db = tmp_path_factory.mktemp("dask") / "story.db"
    result = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(db), "--setting", "dask=inproc:2",
                                 "--setting", "nlp_batch=3"])
    return result, db


def test_a_dask_build_stores_what_a_build_here_stores(dask_build, stories):
    result, db = dask_build
    assert result.exit_code == 0, result.output
    assert "18 documents added, 0 already stored, 0 failed" in result.output
    here = json.loads(export.render(stories("examples"), "json"))
    assert _exported(db) == here


_analyse_batch = pipeline.analyse_batch
_calls = {"raised": 0, "here": 0}
_lock = threading.Lock()


def _raises_once_on_a_worker(documents, settings):
    """`analyse_batch`, but the first batch a worker thread runs raises. Module level: Dask pickles the function
    it sends (by reference, so that the worker updates these counts)."""
    if threading.current_thread() is threading.main_thread():
        _calls["here"] += 1
    else:
        with _lock:
            raised, _calls["raised"] = _calls["raised"], 1
        if not raised:
            raise RuntimeError("the worker fell over")
    return _analyse_batch(documents, settings)


def test_a_batch_that_raised_on_a_worker_is_analysed_here(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "analyse_batch", _raises_once_on_a_worker)
    monkeypatch.setitem(_calls, "raised", 0)
    monkeypatch.setitem(_calls, "here", 0)
    files = [str(EXAMPLES / name) for name in sorted(p.name for p in EXAMPLES.glob("*.txt"))[:3]]
    assert len(files) == 3
    settings = replace(DEFAULT_SETTINGS, dask="inproc:2", nlp_batch=1)
    report = pipeline.build(pipeline.input_files(files), Store(str(tmp_path / "dask.db")), settings=settings)
    assert _calls == {"raised": 1, "here": 1}
    assert report.added == 3 and not report.failures
    monkeypatch.setattr(pipeline, "analyse_batch", _analyse_batch)
    pipeline.build(pipeline.input_files(files), Store(str(tmp_path / "here.db")),
                   settings=replace(DEFAULT_SETTINGS, workers=1, nlp_batch=1))
    assert _exported(tmp_path / "dask.db") == _exported(tmp_path / "here.db")


def test_an_unreachable_scheduler_is_one_coded_line_and_no_store(tmp_path):
    db = tmp_path / "story.db"
    result = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(db), "--cluster", "tcp://127.0.0.1:1",
                                 "--setting", "dask_connect_timeout=0.5"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error [E019] cannot reach the Dask scheduler at tcp://127.0.0.1:1: ")
    assert not db.exists()


def test_an_unreachable_scheduler_leaves_no_build_in_an_existing_store(tmp_path):
    store = Store(str(tmp_path / "story.db"))
    settings = replace(DEFAULT_SETTINGS, dask="tcp://127.0.0.1:1", dask_connect_timeout=0.5)
    with pytest.raises(SitrepError, match=r"\[E019\]"):
        pipeline.build(pipeline.input_files([str(EXAMPLES)]), store, settings=settings)
    assert not list(store.documents()) and store.last_build() is None


def test_dask_and_cluster_together_and_a_bad_dask_setting_are_usage_errors(tmp_path):
    db = tmp_path / "story.db"
    both = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(db), "--dask", "2", "--cluster", "tcp://h:8786"])
    assert both.exit_code == 2 and "[E020]" in both.output
    for value in ("local:0", "inproc:x", "local", "nowhere"):
        bad = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(db), "--setting", f"dask={value}"])
        assert bad.exit_code == 2 and "[E010] setting 'dask'" in bad.output, value
    assert not db.exists()


def test_the_dask_setting_read():
    assert target("local:4") == ("local", 4)
    assert target("inproc:1") == ("inproc", 1)
    assert target("tcp://10.0.0.5:8786") == ("scheduler", "tcp://10.0.0.5:8786")
    assert target("10.0.0.5:8786") == ("scheduler", "10.0.0.5:8786")


def test_results_come_back_in_order_with_few_batches_out():
    """Slow batches first: the results still come in the order the batches were handed over, and never more
    than twice as many batches as there are worker threads are out at once."""
    def analyse(batch, settings):
        time.sleep(0.01 * (10 - batch[0]))
        return [f"analysed {n}" for n in batch]

    analysers = DaskAnalysers(replace(DEFAULT_SETTINGS, dask="inproc:2"), analyse)
    results, out = [], []
    for n in range(10):
        results += analysers.submit([n])
        out.append(len(analysers.waiting))
    results += analysers.finish()
    assert results == [[f"analysed {n}"] for n in range(10)]
    assert analysers.threads == 2 and max(out) == 4
    assert analysers.client is None and analysers.cluster is None
