"""Cost of the whole-corpus stages (entities merged across articles, claims, disputes) as the corpus grows.

The records are generated directly (no parsing): each article names a dozen people, groups and places
drawn from pools that grow with the corpus, and carries ten attributions and ten sentences of its own,
some about control of a town or a death toll, some copied from another article. Each size runs in a
fresh process. Prints time and peak memory per size and the ratio of times (4 for linear growth).
Usage: python benchmarks/bench_story.py [N ...]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time

from sitrep.records import Attribution, Document, Entity, Mention, Span
from sitrep.story import analyse_story

SYLLABLES = ["ka", "ro", "vel", "mar", "tan", "dor", "is", "len", "bra", "sho", "mir", "zu", "al", "ne", "quo",
             "pet", "sa", "lin", "or", "gat", "hu", "res", "tol", "vi", "dan"]
VERBS = ["captured", "still holds", "shelled", "has not fallen to", "entered", "negotiated over", "supplied"]


def word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def records(count: int, seed: int = 7):
    rng = random.Random(seed)
    people = [f"{word(rng).capitalize()} {word(rng).capitalize()}" for _ in range(max(50, count // 2))]
    groups = [f"{word(rng).capitalize()} {rng.choice(['Front', 'Council', 'Brigade'])}"
              for _ in range(max(10, count // 20))]
    towns = [word(rng).capitalize() for _ in range(max(20, count // 10))]
    vocabulary = [word(rng, 1, 3) for _ in range(5000)]
    documents, entities, attributions, statements = [], [], [], {}
    for i in range(count):
        doc_id = f"d{i:06d}"
        names = rng.sample(people, 6) + rng.sample(groups, 3) + rng.sample(towns, 3)
        parts, spans, said = [], [], []
        offset = 0
        for n in range(20):
            town, speaker = rng.choice(names[-3:]), rng.choice(names[:9])
            filler = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 14)))
            if n % 7 == 3:
                claim = f"{rng.randint(3, 40)} people were killed in {town} {filler}"
            else:
                claim = f"the {rng.choice(names[6:9])} {rng.choice(VERBS)} {town} {filler}"
            if n % 2:
                sentence = f"{speaker} said {claim}."
                start = offset + len(speaker) + 6
                said.append((speaker, start, start + len(claim)))
            else:
                sentence = claim.capitalize() + "."
                spans.append(Span(offset, offset + len(sentence)))
            parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(parts)
        documents.append(Document(doc_id, f"bench/{i}.txt", text, published=f"2026-03-{1 + i % 28:02d}",
                                  credits=["AFP"] if i % 10 == 0 else []))
        for e, name in enumerate(names):
            at = text.find(name)
            kind = "person" if e < 6 else "organisation" if e < 9 else "place"
            entities.append(Entity(f"{doc_id}-e{e}", name, kind, [], [Mention(max(at, 0), max(at, 0) + len(name),
                                                                                name, kind)], [doc_id]))
        for a, (speaker, start, end) in enumerate(said):
            attributions.append(Attribution(f"{doc_id}-a{a}", doc_id, speaker, f"{doc_id}-e{names.index(speaker)}",
                                            "said", text[start:end], "indirect", None, [], start, end))
        statements[doc_id] = spans
    return documents, entities, attributions, statements


def run(count: int) -> None:
    documents, entities, attributions, statements = records(count)
    started = time.perf_counter()
    story = analyse_story(documents, entities, attributions, statements, [])
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} {elapsed:.2f} {peak_mb:.0f} {len(story.entities)} {len(story.claims)} {len(story.disputes)}")


def main(sizes: list[int]) -> None:
    times = []
    for count in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(count)], capture_output=True, text=True,
                             check=True).stdout.split()
        seconds = float(out[1])
        times.append(seconds)
        print(f"story: {count} articles in {seconds:.1f} s, peak memory {out[2]} MB "
              f"({out[3]} entities, {out[4]} claims, {out[5]} disputes)")
    if len(times) == 2:
        print(f"story: time ratio {times[1] / times[0]:.2f} for {sizes[1] / sizes[0]:.0f}× the articles")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        run(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 4000])
