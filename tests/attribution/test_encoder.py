"""The encoder role tagger's input: windows around a cue, the cue marked, every word's first piece labelled."""

from __future__ import annotations

import importlib.util

import pytest
from tokenizers import Tokenizer
from typer.testing import CliRunner

from conftest import SHARED
from sitrep import nlp
from sitrep.attribution.encoder import LABELS, Vocabulary, window
from sitrep.attribution.features import doc_context
from sitrep.attribution.models import DATA_DIR, ENCODER_TOKENIZER
from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.settings import FIXED, parse_setting

TEXT = ("The ministry said on Monday that three villages had been shelled overnight. "
        "Residents told reporters the water supply was cut. Nobody has claimed the attack.")


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary(Tokenizer.from_file(str(DATA_DIR / ENCODER_TOKENIZER)))


@pytest.fixture(scope="module")
def parsed():
    doc = next(nlp.parse([TEXT]))
    return doc, doc_context(doc)


def test_encoder_window_reads_every_word_not_one_word_padded_to_128_pieces(vocabulary, parsed):
    doc, context = parsed
    pieces = vocabulary.pieces([token.text for token in doc])
    assert all(0 < len(p) < 5 for p, token in zip(pieces, doc) if not token.is_space)
    said = next(token.i for token in doc if token.text == "said")
    found = window(context, pieces, [said], vocabulary)
    assert (found.start, found.end) == (0, context.sentences[1].end)  # its sentence and the one after
    assert len(found.ids) == sum(map(len, pieces[:found.end])) + 4  # [CLS], [SEP] and the two markers around the cue
    at = found.first_piece[said - found.start]
    assert found.ids[at - 1] == vocabulary.cue_open and found.ids[at + 1] == vocabulary.cue_close


def test_encoder_window_drops_the_farthest_sentences_first_when_too_long(vocabulary, parsed):
    doc, context = parsed
    pieces = vocabulary.pieces([token.text for token in doc])
    long_pieces = [p * 30 if context.sentence_of[i] == 0 else p for i, p in enumerate(pieces)]
    told = next(token.i for token in doc if token.text == "told")
    found = window(context, long_pieces, [told], vocabulary)
    assert len(found.ids) <= FIXED.encoder_max_pieces
    assert (found.start, found.end) == (context.sentences[1].start, len(doc))  # the long first sentence went


def test_training_labels_mark_each_words_first_piece_in_bio(vocabulary, parsed):
    from sitrep.attribution.train_encoder import IGNORED, _piece_labels

    doc, context = parsed
    pieces = vocabulary.pieces([token.text for token in doc])
    said = next(token.i for token in doc if token.text == "said")
    found = window(context, pieces, [said], vocabulary)
    labels = _piece_labels(found, {0: "SRC", 1: "SRC", said + 1: "CON", said + 2: "CON"})
    named = [LABELS[label] for label in labels if label != IGNORED]
    assert named[:5] == ["B-SRC", "I-SRC", "O", "B-CON", "I-CON"]
    assert len(named) == sum(1 for p in pieces[found.start:found.end] if p)


def test_role_tagger_setting_takes_one_of_its_choices():
    assert parse_setting("attribution_tagger=encoder") == ("attribution_tagger", "encoder")
    with pytest.raises(SitrepError, match="E010.*one of encoder, crf"):
        parse_setting("attribution_tagger=bert")


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="the train extra is installed here")
def test_training_the_encoder_without_the_train_extra_says_what_to_install(tmp_path):
    gold = SHARED / "data" / "polnear" / "dev.jsonl"
    result = CliRunner().invoke(app, ["train", "attribution", "--gold", str(gold), "--output", str(tmp_path),
                                      "--tagger", "encoder"])
    assert result.exit_code == 2 and "E022" in result.output and "requirements-train.lock" in result.output
