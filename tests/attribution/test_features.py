"""Token features for the attribution taggers."""

from __future__ import annotations

from sitrep import nlp
from sitrep.attribution.features import depth


def test_depth_terminates_although_spacy_makes_new_token_objects():
    doc = nlp.load()("The governor said the port was shelled.")
    assert [depth(token) for token in doc][2] == 0  # "said" is the root
