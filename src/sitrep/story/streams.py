"""Stories found in a stream: which articles are about one real-world story.

Two articles are linked when they share `story_min_shared_names` distinctive names (people by family name,
organisations and places by name; countries, their demonyms and capitals, news agencies and the outlets themselves
name every story of a region and are no evidence) and appeared within `story_window_days` of each other (of an
undated article: `story_min_shared_names_undated`), or when
they share a passage (a copy, however its names came out: a run of `STORY_PASSAGE_WORDS` words of the article's
opening, found by winnowing: Schleimer, Wilkerson and Aiken, SIGMOD 2003). A story is a connected group of linked
articles. The link is a property of the two articles alone, so the stories of a corpus do not depend on the order
its articles came in: adding articles only grows stories or merges them (an article that links two), and a corpus
built in batches has the stories of one built at once. A story is named after its earliest article (by date, then
id), so that it keeps its id as it grows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable

from sitrep.events.places import fold
from sitrep.ingest.patterns import MEDIA_WORDS, SOCIAL_NETWORKS, WIRE_AGENCIES
from sitrep.records import Document, Entity, Story, StoryProfile
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story.sides import sides

NAMED_KINDS = ("person", "organisation", "place")
NO_DATE = "9999-99-99"  # sorts an undated article after the dated ones
# Named by stories of every kind: news agencies and the platforms people post on.
NO_STORY_KEYS = frozenset(fold(name) for name in WIRE_AGENCIES) | frozenset(SOCIAL_NETWORKS)
# One letter written several ways in names transliterated from Cyrillic, Arabic or Persian (Kyrylenko and
# Kirilenko, Zelensky and Zelenskyy, Dashti and Dashty): folded to one before names are compared.
SPELLING = ((re.compile(r"zh"), "z"), (re.compile(r"kh"), "h"), (re.compile(r"y"), "i"),
            (re.compile(r"(\w)\1+"), r"\1"))
# Passage fingerprints: word 12-grams (shorter ones recur by chance: "said in a statement on Tuesday that"), the
# smallest hash of every 14 in a row, so that two texts sharing a run of 25 words (12 + 14 - 1) share a
# fingerprint; over the opening words, where copies of a report agree.
GRAM_WORDS, WINDOW, OPENING_WORDS = 12, 14, 400
STORY_PASSAGE_WORDS = GRAM_WORDS + WINDOW - 1
PASSAGE = "~"  # a fingerprint's key starts with it; a name's never does
WORD = re.compile(r"\w+")


def profile(document: Document, entities: Iterable[Entity]) -> StoryProfile:
    """The article's date, headline and distinctive names."""
    media = [name for name in document.cited_outlets if set(fold(name).split()) & MEDIA_WORDS]  # not "IAEA"
    not_evidence = NO_STORY_KEYS | {name_key(name, "organisation") for name in (document.outlet, *media) if name}
    keys = {key for entity in entities if entity.type in NAMED_KINDS
            for key in [name_key(entity.name, entity.type)] if key and key not in not_evidence}
    return StoryProfile(document.id, document.published, document.title, frozenset(keys | passages(document.text)),
                        names=len(keys))


def passages(text: str) -> set[str]:
    """Fingerprints of the text's opening: two texts that share a run of STORY_PASSAGE_WORDS words share one."""
    words = WORD.findall(text.lower())[:OPENING_WORDS]
    hashes = [int.from_bytes(hashlib.blake2b(" ".join(words[i:i + GRAM_WORDS]).encode(), digest_size=8).digest())
              for i in range(len(words) - GRAM_WORDS + 1)]
    return {PASSAGE + format(min(hashes[i:i + WINDOW]), "x") for i in range(max(len(hashes) - WINDOW + 1, 0))}


def name_key(name: str, kind: str) -> str | None:
    """A name as story finding compares it: a person by family name ("Ilyas Dorant Jr." and "Dorant" are one
    key); None for a name no story owns (a country, a demonym, a capital) or one too short to tell."""
    words = [w for w in fold(name).removesuffix("'s").split() if w not in ("jr", "sr", "junior", "senior")]
    if not words or _general(name):
        return None  # "Russia", "Kyiv", "the Russian Defence Ministry": every story of the war names them
    key = words[-1] if kind == "person" else " ".join(words)
    for pattern, letter in SPELLING:
        key = pattern.sub(letter, key)
    return key if len(key) >= 3 and not key.isdigit() else None


def _general(name: str) -> bool:
    """A name that speaks for a real country as a whole: the country, its demonym, its capital or seat of
    government ("Kyiv", "the Kremlin"), or a name a country or demonym opens ("the Russian Defence Ministry");
    not a name in which a capital is only a word ("Bekaa Valley": The Valley is Anguilla's capital;
    "Georgetown University")."""
    words = fold(name).split()
    if " ".join(words) in sides().capitals:
        return True
    if not words or words[0] in sides().capitals:
        return False
    side = sides().named(words[0].capitalize())
    return side is not None and side[1] in sides().country_names


def _linked(shared: list[str], a: StoryProfile, b: StoryProfile, settings: Settings) -> bool:
    """Whether two articles that share these keys are about one story: a passage in common, or enough names (and
    a share of the fewer names) close enough in time."""
    if any(key.startswith(PASSAGE) for key in shared):
        return True
    if len(shared) < settings.story_min_name_share * min(a.names, b.names):
        return False
    if not a.published or not b.published:
        return len(shared) >= settings.story_min_shared_names_undated
    close = abs((_day(a.published) - _day(b.published)).days) <= settings.story_window_days
    return close and len(shared) >= settings.story_min_shared_names


def grow_stories(fresh: list[StoryProfile], known: list[StoryProfile],
                 settings: Settings = DEFAULT_SETTINGS) -> tuple[list[Story], set[str]]:
    """The stories that new articles (`fresh`) start, grow or merge, given `known`: every article of every story a new
    one may join (each with its story; every article, without `settings.find_stories`). Returns those stories,
    whole, and the ids of the stories merged into another (gone)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    by_document = {p.document: p for p in known} | {p.document: p for p in fresh}
    for p in known:
        union(p.document, "story:" + p.story)
    postings: dict[str, list[str]] = {}
    for p in by_document.values():
        for key in p.keys:
            postings.setdefault(key, []).append(p.document)
    if not settings.find_stories:  # one story: every article
        for p in by_document.values():
            union(p.document, "story:")
    for p in fresh:
        shared: dict[str, list[str]] = {}
        for key in p.keys:
            for other in postings[key]:
                if other != p.document:
                    shared.setdefault(other, []).append(key)
        for other, keys in shared.items():
            if _linked(keys, p, by_document[other], settings):
                union(p.document, other)
    changed = {root(p.document) for p in fresh}
    members: dict[str, list[StoryProfile]] = {}
    for p in by_document.values():
        if root(p.document) in changed:
            members.setdefault(root(p.document), []).append(p)
    stories = [_story(group) for group in members.values()]
    kept = {s.id for s in stories}
    gone = {p.story for group in members.values() for p in group if p.story and p.story not in kept}
    return sorted(stories, key=lambda s: s.id), gone


def _story(members: list[StoryProfile]) -> Story:
    members = sorted(members, key=lambda p: (p.published or NO_DATE, p.document))
    dates = [p.published for p in members if p.published]
    return Story(id="T" + members[0].document[:12], documents=sorted(p.document for p in members),
                 first_published=min(dates, default=None), last_published=max(dates, default=None),
                 title=members[0].title)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])
