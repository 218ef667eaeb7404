"""Hostile input never costs a good document: each finding of the fuzzing review, as a regression test.

Every bad record is one coded line naming its file (and record); the good documents beside it are
stored; nothing reads forever, blocks or unpacks without bound.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import time

import pytest

from sitrep import pipeline
from sitrep.ingest import extract, read_file
from sitrep.ingest.deadline import TimeLimitExceeded, time_limit
from sitrep.ingest.files import expand_inputs
from sitrep.records import InputFailure, RawDocument, SkippedFile
from sitrep.settings import Settings
from sitrep.store import Store

ARTICLE = (
    "Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that "
    "three people were wounded and the ferry service was suspended until further notice.\n"
)
OTHER_ARTICLE = ARTICLE.replace("river port", "mountain airfield")


def _line(**record) -> str:
    return json.dumps({"url": "https://example.org/a", "text": ARTICLE} | record)


def _kinds(items) -> list[str]:
    return [item.code if isinstance(item, InputFailure) else type(item).__name__ for item in items]


def _one_line_naming(item: InputFailure | SkippedFile, path) -> None:
    assert item.message.startswith(str(path)) and "\n" not in item.message, item.message


def _build(*inputs, **settings):
    store = Store(str(inputs[0].parent / f"{inputs[0].name}.db"))  # beside the inputs, never among them
    report = pipeline.build(pipeline.input_files([str(i) for i in inputs]), store, settings=Settings(**settings))
    return report, store


def _warc(*records: bytes) -> bytes:
    return b"".join(records)


def _warc_record(kind: str, body: bytes, uri: str = "https://example.org/a", length: int | str | None = None,
                 content_type: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(body) if length is None else length}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def _http(body: bytes, *headers: str) -> bytes:
    lines = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


PAGE = f"<html><head><title>Port shelled</title></head><body><p>{ARTICLE}</p></body></html>".encode()


# 1 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("nested", [
    pytest.param("[" * 1_000 + "]" * 1_000, id="array-1000"),
    pytest.param('{"a":' * 50_000 + "1" + "}" * 50_000, id="object-50000"),
    pytest.param(_line(extra="x")[:-1] + ', "deep": ' + "[" * 5_000 + "]" * 5_000 + "}", id="in-a-field"),
    pytest.param("[" * 100_000, id="unclosed"),
])
def test_a_jsonl_line_nested_a_thousand_levels_deep_fails_that_line_only(tmp_path, nested):
    path = tmp_path / "feed.jsonl"
    path.write_text(_line() + "\n" + nested + "\n")
    items = list(read_file(str(path)))
    assert _kinds(items) == ["RawDocument", "W016"]
    _one_line_naming(items[1], path)
    assert "line 2" in items[1].message


def test_nesting_deeper_than_python_parses_is_named_even_with_the_limit_raised(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("[" * 5_000 + "]" * 5_000 + "\n")
    assert _kinds(read_file(str(path), Settings(max_json_depth=1_000_000))) == ["W016"]


def test_brackets_inside_strings_are_not_nesting(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_line(title="[[[[" * 100 + '\\"{{{{' * 100))
    assert _kinds(read_file(str(path))) == ["RawDocument"]


# 2 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("digits", [4_301, 20_000])
def test_a_number_of_over_4300_digits_in_a_jsonl_field_does_not_lose_the_record(tmp_path, digits):
    path = tmp_path / "feed.jsonl"
    number = "7" * digits
    path.write_text(_line()[:-1] + f', "views": {number}, "published": -{number}}}\n' + number + "\n")
    items = list(read_file(str(path)))
    assert _kinds(items) == ["RawDocument", "W007"]  # the bare number is not an object: that line only
    assert items[0].published is None
    _one_line_naming(items[1], path)


# 3 ------------------------------------------------------------------------------------------------

def test_a_lone_surrogate_in_a_jsonl_record_is_stored(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        '{"url": "https://x/\\ud83d", "title": "Port \\udc00 shelled", "published": "2026-03-02\\ud800", '
        f'"text": {json.dumps(ARTICLE)[:-1]} \\udfff"}}\n')
    report, store = _build(tmp_path)
    assert (report.added, report.failures) == (1, [])
    (document,) = store.documents()
    assert document.url == "https://x/\ufffd" and "\ufffd" in document.text


def test_a_file_name_in_latin1_bytes_is_stored_and_named(tmp_path):
    good, empty = os.fsdecode(b"caf\xe9.txt"), os.fsdecode(b"caf\xe9-empty.txt")  # not UTF-8 on disk
    (tmp_path / good).write_text(ARTICLE)
    (tmp_path / empty).write_bytes(b"")
    report, store = _build(tmp_path)
    assert report.added == 1 and [f.code for f in report.failures] == ["W002"]
    assert [d.path for d in store.documents()] == [str(tmp_path / "caf\\xe9.txt")]
    assert store.latest_failures()[0].message.startswith(str(tmp_path / "caf\\xe9-empty.txt: [W002]"))


def test_an_input_given_in_latin1_bytes_is_stored(tmp_path):
    name = tmp_path / os.fsdecode(b"d\xe9p\xeache.txt")
    name.write_text(ARTICLE)
    store = Store(str(tmp_path / "story.db"))
    report = pipeline.build(pipeline.input_files([str(name)]), store, inputs=[str(name)])
    assert report.added == 1


# 4 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("length", ["10000000000000000000000", str(2 ** 63), "9" * 400, "-5", "many", "1e30", "",
                                    "0x10", " 12"])
def test_a_warc_content_length_too_big_for_an_integer_is_one_bad_archive(tmp_path, capfd, length):
    path = tmp_path / "site.warc"
    path.write_bytes(_warc(_warc_record("response", _http(PAGE)),
                           _warc_record("response", _http(PAGE.replace(b"river port", b"hill")), length=length),
                           _warc_record("response", _http(PAGE.replace(b"river port", b"lake")))))
    items = list(read_file(str(path)))
    assert _kinds(items) == ["RawDocument", "W009"]  # the record before the bad one is kept, the bad one named once
    assert "river port" in items[0].content
    _one_line_naming(items[1], path)
    assert capfd.readouterr().err == ""  # warcio's multi-line warnings are not printed


# 5 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"])
def test_a_jsonl_record_with_line_separators_inside_strings_is_one_document(tmp_path, separator):
    path = tmp_path / "feed.jsonl"
    record = '{"url": "https://example.org/a", "title": "Port' + separator + 'shelled", "text": "' \
        + ARTICLE.strip().replace(", ", "," + separator) + '"}'
    path.write_text(record + "\n" + _line(url="https://example.org/b", text=OTHER_ARTICLE) + "\n", newline="")
    items = list(read_file(str(path)))
    assert _kinds(items) == ["RawDocument", "RawDocument"]
    assert items[0].url == "https://example.org/a" and "ferry service" in items[0].content


# 6 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, code", [
    pytest.param("one.warc", b"x", "W019", id="one-byte"),
    pytest.param("info.warc", _warc_record("warcinfo", b"software: x\r\n", content_type="application/warc-fields"),
                 "W019", id="warcinfo-only"),
    pytest.param("request.warc", _warc_record("request", b"GET / HTTP/1.1\r\n\r\n"), "W019", id="request-only"),
    pytest.param("resource.warc", _warc_record("resource", ARTICLE.encode(), content_type="text/plain"),
                 "W019", id="resource-only"),
    pytest.param("images.warc", _warc_record("response", _http(b"\x89PNG", ).replace(b"text/html; charset=utf-8",
                                                                                     b"image/png")),
                 "W019", id="images-only"),
    pytest.param("empty.warc.gz", gzip.compress(b""), "W002", id="empty-gzip"),
])
def test_a_warc_with_no_readable_response_is_named(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    (item,) = read_file(str(tmp_path / name))
    assert item.code == code
    _one_line_naming(item, tmp_path / name)


# 7 ------------------------------------------------------------------------------------------------

def test_two_identical_files_that_fail_are_each_named(tmp_path):
    no_text = "<html><body><nav>Home</nav></body></html>"
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(no_text)
    report, _ = _build(tmp_path)
    assert (report.added, report.unchanged) == (0, 0)
    assert sorted((f.code, os.path.basename(f.path)) for f in report.failures) == [("W010", "a.html"),
                                                                                   ("W010", "b.html")]
    assert report.failures[1].message.startswith(str(tmp_path / "b.html") + ": [W010]")


# 9 ------------------------------------------------------------------------------------------------

def test_a_link_to_dev_zero_is_refused_by_type(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (item,) = read_file(str(tmp_path / "zero.txt"))
    assert item.code == "W014" and "character device" in item.message


def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with time_limit(10):  # a read that blocked would end the test here, not hang it
        (item,) = read_file(str(tmp_path / "pipe.txt"))
    assert item.code == "W014" and "FIFO" in item.message


def test_a_socket_is_refused(tmp_path):
    listening = socket.socket(socket.AF_UNIX)
    try:
        listening.bind(str(tmp_path / "s.txt"))
        (item,) = read_file(str(tmp_path / "s.txt"))
    finally:
        listening.close()
    assert item.code == "W014" and "socket" in item.message


def test_special_files_in_a_folder_spare_the_articles_beside_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(ARTICLE)
    with time_limit(60):
        report, _ = _build(tmp_path)
    assert report.added == 1 and [f.code for f in report.failures] == ["W014"]


def _bomb(head: bytes, megabytes: int) -> bytes:
    """`head`, then `megabytes` of spaces, as gzip members a few kilobytes each."""
    return gzip.compress(head) + gzip.compress(b" " * 2 ** 20) * megabytes


@pytest.mark.parametrize("name, head", [
    pytest.param("bomb.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9000000000\r\n"
                 b"Content-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", id="warc-gz"),
    pytest.param("bomb.jsonl.gz", _line().encode(), id="jsonl-gz"),
    pytest.param("bomb.txt.gz", ARTICLE.encode(), id="text-gz"),
])
def test_a_gzip_bomb_stops_at_the_unpacked_limit(tmp_path, name, head):
    (tmp_path / name).write_bytes(_bomb(head, 24))
    (item,) = read_file(str(tmp_path / name), Settings(max_decompressed_bytes=16 * 2 ** 20))
    assert item.code == "W015"
    _one_line_naming(item, tmp_path / name)


def test_a_gzipped_warc_without_the_gz_suffix_is_unpacked_within_the_limit(tmp_path):
    (tmp_path / "bomb.warc").write_bytes(_bomb(b"WARC/1.0\r\n", 24))
    (item,) = read_file(str(tmp_path / "bomb.warc"), Settings(max_decompressed_bytes=16 * 2 ** 20))
    assert item.code == "W015"


def test_a_content_encoding_bomb_in_a_warc_record_stops_at_the_unpacked_limit(tmp_path):
    body = gzip.compress(b"<p>" + b" " * (24 * 2 ** 20) + b"</p>")
    path = tmp_path / "site.warc"
    path.write_bytes(_warc(_warc_record("response", _http(PAGE)),
                           _warc_record("response", _http(body, "Content-Encoding: gzip"), uri="https://x/b")))
    items = list(read_file(str(path), Settings(max_decompressed_bytes=16 * 2 ** 20)))
    assert _kinds(items) == ["RawDocument", "W015"]


def test_a_gzipped_warc_of_one_member_holding_several_records_is_read(tmp_path):
    records = _warc(_warc_record("response", _http(PAGE)),
                    _warc_record("response", _http(PAGE.replace(b"river port", b"hill")), uri="https://x/b"))
    (tmp_path / "site.warc.gz").write_bytes(gzip.compress(records))
    assert _kinds(read_file(str(tmp_path / "site.warc.gz"))) == ["RawDocument", "RawDocument"]


def test_html_with_a_tag_of_100k_attributes_is_parsed_without_them(monkeypatch):
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda html, **kw: seen.append(len(html)) or real(html, **kw))
    flood = " ".join(f'a{i}="v{i}"' for i in range(100_000))
    html = f"<html><body><div {flood}>x</div><p>{ARTICLE}</p></body></html>"
    document = extract(RawDocument("flood.html", "html", html))
    assert "ferry service" in document.text
    assert seen and seen[0] < 1_000  # what the parser got: the tag without its attributes


def test_a_tag_with_a_few_long_attributes_keeps_them():
    from sitrep.ingest.extract import _without_attribute_floods

    html = f'<img src="data:image/png;base64,{"A" * 500_000}" alt="x"><p class="a b">{ARTICLE}</p>'
    assert _without_attribute_floods(html, 1_000) == html


def test_a_title_of_a_million_characters_is_not_used():
    html = f"<html><head><title>{'Tt ' * 333_333}</title></head><body><p>{ARTICLE}</p></body></html>"
    document = extract(RawDocument("title.html", "html", html))
    assert document.title is None and document.text.startswith("Rebels shelled")


def test_a_jsonl_title_over_the_field_limit_fails_its_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_line(title="T" * 20_001) + "\n" + _line(text=OTHER_ARTICLE) + "\n")
    items = list(read_file(str(path), Settings(max_field_chars=20_000)))
    assert _kinds(items) == ["W017", "RawDocument"] and "'title'" in items[0].message


def test_extraction_past_the_time_limit_fails_that_document_only(tmp_path, monkeypatch):
    (tmp_path / "slow.txt").write_text(ARTICLE)
    (tmp_path / "quick.txt").write_text(OTHER_ARTICLE)
    real_extract = pipeline.extract

    def stuck_on_slow(raw, settings):
        while raw.path.endswith("slow.txt"):
            try:
                time.sleep(0.01)
            except Exception:  # noqa: BLE001, S110 - a library that swallows everything still stops
                pass
        return real_extract(raw, settings)

    monkeypatch.setattr(pipeline, "extract", stuck_on_slow)
    report, store = _build(tmp_path, max_seconds_per_file=0.3)
    assert report.added == 1 and [f.code for f in report.failures] == ["W018"]
    assert report.failures[0].message.startswith(str(tmp_path / "slow.txt") + ": [W018]")


def test_loading_the_extraction_models_is_not_the_first_documents_time(tmp_path, monkeypatch):
    # lingua loads its language models on first use: seconds, which the first document's limit once paid
    (tmp_path / "first.txt").write_text(ARTICLE)
    monkeypatch.setattr(pipeline, "prepare_extraction", lambda: time.sleep(0.6))
    report, _ = _build(tmp_path, max_seconds_per_file=0.5)
    assert (report.added, report.failures) == (1, [])


def test_reading_past_the_time_limit_keeps_the_records_read_before(tmp_path, monkeypatch):
    (tmp_path / "feed.jsonl").write_text(_line())

    def endless_feed(path, settings):
        yield RawDocument(path, "text", ARTICLE, url="line 1")
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "read_file", endless_feed)
    report, _ = _build(tmp_path, max_seconds_per_file=0.3)
    assert report.added == 1 and [f.code for f in report.failures] == ["W018"]


def test_a_reader_crash_is_one_failure_of_that_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)

    def broken(path, settings):
        raise MemoryError("out of memory\nsecond line")
        yield

    monkeypatch.setattr(pipeline, "read_file", broken)
    report, _ = _build(tmp_path)
    assert [f.message for f in report.failures] == [f"{tmp_path / 'a.txt'}: [W001] cannot read the file: "
                                                    "MemoryError: out of memory"]


def test_time_limit_is_lifted_after_its_work():
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # an alarm left armed would raise here
    with pytest.raises(TimeLimitExceeded), time_limit(0.1):
        while True:
            time.sleep(0.01)
    time.sleep(0.4)


# 10 -----------------------------------------------------------------------------------------------

def test_an_unreadable_subfolder_is_named(tmp_path, monkeypatch):
    # Tests may run as root, who reads a mode-000 folder: the walk's error path is simulated here by a
    # scandir that refuses the folder as the kernel would (test below does it for real when not root).
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    found = list(expand_inputs([str(tmp_path)]))
    assert found[-1] == str(tmp_path / "b.txt") or str(tmp_path / "b.txt") in found
    (failure,) = [f for f in found if isinstance(f, InputFailure)]
    assert failure.message == f"{tmp_path / 'locked'}: [W020] cannot read the folder: Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 folder")
def test_a_mode_000_subfolder_is_named(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        assert [f.code for f in expand_inputs([str(tmp_path)]) if isinstance(f, InputFailure)] == ["W020"]
    finally:
        (tmp_path / "locked").chmod(0o755)


# 11 -----------------------------------------------------------------------------------------------

@pytest.fixture
def linked(tmp_path):
    """inputs/ holds an article, a link to a file outside, a link to a folder outside and a link to its
    own article; elsewhere/ holds a secret."""
    inputs, elsewhere = tmp_path / "inputs", tmp_path / "elsewhere"
    inputs.mkdir()
    elsewhere.mkdir()
    (inputs / "own.txt").write_text(ARTICLE)
    (elsewhere / "secret.txt").write_text(OTHER_ARTICLE)
    (inputs / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (inputs / "folder").symlink_to(elsewhere)
    (inputs / "again.txt").symlink_to(inputs / "own.txt")
    return inputs


def test_a_link_out_of_the_input_folder_is_skipped_with_a_note(linked):
    found = list(expand_inputs([str(linked)]))
    skipped = sorted(f.message for f in found if isinstance(f, SkippedFile))
    assert skipped == [f"{linked / 'folder'}: [W021] skipped: a link to {linked.parent / 'elsewhere'}, outside the "
                       "inputs given (--follow-links follows it)",
                       f"{linked / 'secret.txt'}: [W021] skipped: a link to {linked.parent / 'elsewhere/secret.txt'}, "
                       "outside the inputs given (--follow-links follows it)"]
    assert [f for f in found if isinstance(f, str)] == [str(linked / "again.txt"), str(linked / "own.txt")]
    store = Store(str(linked.parent / "story.db"))
    pipeline.build(found, store)
    assert [d.path for d in store.documents()] == [str(linked / "again.txt")]


def test_a_link_matched_by_a_glob_stays_inside_the_glob_folder(linked):
    found = list(expand_inputs([str(linked / "*.txt")]))
    assert [type(f).__name__ for f in found] == ["str", "str", "SkippedFile"]


def test_a_link_named_on_its_own_is_followed(linked):
    assert list(expand_inputs([str(linked / "secret.txt")])) == [str(linked / "secret.txt")]


def test_follow_links_follows_them_and_ends_on_a_loop(linked):
    (linked.parent / "elsewhere" / "back").symlink_to(linked)  # a loop: inputs/folder/back → inputs
    found = list(expand_inputs([str(linked)], follow_links=True))
    assert all(isinstance(f, str) for f in found)
    assert str(linked / "folder" / "secret.txt") in found and str(linked / "secret.txt") in found
    assert len(found) == len(set(found)) and len(found) < 10
