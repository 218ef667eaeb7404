"""Export the store's contents in the documented contract: JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict

from sitrep.errors import UsageProblem
from sitrep.records import Attribution, Claim, Document, Entity, Reuse, StoryAnalysis, span_dicts

FORMATS = ("json", "jsonl", "csv")
# Sections later stages fill; present (empty) from the start so consumers can rely on the keys.
LATER_SECTIONS = ("events",)
DOCUMENT_FIELDS = ("id", "path", "url", "title", "outlet", "published", "language", "credits",
                   "cited_outlets", "text")


def document_record(document: Document) -> dict:
    record = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    record["foreign"] = span_dicts(document.foreign)
    return record


def entity_record(entity: Entity) -> dict:
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": entity.aliases,
            "mentions": len(entity.mentions), "documents": entity.documents}


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
        "members": [{name: getattr(m, name) for name in
                     ("document", "start", "end", "text", "kind", "speaker", "speaker_entity", "via", "attribution")}
                    for m in claim.members],
    }


def contract(documents: Iterable[Document], attributions: Iterable[Attribution] = (), reuse: Iterable[Reuse] = (),
             story: StoryAnalysis | None = None) -> dict:
    """The export: article entities are given merged across articles, speakers point at the merged ones."""
    documents = list(documents)
    story = story or StoryAnalysis()
    texts = {d.id: d.text for d in documents}
    found: dict[str, list] = {
        "documents": [document_record(d) for d in documents],
        "entities": [entity_record(e) for e in story.entities],
        "attributions": [attribution_record(a, story.entity_links) for a in attributions],
        "reuse": [reuse_record(r, texts) for r in reuse],
        "claims": [claim_record(c) for c in story.claims],
        "disputes": [asdict(d) for d in story.disputes],
    }
    for section in LATER_SECTIONS:
        found[section] = []
    return found


def story_of(store) -> dict:
    """Everything in a store, in the export contract."""
    return contract(store.documents(), store.attributions(), store.reuse(), store.story())


def render(story: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(story, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        # One object a line; "section" says which list of the JSON contract it belongs to.
        lines = [json.dumps({"section": section, **item}, ensure_ascii=False)
                 for section, items in story.items() for item in items]
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(DOCUMENT_FIELDS), extrasaction="ignore")
        writer.writeheader()
        for record in story["documents"]:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in record.items()})
        return out.getvalue()
    raise UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=", ".join(FORMATS))
