from __future__ import annotations

import pytest

from sitrep.ingest import metadata


@pytest.mark.parametrize("lines, page_head, expected", [
    pytest.param(["Updated: 03.14.26, 09:12"], [], "2026-03-14", id="updated-label-month-first"),
    pytest.param(["First published: 17:10, 14.03.26"], [], "2026-03-14", id="published-label-day-first"),
    pytest.param(["Published March 14, 2026"], [], "2026-03-14", id="published-label-month-name"),
    pytest.param(["Posted on 14 March 2026 at 10:00"], [], "2026-03-14", id="posted-label-with-time"),
    pytest.param(["Updated: 03.04.26"], [], None, id="day-and-month-cannot-be-told-apart"),
    pytest.param(["Updated: 2026-03-15", "First published: 2026-03-14"], [], "2026-03-14",
                 id="published-label-beats-updated"),
    pytest.param([], ["- April 2, 2026"], "2026-04-02", id="bare-dateline-from-the-page-head"),
    pytest.param([], [], None, id="no-date-at-all"),
    pytest.param(["EFE | First published: 20 April 2026"], [], "2026-04-20", id="label-after-a-byline-agency"),
])
def test_publication_date(lines, page_head, expected):
    assert metadata.publication_date(lines, page_head) == expected


@pytest.mark.parametrize("lines, bylines, expected", [
    pytest.param(["(Photo: AFP)"], [], ["AFP"], id="photo-credit"),
    pytest.param(["Smoke over the port (Photo by Jane Roe / Reuters)"], [], ["Reuters"], id="photographer-and-agency"),
    pytest.param(["The talks resumed on Sunday. (EFE)"], [], ["EFE"], id="agency-closing-the-text"),
    pytest.param([], ["AFP |"], ["AFP"], id="agency-byline"),
    pytest.param([], ["VELMAR (Reuters) - Troops entered the town."], ["Reuters"], id="dateline-agency"),
    pytest.param(["Officials told Reuters the talks had stalled."], [], [], id="an-interview-is-not-a-credit"),
    pytest.param(["A photo of the bridge was shared on social media."], [], [], id="a-photo-mentioned-is-not-a-credit"),
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


@pytest.mark.parametrize("lines, expected", [
    pytest.param(["Source: valleycourier"], "valleycourier", id="source-line"),
    pytest.param(["courier on Facebookcourier on Twitter"], "courier", id="share-links"),
    pytest.param(["Source: AFP"], None, id="an-agency-is-no-outlet"),
])
def test_outlet_from_source_line_or_share_links(lines, expected):
    assert metadata.outlet_from_lines(lines) == expected


def test_outlet_named_with_its_acronym_is_cited():
    text = "According to the Sellin Times, the Valley News Agency (VNA) reported that the envoy left."
    assert "Valley News Agency" in metadata.cited_outlets(text)
