"""The stages that need a story's articles at once: entities merged across articles, claims with their
independent origins, disputes and story events. Plain functions of what the store holds of one story; the store
writes the result under the story's id."""

from __future__ import annotations

from dataclasses import replace

from sitrep.records import Attribution, Document, Entity, Event, Reuse, Span, StoryAnalysis
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story.claims import assertions, group_claims
from sitrep.story.disputes import find_disputes
from sitrep.story.entities import merge_entities
from sitrep.story.versions import story_events


def analyse_story(documents: list[Document], entities: list[Entity], attributions: list[Attribution],
                  statements: dict[str, list[Span]], reuse: list[Reuse],
                  settings: Settings = DEFAULT_SETTINGS, events: list[Event] = ()) -> StoryAnalysis:
    merged, links = merge_entities(documents, entities, settings)
    speakers = [_linked(a, links) for a in attributions]
    found = assertions(documents, speakers, statements)
    claims = group_claims(found, documents, reuse, settings)
    disputes = find_disputes(claims, documents, settings)
    linked_events = [_linked_event(e, links) for e in events]
    across, from_events = story_events(linked_events, claims, documents, reuse, settings,
                                       {e.id: e.name for e in merged})
    known = {frozenset((d.a, d.b)) for d in disputes}
    disputes += [d for d in from_events if frozenset((d.a, d.b)) not in known]
    return StoryAnalysis(merged, links, claims, disputes, across)


def _linked_event(event: Event, links: dict[str, str]) -> Event:
    """The event with its mentions' speakers pointing at the merged entities (as claims' members do)."""
    mentions = [replace(m, speaker_entity=links.get(m.speaker_entity, m.speaker_entity)) for m in event.mentions]
    return replace(event, mentions=mentions)


def _linked(attribution: Attribution, links: dict[str, str]) -> Attribution:
    """The attribution with its speaker pointing at the merged entity."""
    return replace(attribution, speaker_entity=links.get(attribution.speaker_entity, attribution.speaker_entity))
