"""Regression tests for attribution bugs, each named after what broke."""

from __future__ import annotations

from typer.testing import CliRunner

from sitrep import pipeline
from sitrep import nlp
from sitrep.attribution.spans import _with_possessor, find_spans
from sitrep.attribution.features import depth
from sitrep.cli import app
from sitrep.nlp.entities import document_entities

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded.\n")


def test_depth_terminates_although_spacy_makes_new_token_objects():
    doc = nlp.load()("The governor said the port was shelled.")
    assert [depth(token) for token in doc][2] == 0  # "said" is the root


def test_a_title_line_is_never_one_sentence_with_the_first_paragraph():
    doc = nlp.load()("Port shelled as talks stall\n\nRebels shelled the river port overnight, the governor said.")
    assert [sentence.text.strip() for sentence in doc.sents][0] == "Port shelled as talks stall"


def test_failure_during_analysis_is_reported_with_its_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)

    def broken(documents, model):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(pipeline, "analyse", broken)
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.txt'}: [W013]" in result.output and "parser exploded" in result.output


def test_a_name_behind_a_personal_title_is_a_person_whatever_spacy_says():
    doc = nlp.load()("Governor Petar Varin said the town would hold. Varin left on Monday.")
    entities, _ = document_entities("d", doc)
    varin = [e for e in entities if e.name.endswith("Varin")]
    assert varin and varin[0].type == "person"


def test_an_unknown_spacy_model_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--db", str(tmp_path / "s.db"), "--model", "no_such_model"])
    assert result.exit_code == 2 and "E005" in result.output and "no_such_model" in result.output


def test_a_source_starting_at_a_possessive_ending_takes_its_possessor():
    doc = nlp.load()("Velmaria's army said on Saturday it had taken the bridge.")
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


def test_parsing_does_not_run_on_blis_generic_fallback_kernel():
    # On processors BLIS does not recognise it falls back to a kernel five times slower than NumPy's BLAS.
    model = nlp.load()
    assert all(getattr(pipe.model.ops, "use_blis", False) is False for _, pipe in model.pipeline
               if hasattr(pipe, "model"))


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
