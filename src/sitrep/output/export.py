"""Export the store's contents in the documented contract.

- `json`: one object, a list a section (documents, entities, attributions, reuse, claims, disputes, events,
  story_events, stories).
- `jsonl`: one item a line, with "section" naming its list.
- `csv`, `parquet`: a folder with one flat table a file (TABLES: documents, entities, mentions,
  attributions, reuse, claims, claim_members, disputes, events, stories); ids join across the tables.
- `graphml`: the source network (outlets, speakers, documents and how words travelled between them).

Everything is computed from the JSON contract (`contract`), so the formats cannot disagree.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from sitrep.errors import UsageProblem
from sitrep.output import events as event_output
from sitrep.records import (
    Attribution,
    Claim,
    Document,
    Entity,
    Event,
    Mention,
    Reuse,
    Story,
    StoryAnalysis,
    StoryEvent,
    span_dicts,
)

FORMATS = ("json", "jsonl", "csv", "parquet", "graphml", "acled", "ucdp")
FOLDER_FORMATS = ("csv", "parquet")  # one file a table, into a folder
# Sections later stages fill; present (empty) from the start so consumers can rely on the keys.
LATER_SECTIONS: tuple[str, ...] = ()
DOCUMENT_FIELDS = ("id", "path", "url", "title", "outlet", "published", "published_from", "language", "credits",
                   "cited_outlets", "text")
MEMBER_FIELDS = ("document", "start", "end", "text", "kind", "speaker", "speaker_entity", "via", "attribution")


def document_record(document: Document) -> dict:
    record = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    record["foreign"] = span_dicts(document.foreign)
    return record


def entity_record(entity: Entity, mentions: list[tuple[str, Mention]]) -> dict:
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": entity.aliases,
            "mentions": [{"document": document, "start": m.start, "end": m.end, "text": m.text}
                         for document, m in mentions],
            "documents": entity.documents}


def attribution_record(a: Attribution, entity_links: dict[str, str]) -> dict:
    return {
        "id": a.id, "document": a.document, "speaker": a.speaker,
        "speaker_entity": entity_links.get(a.speaker_entity, a.speaker_entity),
        "cue": a.cue, "content": a.content, "kind": a.kind, "channel": a.channel, "via": a.via,
        "start": a.start, "end": a.end,
        "spans": {role: span_dicts(spans) for role, spans in a.spans_by_role().items()},
    }


def reuse_record(item: Reuse, texts: dict[str, str]) -> dict:
    record = asdict(item)
    record["origin_text"] = texts[item.origin][item.origin_start:item.origin_end]
    record["copy_text"] = texts[item.copy][item.copy_start:item.copy_end]
    return record


def claim_record(claim: Claim) -> dict:
    return {
        "id": claim.id, "text": claim.text, "attributions": claim.attributions, "documents": claim.documents,
        "independent_origins": claim.independent_origins, "origins": claim.origins, "parent": claim.parent,
        "members": [{name: getattr(m, name) for name in MEMBER_FIELDS} for m in claim.members],
    }


def story_event_record(event: StoryEvent) -> dict:
    """One event across articles: its mentions, each source's version of each slot, casualty estimates and the
    disputes among its versions (`a`, `b`: version ids)."""
    return asdict(event)


def contract(documents: Iterable[Document], attributions: Iterable[Attribution] = (), reuse: Iterable[Reuse] = (),
             story: StoryAnalysis | None = None,
             mentions: dict[str, list[tuple[str, Mention]]] | None = None, events: Iterable[Event] = (),
             stories: Iterable[Story] = ()) -> dict:
    """The export: article entities are given merged across articles, speakers point at the merged ones.

    `mentions`: each merged entity's mentions as (document id, mention) (`Store.entity_mentions`).
    """
    documents = list(documents)
    story = story or StoryAnalysis()
    mentions = mentions or {}
    texts = {d.id: d.text for d in documents}
    found: dict[str, list] = {
        "documents": [document_record(d) for d in documents],
        "entities": [entity_record(e, mentions.get(e.id, [])) for e in story.entities],
        "attributions": [attribution_record(a, story.entity_links) for a in attributions],
        "reuse": [reuse_record(r, texts) for r in reuse],
        "claims": [claim_record(c) for c in story.claims],
        "disputes": [{"id": d.id, "kind": d.kind, "a": d.a, "b": d.b, "reason": d.reason} for d in story.disputes],
        "events": event_output.event_records(events, story.entity_links),
        "story_events": [story_event_record(e) for e in story.events],
        "stories": [asdict(s) for s in stories],
    }
    for section in LATER_SECTIONS:
        found[section] = []
    return found


def story_of(store, story: str | None = None) -> dict:
    """Everything in a store (or in one of its stories), in the export contract."""
    return contract(store.documents(story=story), store.attributions(story), store.reuse(story), store.story(story),
                    store.entity_mentions(story), store.events(story),
                    store.stories(story))


def render(story: dict, fmt: str) -> str:
    """The formats that are one file: json, jsonl, graphml."""
    if fmt == "json":
        return json.dumps(story, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        # One object a line; "section" says which list of the JSON contract it belongs to.
        lines = [json.dumps({"section": section, **item}, ensure_ascii=False)
                 for section, items in story.items() for item in items]
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt == "graphml":
        return graphml(story)
    if fmt in ("acled", "ucdp"):
        return event_output.render(story, fmt, csv_cell)
    raise UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=", ".join(f for f in FORMATS if f not in FOLDER_FORMATS))


# Tables: csv and parquet.

# Each table's columns and their types. "strs": a list of strings; "foreign", "spans": the JSON contract's
# span objects. In CSV every list or object is a JSON text; in Parquet they are native lists and structs.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("id", "str"), ("path", "str"), ("url", "str"), ("title", "str"), ("outlet", "str"),
                  ("published", "str"), ("published_from", "str"), ("language", "str"), ("credits", "strs"),
                  ("cited_outlets", "strs"), ("text", "str"), ("foreign", "foreign")),
    "entities": (("id", "str"), ("name", "str"), ("type", "str"), ("aliases", "strs"), ("mention_count", "int"),
                 ("documents", "strs")),
    "mentions": (("entity", "str"), ("document", "str"), ("start", "int"), ("end", "int"), ("text", "str")),
    "attributions": (("id", "str"), ("document", "str"), ("speaker", "str"), ("speaker_entity", "str"),
                     ("cue", "str"), ("content", "str"), ("kind", "str"), ("channel", "str"), ("via", "strs"),
                     ("start", "int"), ("end", "int"), ("spans", "spans")),
    "reuse": (("origin", "str"), ("copy", "str"), ("origin_start", "int"), ("origin_end", "int"),
              ("copy_start", "int"), ("copy_end", "int"), ("similarity", "float"), ("directed", "bool"),
              ("origin_text", "str"), ("copy_text", "str")),
    "claims": (("id", "str"), ("text", "str"), ("attributions", "strs"), ("documents", "strs"),
               ("independent_origins", "int"), ("origins", "strs"), ("parent", "str")),
    "claim_members": (("claim", "str"), ("number", "int"), ("document", "str"), ("start", "int"), ("end", "int"),
                      ("text", "str"), ("kind", "str"), ("speaker", "str"), ("speaker_entity", "str"),
                      ("via", "strs"), ("attribution", "str")),
    "disputes": (("id", "str"), ("kind", "str"), ("a", "str"), ("b", "str"), ("reason", "str")),
    "events": event_output.TABLE_COLUMNS,
    "stories": (("id", "str"), ("title", "str"), ("first_published", "str"), ("last_published", "str"),
                ("documents", "strs")),
}
# A cell starting with one of these is a formula to a spreadsheet: CSV prefixes it with a single quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def tables(story: dict) -> dict[str, list[dict]]:
    """The story as flat rows, a list a table of TABLES."""
    rows = {
        "documents": story["documents"],
        "entities": [{**e, "mention_count": len(e["mentions"])} for e in story["entities"]],
        "mentions": [{"entity": e["id"], **m} for e in story["entities"] for m in e["mentions"]],
        "attributions": story["attributions"],
        "reuse": story["reuse"],
        "claims": story["claims"],
        "claim_members": [{"claim": c["id"], "number": number, **m}
                          for c in story["claims"] for number, m in enumerate(c["members"])],
        "disputes": story["disputes"],
        "events": event_output.table_rows(story.get("events", [])),
        "stories": story.get("stories", []),
    }
    return {name: [{column: row.get(column) for column, _ in TABLES[name]} for row in rows[name]]
            for name in TABLES}


def write_tables(story: dict, folder: Path, fmt: str) -> list[Path]:
    """Write each table of TABLES to folder/NAME.csv or folder/NAME.parquet; return the paths."""
    if fmt not in FOLDER_FORMATS:
        raise UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=", ".join(FOLDER_FORMATS))
    folder.mkdir(parents=True, exist_ok=True)
    write = _write_csv if fmt == "csv" else _write_parquet
    paths = []
    for name, rows in tables(story).items():
        path = folder / f"{name}.{fmt}"
        write(path, TABLES[name], rows)
        paths.append(path)
    return paths


def csv_cell(value) -> object:
    """A value as a CSV cell: lists and objects as JSON, None as empty, and text a spreadsheet would take
    for a formula (starting with = + - @, a tab or a carriage return) prefixed with a single quote (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _write_csv(path: Path, columns: tuple[tuple[str, str], ...], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([name for name, _ in columns])
        writer.writerows([csv_cell(row[name]) for name, _ in columns] for row in rows)


def _write_parquet(path: Path, columns: tuple[tuple[str, str], ...], rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    span = [("start", pa.int64()), ("end", pa.int64())]
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "strs": pa.list_(pa.string()),
             "foreign": pa.list_(pa.struct([*span, ("language", pa.string())])),
             "spans": pa.struct([(role, pa.list_(pa.struct(span))) for role in Attribution.ROLES])}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


# GraphML: the source network.

# Node kinds: "document" (id document:ID), "outlet" (outlet:NAME: publishes a document, is credited or
# cited by one, or passes words on in a reporting chain; an entity of that name speaks as this node),
# "speaker" (speaker:ENTITY for a merged entity, speaker:name:WORDS for a source no entity resolves),
# "relay" (relay:NAME: a name in a reporting chain that is no outlet and no entity). "ref" is the id in
# the JSON export (a document's, an entity's). Edges run the way the words went, with "weight" the number of items:
# "published", "credited", "cited": outlet → document; "attributed": speaker → document (attributions);
# "via": speaker → the reporter passing it on → … → the outermost reporter; "reuse": origin → copy document
# (passages; "similarity" the highest, "directed" false when which came first cannot be known).
NODE_KEYS = (("kind", "string"), ("label", "string"), ("ref", "string"), ("entity_type", "string"),
             ("outlet", "string"), ("published", "string"), ("url", "string"))
EDGE_KEYS = (("kind", "string"), ("weight", "double"), ("similarity", "double"), ("directed", "boolean"))
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def fold_name(name: str) -> str:
    """A name as the graph matches it: case folded, a leading "the" and runs of space dropped."""
    return re.sub(r"^the ", "", " ".join(_NOT_XML.sub("", name).split()).casefold())


def graph(story: dict) -> tuple[dict[str, dict], dict[tuple[str, str, str], dict]]:
    """The source network: node id → attributes, (kind, source, target) → attributes."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], dict] = {}

    def node(node_id: str, **attributes) -> str:
        nodes.setdefault(node_id, {k: v for k, v in attributes.items() if v is not None})
        return node_id

    def edge(kind: str, source: str, target: str, similarity: float | None = None,
             directed: bool | None = None) -> None:
        if source == target:
            return
        found = edges.setdefault((kind, source, target), {"weight": 0})
        found["weight"] += 1
        if similarity is not None:
            found["similarity"] = max(found.get("similarity", similarity), similarity)
        if directed is not None:
            found["directed"] = found.get("directed", True) and directed

    def outlet(name: str) -> str:
        return node("outlet:" + fold_name(name), kind="outlet", label=name)

    for d in story["documents"]:
        doc = node("document:" + d["id"], kind="document", label=d["title"] or Path(d["path"]).name, ref=d["id"],
                   outlet=d["outlet"], published=d["published"], url=d["url"])
        if d["outlet"]:
            edge("published", outlet(d["outlet"]), doc)
        for agency in d["credits"]:
            edge("credited", outlet(agency), doc)
        for cited in d["cited_outlets"]:
            edge("cited", outlet(cited), doc)
    entities = {e["id"]: e for e in story["entities"]}
    names: dict[str, set[str]] = {}
    for e in story["entities"]:
        for name in (e["name"], *e["aliases"]):
            names.setdefault(fold_name(name), set()).add(e["id"])

    def speaker(entity_id: str) -> str:
        e = entities[entity_id]
        as_outlet = "outlet:" + fold_name(e["name"])
        if as_outlet in nodes:  # an outlet that speaks is one node
            nodes[as_outlet].setdefault("ref", entity_id)
            nodes[as_outlet].setdefault("entity_type", e["type"])
            return as_outlet
        return node("speaker:" + entity_id, kind="speaker", label=e["name"], ref=entity_id, entity_type=e["type"])

    def relay(name: str) -> str:
        folded = fold_name(name)
        if "outlet:" + folded in nodes:
            return "outlet:" + folded
        candidates = names.get(folded, set())
        if len(candidates) == 1:  # a name two entities share is neither
            return speaker(next(iter(candidates)))
        return node("relay:" + folded, kind="relay", label=name)

    for a in story["attributions"]:
        if a["speaker_entity"] in entities:
            said = speaker(a["speaker_entity"])
        elif a["speaker"]:
            said = node("speaker:name:" + fold_name(a["speaker"]), kind="speaker", label=a["speaker"])
        else:
            said = None
        if said:
            edge("attributed", said, "document:" + a["document"])
        chain = ([said] if said else []) + [relay(name) for name in reversed(a["via"])]
        for source, target in zip(chain, chain[1:], strict=False):
            edge("via", source, target)
    for r in story["reuse"]:
        edge("reuse", "document:" + r["origin"], "document:" + r["copy"], similarity=r["similarity"],
             directed=r["directed"])
    return nodes, edges


def graphml(story: dict) -> str:
    """The source network as GraphML (for Gephi; networkx.read_graphml reads it)."""
    nodes, edges = graph(story)
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name,
                                        "attr.type": kind})
    tree = ET.SubElement(root, "graph", id="sources", edgedefault="directed")

    def data(element: ET.Element, domain: str, attributes: dict) -> None:
        for name, value in attributes.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(element, "data", key=f"{domain[0]}_{name}").text = _NOT_XML.sub("", text)

    for node_id, attributes in nodes.items():
        data(ET.SubElement(tree, "node", id=node_id), "node", attributes)
    for number, ((kind, source, target), attributes) in enumerate(edges.items()):
        element = ET.SubElement(tree, "edge", id=f"e{number}", source=source, target=target)
        data(element, "edge", {"kind": kind, **attributes})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
