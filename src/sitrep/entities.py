"""Entities within one document: spaCy's named-entity mentions grouped into people, groups and places.

A mention joins an earlier entity when it is a shorter form of its name ("Lavrov" after "Sergei
Lavrov", titles stripped: "Mr. Lavrov", "Foreign Minister Lavrov"), an acronym of it ("NRF" for
"National Resistance Front"), or an acronym the text defines in parentheses after it. A surname
shared by two entities goes to the one named most recently. Merging across documents is the job of a
later stage.
"""

from __future__ import annotations

import re
from spacy.tokens import Doc

from sitrep import patterns as P
from sitrep.records import Entity, Mention

ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place",
                 "FAC": "place"}


def name_form(text: str) -> str:
    """A mention as a name: no leading article, possessive, title or honorific."""
    form = re.sub(r"[’']s$", "", text.strip()).strip(" ,.;:")
    form = re.sub(r"^(the|The)\s+", "", form)
    words = form.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in P.TITLE_WORDS):
        words.pop(0)
    return " ".join(words)


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper() and word.lower() not in P.NAME_PARTICLES)


def _words(name: str) -> list[str]:
    return [w.lower() for w in name.replace("-", " ").split()]


def document_entities(document_id: str, doc: Doc) -> tuple[list[Entity], dict[int, Entity]]:
    """Entities of one parsed document, and the entity of each mention keyed by its start offset."""
    entities: list[Entity] = []
    by_start: dict[int, Entity] = {}
    for ent in doc.ents:
        kind = ENTITY_LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = Mention(ent.start_char, ent.end_char, ent.text, kind)
        form = name_form(ent.text)
        if not form:
            continue
        entity = _match(entities, form, kind)
        if entity is None:
            entity = Entity(f"{document_id}-e{len(entities) + 1}", form, kind, documents=[document_id])
            entities.append(entity)
            _learn_defined_acronym(doc.text, ent.end_char, entity)
        _add_mention(entity, mention)
        by_start[ent.start_char] = entity
    return entities, by_start


def _add_mention(entity: Entity, mention: Mention) -> None:
    entity.mentions.append(mention)
    form = name_form(mention.text)
    if form and form != entity.name and form not in entity.aliases:
        entity.aliases.append(form)


def _match(entities: list[Entity], form: str, kind: str) -> Entity | None:
    words = _words(form)
    candidates = []
    for entity in entities:
        names = [entity.name, *entity.aliases]
        if any(_words(name) == words for name in names):
            return entity
        if entity.type == "person" and set(words) < set(_words(entity.name)) and (
                kind == "person" or len(words) == 1):
            candidates.append(entity)  # "Lavrov" after "Sergei Lavrov", even when tagged otherwise
        elif form.isupper() and len(form) >= 2 and any(initials(name) == form for name in names):
            candidates.append(entity)
    # a surname that fits two people goes to the one named last
    return max(candidates, key=lambda e: e.mentions[-1].start if e.mentions else -1, default=None)


def _learn_defined_acronym(text: str, end: int, entity: Entity) -> None:
    """'National Resistance Front (NFR)': the text defines an alias, whatever its letters."""
    defined = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", text[end:end + 12])
    if defined and defined.group(1) not in entity.aliases:
        entity.aliases.append(defined.group(1))
