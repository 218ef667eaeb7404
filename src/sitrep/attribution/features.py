"""Token features for the two attribution taggers (CRFs over spaCy parses).

The cue tagger labels reporting words and phrases in a sentence (B-CUE / I-CUE / O). The role
tagger then looks at one cue at a time, over a window of sentences around it, and labels its
source and content (B-SRC, I-SRC, B-CON, I-CON, O). Both read the same per-token features; the role
tagger adds where each token stands relative to the cue: before or after it, how far, in which of
the cue's dependency subtrees, inside a quotation or not.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LENGTH, LOWER, SENT_START, TAG
from spacy.tokens import Doc, Span, Token

from sitrep.attribution.lexicon import CUE_LEXICON
from sitrep.attribution.quotes import quotation_spans
from sitrep.settings import FIXED
from sitrep.text import SUBJECT_DEPS, stem


@dataclass
class DocContext:
    """What every feature function needs about one document, computed once."""

    doc: Doc
    sentences: list[Span]
    sentence_of: list[int]  # token index → sentence index
    quotes: list[tuple[int, int]]  # character spans of the quotations
    quote_of: list[int]  # token index → quotation index, or -1 outside quotes
    base: list[list[str]]  # token index → its context-free features
    lowers: list[str]
    tags: list[str]
    # token index → its features plus its neighbours' across the whole document (a sequence's first
    # and last two tokens are mended to see its edges)
    with_neighbours: list[list[str]]

    def sentence_at(self, i: int) -> Span:
        """The sentence of token `i` (spaCy's `token.sent` searches for it every time)."""
        return self.sentences[self.sentence_of[i]]


def doc_context(doc: Doc) -> DocContext:
    # Read from the document's arrays: spaCy makes a new Token object on every access, which made this
    # the slowest step of the taggers.
    strings = doc.vocab.strings
    array = doc.to_array([IDX, LENGTH, LOWER, TAG, SENT_START])
    starts = array[:, 0].tolist()
    ends = [start + length for start, length in zip(starts, array[:, 1].tolist())]
    sentence_starts = [i for i, value in enumerate(array[:, 4].astype("int64").tolist()) if i == 0 or value == 1]
    sentence_ends = sentence_starts[1:] + [len(doc)]
    sentences = [doc[start:end] for start, end in zip(sentence_starts, sentence_ends)]
    sentence_of = [number for number, (start, end) in enumerate(zip(sentence_starts, sentence_ends))
                   for _ in range(start, end)]
    text = doc.text  # spaCy joins the tokens again on every access
    quotes = quotation_spans(text)
    quote_of = [-1] * len(doc)
    for number, (start, end) in enumerate(quotes):
        for i in range(max(bisect_right(starts, start) - 1, 0), len(doc)):
            if starts[i] >= end:
                break
            if ends[i] > start:
                quote_of[i] = number
    lowers = [strings[value] for value in array[:, 2].tolist()]
    tags = [strings[value] for value in array[:, 3].tolist()]
    context = DocContext(doc, sentences, sentence_of, quotes, quote_of, [], lowers, tags, [])
    context.base = _token_features(doc, context, [text[start:end] for start, end in zip(starts, ends)])
    context.with_neighbours = [context.base[i] + _neighbours(context, i, 0, len(doc)) for i in range(len(doc))]
    return context


def _shape(text: str) -> str:
    if text.istitle():
        return "Xx"
    if text.isupper():
        return "XX"
    if text.islower():
        return "xx"
    return "other" if text.isalpha() else "sym"


_CUE_STEMS = frozenset(stem(word) for word in CUE_LEXICON)


def _token_features(doc: Doc, context: DocContext, texts: list[str]) -> list[list[str]]:
    """Every token's context-free features."""
    strings = doc.vocab.strings
    array = doc.to_array([DEP, HEAD, ENT_IOB, ENT_TYPE])  # unsigned: HEAD's offsets wrap
    deps = [strings[value] for value in array[:, 0].tolist()]
    heads = [i + offset for i, offset in enumerate(array[:, 1].astype("int64").tolist())]
    ent_types = [strings[value] for value in array[:, 3].tolist()]
    ents = [_IOB[iob] + kind for iob, kind in zip(array[:, 2].tolist(), ent_types)]
    lowers, tags, sentence_of = context.lowers, context.tags, context.sentence_of
    children: list[list[int]] = [[] for _ in heads]
    for i, head in enumerate(heads):
        if head != i and deps[i] != "punct":
            children[head].append(i)
    all_features = []
    for i, (lower, tag, dep, head) in enumerate(zip(lowers, tags, deps, heads)):
        features = _word_features(lower, tag, _shape(texts[i])) + [
            f"dep={dep}", f"head.w={lowers[head]}", f"head.tag={tags[head]}", f"dep+head={dep}>{tags[head]}",
            f"ent={ents[i]}", f"quoted={context.quote_of[i] >= 0}", f"head.lex={stem(lowers[head]) in _CUE_STEMS}",
        ]
        features += [f"child={child_dep}" for child_dep in sorted({deps[child] for child in children[i]})]
        features += [f"subj={ent_types[child] or tags[child]}" for child in children[i]
                     if deps[child] in SUBJECT_DEPS]
        if i == 0 or sentence_of[i] != sentence_of[i - 1]:
            features.append("sent_start")
        all_features.append(features)
    return all_features


@lru_cache(maxsize=65536)
def _word_features(lower: str, tag: str, shape: str) -> list[str]:
    listed = stem(lower) in _CUE_STEMS
    return [f"w={lower}", f"suf={lower[-3:]}", f"tag={tag}", f"shape={shape}", f"stem={stem(lower)}",
            f"lex={listed}", f"lex+tag={listed}+{tag[:2]}"]


# ENT_IOB's values as spaCy's `ent_iob_` spells them
_IOB = {0: "", 1: "I", 2: "O", 3: "B"}


def _neighbours(context: DocContext, i: int, lo: int, hi: int) -> list[str]:
    features = []
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if lo <= j < hi:
            features += [f"{offset}:w={context.lowers[j]}", f"{offset}:tag={context.tags[j]}"]
        else:
            features.append(f"{offset}:edge")
    return features


def _sequence(context: DocContext, start: int, end: int) -> list[list[str]]:
    """Every token's features from `start` to `end`, its neighbours looked for inside that range."""
    sequence = context.with_neighbours[start:end]
    for i in {start, start + 1, end - 2, end - 1}:
        if start <= i < end:
            sequence[i - start] = context.base[i] + _neighbours(context, i, start, end)
    return sequence


def cue_sequence(context: DocContext, sentence: Span) -> list[list[str]]:
    return _sequence(context, sentence.start, sentence.end)


def role_window(context: DocContext, cue: list[int]) -> tuple[int, int]:
    """Token range [start, end) the role tagger labels for a cue."""
    number = context.sentence_of[cue[0]]
    first = context.sentences[max(number - FIXED.role_window_before, 0)]
    last = context.sentences[min(number + FIXED.role_window_after, len(context.sentences) - 1)]
    return first.start, last.end


def _bucket(distance: int) -> str:
    for limit in (1, 2, 3, 5, 8, 13, 21, 34):
        if distance <= limit:
            return str(limit)
    return "far"


# distance → its bucket's name, for every distance up to the last bucket's limit (and "far" beyond)
_BUCKETS = [_bucket(distance) for distance in range(36)]


def role_sequence(context: DocContext, cue: list[int], start: int, end: int) -> list[list[str]]:
    doc = context.doc
    cue_set = set(cue)
    cue_head = min((doc[i] for i in cue), key=depth)
    branch_of = _branches(cue_head)
    cue_sentence = context.sentence_of[cue[0]]
    cue_quote = {context.quote_of[i] for i in cue}
    first, last = cue[0], cue[-1]
    cue_features = ["cue=" + "_".join(context.lowers[i] for i in cue), "cue.tag=" + cue_head.tag_]
    sequence = _sequence(context, start, end)
    for i in range(start, end):
        if i in cue_set:
            position, distance = "cue", 0
        elif i < first:
            position, distance = "before", first - i
        else:
            position, distance = "after", i - last
        relation = branch_of.get(i, "outside")
        quote = context.quote_of[i]
        sequence[i - start] = sequence[i - start] + [
            "pos=" + position, "dist=" + position + _BUCKETS[min(distance, len(_BUCKETS) - 1)],
            f"sent={context.sentence_of[i] - cue_sentence}", "branch=" + relation,
            "branch+pos=" + relation + "+" + position, *cue_features,
            "quote=" + ("same" if quote >= 0 and quote in cue_quote else ("yes" if quote >= 0 else "no")),
            "quote+pos=" + str(quote >= 0) + "+" + position,
        ]
    return sequence


def depth(token: Token) -> int:
    """How many arcs lie between a token and its sentence's root."""
    steps = 0
    while token.head.i != token.i:  # spaCy makes a new Token object on every access: compare indexes
        token = token.head
        steps += 1
    return steps


def _branches(cue_head: Token) -> dict[int, str]:
    """Token index → the dependency label of the cue's child whose subtree holds it; 'governor'
    for the cue's ancestors' other tokens is left out (they are 'outside')."""
    branches = {}
    for child in cue_head.children:
        for token in child.subtree:
            branches[token.i] = child.dep_
    ancestor = cue_head
    while ancestor.head.i != ancestor.i:
        ancestor = ancestor.head
        branches[ancestor.i] = "governor"
    return branches


def token_range(doc: Doc, start: int, end: int) -> list[int]:
    """Indexes of the tokens a character span touches."""
    return [token.i for token in doc if token.idx < end and token.idx + len(token) > start]


def bio(labels_by_token: dict[int, str], start: int, end: int) -> list[str]:
    tags = []
    previous = None
    for i in range(start, end):
        label = labels_by_token.get(i)
        if label is None:
            tags.append("O")
        else:
            tags.append(("I-" if previous == label else "B-") + label)
        previous = label
    return tags
