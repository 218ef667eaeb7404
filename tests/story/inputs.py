"""Small made-up inputs for the story stages' tests."""

from __future__ import annotations

from sitrep.records import Attribution, Document
from sitrep.story.claims import assertions, group_claims
from sitrep.story.disputes import find_disputes


def documents_of(*ids: str, text: str = "") -> list[Document]:
    return [Document(i, f"{i}.txt", text) for i in ids]


def attribution(document: str, number: int, text: str, content: str, speaker: str, cue: str = "said",
                 entity: str | None = None) -> Attribution:
    start = text.index(content)
    return Attribution(f"{document}-a{number}", document, speaker, entity, cue, content, "indirect", None, [],
                       start, start + len(content))


def claims_and_disputes(documents, attributions, statements=None, reuse=()):
    claims = group_claims(assertions(documents, attributions, statements or {}), documents, list(reuse))
    return claims, find_disputes(claims, documents)
