"""Disputes: pairs of claims that cannot both be true, and why.

- A denial disputes what it denies: the claim it names, reported inside the denial when no article
  carries it otherwise ("dismissed earlier claims of being pushed back"); the claim made just before
  it when it only points back ("dismissed the claim"); the accusation it answers ("blamed X…").
- Exclusive outcomes: one side says control of a place changed hands (captured, taken, fell, crossed),
  an attack happened or a strike hit fighters, the other that it did not (still holds, not fallen,
  "no fighters in the area", "it is false that…").
  The two must share a topic (the same article, or names in common) and come from different sources;
  two articles' own narrations are accounts of a moving situation, not sources at odds.
- Different figures for the same count, under one claim ("23 killed" against "seven killed").
A change over time is not a dispute: when the side saying "no change" is dated before the side saying
"changed", the story moved on (held in August, taken in September); it belongs on the timeline.

Each dispute's `kind` (records.DISPUTE_KINDS) says which of these found it: "denial", "accusation" (a
denial and the accusation it answers), a frame's name for exclusive outcomes ("control", "attack",
"target"), "figures".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from sitrep.events.figures import Figure, figures_in
from sitrep.records import Assertion, Claim, Dispute, Document
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story import patterns as P
from sitrep.story.claims import member_stances, stems
from sitrep.story.sides import sides
from sitrep.text import stem

# A frame's name is the kind of the disputes it finds (records.DISPUTE_KINDS).
FRAME_REASONS = {"control": "control of a place", "attack": "whether an attack happened",
                 "target": "whether the strike hit fighters"}


def find_disputes(claims: list[Claim], documents: list[Document],
                  settings: Settings = DEFAULT_SETTINGS) -> list[Dispute]:
    dates = {d.id: d.published for d in documents}
    found: dict[frozenset, Dispute] = {}

    figure_pairs: set[tuple] = set()

    def add(a: Claim, b: Claim, found_as: tuple[str, str]) -> None:
        kind, reason = found_as
        if kind == "figures":  # "73 against 75 injured" once a count, however many claims repeat either figure
            key = (a.parent, frozenset(frozenset((k, f.low, f.high) for k, f in _first_figures(c).items())
                                       for c in (a, b)))
            if key in figure_pairs:
                return
            figure_pairs.add(key)
        found.setdefault(frozenset((a.id, b.id)), Dispute(a.id, b.id, reason, kind))

    in_document: dict[str, list[tuple[Assertion, Claim]]] = defaultdict(list)
    for claim in claims:
        for member in claim.members:
            in_document[member.document].append((member, claim))
    by_attribution_denied = {m.attribution: c for c in claims for m in c.members if m.kind == "denied"}
    for claim in claims:
        for denial in (m for m in claim.members if m.kind == "denial"):
            earlier = [(m, c) for m, c in in_document[denial.document] if m.start < denial.start and c is not claim]
            denied = by_attribution_denied.get(denial.attribution) or _claim_referred_to(denial, earlier)
            if denied is not None and denied is not claim and _more_than_the_denial(denied, claim):
                add(denied, claim, ("denial", f"denial: {denial.speaker or 'a source'} says it is not so"))
            accusation = _accusation_answered(denial, earlier)
            if accusation is not None:
                add(accusation, claim, ("accusation", "denial of an accusation"))
    stances = {c.id: _stances(c, settings) for c in claims}
    topics = {c.id: _topic(c) for c in claims}
    for a, b in _candidate_pairs(claims, stances, topics, settings):
        found_as = _figures_conflict(a, b, dates, settings) or _outcome_conflict(a, b, stances, topics, dates, settings)
        if found_as:
            add(a, b, found_as)
    return list(found.values())


def _candidate_pairs(claims: list[Claim], stances: dict[str, dict], topics: dict[str, set[str]],
                     settings: Settings):
    """Pairs worth comparing: figures under one claim, and claims that say a thing happened against
    claims that say it did not, in one article or sharing a name. Indexed, so that a large story is
    not compared all against all."""
    children: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.parent:
            children[claim.parent].append(claim)
    for group in children.values():
        yield from ((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    happened: dict[tuple, list[Claim]] = defaultdict(list)
    did_not: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.parent:
            continue  # a figure's claim is compared on its figure; its outcome is its parent's
        places = {"doc:" + d for d in claim.documents} | {"name:" + n for n in topics[claim.id] - PLACE_WORDS}
        for frame, stance in stances[claim.id].items():
            for place in sorted(places):  # the order pairs are met in, and so the disputes' order
                (happened if stance > 0 else did_not)[(frame, place)].append(claim)
    seen: set[frozenset] = set()
    for key, yes in happened.items():
        no = did_not.get(key, [])
        if key[1].startswith("name:") and len(yes) + len(no) > settings.dispute_max_name_postings:
            continue
        for a in yes:
            for b in no:
                pair = frozenset((a.id, b.id))
                if pair not in seen:
                    seen.add(pair)
                    yield a, b


def _more_than_the_denial(denied: Claim, denial: Claim) -> bool:
    """"X denied striking the station" alone is one proposition shown twice, not a dispute: someone must
    put the denied claim forward, or the denial must give its own account ("…, saying the fighters had
    been routed")."""
    return any(m.kind != "denied" for m in denied.members) or any(m.kind != "denial" for m in denial.members)


def _claim_referred_to(denial: Assertion, earlier: list[tuple[Assertion, Claim]]) -> Claim | None:
    """"The army said it had taken the bridge, but the Council dismissed the claim": the claim is the
    nearest one before the denial, in its article, that someone else made."""
    made = [(m.start, c) for m, c in earlier if m.kind == "attributed" and (m.speaker or "") != (denial.speaker or "")]
    return max(made, key=lambda pair: pair[0])[1] if made else None


def _accusation_answered(denial: Assertion, earlier: list[tuple[Assertion, Claim]]) -> Claim | None:
    """The accusation by someone else that a denial answers, before it in the same article ("X blamed
    the Council for the attack. The Council dismissed claims that it was behind it."): the nearest one
    that names the denier, else the nearest one."""
    made = [(m.start, c) for m, c in earlier if m.kind != "denied" and P.ACCUSATION.search(m.sentence)
            and (m.speaker or "") != (denial.speaker or "")]
    named = [(start, c) for start, c in made if _names_in(denial.speaker, c.members)]
    return max(named or made, key=lambda pair: pair[0])[1] if named or made else None


def _names_in(speaker: str | None, members: list[Assertion]) -> bool:
    names = {w for w in (speaker or "").split() if w[:1].isupper()}
    return any(names & set(m.sentence.split()) for m in members)


def _figures_conflict(a: Claim, b: Claim, dates: dict[str, str | None],
                      settings: Settings) -> tuple[str, str] | None:
    """Two figures for one count conflict when no number fits both ("17 killed" against "at least 30", not
    "more than 30" against "at least 39"), from different sources (one source revising its own figure is a
    series, and so is one side's officials updating theirs), reported at comparable times (a toll from the
    first day against one months later is not)."""
    if a.parent is None or a.parent != b.parent or _sources(a) & _sources(b) or _one_side(a) & _one_side(b):
        return None
    apart = _days_apart(a, b, dates)
    if apart is None and not set(a.documents) & set(b.documents) and not _days_named(a) & _days_named(b):
        return None  # when is unknown, and the texts name no common day: a revision as likely as a contradiction
    if apart is not None and apart > settings.figures_max_days_apart:
        return None
    fa, fb = _first_figures(a), _first_figures(b)
    for kind in sorted(fa.keys() & fb.keys()):
        x, y = fa[kind], fb[kind]
        if (x.high is not None and x.high < y.low) or (y.high is not None and y.high < x.low):
            return "figures", f"different figures: {_stated(x)} against {_stated(y)} {kind}"
    return None


def _first_figures(claim: Claim) -> dict[str, Figure]:
    found: dict[str, Figure] = {}
    for figure in figures_in(claim.members[0].text):
        found.setdefault(figure.kind, figure)
    return found


def _stated(figure: Figure) -> str:
    return str(figure.best) if figure.high == figure.low else (
        f"at least {figure.low}" if figure.high is None else f"up to {figure.high}")


def _days_named(claim: Claim) -> set[str]:
    """The days the claim's sentences name ("on Wednesday", "Wednesday's strike", "on March 18")."""
    return {m.group(0).lower() for member in claim.members for m in P.NAMED_DAY.finditer(member.sentence)}


def _days_apart(a: Claim, b: Claim, dates: dict[str, str | None]) -> int | None:
    """The fewest days between an article of one claim and an article of the other (None: no dated pair)."""
    days = [abs((dt.date.fromisoformat(x) - dt.date.fromisoformat(y)).days)
            for x in (dates.get(d) for d in a.documents) if x for y in (dates.get(d) for d in b.documents) if y]
    return min(days, default=None)


def _outcome_conflict(a: Claim, b: Claim, stances: dict[str, dict], topics: dict[str, set[str]],
                      dates: dict[str, str | None], settings: Settings) -> tuple[str, str] | None:
    if a.parent == b.id or b.parent == a.id or (a.parent and a.parent == b.parent):
        return None
    if _sources(a) & _sources(b) or (_narrated(a) and _narrated(b)):
        return None
    same_article = bool(set(a.documents) & set(b.documents))
    shared = topics[a.id] & topics[b.id]
    if not same_article and (len(shared) < settings.dispute_min_shared_names or not shared - PLACE_WORDS):
        return None
    for frame, word in FRAME_REASONS.items():
        sa, sb = stances[a.id].get(frame), stances[b.id].get(frame)
        if sa and sb and sa != sb:
            changed, unchanged = (a, b) if sa > 0 else (b, a)
            if _moved_on(unchanged, changed, dates):
                return None
            return frame, f"exclusive outcomes: {word}"
    return None


def _sources(claim: Claim) -> set[str]:
    return {m.speaker_entity or (m.speaker or "").lower() for m in claim.members
            if m.kind in ("attributed", "denial") and (m.speaker_entity or m.speaker)}


def _one_side(claim: Claim) -> set[str]:
    """The side all the claim's speakers speak for, when they name one ("the Russian Defence Ministry" and "the
    Ministry of Defence of Russia": one source revising its figure, however the articles name it)."""
    found = {sides().of(m.speaker) for m in claim.members if m.kind in ("attributed", "denial") and m.speaker}
    return found if len(found) == 1 and None not in found else set()


def _narrated(claim: Claim) -> bool:
    return all(m.kind == "narration" for m in claim.members)


def _moved_on(unchanged: Claim, changed: Claim, dates: dict[str, str | None]) -> bool:
    """The 'nothing changed' side is dated before the 'it changed' side: a change over time."""
    before = [dates[d] for d in unchanged.documents if dates.get(d)]
    after = [dates[d] for d in changed.documents if dates.get(d)]
    return bool(before and after) and max(before) < min(after)


def _stances(claim: Claim, settings: Settings) -> dict[str, int]:
    """+1: the claim says it happened; -1: that it did not; absent when its members disagree or say nothing."""
    votes: dict[str, set[int]] = {}
    for member in claim.members:
        for frame, stance in member_stances(member, settings).items():
            votes.setdefault(frame, set()).add(stance)
    return {frame: next(iter(v)) for frame, v in votes.items() if len(v) == 1}


PLACE_NOUN = re.compile(r"\b" + P.PLACE_NOUNS + r"\b", re.I)
PLACE_WORDS = {stem(w) for w in re.findall(r"[a-z]+", P.PLACE_NOUNS)}  # kinds of place, not places
NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]{2,}\w*")


def _topic(claim: Claim) -> set[str]:
    """The names and the kinds of place a claim's own words mention (not the rest of their sentences,
    which also name who said them and where): what it is about."""
    found = set()
    for member in claim.members:
        names = {stem(w.lower()) for w in NAME.findall(member.text)}
        places = {stem(w.lower()) for w in PLACE_NOUN.findall(member.text)}
        found |= (names | places) & stems(member.text)
    return found
