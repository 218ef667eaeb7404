"""Claims: what the articles put forward, grouped across articles, with their independent origins.

Every attribution's content and every sentence an article says in its own voice is an assertion. A
denial ("X denied that…", "it is false that…") is two: the denier's stance, and the proposition it
denies, which may be the only trace of someone else's claim. Assertions join into one claim when
they share enough of their content words (stems, numbers aside); a denial never joins what it
denies. Within a claim, assertions that give different figures for the same count ("23 killed",
"seven killed") become claims of their own under it: the sources agree on the event and disagree on
the figure.

Independent origins: assertions count once per upstream source. The same speaker (merged entity),
the same outermost reporter in a chain (`via`), the same wire credit, or a reused passage joins
two assertions into one origin: five outlets reprinting one agency report are one origin.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from rapidfuzz import fuzz

from sitrep.attribution.lexicon import DENIAL_CUES
from sitrep.events.figures import NUMBER_WORDS, figures
from sitrep.groups import Groups
from sitrep.records import Assertion, Attribution, Claim, Document, Reuse, Span
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story import patterns as P
from sitrep.text import STOPWORDS, sentence_around, sentence_spans, stem

# What an assertion can say happened or did not: +1 it did, -1 it did not.
FRAMES = {"control": P.CONTROL_CHANGE, "attack": P.ATTACK, "target": P.MILITARY_TARGET}
CLAUSE_BREAK = re.compile(r"[,;:—]|\bbut\b|\band\b")
WORD = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*")


def assertions(documents: list[Document], attributions: list[Attribution],
               statements: dict[str, list[Span]]) -> list[Assertion]:
    texts = {d.id: d.text for d in documents}
    sentences: dict[str, list[tuple[int, int]]] = {}  # document → its sentence spans, split once
    found = []
    seen: set[tuple[str, int, int]] = set()
    for a in attributions:
        if (a.document, a.start, a.end) in seen:
            continue  # two cues the tagger gave one content: one assertion, by the first speaker
        seen.add((a.document, a.start, a.end))
        text = texts[a.document]
        if a.document not in sentences:
            sentences[a.document] = sentence_spans(text)
        sentence = sentence_around(text, a.start, a.end, sentences[a.document])
        common = {"document": a.document, "sentence": sentence, "speaker": a.speaker,
                  "speaker_entity": a.speaker_entity, "via": list(a.via), "attribution": a.id}
        denied = _denied_part(a)
        if denied is None:
            found.append(Assertion(start=a.start, end=a.end, text=a.content, **common))
            continue
        found.append(Assertion(start=a.start, end=a.end, text=a.content, kind="denial", **common))
        start, end = denied
        if P.DENIED_REFERENCE.match(text[start:end]):
            continue  # "dismissed the claim": what is denied is said before; `disputes` finds it
        found.append(Assertion(document=a.document, start=start, end=end, text=text[start:end], sentence=sentence,
                               speaker=None, speaker_entity=None, via=[], attribution=a.id, kind="denied"))
    for document, spans in statements.items():
        text = texts.get(document)
        for span in spans if text is not None else ():
            found.append(Assertion(document=document, start=span.start, end=span.end, text=text[span.start:span.end],
                                   sentence=text[span.start:span.end], speaker=None, speaker_entity=None, via=[],
                                   attribution=None, kind="narration"))
    return found


def _denied_part(a: Attribution) -> tuple[int, int] | None:
    """Where in a denial's content the denied proposition lies; None when the attribution denies nothing."""
    cue_words = {w.lower() for w in WORD.findall(a.cue)}
    for frame in P.DENIAL_FRAMES:
        match = frame.search(a.content)
        if match:
            if "rest" in frame.groupindex:
                return a.start + match.start("rest"), a.start + match.end("rest")
            return a.start + match.end(), a.end
    if cue_words & DENIAL_CUES:
        lead = P.DENIED_OBJECT.match(a.content)
        return (a.start + (lead.end() if lead and lead.end() < len(a.content) - 10 else 0)), a.end
    return None


def stems(text: str) -> set[str]:
    """Content words, crudely stemmed, numbers left out (figures are compared apart)."""
    found = set()
    for word in WORD.findall(text.lower()):
        word = re.sub(r"[’']s$", "", word)
        if word in STOPWORDS or len(word) < 3 or word[0].isdigit() or word in NUMBER_WORDS:
            continue
        found.add(stem(word))
    return found


def member_stances(member: Assertion, settings: Settings = DEFAULT_SETTINGS) -> dict[str, int]:
    text = member.text
    if P.HYPOTHETICAL.match(text):
        return {}
    flip = 1
    if member.kind == "denial":
        flip = -1
        for frame in P.DENIAL_FRAMES:
            match = frame.search(text)
            if match:
                text = match.group("rest") if "rest" in frame.groupindex else text[match.end():]
                break
    found: dict[str, int] = {}
    if P.CONTROL_HOLD.search(text):
        found["control"] = -flip
    for frame, pattern in FRAMES.items():
        match = pattern.search(text)
        if frame == "target" and not P.STRIKE.search(member.sentence):
            continue  # "fighters" say what a strike hit only in a sentence about a strike
        if match and frame not in found:
            before = _clause_before(text, match.start(), settings)
            if P.UNKNOWING.search(before):
                continue  # "had no information about the attack": not knowing is no stance on it
            negated = P.NEGATION.search(before)
            found[frame] = (-1 if negated else 1) * flip
    return found


def _clause_before(text: str, end: int, settings: Settings) -> str:
    """The words of the same clause before `end` ("the Taliban have not made a single attempt to enter")."""
    window = text[max(0, end - settings.negation_reach):end]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(window)]
    return window[breaks[-1]:] if breaks else window


def group_claims(found: list[Assertion], documents: list[Document], reuse: list[Reuse],
                 settings: Settings = DEFAULT_SETTINGS) -> list[Claim]:
    stances = [member_stances(a, settings) for a in found]

    def joinable(i: int, j: int) -> bool:
        return _joinable(found[i], found[j], stances[i], stances[j])

    groups = Groups(len(found))
    _join_alike(found, groups, joinable, settings)
    _join_denials_with_their_reasons(found, groups)
    _join_counts(found, groups, joinable, settings)
    credits = {d.id: d.credits for d in documents}
    reused: dict[tuple[str, str], list[Reuse]] = defaultdict(list)
    for r in reuse:
        reused[(r.origin, r.copy)].append(r)
    claims = []
    for members in groups.sets():
        claims += _claims_of([found[i] for i in members], credits, reused, settings)
    return claims


def _join_alike(found: list[Assertion], groups: Groups, joinable, settings: Settings) -> None:
    """Each assertion joins the claim whose first assertion it resembles most, if enough: comparing with
    the first one, not with any member, keeps a chain of loose resemblances from joining everything.
    Words that many assertions of the story use (its main actors and places) say nothing about which
    claim a sentence makes, and are left out."""
    words = [stems(a.text) for a in found]
    common = _common_words(words, [a.document for a in found], settings)
    distinctive = [w - common for w in words]
    leaders: dict[str, list[int]] = defaultdict(list)  # word → claims (by first assertion) that use it
    for i, stemmed in enumerate(distinctive):
        shared: dict[int, int] = defaultdict(int)
        for w in stemmed:
            for leader in leaders[w]:
                shared[leader] += 1
        best, best_score = None, 0.0
        for leader, count in sorted(shared.items()):  # on a tie the earliest claim, whatever the hash seed
            other = distinctive[leader]
            score = count / min(len(stemmed), len(other))
            if (count >= settings.claim_min_shared_words and score >= settings.claim_min_similarity
                    and count / len(stemmed | other) >= settings.claim_min_jaccard
                    and score > best_score and joinable(i, leader)):
                best, best_score = leader, score
        if best is None:
            for w in stemmed:
                leaders[w].append(i)
        else:
            groups.union(best, i)


def _common_words(words: list[set[str]], documents: list[str], settings: Settings) -> set[str]:
    """Words in too many assertions to find candidates by: in more than a share of the assertions of the
    articles that use them (so that an unrelated story in the same store changes nothing), or more than
    a cap. Without the cap the cost grows with the square of the corpus: a story's main places and actors
    recur in a share of all its sentences."""
    counts: dict[str, int] = defaultdict(int)
    carriers: dict[str, set[str]] = defaultdict(set)
    per_document: dict[str, int] = defaultdict(int)
    for stemmed, document in zip(words, documents, strict=True):
        per_document[document] += 1
        for w in stemmed:
            counts[w] += 1
            carriers[w].add(document)
    common = set()
    for w, n in counts.items():
        among = sum(per_document[d] for d in carriers[w])
        limit = max(settings.claim_common_word_min_count,
                    min(settings.claim_max_word_share * among, settings.claim_max_word_postings))
        if n > limit:
            common.add(w)
    return common


def _join_counts(found: list[Assertion], groups: Groups, joinable, settings: Settings) -> None:
    """Assertions that count the same thing (the dead of one strike: the same kind of figure, in
    sentences that share enough words) are one claim, whatever figures they give."""
    counted = {i: set(figures(a.text)) for i, a in enumerate(found)}
    counted = {i: kinds for i, kinds in counted.items() if kinds}
    sentences = {i: stems(found[i].sentence) for i in counted}
    common = _common_words(list(sentences.values()), [found[i].document for i in sentences], settings)
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in sentences.items():
        shared: dict[int, int] = defaultdict(int)
        for w in words - common:
            for j in index[w]:
                shared[j] += 1
            index[w].append(i)
        for j, count in shared.items():
            if count >= settings.count_min_shared_words and counted[i] & counted[j] and joinable(j, i):
                groups.union(j, i)


def _join_denials_with_their_reasons(found: list[Assertion], groups: Groups) -> None:
    """"X dismissed the claim, saying Y": Y is part of X's denial."""
    said: dict[tuple, list[int]] = defaultdict(list)
    for j, other in enumerate(found):
        if other.kind == "attributed":
            said[(other.document, other.sentence, other.speaker)].append(j)
    for i, denial in enumerate(found):
        if denial.kind == "denial":
            for j in said.get((denial.document, denial.sentence, denial.speaker), ()):
                groups.union(i, j)


def _joinable(a: Assertion, b: Assertion, stances_a: dict[str, int], stances_b: dict[str, int]) -> bool:
    """A denial and what it denies, assertions that say opposite things, or one article's narration and
    its own attributions, stay apart."""
    if (a.kind == "denial") != (b.kind == "denial"):
        return False
    if a.attribution is not None and a.attribution == b.attribution:
        return False
    if any(stances_b.get(frame, stance) != stance for frame, stance in stances_a.items()):
        return False  # "has not fallen" and "captured" share their words, not their claim
    return not (a.document == b.document and "narration" in (a.kind, b.kind))


Reused = dict[tuple[str, str], list[Reuse]]  # reuse links by (origin, copy)


def _claims_of(members: list[Assertion], credits: dict[str, list[str]], reuse: Reused,
               settings: Settings) -> list[Claim]:
    """The claim of a group of assertions, and one claim under it for each figure they disagree on."""
    members.sort(key=lambda m: (m.document, m.start))
    claim = _claim(members, credits, reuse, settings)
    by_figure: dict[tuple[str, int], list[Assertion]] = defaultdict(list)
    for member in members:
        for kind, value in figures(member.text).items():
            by_figure[(kind, value)].append(member)
    kinds = [kind for kind, _ in by_figure]
    children = [_claim(group, credits, reuse, settings, parent=claim.id, figure=f"{kind}={value}")
                for (kind, value), group in sorted(by_figure.items()) if kinds.count(kind) > 1]
    return [claim, *children]


def _claim(members: list[Assertion], credits: dict[str, list[str]], reuse: Reused, settings: Settings,
           parent: str | None = None, figure: str = "") -> Claim:
    """A claim's id comes from its members, and for a child claim from its parent and its figure too: one
    sentence giving two figures ("30 killed and 100 injured") is in two children of one claim."""
    key = "|".join([f"{m.document}:{m.start}:{m.end}:{m.kind}" for m in members] + ([parent, figure] if parent else []))
    origins = independent_origins(members, credits, reuse, settings)
    spokesman = next((m for m in members if m.kind in ("attributed", "denial")), members[0])
    return Claim(id="C" + hashlib.sha1(key.encode()).hexdigest()[:12], text=spokesman.text, members=members,
                 independent_origins=len(origins), origins=origins, parent=parent)


def independent_origins(members: list[Assertion], credits: dict[str, list[str]], reuse: Reused,
                        settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """One name for each upstream source the members rest on."""
    groups = Groups(len(members))
    first_with: dict[str, int] = {}
    for i, member in enumerate(members):
        for key in _upstream_keys(member, credits):
            if key in first_with:
                groups.union(first_with[key], i)
            else:
                first_with[key] = i
    for i, a in enumerate(members):
        for j, b in enumerate(members[i + 1:], start=i + 1):
            if a.document != b.document and (
                    any(_in_reused(a, b, r) for r in reuse.get((a.document, b.document), ()))
                    or any(_in_reused(b, a, r) for r in reuse.get((b.document, a.document), ()))) and (
                    fuzz.partial_ratio(a.text, b.text) >= settings.reuse_min_similarity * 100):
                groups.union(i, j)  # the same passage of a copy, not two speakers a copied passage quotes
    return sorted(_origin_name(members[ids[0]], credits) for ids in groups.sets())


def _upstream_keys(member: Assertion, credits: dict[str, list[str]]) -> list[str]:
    keys = []
    if member.speaker_entity:
        keys.append("entity:" + member.speaker_entity)
    elif member.speaker:
        keys.append("speaker:" + member.document + ":" + member.speaker.lower())
    if member.via:
        keys.append("via:" + member.via[0].lower().removeprefix("the "))
    if not keys:  # the article's own voice rests on the wire it credits, if any
        keys += ["wire:" + credit for credit in credits.get(member.document, [])] or ["document:" + member.document]
    return keys


def _in_reused(a: Assertion, b: Assertion, r: Reuse) -> bool:
    return (r.origin == a.document and r.copy == b.document and a.start < r.origin_end and r.origin_start < a.end
            and b.start < r.copy_end and r.copy_start < b.end)


def _origin_name(member: Assertion, credits: dict[str, list[str]]) -> str:
    if member.via:
        return member.via[0]
    if member.speaker:
        return member.speaker
    wires = credits.get(member.document)
    return wires[0] if wires else f"the article {member.document}"
