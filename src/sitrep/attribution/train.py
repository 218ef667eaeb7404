"""Train the attribution taggers on annotated articles (PolNeAR's JSON Lines shape).

`sitrep train attribution --gold train.jsonl --output DIR` parses every article with the project's spaCy
model, turns the gold cue, source and content spans into token labels, and fits two CRFs
(python-crfsuite). `attribution.spans` loads the models from `src/sitrep/attribution/data/`: copy them
there to ship them. The same gold file, code and spaCy model give the same files, byte for byte.

Each article's sequences go to the two trainers as soon as it is parsed, and neither its Doc nor its
features are kept: memory grows with what crfsuite holds, not with Python's copy of every feature.
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
from sitrep.attribution.models import CUE_MODEL, ROLE_MODEL
from sitrep.settings import FIXED

# progress(stage, done, total): the stages are PARSING, then FITTING_CUES and FITTING_ROLES (CRF iterations,
# at most the `max_iterations` of the training parameters; the fit may converge before).
Progress = Callable[[str, int, int], None]
PARSING, FITTING_CUES, FITTING_ROLES = "parsing articles", "fitting the cue tagger", "fitting the role tagger"


def _span_tokens(doc, spans: list[dict]) -> list[int]:
    tokens: list[int] = []
    for span in spans:
        tokens += token_range(doc, span["start"], span["end"])
    return sorted(set(tokens))


def article_sequences(article: dict, doc) -> tuple[list, list]:
    """One article's training sequences for the cue tagger (one a sentence) and the role tagger (one a cue)."""
    cue_data, role_data = [], []
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


def training_sequences(articles: Iterable[dict], docs: Iterable) -> tuple[list, list]:
    """Every article's sequences, kept in lists (for tests and inspection; `train` streams them)."""
    cue_data, role_data = [], []
    for article, doc in zip(articles, docs):
        cues, roles = article_sequences(article, doc)
        cue_data += cues
        role_data += roles
    return cue_data, role_data


class _Trainer(pycrfsuite.Trainer):
    """crfsuite's trainer, telling `progress` of each iteration instead of printing its log."""

    def __init__(self, stage: str, progress: Progress):
        super().__init__(verbose=True)  # crfsuite reports its iterations only to a verbose trainer
        self.stage, self.progress, self.sequences = stage, progress, 0
        self.set_params(FIXED.training_params)
        self.iterations = int(FIXED.training_params.get("max_iterations", 0))

    def add(self, sequence: tuple) -> None:
        self.append(*sequence)
        self.sequences += 1

    def _quiet(self, *log) -> None:
        """The rest of crfsuite's log: nothing to print."""

    on_start = on_featgen_progress = on_featgen_end = on_prepared = on_prepare_error = on_optimization_end = _quiet

    def on_iteration(self, log, info) -> None:
        self.progress(self.stage, int(info["num"]), self.iterations)

    def on_end(self, log) -> None:
        self.progress(self.stage, self.iterations, self.iterations)


def train(gold_path: str | Path, output: Path, model: str | None = None, docs: Iterable | None = None,
          log: Callable[[str], None] = print, progress: Progress = lambda stage, done, total: None) -> None:
    articles = read_gold(gold_path)
    if docs is None:
        docs = nlp.parse((a["text"] for a in articles), **({"model": model} if model else {}))
    cues, roles = _Trainer(FITTING_CUES, progress), _Trainer(FITTING_ROLES, progress)
    progress(PARSING, 0, len(articles))
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        cue_data, role_data = article_sequences(article, doc)
        for sequence in cue_data:
            cues.add(sequence)
        for sequence in role_data:
            roles.add(sequence)
        progress(PARSING, done, len(articles))
    output.mkdir(parents=True, exist_ok=True)
    for trainer, name in ((cues, CUE_MODEL), (roles, ROLE_MODEL)):
        path = output / name
        trainer.train(str(path))
        trainer.clear()  # the cue tagger's data is not needed while the role tagger trains
        log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) from {trainer.sequences} sequences")
