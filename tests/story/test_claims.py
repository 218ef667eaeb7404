"""Claims on small made-up inputs: assertions, figures, stances, independent origins."""

from __future__ import annotations

import pytest

from sitrep.records import Assertion, Document, Reuse
from sitrep.story.claims import assertions, member_stances

from .inputs import attribution, claims_and_disputes, documents_of


def test_a_denial_is_the_speaker_against_the_proposition_it_denies():
    text = "The Council said it is false that government troops had crossed the river at Dravo."
    content = "it is false that government troops had crossed the river at Dravo"
    found = assertions(documents_of("a", text=text), [attribution("a", 1, text, content, "Council")], {})
    assert [(a.kind, a.text) for a in found] == [
        ("denial", content), ("denied", "government troops had crossed the river at Dravo")]


def test_one_content_given_two_cues_is_one_assertion_not_two_origins():
    text = "The Orsa Front said, and its leader Ivo Marr added, that the bridge at Dravo is closed."
    content = "the bridge at Dravo is closed"
    attributions = [attribution("a", 1, text, content, "Orsa Front"), attribution("a", 2, text, content, "Ivo Marr")]
    found = assertions(documents_of("a", text=text), attributions, {})
    assert [a.speaker for a in found] == ["Orsa Front"]


@pytest.mark.parametrize("text, stances", [
    pytest.param("The charity treats fighters and civilians alike.", {}, id="fighters-outside-a-strike-say-nothing"),
    pytest.param("There were no fighters in the area when the shells landed.", {"target": -1},
                 id="no-fighters-where-the-shells-landed"),
])
def test_member_stances_on_the_target_of_a_strike(text, stances):
    assert member_stances(Assertion("a", 0, len(text), text, text, "X", None, [], "a-a1")) == stances


def test_copies_of_one_report_are_one_origin_and_two_speakers_are_two():
    a = "The governor said the shelling destroyed the grain depot at Velmar harbour."
    b = "Residents said the shelling destroyed the grain depot at Velmar harbour."
    documents = [Document("a", "a.txt", a, credits=["AFP"]), Document("b", "b.txt", a, credits=["AFP"]),
                 Document("c", "c.txt", b)]
    content = "the shelling destroyed the grain depot at Velmar harbour"
    attributions = [attribution("a", 1, a, content, "governor", entity="E1"),
                    attribution("b", 1, a, content, "governor", entity="E1"),
                    attribution("c", 1, b, content, "Residents")]
    claims, _ = claims_and_disputes(documents, attributions)
    (claim,) = [c for c in claims if len(c.documents) == 3]
    assert claim.independent_origins == 2


def test_reused_passages_join_origins():
    a = "The envoy said talks would resume in Tarn next week."
    documents = documents_of("a", text=a) + [Document("b", "b.txt", a)]
    content = "talks would resume in Tarn next week"
    attributions = [attribution("a", 1, a, content, "envoy"), attribution("b", 1, a, content, "an official")]
    reuse = [Reuse("a", "b", 0, len(a), 0, len(a), 1.0, True)]
    claims, _ = claims_and_disputes(documents, attributions, reuse=reuse)
    assert next(c for c in claims if len(c.documents) == 2).independent_origins == 1
    assert isinstance(claims[0].members[0], Assertion)


def test_a_sentence_with_two_figures_does_not_give_two_child_claims_one_id():
    # Two counts in each report: one claim, a child claim per figure; "killed 30" and "wounded 100" hold
    # the same member, and once had the same id (the store then refused the whole story).
    texts = {"a": "At least 30 people were killed and 100 wounded in the strike on the Dravo station.",
             "b": "At least 50 people were killed and 150 wounded in the strike on the Dravo station."}
    documents = [Document(i, f"{i}.txt", text) for i, text in texts.items()]
    said = [attribution(i, 1, text, text[:-1], "the governor") for i, text in texts.items()]
    claims, _ = claims_and_disputes(documents, said)
    children = [claim for claim in claims if claim.parent]
    assert len(children) == 4
    assert len({claim.id for claim in claims}) == len(claims)
