"""Statements: the sentences an article puts forward in its own voice.

A claim can rest on an article's narration ("Fighters captured the town on Saturday") as much as on
what it attributes to someone. A statement is a sentence with a finite verb that no attribution
covers (neither its source, cue nor content), that asks nothing, and that is long enough to assert
something.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Attribution, Span
from sitrep.settings import DEFAULT_SETTINGS, Settings

FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def document_statements(doc: Doc, attributions: list[Attribution], settings: Settings = DEFAULT_SETTINGS) -> list[Span]:
    covered = sorted((s.start, s.end) for a in attributions
                     for s in (*a.source_spans, *a.cue_spans, *a.content_spans))
    found = []
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha]
        text = sentence.text.strip()
        if len(words) < settings.min_statement_words or text.endswith("?"):
            continue
        if not any(t.tag_ in FINITE_VERB_TAGS for t in sentence):
            continue
        start, end = sentence.start_char, sentence.start_char + len(sentence.text.rstrip())
        if any(s < end and e > start for s, e in covered):
            continue
        found.append(Span(start, end))
    return found
