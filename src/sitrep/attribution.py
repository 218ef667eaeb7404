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
from sitrep.speakers import resolve

CharSpan = tuple[int, int]
# An attribution whose content is mostly another attribution only reports it (a link in its chain).
FRAME_COVERAGE = 0.7
# Dependents of a cue that say to whom, where or when something was said, not what.
CUE_MODIFIERS = ("dative", "dobj", "prep", "npadvmod", "advmod", "agent")
# A reporter in `via` is a name, not a clause the tagger took for a source.
MAX_REPORTER_WORDS = 6
# Unquoted pieces of at most this many characters beside quoted ones are dropped from a content.
STRAY_FRAGMENT_CHARS = 40
# A channel named for a speaker's words still holds for what they say this many paragraphs later.
CHANNEL_CARRIES_PARAGRAPHS = 2
CHANNEL_NAME_CHARS = 60
PARAGRAPH_BREAK = "\n\n"
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
    cues = []
    for sentence in context.sentences:
        for run in _runs(cue_tagger.tag(cue_sequence(context, sentence)), sentence.start, "CUE"):
            cues += _split_at_punctuation(doc, run)
    tagged = {i for cue in cues for i in cue}
    cues += [[token.i] for token in _missed_speech(doc, context.quote_of) if token.i not in tagged]
    found = []
    for cue in sorted(cues):
        start, end = role_window(context, cue)
        tags = role_tagger.tag(role_sequence(context, cue, start, end))
        content = _runs(tags, start, "CON") or _adjacent_quotation(context.quote_of, cue)
        content = _with_coordinated_clauses(doc, _without_cue_modifiers(doc, cue, content))
        found.append(SpanAttribution([cue], _runs(tags, start, "SRC"), content))
    return found


def _with_coordinated_clauses(doc: Doc, content: list[list[int]]) -> list[list[int]]:
    """'insisted that A, and that B': the second reported clause is content too."""
    if not content:
        return content
    last = content[-1][-1]
    sentence = doc[last].sent
    rest = [t.lower_ for t in doc[last + 1:sentence.end]]
    if any(rest[i:i + 2] == ["and", "that"] for i in range(len(rest))):
        end = sentence.end - 1 if doc[sentence.end - 1].is_punct else sentence.end
        content = content[:-1] + [content[-1] + list(range(last + 1, end))]
    return content


def _without_cue_modifiers(doc: Doc, cue: list[int], content: list[list[int]]) -> list[list[int]]:
    """When the cue has a reported clause, its addressee and circumstances ('told [reporters at a
    press conference] that …') are not part of what was said."""
    head = doc[cue[-1]]
    children = list(head.children)
    if not any(child.dep_ == "ccomp" for child in children):
        return content
    outside = {t.i for child in children if child.dep_ in CUE_MODIFIERS and child.i > head.i for t in child.subtree}
    kept = [[i for i in run if i not in outside] for run in content]
    runs = []
    for run in kept:
        for i in run:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs or content


def _adjacent_quotation(quote_of: list[int], cue: list[int]) -> list[list[int]]:
    """The quotation that ends just before the cue's clause or opens just after it, when the
    tagger marked no content ('“…,” spokesman X wrote')."""
    for i in [*range(cue[0] - 1, max(cue[0] - 7, -1), -1), *range(cue[-1] + 1, min(cue[-1] + 4, len(quote_of)))]:
        if quote_of[i] >= 0:
            number = quote_of[i]
            return [[j for j in range(len(quote_of)) if quote_of[j] == number]]
    return []


def _split_at_punctuation(doc: Doc, run: list[int]) -> list[list[int]]:
    """'tweeted, saying' is two cues: a cue phrase never runs over a comma."""
    pieces: list[list[int]] = [[]]
    for i in run:
        if doc[i].text == ",":
            pieces.append([])
        else:
            pieces[-1].append(i)
    return [piece for piece in pieces if piece]


def _missed_speech(doc: Doc, quote_of: list[int]):
    """Speech verbs the tagger passed over: one with a subject right next to a quotation, or, inside
    a quotation ("They asked us to convey: …"), one with a subject and a clause or object."""
    for token in doc:
        if token.lower_ not in P.SPEECH_VERBS or not token.tag_.startswith("VB"):
            continue
        deps = {child.dep_ for child in token.children}
        if not deps & {"nsubj", "nsubjpass"}:
            continue
        if quote_of[token.i] >= 0:
            if deps & {"ccomp", "xcomp", "dobj", "dative"}:
                yield token
            continue
        sentence = token.sent
        if any(quote_of[i] >= 0 for i in range(max(sentence.start, token.i - 6), min(sentence.end, token.i + 6))):
            yield token


def char_span(doc: Doc, run: list[int]) -> CharSpan:
    return doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])


def as_gold_shape(doc: Doc, attributions: list[SpanAttribution]) -> list[dict]:
    """Attributions in the annotated corpora's shape: roles as lists of {start, end}."""
    def spans(runs: list[list[int]]) -> list[dict]:
        return [dict(zip(("start", "end"), char_span(doc, run))) for run in runs]

    return [{"source": spans(a.source), "cue": spans(a.cue), "content": spans(a.content)} for a in attributions]




def document_attributions(document_id: str, doc: Doc, by_token: dict[int, Entity],
                          data_dir: Path = DATA_DIR) -> list[Attribution]:
    """The attributions of one parsed document, reporting chains collapsed into `via`."""
    text = doc.text
    quotes = quotation_spans(text)
    drafts: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    speakers: list[tuple[str, Entity | None]] = []
    for found in find_spans(doc, data_dir):
        if not found.content:
            continue
        cue_token = doc[found.cue[0][0]]
        source = found.source or _governor_subject(cue_token)
        governing = by_cue.get(cue_token.head.i) if not found.source else None
        if governing is not None:  # "X said…, adding that…": the same speaker
            speaker, entity = governing.speaker, governing.entity
        else:
            quoted = any(qs <= doc[source[0][0]].idx < qe for qs, qe in quotes) if source else False
            speaker, entity = resolve(doc, source, by_token, speakers, quoted)
            if speaker and not quoted and (entity is not None or _is_description(speaker)):
                speakers.append((speaker, entity))  # a speaker of the article, not one inside a quotation
        draft = _Draft(
            speaker, entity,
            source=[char_span(doc, run) for run in found.source],
            cue=[char_span(doc, run) for run in found.cue],
            content=[char_span(doc, run) for run in found.content],
            sentence_start=cue_token.sent.start_char,
            sentence_end=cue_token.sent.end_char,
            paragraph=text.count(PARAGRAPH_BREAK, 0, cue_token.idx),
        )
        draft.content = _without_stray_fragments(draft.content, quotes)
        drafts.append(draft)
        for i in found.cue[0]:
            by_cue[i] = draft
    _link_chains(text, drafts, quotes)
    return [_record(document_id, text, draft, quotes, number)
            for number, draft in enumerate((d for d in drafts if not d.frame), start=1)]


def _without_stray_fragments(content: list[CharSpan], quotes: list[CharSpan]) -> list[CharSpan]:
    """Next to quoted pieces, a few unquoted words the tagger also took are narrative, not content."""
    def quoted(span: CharSpan) -> bool:
        return any(qs <= span[0] and span[1] <= qe + 1 for qs, qe in quotes)

    if len(content) < 2 or not any(quoted(span) for span in content):
        return content
    return [span for span in content if quoted(span) or span[1] - span[0] > STRAY_FRAGMENT_CHARS]


def _governor_subject(cue) -> list[list[int]]:
    """For a cue the tagger gave no source: its own subject, or for "…, saying that…" the subject
    of the verb it hangs on."""
    holders = [cue] + ([cue.head] if cue.dep_ in ("advcl", "xcomp", "conj", "ccomp") else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < holder.i:
                return [[t.i for t in child.subtree]]
    return []


@dataclass
class _Draft:
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
    frame: bool = False  # only reports another attribution: folded into that one's `via`

    @property
    def reach(self) -> CharSpan:
        return self.content[0][0], self.content[-1][1]

    @property
    def extent(self) -> CharSpan:
        """From the first to the last character of source, cue and content together."""
        spans = self.source + self.cue + self.content
        return min(s for s, _ in spans), max(e for _, e in spans)


def _link_chains(text: str, drafts: list[_Draft], quotes: list[CharSpan]) -> None:
    """Who passed the words on (`via`, from the outside in), and where they were said.

    'According to A, B reported, C said…' is C's attribution with via [A, B]: the reporting frames in
    front of the speaker are read off the sentence, and "told AFP" adds the outlet. What a speaker
    says next ("He added…") goes on through the same reporters, and on the same channel nearby. An
    attribution inside another's content (speech quoted inside a quote) has that one's chain and
    speaker in front of its own; an attribution that only reports another is folded into it.
    """
    for draft in drafts:
        draft.via = _dedupe(_frames(text, draft) + _addressee_outlet(text, draft))  # its own links
        draft.channel = _channel(text, draft)

    def parent_of(draft: _Draft) -> _Draft | None:
        """The attribution whose words hold this one's cue: in the same sentence (a reporting
        frame) or inside a quotation (speech quoted by the speaker)."""
        cue_at = draft.cue[0][0]
        in_quote = any(qs <= cue_at < qe for qs, qe in quotes)
        holders = [d for d in drafts if d is not draft and d.reach[0] <= cue_at < d.reach[1]
                   and (in_quote or d.sentence_start == draft.sentence_start)]
        return min(holders, key=lambda d: d.reach[1] - d.reach[0]) if holders else None

    parents = {id(d): parent_of(d) for d in drafts}
    inherited: dict[int, list[str]] = {}

    def full_chain(draft: _Draft, seen: set[int]) -> list[str]:
        own = draft.via or inherited.get(id(draft), [])
        parent = parents[id(draft)]
        if parent is None or id(parent) in seen:
            return own
        reporter = parent.entity.name if parent.entity else parent.speaker
        if parent.entity is draft.entity is not None or not _is_name(reporter):
            reporter = None  # the speaker quoting themself, or no name to give
        return _dedupe(full_chain(parent, seen | {id(parent)}) + ([reporter] if reporter else []) + own)

    # Twice: a chain inherited by a quote reaches the speech quoted inside it on the second round.
    for first_round in (True, False):
        last_by_speaker: dict[str, _Draft] = {}
        for draft in drafts:
            earlier = last_by_speaker.get(draft.entity.id) if draft.entity else None
            if earlier is not None:
                if not draft.via:
                    inherited[id(draft)] = full_chain(earlier, {id(earlier)})
                near = draft.paragraph - earlier.paragraph <= CHANNEL_CARRIES_PARAGRAPHS
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
            if covered >= FRAME_COVERAGE * (outer_end - outer_start):
                parent.frame = True


def _is_description(text: str) -> bool:
    """A source that describes someone without naming them: "a web developer in X", "One, a…"."""
    words = text.split()
    return len(words) >= 2 and words[0].lower().strip(",") in ("a", "an", "one")


def _is_name(text: str | None) -> bool:
    return bool(text) and text[0].isupper() and len(text.split()) <= MAX_REPORTER_WORDS


def _frames(text: str, draft: _Draft) -> list[str]:
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


def _dedupe(names: list[str]) -> list[str]:
    """One entry a reporter: 'the TASS News Agency' and 'TASS News Agency', 'Lavrov' and 'Sergei Lavrov'."""
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


def _addressee_outlet(text: str, draft: _Draft) -> list[str]:
    """'told AFP', 'in an interview with Reuters': the outlet that carried the words."""
    cue_end = draft.cue[-1][1]
    after = text[cue_end:cue_end + 60]
    match = ADDRESSEE.match(after)
    name = match.group("name").rstrip(".") if match else ""
    return [name] if name and metadata.looks_like_outlet(name) else []


def _channel(text: str, draft: _Draft) -> str | None:
    """Where it was said, when the words between the source, the cue and the content say so."""
    cue_start, content_start = draft.cue[0][0], draft.content[0][0]
    if content_start > cue_start:
        region = text[cue_start:content_start]
        lead = P.CONTENT_LEAD.match(text, content_start)  # "said [on the channel X] that…"
        if lead:
            region += " " + lead.group(0)
        # a channel's name may have been taken into the content: "on the channel [Name Here] that…"
        named = P.CHANNEL_NAMED.search(text, cue_start, content_start + CHANNEL_NAME_CHARS)
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
        channel=draft.channel,
        via=draft.via,
        start=start,
        end=end,
        source_spans=[Span(s, e) for s, e in draft.source],
        cue_spans=[Span(s, e) for s, e in draft.cue],
        content_spans=[Span(s, e) for s, e in draft.content],
    )
