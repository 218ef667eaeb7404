"""JSON Lines and JSON records under the names crawlers give their fields; standard input as an input."""

from __future__ import annotations

import io
import json
import sys

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.ingest import extract, read_file
from sitrep.ingest.files import expand_inputs
from sitrep.records import InputFailure, RawDocument, SkippedFile

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded and the ferry service was suspended until further notice. ") * 3
TRAFILATURA = {"title": "Port shelled overnight", "author": None, "hostname": "aljazeera.com",
               "date": "2021-09-06", "source": "https://www.aljazeera.com/news/2021/9/6/port-shelled",
               "source-hostname": "Al Jazeera", "excerpt": "", "categories": "", "tags": "", "text": ARTICLE,
               "comments": ""}


def _items(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return list(read_file(str(tmp_path / name)))


def _jsonl(*records) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def test_jsonl_published_iso_datetime_survives_the_build(tmp_path):
    [raw] = _items(tmp_path, "feed.jsonl", _jsonl({"url": "https://example.org/a", "published": "2021-09-06T10:00:00Z",
                                                    "text": ARTICLE}))
    assert extract(raw).published == "2021-09-06"


def test_trafilatura_json_output_keys_are_read(tmp_path):
    [raw] = _items(tmp_path, "crawl.jsonl", _jsonl(TRAFILATURA))
    assert raw.url == TRAFILATURA["source"] and raw.title == "Port shelled overnight"
    document = extract(raw)
    assert (document.published, document.outlet) == ("2021-09-06", "Al Jazeera")


@pytest.mark.parametrize("fields, outlet", [
    pytest.param({"outlet": "Valley Courier"}, "Valley Courier", id="outlet"),
    pytest.param({"sitename": "Valley Courier"}, "Valley Courier", id="trafilatura-sitename"),
    pytest.param({"source": {"id": None, "name": "Valley Courier"}}, "Valley Courier", id="news-api-source-object"),
    pytest.param({"hostname": "www.valleycourier.net"}, "valleycourier.net", id="hostname-of-a-record-without-url"),
    pytest.param({"source": "https://www.valleycourier.net/a"}, "valleycourier.net",
                 id="trafilatura-source-is-the-url"),
])
def test_a_records_outlet_under_any_of_its_names(tmp_path, fields, outlet):
    [raw] = _items(tmp_path, "feed.jsonl", _jsonl({"text": ARTICLE, **fields}))
    assert extract(raw).outlet == outlet


def test_raw_text_is_a_records_text(tmp_path):
    [raw] = _items(tmp_path, "feed.jsonl", _jsonl({"raw_text": ARTICLE, "url": "https://example.org/a"}))
    assert raw.content == ARTICLE and raw.kind == "text"


def test_json_array_of_records_is_read_not_skipped(tmp_path):
    records = [TRAFILATURA, {"text": ARTICLE + " Second.", "date": "2021-09-07"}, {"title": "no text"}]
    items = _items(tmp_path, "crawl.json", json.dumps(records, indent=2))
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "InputFailure"]
    assert items[0].url == TRAFILATURA["source"] and items[1].published == "2021-09-07"
    # a record without a URL is named by the line it starts on, as in JSON Lines
    starts = [number for number, line in enumerate(json.dumps(records, indent=2).splitlines(), 1) if line == "  {"]
    assert items[1].url == f"line {starts[1]}" and f"line {starts[2]} " in items[2].message


@pytest.mark.parametrize("text, kinds", [
    pytest.param(json.dumps(TRAFILATURA, indent=2), ["RawDocument"], id="one-object"),
    pytest.param(_jsonl(TRAFILATURA, {"text": ARTICLE + " b"}), ["RawDocument", "RawDocument"],
                 id="json-lines-in-a-json-file"),
    pytest.param(json.dumps([TRAFILATURA, {"text": ARTICLE + " b"}])[:-30], ["RawDocument", "InputFailure"],
                 id="cut-short-keeps-the-records-before"),
    pytest.param(json.dumps({"name": "sitrep", "version": "1"}), ["SkippedFile"], id="not-articles-is-a-note"),
    pytest.param("[]", ["SkippedFile"], id="an-empty-array-is-a-note"),
])
def test_json_files(tmp_path, text, kinds):
    items = _items(tmp_path, "x.json", text)
    assert [type(item).__name__ for item in items] == kinds
    for item in items:
        if not isinstance(item, RawDocument):
            assert item.message.startswith(f"{tmp_path / 'x.json'}: [W0") and "\n" not in item.message


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert list(expand_inputs(["-"])) == ["-"]
    return list(read_file("-"))


def test_stdin_text_is_one_article(monkeypatch):
    [raw] = _stdin(monkeypatch, ("Port shelled\n\n" + ARTICLE).encode("cp1252"))
    assert isinstance(raw, RawDocument) and raw.path == "<stdin>" and raw.kind == "text" and ARTICLE in raw.content


def test_stdin_json_lines_are_records(monkeypatch):
    items = _stdin(monkeypatch, _jsonl(TRAFILATURA, {"text": ARTICLE + " b"}, "not an object").encode())
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "InputFailure"]
    assert items[0].url == TRAFILATURA["source"] and items[2].message.startswith("<stdin>: [W007] line 3 ")


def test_stdin_html_is_html(monkeypatch):
    [raw] = _stdin(monkeypatch, f"<!DOCTYPE html><html><body><p>{ARTICLE}</p></body></html>".encode())
    assert raw.kind == "html"


def test_empty_stdin_is_one_failure(monkeypatch):
    [failure] = _stdin(monkeypatch, b"")
    assert isinstance(failure, InputFailure) and failure.message == "<stdin>: [W002] the file is empty"


def test_a_json_file_beside_the_articles_is_not_a_failure(tmp_path):
    [note] = _items(tmp_path, "package.json", json.dumps({"name": "x", "dependencies": {}}))
    assert isinstance(note, SkippedFile) and "[W024]" in note.message


def test_build_dash_reads_standard_input(tmp_path):
    result = CliRunner().invoke(app, ["build", "-", "--db", str(tmp_path / "s.db")],
                                input=("Port shelled overnight\n\n" + ARTICLE).encode())
    assert result.exit_code == 0, result.output
    assert "1 documents added" in " ".join(result.output.split())
