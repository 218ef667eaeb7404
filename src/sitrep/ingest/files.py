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
from sitrep.ingest import encoding, fetch, metadata
from sitrep.ingest.fetch import PageUrl
from sitrep.records import InputFailure, RawDocument, SkippedFile
from sitrep.settings import DEFAULT_SETTINGS, Settings

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}  # an array of JSON Lines records (or one record)
WARC_SUFFIXES = {".warc"}

Item = RawDocument | InputFailure | SkippedFile
STDIN = "-"  # as an input: standard input
STDIN_NAME = "<stdin>"  # what failures and documents read from standard input name

_GZIP_MAGIC = b"\x1f\x8b"
_INT_DIGITS = sys.get_int_max_str_digits() or 4300
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_WARC_LENGTH = re.compile(r"\s*\d{1,18}\s*")  # a record's Content-Length: digits, no more than an index holds
# What a JSON Lines record's fields may be called: sitrep's own names first, then trafilatura's JSON output
# (source, date, sitename, source-hostname, hostname, raw_text), schema.org's and news APIs'.
RECORD_KEYS = {
    "text": ("text", "raw_text"),
    "html": ("html", "raw_html"),
    "url": ("url", "source", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "datePublished", "publishedAt", "published_at", "pubDate"),
    "outlet": ("outlet", "sitename", "source-hostname", "site_name", "source", "publisher"),
    "hostname": ("hostname",),
}
JSONL_FIELDS = ("url", "title", "published", "outlet", "hostname")  # besides the text: each at most max_field_chars
_URL = re.compile(r"https?://", re.I)
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def expand_inputs(inputs: Iterable[str], follow_links: bool = False) -> Iterator[str | InputFailure | SkippedFile]:
    """Files as given, folders walked in sorted order, globs expanded.

    A link found in a folder (or matched by a glob) is followed only to what lies inside the inputs
    given, unless `follow_links`; one pointing elsewhere is skipped with a note. A file named on its own
    is read whatever it is a link to. A folder that cannot be read is a failure, never a silence."""
    inputs = list(inputs)
    roots = [os.path.realpath(_glob_root(given)) for given in inputs]
    for given in inputs:
        if given == STDIN:
            yield given
            continue
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
    """The raw documents in the file at `path` (or on standard input for "-", or at a listed URL), and a
    failure for each thing wrong with it."""
    if isinstance(path, PageUrl):
        yield from fetch.read_page(path, settings)
        return
    if path == STDIN:
        yield from _read_stdin(settings)
        return
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
    yield from _read_data(shown, data, kind, compressed, settings)


def _read_stdin(settings: Settings) -> Iterator[Item]:
    """Standard input, as one file whose kind is told by its content: gzip, WARC, JSON Lines or a JSON
    array (when its first line or the whole parses as such), else one article, HTML or text."""
    data = _read_stdin_bytes(settings)
    if isinstance(data, InputFailure):
        yield data
        return
    yield from _read_data(STDIN_NAME, data, None, data.startswith(_GZIP_MAGIC), settings)


def _read_data(shown: str, data: bytes, kind: str | None, compressed: bool, settings: Settings) -> Iterator[Item]:
    """What `data`, the bytes of the input named `shown`, holds; `kind` None: told by the content."""
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
    if kind == "warc" or (kind is None and data.lstrip()[:5] == b"WARC/"):
        yield from _read_warc(shown, data, settings)
        return
    # a feed's records are repaired one by one, once parsed
    text = text_of(data, shown, repaired=kind in ("text", "html", ""), settings=settings)
    if isinstance(text, InputFailure):
        yield text
        return
    if kind is None:
        kind = _sniff_json(text) or _sniff_kind(text)
        text = text if kind in ("jsonl", "json") else repair(text)
    if kind == "jsonl":
        yield from _read_jsonl(shown, text, settings)
    elif kind == "json":
        yield from _read_json(shown, text, settings)
    else:
        yield RawDocument(path=shown, kind=kind or _sniff_kind(text), content=text)


def read_input_bytes(path: str, settings: Settings = DEFAULT_SETTINGS) -> bytes | InputFailure:
    """The bytes of the file at `path` ("-": standard input), within the limits `read_file` keeps."""
    return _read_stdin_bytes(settings) if path == STDIN else _read_bytes(path, display_path(path), settings)


def _read_stdin_bytes(settings: Settings) -> bytes | InputFailure:
    try:
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
    except (AttributeError, OSError, ValueError) as exc:  # no standard input, or a closed one
        return InputProblem.UNREADABLE.failure(STDIN_NAME, detail=getattr(exc, "strerror", None) or str(exc))
    if len(data) > settings.max_bytes:
        return InputProblem.TOO_LARGE.failure(STDIN_NAME, size=len(data), limit=settings.max_bytes)
    return data


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


def decode(data: bytes, repaired: bool = True, declared: str | None = None,
           settings: Settings = DEFAULT_SETTINGS) -> str | None:
    """`data` as text (`encoding.decode`: a BOM's encoding, UTF-8, the declared charset, the code page
    charset-normalizer finds, a few stray bytes replaced), mojibake repaired (unless not `repaired`: a
    JSON Lines feed, whose line separators inside strings ftfy would turn into line breaks)."""
    text = encoding.decode(data, declared, settings.max_stray_byte_share)
    if text is None:
        return None
    return repair(text) if repaired else text


def text_of(data: bytes, path: str, url: str | None = None, declared: str | None = None, repaired: bool = True,
            settings: Settings = DEFAULT_SETTINGS) -> str | InputFailure:
    """`data` decoded, or the failure naming `path` (and `url`): binary, undecodable, or empty."""
    bom = encoding.bom_encoding(data)
    if bom is None and _looks_binary(data):  # UTF-16 and UTF-32 are full of NUL bytes: judged once decoded
        return InputProblem.BINARY.failure(path, url)
    text = decode(data, repaired, declared, settings)
    if text is None:
        return InputProblem.UNDECODABLE.failure(path, url)
    if bom and _looks_binary(text[:8192].encode("utf-8")):
        return InputProblem.BINARY.failure(path, url)
    if not text.strip():
        return InputProblem.EMPTY.failure(path, url)
    return text


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
    if suffix in JSON_SUFFIXES:
        return "json"
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
        yield _record_document(path, number, record, settings)


def _record_document(path: str, number: int, record: object, settings: Settings) -> RawDocument | InputFailure:
    """One JSON Lines record (or one object of a JSON array), which starts on line `number`, as a raw
    document; its fields go by any name of `RECORD_KEYS`."""
    if not isinstance(record, dict):
        return InputProblem.BAD_JSON.failure(path, line=number, detail="not an object")
    body, kind = _record_field(record, "text"), "text"
    if body is None:
        body, kind = _record_field(record, "html"), "html"
    if body is None:
        return InputProblem.JSON_NO_TEXT.failure(path, line=number)
    fields = {name: _record_field(record, name) for name in JSONL_FIELDS}
    for found in fields.values():
        if found and len(found[1]) > settings.max_field_chars:
            return InputProblem.FIELD_TOO_LONG.failure(path, line=number, field=found[0], size=len(found[1]),
                                                       limit=settings.max_field_chars)
    url, title, published, outlet, host = (_no_surrogates(found[1].strip()) if found else None
                                           for found in fields.values())
    if not outlet and not url and host:
        outlet = metadata.site_of(host)  # trafilatura's hostname names the site of a record with no URL
    return RawDocument(path=path, kind=kind, content=repair(body[1]), url=url or f"line {number}",
                       title=repair(title) if title else None, published=published or None, outlet=outlet or None)


def _record_field(record: dict, name: str) -> tuple[str, str] | None:
    """The first of `name`'s keys (`RECORD_KEYS`) the record fills with text: (key, value). A URL key holds
    a URL ("source" is trafilatura's; a news API's "source" is an object naming the outlet), an outlet's
    key may hold an object with a "name"."""
    for key in RECORD_KEYS[name]:
        value = record.get(key)
        if isinstance(value, dict) and name == "outlet":
            value = value.get("name")
        elif key == "source" and name == "outlet":
            continue  # a string "source" is trafilatura's URL
        if not isinstance(value, str) or not value.strip():
            continue
        if name == "url" and key != "url" and not _URL.match(value.strip()):
            continue
        return key, value
    return None


def _read_json(path: str, text: str, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """A .json file: an array of records (or one record), each read as a JSON Lines record and named by
    the line it starts on; JSON Lines in a .json file are read as such. A file whose objects have no
    'text' or 'html' at all (a configuration file beside the articles) is skipped with a note."""
    start = _JSON_SPACE.match(text).end()
    array = text.startswith("[", start)
    limit = settings.max_json_depth + array  # the array around the records is one level more
    if _json_depth(text, limit) > limit:
        yield InputProblem.JSON_TOO_DEEP.failure(path, line=text.count("\n", 0, start) + 1,
                                                 limit=settings.max_json_depth)
        return
    if not array:
        first, end = _first_value(text, start)
        if isinstance(first, dict) and _JSON_SPACE.match(text, end).end() < len(text):
            yield from _read_jsonl(path, text, settings)  # more after the first object: one object a line
            return
    records: list[tuple[int, object]] = []
    problem = None
    try:
        for number, value in _json_values(text, start, array):
            records.append((number, value))
    except json.JSONDecodeError as exc:  # the records before it are kept
        problem = InputProblem.BAD_JSON.failure(path, line=exc.lineno, detail=exc.msg)
    except RecursionError:
        problem = InputProblem.JSON_TOO_DEEP.failure(path, line=1, limit=settings.max_json_depth)
    except ValueError as exc:  # numbers Python will not convert
        problem = InputProblem.BAD_JSON.failure(path, line=1, detail=str(exc))
    articles = [value for _, value in records if isinstance(value, dict)
                and any(key in value for name in ("text", "html") for key in RECORD_KEYS[name])]
    if not articles and problem is None:
        yield SkippedFile(path, InputProblem.JSON_NOT_ARTICLES.format_for(path))
        return
    for number, value in records:
        yield _record_document(path, number, value, settings)
    if problem:
        yield problem


def _first_value(text: str, start: int) -> tuple[object | None, int]:
    try:
        return _JSON_DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None, start


def _json_values(text: str, start: int, array: bool) -> Iterator[tuple[int, object]]:
    """The values of the JSON array at `start` (or the one value there), each with the line it starts on;
    a JSONDecodeError where the JSON breaks off."""
    line, counted = 1, 0
    if not array:
        value, end = _JSON_DECODER.raw_decode(text, start)
        yield line + text.count("\n", 0, start), value
    else:
        position = _JSON_SPACE.match(text, start + 1).end()
        while not text.startswith("]", position):
            value, after = _JSON_DECODER.raw_decode(text, position)
            line, counted = line + text.count("\n", counted, position), position
            yield line, value
            position = _JSON_SPACE.match(text, after).end()
            if text.startswith(",", position):
                position = _JSON_SPACE.match(text, position + 1).end()
            elif not text.startswith("]", position):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        end = position + 1
    rest = _JSON_SPACE.match(text, end).end()
    if rest < len(text):
        raise json.JSONDecodeError("Extra data", text, rest)


def _sniff_json(text: str) -> str | None:
    """'jsonl' when the first line is a JSON object, 'json' when the text is a JSON array; else None."""
    start = _JSON_SPACE.match(text).end()
    if text.startswith("[", start):
        return "json"
    if not text.startswith("{", start):
        return None
    try:
        value = json.loads(text[start:].split("\n", 1)[0], strict=False, parse_int=_json_int)
    except (ValueError, RecursionError):
        return None
    return "jsonl" if isinstance(value, dict) else None


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


_JSON_DECODER = json.JSONDecoder(strict=False, parse_int=_json_int)  # a .json file's values, one by one


def _read_warc(path: str, data: bytes, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """Each response record with text or HTML; `data` is already unpacked. Record bodies are read up to
    what is left of `max_decompressed_bytes` (their HTTP content encoding may be another gzip bomb).

    A record whose Content-Length is no length, or does not end where the next record starts, makes
    the rest of the archive unreadable: one failure, and that record's own document is not kept (its
    text is cut at a wrong place); the records before it are."""
    records = _archive_records(data)
    left = settings.max_decompressed_bytes
    found = False
    framed: Item | None = None  # the last record's item, given out once the next record starts right
    try:
        for record in records:
            if records.misframed:
                raise _BadRecord("a record's Content-Length does not match its content")
            if framed is not None:
                yield framed
                framed = None
            length = record.rec_headers.get_header("Content-Length") or ""
            if not _WARC_LENGTH.fullmatch(length):
                raise _BadRecord(f"a record's Content-Length is {length[:40]!r}")
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
            readable = encoding.bom_encoding(body) or not _looks_binary(body)
            text = decode(body, declared=encoding.charset_of(content_type), settings=settings) if readable else None
            if not text or not text.strip():
                framed = InputProblem.NO_ARTICLE.failure(path, url)
                continue
            framed = RawDocument(path=path, kind=_sniff_kind(text) if "html" not in content_type else "html",
                                 content=text, url=url)
        if records.misframed:
            raise _BadRecord("a record's Content-Length does not match its content")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield from _framed(framed, records)
        yield InputProblem.TRUNCATED.failure(path, detail=str(exc) or type(exc).__name__)
        return
    except OverflowError:  # warcio's, for a Content-Length no index can hold
        yield from _framed(framed, records)
        yield InputProblem.BAD_WARC.failure(path, detail="a record's Content-Length is too large")
        return
    except Exception as exc:  # noqa: BLE001 - warcio reports malformed records with whatever error its parser met first
        yield from _framed(framed, records)
        first = str(exc).splitlines()[0] if str(exc) else ""
        plain = isinstance(exc, _BadRecord | ValueError | OSError) or type(exc).__name__ == "ArchiveLoadFailed"
        detail = first if plain and first else f"{type(exc).__name__}: {first}".rstrip(": ")
        yield InputProblem.BAD_WARC.failure(path, detail=detail)
        return
    if framed is not None:
        yield framed
    if not found:
        yield InputProblem.WARC_NO_RESPONSE.failure(path)


class _BadRecord(Exception):
    """A WARC record that cannot be read, nor anything after it."""


def _framed(item: Item | None, records) -> Iterator[Item]:
    """The last record's item, unless the record turned out not to end where its length said."""
    if item is not None and not records.misframed:
        yield item


def _archive_records(data: bytes):
    """warcio's records of `data`, told apart by their Content-Length; `.misframed` turns true when a
    record is not followed by the blank line that ends it (warcio would print a warning and go on)."""
    from warcio.archiveiterator import ArchiveIterator

    class Records(ArchiveIterator):
        misframed = False

        def _consume_blanklines(self):  # warcio 1.8's, less its warning on standard error
            empty_size, first_line = 0, True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not line.rstrip() or first_line:
                    empty_size += len(line)
                    if line.rstrip():
                        self.misframed = True
                    first_line = False
                    continue
                return line, empty_size

    return Records(io.BytesIO(data))


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
