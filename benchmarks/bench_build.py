"""Throughput of `sitrep build` (ingest → extract → parse and analyse → store → whole-corpus stages) on
generated articles, with one worker process, with two, and on a local Dask cluster of two worker processes
(`--dask 2`: this process reads and stores, the workers parse and analyse), and whether the stores export the same.

Prints documents per second and peak resident memory (this process and its workers). Usage:
python benchmarks/bench_build.py [N]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from generate import write_corpus
from sitrep import pipeline
from sitrep.output import export
from sitrep.settings import DEFAULT_SETTINGS
from sitrep.store import Store


def main(count: int = 2000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, count)
        files = pipeline.input_files([str(folder)])
        exports = []
        runs = {"--workers 1": {"workers": 1}, "--workers 2": {"workers": 2}, "--dask 2": {"dask": "local:2"}}
        for number, (flags, changes) in enumerate(runs.items()):
            store = Store(str(Path(tmp) / f"bench-{number}.db"))
            started = time.perf_counter()
            report = pipeline.build(files, store, settings=replace(DEFAULT_SETTINGS, **changes))
            elapsed = time.perf_counter() - started
            peak_mb = max(resource.getrusage(who).ru_maxrss for who in
                          (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
            print(f"build {flags}: {report.added} documents ({count} files, ~600 words each) in "
                  f"{elapsed:.1f} s = {report.added / elapsed:.1f} documents/s; peak memory of one process "
                  f"{peak_mb:.0f} MB; {len(report.failures)} failures")
            exports.append(export.render(export.story_of(store), "json"))
        print("same export with 1 and 2 workers and with --dask 2:",
              "yes" if exports[0] == exports[1] == exports[2] else "NO")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
