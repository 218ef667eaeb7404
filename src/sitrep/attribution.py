"""Attribution: who said what, in which words, for every article.

Two trained taggers (see `attribution_train`) find the spans: first the cues, then for each cue its
source and content. Those raw spans are what `sitrep eval attribution` scores. The records the rest
of sitrep uses add the speaker, the kind of quote (direct, indirect, mixed), the channel and the
reporting chain (`via`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from sitrep import metadata
from sitrep import patterns as P
from sitrep.attribution_features import cue_sequence, doc_context, role_sequence, role_window
from sitrep.attribution_train import CUE_MODEL, DATA_DIR, ROLE_MODEL
from sitrep.quotes import quotation_spans
from sitrep.records import Attribution, Entity, Span
from sitrep.speakers import entity_by_token, resolve

CharSpan = tuple[int, int]
# An attribution whose content is mostly another attribution only reports it (a link in its chain).
FRAME_COVERAGE = 0.7
ADDRESSEE = re.compile(r"\s*(?:in an interview with |to )?(?:the )?(?P<name>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*)*)")


@dataclass
class SpanAttribution:
    """An attribution as token runs of one parsed document: what the annotated corpora mark."""

    cue: list[list[int]]
    source: list[list[int]]
    content: list[list[int]]


@lru_cache(maxsize=2)
def _taggers(data_dir: Path = DATA_DIR) -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger]:
    cue, role = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    cue.open(str(data_dir / CUE_MODEL))
    role.open(str(data_dir / ROLE_MODEL))
    return cue, role


def _runs(tags: list[str], offset: int, label: str) -> list[list[int]]:
    runs: list[list[int]] = []
    previous = "O"
    for i, tag in enumerate(tags):
        if tag.endswith(label):
            if tag.startswith("B-") or not previous.endswith(label):
                runs.append([])
            runs[-1].append(offset + i)
        previous = tag
    return runs


def find_spans(doc: Doc, data_dir: Path = DATA_DIR) -> list[SpanAttribution]:
    cue_tagger, role_tagger = _taggers(data_dir)
    context = doc_context(doc)
    found = []
    for sentence in context.sentences:
        for cue in _runs(cue_tagger.tag(cue_sequence(context, sentence)), sentence.start, "CUE"):
            start, end = role_window(context, cue)
            tags = role_tagger.tag(role_sequence(context, cue, start, end))
            found.append(SpanAttribution([cue], _runs(tags, start, "SRC"), _runs(tags, start, "CON")))
    return found


def char_span(doc: Doc, run: list[int]) -> CharSpan:
    return doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])


def as_gold_shape(doc: Doc, attributions: list[SpanAttribution]) -> list[dict]:
    """Attributions in the annotated corpora's shape: roles as lists of {start, end}."""
    def spans(runs: list[list[int]]) -> list[dict]:
        return [dict(zip(("start", "end"), char_span(doc, run))) for run in runs]

    return [{"source": spans(a.source), "cue": spans(a.cue), "content": spans(a.content)} for a in attributions]



def document_attributions(document_id: str, doc: Doc, mentions: dict[int, Entity],
                          data_dir: Path = DATA_DIR) -> list[Attribution]:
    """The attributions of one parsed document, reporting chains collapsed into `via`."""
    quotes = quotation_spans(doc.text)
    drafts: list[_Draft] = []
    speakers: list[Entity] = []
    by_token = entity_by_token(doc, mentions)
    for found in find_spans(doc, data_dir):
        if not found.content:
            continue
        speaker, entity = resolve(doc, found.source, mentions, by_token, speakers)
        if entity is not None:
            speakers.append(entity)
        drafts.append(_Draft(
            speaker, entity,
            source=[char_span(doc, run) for run in found.source],
            cue=[char_span(doc, run) for run in found.cue],
            content=[char_span(doc, run) for run in found.content],
        ))
    _link_chains(doc.text, drafts)
    records: list[Attribution] = []
    previous: _Draft | None = None
    for draft in drafts:
        if draft.frame:
            continue
        if not draft.via and previous is not None and draft.entity is not None and previous.entity is draft.entity:
            draft.via = list(previous.via)  # "He added…" goes on through the same reporters
        previous = draft
        records.append(_record(document_id, doc.text, draft, quotes, len(records) + 1))
    return records


@dataclass
class _Draft:
    speaker: str | None
    entity: Entity | None
    source: list[CharSpan]
    cue: list[CharSpan]
    content: list[CharSpan]
    via: list[str] = field(default_factory=list)
    frame: bool = False  # only reports another attribution: folded into that one's `via`

    @property
    def reach(self) -> CharSpan:
        return self.content[0][0], self.content[-1][1]

    @property
    def extent(self) -> CharSpan:
        """From the first to the last character of source, cue and content together."""
        spans = self.source + self.cue + self.content
        return min(s for s, _ in spans), max(e for _, e in spans)


def _link_chains(text: str, drafts: list[_Draft]) -> None:
    """An attribution inside another's content was reported by that one's speaker: 'According to X,
    Y reported, Z said…' is Z's, via [X, Y]; quoted speech inside a quote has the quoter in `via`."""
    def parent_of(draft: _Draft) -> _Draft | None:
        cue_at = draft.cue[0][0]
        holders = [d for d in drafts if d is not draft and d.reach[0] <= cue_at < d.reach[1]]
        return min(holders, key=lambda d: d.reach[1] - d.reach[0]) if holders else None

    parents = {id(d): parent_of(d) for d in drafts}

    def chain(draft: _Draft, seen: set[int]) -> list[str]:
        parent = parents[id(draft)]
        if parent is None or id(parent) in seen:
            return []
        seen.add(id(parent))
        return chain(parent, seen) + ([parent.speaker] if parent.speaker else [])

    for draft in drafts:
        draft.via = chain(draft, {id(draft)}) + _addressee_outlet(text, draft)
        parent = parents[id(draft)]
        if parent is not None:
            inner_start, inner_end = draft.extent
            outer_start, outer_end = parent.reach
            covered = min(inner_end, outer_end) - max(inner_start, outer_start)
            if covered >= FRAME_COVERAGE * (outer_end - outer_start):
                parent.frame = True


def _addressee_outlet(text: str, draft: _Draft) -> list[str]:
    """'told AFP', 'in an interview with Reuters': the outlet that carried the words."""
    cue_end = draft.cue[-1][1]
    after = text[cue_end:cue_end + 60]
    match = ADDRESSEE.match(after)
    if match and metadata.looks_like_outlet(match.group("name")):
        return [match.group("name")]
    return []


def _channel(text: str, draft: _Draft) -> str | None:
    """Where it was said, when the words between the source, the cue and the content say so."""
    start, end = draft.extent
    region = text[start:draft.content[0][0]] if draft.content[0][0] > draft.cue[0][0] else text[
        draft.cue[0][0]:end]
    named = P.CHANNEL_NAMED.search(region)
    if named:
        return named.group("name")
    for pattern, name in P.CHANNELS:
        if pattern.search(region):
            return name
    return None


def _kind(content: list[CharSpan], quotes: list[CharSpan]) -> str:
    quoted = total = 0
    for start, end in content:
        total += end - start
        quoted += sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quotes)
    if total and quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted >= 8 else "indirect"


def _record(document_id: str, text: str, draft: _Draft, quotes: list[CharSpan], number: int) -> Attribution:
    start, end = draft.reach
    return Attribution(
        id=f"{document_id}-a{number}",
        document=document_id,
        speaker=draft.speaker,
        speaker_entity=draft.entity.id if draft.entity else None,
        cue=" ".join(text[s:e] for s, e in draft.cue),
        content=" … ".join(text[s:e] for s, e in draft.content),
        kind=_kind(draft.content, quotes),
        channel=_channel(text, draft),
        via=draft.via,
        start=start,
        end=end,
        source_spans=[Span(s, e) for s, e in draft.source],
        cue_spans=[Span(s, e) for s, e in draft.cue],
        content_spans=[Span(s, e) for s, e in draft.content],
    )
