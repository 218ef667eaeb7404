"""Throughput of `sitrep build` (ingest → extract → store) on generated articles.

Prints documents per second and peak resident memory. Usage: python benchmarks/bench_build.py [N]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from generate import write_corpus
from sitrep import pipeline
from sitrep.store import Store


def main(count: int = 2000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, count)
        store = Store(str(Path(tmp) / "bench.db"))
        files = pipeline.input_files([str(folder)])
        started = time.perf_counter()
        report = pipeline.build(files, store)
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"build: {report.added} documents ({count} files, ~600 words each) in {elapsed:.1f} s "
              f"= {report.added / elapsed:.1f} documents/s; peak memory {peak_mb:.0f} MB; "
              f"{len(report.failures)} failures")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
