"""Typed records that flow between the pipeline stages (one way: ingest → extract → … → store)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

RawKind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One article as found in an input file, before cleaning."""

    path: str  # the path as given to `build`
    kind: RawKind
    content: str  # decoded (and mojibake-repaired) text or HTML
    url: str | None = None  # the record's URL inside a WARC or JSON Lines file
    title: str | None = None  # stated by the container (JSON Lines), not guessed
    published: str | None = None  # stated by the container (JSON Lines), as it is written there
    outlet: str | None = None  # stated by the container (JSON Lines: outlet, sitename), not guessed

    @property
    def id(self) -> str:
        """Stable id from the content, so building the same files twice adds nothing."""
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class InputFailure:
    """A file, or one record inside it, that could not become a document."""

    path: str
    code: str
    message: str  # the whole one-line message, path included


@dataclass(frozen=True)
class SkippedFile:
    """A file that is not an article (say a .yaml beside the articles): a note, not a failure."""

    path: str
    message: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def span_dicts(spans: Iterable[Span]) -> list[dict]:
    """Spans as JSON objects: "start" and "end", and a language span's "language"."""
    return [asdict(span) for span in spans]


@dataclass(frozen=True)
class LanguageSpan(Span):
    """A stretch of the clean text in another language than the document's."""

    language: str


@dataclass
class Document:
    """An article's clean text and what the page states about it; offsets point into `text`."""

    id: str
    path: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD or None: never guessed
    published_from: str | None = None  # where `published` was read: input, html, text or url; None: no date
    language: str | None = None
    credits: list[str] = field(default_factory=list)  # wire agencies the page credits
    cited_outlets: list[str] = field(default_factory=list)  # outlets the text cites
    foreign: list[LanguageSpan] = field(default_factory=list)


@dataclass
class Attribution:
    """Who said what: spans into the document's clean text, and what the analyst reads off them."""

    id: str
    document: str
    speaker: str | None  # the resolved speaker's name, or the source as written
    speaker_entity: str | None
    cue: str
    content: str
    kind: str  # "direct" | "indirect" | "mixed"
    channel: str | None
    via: list[str]
    start: int  # content start
    end: int  # content end
    source_spans: list[Span] = field(default_factory=list)
    cue_spans: list[Span] = field(default_factory=list)
    content_spans: list[Span] = field(default_factory=list)

    ROLES = ("source", "cue", "content")

    def spans_by_role(self) -> dict[str, list[Span]]:
        """The spans of each role, under the role's name."""
        return dict(zip(self.ROLES, (self.source_spans, self.cue_spans, self.content_spans)))


@dataclass
class Mention:
    """A named-entity mention: offsets into the document's clean text."""

    start: int
    end: int
    text: str
    type: str


@dataclass
class Entity:
    """One person, organisation, group or place, with the other names it goes by."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


@dataclass
class DocumentAnalysis:
    """A document with what the NLP stages found in it: stored together, in one transaction."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    statements: list[Span] = field(default_factory=list)  # sentences in the article's own voice
    events: list[Event] = field(default_factory=list)  # what it reports happened (sitrep.events)


@dataclass(frozen=True)
class Reuse:
    """A passage of `copy` that copies or rewrites a passage of `origin` (offsets into each text)."""

    origin: str
    copy: str
    origin_start: int
    origin_end: int
    copy_start: int
    copy_end: int
    similarity: float
    directed: bool  # False: which side came first cannot be known


@dataclass
class Assertion:
    """Something one article puts forward: an attribution's content, or a sentence in its own voice."""

    document: str
    start: int
    end: int
    text: str
    sentence: str  # the sentence around it, for context
    speaker: str | None  # None: the article itself
    speaker_entity: str | None
    via: list[str]
    attribution: str | None  # the attribution it comes from; None for the article's own voice
    # "attributed" (someone says it), "narration" (the article says it), "denial" (someone says it
    # is not so: "denied that…", "it is false that…"), "denied" (what a denial says is not so)
    kind: str = "attributed"


@dataclass
class Claim:
    """Assertions, across articles, that put forward the same thing."""

    id: str
    text: str
    members: list[Assertion]
    independent_origins: int
    origins: list[str]  # who each independent origin is, as far as the articles say
    parent: str | None = None  # the broader claim this one gives a figure for

    @property
    def documents(self) -> list[str]:
        return sorted({m.document for m in self.members})

    @property
    def attributions(self) -> list[str]:
        """The attributions that put the claim forward (not a denial that merely reports it)."""
        return [m.attribution for m in self.members if m.attribution and m.kind != "denied"]


# The last three come from story events' versions (story.versions): the slot whose values conflict.
DISPUTE_KINDS = ("denial", "accusation", "control", "attack", "target", "figures", "responsibility", "casualties",
                 "occurred")


@dataclass(frozen=True)
class Dispute:
    """Two claims that cannot both be true.

    `kind` says how the dispute was found (one of DISPUTE_KINDS): "denial" (b denies a), "accusation" (b is
    a denial answering the accusation a), "control", "attack", "target" (opposite outcomes: control of a
    place, whether an attack happened, whether a strike hit fighters), "figures" (different figures for
    one count). `reason` says it in words.
    """

    a: str
    b: str
    reason: str
    kind: str

    @property
    def id(self) -> str:
        """Stable across builds: made from the two claims' ids, whichever side each is on."""
        return "D" + hashlib.sha1(" ".join(sorted((self.a, self.b))).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class StoryProfile:
    """What story finding knows of one article: its date, headline and distinctive names (story.streams)."""

    document: str
    published: str | None
    title: str | None
    keys: frozenset[str]  # its names (name_key) and passage fingerprints; of an article in a story, those asked for
    story: str | None = None  # the story it belongs to, once found
    names: int = 0  # how many distinct names it has


@dataclass
class Story:
    """Articles about one real-world story, found in the stream (story.streams): each has its own report."""

    id: str
    documents: list[str]
    first_published: str | None
    last_published: str | None
    title: str | None


@dataclass
class StoryAnalysis:
    """What only a story's articles together show: merged entities, claims, disputes and story events."""

    entities: list[Entity] = field(default_factory=list)
    entity_links: dict[str, str] = field(default_factory=dict)  # article entity id → story entity id
    claims: list[Claim] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    events: list[StoryEvent] = field(default_factory=list)  # events across articles (story.versions)


# --- Events (sitrep.events): what happened, where, when, how many, according to whom ---------------


@dataclass(frozen=True)
class EventPlace:
    """Where: resolved in GeoNames; ACLED's geo_precision (1 the place, 2 near it or a part, 3 the region)."""

    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    geo_precision: int


@dataclass(frozen=True)
class EventActor:
    role: str  # "actor1" (who acted) | "actor2" (against whom) | "associated"
    name: str
    entity: str | None


@dataclass(frozen=True)
class EventVictim:
    name: str
    entity: str | None
    count: int | None


@dataclass(frozen=True)
class Count:
    """A figure as stated: "at least 50" is low 50, best 50, high None (unbounded)."""

    low: int
    best: int
    high: int | None


@dataclass
class EventMention:
    """One assertion that reports the event, with who says it and the values it gives."""

    document: str
    start: int
    end: int
    text: str
    speaker: str | None  # None: the article's own voice
    speaker_entity: str | None
    via: list[str]
    attribution: str | None
    status: str  # happened | attempted | threatened | denied | hypothetical
    hedged: bool  # "reportedly", "claimed", "impossible to verify"
    values: dict = field(default_factory=dict)  # {"killed": 3, "injured": 12, "date": "…", "place": "…"}


EVENT_STATUSES = ("happened", "attempted", "threatened", "denied", "hypothetical")


@dataclass
class Event:
    """An event one article reports (ACLED's taxonomy), from one or more of its assertions."""

    id: str
    document: str
    type: str
    sub_type: str
    status: str
    date: str | None  # YYYY-MM-DD; None: the article gives no date it can be read from
    time_precision: int | None  # ACLED: 1 the day, 2 the week, 3 the month
    place: EventPlace | None
    actors: list[EventActor] = field(default_factory=list)
    victims: list[EventVictim] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # buildings, vehicles, places hit
    instrument: str | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    muc_type: str | None = None  # the MUC-4 incident type it maps to (ATTACK, BOMBING…), None when none fits
    mentions: list[EventMention] = field(default_factory=list)


def event_from_dict(data: dict) -> Event:
    """An Event from its `asdict` form (as the store keeps it)."""
    data = dict(data)
    data["place"] = EventPlace(**data["place"]) if data.get("place") else None
    data["actors"] = [EventActor(**a) for a in data.get("actors", [])]
    data["victims"] = [EventVictim(**v) for v in data.get("victims", [])]
    for key in ("fatalities", "injured"):
        data[key] = Count(**data[key]) if data.get(key) else None
    data["mentions"] = [EventMention(**m) for m in data.get("mentions", [])]
    return Event(**data)


@dataclass
class Version:
    """One source's value for one slot of a story event: responsibility ("Russia", "not Russia"), occurred
    ("happened", "denied"), targets, killed and injured ({"low", "best", "high"}), place, date."""

    id: str
    slot: str
    value: object
    document: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity: str | None
    via: list[str]
    attribution: str | None
    published: str | None  # the article's date
    status: str
    hedged: bool
    side: str | None  # whom the speaker speaks for (a country's key, "russi"), None: the article's own voice
    origin: str  # the independent origin (story.claims.independent_origins)
    claim: str | None  # the claim the mention is a member of


@dataclass
class StoryEvent:
    """One real event across articles: every mention of it, each source's version, casualty estimates."""

    id: str
    type: str
    sub_type: str
    status: str
    date: str | None
    place: EventPlace | None
    events: list[str]  # the per-article events its mentions belong to
    documents: list[str]
    mentions: list[EventMention] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    fatalities: dict | None = None  # {"low", "best", "high", "best_from", "figures": [...]}
    injured: dict | None = None
    disputes: list[dict] = field(default_factory=list)  # {"id", "kind", "a", "b", "reason"}: a, b are versions


def story_event_from_dict(data: dict) -> StoryEvent:
    data = dict(data)
    data["place"] = EventPlace(**data["place"]) if data.get("place") else None
    data["mentions"] = [EventMention(**m) for m in data.get("mentions", [])]
    data["versions"] = [Version(**v) for v in data.get("versions", [])]
    return StoryEvent(**data)
