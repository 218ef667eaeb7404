from __future__ import annotations

import pytest

from sitrep.ingest import metadata


@pytest.mark.parametrize("line, expected", [
    ("Updated: 03.14.26, 09:12", "2026-03-14"),
    ("First published: 17:10, 14.03.26", "2026-03-14"),
    ("Published March 14, 2026", "2026-03-14"),
    ("Posted on 14 March 2026 at 10:00", "2026-03-14"),
    ("Updated: 03.04.26", None),  # day and month cannot be told apart
])
def test_labelled_dates(line, expected):
    assert metadata.publication_date([line], []) == expected


def test_published_label_beats_updated():
    lines = ["Updated: 2026-03-15", "First published: 2026-03-14"]
    assert metadata.publication_date(lines, []) == "2026-03-14"


def test_bare_dateline_only_from_the_page_head():
    assert metadata.publication_date([], ["- April 2, 2026"]) == "2026-04-02"
    assert metadata.publication_date([], []) is None


@pytest.mark.parametrize("lines, bylines, expected", [
    (["(Photo: AFP)"], [], ["AFP"]),
    (["Smoke over the port (Photo by Jane Roe / Reuters)"], [], ["Reuters"]),
    (["The talks resumed on Sunday. (EFE)"], [], ["EFE"]),
    ([], ["AFP |"], ["AFP"]),
    ([], ["VELMAR (Reuters) - Troops entered the town."], ["Reuters"]),
    (["Officials told Reuters the talks had stalled."], [], []),  # an interview is not a credit
    (["A photo of the bridge was shared on social media."], [], []),
])
def test_wire_credits(lines, bylines, expected):
    assert metadata.wire_credits(lines + bylines, bylines) == expected


def test_cited_outlets():
    text = ("According to the Valley Courier, the governor resigned. Radio Kestria reported that talks stalled. "
            "The statement was reprinted by Dawn-24: it said little. Reuters says the port is closed. "
            "The mayor said the port is closed. According to Colonel Ivo Marr, the bridge is intact.")
    found = metadata.cited_outlets(text)
    assert {"Valley Courier", "Radio Kestria", "Dawn-24", "Reuters"} <= set(found)
    assert not any("Marr" in name or "mayor" in name.lower() for name in found)


def test_outlet_from_source_line_or_share_links():
    assert metadata.outlet_from_lines(["Source: valleycourier"]) == "valleycourier"
    assert metadata.outlet_from_lines(["courier on Facebookcourier on Twitter"]) == "courier"
    assert metadata.outlet_from_lines(["Source: AFP"]) is None


def test_date_label_after_a_byline_agency_is_read():
    assert metadata.publication_date(["EFE | First published: 20 April 2026"], []) == "2026-04-20"


def test_outlet_named_with_its_acronym_is_cited():
    text = "According to the Sellin Times, the Valley News Agency (VNA) reported that the envoy left."
    assert "Valley News Agency" in metadata.cited_outlets(text)
