"""The stages that need the whole corpus at once: entities merged across articles, claims with their
independent origins, and disputes. Plain functions of what the store holds; the store writes the result."""

from __future__ import annotations

from dataclasses import replace

from sitrep.records import Attribution, Document, Entity, Reuse, Span, StoryAnalysis
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story.claims import assertions, group_claims
from sitrep.story.disputes import find_disputes
from sitrep.story.entities import merge_entities


def analyse_story(documents: list[Document], entities: list[Entity], attributions: list[Attribution],
                  statements: dict[str, list[Span]], reuse: list[Reuse],
                  settings: Settings = DEFAULT_SETTINGS) -> StoryAnalysis:
    merged, links = merge_entities(documents, entities, settings)
    speakers = [_linked(a, links) for a in attributions]
    found = assertions(documents, speakers, statements)
    claims = group_claims(found, documents, reuse, settings)
    return StoryAnalysis(merged, links, claims, find_disputes(claims, documents, settings))


def _linked(attribution: Attribution, links: dict[str, str]) -> Attribution:
    """The attribution with its speaker pointing at the merged entity."""
    return replace(attribution, speaker_entity=links.get(attribution.speaker_entity, attribution.speaker_entity))
