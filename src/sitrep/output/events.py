"""Events in the export: the `events` section of the JSON contract, the flat `events` table (csv, parquet),
and the two analysts' formats: `acled` (ACLED's columns) and `ucdp` (UCDP GED's best/low/high columns).

Entity ids are the merged entities' (like a speaker's); an event of one article is one row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import asdict

from sitrep.records import Event

MENTION_FIELDS = ("document", "start", "end", "text", "speaker", "speaker_entity", "via", "attribution", "status",
                  "hedged", "values")

# The flat table (csv, parquet): one row an event.
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("document", "str"), ("type", "str"), ("sub_type", "str"), ("status", "str"), ("date", "str"),
    ("time_precision", "int"), ("location", "str"), ("admin1", "str"), ("country", "str"), ("latitude", "float"),
    ("longitude", "float"), ("geonames_id", "int"), ("geo_precision", "int"), ("actor1", "str"), ("actor2", "str"),
    ("victims", "strs"), ("targets", "strs"), ("instrument", "str"), ("fatalities_low", "int"),
    ("fatalities_best", "int"), ("fatalities_high", "int"), ("injured_best", "int"), ("mentions", "int"),
    ("text", "str"), ("documents", "strs"),
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities",
)
UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
    "source_article", "source_office", "source_headline", "where_prec", "where_coordinates", "adm_1", "country",
    "latitude", "longitude", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence; Demonstrations",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
# UCDP's type of violence: 1 state-based, 2 non-state, 3 one-sided (against civilians).
UCDP_TYPES = {"Violence against civilians": 3}


def event_record(event: Event, entity_links: dict[str, str]) -> dict:
    """One event in the export contract."""
    record = asdict(event)
    for actor in record["actors"]:
        actor["entity"] = entity_links.get(actor["entity"], actor["entity"])
    for victim in record["victims"]:
        victim["entity"] = entity_links.get(victim["entity"], victim["entity"])
    record["mentions"] = [{name: m[name] for name in MENTION_FIELDS} for m in record["mentions"]]
    for mention in record["mentions"]:
        mention["speaker_entity"] = entity_links.get(mention["speaker_entity"], mention["speaker_entity"])
    record["text"] = event.mentions[0].text if event.mentions else ""
    record["documents"] = [event.document]
    return record


def event_records(events: Iterable[Event], entity_links: dict[str, str]) -> list[dict]:
    return [event_record(e, entity_links) for e in events]


def _actor(record: dict, role: str) -> str | None:
    names = [a["name"] for a in record["actors"] if a["role"] == role]
    return names[0] if names else None


def table_rows(events: list[dict]) -> list[dict]:
    """The flat `events` table."""
    rows = []
    for e in events:
        place = e.get("place") or {}
        fatalities, injured = e.get("fatalities") or {}, e.get("injured") or {}
        rows.append({
            "id": e["id"], "document": e["document"], "type": e["type"], "sub_type": e["sub_type"],
            "status": e["status"], "date": e["date"], "time_precision": e["time_precision"],
            "location": place.get("name"), "admin1": place.get("admin1"), "country": place.get("country"),
            "latitude": place.get("lat"), "longitude": place.get("lon"), "geonames_id": place.get("geonames_id"),
            "geo_precision": place.get("geo_precision"), "actor1": _actor(e, "actor1"), "actor2": _actor(e, "actor2"),
            "victims": [v["name"] for v in e["victims"]], "targets": list(e.get("targets", [])),
            "instrument": e["instrument"], "fatalities_low": fatalities.get("low"),
            "fatalities_best": fatalities.get("best"), "fatalities_high": fatalities.get("high"),
            "injured_best": injured.get("best"), "mentions": len(e["mentions"]), "text": e.get("text"),
            "documents": e.get("documents", [e["document"]]),
        })
    return rows


def _source(e: dict, documents: dict[str, dict]) -> str:
    document = documents.get(e["document"], {})
    speakers = sorted({m["speaker"] for m in e["mentions"] if m["speaker"]})
    outlet = document.get("outlet") or document.get("path") or e["document"]
    return "; ".join([outlet, *speakers])


def acled_rows(story: dict) -> list[dict]:
    """Events as ACLED codes them (columns it cannot know stay empty). Only events reported as having
    happened or been attempted: ACLED does not code threats, denials or suppositions."""
    documents = {d["id"]: d for d in story["documents"]}
    rows = []
    for e in story.get("events", []):
        if e["status"] not in ("happened", "attempted"):
            continue
        place = e.get("place") or {}
        assoc1 = [a["name"] for a in e["actors"] if a["role"] == "actor1"][1:]
        assoc2 = [a["name"] for a in e["actors"] if a["role"] == "actor2"][1:]
        rows.append({
            "event_id_cnty": e["id"], "event_date": e["date"], "year": e["date"][:4] if e["date"] else None,
            "time_precision": e["time_precision"], "disorder_type": DISORDER.get(e["type"]),
            "event_type": e["type"], "sub_event_type": e["sub_type"], "actor1": _actor(e, "actor1"),
            "assoc_actor_1": "; ".join(assoc1) or None, "inter1": None, "actor2": _actor(e, "actor2"),
            "assoc_actor_2": "; ".join(assoc2) or None, "inter2": None, "interaction": None,
            "civilian_targeting": "Civilian targeting" if e["type"] == "Violence against civilians" else None,
            "iso": None, "region": None, "country": place.get("country"), "admin1": place.get("admin1"),
            "admin2": None, "admin3": None, "location": place.get("name"), "latitude": place.get("lat"),
            "longitude": place.get("lon"), "geo_precision": place.get("geo_precision"),
            "source": _source(e, documents), "source_scale": None, "notes": e.get("text"),
            "fatalities": (e.get("fatalities") or {}).get("best", 0),
        })
    return rows


def ucdp_rows(story: dict) -> list[dict]:
    """Events in UCDP GED's columns: deaths as best, low and high (high empty when the text sets no bound)."""
    documents = {d["id"]: d for d in story["documents"]}
    rows = []
    for e in story.get("events", []):
        if e["status"] not in ("happened", "attempted"):
            continue
        place, fatalities = e.get("place") or {}, e.get("fatalities") or {}
        document = documents.get(e["document"], {})
        rows.append({
            "id": e["id"], "relid": e["document"], "year": e["date"][:4] if e["date"] else None,
            "active_year": None, "type_of_violence": UCDP_TYPES.get(e["type"]), "conflict_name": None,
            "dyad_name": " - ".join(n for n in (_actor(e, "actor1"), _actor(e, "actor2")) if n) or None,
            "side_a": _actor(e, "actor1"), "side_b": _actor(e, "actor2"),
            "source_article": _source(e, documents), "source_office": document.get("outlet"),
            "source_headline": document.get("title"), "where_prec": place.get("geo_precision"),
            "where_coordinates": place.get("name"), "adm_1": place.get("admin1"), "country": place.get("country"),
            "latitude": place.get("lat"), "longitude": place.get("lon"), "event_clarity": 1 if len(e["mentions"]) > 1
            else 2, "date_prec": e["time_precision"], "date_start": e["date"], "date_end": e["date"],
            "deaths_a": None, "deaths_b": None,
            "deaths_civilians": fatalities.get("best") if e["type"] == "Violence against civilians" else None,
            "deaths_unknown": fatalities.get("best") if e["type"] != "Violence against civilians" else None,
            "best": fatalities.get("best", 0), "high": fatalities.get("high"), "low": fatalities.get("low", 0),
        })
    return rows


def render_csv(rows: list[dict], columns: tuple[str, ...], cell) -> str:
    """One CSV text with `columns`; `cell` makes each value a cell (export.csv_cell: formulas defused)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([cell(row.get(name)) for name in columns] for row in rows)
    return out.getvalue()


def render(story: dict, fmt: str, cell) -> str:
    """`acled` or `ucdp` as one CSV text."""
    if fmt == "acled":
        return render_csv(acled_rows(story), ACLED_COLUMNS, cell)
    return render_csv(ucdp_rows(story), UCDP_COLUMNS, cell)
