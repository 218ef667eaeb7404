"""Throughput through attribution (spaCy parse + entities + attribution) on one core.

Prints articles per second for ~600-word generated articles with each role tagger (the CRF, the encoder),
and peak resident memory; and, for comparison, the rate of the spaCy model alone (the floor under
everything else).
Usage: python benchmarks/bench_attribution.py [N]
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[variable] = "1"  # one core: no hidden BLAS threads

import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402

from generate import article  # noqa: E402
from sitrep import nlp  # noqa: E402
from sitrep.pipeline import analyse  # noqa: E402
from sitrep.records import Document  # noqa: E402
from sitrep.settings import DEFAULT_SETTINGS  # noqa: E402


def main(count: int = 200) -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rng = random.Random(11)
    documents = []
    for i in range(count):
        title, paragraphs = article(rng, 600)
        documents.append(Document(id=f"d{i}", path=f"bench/{i}.txt", text="\n\n".join([title, *paragraphs])))
    words = sum(len(d.text.split()) for d in documents) / count
    model = nlp.load()
    list(model.pipe(d.text for d in documents[:4]))  # warm up
    started = time.perf_counter()
    for _ in model.pipe((d.text for d in documents), batch_size=16):
        pass
    parse_rate = count / (time.perf_counter() - started)
    for tagger in ("crf", "encoder"):
        settings = replace(DEFAULT_SETTINGS, attribution_tagger=tagger)
        list(analyse(documents[:4], settings))  # warm up: models loaded, caches filled
        started = time.perf_counter()
        attributions = sum(len(result.attributions) for result in analyse(documents, settings))
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"attribution ({tagger}): {count} articles of ~{words:.0f} words in {elapsed:.1f} s on one core = "
              f"{count / elapsed:.1f} articles/s, {count / elapsed / parse_rate:.2f} of the spaCy model's rate "
              f"({attributions} attributions); peak memory so far {peak_mb:.0f} MB")
    print(f"spaCy model alone: {parse_rate:.1f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
