"""Casualty figures as stated: "at least 50 killed" → killed low 50; "dozens wounded"; "45 adults and 5
children were killed" → 50; "killed 23 people"; "no one was hurt" → 0. One home for reading figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                                      "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
                                                      "dozen": 12, "a": 1, "an": 1}
# Vague plurals: the lowest count they can mean (ACLED codes a number it can defend, never more).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3, "a dozen": 12,
         "a few": 2, "many": 2, "some": 2}
KINDS = {"killed": "killed", "kills": "killed", "killing": "killed", "dead": "killed", "died": "killed",
         "deaths": "killed", "death": "killed", "murdered": "killed", "massacred": "killed",
         "assassinated": "killed", "lives": "killed", "bodies": "killed", "fatalities": "killed",
         "wounded": "injured", "injured": "injured", "injuring": "injured", "wounding": "injured", "hurt": "injured",
         "captured": "captured", "kidnapped": "captured", "abducted": "captured", "hostage": "captured",
         "hostages": "captured", "prisoners": "captured", "taken prisoner": "captured",
         "murder": "killed", "murders": "killed", "killings": "killed", "massacre": "killed",
         "massacres": "killed", "assassination": "killed", "assassinations": "killed", "slaying": "killed",
         "slayings": "killed", "execution": "killed", "executions": "killed", "kidnapping": "captured",
         "kidnappings": "captured", "abduction": "captured", "abductions": "captured",
         "displaced": "displaced", "homeless": "displaced", "fled": "displaced"}
_KIND = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_NUM = (r"\d[\d,]*(?:\.\d+)?|" + "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True)) + "|"
        + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)))
QUALIFIER = (r"(?P<qualifier>at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|"
             r"an\s+estimated|approximately|roughly|close\s+to|fewer\s+than|less\s+than)\s+")
# One count and what it counts: "45 adults", "at least 50 people", "dozens of civilians".
_COUNT = r"(?:" + QUALIFIER + r")?(?P<figure>" + _NUM + r")(?:\s+of)?"
_GROUP = r"(?:\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z-]+))?"
# "N noun (and M noun) were killed": counts joined by "and", then within a few words the kind word.
COUNTS_BEFORE = re.compile(
    r"\b(?P<counts>" + _COUNT + _GROUP + r"(?:\s*(?:,|and|,\s*and)\s+" + r"(?:\d[\d,]*|" + "|".join(
        w for w in NUMBER_WORDS if len(w) > 2) + r")(?:\s+[\w-]+){0,3}?)*)"
    r"\s+(?:(?:who|that)\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|has\s+been\s+|are\s+|is\s+|being\s+|"
    r"reported\s+|left\s+|lay\s+)?(?P<kind>" + _KIND + r")\b", re.I)
# "killed 23 people", "killing at least 50", "left 12 dead".
COUNT_AFTER = re.compile(
    r"\b(?P<kind>killed|kills|killing|wounded|wounding|injured|injuring|kidnapped|abducted|captured|displaced|"
    r"murdered|massacred)\s+(?:" + QUALIFIER + r")?(?P<figure>" + _NUM + r")\b(?:\s+of)?"
    r"(?:\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z-]+))?", re.I)
LEFT_DEAD = re.compile(r"\bleft\s+(?:" + QUALIFIER + r")?(?P<figure>" + _NUM + r")\s+(?:people\s+|persons\s+)?"
                       r"(?P<kind>dead|wounded|injured)\b", re.I)
DEATH_TOLL = re.compile(r"\b(?:(?:death\s+toll|toll)\s+(?:[\w’'-]+\s+){0,10}?(?:(?:has\s+|had\s+)?(?:risen|rose|"
                        r"climbed|increased|reached|grown)\s+to|(?:to|at|of|is|was|stands\s+at))|"
                        r"number\s+of\s+(?:people\s+|civilians\s+|those\s+)?(?:killed|dead)\b(?:[\s,]+[\w’'-]+){0,14}?"
                        r"\s+(?:has\s+|had\s+)?(?:risen|rose|climbed|increased|reached|grown)\s+to)\s+(?:"
                        + QUALIFIER + r")?(?P<figure>\d[\d,]*)\b", re.I)
# "40 prisoners of war were killed": what befell the prisoners is the count's kind, not their capture.
PRISONERS_FATE = re.compile(r"(?:\s+of\s+war)?\s+(?:(?:were|was|have|has|had)\s+)?(?:been\s+)?(?:reportedly\s+)?"
                            r"(?P<fate>killed|died|dead|murdered|wounded|injured)\b", re.I)
NONE_HURT = re.compile(
    r"\b(?:(?:injur|hurt|harm|wound)\w*\s+no\s*(?:one|body)|"
    r"no\s+(?:one|body)\s+was\s+(?:hurt|injured|killed|wounded)|nobody\s+was\s+(?:hurt|injured|killed|wounded)|"
    r"no\s+(?:casualties|victims|injuries|deaths|fatalities)|without\s+(?:causing\s+)?(?:casualties|victims|injuries)|"
    r"caus\w*\s+no\s+(?:casualties|victims|injuries|deaths)|no\s+(?:one|body)\s+(?:was|were)\s+reported\s+"
    r"(?:hurt|injured|killed))\b", re.I)
# "the murder of six Jesuits", "the kidnapping of 12 student leaders": a count in the deed's noun phrase.
DEED_OF = re.compile(r"\b(?P<kind>murders?|killings?|massacres?|assassinations?|slayings?|executions?|deaths?|"
                     r"kidnappings?|abductions?)\s+of\s+(?:the\s+)?(?:" + QUALIFIER + r")?(?P<figure>" + _NUM
                     + r")\b(?:\s+of)?(?:\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z-]+))?", re.I)
YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Not counts of people: "2 hours", "5 km", "the 1994 war".
NOT_PEOPLE = frozenset("""hours hour minutes days weeks months years km kms kilometers kilometres miles meters metres
percent per pounds tons dollars pesos times""".split())


@dataclass(frozen=True)
class Figure:
    """A count as stated: `low` the least it can be, `best` the count to use, `high` the most (None: unbounded)."""

    kind: str  # killed, injured, captured, displaced
    low: int
    best: int
    high: int | None
    noun: str | None  # what is counted ("civilians"), as written
    start: int  # offsets of the figure in the text given
    end: int


def number(raw: str) -> int | None:
    word = raw.lower().replace(",", "")
    if word.replace(".", "").isdigit():
        return int(float(word)) if not YEAR.fullmatch(word) else None
    if word in VAGUE:
        return VAGUE[word]
    return NUMBER_WORDS.get(word) if word not in ("a", "an") else None


def _bounds(value: int, qualifier: str | None, vague: bool) -> tuple[int, int, int | None]:
    q = " ".join((qualifier or "").lower().split())
    if vague or q in ("at least", "more than", "over"):
        return value, value, None
    if q in ("up to", "as many as", "fewer than", "less than"):
        return 0, value, value
    return value, value, value


def figures_in(text: str) -> list[Figure]:
    """Every count of people killed, injured, captured or displaced the text gives, in text order."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(kind_word: str, value: int | None, qualifier, vague: bool, noun, start: int, end: int) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        if noun and noun.lower() in NOT_PEOPLE:
            return
        low, best, high = _bounds(value, qualifier, vague)
        taken.append((start, end))
        found.append(Figure(KINDS[kind_word.lower()], low, best, high, noun, start, end))

    for match in NONE_HURT.finditer(text):
        words = match.group(0).lower()
        harmless = words.endswith(("no one", "nobody", "noone"))  # "injured no one": nobody was hurt at all
        kinds = ["killed", "injured"] if harmless or any(w in words for w in ("hurt", "casualties", "victims")) else \
            ["killed" if any(w in words for w in ("killed", "deaths", "fatalities")) else "injured"]
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        taken.append((match.start(), match.end()))
        for kind in kinds:
            found.append(Figure(kind, 0, 0, 0, None, match.start(), match.end()))
    for match in DEATH_TOLL.finditer(text):  # before the counts: "the toll had risen to 19, after seven of the wounded"
        add("killed", number(match.group("figure")), match.group("qualifier"), False, None, match.start(), match.end())
    for match in [*COUNT_AFTER.finditer(text), *LEFT_DEAD.finditer(text), *DEED_OF.finditer(text)]:
        raw = match.group("figure").lower()
        add(match.group("kind"), number(raw), match.group("qualifier"), raw in VAGUE,
            match.groupdict().get("noun"), match.start(), match.end())
    for match in COUNTS_BEFORE.finditer(text):
        counts = match.group("counts")
        parts = re.split(r"\s*(?:,\s*and|,|and)\s+", counts)
        values = []
        for part in parts:
            head = re.match(r"(?:" + QUALIFIER + r")?(?P<figure>" + _NUM + r")", part, re.I)
            values.append(number(head.group("figure")) if head else None)
        if None in values:
            values = values[:1]
        if values[0] is None:
            continue
        raw = match.group("figure").lower()
        kind = match.group("kind")
        fate = PRISONERS_FATE.match(text, match.end()) if KINDS[kind.lower()] == "captured" else None
        add(fate.group("fate") if fate else kind, sum(values), match.group("qualifier"), raw in VAGUE,
            match.group("noun"), match.start(), match.end())
    found.sort(key=lambda f: f.start)
    return found


def figures(text: str) -> dict[str, int]:
    """The first count of each kind the text gives: {"killed": 23, "injured": 4}."""
    found: dict[str, int] = {}
    for figure in figures_in(text):
        found.setdefault(figure.kind, figure.best)
    return found
