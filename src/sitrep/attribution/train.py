"""Train the attribution taggers on annotated articles (PolNeAR's JSON Lines shape).

`sitrep train attribution --gold train.jsonl` parses every article with the project's spaCy model,
turns the gold cue, source and content spans into token labels, and fits two CRFs (python-crfsuite).
The models land in `src/sitrep/attribution/data/`, where `attribution.spans` loads them; the run is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pycrfsuite

from sitrep import nlp
from sitrep.attribution.evaluation import read_gold
from sitrep.attribution.features import (
    bio,
    cue_sequence,
    doc_context,
    role_sequence,
    role_window,
    token_range,
)
from sitrep.attribution.models import CUE_MODEL, DATA_DIR, ROLE_MODEL
from sitrep.settings import FIXED


def _span_tokens(doc, spans: list[dict]) -> list[int]:
    tokens: list[int] = []
    for span in spans:
        tokens += token_range(doc, span["start"], span["end"])
    return sorted(set(tokens))


def training_sequences(articles: Iterable[dict], docs: Iterable) -> tuple[list, list]:
    cue_data, role_data = [], []
    for article, doc in zip(articles, docs):
        context = doc_context(doc)
        cue_labels: dict[int, str] = {}
        for attribution in article["attributions"]:
            cue = _span_tokens(doc, attribution["cue"])
            if not cue:
                continue
            for i in cue:
                cue_labels[i] = "CUE"
            labels = {i: "SRC" for i in _span_tokens(doc, attribution["source"])}
            labels.update({i: "CON" for i in _span_tokens(doc, attribution["content"]) if i not in labels})
            for i in cue:
                labels.pop(i, None)
            start, end = role_window(context, cue)
            role_data.append((role_sequence(context, cue, start, end), bio(labels, start, end)))
        for sentence in context.sentences:
            cue_data.append((cue_sequence(context, sentence), bio(cue_labels, sentence.start, sentence.end)))
    return cue_data, role_data


def _fit(data: list, path: Path, log: Callable[[str], None]) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in data:
        trainer.append(features, labels)
    trainer.set_params(FIXED.training_params)
    trainer.train(str(path))
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) from {len(data)} sequences")


def train(gold_path: str | Path, output: Path = DATA_DIR, model: str | None = None, docs: Iterable | None = None,
          log: Callable[[str], None] = print) -> None:
    articles = read_gold(gold_path)
    if docs is None:
        docs = nlp.parse((a["text"] for a in articles), **({"model": model} if model else {}))
    cue_data, role_data = training_sequences(articles, docs)
    output.mkdir(parents=True, exist_ok=True)
    _fit(cue_data, output / CUE_MODEL, log)
    _fit(role_data, output / ROLE_MODEL, log)
