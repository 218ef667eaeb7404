"""Who published an article: the name it states, else its URL's site; never a word that only looks like a name."""

from __future__ import annotations

import socket

import pytest

from sitrep.ingest import extract, metadata
from sitrep.records import RawDocument

BODY = ("The city council approved the new budget on Monday after a long debate about the costs of the bridge "
        "repairs and the police station, officials said in a statement released late in the evening.\n") * 3
HEADLINE = "Council approves budget after long debate\n"


def _outlet(content: str, url: str | None = None, kind: str = "text", **stated) -> str | None:
    return extract(RawDocument(path="crawl.jsonl", kind=kind, content=content, url=url, **stated)).outlet


@pytest.mark.parametrize("head", [
    pytest.param("Thumbnail\n", id="thumbnail"),
    pytest.param("Published\n", id="published"),
    pytest.param("Monday, September 6\n", id="weekday-date"),
    pytest.param("Jane Doe\n", id="a-person"),
    pytest.param("Mayor Jane Doe\n", id="a-mayor"),
    pytest.param("World\n", id="a-section"),
])
def test_page_words_above_the_headline_never_become_the_outlet(head):
    assert _outlet(head + HEADLINE + BODY) is None
    assert _outlet(head + HEADLINE + BODY, url="https://www.aljazeera.com/news/2021/9/6/x") == "aljazeera.com"


@pytest.mark.parametrize("url, expected", [
    pytest.param("https://www.aljazeera.com/news/2021/9/6/x", "aljazeera.com", id="www-dropped"),
    pytest.param("https://news.bbc.co.uk/2/hi/x.stm", "bbc.co.uk", id="two-part-suffix"),
    pytest.param("https://valleynotes.blogspot.com/2021/09/x.html", "valleynotes.blogspot.com", id="private-suffix"),
    pytest.param("https://xn--e1afmkfd.xn--p1ai/news", "пример.рф", id="punycode-shown-in-its-letters"),
    pytest.param("http://127.0.0.1:8000/a", None, id="an-ip-address-is-no-outlet"),
    pytest.param("line 3", None, id="a-record-number-is-no-url"),
])
def test_crawled_article_naming_no_outlet_gets_its_urls_site(url, expected):
    assert _outlet(HEADLINE + BODY, url=url) == expected


@pytest.mark.parametrize("content, title, expected", [
    pytest.param("Al Jazeera\n" + HEADLINE + BODY, None, "Al Jazeera", id="masthead-with-the-domains-letters"),
    pytest.param(BODY, "Council approves budget | Al Jazeera", "Al Jazeera", id="title-suffix"),
    pytest.param("Jazeera Times\n" + HEADLINE + BODY, None, "aljazeera.com", id="other-letters-keep-the-domain"),
])
def test_the_domain_is_spelt_as_the_page_spells_it(content, title, expected):
    assert _outlet(content, url="https://www.aljazeera.com/x", title=title) == expected


def test_the_name_the_page_states_comes_before_its_urls_site():
    assert _outlet("Source: Valley Courier\n" + HEADLINE + BODY, url="https://www.example.com/a") == "Valley Courier"
    assert _outlet(HEADLINE + BODY, url="https://www.example.com/a", outlet="Example Daily") == "Example Daily"
    html = ("<html><head><meta property='og:site_name' content='Al Jazeera'><title>Budget</title></head><body>"
            f"<article><h1>Council approves budget</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    assert _outlet(html, url="https://www.aljazeera.com/a", kind="html") == "Al Jazeera"


def test_a_masthead_with_a_weekday_in_its_name_is_still_an_outlet():
    assert _outlet("The Sunday Times\n" + HEADLINE + BODY) == "The Sunday Times"


def test_the_urls_site_is_found_with_no_network_and_no_cache_written(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TLDEXTRACT_CACHE", raising=False)
    metadata._domain_parser.cache_clear()  # a fresh extractor reads its suffix list now, under the block
    try:
        assert metadata.site_of("https://www.aljazeera.com/news") == "aljazeera.com"
    finally:
        metadata._domain_parser.cache_clear()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("line", [
    pytest.param("Source: Mayor of Dravik Jane Doe\n", id="a-person-with-a-title"),
    pytest.param("Source: Ministry of Defence of Valdoria\n", id="a-ministry"),
])
def test_a_source_line_naming_a_person_is_not_the_outlet_when_the_url_names_the_site(line):
    assert _outlet(HEADLINE + line + BODY, url="https://www.example.com/a") == "example.com"
