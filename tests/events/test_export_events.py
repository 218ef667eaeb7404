"""Events in the export: the contract's fields, ids that join, and the ACLED and UCDP CSV formats."""

from __future__ import annotations

import csv
import io

from sitrep.output import events as event_output
from sitrep.output import export

EVENT_FIELDS = {"id", "type", "sub_type", "status", "date", "time_precision", "place", "actors", "victims",
                "instrument", "fatalities", "injured", "mentions"}


def test_events_hold_the_contract_and_join_on_the_ids(stories):
    story = stories("examples")
    assert story["events"]
    documents = {d["id"] for d in story["documents"]}
    entities = {e["id"] for e in story["entities"]}
    for event in story["events"]:
        assert EVENT_FIELDS <= set(event) and event["document"] in documents
        assert {a["entity"] for a in event["actors"]} - {None} <= entities
        assert event["status"] in ("happened", "attempted", "threatened", "denied", "hypothetical")
        if event["place"]:
            assert set(event["place"]) == {"name", "admin1", "country", "lat", "lon", "geonames_id", "geo_precision"}


def test_acled_and_ucdp_exports_are_csv_with_their_columns(stories):
    story = stories("examples")
    for fmt, columns in (("acled", event_output.ACLED_COLUMNS), ("ucdp", event_output.UCDP_COLUMNS)):
        rows = list(csv.reader(io.StringIO(export.render(story, fmt))))
        assert tuple(rows[0]) == columns
        assert len(rows) - 1 == sum(e["status"] in ("happened", "attempted") for e in story["events"])
    acled = list(csv.DictReader(io.StringIO(export.render(story, "acled"))))
    assert all(row["event_type"] and row["sub_event_type"] for row in acled)
    assert all(not row["notes"].startswith(("=", "+", "-", "@")) for row in acled)  # formulas defused
