"""Speaker resolution: link an attribution's source to an entity of its document.

A source that holds a name is that name's entity ("spokesman Ali X" → Ali X; the syntactic head of the
source decides when it holds several). A pronoun or a bare role ("he", "the diplomat", "the group")
goes to the nearest compatible antecedent: the latest speaker of that kind, else the latest mention
of that kind before it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep import patterns as P
from sitrep.attribution_features import depth
from sitrep.records import Entity

PEOPLE = ("person",)
GROUPS = ("organisation", "group")


def entity_by_token(doc: Doc, mentions: dict[int, Entity]) -> dict[int, Entity]:
    """Token index → the entity of the mention it belongs to (computed once a document)."""
    by_token: dict[int, Entity] = {}
    for ent in doc.ents:
        entity = mentions.get(ent.start_char)
        if entity:
            for i in range(ent.start, ent.end):
                by_token[i] = entity
    return by_token


def resolve(doc: Doc, source: list[list[int]], mentions: dict[int, Entity], by_token: dict[int, Entity],
            previous_speakers: list[Entity]) -> tuple[str | None, Entity | None]:
    """(speaker text, entity or None) for the source token runs of one attribution."""
    tokens = [doc[i] for run in source for i in run]
    if not tokens:
        return None, None
    text = " ".join(doc[run[0]:run[-1] + 1].text for run in source)
    named = _named_entity(tokens, by_token)
    if named:
        return named.name, named
    head = min(tokens, key=depth)
    pronoun = head.lower_ in P.PERSON_PRONOUNS | P.GROUP_PRONOUNS
    definite = tokens[0].lower_ in ("the", "this", "that", "these", "those") and head.tag_ in ("NN", "NNS")
    if pronoun or definite:
        group = head.lower_ in P.GROUP_PRONOUNS or head.lower_ in P.GROUP_NOUNS or head.tag_ == "NNS"
        antecedent = _antecedent(doc, tokens[0].idx, GROUPS if group else PEOPLE, mentions, previous_speakers)
        if antecedent:
            return antecedent.name, antecedent
    return text, None


def _named_entity(tokens: list, by_token: dict[int, Entity]) -> Entity | None:
    """The entity whose mention holds the source's head, else a person in apposition to it."""
    inside = {t.i for t in tokens}
    head = min(tokens, key=depth)
    if head.i in by_token:
        return by_token[head.i]
    # "spokesman Ali X", "the ambassador, Oskar Y": a role noun and the person who holds it
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.i in inside and by_token.get(child.i, None) is not None:
            if by_token[child.i].type in PEOPLE:
                return by_token[child.i]
    return None


def _antecedent(doc: Doc, before: int, wanted: tuple[str, ...], mentions: dict[int, Entity],
                previous_speakers: list[Entity]) -> Entity | None:
    for speaker in reversed(previous_speakers):
        if speaker.type in wanted:
            return speaker
    latest = None
    for start, entity in mentions.items():
        if start < before and entity.type in wanted and (latest is None or start > latest[0]):
            latest = (start, entity)
    return latest[1] if latest else None
