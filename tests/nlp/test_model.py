"""The spaCy pipeline as sitrep loads it: sentences, kernels, a missing model."""

from __future__ import annotations

from typer.testing import CliRunner

from sitrep import nlp
from sitrep.cli import app

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")


def test_a_title_line_is_never_one_sentence_with_the_first_paragraph():
    doc = nlp.load()("Port shelled as talks stall\n\nRebels shelled the river port overnight, the governor said.")
    assert [sentence.text.strip() for sentence in doc.sents][0] == "Port shelled as talks stall"


def test_an_unknown_spacy_model_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    command = ["build", str(tmp_path), "--db", str(tmp_path / "s.db"), "--model", "no_such_model"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2 and "E005" in result.output and "no_such_model" in result.output


def test_parsing_does_not_run_on_blis_generic_fallback_kernel():
    # On processors BLIS does not recognise it falls back to a kernel five times slower than NumPy's BLAS.
    model = nlp.load()
    assert all(getattr(pipe.model.ops, "use_blis", False) is False for _, pipe in model.pipeline
               if hasattr(pipe, "model"))
