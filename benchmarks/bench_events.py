"""The event stage's share of the per-document analysis on one core (goal: at most 20 %).

Times each stage of `pipeline.DOCUMENT_STAGES` and the spaCy parse over ~600-word generated articles
(the build benchmark's kind), and prints the event stage's share of all of it, and the one-off load of
the GeoNames gazetteer (once a process).
Usage: python benchmarks/bench_events.py [N]
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[variable] = "1"  # one core: no hidden BLAS threads

import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402

from generate import article  # noqa: E402
from sitrep import nlp  # noqa: E402
from sitrep.events.places import gazetteer  # noqa: E402
from sitrep.pipeline import DOCUMENT_STAGES  # noqa: E402
from sitrep.settings import DEFAULT_SETTINGS  # noqa: E402


def main(count: int = 200) -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rng = random.Random(11)
    texts = []
    for _ in range(count):
        title, paragraphs = article(rng, 600)
        texts.append("\n\n".join([title, *paragraphs]))
    started = time.perf_counter()
    gazetteer(DEFAULT_SETTINGS.event_min_city_population)
    load = time.perf_counter() - started
    nlp.load()
    spent: dict[str, float] = defaultdict(float)
    events = 0
    started = time.perf_counter()
    docs = list(nlp.parse(texts))
    spent["parse"] = time.perf_counter() - started
    for number, doc in enumerate(docs):
        values = {"document_id": f"d{number}", "doc": doc, "published": "2030-03-11", "settings": DEFAULT_SETTINGS}
        for stage in DOCUMENT_STAGES:
            started = time.perf_counter()
            result = stage.run(*(values[name] for name in stage.reads))
            spent[stage.name] += time.perf_counter() - started
            values.update(zip(stage.writes, result if len(stage.writes) > 1 else (result,), strict=True))
        events += len(values["events"])
    total = sum(spent.values())
    print(f"events: {count} articles, {events} events; " + ", ".join(f"{k} {v / count * 1000:.1f} ms"
                                                                   for k, v in spent.items()) + " an article")
    print(f"events: the event stage is {spent['events'] / total:.1%} of parse + article stages "
          f"(goal at most 20%); the gazetteer loads once a process in {load:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
