"""Reporting chains on invented sentences: the outlet that relayed the words is `via`, never the speaker."""

from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.attribution import document_attributions
from sitrep.settings import DEFAULT_SETTINGS


def _attributions(text: str):
    doc = next(nlp.parse([text]))
    _, entity_of_token = nlp.document_entities("d", doc)
    return document_attributions("d", doc, entity_of_token, DEFAULT_SETTINGS)


@pytest.mark.parametrize("text", [
    "According to Velmar Radio, Mara Vesk said the bridge had been closed.",
    "Mara Vesk said the bridge had been closed, according to Velmar Radio.",
    '"The bridge is closed," Mara Vesk said, according to Velmar Radio.',
], ids=["frame-in-front", "frame-after-words", "frame-after-quote"])
def test_the_relaying_outlet_is_via_and_the_speaker_stays(text):
    """Regression: a reporter named after the speaker's words ("…, according to Pravda.") was lost, and the
    outlet became a speaker of its own."""
    said = [a for a in _attributions(text) if a.cue == "said"]
    assert said and said[0].speaker.endswith("Vesk") and said[0].via == ["Velmar Radio"]


def test_the_agency_that_quoted_someone_as_saying_is_via_not_the_speaker():
    """Regression: "Orsk quoted Ivo Marr as saying…" was Orsk's attribution; Marr spoke, Orsk passed it on."""
    doc = next(nlp.parse(["The news agency Orsk quoted Colonel Ivo Marr as saying that the town had fallen."]))
    _, entity_of_token = nlp.document_entities("d", doc)
    found = document_attributions("d", doc, entity_of_token, DEFAULT_SETTINGS)
    assert [a.speaker for a in found] == ["Ivo Marr"]
    assert len(found[0].via) == 1 and found[0].via[0].endswith("Orsk")
