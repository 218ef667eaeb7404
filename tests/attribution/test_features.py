"""Token features for the attribution taggers."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.attribution.features import depth


def test_depth_terminates_although_spacy_makes_new_token_objects():
    doc = Doc(spacy.blank("en").vocab, words=["The", "governor", "said", "the", "port", "was", "shelled", "."],
              spaces=[True] * 6 + [False, False], heads=[1, 2, 2, 4, 6, 6, 2, 2],
              deps=["det", "nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"])
    assert [depth(token) for token in doc][2] == 0  # "said" is the root
    assert [depth(token) for token in doc] == [2, 1, 0, 3, 2, 2, 1, 1]
