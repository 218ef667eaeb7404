"""From raw spans to the records the rest of sitrep reads: the speaker resolved, the kind of quote
(direct, indirect, mixed), the channel and the reporting chain (`via`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from spacy.tokens import Doc

from sitrep.attribution import lexicon as P
from sitrep.attribution.chains import CharSpan, Draft, link_chains
from sitrep.attribution.features import doc_context
from sitrep.attribution.models import DATA_DIR
from sitrep.attribution.spans import char_span, find_spans
from sitrep.attribution.speakers import resolve
from sitrep.records import Attribution, Entity, Span
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.text import PARAGRAPH_SEPARATOR, SUBJECT_DEPS


def document_attributions(document_id: str, doc: Doc, by_token: dict[int, Entity],
                          settings: Settings = DEFAULT_SETTINGS, data_dir: Path = DATA_DIR) -> list[Attribution]:
    """The attributions of one parsed document, reporting chains collapsed into `via`."""
    text = doc.text
    context = doc_context(doc)
    quotes = context.quotes
    paragraph_starts = [0] + [m.end() for m in re.finditer(re.escape(PARAGRAPH_SEPARATOR), text)]
    drafts: list[Draft] = []
    by_cue: dict[int, Draft] = {}
    speakers: list[tuple[str, Entity | None]] = []
    for found in find_spans(doc, data_dir, context, tagger=settings.attribution_tagger):
        if not found.content:
            continue
        cue_token = doc[found.cue[0][0]]
        source = found.source or _governor_subject(cue_token)
        quoted = any(qs <= doc[source[0][0]].idx < qe for qs, qe in quotes) if source else False
        if source and not quoted and all(doc[i].lower_ in P.WRITER_PRONOUNS for run in source for i in run):
            continue  # "We will remind that…", "as we reported": the article's own voice
        reporter = None
        if source and (quoted_person := _quoted_as_saying(doc, found.cue[0])):  # "the agency quoted X as saying…"
            reporter = resolve(doc, source, by_token, speakers, quoted, settings)[0]
            source = found.source = quoted_person
        governing = by_cue.get(cue_token.head.i) if not found.source else None
        if governing is not None:  # "X said…, adding that…": the same speaker
            speaker, entity = governing.speaker, governing.entity
        else:
            speaker, entity = resolve(doc, source, by_token, speakers, quoted, settings)
            if speaker and not quoted and (entity is not None or _is_description(speaker)):
                speakers.append((speaker, entity))  # a speaker of the article, not one inside a quotation
        draft = Draft(
            speaker, entity, reporter=reporter,
            source=[char_span(doc, run) for run in found.source],
            cue=[char_span(doc, run) for run in found.cue],
            content=[char_span(doc, run) for run in found.content],
            sentence_start=context.sentence_at(cue_token.i).start_char,
            sentence_end=context.sentence_at(cue_token.i).end_char,
            paragraph=bisect_right(paragraph_starts, cue_token.idx) - 1,
        )
        draft.content = _without_stray_fragments(draft.content, quotes, settings)
        drafts.append(draft)
        for i in found.cue[0]:
            by_cue[i] = draft
    link_chains(text, drafts, quotes, settings)
    return [_record(document_id, text, draft, quotes, number)
            for number, draft in enumerate((d for d in drafts if not d.frame), start=1)]


def _quoted_as_saying(doc: Doc, cue: list[int]) -> list[list[int]]:
    """"The agency quoted X as saying…": X, the one who spoke (the agency passed the words on); else []."""
    verb = next((doc[i] for i in cue if doc[i].lower_ in P.QUOTING_VERBS), None)
    if verb is None or not any(child.dep_ == "prep" and child.lower_ == "as" for child in verb.children):
        return []
    person = next((child for child in verb.children if child.dep_ == "dobj"), None)
    if person is None:
        return []
    return [[t.i for t in person.subtree if not (t.is_punct and t.i in (person.left_edge.i, person.right_edge.i))]]


def _without_stray_fragments(content: list[CharSpan], quotes: list[CharSpan], settings: Settings) -> list[CharSpan]:
    """Next to quoted pieces, a few unquoted words the tagger also took are narrative, not content."""
    def quoted(span: CharSpan) -> bool:
        return any(qs <= span[0] and span[1] <= qe + 1 for qs, qe in quotes)

    if len(content) < 2 or not any(quoted(span) for span in content):
        return content
    return [span for span in content if quoted(span) or span[1] - span[0] > settings.stray_fragment_chars]


def _governor_subject(cue) -> list[list[int]]:
    """For a cue the tagger gave no source: its own subject, or for "…, saying that…" the subject
    of the verb it hangs on."""
    holders = [cue] + ([cue.head] if cue.dep_ in ("advcl", "xcomp", "conj", "ccomp") else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in SUBJECT_DEPS and child.i < holder.i:
                return [[t.i for t in child.subtree]]
    return []


def _is_description(text: str) -> bool:
    """A source that describes someone without naming them: "a web developer in X", "One, a…"."""
    words = text.split()
    return len(words) >= 2 and words[0].lower().strip(",") in ("a", "an", "one")


def _kind(content: list[CharSpan], quotes: list[CharSpan]) -> str:
    quoted = total = 0
    for start, end in content:
        total += end - start
        quoted += sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quotes)
    if total and quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted >= 8 else "indirect"


def _record(document_id: str, text: str, draft: Draft, quotes: list[CharSpan], number: int) -> Attribution:
    start, end = draft.reach
    return Attribution(
        id=f"{document_id}-a{number}",
        document=document_id,
        speaker=draft.speaker,
        speaker_entity=draft.entity.id if draft.entity else None,
        cue=" ".join(text[s:e] for s, e in draft.cue),
        content=" … ".join(text[s:e] for s, e in draft.content),
        kind=_kind(draft.content, quotes),
        channel=draft.channel,
        via=draft.via,
        start=start,
        end=end,
        source_spans=[Span(s, e) for s, e in draft.source],
        cue_spans=[Span(s, e) for s, e in draft.cue],
        content_spans=[Span(s, e) for s, e in draft.content],
    )
