"""A firehose: a stream of generated articles about many invented stories, fed to one store in daily batches.

Each story has its own people, groups and places and runs for a few days; every article also names a country
and a couple of names from a pool all stories share (noise that must not join stories). The records are
generated analysed (no parsing: this measures story finding and the story stages, not spaCy). Per batch it
prints the articles added, the time to add them (the documents written, the stories they touch found and
analysed again), the peak memory so far, and the stories found; at the end, a full rebuild (`sitrep rebuild`)
of the same store, the ratio of the last batch's time to it, whether the rebuild changed anything in the export,
and story purity and inverse purity against the generator's own labels.

Usage: python benchmarks/bench_firehose.py [ARTICLES [STORIES [DAYS]]]   (defaults: 100000 500 100)
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from sitrep import pipeline
from sitrep.output import export
from sitrep.records import Attribution, Document, DocumentAnalysis, Entity, Mention, Span
from sitrep.settings import DEFAULT_SETTINGS
from sitrep.store import Store
from sitrep.story.stories_eval import story_scores

SYLLABLES = ["ka", "ro", "vel", "mar", "tan", "dor", "is", "len", "bra", "sho", "mir", "zu", "al", "ne", "quo",
             "pet", "sa", "lin", "or", "gat", "hu", "res", "tol", "vi", "dan"]
COUNTRIES = ["Ukraine", "Russia", "Syria", "Sudan", "Yemen", "Afghanistan", "Mali", "Ethiopia"]
VERBS = ["captured", "still holds", "shelled", "has not fallen to", "entered", "negotiated over", "supplied"]


def word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def stream(articles: int, stories: int, days: int, seed: int = 11):
    """(day, analysed article, story label) in the order they are published."""
    rng = random.Random(seed)
    shared = [f"{word(rng).capitalize()} {word(rng).capitalize()}" for _ in range(40)]
    plans = []
    for number in range(stories):  # names of three or four syllables: few stories share one by chance
        people = [f"{word(rng).capitalize()} {word(rng, 3, 4).capitalize()}" for _ in range(4)]
        groups = [f"{word(rng, 3, 4).capitalize()} {rng.choice(['Front', 'Council', 'Brigade'])}"]
        towns = [word(rng, 3, 4).capitalize() for _ in range(2)]
        start = rng.randrange(days)
        plans.append((f"s{number:04d}", people, groups, towns, start, min(days - 1, start + rng.randint(2, 8))))
    vocabulary = [word(rng, 1, 3) for _ in range(5000)]
    items = []
    for n in range(articles):
        label, people, groups, towns, first, last = plans[n % stories]
        day = rng.randint(first, last)
        items.append((day, _article(rng, f"d{n:07d}", day, people, groups, towns, shared, vocabulary), label))
    return sorted(items, key=lambda item: (item[0], item[1].document.id))


def _article(rng, doc_id, day, people, groups, towns, shared, vocabulary) -> DocumentAnalysis:
    names = rng.sample(people, 3) + groups + rng.sample(towns, 1) + rng.sample(shared, 2) + [rng.choice(COUNTRIES)]
    parts, statements, said, offset = [], [], [], 0
    for n in range(8):
        town, speaker = rng.choice(names[4:5]), rng.choice(names[:3])
        filler = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 12)))
        claim = (f"{rng.randint(3, 40)} people were killed in {town} {filler}" if n % 4 == 3
                 else f"the {names[3]} {rng.choice(VERBS)} {town} {filler}")
        if n % 2:
            sentence = f"{speaker} said {claim}."
            said.append((speaker, offset + len(speaker) + 6, offset + len(speaker) + 6 + len(claim)))
        else:
            sentence = claim.capitalize() + "."
            statements.append(Span(offset, offset + len(sentence)))
        parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(parts) + " " + " ".join(names) + "."
    published = f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}"  # 28-day months: every day a date
    document = Document(doc_id, f"firehose/{doc_id}.txt", text, published=published, title=f"{names[3]} and {names[4]}")
    kinds = ["person"] * 3 + ["organisation", "place", "person", "person", "place"]
    entities = []
    for e, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        at = text.rfind(name)
        entities.append(Entity(f"{doc_id}-e{e}", name, kind, [], [Mention(at, at + len(name), name, kind)], [doc_id]))
    attributions = [Attribution(f"{doc_id}-a{a}", doc_id, speaker, f"{doc_id}-e{names.index(speaker)}", "said",
                                text[start:end], "indirect", None, [], start, end)
                    for a, (speaker, start, end) in enumerate(said)]
    return DocumentAnalysis(document, entities, attributions, statements)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(articles: int = 100_000, stories: int = 500, days: int = 100) -> None:
    items = stream(articles, stories, days)
    labels = {analysis.document.id: label for _, analysis, label in items}
    print(f"firehose: {articles} articles about {stories} invented stories over {days} days, fed a day at a time")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "firehose.db"))
        times = []
        for day in range(days):
            batch = [analysis for d, analysis, _ in items if d == day]
            started = time.perf_counter()
            for analysis in batch:
                store.add_document(analysis)
            failure = pipeline._update_stories(store, DEFAULT_SETTINGS, lambda stage: None)
            assert failure is None, failure.message
            times.append(time.perf_counter() - started)
            if day % 10 == 0 or day == days - 1:
                print(f"firehose: day {day:3d}: {len(batch):5d} articles added in {times[-1]:6.2f} s, peak memory "
                      f"{peak_mb():5.0f} MB, {len(store.stories())} stories so far")
        before = export.story_of(store)
        started = time.perf_counter()
        assert pipeline.rebuild(store) is None
        full = time.perf_counter() - started
        after = store.stories()
        stored = sum(len(s.documents) for s in after)
        print(f"firehose: full rebuild of {stored} articles in {full:.1f} s, peak memory {peak_mb():.0f} MB; "
              f"incremental = full (the whole export): {before == export.story_of(store)}")
        last = times[-1]
        share = len([1 for d, _, _ in items if d == days - 1]) / articles
        print(f"firehose: the last day ({share:.1%} of the articles) took {last:.2f} s, {last / full:.1%} of a full "
              f"rebuild; mean day {sum(times) / len(times):.2f} s")
        scores = story_scores([s.documents for s in after], labels)
        print(f"firehose: {len(after)} stories found for {stories}; purity {scores['purity']:.3f}, inverse purity "
              f"{scores['inverse purity']:.3f}")


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
