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
import re
import stat
import sys
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

_GZIP_MAGIC = b"\x1f\x8b"
_INT_DIGITS = sys.get_int_max_str_digits() or 4300
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")
JSONL_FIELDS = ("url", "title", "published")  # the fields besides the text, each at most max_field_chars


def expand_inputs(inputs: Iterable[str], follow_links: bool = False) -> Iterator[str | InputFailure | SkippedFile]:
    """Files as given, folders walked in sorted order, globs expanded.

    A link found in a folder (or matched by a glob) is followed only to what lies inside the inputs
    given, unless `follow_links`; one pointing elsewhere is skipped with a note. A file named on its own
    is read whatever it is a link to. A folder that cannot be read is a failure, never a silence."""
    inputs = list(inputs)
    roots = [os.path.realpath(_glob_root(given)) for given in inputs]
    for given in inputs:
        yield from _expand(given, roots, follow_links, named=True)


def display_path(path: str) -> str:
    """`path` fit to show and store: bytes that are not UTF-8 in a file's name (Latin-1 on disk, say)
    become \\xNN escapes instead of the lone surrogates Python reads them as."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return _no_surrogates(path)


def _expand(given: str, roots: list[str], follow_links: bool,
            named: bool) -> Iterator[str | InputFailure | SkippedFile]:
    if os.path.isdir(given):
        if named or follow_links or not os.path.islink(given) or _inside(given, roots):
            yield from _walk(given, roots, follow_links)
        else:
            yield _link_outside(given)
    elif os.path.lexists(given):
        yield given if named or follow_links or not os.path.islink(given) or _inside(given, roots) \
            else _link_outside(given)
    elif named and glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield InputProblem.NOT_FOUND.failure(display_path(given))
        for match in matches:
            yield from _expand(match, roots, follow_links, named=False)
    else:
        yield InputProblem.NOT_FOUND.failure(display_path(given))


def _walk(folder: str, roots: list[str], follow_links: bool) -> Iterator[str | InputFailure | SkippedFile]:
    errors: list[OSError] = []
    visited: set[str] = set()
    for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=follow_links):
        yield from _folder_failures(errors)
        if follow_links:  # a link back up the tree must not walk it forever
            real = os.path.realpath(root)
            if real in visited:
                dirs[:] = []
                continue
            visited.add(real)
        dirs.sort()
        for name in dirs:  # os.walk does not enter linked folders unless told: say so when they lead out
            linked = os.path.join(root, name)
            if not follow_links and os.path.islink(linked) and not _inside(linked, roots):
                yield _link_outside(linked)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            yield path if follow_links or not os.path.islink(path) or _inside(path, roots) else _link_outside(path)
    yield from _folder_failures(errors)


def _folder_failures(errors: list[OSError]) -> Iterator[InputFailure]:
    while errors:
        error = errors.pop(0)
        yield InputProblem.FOLDER_UNREADABLE.failure(display_path(str(error.filename)),
                                                     detail=error.strerror or str(error))


def _glob_root(given: str) -> str:
    """The part of a path before its first wildcard: what a glob stays inside."""
    if not glob.has_magic(given):
        return given
    parts = []
    for part in Path(given).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.path.join(*parts) if parts else "."


def _inside(path: str, roots: list[str]) -> bool:
    target = os.path.realpath(path)
    return any(target == root or os.path.commonpath([target, root]) == root for root in roots)


def _link_outside(path: str) -> SkippedFile:
    shown = display_path(path)
    return SkippedFile(shown, InputProblem.LINK_OUTSIDE.format_for(shown, target=display_path(os.path.realpath(path))))


def read_file(path: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    shown = display_path(path)  # what failures and documents name: the path, fit to print and store
    suffixes = [s.lower() for s in Path(path).suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    inner = (suffixes[-2] if len(suffixes) > 1 else "") if compressed else (suffixes[-1] if suffixes else "")
    kind = _kind_for(inner)
    if kind is None and inner:
        yield SkippedFile(shown, InputProblem.UNSUPPORTED.format_for(shown, suffix="".join(suffixes[-2:])))
        return
    data = _read_bytes(path, shown, settings)
    if isinstance(data, InputFailure):
        yield data
        return
    if not data:
        yield InputProblem.EMPTY.failure(shown)
        return
    if compressed or (kind == "warc" and data.startswith(_GZIP_MAGIC)):
        try:
            data = _gunzip(data, settings.max_decompressed_bytes)
        except _TooLarge:
            yield InputProblem.TOO_LARGE_UNPACKED.failure(shown, limit=settings.max_decompressed_bytes)
            return
        except (OSError, EOFError, zlib.error) as exc:
            yield InputProblem.TRUNCATED.failure(shown, detail=str(exc) or type(exc).__name__)
            return
        if not data:
            yield InputProblem.EMPTY.failure(shown)
            return
    if kind == "warc":
        yield from _read_warc(shown, data, settings)
        return
    if _looks_binary(data):
        yield InputProblem.BINARY.failure(shown)
        return
    text = decode(data, repaired=kind != "jsonl")  # a feed's records are repaired one by one, once parsed
    if text is None:
        yield InputProblem.UNDECODABLE.failure(shown)
        return
    if not text.strip():
        yield InputProblem.EMPTY.failure(shown)
        return
    if kind == "jsonl":
        yield from _read_jsonl(shown, text, settings)
    else:
        yield RawDocument(path=shown, kind=kind or _sniff_kind(text), content=text)


def _read_bytes(path: str, shown: str, settings: Settings) -> bytes | InputFailure:
    """The file's bytes, at most `max_bytes` of them; a device, FIFO or socket is refused by its type
    before it is opened (reading /dev/zero never ends, a FIFO blocks), and again once open."""
    try:
        special = _special_kind(os.stat(path).st_mode)
        if special:
            return InputProblem.NOT_REGULAR.failure(shown, kind=special)
        with open(path, "rb", opener=_open_nonblocking) as handle:
            info = os.fstat(handle.fileno())
            special = _special_kind(info.st_mode)  # swapped for another kind of file since the stat
            if special:
                return InputProblem.NOT_REGULAR.failure(shown, kind=special)
            if info.st_size > settings.max_bytes:
                return InputProblem.TOO_LARGE.failure(shown, size=info.st_size, limit=settings.max_bytes)
            data = handle.read(settings.max_bytes + 1)  # a file that grows while read stops here
    except OSError as exc:
        return InputProblem.UNREADABLE.failure(shown, detail=exc.strerror or str(exc))
    if len(data) > settings.max_bytes:
        return InputProblem.TOO_LARGE.failure(shown, size=len(data), limit=settings.max_bytes)
    return data


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return name
    return "special file"


def decode(data: bytes, repaired: bool = True) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252; mojibake repaired (unless not
    `repaired`: a JSON Lines feed, whose line separators inside strings ftfy would turn into line breaks)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return repair(text) if repaired else text
    return None


def repair(text: str) -> str:
    """Fix mojibake and control characters; keep curly quotes and HTML entities as they are; no lone
    surrogate (a JSON escape like "\\ud83d" alone) is left, since no database would store it."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, unescape_html=False, fix_character_width=False)
    return _no_surrogates(fixed)


def _no_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


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


class _TooLarge(Exception):
    """More bytes than the limit allows, once unpacked."""


def _gunzip(data: bytes, limit: int) -> bytes:
    """All the gzip members in `data`, unpacked; never more than `limit` bytes of them in memory."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(limit + 1)
    if len(out) > limit:
        raise _TooLarge
    return out


def _read_jsonl(path: str, text: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    # Records end at "\n" only: U+2028, U+2029, NEL, form feeds and the like may stand inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        record = _parse_json_line(path, number, line, settings)
        if isinstance(record, InputFailure):
            yield record
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
        too_long = [name for name in JSONL_FIELDS
                    if isinstance(record.get(name), str) and len(record[name]) > settings.max_field_chars]
        if too_long:
            yield InputProblem.FIELD_TOO_LONG.failure(path, line=number, field=too_long[0],
                                                      size=len(record[too_long[0]]), limit=settings.max_field_chars)
            continue
        title = _str_or_none(record.get("title"))
        yield RawDocument(
            path=path,
            kind=kind,
            content=repair(body),
            url=_no_surrogates(_str_or_none(record.get("url")) or f"line {number}"),
            title=repair(title) if title else None,
            published=_no_surrogates(_str_or_none(record.get("published")) or "") or None,
        )


def _parse_json_line(path: str, number: int, line: str, settings: Settings) -> object | InputFailure:
    """One line's JSON value, or the failure that names why it has none."""
    if _json_depth(line, settings.max_json_depth) > settings.max_json_depth:
        return InputProblem.JSON_TOO_DEEP.failure(path, line=number, limit=settings.max_json_depth)
    try:
        # strict=False: raw control characters inside strings are kept (repair drops them later);
        # integers too long for Python to convert (over 4,300 digits) are read as floats: never used.
        return json.loads(line, strict=False, parse_int=_json_int)
    except RecursionError:
        return InputProblem.JSON_TOO_DEEP.failure(path, line=number, limit=settings.max_json_depth)
    except ValueError as exc:  # JSONDecodeError, and numbers Python will not convert
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return InputProblem.BAD_JSON.failure(path, line=number, detail=detail)


def _json_depth(line: str, limit: int) -> int:
    """How deep arrays and objects nest in a JSON line (brackets inside strings aside); stops counting
    past `limit`. Done before parsing: Python's parser dies of recursion near 1,000 levels."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub("", line) if '"' in line else line):
        if bracket.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def _json_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= _INT_DIGITS else float(digits)


def _read_warc(path: str, data: bytes, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """Each response record with text or HTML; `data` is already unpacked. Record bodies are read up to
    what is left of `max_decompressed_bytes` (their HTTP content encoding may be another gzip bomb)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    left = settings.max_decompressed_bytes
    found = False
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            url = _no_surrogates(record.rec_headers.get_header("WARC-Target-URI") or "") or None
            content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if content_type and "html" not in content_type and "text" not in content_type:
                continue
            found = True
            body = record.content_stream().read(left + 1)
            left -= len(body)
            if left < 0:
                yield InputProblem.TOO_LARGE_UNPACKED.failure(path, limit=settings.max_decompressed_bytes)
                return
            text = decode(body) if not _looks_binary(body) else None
            if not text or not text.strip():
                yield InputProblem.NO_ARTICLE.failure(path, url)
                continue
            yield RawDocument(path=path, kind=_sniff_kind(text) if "html" not in content_type else "html",
                              content=text, url=url)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputProblem.TRUNCATED.failure(path, detail=str(exc) or type(exc).__name__)
        return
    except (ArchiveLoadFailed, ValueError, OSError, AttributeError, KeyError) as exc:
        # warcio reports malformed records with whatever error its parser met first
        yield InputProblem.BAD_WARC.failure(path, detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return
    except Exception as exc:  # noqa: BLE001 - an absurd Content-Length, say (OverflowError): still one bad archive
        first = str(exc).splitlines()[0] if str(exc) else ""
        detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        yield InputProblem.BAD_WARC.failure(path, detail=detail)
        return
    if not found:
        yield InputProblem.WARC_NO_RESPONSE.failure(path)


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
