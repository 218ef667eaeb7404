"""Cue, source and content spans: regression tests for attribution bugs, each named after what broke."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep import nlp
from sitrep.attribution import find_spans
from sitrep.attribution.spans import _with_possessor  # one span repair, tested on its own on purpose


def test_a_source_starting_at_a_possessive_ending_takes_its_possessor():
    # "Velmaria's army said on Saturday it had taken the bridge." as the model parses it
    doc = Doc(spacy.blank("en").vocab,
              words=["Velmaria", "'s", "army", "said", "on", "Saturday", "it", "had", "taken", "the", "bridge", "."],
              spaces=[False, True, True, True, True, True, True, True, True, True, False, False],
              tags=["NNP", "POS", "NN", "VBD", "IN", "NNP", "PRP", "VBD", "VBN", "DT", "NN", "."],
              heads=[2, 0, 3, 3, 8, 4, 8, 8, 3, 10, 8, 3],
              deps=["poss", "case", "nsubj", "ROOT", "prep", "pobj", "nsubj", "aux", "ccomp", "det", "dobj", "punct"])
    pos = next(t.i for t in doc if t.tag_ == "POS")
    source, content = _with_possessor(doc, [[pos, pos + 1]], [[0], list(range(pos + 5, len(doc) - 1))])
    assert doc[source[0][0]:source[0][-1] + 1].text == "Velmaria's army"
    assert content == [list(range(pos + 5, len(doc) - 1))]


def _roles(doc, found):
    return [[doc[run[0]:run[-1] + 1].text for run in role] for role in (found.cue, found.source, found.content)]


def test_a_signed_quotation_has_the_dash_as_cue_even_glued_to_the_quote():
    doc = nlp.load()("Readers sent their views.\n“The ferry must run again.”― Tomas Brel\xa0\n"
                     "The port reopens today. pic.twitter.com/x — Lia Orn (@liaorn) May 2, 2026\n")
    found = [_roles(doc, f) for f in find_spans(doc) if doc[f.cue[0][0]].text in "―—"]
    assert found == [[["―"], ["Tomas Brel"], ["“The ferry must run again.”"]],
                     [["—"], ["Lia Orn"], ["The port reopens today. pic.twitter.com/x"]]]


def test_a_dash_inside_a_sentence_is_no_signature():
    doc = nlp.load()("The war — Smith said — is over.")
    assert not [f for f in find_spans(doc) if doc[f.cue[0][0]].text == "—"]


def test_a_coordinated_second_cue_ends_the_first_ones_content():
    doc = nlp.load()("The Front denied any role. Its spokesman, Arel Vann, tweeted that the Front “does not fight "
                     "with leaflets” and suggested the agency had “left its own gates open”.")
    found = {roles[0][0]: roles[2] for roles in (_roles(doc, f) for f in find_spans(doc))}
    assert found["tweeted"] == ["that the Front “does not fight with leaflets”"]
    assert found["suggested"] == ["the agency had “left its own gates open”"]


def test_a_denial_is_a_cue_with_its_auxiliary():
    doc = nlp.load()("Rebel accounts on social media had dismissed earlier claims of a retreat from the pass, "
                     "saying the army had been ambushed.")
    cues = [roles[0][0] for roles in (_roles(doc, f) for f in find_spans(doc))]
    assert "had dismissed" in cues


def test_a_denial_of_a_deed_has_the_deed_as_content():
    # regression: "denied carrying out the strike" (a gerund object) had no content, so the denial was lost
    doc = nlp.load()("Velmark denied carrying out a rocket strike on the depot and claimed the rocket involved "
                     "was only used by the Orsan army.")
    found = {roles[0][0]: roles[1:] for roles in (_roles(doc, f) for f in find_spans(doc))}
    assert found["denied"] == [["Velmark"], ["carrying out a rocket strike on the depot"]]


def test_a_cue_phrase_ending_in_its_channel_still_takes_the_clause_in_front():
    # regression: the clause was looked up on the cue's last word ("Facebook"), not on its verb ("said")
    doc = nlp.load()("Two of the dead were medics, Oren Valt of the Kelder Security Service said on Facebook.")
    found = {roles[0][0]: roles[2] for roles in (_roles(doc, f) for f in find_spans(doc))}
    assert found.get("said on Facebook") == ["Two of the dead were medics"]
