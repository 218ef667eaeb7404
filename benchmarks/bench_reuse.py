"""Cost of text reuse detection as the corpus grows: generated corpora of 5,000 and 20,000 articles.

Each size runs in a fresh process (peak memory is per process). Prints time and peak resident memory
for each, and the ratio of times: about linear growth keeps it near 4, the issue asks under 5.
Usage: python benchmarks/bench_reuse.py [N ...]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time

from sitrep.records import Document
from sitrep.story.reuse import find_reuse

SYLLABLES = ["ka", "ro", "vel", "mar", "tan", "dor", "is", "len", "bra", "sho", "mir", "zu", "al", "ne", "quo",
             "pet", "sa", "lin", "or", "gat", "hu", "res", "tol", "vi", "dan"]


def corpus(count: int, seed: int = 5) -> list[Document]:
    """Articles of ~25 sentences of invented words; one in twenty rewrites three sentences of another."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    documents: list[Document] = []
    for i in range(count):
        sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(12, 28))).capitalize() + "."
                     for _ in range(25)]
        if documents and i % 20 == 0:
            source = rng.choice(documents).text.split(". ")
            borrowed = [s.rstrip(".").replace("a", "e", 1) + "." for s in source[3:6]]  # small edits
            sentences[10:13] = borrowed
        documents.append(Document(id=f"d{i:06d}", path=f"bench/{i}.txt", text=" ".join(sentences),
                                  published=f"2026-03-{1 + i % 28:02d}"))
    return documents


def run(count: int) -> None:
    documents = corpus(count)
    started = time.perf_counter()
    found = find_reuse(documents)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} {elapsed:.2f} {peak_mb:.0f} {len(found)}")


def main(sizes: list[int]) -> None:
    times = []
    for count in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(count)], capture_output=True, text=True,
                             check=True).stdout.split()
        seconds, peak, links = float(out[1]), out[2], out[3]
        times.append(seconds)
        print(f"reuse: {count} articles in {seconds:.1f} s, peak memory {peak} MB, {links} reused passages")
    if len(times) == 2:
        print(f"reuse: time ratio {times[1] / times[0]:.2f} for {sizes[1] / sizes[0]:.0f}× the articles")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        run(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [5000, 20000])
