"""Across articles, against what an analyst found: entities merged (and traps kept apart), claims
corroborated by the right number of independent origins, disputes found, changes over time not
taken for disputes. Every `must` item holds; at least 80% of `should` in each section."""

from __future__ import annotations

import pytest

from conftest import assert_met, document_key, normalise
from sitrep.nlp.entities import name_form

SHOULD_RECALL = 0.8


def _entity_names(entity: dict) -> set[str]:
    return {normalise(n).rstrip(".") for n in (entity["name"], *entity["aliases"])}


def _holds(entity: dict, name: str) -> bool:
    """The entity goes by the name, or by it with its title stripped ("Vice President X" → "X")."""
    names = _entity_names(entity)
    return normalise(name).rstrip(".") in names or normalise(name_form(name)).rstrip(".") in names


def _same(story: dict, names: list[str]) -> bool:
    return any(all(_holds(e, n) for n in names) for e in story["entities"])


def _apart(story: dict, names: list[str]) -> bool:
    """Each name is someone, and no entity goes by both (title-stripped forms are not enough to join)."""
    exact = [normalise(n).rstrip(".") for n in names]
    known = all(any(_holds(e, n) for e in story["entities"]) for n in names)
    return known and not any(all(n in _entity_names(e) for n in exact) for e in story["entities"])


def _names(item: dict) -> list[str]:
    return item["names"]


def test_every_must_entity_is_one_entity(corpus):
    _, story, expected = corpus
    assert_met(expected["entities"]["same"], "must", lambda i: _same(story, i["names"]), _names)


def test_most_should_entities_are_one_entity(corpus):
    _, story, expected = corpus
    assert_met(expected["entities"]["same"], "should", lambda i: _same(story, i["names"]), _names, SHOULD_RECALL)


def test_entity_traps_stay_apart(corpus):
    _, story, expected = corpus
    assert_met(expected["entities"]["different"], "must", lambda i: _apart(story, i["names"]), _names)


def test_every_speaker_entity_is_a_merged_entity(corpus):
    _, story, _ = corpus
    ids = {e["id"] for e in story["entities"]}
    speakers = [a["speaker_entity"] for a in story["attributions"] if a["speaker_entity"]]
    assert speakers and all(s in ids for s in speakers)


def _locate(story: dict, side: dict) -> tuple[str, int, int] | None:
    """The document id and offsets of a snippet in its document's clean text."""
    for document in story["documents"]:
        if document_key(document) == side["doc"]:
            text = normalise(document["text"])
            at = text.find(normalise(side["snippet"]))
            return (document["id"], at, at + len(normalise(side["snippet"]))) if at >= 0 else None
    return None


def _holding(story: dict, side: dict, holders: list[dict], parts: str) -> set[str]:
    """The ids of the holders (claims, story events) with one of their `parts` (members, mentions)
    overlapping the snippet (offsets compared on the normalised text)."""
    place = _locate(story, side)
    if place is None:
        return set()
    document, start, end = place
    text = next(d["text"] for d in story["documents"] if d["id"] == document)
    found = set()
    for holder in holders:
        for part in holder[parts]:
            if part["document"] != document:
                continue
            p_start = len(normalise(text[:part["start"]] + "x")) - 1
            p_end = p_start + len(normalise(text[part["start"]:part["end"]]))
            if p_start < end and start < p_end:
                found.add(holder["id"])
    return found


def _claims_at(story: dict, side: dict) -> set[str]:
    return _holding(story, side, story["claims"], "members")


def _disputed(story: dict, item: dict) -> bool:
    left, right = _claims_at(story, item["a"]), _claims_at(story, item["b"])
    return any(frozenset((d["a"], d["b"])) in {frozenset((x, y)) for x in left for y in right}
               for d in story["disputes"])


def _topic(item: dict) -> str:
    return item["topic"]


def test_every_must_dispute_is_found(corpus):
    _, story, expected = corpus
    assert_met(expected["disputes"], "must", lambda i: _disputed(story, i), _topic)


def test_most_should_disputes_are_found(corpus):
    _, story, expected = corpus
    assert_met(expected["disputes"], "should", lambda i: _disputed(story, i), _topic, SHOULD_RECALL)


@pytest.mark.parametrize("level", ["must", "should"])
def test_changes_over_time_are_not_disputes(corpus, level):
    _, story, expected = corpus
    assert_met(expected["not_disputes"], level, lambda i: not _disputed(story, i),
               lambda i: (i["a"]["snippet"], i["b"]["snippet"]))


def _corroborated(story: dict, item: dict) -> bool:
    keys = {d["id"]: document_key(d) for d in story["documents"]}
    wanted = {normalise(w) for w in item["claim"].split() if len(w) > 4}
    for claim in story["claims"]:
        documents = {keys[d] for d in claim["documents"]}
        words = set(normalise(" ".join(m["text"] for m in claim["members"])).split())
        if set(item["docs"]) <= documents and claim["independent_origins"] == item["independent_origins"] and len(
                wanted & words) >= 2:
            return True
    return False


def _claim(item: dict) -> str:
    return item["claim"]


def test_every_must_corroboration_counts_its_independent_origins(corpus):
    _, story, expected = corpus
    assert_met(expected["corroboration"], "must", lambda i: _corroborated(story, i), _claim)


def test_most_should_corroborations_count_their_independent_origins(corpus):
    _, story, expected = corpus
    assert_met(expected["corroboration"], "should", lambda i: _corroborated(story, i), _claim, SHOULD_RECALL)


def test_every_dispute_names_two_known_claims_and_a_reason(corpus):
    _, story, _ = corpus
    claims = {c["id"] for c in story["claims"]}
    assert story["disputes"]
    for dispute in story["disputes"]:
        assert dispute["a"] in claims and dispute["b"] in claims and dispute["a"] != dispute["b"]
        assert dispute["reason"]


def _story_events_at(story: dict, side: dict) -> set[str]:
    return _holding(story, side, story["story_events"], "mentions")


def _one_event(story: dict, item: dict) -> bool:
    held = [_story_events_at(story, side) for side in item["mentions"]]
    return bool(set.intersection(*held))


def _two_events(story: dict, item: dict) -> bool:
    a, b = _story_events_at(story, item["a"]), _story_events_at(story, item["b"])
    return bool(a) and bool(b) and not a & b


def _estimated(story: dict, item: dict) -> bool:
    events = {e["id"]: e for e in story["story_events"]}
    for event_id in _story_events_at(story, item["at"]):
        fatalities = events[event_id]["fatalities"] or {}
        if (fatalities.get("low"), fatalities.get("best"), fatalities.get("high")) == (
                item["low"], item["best"], item["high"]):
            return True
    return False


def _story_events(expected: dict, part: str) -> list[dict]:
    if "story_events" not in expected:
        pytest.skip("no story_events in this corpus's expectations")
    return expected["story_events"].get(part, [])


@pytest.mark.parametrize("level", ["must", "should"])
def test_the_mentions_of_one_event_are_one_story_event(corpus, level):
    _, story, expected = corpus
    assert_met(_story_events(expected, "same"), level, lambda i: _one_event(story, i), _topic,
               1.0 if level == "must" else SHOULD_RECALL)


# One sentence that reports two events ("shells struck the market … a week after a drone strike on the ferry
# terminal killed 19") is one event mention today: mentions are not yet split at clauses.
@pytest.mark.parametrize("level", ["must", pytest.param("should", marks=pytest.mark.xfail(
    strict=True, reason="two events in one sentence are one mention (not split at clauses yet)"))])
def test_different_events_stay_apart(corpus, level):
    _, story, expected = corpus
    assert_met(_story_events(expected, "different"), level, lambda i: _two_events(story, i), _topic,
               1.0 if level == "must" else SHOULD_RECALL)


def test_casualty_estimates_follow_the_rule(corpus):
    _, story, expected = corpus
    assert_met(_story_events(expected, "casualties"), "should", lambda i: _estimated(story, i), _topic, SHOULD_RECALL)
