"""The seeds and the example corpus exported as JSON Lines, CSV and Parquet tables and a GraphML network:
each reads back with pandas, pyarrow and networkx, and the ids join across tables, formats and the JSON."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from sitrep.output import export
from sitrep.records import DISPUTE_KINDS
from sitrep.story.disputes import FRAME_REASONS


@pytest.fixture(scope="module", params=["seeds", "examples"])
def exported(request, stories, tmp_path_factory):
    """(name, JSON story, folder holding NAME.csv, NAME.parquet and sources.graphml)."""
    story = stories(request.param)
    folder = tmp_path_factory.mktemp(request.param + "-export")
    export.write_tables(story, folder, "csv")
    export.write_tables(story, folder, "parquet")
    (folder / "sources.graphml").write_text(export.render(story, "graphml"), encoding="utf-8")
    return request.param, story, folder


def test_csv_export_does_not_crash_on_foreign_spans(exported):
    name, story, folder = exported
    foreign = [d for d in story["documents"] if d["foreign"]]
    assert name != "seeds" or foreign, "the seeds hold a paragraph in another language"
    with (folder / "documents.csv").open(newline="", encoding="utf-8") as table:
        rows = {row["id"]: row for row in csv.DictReader(table)}
    for d in foreign:
        assert json.loads(rows[d["id"]]["foreign"]) == d["foreign"]  # lists and objects as JSON


def test_csv_export_holds_every_table_not_documents_only(exported):
    _, story, folder = exported
    for name, columns in export.TABLES.items():
        frame = pd.read_csv(folder / f"{name}.csv", keep_default_na=False)
        assert list(frame.columns) == [column for column, _ in columns], name
    counts = {name: len(pd.read_csv(folder / f"{name}.csv")) for name in export.TABLES}
    assert counts == {
        "documents": len(story["documents"]), "entities": len(story["entities"]),
        "mentions": sum(len(e["mentions"]) for e in story["entities"]),
        "attributions": len(story["attributions"]), "reuse": len(story["reuse"]), "claims": len(story["claims"]),
        "claim_members": sum(len(c["members"]) for c in story["claims"]), "disputes": len(story["disputes"]),
        "events": len(story["events"]), "stories": len(story["stories"])}
    assert all(counts[name] for name in ("documents", "entities", "mentions", "attributions", "claims", "disputes",
                                         "events", "stories"))


def test_parquet_tables_join_on_the_ids(exported):
    _, story, folder = exported
    tables = {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in export.TABLES}
    assert tables == export.tables(story)  # the same rows as the CSV, in native types
    documents = {d["id"] for d in tables["documents"]}
    entities = {e["id"] for e in tables["entities"]}
    claims = {c["id"] for c in tables["claims"]}
    attributions = {a["id"] for a in tables["attributions"]}
    texts = {d["id"]: d["text"] for d in tables["documents"]}
    assert {a["document"] for a in tables["attributions"]} <= documents
    assert {a["speaker_entity"] for a in tables["attributions"]} - {None} <= entities
    assert {m["entity"] for m in tables["mentions"]} <= entities
    assert all(texts[m["document"]][m["start"]:m["end"]] == m["text"] for m in tables["mentions"])
    assert {m["claim"] for m in tables["claim_members"]} == claims
    assert {m["attribution"] for m in tables["claim_members"]} - {None} <= attributions
    assert {r[side] for r in tables["reuse"] for side in ("origin", "copy")} <= documents
    assert {d[side] for d in tables["disputes"] for side in ("a", "b")} <= claims
    assert {d for e in tables["entities"] for d in e["documents"]} <= documents


def test_entity_mentions_and_their_offsets_are_exported(exported):
    _, story, _ = exported
    texts = {d["id"]: d["text"] for d in story["documents"]}
    for entity in story["entities"]:
        assert entity["mentions"], entity["name"]
        assert {m["document"] for m in entity["mentions"]} == set(entity["documents"])
        for m in entity["mentions"]:
            assert list(m) == ["document", "start", "end", "text"]
            assert texts[m["document"]][m["start"]:m["end"]] == m["text"]


def test_disputes_have_an_id_and_a_kind(exported):
    name, story, folder = exported
    disputes = story["disputes"]
    assert len({d["id"] for d in disputes}) == len(disputes)
    prefixes = {"denial": "denial: ", "accusation": "denial of an accusation", "figures": "different figures: ",
                **{frame: "exclusive outcomes: " + words for frame, words in FRAME_REASONS.items()},
                **{kind: kind + ": " for kind in ("responsibility", "casualties", "occurred")}}  # story events
    assert prefixes.keys() == set(DISPUTE_KINDS)
    for d in disputes:
        assert list(d) == ["id", "kind", "a", "b", "reason"]
        assert d["reason"].startswith(prefixes[d["kind"]]), d
    if name == "examples":
        assert {d["kind"] for d in disputes} >= {"denial", "accusation", "control", "target", "figures"}
    assert pd.read_csv(folder / "disputes.csv")["id"].tolist() == [d["id"] for d in disputes]


def test_pandas_reads_the_json_lines_and_every_table(exported):
    _, story, folder = exported
    lines = pd.read_json(io.StringIO(export.render(story, "jsonl")), lines=True)
    assert lines["section"].value_counts().to_dict() == {s: len(v) for s, v in story.items() if v}
    documents = pd.json_normalize(story["documents"])  # the README's way into the JSON file
    assert documents["id"].tolist() == lines[lines["section"] == "documents"]["id"].tolist()
    for name in export.TABLES:
        assert len(pd.read_parquet(folder / f"{name}.parquet")) == len(pd.read_csv(folder / f"{name}.csv"))


def test_graphml_is_the_source_network_and_its_ids_join_with_the_json(exported):
    _, story, folder = exported
    graph = nx.read_graphml(folder / "sources.graphml")
    kinds = nx.get_node_attributes(graph, "kind")
    assert set(kinds.values()) <= {"document", "outlet", "speaker", "relay"}
    documents = {n: data for n, data in graph.nodes(data=True) if data["kind"] == "document"}
    assert {data["ref"] for data in documents.values()} == {d["id"] for d in story["documents"]}
    assert all(n == "document:" + data["ref"] for n, data in documents.items())
    entities = {e["id"] for e in story["entities"]}
    speakers = [data for data in graph.nodes.values() if data["kind"] == "speaker"]
    assert speakers and {s["ref"] for s in speakers if "ref" in s} <= entities
    edges = [(u, v, data) for u, v, data in graph.edges(data=True)]
    assert {data["kind"] for *_, data in edges} <= {"published", "credited", "cited", "attributed", "via", "reuse"}
    attributed = [(u, v, data) for u, v, data in edges if data["kind"] == "attributed"]
    assert sum(data["weight"] for *_, data in attributed) == sum(
        1 for a in story["attributions"] if a["speaker_entity"] or a["speaker"])
    assert all(kinds[v] == "document" for u, v, _ in attributed)
    published = {(u, v) for u, v, data in edges if data["kind"] == "published"}
    assert len(published) == sum(1 for d in story["documents"] if d["outlet"])
    assert all(kinds[u] == "outlet" for u, _ in published)
    reuse = {(u, v) for u, v, data in edges if data["kind"] == "reuse"}
    assert reuse == {("document:" + r["origin"], "document:" + r["copy"]) for r in story["reuse"]}
    if any(a["via"] for a in story["attributions"]):
        assert any(data["kind"] == "via" for *_, data in edges)


def test_graphml_chain_runs_from_the_speaker_through_each_reporter():
    """"According to A, B reported that C said…": C → B → A, and C → the document."""
    story = {"documents": [{"id": "d1", "path": "a.txt", "url": None, "title": "T", "outlet": "Wire Post",
                            "published": None, "credits": ["AFP"], "cited_outlets": [], "text": "", "foreign": []}],
             "entities": [{"id": "E1", "name": "Ilse Maran", "type": "person", "aliases": ["Maran"], "mentions": [],
                           "documents": ["d1"]}],
             "attributions": [{"id": "a1", "document": "d1", "speaker": "Maran", "speaker_entity": "E1",
                               "via": ["the AFP", "Lorne\x0b Radio"]}],
             "reuse": []}
    nodes, edges = export.graph(story)
    assert ("via", "speaker:E1", "relay:lorne radio") in edges and ("via", "relay:lorne radio", "outlet:afp") in edges
    assert ("attributed", "speaker:E1", "document:d1") in edges and ("credited", "outlet:afp", "document:d1") in edges
    graph = nx.parse_graphml(export.graphml(story))  # a control character is dropped, not written
    assert graph.nodes["relay:lorne radio"]["label"] == "Lorne Radio"
