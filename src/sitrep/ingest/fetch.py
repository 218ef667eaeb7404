"""Fetch: the pages a URL list names (`sitrep build --urls FILE`) → raw HTML documents.

The one place sitrep touches the network. Pages come through trafilatura's downloader (urllib3) with the
build's limits: `fetch_timeout` a request, `fetch_retries` (trafilatura spends one budget on retrying a
timed-out or 429/5xx request and on following redirects), `max_bytes` a page (the download stops
there), `fetch_host_delay` between two requests to one host; private and local addresses are refused
unless `fetch_private_addresses`, and a failed certificate check is a failure, never retried without
one. Each URL that fails is one coded line naming it (`LIST#URL: [W022] …`); the build goes on.

A listed URL travels through the build as a `PageUrl`: a string (the URL) that knows the list it came
from, so the pipeline reads it like any other input with `files.read_file`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from sitrep.errors import InputProblem
from sitrep.records import InputFailure, RawDocument, SkippedFile
from sitrep.settings import DEFAULT_SETTINGS, Settings

Item = RawDocument | InputFailure | SkippedFile

URL_LINE = re.compile(r"https?://[^\s/?#]+[^\s]*", re.I)
PAGE_TYPES = ("html", "xml", "text/plain")  # Content-Types that are web pages; anything else is refused
_DOWNLOAD_LOGGER = "trafilatura.downloads"
# trafilatura logs why a download failed instead of raising it; these say it in a user's words
_STATUS_RETRIED = re.compile(r"too many (\d{3}) error responses")
_REASONS = (
    (re.compile(r"timed? ?out", re.I), "no answer within {timeout} s (fetch_timeout)"),
    (re.compile(r"MAX_FILE_SIZE|oversized", re.I), "the page is over the limit of {limit:,} bytes (--max-bytes)"),
    (re.compile(r"SSRF protection", re.I), "a private or local address (fetch_private_addresses)"),
    (re.compile(r"resolve|Name or service not known|nodename nor servname|getaddrinfo", re.I),
     "the host name does not resolve"),
    (re.compile(r"Connection refused", re.I), "the connection was refused"),
    (re.compile(r"SSL|certificate", re.I), "the secure connection failed (certificate or TLS)"),
    (re.compile(r"too many redirects|redirect", re.I), "too many redirects (fetch_retries)"),
)


class HostClock:
    """When each host last answered, so that two requests to one host are `delay` seconds apart."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep, now: Callable[[], float] = time.monotonic):
        self._sleep, self._now = sleep, now
        self._last: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None and delay > 0:
            remaining = last + delay - self._now()
            if remaining > 0:
                self._sleep(remaining)

    def done(self, host: str) -> None:
        self._last[host] = self._now()


class PageUrl(str):
    """A URL to fetch (the string itself), the list that names it and the clock its list shares."""

    listed_in: str
    clock: HostClock

    def __new__(cls, url: str, listed_in: str, clock: HostClock) -> PageUrl:
        page = super().__new__(cls, url)
        page.listed_in, page.clock = listed_in, clock
        return page


def url_inputs(path: str, settings: Settings = DEFAULT_SETTINGS,
               clock: HostClock | None = None) -> list[PageUrl | InputFailure]:
    """The URLs listed in the file at `path` ("-": standard input), one a line, in order; blank lines and
    lines starting with "#" are skipped, a URL listed twice is fetched once, a line that is no http(s)
    URL is a failure naming its line. Nothing is fetched yet."""
    from sitrep.ingest import files

    shown = "<stdin>" if path == files.STDIN else path
    data = files.read_input_bytes(path, settings)
    if isinstance(data, InputFailure):
        return [data]
    text = files.decode(data)
    if text is None:
        return [InputProblem.UNDECODABLE.failure(shown)]
    clock = clock or HostClock()
    found: list[PageUrl | InputFailure] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not URL_LINE.fullmatch(line):
            found.append(InputProblem.BAD_URL.failure(shown, line=number, text=line[:80]))
        elif line not in seen:
            seen.add(line)
            found.append(PageUrl(line, shown, clock))
    if not found:
        found.append(InputProblem.EMPTY.failure(shown))
    return found


def read_page(page: PageUrl, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Item]:
    """The page at `page` as a raw document (HTML, or text for text/plain), or the failure naming it."""
    from sitrep.ingest import encoding, files

    url = str(page)
    host = (urlsplit(url).hostname or "").lower()
    page.clock.wait(host, settings.fetch_host_delay)
    try:
        response, detail = _download(url, settings)
    finally:
        page.clock.done(host)
    if response is None:
        yield InputProblem.FETCH_FAILED.failure(page.listed_in, url, detail=detail)
        return
    if response.status != 200:
        yield InputProblem.FETCH_FAILED.failure(page.listed_in, url, detail=f"HTTP {response.status}")
        return
    headers = response.headers or {}
    content_type = headers.get("content-type", "").lower()
    if content_type and not any(kind in content_type for kind in PAGE_TYPES):
        yield InputProblem.FETCH_FAILED.failure(page.listed_in, url,
                                                detail=f"not a web page but {content_type.split(';')[0]}")
        return
    if not response.data or not response.data.strip():
        yield InputProblem.FETCH_FAILED.failure(page.listed_in, url, detail="the page is empty")
        return
    text = files.text_of(response.data, page.listed_in, url, declared=encoding.charset_of(content_type),
                         settings=settings)
    if isinstance(text, InputFailure):
        yield text
        return
    kind = "text" if "text/plain" in content_type else "html"
    yield RawDocument(path=page.listed_in, kind=kind, content=text, url=url)


def _download(url: str, settings: Settings):
    """trafilatura's response for `url`, or None and why (the reason trafilatura logged, in words)."""
    from trafilatura.downloads import fetch_response

    with _reasons_logged() as messages:
        response = fetch_response(url, decode=False, config=_config(settings))
    if response is not None and response.data is not None:
        return response, None
    return None, _reason(messages, settings)


def _config(settings: Settings):
    from trafilatura.settings import use_config

    config = use_config()  # a fresh copy: trafilatura's defaults, then the build's limits
    for name, value in (("DOWNLOAD_TIMEOUT", settings.fetch_timeout), ("MAX_FILE_SIZE", settings.max_bytes),
                        ("MAX_REDIRECTS", settings.fetch_retries),
                        ("SSRF_PROTECTION", "off" if settings.fetch_private_addresses else "on"),
                        ("INSECURE_SSL_FALLBACK", "off")):
        config.set("DEFAULT", name, str(value))
    return config


@contextmanager
def _reasons_logged() -> Iterator[list[str]]:
    """What trafilatura's downloader logs meanwhile, kept here (not printed: the failure line says it)."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger(_DOWNLOAD_LOGGER)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _reason(messages: list[str], settings: Settings) -> str:
    said = " ".join(messages)
    status = _STATUS_RETRIED.search(said)
    if status:  # a 429 or 5xx answer every try
        return f"HTTP {status.group(1)}"
    for pattern, reason in _REASONS:
        if pattern.search(said):
            return reason.format(timeout=settings.fetch_timeout, limit=settings.max_bytes)
    first = said.splitlines()[0] if said else "no response"
    return re.sub(r"^download error:\s*\S+\s*", "", first)[:200] or "no response"
