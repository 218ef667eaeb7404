"""Export the store's contents in the documented contract: JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from sitrep.errors import UsageProblem
from sitrep.records import Document

FORMATS = ("json", "jsonl", "csv")
# Sections later stages fill; present (empty) from the start so consumers can rely on the keys.
SECTIONS = ("entities", "attributions", "reuse", "claims", "disputes", "events")
DOCUMENT_FIELDS = ("id", "path", "url", "title", "outlet", "published", "language", "credits",
                   "cited_outlets", "text")


def document_record(document: Document) -> dict:
    record = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    record["foreign"] = [{"start": s.start, "end": s.end, "language": s.language} for s in document.foreign]
    return record


def contract(documents: Iterable[Document]) -> dict:
    story: dict[str, list] = {"documents": [document_record(d) for d in documents]}
    for section in SECTIONS:
        story[section] = []
    return story


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
