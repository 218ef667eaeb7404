from __future__ import annotations

import pytest

from sitrep.ingest import extract, metadata
from sitrep.records import RawDocument


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


@pytest.mark.parametrize("stated, expected", [
    pytest.param("2021-09-06T10:00:00Z", "2021-09-06", id="iso-datetime-utc"),
    pytest.param("2021-09-06T23:30:00-05:00", "2021-09-06", id="iso-datetime-the-stated-day-not-utc"),
    pytest.param("2021-09-06", "2021-09-06", id="iso-date"),
    pytest.param("Mon, 06 Sep 2021 10:00:00 GMT", "2021-09-06", id="http-date"),
    pytest.param("yesterday", None, id="relative-is-never-a-date"),
])
def test_jsonl_published_iso_datetime_is_not_dropped(stated, expected):
    assert metadata.normalise_date(stated) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("14 марта 2026", "2026-03-14", id="russian"),
    pytest.param("6 de septiembre de 2021", "2021-09-06", id="spanish"),
    pytest.param("6. September 2021", "2021-09-06", id="german"),
    pytest.param("6 Eylül 2021", "2021-09-06", id="turkish"),
    pytest.param("6 سبتمبر 2021", "2021-09-06", id="arabic"),
    pytest.param("2021年9月6日", "2021-09-06", id="chinese"),
    pytest.param("5 men 2021", None, id="a-word-that-is-no-month"),
    pytest.param("31 février 2021", None, id="no-such-day"),
    pytest.param("septiembre de 2021", None, id="no-day-no-date"),
])
def test_localised_dates_are_read_strictly(text, expected):
    assert metadata.parse_date(text) == expected


@pytest.mark.parametrize("lines, page_head, expected", [
    pytest.param(["PUBLISHED: 14 MARCH 2026"], [], "2026-03-14", id="wire-capitals-day-first"),
    pytest.param(["UPDATED SEPT. 6, 2021 10:00 GMT"], [], "2021-09-06", id="wire-capitals-month-first"),
    pytest.param([], ["14 МАРТА 2026"], "2026-03-14", id="wire-capitals-localised-dateline"),
    pytest.param(["Опубликовано: 14 марта 2026, 10:00"], [], "2026-03-14", id="localised-label"),
    pytest.param(["Publicado el 6 de septiembre de 2021"], [], "2021-09-06", id="localised-label-spanish"),
    pytest.param(["PUBLISHED: 03.04.26"], [], None, id="capitals-do-not-settle-day-and-month"),
])
def test_wire_text_in_capital_letters_and_localised_labels(lines, page_head, expected):
    assert metadata.publication_date(lines, page_head) == expected


@pytest.mark.parametrize("url, date", [
    pytest.param("https://example.com/news/2022/04/08/strike", "2022-04-08", id="year-month-day-folders"),
    pytest.param("https://example.com/2022/4/9/strike", "2022-04-09", id="unpadded-folders"),
    pytest.param("https://example.com/a/2021-09-06-council-vote", "2021-09-06", id="iso-in-the-slug"),
    pytest.param("https://example.com/news/20210818-council-vote", "2021-08-18", id="eight-digits"),
    pytest.param("https://example.com/2021/09/council-vote", None, id="a-month-is-not-a-day"),
    pytest.param("https://example.com/page/202204/1258849.shtml", None, id="an-id-is-not-a-date"),
    pytest.param("https://example.com/news/20211345", None, id="no-such-month"),
])
def test_date_from_url(url, date):
    assert metadata.date_from_url(url) == date


def test_a_crawled_page_stating_no_date_takes_its_urls_date():
    body = "".join(f"The council approved budget line {n} after a long debate about the bridge repairs, "
                   "officials said in a statement released late in the evening.\n" for n in range(3))
    raw = RawDocument(path="crawl.jsonl", kind="text", content=body, url="https://example.com/2022/04/08/budget")
    assert extract(raw).published == "2022-04-08"
    stated = RawDocument(path="crawl.jsonl", kind="text", content="Published: March 3, 2022\n" + body,
                         url="https://example.com/2022/04/08/budget")
    assert extract(stated).published == "2022-03-03"


def test_each_date_says_where_it_was_read():
    body = "".join(f"The council approved budget line {n} after a long debate about the bridge repairs, "
                   "officials said in a statement released late in the evening.\n" for n in range(3))
    url = "https://example.com/2022/04/08/budget"
    read = {name: extract(RawDocument(path="crawl.jsonl", kind="text", url=url, **fields))
            for name, fields in (("url", {"content": body}),
                                 ("text", {"content": "Published: March 3, 2022\n" + body}),
                                 ("input", {"content": "Published: March 3, 2022\n" + body,
                                            "published": "2022-03-01T10:00:00Z"}))}
    assert {name: (d.published, d.published_from) for name, d in read.items()} == {
        "url": ("2022-04-08", "url"), "text": ("2022-03-03", "text"), "input": ("2022-03-01", "input")}
    undated = extract(RawDocument(path="a.txt", kind="text", content=body))
    assert (undated.published, undated.published_from) == (None, None)


@pytest.mark.parametrize("byline, expected", [
    pytest.param("By Mara Vesk | May 4, 2026", "2026-05-04", id="byline-bar-date"),
    pytest.param("By Mara Vesk, Valley Courier, 4 May 2026", "2026-05-04", id="byline-outlet-date"),
    pytest.param("By Mara Vesk on May 4, 2026, 10:15", "2026-05-04", id="byline-on-date-and-time"),
    pytest.param("By Mara Vesk | Staff writer", None, id="byline-without-a-date"),
])
def test_a_byline_ending_in_a_date_dates_the_article(byline, expected):
    body = "".join(f"The council approved budget line {n} after a long debate about the bridge repairs, "
                   "officials said in a statement released late in the evening.\n" for n in range(3))
    raw = RawDocument(path="budget.txt", kind="text", content=f"Council approves bridge budget\n{byline}\n{body}")
    assert extract(raw).published == expected


def test_a_dated_byline_below_the_article_is_no_publication_date():
    body = "".join(f"The council approved budget line {n} after a long debate about the bridge repairs, "
                   "officials said in a statement released late in the evening.\n" for n in range(3))
    raw = RawDocument(path="budget.txt", kind="text",
                      content=f"Council approves bridge budget\n{body}By Mara Vesk | May 4, 2026\n")
    assert extract(raw).published is None


def test_a_cited_name_never_runs_into_the_next_sentence():
    text = ("Four people died, according to Velmar District Hospital. Residents said the shells came at dawn. "
            "The toll was confirmed by the mayor, according to the Valley Courier. He spoke at noon.")
    found = metadata.cited_outlets(text)
    assert "Valley Courier" in found
    assert not any("." in name for name in found)


@pytest.mark.parametrize("own", ["The Velmar Review", "velmarreview.com"])
def test_the_articles_own_outlet_is_not_cited(own):
    text = ("The mayor told the Review that the town was empty. He told the Velmar Review the same on Monday. "
            "A spokesman told the Valley Courier that the bridge had been closed.")
    found = metadata.cited_outlets(text, own=own)
    assert "Valley Courier" in found
    assert not any("Review" in name for name in found)


def test_an_agency_is_cited_unless_it_is_the_articles_own():
    text = "An official told Reuters that the talks had stalled."
    assert metadata.cited_outlets(text, own="Valley Courier") == ["Reuters"]
    assert metadata.cited_outlets(text, own="Reuters") == []


def test_a_cited_name_after_a_sentence_break_keeps_the_part_next_to_its_verb():
    text = ("The bridge was built in 1998. The Valley Courier reported that it was closed in 2014. "
            "Radio Velmar says so too.")
    found = metadata.cited_outlets(text)
    assert "Valley Courier" in found or "The Valley Courier" in found
    assert not any("." in name for name in found)
