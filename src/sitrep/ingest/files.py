"""Ingest: files, folders and globs → raw documents (text, HTML, WARC, JSON Lines).

Every problem with an input becomes an `InputFailure` naming the file and the reason; reading goes
on with the next file or record.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import ftfy

from sitrep.errors import InputProblem
from sitrep.records import InputFailure, RawDocument, SkippedFile
from sitrep.settings import DEFAULT_SETTINGS, Settings

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}

Item = RawDocument | InputFailure | SkippedFile


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | InputFailure]:
    """Files as given, folders walked in sorted order, globs expanded."""
    for given in inputs:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(given):
            yield given
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield InputProblem.NOT_FOUND.failure(given)
            for match in matches:
                yield from expand_inputs([match])
        else:
            yield InputProblem.NOT_FOUND.failure(given)


def read_file(path: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    suffixes = [s.lower() for s in Path(path).suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    inner = (suffixes[-2] if len(suffixes) > 1 else "") if compressed else (suffixes[-1] if suffixes else "")
    kind = _kind_for(inner)
    if kind is None and inner:
        yield SkippedFile(path, InputProblem.UNSUPPORTED.format_for(path, suffix="".join(suffixes[-2:])))
        return
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            yield InputProblem.TOO_LARGE.failure(path, size=size, limit=settings.max_bytes)
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield InputProblem.UNREADABLE.failure(path, detail=exc.strerror or str(exc))
        return
    if not data:
        yield InputProblem.EMPTY.failure(path)
        return
    if kind == "warc":
        yield from _read_warc(path, data)
        return
    if compressed:
        try:
            data = _gunzip(data, settings.max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputProblem.TRUNCATED.failure(path, detail=str(exc) or type(exc).__name__)
            return
        if not data:
            yield InputProblem.EMPTY.failure(path)
            return
    if _looks_binary(data):
        yield InputProblem.BINARY.failure(path)
        return
    text = decode(data)
    if text is None:
        yield InputProblem.UNDECODABLE.failure(path)
        return
    if not text.strip():
        yield InputProblem.EMPTY.failure(path)
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, text)
    else:
        yield RawDocument(path=path, kind=kind or _sniff_kind(text), content=text)


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252; mojibake repaired."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return repair(text)
    return None


def repair(text: str) -> str:
    """Fix mojibake and control characters; keep curly quotes and HTML entities as they are."""
    return ftfy.fix_text(text, uncurl_quotes=False, unescape_html=False, fix_character_width=False)


def _kind_for(suffix: str) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix == "":
        return ""  # no suffix: sniffed from the content
    return None


def _sniff_kind(text: str) -> str:
    head = text[:2048].lower()
    return "html" if ("<html" in head or "<!doctype html" in head or "<body" in head) else "text"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _gunzip(data: bytes, limit: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(limit + 1)
    if len(out) > limit:
        raise OSError(f"decompresses to more than {limit:,} bytes")
    return out


def _read_jsonl(path: str, text: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem.BAD_JSON.failure(path, line=number, detail=exc.msg)
            continue
        if not isinstance(record, dict):
            yield InputProblem.BAD_JSON.failure(path, line=number, detail="not an object")
            continue
        body, kind = record.get("text"), "text"
        if not isinstance(body, str) or not body.strip():
            body, kind = record.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            yield InputProblem.JSON_NO_TEXT.failure(path, line=number)
            continue
        yield RawDocument(
            path=path,
            kind=kind,
            content=repair(body),
            url=_str_or_none(record.get("url")) or f"line {number}",
            title=_str_or_none(record.get("title")),
            published=_str_or_none(record.get("published")),
        )


def _read_warc(path: str, data: bytes) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            body = record.content_stream().read()
            if content_type and "html" not in content_type and "text" not in content_type:
                continue
            text = decode(body) if not _looks_binary(body) else None
            if not text or not text.strip():
                yield InputProblem.NO_ARTICLE.failure(path, url)
                continue
            yield RawDocument(path=path, kind=_sniff_kind(text) if "html" not in content_type else "html",
                              content=text, url=url)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputProblem.TRUNCATED.failure(path, detail=str(exc) or type(exc).__name__)
    except (ArchiveLoadFailed, ValueError, OSError, AttributeError, KeyError) as exc:
        # warcio reports malformed records with whatever error its parser met first
        yield InputProblem.BAD_WARC.failure(path, detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
