"""Story events: the mentions of one real event across articles, each source's version of it, its disputes.

1. Events across articles. Each event mention (one assertion of a per-article event) joins the story
   event it fits best, or starts one. Compatible: the same family of ACLED types (an attack that kills
   civilians is coded "Explosions/Remote violence" by one article and "Violence against civilians" by
   another; a clash and a strike only on more evidence), dates within `story_event_date_window_days`,
   and places in one branch of the gazetteer's hierarchy when both are specific. Evidence, by the best
   pair of mentions: a shared actor or victim name, a distinctive name (not one most of the story's
   articles carry, not a mere sentence opener), the same thing hit, the same figure, the same sentence
   copied, a sibling mention of the same per-article event; a mention naming another thing hit (the
   market, the ferry terminal) counts against. A mention that points back ("for the attack", a denial)
   joins the nearest dated event its article reports before it. Dated mentions come first, in date
   order; undated story events get a second pass into the dated one they fit.
2. Versions: per story event and slot (responsibility, occurred, targets, killed, injured, place, date)
   the value each mention gives, with its speaker, reporting chain, article date, the side the speaker
   speaks for (story.sides), its independent origin (story.claims.independent_origins: copies and one
   upstream source count once) and the claim the mention is a member of.
3. Disputes: incompatible values of one slot from independent sources: `responsibility` (X blamed
   against X's denial, or each side blaming the other), `casualties` (no number fits both figures, from
   two sources, at a comparable moment: a source revising its own figure, or a later report, is a series),
   `occurred` (happened against denied); one a contradiction, shown by its clearest pair of versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.events.figures import figures_in
from sitrep.events.patterns import ARMED, MONTHS
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
from sitrep.story.patterns import (
    CUMULATIVE,
    EVENT_ANAPHOR,
    GENERIC_VICTIMS,
    STRUCK_OBJECTS,
)
from sitrep.story.sides import NAME, sides
from sitrep.text import STOPWORDS

# Types one real event is coded as by different articles.
TYPE_FAMILIES = {"Explosions/Remote violence": "violence", "Violence against civilians": "violence"}
VIOLENT_FAMILIES = frozenset({"violence", "Battles"})
MIXED_FAMILIES = {"violence", "Battles"}  # "its drones killed three soldiers": a strike one source calls a clash
# After a demonym, whose people were hit, not who acted ("Ukrainian prisoners"; "Ukrainian troops" may act).
UNARMED_VICTIMS = GENERIC_VICTIMS - ARMED - {"officers"}
MONTH_DAY = re.compile(r"\b(?:on\s+)?(?P<month>" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len,
                                                                   reverse=True)) + r")\s+(?P<day>\d{1,2})\b", re.I)
# Who did it, in a mention's words: "by X", "X fired", "a X missile", "used only by X".
AGENT = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?P<by>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
                   r"|(?P<adj>[A-Z][a-z]+(?:ian|an|ese|ish|i))\s+(?:\w+\s+)?(?:missiles?|rockets?|forces|troops|army|"
                   r"military|occupiers|strikes?|shelling|drones?|jets?|aircraft|artillery|units?)\b")
# The content of a blaming cue: "[blamed] the Ostrak Front for the attack".
BLAMED = re.compile(r"^(?:the\s+)?(?P<by>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})\s+for\s+(?:the|its|a|this|that)\b")
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
    killed: int | None = None
    claim: str | None = None
    side: tuple[str, str] | None = None  # whom the speaker speaks for: (key, name shown)
    objects: frozenset[str] = frozenset()  # the things hit it names: market, terminal
    origin: str = ""


@dataclass
class _Cluster:
    units: list[_Unit] = field(default_factory=list)

    @property
    def dates(self) -> set[str]:
        return {u.date for u in self.units if u.date}


def story_events(events: list[Event], claims: list[Claim], documents: list[Document], reuse: list[Reuse],
                 settings: Settings = DEFAULT_SETTINGS, entity_names: dict[str, str] | None = None,
                 ) -> tuple[list[StoryEvent], list[Dispute]]:
    """The story events, and the disputes their versions show (sides as claims, for the disputes list).
    `entity_names` (merged entity id → name) give a speaker its side when its words do not ("the rebel
    front", merged with the Ostrak Front)."""
    dates = {d.id: d.published for d in documents}
    credits = {d.id: d.credits for d in documents}
    member_claim: dict[tuple[str, int, int], str] = {}
    for claim in sorted(claims, key=lambda c: (c.parent is not None, c.id)):
        for m in claim.members:
            member_claim.setdefault((m.document, m.start, m.end), claim.id)
    units = [_unit(e, m, dates.get(e.document), member_claim, entity_names or {}) for e in events for m in e.mentions]
    _drop_weak_names(units, len(documents))
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
          member_claim: dict[tuple[str, int, int], str], entity_names: dict[str, str]) -> _Unit:
    date = mention.values.get("date")
    month_day = None
    match = MONTH_DAY.search(mention.text)
    if match:
        month_day = (MONTHS[match.group("month").lower()], int(match.group("day")))
    place = event.place if event.place and mention.values.get("place") == event.place.name else None
    known = sides()
    names = {fold(w) for w in NAME.findall(mention.text)
             if w.lower() not in FAMILY_WORDS and not known.is_general(w)
             and not (mention.speaker and w in mention.speaker)}
    named = [a.name for a in event.actors] + [v.name for v in event.victims]  # things hit: `objects` below
    actors = {fold(n) for n in named if any(c.isupper() for c in n)}  # names, not "drone strike" or "civilians"
    actors = {a for a in actors if a and not known.is_general(a) and a not in FAMILY_WORDS
              and not set(a.split()) <= GENERIC_VICTIMS}
    claim = member_claim.get((event.document, mention.start, mention.end))
    family = TYPE_FAMILIES.get(event.type, event.type)
    if mention.status not in ("happened", "denied"):
        family += ":" + mention.status  # what might happen is never a mention of what happened
    killed = mention.values.get("killed")
    side = known.named(mention.speaker) or known.named(entity_names.get(mention.speaker_entity or ""))
    objects = frozenset(w.removesuffix("s") for w in re.findall(r"[a-z]+", mention.text.lower()) if w in STRUCK_OBJECTS)
    return _Unit(event, mention, published, family, date, month_day, place, names, actors,
                 killed if isinstance(killed, int) else None, claim, side, objects)


def _drop_weak_names(units: list[_Unit], documents: int) -> None:
    """Names that are no evidence that two mentions are one event: one that many of the story's articles carry
    (the besieged town, the rebel group) ties any two of its events together; a capitalised word that opens a
    sentence ("Shelling", "Fighting") is a name only where the story writes it capitalised mid-sentence too."""
    carried: dict[str, set[str]] = defaultdict(set)
    inside: set[str] = set()
    for unit in units:
        for name in unit.names | unit.actors:
            carried[name].add(unit.event.document)
        inside |= {fold(m.group()) for m in NAME.finditer(unit.mention.text) if not _opens_sentence(unit, m.start())}
    wide = {name for name, found in carried.items() if len(found) > max(2, documents / 3)}
    for unit in units:
        openers = {fold(m.group()) for m in NAME.finditer(unit.mention.text) if _opens_sentence(unit, m.start())}
        unit.names -= wide | (openers - inside)
        unit.actors -= wide


def _opens_sentence(unit: _Unit, at: int) -> bool:
    before = unit.mention.text[:at].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:"


def _specific(place: EventPlace | None) -> bool:
    if place is None or place.geo_precision > 2 or place.name == place.country:
        return False
    return fold(place.name) not in sides().capitals


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


def _fits(unit: _Unit, cluster: _Cluster, settings: Settings, anchored: bool) -> int:
    """How much evidence ties the mention to the story event; 0: none, or the two cannot be one event.
    `anchored`: the story event holds the mention its article reports just before this one, which this one
    points back at ("blamed X for the attack", "denied firing on the town")."""
    window = settings.story_event_date_window_days
    first = cluster.units[0]
    if unit.family != first.family and {unit.family, first.family} != MIXED_FAMILIES:
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
    score = 1 if unit.date and unit.date in cluster.dates else 0
    score += 3 if anchored else 0
    hit = set().union(*(u.objects for u in cluster.units if u.date)) or set().union(*(u.objects for u in cluster.units))
    if unit.objects and hit and not unit.objects & hit:
        score -= 3  # the market and the ferry terminal: two strikes
    score += max(_tie(unit, other, settings) for other in cluster.units)
    if unit.family != first.family and score < 2:
        return 0  # a clash and a strike are one event only on more evidence (the same day and target, say)
    return score


def _tie(unit: _Unit, other: _Unit, settings: Settings) -> int:
    """The evidence that two mentions report one event (the best pair decides, so that a story event with many
    mentions does not win a mention by their number alone)."""
    score = 2 if other.event is unit.event else 0
    score += len(unit.names & other.names) + 2 * len(unit.actors & other.actors)
    score += bool(unit.killed and unit.killed == other.killed)
    if fuzz.token_set_ratio(unit.mention.text, other.mention.text) >= settings.story_event_copy_similarity * 100:
        score += 3  # the same sentence, copied or lightly rewritten: the same report of the event
    return score + bool(unit.objects & other.objects)


def _anchor(unit: _Unit, placed: dict[int, tuple[_Unit, _Cluster]]) -> _Cluster | None:
    """For a mention that points back at an event ("for the attack", "that strike") or denies one, the story
    event of the nearest dated violent mention its article reports before it."""
    if unit.date or not (unit.mention.status == "denied" or EVENT_ANAPHOR.search(unit.mention.text)):
        return None
    before = [(u.mention.start, cluster) for u, cluster in placed.values()
              if u.event.document == unit.event.document and u.date and u.mention.start < unit.mention.start
              and u.family.split(":")[0] in VIOLENT_FAMILIES]
    return max(before, key=lambda b: b[0])[1] if before else None


def _cluster(units: list[_Unit], settings: Settings) -> list[_Cluster]:
    order = sorted(units, key=lambda u: (u.date is None, u.date or "", u.published or "9999", u.event.document,
                                         u.mention.start, u.mention.end))
    clusters: list[_Cluster] = []
    placed: dict[int, tuple[_Unit, _Cluster]] = {}
    for unit in order:
        anchor = _anchor(unit, placed)
        best, best_score = None, 0
        if anchor is not None and _fits(unit, anchor, settings, True):
            best = anchor  # "the attack" is the article's lead event, whatever else the mention shares
        for cluster in clusters if best is None else ():
            score = _fits(unit, cluster, settings, False)
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.units.append(unit)
        placed[id(unit)] = (unit, best)
    return _join_undated(clusters, settings)


def _join_undated(clusters: list[_Cluster], settings: Settings) -> list[_Cluster]:
    """A second look at story events no mention dates: each joins the dated story event its mentions fit
    best, now that the dated ones hold their undated mentions too (the order of the first pass left "it hit
    a command post and killed seven" on its own before the ministry's account of the strike came in)."""
    dated = [c for c in clusters if c.dates]
    kept = list(dated)
    for cluster in (c for c in clusters if not c.dates):
        best, best_score = None, 0
        for target in dated:
            score = max(_fits(unit, target, settings, False) for unit in cluster.units)
            if score > best_score:
                best, best_score = target, score
        if best is None:
            kept.append(cluster)
        else:
            best.units.extend(cluster.units)
    return kept


def _assertion(unit: _Unit) -> Assertion:
    m = unit.mention
    return Assertion(document=unit.event.document, start=m.start, end=m.end, text=m.text, sentence=m.text,
                     speaker=m.speaker, speaker_entity=m.speaker_entity, via=list(m.via), attribution=m.attribution)


def _story_event(cluster: _Cluster, credits: dict[str, list[str]], reused, member_claim,
                 settings: Settings) -> tuple[StoryEvent, list[Dispute]]:
    units = sorted(cluster.units, key=lambda u: (u.published or "", u.event.document, u.mention.start))
    members = [_assertion(u) for u in units]
    origin_of = _origins(members, credits, reused, settings)
    for unit, member in zip(units, members, strict=True):
        unit.origin = origin_of[id(member)]
    versions = [v for unit in units for v in _versions(unit)]
    blamed = {_side_key(v): v.value for v in versions
              if v.slot == "responsibility" and not v.value.startswith("not ")}
    denied_roles = {(v.document, v.start) for v in versions
                    if v.slot == "responsibility" and v.value.startswith("not ")}
    kept = []
    for v in versions:  # a side that denies, when others blame it, denies its role, not the event
        if v.slot == "occurred" and v.value == "denied" and v.side in blamed:
            if (v.document, v.start) in denied_roles:
                continue  # the mention already says whose role it denies
            v.slot, v.value = "responsibility", "not " + blamed[v.side]
            v.id = v.id.replace(":occurred:", ":responsibility:", 1)
        kept.append(v)
    versions = kept
    shown: dict[str | None, str] = {}  # one name a side: "Drennish" and "Drennish Liberation Front" are one
    for v in versions:
        if v.slot == "responsibility":
            name = v.value.removeprefix("not ")
            shown[_side_key(v)] = max(shown.get(_side_key(v), ""), name, key=len)
    for v in versions:
        if v.slot == "responsibility":
            v.value = ("not " if v.value.startswith("not ") else "") + shown[_side_key(v)]
    for unit in units:  # a speaker's side by the name shown for it, as its versions carry it
        if unit.side:
            shown.setdefault(unit.side[0], unit.side[1])
    for v in versions:
        v.side = shown.get(v.side, v.side) if v.side else None
    key = "|".join(f"{u.event.id}:{u.mention.start}:{u.mention.end}" for u in units)
    event_id = "S" + hashlib.sha1(key.encode()).hexdigest()[:12]
    statuses = [u.mention.status for u in units]
    dates = sorted(u.date for u in units if u.date)
    day = max(set(dates), key=dates.count) if dates else None
    # where it happened: the place the mentions that date it name ("surrendered at Azovstal in Mariupol" is
    # background to a strike elsewhere), else any mention's
    places = ([u.place for u in units if _specific(u.place) and u.date == day] or
              [u.place for u in units if _specific(u.place)] or [u.event.place for u in units if u.event.place])
    first = units[0].event
    story_event = StoryEvent(
        id=event_id, type=max({u.event.type for u in units}, key=lambda t: (sum(u.event.type == t for u in units), t)),
        sub_type=first.sub_type, status="happened" if "happened" in statuses else statuses[0],
        date=day,
        place=max(places, key=lambda p: (sum(q == p for q in places), p.name)) if places else None,
        events=sorted({u.event.id for u in units}), documents=sorted({u.event.document for u in units}),
        mentions=[u.mention for u in units], versions=versions,
        fatalities=_estimate(versions, "killed"), injured=_estimate(versions, "injured"))
    disputes = _disputes(story_event, settings)
    disputes = _one_a_contradiction(disputes, story_event)
    story_event.disputes = [{"id": d.id, "kind": d.kind, "a": d.a, "b": d.b, "reason": d.reason} for d in disputes]
    shown = [Dispute(a, b, d.reason, d.kind) for d in disputes
             for a, b in [(_claim_of(story_event, d.a), _claim_of(story_event, d.b))] if a and b and a != b]
    return story_event, shown


def _one_a_contradiction(disputes: list[Dispute], story_event: StoryEvent) -> list[Dispute]:
    """The story event's disputes, one a contradiction: "at least 12" against 3 is one dispute however many
    sources repeat either figure; a blame and its denial, one a pair of sides (every pair of claims stays in
    the disputes list)."""
    versions = {v.id: v for v in story_event.versions}
    kept: dict[tuple, Dispute] = {}
    for d in disputes:
        a, b = versions[d.a], versions[d.b]
        if d.kind == "casualties":
            key = (d.kind, a.slot, *sorted((a.value["best"], b.value["best"])))
        else:
            key = (d.kind, *sorted((str(_side_key(a)), str(_side_key(b)))))
        kept.setdefault(key, d)
    return list(kept.values())


def _side_key(version: Version) -> str | None:
    """The side a responsibility version names ("not Russia" → russi)."""
    return sides().of(version.value.removeprefix("not "))


def _claim_of(story_event: StoryEvent, version_id: str) -> str | None:
    return next((v.claim for v in story_event.versions if v.id == version_id), None)


def _origins(members: list[Assertion], credits, reused, settings: Settings) -> dict[int, str]:
    """Each member's independent origin, by story.claims' own rule (`independent_origins`): two members
    are one origin when the rule counts them once; a group is named by its first member."""
    groups = Groups(len(members))
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            if groups.find(i) != groups.find(j) and len(
                    independent_origins([a, members[j]], credits, reused, settings)) == 1:
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
                   published=unit.published, status=m.status, hedged=m.hedged, side=unit.side[0] if unit.side else None,
                   origin=unit.origin, claim=unit.claim)


def _versions(unit: _Unit) -> list[Version]:
    m = unit.mention
    found: list[Version] = []
    known = sides()
    speaker_side = unit.side
    blamed: dict[str, str] = {}  # side key → the name shown
    reported = REPORTED.search(m.text)
    for match in (*BLAMED.finditer(m.text), *AGENT.finditer(m.text)):
        if reported and reported.start() <= match.start() < reported.end() + 60:
            continue  # "allegations by Kyiv of a Russian attack": the speaker reports the blame, not makes it
        name = match.group("by") or match.group("adj")
        side = known.named(name)
        if side:  # a country by its name; anyone else by the name the text gives
            blamed.setdefault(side[0], side[1] if side[0] in known.country_keys or not match.group("by") else name)
    for actor in unit.event.actors:
        if actor.role == "actor1" and actor.name[:1].isupper() and re.search(
                r"\b" + re.escape(fold(actor.name)) + r"\b(?!\s+(?:" + "|".join(sorted(UNARMED_VICTIMS)) + r")\b)",
                fold(m.text)):  # named as who acted, not as whose people died ("Ukrainian prisoners")
            side = known.named(actor.name)
            if side:
                blamed.setdefault(side[0], side[1] if side[0] in known.country_keys else actor.name)
    if unit.family not in VIOLENT_FAMILIES:
        blamed = {}  # an agreement or an arrest has parties, not someone to blame
    if speaker_side and m.status != "denied":
        blamed.pop(speaker_side[0], None)  # "Ukraine's prosecutor general said…": a side is not its own accuser
    if m.status == "denied":
        denier = speaker_side or next(iter(blamed.items()), None)
        if denier and unit.family in VIOLENT_FAMILIES and (
                RESPONSIBILITY_DENIAL.search(m.text) or denier[0] in blamed or not m.speaker):
            found.append(_version(unit, "responsibility", "not " + blamed.get(denier[0], denier[1]), 0))
        found.append(_version(unit, "occurred", "denied", 0))
    else:
        for number, name in enumerate(blamed.values()):
            found.append(_version(unit, "responsibility", name, number))
        if m.status == "happened":
            found.append(_version(unit, "occurred", "happened", 0))
    for number, target in enumerate(t for t in unit.event.targets if fold(t) in fold(m.text)):
        found.append(_version(unit, "targets", target, number))
    counted = {}
    for figure in () if CUMULATIVE.search(m.text) else figures_in(m.text):  # a war's toll is no event's
        counted.setdefault(figure.kind, {"low": figure.low, "best": figure.best, "high": figure.high})
    for kind in ("killed", "injured"):
        if kind not in counted and isinstance(m.values.get(kind), int) and not CUMULATIVE.search(m.text):
            counted[kind] = {"low": m.values[kind], "best": m.values[kind], "high": m.values[kind]}
        if kind in counted and m.status != "denied":
            found.append(_version(unit, kind, counted[kind], 0))
    for slot in ("place", "date"):
        if m.values.get(slot):
            found.append(_version(unit, slot, m.values[slot], 0))
    return found


def _estimate(versions: list[Version], slot: str) -> dict | None:
    """UCDP-style low / best / high, every figure kept with its source and date. Each source (the speaker's
    merged entity, else its side, else the independent origin of the article's own voice) counts by its
    latest figure (by article date, then text order): an earlier one it revised is history, not another
    estimate. best: among the stated figures (an open-ended "dozens" or "at least 9" only when no source
    states one), the current figure that the most other sources' current figures admit (some number fits
    both), ties to the later, then the higher; low: the lowest current lower bound; high: the highest figure
    currently stated (None when the only figures are open-ended)."""
    figures = [v for v in versions if v.slot == slot]
    if not figures:
        return None

    def admits(a: dict, b: dict) -> bool:
        return (a["high"] is None or a["high"] >= b["low"]) and (b["high"] is None or b["high"] >= a["low"])

    source_of = _sources(figures)
    current: dict[str, Version] = {}
    for v in sorted(figures, key=lambda v: (v.published or "", v.document, v.start)):
        current[source_of[v.id]] = v
    now = list(current.values())
    support = {v.id: sum(admits(v.value, w.value) for w in now if w is not v) for v in now}
    chosen = max(now, key=lambda v: (v.value["high"] is not None, support[v.id], v.published or "", v.value["best"]))
    highs = [v.value["high"] for v in now if v.value["high"] is not None]
    return {"low": min(v.value["low"] for v in now), "best": chosen.value["best"],
            "high": max([*highs, *(v.value["best"] for v in now)]) if highs else None,
            "best_from": chosen.id,
            "figures": [{"version": v.id, "low": v.value["low"], "best": v.value["best"], "high": v.value["high"],
                         "speaker": v.speaker, "source": source_of[v.id], "origin": v.origin, "document": v.document,
                         "published": v.published, "current": current[source_of[v.id]] is v} for v in figures]}


def _sources(figures: list[Version]) -> dict[str, str]:
    """Who gives each figure, across articles: the merged speaker, else the side it speaks for; a figure in
    the article's own voice is the source's that the article credits with the same figure ("Strike kills 9"
    over "…killing 9, the ministry said"), else the article's origin."""
    found = {v.id: v.speaker_entity or v.side for v in figures if v.speaker}
    for v in figures:
        if v.id not in found or found[v.id] is None:
            credited = next((found[w.id] for w in figures if w.document == v.document and found.get(w.id)
                             and w.value["best"] == v.value["best"]), None)
            found[v.id] = credited or v.origin
    return found


def _disputes(story_event: StoryEvent, settings: Settings) -> list[Dispute]:
    by_slot: dict[str, list[Version]] = defaultdict(list)
    for v in story_event.versions:
        by_slot[v.slot].append(v)
    found: dict[tuple, Dispute] = {}

    closeness: dict[tuple, tuple] = {}

    def add(a: Version, b: Version, kind: str, reason: str) -> None:
        """One dispute a kind and pair of origins, shown by its clearest pair of versions: sources whose sides
        are known first, then an answer in the article that reports the charge ("X blamed Y. Y rejected the
        claims") before one elsewhere."""
        key = (kind, *sorted((a.origin, b.origin)))
        rank = (a.side is None or b.side is None, a.document != b.document,
                abs(a.start - b.start) if a.document == b.document else 0)
        if key not in found or rank < closeness[key]:
            found[key], closeness[key] = Dispute(a.id, b.id, reason, kind), rank

    def apart(a: Version, b: Version) -> bool:
        return a.origin != b.origin and a.side != b.side and a.side is not None and b.side is not None

    def sources_apart(a: Version, b: Version) -> bool:
        """Two sources, not one: sides apart where both are known, else two speakers (a figure needs no side
        to be disputed: the charity's 23 dead against the ministry's seven)."""
        if a.origin == b.origin or not (a.speaker or b.speaker):
            return False
        if a.side is not None and b.side is not None:
            return a.side != b.side
        return (a.speaker_entity or a.speaker) != (b.speaker_entity or b.speaker)

    said = by_slot["responsibility"]
    for a in said:
        for b in said:
            if a.value.startswith("not "):
                continue
            denies = (b.value.startswith("not ") and _side_key(b) == _side_key(a) and a.origin != b.origin
                      and a.speaker is not None and b.side is not None and a.side != b.side)
            if not denies and not apart(a, b):
                continue
            if denies:  # the blamer needs no side of its own: "the ministry blamed X; X rejected the claims"
                add(a, b, "responsibility", f"responsibility: {_who(a)} blames {a.value}, {_who(b)} denies it")
            elif not b.value.startswith("not ") and _side_key(b) != _side_key(a) and a.value < b.value and not any(
                    _side_key(w) == _side_key(b) for w in said if w.origin == a.origin) and not any(
                    _side_key(w) == _side_key(a) for w in said if w.origin == b.origin):
                add(a, b, "responsibility", f"responsibility: {_who(a)} blames {a.value}, {_who(b)} blames {b.value}")
    responsibility_sides = {v.origin for d in found.values() for v in said if v.id in (d.a, d.b)}
    occurred = by_slot["occurred"]
    for a in (v for v in occurred if v.value == "happened"):
        for b in (v for v in occurred if v.value == "denied"):
            if apart(a, b) and b.origin not in responsibility_sides:
                add(a, b, "occurred", f"occurred: {_who(a)} says it happened, {_who(b)} denies it")
    for kind in ("killed", "injured"):
        counted = by_slot[kind]
        for i, a in enumerate(counted):
            for b in counted[i + 1:]:
                x, y = a.value, b.value
                if not sources_apart(a, b):
                    continue
                if a.document != b.document and not _comparable(a, b, story_event.date, settings):
                    continue  # a later report, or one of unknown date: the toll may have moved on
                if (x["high"] is not None and x["high"] < y["low"]) or (y["high"] is not None and y["high"] < x["low"]):
                    add(a, b, "casualties", f"casualties: {_who(a)} says {_stated(x)} {kind}, "
                                            f"{_who(b)} says {_stated(y)}")
    return list(found.values())


def _comparable(a: Version, b: Version, event_date: str | None, settings: Settings) -> bool:
    """Two figures of different articles compared as one moment: both reported the same day; a report of
    unknown date only when it names the event by its weekday ("Wednesday's strike": written within the
    week) and the other appeared within `figures_max_days_apart` of the event (or names it so too)."""
    if a.published and b.published:
        return a.published == b.published
    if event_date is None:
        return False
    for v in (a, b):
        if v.published is None and not _names_weekday(v.text, event_date):
            return False
    return all(v.published is None or _days(v.published, event_date) <= settings.figures_max_days_apart
               for v in (a, b))


def _names_weekday(text: str, date: str) -> bool:
    return dt.date.fromisoformat(date).strftime("%A").lower() in text.lower()


def _who(version: Version) -> str:
    return version.speaker or "the article"


def _stated(value: dict) -> str:
    if value["high"] == value["low"]:
        return str(value["best"])
    return f"at least {value['low']}" if value["high"] is None else f"up to {value['high']}"
