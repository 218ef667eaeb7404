"""The declared span repairs: each one can be switched off, and switching it off changes what it mends."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep import nlp
from sitrep.attribution import SPAN_REPAIRS, as_gold_shape, find_spans
from sitrep.cli import app

# Invented sentences, each showing what one repair mends.
CASES = {
    "adjacent-quotation": "\"We will not give up the bridge,\" the commander wrote, adding, that the town was safe.",
    "coordinated-clauses": "The mayor insisted that the bridge was closed, and that nobody had been hurt.",
    "complement-content": "At least 9 people were killed, the ministry said.",
    "signed-quotations": "“We have lost nothing,” ― Jane Doe\n",
    "whole-quotation": ("The mayor spoke at noon. \"Two shells hit the depot at dawn. There are victims. We are "
                        "clarifying the details,\" the statement reads."),
}


def _spans(text: str, without: frozenset[str] = frozenset()) -> list[dict]:
    doc = next(nlp.parse([text]))
    return as_gold_shape(doc, find_spans(doc, without=without))


@pytest.mark.parametrize("repair", sorted(CASES))
def test_switching_a_repair_off_undoes_what_it_mends(repair):
    assert repair in SPAN_REPAIRS
    assert _spans(CASES[repair]) != _spans(CASES[repair], frozenset({repair}))


def test_eval_without_a_repair_predicts_without_it(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": CASES["coordinated-clauses"], "attributions": []}) + "\n")
    found = {}
    for name, extra in (("all", []), ("without", ["--without", "coordinated-clauses"])):
        out = tmp_path / f"{name}.jsonl"
        command = ["eval", "attribution", "--gold", str(gold), "--predictions", str(out), *extra]
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
        found[name] = json.loads(out.read_text())["attributions"]
    assert found["all"] == _spans(CASES["coordinated-clauses"])
    assert found["without"] == _spans(CASES["coordinated-clauses"], frozenset({"coordinated-clauses"})) != found["all"]


def test_eval_without_an_unknown_repair_is_one_coded_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": CASES["coordinated-clauses"], "attributions": []}) + "\n")
    result = CliRunner().invoke(app, ["eval", "attribution", "--gold", str(gold), "--without", "no-such-rule"])
    assert result.exit_code == 2
    assert "[E011]" in result.output and "comma-split-cues" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_clause_reported_after_it_is_the_contents_of_said():
    """Regression: "A hit B on Tuesday, killing five, the ministry said, blaming C" lost its reported clause
    (the tagger took only "blaming"), and "At least 9 people were killed, the ministry said." had no content."""
    text = ("Shells hit a market in Sorla on Tuesday, killing at least five people, the interior ministry said, "
            "blaming the Ostrak Front.")
    doc = next(nlp.parse([text]))
    found = as_gold_shape(doc, find_spans(doc))
    said = [a for a in found if any(text[c["start"]:c["end"]] == "said" for c in a["cue"])]
    assert said and text[said[0]["content"][0]["start"]:].startswith("Shells hit a market in Sorla")
