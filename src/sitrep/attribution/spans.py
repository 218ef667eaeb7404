"""Attribution spans: who said what, in which words, as token runs of one parsed document.

Trained taggers find the spans: first the cues (a CRF, see `train`), then for each cue its source and
content (the fine-tuned encoder of `encoder`, or the CRF role tagger); span repairs then mend what the
taggers get wrong in known ways. Those spans are what `sitrep eval attribution` scores; `assembly` turns
them into the records the rest of sitrep reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from sitrep.attribution import lexicon as P
from sitrep.attribution.chains import CharSpan
from sitrep.attribution.encoder import encoder_tagger
from sitrep.attribution.features import (
    DocContext,
    cue_sequence,
    doc_context,
    role_sequence,
    role_window,
    token_range,
)
from sitrep.attribution.models import CUE_MODEL, DATA_DIR, ROLE_MODEL
from sitrep.settings import DEFAULT_SETTINGS
from sitrep.text import PARAGRAPH_SEPARATOR, SUBJECT_DEPS

# Dependents of a cue that say to whom, where or when something was said, not what.
CUE_MODIFIERS = ("dative", "dobj", "prep", "npadvmod", "advmod", "agent")
SPEECH_OR_DENIAL = P.SPEECH_VERBS | P.DENIAL_CUES

# The span repairs, in the order they run: each mends one known way the taggers go wrong, and each can
# be switched off (`find_spans(..., without=...)`, `sitrep eval attribution --without NAME`) to measure it.
SPAN_REPAIRS = {
    "comma-split-cues": "a cue phrase never runs over a comma ('tweeted, saying' is two cues)",
    "missed-speech": "speech verbs and denials the cue tagger passed over are cues",
    "signed-quotations": "'“…” ― Name' and embedded posts: the dash is the cue, the name the source",
    "adjacent-quotation": "a cue the tagger gave no content takes the quotation right beside it",
    "whole-quotation": "content the tagger found inside the quotation beside the cue is the whole quotation",
    "complement-content": "a cue the tagger still gave no content takes its reported clause ('A, the ministry said')",
    "possessor-in-source": "a source never starts at a possessive ending: the possessor joins it",
    "fronted-content": "the clause in front of the source, when the tagger took content from another paragraph",
    "without-cue-modifiers": "a cue's addressee and circumstances ('told [reporters] that') are not content",
    "coordinated-clauses": "'that A, and that B': the second reported clause is content too",
    "coordinated-cues": "'X tweeted that A and suggested B': the first content ends before the second cue",
}


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


def _role_tags(context: DocContext, cues: list[list[int]], data_dir: Path, tagger: str) -> list[tuple[int, list[str]]]:
    """For each cue, the first token of the window its roles were looked for in, and the window's labels."""
    if tagger == "encoder":
        return encoder_tagger(data_dir).tag(context, cues)
    role_tagger = _taggers(data_dir)[1]
    tagged = []
    for cue in cues:
        start, end = role_window(context, cue)
        tagged.append((start, role_tagger.tag(role_sequence(context, cue, start, end))))
    return tagged


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


def find_spans(doc: Doc, data_dir: Path = DATA_DIR, context: DocContext | None = None,
               without: frozenset[str] = frozenset(),
               tagger: str = DEFAULT_SETTINGS.attribution_tagger) -> list[SpanAttribution]:
    """The tagged attributions of one parsed document, mended by every repair of `SPAN_REPAIRS` that is
    not named in `without`; `tagger` (the `attribution_tagger` setting) says what finds each cue's roles."""
    cue_tagger = _taggers(data_dir)[0]
    context = context or doc_context(doc)
    cues = []
    for sentence in context.sentences:
        for run in _runs(cue_tagger.tag(cue_sequence(context, sentence)), sentence.start, "CUE"):
            cues += [run] if "comma-split-cues" in without else _split_at_commas(doc, run)
    if "missed-speech" not in without:
        tagged = {i for cue in cues for i in cue}
        cues += [_with_auxiliaries(token) for token in _missed_speech(doc, context) if token.i not in tagged]
    found = []
    if "signed-quotations" not in without:
        found = _signed_quotations(doc, context)  # their roles are known: the tagger's reading is not needed
        dashes = {signed.cue[0][0] for signed in found}
        cues = [cue for cue in cues if not dashes.intersection(cue)]
    cues.sort()
    for cue, (start, tags) in zip(cues, _role_tags(context, cues, data_dir, tagger)):
        source, content = _runs(tags, start, "SRC"), _runs(tags, start, "CON")
        if not content and "adjacent-quotation" not in without:
            content = _adjacent_quotation(context.quote_of, cue)
        elif content and "whole-quotation" not in without:
            content = _whole_quotation(context.quote_of, cue, content)
        if not content and source and "complement-content" not in without:
            content = _complement(doc, cue)
        if "possessor-in-source" not in without:
            source, content = _with_possessor(doc, source, content)
        if "fronted-content" not in without:
            content = _fronted_content(doc, context, cue, source, content)
        if "without-cue-modifiers" not in without:
            content = _without_cue_modifiers(doc, cue, content)
        if "coordinated-clauses" not in without:
            content = _with_coordinated_clauses(doc, context, content)
        found.append(SpanAttribution([cue], source, content))
    found.sort(key=lambda attribution: attribution.cue[0][0])
    return found if "coordinated-cues" in without else _without_coordinated_cues(doc, found)


def _without_coordinated_cues(doc: Doc, found: list[SpanAttribution]) -> list[SpanAttribution]:
    """"X tweeted that A and suggested B": the second cue has its own attribution, so the first one's
    content ends before "and suggested"."""
    cue_tokens = {attribution.cue[0][-1] for attribution in found}
    for attribution in found:
        head = doc[attribution.cue[0][-1]]
        later = [child for child in head.children if child.dep_ == "conj" and child.i in cue_tokens]
        if not later or not attribution.content:
            continue
        cut = min([later[0].i, *(child.i for child in head.children
                                 if child.dep_ == "cc" and head.i < child.i < later[0].i)])
        while cut > 0 and doc[cut - 1].is_punct and doc[cut - 1].text in ",;":
            cut -= 1
        content = [[i for i in run if i < cut] for run in attribution.content]
        attribution.content = [run for run in content if run] or attribution.content
    return found


def _signed_quotations(doc: Doc, context: DocContext) -> list[SpanAttribution]:
    """"“…” ― Jane Doe" and embedded posts ("… — Jane Doe (@handle) July 5"): the dash is the cue, the
    name the source, the quotation (or, for a post, its line) the content."""
    text = doc.text
    quote_ends = {end: start for start, end in context.quotes}
    found = []
    for match in P.SIGNATURE.finditer(text):
        dash_start = match.start("dash")
        quoted_end = match.start()
        while quoted_end > 0 and text[quoted_end - 1].isspace():
            quoted_end -= 1
        line_start = text.rfind("\n", 0, dash_start) + 1
        if quoted_end in quote_ends:
            content = (quote_ends[quoted_end], quoted_end)
        elif match["handle"] and quoted_end > line_start:
            content = (line_start, quoted_end)
        else:
            continue
        roles = [token_range(doc, *span) for span in
                 ((dash_start, dash_start + 1), (match.start("name"), match.end("name")), content)]
        if all(roles):
            found.append(SpanAttribution(*([run] for run in roles)))
    return found


def _with_possessor(doc: Doc, source: list[list[int]], content: list[list[int]]):
    """"[X]’s army said": a source never starts at a possessive ending; its possessor belongs to it
    (and to no content)."""
    fixed = []
    for run in source:
        first = doc[run[0]]
        if first.tag_ == "POS" and run[0] > 0:
            owner = doc[run[0] - 1]
            start = min(t.i for t in owner.subtree) if owner.i < run[0] else run[0]
            run = list(range(start, run[0])) + run
        fixed.append(run)
    taken = {i for run in fixed for i in run}
    content = [kept for kept in ([i for i in run if i not in taken] for run in content) if kept]
    return fixed, content


def _fronted_content(doc: Doc, context: DocContext, cue: list[int], source: list[list[int]],
                     content: list[list[int]]) -> list[list[int]]:
    """"A, the X, which runs Y, said on Thursday.": when the tagger reached into another paragraph for
    the content, the content is the clause in front of the source."""
    sentence = context.sentence_at(cue[0])
    if not content or not source or any(sentence.start <= i < sentence.end for run in content for i in run):
        return content
    if (PARAGRAPH_SEPARATOR not in doc[cue[0]:content[0][0]].text
            and PARAGRAPH_SEPARATOR not in doc[content[-1][-1]:cue[0]].text):
        return content
    first = source[0][0]
    fronted = [i for i in range(sentence.start, first) if not doc[i].is_space]
    while fronted and doc[fronted[-1]].is_punct:
        fronted.pop()
    return [fronted] if len(fronted) >= 3 and first < cue[0] else content


def _with_coordinated_clauses(doc: Doc, context: DocContext, content: list[list[int]]) -> list[list[int]]:
    """'insisted that A, and that B': the second reported clause is content too."""
    if not content:
        return content
    last = content[-1][-1]
    sentence = context.sentence_at(last)
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


def _whole_quotation(quote_of: list[int], cue: list[int], content: list[list[int]]) -> list[list[int]]:
    """'“A. B. C,” the statement reads': the role tagger reads the cue's sentence and so took C alone; what the
    cue reports is the whole quotation beside it."""
    beside = _adjacent_quotation(quote_of, cue)
    return beside if beside and {i for run in content for i in run} < set(beside[0]) else content


def _complement(doc: Doc, cue: list[int]) -> list[list[int]]:
    """The clause the cue verb reports, as the parse has it (its clausal complement), without the punctuation
    at its edges: "At least 9 people were killed, the ministry said." → "At least 9 people were killed"."""
    verb = _cue_verb(doc, cue)
    clause = next((child for child in verb.children if child.dep_ == "ccomp" or _gerund_complement(child)), None)
    if clause is not None:
        run = [t.i for t in clause.subtree]
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i:  # "A hit B, the ministry said": the parse's other way
        inside = {t.i for t in verb.subtree}
        run = [t.i for t in verb.head.subtree if t.i not in inside and t.i < verb.i]
    else:
        return []
    while run and (doc[run[0]].is_punct or doc[run[0]].is_space):
        run.pop(0)
    while run and (doc[run[-1]].is_punct or doc[run[-1]].is_space):
        run.pop()
    return [run] if len(run) >= 3 else []


def _cue_verb(doc: Doc, cue: list[int]):
    """The verb a cue phrase is built on: "said on Facebook" → said, "is quoted as saying" → quoted."""
    heads = [doc[i] for i in cue if not cue[0] <= doc[i].head.i <= cue[-1] or doc[i].head.i == i]
    return next((t for t in heads if t.tag_.startswith("VB")), heads[0] if heads else doc[cue[-1]])


def _gerund_complement(child) -> bool:
    """"denied carrying out the strike", "admitted killing them": a gerund the verb takes as its object."""
    return child.dep_ == "xcomp" and child.tag_ == "VBG"


def _split_at_commas(doc: Doc, run: list[int]) -> list[list[int]]:
    """'tweeted, saying' is two cues: a cue phrase never runs over a comma."""
    pieces: list[list[int]] = [[]]
    for i in run:
        if doc[i].text == ",":
            pieces.append([])
        else:
            pieces[-1].append(i)
    return [piece for piece in pieces if piece]


def _missed_speech(doc: Doc, context: DocContext):
    """Speech verbs the tagger passed over: a denial with a subject and an object or clause; one with a
    subject right next to a quotation; or, inside a quotation ("They asked us to convey: …"), one whose
    subject is someone else and which reports a clause (not a subordinate one: "as he says")."""
    quote_of = context.quote_of
    for token in doc:
        if context.lowers[token.i] not in SPEECH_OR_DENIAL or not context.tags[token.i].startswith("VB"):
            continue
        deps = {child.dep_ for child in token.children}
        if not deps & SUBJECT_DEPS:
            continue
        if context.lowers[token.i] in P.DENIAL_CUES:  # a denial is what disputes are made of: never left out
            if deps & {"dobj", "ccomp"} or any(_gerund_complement(child) for child in token.children):
                yield token
            continue
        if quote_of[token.i] >= 0:
            if deps & {"ccomp", "xcomp"} and "mark" not in deps and not _spoken_to_or_by_the_speaker(token):
                yield token
            continue
        sentence = context.sentence_at(token.i)
        if any(quote_of[i] >= 0 for i in range(max(sentence.start, token.i - 6), min(sentence.end, token.i + 6))):
            yield token
        elif context.lowers[token.i] in P.PLAIN_SPEECH and ("ccomp" in deps or (
                token.dep_ == "parataxis" and token.head.i < token.i)):
            yield token  # "A hit B on Tuesday, killing five, the ministry said, blaming C": the tagger took "blaming"


def _with_auxiliaries(verb) -> list[int]:
    """A verb cue with the auxiliaries and negation right in front of it: "had dismissed", "did not say"."""
    start = verb.i
    helpers = {child.i for child in verb.children if child.dep_ in ("aux", "auxpass", "neg")}
    while start - 1 in helpers:
        start -= 1
    return list(range(start, verb.i + 1))


def _spoken_to_or_by_the_speaker(verb) -> bool:
    """"I'll tell you…", "you say that…": inside a quotation, the quoted speaker's own way of talking,
    not speech they report."""
    return any(child.dep_ in SUBJECT_DEPS and child.lower_ in P.FIRST_AND_SECOND_PERSON
               for child in verb.children)


def char_span(doc: Doc, run: list[int]) -> CharSpan:
    return doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])


def as_gold_shape(doc: Doc, attributions: list[SpanAttribution]) -> list[dict]:
    """Attributions in the annotated corpora's shape: roles as lists of {start, end}."""
    def spans(runs: list[list[int]]) -> list[dict]:
        return [dict(zip(("start", "end"), char_span(doc, run))) for run in runs]

    return [{"source": spans(a.source), "cue": spans(a.cue), "content": spans(a.content)} for a in attributions]
