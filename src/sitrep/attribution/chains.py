"""Reporting chains and channels: who passed an attribution's words on, and where they were said.

'According to A, B reported, C said on the channel X that…' is C's attribution with via [A, B] and
channel X. What a speaker says next goes on through the same reporters; speech quoted inside a quote
has the quoter in its chain; an attribution that only reports another is folded into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.attribution import lexicon as P
from sitrep.ingest import metadata
from sitrep.records import Entity
from sitrep.settings import DEFAULT_SETTINGS, Settings

CharSpan = tuple[int, int]
ADDRESSEE = re.compile(r"\s*(?:in an interview with |to )?(?:the )?(?P<name>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*)*)")


@dataclass
class Draft:
    speaker: str | None
    entity: Entity | None
    source: list[CharSpan]
    cue: list[CharSpan]
    content: list[CharSpan]
    sentence_start: int = 0
    sentence_end: int = 0
    paragraph: int = 0
    via: list[str] = field(default_factory=list)
    channel: str | None = None
    reporter: str | None = None  # "the agency quoted X as saying": the agency, the chain's inner link
    frame: bool = False  # only reports another attribution: folded into that one's `via`

    @property
    def reach(self) -> CharSpan:
        return self.content[0][0], self.content[-1][1]

    @property
    def extent(self) -> CharSpan:
        """From the first to the last character of source, cue and content together."""
        spans = self.source + self.cue + self.content
        return min(s for s, _ in spans), max(e for _, e in spans)


def link_chains(text: str, drafts: list[Draft], quotes: list[CharSpan], settings: Settings = DEFAULT_SETTINGS) -> None:
    """Who passed the words on (`via`, from the outside in), and where they were said.

    'According to A, B reported, C said…' is C's attribution with via [A, B]: the reporting frames in
    front of the speaker are read off the sentence, and "told AFP" adds the outlet. What a speaker
    says next ("He added…") goes on through the same reporters, and on the same channel nearby. An
    attribution inside another's content (speech quoted inside a quote) has that one's chain and
    speaker in front of its own; an attribution that only reports another is folded into it.
    """
    for draft in drafts:
        draft.via = _dedupe(_frames(text, draft) + ([draft.reporter] if draft.reporter else [])
                            + _addressee_outlet(text, draft, settings) + _trailing_frame(text, draft))  # its own links
        draft.channel = _channel(text, draft, settings)

    def parent_of(draft: Draft) -> Draft | None:
        """The attribution whose words hold this one's cue: in the same sentence (a reporting
        frame) or inside a quotation (speech quoted by the speaker)."""
        cue_at = draft.cue[0][0]
        in_quote = any(qs <= cue_at < qe for qs, qe in quotes)
        holders = [d for d in drafts if d is not draft and d.reach[0] <= cue_at < d.reach[1]
                   and (in_quote or d.sentence_start == draft.sentence_start)]
        return min(holders, key=lambda d: d.reach[1] - d.reach[0]) if holders else None

    parents = {id(d): parent_of(d) for d in drafts}
    inherited: dict[int, list[str]] = {}

    def full_chain(draft: Draft, seen: set[int]) -> list[str]:
        own = draft.via or inherited.get(id(draft), [])
        parent = parents[id(draft)]
        if parent is None or id(parent) in seen:
            return own
        reporter = parent.entity.name if parent.entity else parent.speaker
        if parent.entity is draft.entity is not None or not _is_name(reporter, settings):
            reporter = None  # the speaker quoting themself, or no name to give
        return _dedupe(full_chain(parent, seen | {id(parent)}) + ([reporter] if reporter else []) + own)

    # Twice: a chain inherited by a quote reaches the speech quoted inside it on the second round.
    for first_round in (True, False):
        last_by_speaker: dict[str, Draft] = {}
        for draft in drafts:
            earlier = last_by_speaker.get(draft.entity.id) if draft.entity else None
            if earlier is not None:
                if not draft.via:
                    inherited[id(draft)] = full_chain(earlier, {id(earlier)})
                near = draft.paragraph - earlier.paragraph <= settings.channel_carries_paragraphs
                if first_round and draft.channel is None and near:
                    draft.channel = earlier.channel
            if draft.entity:
                last_by_speaker[draft.entity.id] = draft
    chains = {id(d): full_chain(d, {id(d)}) for d in drafts}
    for draft in drafts:
        draft.via = chains[id(draft)]
        parent = parents[id(draft)]
        if parent is not None:
            inner_start, inner_end = draft.extent
            outer_start, outer_end = parent.reach
            covered = min(inner_end, outer_end) - max(inner_start, outer_start)
            if covered >= settings.frame_coverage * (outer_end - outer_start):
                parent.frame = True


def _is_name(text: str | None, settings: Settings) -> bool:
    """A reporter in `via` is a name, not a clause the tagger took for a source."""
    return bool(text) and text[0].isupper() and len(text.split()) <= settings.max_reporter_words


def _frames(text: str, draft: Draft) -> list[str]:
    """Reporters named in front of the speaker: 'According to A, B reported, ' → [A, B].

    Only when such frames fill everything between the start of the sentence and the speaker."""
    first = draft.source[0][0] if draft.source else draft.cue[0][0]
    prefix = text[draft.sentence_start:first]
    names = []
    position = 0
    while match := P.REPORTING_FRAME.match(prefix, position):
        if match.end() == position:
            break
        names.append(match.group("outer") or match.group("inner"))
        position = match.end()
    return names if not prefix[position:].strip(" “\"'‘\n") else []


def _trailing_frame(text: str, draft: Draft) -> list[str]:
    """A reporter named after the speaker's cue and words, closing the sentence: '…, X said, according to
    Pravda.' → [Pravda]; none when the reporter is the speaker itself."""
    end = max(e for _, e in draft.cue + draft.content)
    match = P.TRAILING_FRAME.match(text[end:draft.sentence_end])
    if not match:
        return []
    name = (match.group("outer") or match.group("inner")).rstrip(".")
    return [] if draft.speaker and name.lower() in draft.speaker.lower() else [name]


def _dedupe(names: list[str]) -> list[str]:
    """One entry a reporter: 'the TASS News Agency' and 'TASS News Agency', 'Marr' and 'Ivo Marr'."""
    kept: list[str] = []
    for name in names:
        words = set(name.lower().removeprefix("the ").split())
        same = [i for i, other in enumerate(kept) if words <= set(other.lower().removeprefix("the ").split())
                or set(other.lower().removeprefix("the ").split()) <= words]
        if not same:
            kept.append(name)
        elif len(name) > len(kept[same[0]]):
            kept[same[0]] = name
    return kept


def _addressee_outlet(text: str, draft: Draft, settings: Settings) -> list[str]:
    """'told AFP', 'in an interview with Reuters': the outlet that carried the words."""
    cue_end = draft.cue[-1][1]
    after = text[cue_end:cue_end + settings.channel_name_chars]
    match = ADDRESSEE.match(after)
    name = match.group("name").rstrip(".") if match else ""
    return [name] if name and metadata.looks_like_outlet(name) else []


def _channel(text: str, draft: Draft, settings: Settings) -> str | None:
    """Where it was said, when the words between the source, the cue and the content say so."""
    cue_start, content_start = draft.cue[0][0], draft.content[0][0]
    if content_start > cue_start:
        region = text[cue_start:content_start]
        lead = P.CONTENT_LEAD.match(text, content_start)  # "said [on the channel X] that…"
        if lead:
            region += " " + lead.group(0)
        # a channel's name may have been taken into the content: "on the channel [Name Here] that…"
        named = P.CHANNEL_NAMED.search(text, cue_start, content_start + settings.channel_name_chars)
        if named and named.start() < content_start:
            return named.group("name")
    else:
        region = text[cue_start:min(draft.sentence_end, draft.cue[-1][1] + 80)]
    named = P.CHANNEL_NAMED.search(region)
    if named:
        return named.group("name")
    for pattern, name in P.CHANNELS:
        if pattern.search(region):
            return name
    return None
