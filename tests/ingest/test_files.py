"""Bad input files: one line naming the file and the reason; the good lines of a feed are kept."""

from __future__ import annotations

import gzip
import json

import pytest

from sitrep.ingest import read_file
from sitrep.records import InputFailure, SkippedFile
from sitrep.settings import Settings

ARTICLE = (
    "Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that "
    "three people were wounded and the ferry service was suspended until further notice.\n"
)


def _only(items):
    assert len(items) == 1, items
    return items[0]


def _failure_code(path, **settings):
    item = _only(list(read_file(str(path), Settings(**settings))))
    assert isinstance(item, InputFailure), item
    assert item.message.startswith(f"{path}: [{item.code}] ")
    assert "\n" not in item.message
    return item.code


_GZIPPED_FEED = gzip.compress(json.dumps({"url": "u", "text": ARTICLE * 20}).encode())


@pytest.mark.parametrize("name, content, settings, codes", [
    pytest.param("empty.txt", b"", {}, {"W002"}, id="empty"),
    pytest.param("blank.txt", b"  \n\n\t\n", {}, {"W002"}, id="white-space-only-is-empty"),
    pytest.param("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, {}, {"W003"}, id="binary"),
    pytest.param("big.txt", (ARTICLE * 10).encode(), {"max_bytes": 100}, {"W004"}, id="oversize"),
    # bytes that are neither UTF-8 nor Windows-1252 (0x81, 0x8d, 0x9d are unassigned there)
    pytest.param("garbled.txt", b"Siege \x81\x8d\x9d of the port " * 5, {}, {"W005"}, id="undecodable"),
    pytest.param("cut.jsonl.gz", _GZIPPED_FEED[: len(_GZIPPED_FEED) // 2], {}, {"W006"}, id="truncated-gzip"),
    pytest.param("cut.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" * 50)[:60], {},
                 {"W006", "W009"}, id="truncated-warc"),
])
def test_a_bad_file_is_one_line_with_its_code(tmp_path, name, content, settings, codes):
    (tmp_path / name).write_bytes(content)
    assert _failure_code(tmp_path / name, **settings) in codes


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)
    real_open = open

    def refusing_open(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    assert _failure_code(path) == "W001"


def test_bad_json_line_keeps_the_good_ones(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"url": "https://example.org/a", "title": "Port shelled", "published": "2026-03-02",
                       "text": ARTICLE})
    path.write_text(good + "\n{not json\n" + json.dumps({"url": "x"}) + "\n")
    items = list(read_file(str(path)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputFailure", "InputFailure"]
    assert [i.code for i in items[1:]] == ["W007", "W008"]
    assert "line 2" in items[1].message and "line 3" in items[2].message
    assert items[0].published == "2026-03-02" and items[0].url == "https://example.org/a"


def test_other_kinds_of_file_are_skipped_with_a_note(tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n")
    item = _only(list(read_file(str(tmp_path / "notes.yaml"))))
    assert isinstance(item, SkippedFile) and "notes.yaml" in item.message
