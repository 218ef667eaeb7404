"""Text reuse: passages of one article that copy or rewrite passages of another.

Sentences are shingled into word bigrams of their normalised text (quote styles, punctuation and case
do not matter; a respelt word breaks two bigrams, a moved clause few) and indexed with MinHash LSH:
only sentences from different documents that fall in the same band are compared, so the cost grows
about linearly with the corpus (character shingles, tried first, made unrelated sentences share too
many bands as the corpus grew). A candidate pair is kept when the two sentences are similar as strings or
as word sets (a clause moved to the front); runs of matching sentences become one passage. Two articles
that share nothing but short lone sentences share a stock line, not a text.

The origin is the earlier publication; with no dates to compare, the side that credits a wire
agency (wire copy is upstream), then the side whose passage holds the other's; otherwise the link is
undirected.
"""

from __future__ import annotations

import gc
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from sitrep.records import Document, Reuse
from sitrep.settings import DEFAULT_SETTINGS, FIXED, Settings
from sitrep.text import QUOTE_FOLDING, sentence_spans


@dataclass(frozen=True)
class _Sentence:
    document: int
    number: int
    start: int
    end: int
    normal: str


def _normal(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(QUOTE_FOLDING).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", folded)).strip()


def _minhashes(normals: Iterable[str]) -> Iterator[MinHash]:
    """MinHash signatures of the word-bigram shingles; crc32 is plenty for shingles and far faster than
    the default sha1, and one set of permutations serves every signature."""
    template = MinHash(num_perm=FIXED.reuse_permutations, seed=FIXED.reuse_seed)
    shingle = FIXED.reuse_shingle_words
    for normal in normals:
        signature = MinHash(num_perm=FIXED.reuse_permutations, seed=FIXED.reuse_seed, hashfunc=zlib.crc32,
                            permutations=template.permutations, scheme=template.scheme)
        words = normal.split()
        shingles = range(max(1, len(words) - shingle + 1))
        signature.update_batch([" ".join(words[i:i + shingle]).encode() for i in shingles])
        yield signature


def find_reuse(documents: list[Document], settings: Settings = DEFAULT_SETTINGS) -> list[Reuse]:
    # The index holds millions of small objects and none of them cycles: the cyclic garbage collector
    # would only rescan them again and again as they pile up, making the cost grow faster than linearly.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _find_reuse(documents, settings)
    finally:
        if collecting:
            gc.enable()


def _find_reuse(documents: list[Document], settings: Settings) -> list[Reuse]:
    units: list[_Sentence] = []
    for d, document in enumerate(documents):
        for n, (start, end) in enumerate(sentence_spans(document.text)):
            normal = _normal(document.text[start:end])
            if len(normal.split()) >= settings.reuse_min_words:
                units.append(_Sentence(d, n, start, end, normal))
    lsh = MinHashLSH(threshold=settings.reuse_lsh_threshold, num_perm=FIXED.reuse_permutations)
    matches: dict[tuple[int, int], list[tuple[_Sentence, _Sentence, float]]] = defaultdict(list)
    # Query before inserting: every pair is met once, when its later sentence arrives, and no
    # signature has to be kept after its own turn.
    for key, (unit, signature) in enumerate(zip(units, _minhashes(unit.normal for unit in units))):
        for earlier_key in lsh.query(signature):
            earlier = units[earlier_key]
            if earlier.document == unit.document:
                continue
            similarity = _similarity(earlier.normal, unit.normal, settings)
            if similarity:
                matches[(earlier.document, unit.document)].append((earlier, unit, similarity))
        lsh.insert(key, signature)
    found = []
    for (a, b), pairs in sorted(matches.items()):
        passages = _passages(sorted(pairs, key=lambda p: (p[0].number, p[1].number)))
        if all(len(p) == 1 and len(p[0][0].normal.split()) < settings.reuse_lone_sentence_min_words
               for p in passages):
            continue  # only a stock line in common ("X could not independently verify the reports")
        for passage in passages:
            found.append(_directed(documents[a], documents[b], passage))
    return found


def _similarity(a: str, b: str, settings: Settings) -> float:
    """Similarity on a 0–1 scale when the two sentences are one text (0 otherwise): alike as strings;
    alike as sorted words, for clauses moved around; or the shorter one's word trigrams found in the
    longer, for a sentence quoted inside a longer one. Two sentences that merely state the same
    background fact in their own words pass none of these."""
    as_string = fuzz.ratio(a, b) / 100
    as_words = fuzz.token_sort_ratio(a, b) / 100
    contained = _trigram_containment(a, b)
    if (as_string >= settings.reuse_min_similarity or as_words >= settings.reuse_min_word_similarity
            or contained >= settings.reuse_min_containment):
        return max(as_string, as_words, contained)
    return 0.0


def _trigram_containment(a: str, b: str) -> float:
    shorter, longer = sorted((a.split(), b.split()), key=len)
    grams = {tuple(shorter[i:i + 3]) for i in range(len(shorter) - 2)}
    if not grams:
        return 0.0
    return len(grams & {tuple(longer[i:i + 3]) for i in range(len(longer) - 2)}) / len(grams)


def _passages(pairs: list[tuple[_Sentence, _Sentence, float]]) -> list[list[tuple[_Sentence, _Sentence, float]]]:
    """Runs of matched sentences that follow each other on both sides."""
    runs: list[list[tuple[_Sentence, _Sentence, float]]] = []
    for pair in pairs:
        if runs and pair[0].number == runs[-1][-1][0].number + 1 and pair[1].number == runs[-1][-1][1].number + 1:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def _directed(a: Document, b: Document, passage: list[tuple[_Sentence, _Sentence, float]]) -> Reuse:
    a_span = (passage[0][0].start, passage[-1][0].end)
    b_span = (passage[0][1].start, passage[-1][1].end)
    similarity = round(sum(p[2] for p in passage) / len(passage), 3)
    order = _origin_first(a, b, a_span, b_span)
    if order is None:
        order, directed = True, False
    else:
        directed = True
    (origin, o_span), (copy, c_span) = ((a, a_span), (b, b_span)) if order else ((b, b_span), (a, a_span))
    return Reuse(origin.id, copy.id, o_span[0], o_span[1], c_span[0], c_span[1], similarity, directed)


def _origin_first(a: Document, b: Document, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool | None:
    """True when `a` is the origin, False when `b` is, None when it cannot be known."""
    if a.published and b.published and a.published != b.published:
        return a.published < b.published
    if bool(a.credits) != bool(b.credits):
        return bool(a.credits)
    a_len, b_len = a_span[1] - a_span[0], b_span[1] - b_span[0]
    if abs(a_len - b_len) > 0.2 * max(a_len, b_len):
        return a_len > b_len  # the fuller passage is where the shorter one was cut from
    return None
