"""Attributions against what an analyst found: every `must` item, and at least 80% of `should`."""

from __future__ import annotations

from conftest import assert_met, document_key, normalise

SHOULD_RECALL = 0.8


def _names(attribution: dict, entities: dict) -> set[str]:
    names = {attribution["speaker"] or ""}
    entity = entities.get(attribution["speaker_entity"])
    if entity:
        names |= {entity["name"], *entity["aliases"]}
    return {normalise(n).removeprefix("the ") for n in names if n}


def _same_name(expected: str, names: set[str]) -> bool:
    wanted = normalise(expected).removeprefix("the ")
    return any(wanted == n or wanted in n or (len(n) >= 4 and n in wanted) for n in names)


def _content_matches(expected: str, found: str) -> bool:
    wanted, got = normalise(expected).strip(" .,“”\""), normalise(found)
    return wanted in got or (len(got) >= 0.5 * len(wanted) and got.strip(" .,\"'") in wanted)


def _matches(item: dict, attribution: dict, entities: dict) -> bool:
    if not _content_matches(item["content"], attribution["content"]):
        return False
    if not _same_name(item["speaker"], _names(attribution, entities)):
        return False
    if "kind" in item and attribution["kind"] != item["kind"]:
        return False
    via = [{normalise(v).removeprefix("the ")} for v in attribution["via"]]
    if "channel" in item:
        channel = normalise(attribution["channel"] or "")
        if not (channel and (normalise(item["channel"]) in channel or channel in normalise(item["channel"]))):
            return False
    if "via" in item:
        if len(via) != len(item["via"]):
            # "told AFP": the outlet may stand in via or as the channel
            channel = {normalise(attribution["channel"] or "")}
            if not (len(item["via"]) == 1 and not via and _same_name(item["via"][0], channel)):
                return False
        elif not all(_same_name(expected, names) for expected, names in zip(item["via"], via)):
            return False
    return True


def _found(corpus, item) -> bool:
    _, story, _ = corpus
    documents = {d["id"]: document_key(d) for d in story["documents"]}
    entities = {e["id"]: e for e in story["entities"]}
    return any(_matches(item, a, entities) for a in story["attributions"] if documents[a["document"]] == item["doc"])


def _describe(item) -> str:
    return f"{item['doc']}: {item['speaker']} — {item['content'][:60]!r}"


def test_every_must_attribution_is_found(corpus):
    _, _, expected = corpus
    assert_met(expected["attributions"], "must", lambda i: _found(corpus, i), _describe)


def test_most_should_attributions_are_found(corpus):
    _, _, expected = corpus
    assert_met(expected["attributions"], "should", lambda i: _found(corpus, i), _describe, SHOULD_RECALL)


def test_speaker_entities_are_exported(corpus):
    _, story, _ = corpus
    ids = {e["id"] for e in story["entities"]}
    assert story["attributions"]
    assert all(a["speaker_entity"] in ids for a in story["attributions"] if a["speaker_entity"])


def test_content_offsets_point_into_the_text(corpus):
    _, story, _ = corpus
    texts = {d["id"]: d["text"] for d in story["documents"]}
    for a in story["attributions"]:
        text = texts[a["document"]]
        assert 0 <= a["start"] < a["end"] <= len(text)
        first = a["spans"]["content"][0]
        assert a["content"].startswith(text[first["start"]:first["end"]])


def test_direct_and_indirect_quotes_are_told_apart(corpus):
    _, story, _ = corpus
    kinds = {a["kind"] for a in story["attributions"]}
    assert {"direct", "indirect"} <= kinds <= {"direct", "indirect", "mixed"}
