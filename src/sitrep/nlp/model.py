"""NLP: the spaCy pipeline (tokens, sentences, tags, dependency parse, named entities).

The model is an installed package chosen by name (default: the pinned English model); nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from sitrep.errors import UsageProblem
from sitrep.settings import DEFAULT_MODEL, DEFAULT_SETTINGS
from sitrep.text import DASHES, PARAGRAPH_BREAK

# No stage reads lemmas or coarse POS tags (fine tags and the parse suffice); leaving these two
# components out saves about a third of the parsing time.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")


PARAGRAPH_BOUNDARIES = "sitrep_paragraph_boundaries_v1"


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    import spacy
    from spacy.language import Language
    from thinc.api import NumpyOps, set_current_ops

    # thinc multiplies matrices with BLIS by default; where BLIS cannot recognise the processor (virtual
    # machines that hide CPU features) it falls back to its generic kernel, at a fifth of NumPy's speed.
    # NumPy's own BLAS gives the same results and nearly doubles the parsing speed there.
    set_current_ops(NumpyOps(use_blis=False))

    if not Language.has_factory(PARAGRAPH_BOUNDARIES):
        Language.component(PARAGRAPH_BOUNDARIES, func=_paragraph_boundaries)
    try:
        model = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise UsageProblem.MODEL_MISSING.error(name=name) from exc
    model.add_pipe(PARAGRAPH_BOUNDARIES, before="parser")
    _split_dashes(model)
    return model


def _split_dashes(model) -> None:
    """A dash is a token of its own: it can be the cue of a signed quotation."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = model.Defaults
    model.tokenizer.prefix_search = compile_prefix_regex([DASHES, *defaults.prefixes]).search
    model.tokenizer.suffix_search = compile_suffix_regex([DASHES, *defaults.suffixes]).search
    model.tokenizer.infix_finditer = compile_infix_regex([DASHES, *defaults.infixes]).finditer


def _paragraph_boundaries(doc):
    """A sentence never runs over a paragraph break (a title line and the first paragraph, say)."""
    for token in doc[1:]:
        if PARAGRAPH_BREAK.search(doc[token.i - 1].text_with_ws):
            token.is_sent_start = True
    return doc


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_SETTINGS.nlp_batch) -> Iterator:
    """spaCy Docs for `texts`, in order."""
    yield from load(model).pipe(texts, batch_size=batch_size)
