"""`sitrep build --urls FILE`: pages fetched from a local server on 127.0.0.1 (a good page, a 404, an
oversized page, a slow one, …); each failure one coded line naming the URL, the build goes on."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.ingest import extract, fetch, read_file
from sitrep.records import InputFailure, RawDocument
from sitrep.settings import Settings

ARTICLE = ("Rebels shelled the river port overnight, the regional governor said on Tuesday, adding that three "
           "people were wounded and the ferry service was suspended until further notice. ")
PAGE = (f"<!DOCTYPE html><html><head><meta property='og:site_name' content='Valley Courier'><title>Port shelled</title>"
        f"</head><body><article><h1>Port shelled overnight</h1><p>{ARTICLE * 3}</p><p>{ARTICLE * 2}</p></article>"
        "</body></html>")
RUSSIAN = ("<html><body><p>" + "Повстанцы обстреляли речной порт ночью, сообщил губернатор во вторник. " * 5
           + "</p></body></html>")
ROUTES = {
    "/good": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/big": (200, "text/html", PAGE.encode() * 50),
    "/cp1251": (200, "text/html; charset=windows-1251", RUSSIAN.encode("cp1251")),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4 " + b"0" * 500),
    "/plain": (200, "text/plain; charset=utf-8", (ARTICLE * 4).encode()),
}


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/slow":
            time.sleep(3)
            status, kind, body = ROUTES["/good"]
        elif self.path == "/flaky" and self.hits[self.path] == 1:
            status, kind, body = 503, "text/html", b"busy"
        elif self.path == "/flaky":
            status, kind, body = ROUTES["/good"]
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/good")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            status, kind, body = ROUTES.get(self.path, ROUTES["/missing"])
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the slow page)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = {"fetch_private_addresses": True, "fetch_timeout": 1, "fetch_retries": 0, "fetch_host_delay": 0.0,
         "max_bytes": 20_000}


def _fetch(url: str, **settings) -> list:
    page = fetch.PageUrl(url, "urls.txt", fetch.HostClock())
    return list(read_file(page, Settings(**LOCAL | settings)))


def _failure(items) -> str:
    assert len(items) == 1 and isinstance(items[0], InputFailure), items
    assert "\n" not in items[0].message
    return items[0].message


def test_a_good_page_is_a_raw_html_document_with_its_url(server):
    [raw] = _fetch(server + "/good")
    assert isinstance(raw, RawDocument) and raw.kind == "html" and raw.url == server + "/good"
    assert raw.path == "urls.txt"
    document = extract(raw)
    assert document.outlet == "Valley Courier" and ARTICLE.strip() in document.text


@pytest.mark.parametrize("path, settings, reason", [
    pytest.param("/missing", {}, "HTTP 404", id="not-found"),
    pytest.param("/big", {}, "over the limit of 20,000 bytes", id="oversized"),
    pytest.param("/slow", {}, "no answer within 1 s", id="slow"),
    pytest.param("/report.pdf", {}, "not a web page but application/pdf", id="not-a-page"),
    pytest.param("/good", {"fetch_private_addresses": False}, "a private or local address",
                 id="local-refused-by-default"),
])
def test_a_url_that_fails_is_one_coded_line_naming_it(server, path, settings, reason):
    message = _failure(_fetch(server + path, **settings))
    assert message.startswith(f"urls.txt#{server}{path}: [W022] cannot fetch the page: ") and reason in message


def test_the_charset_the_server_declares_is_read(server):
    [raw] = _fetch(server + "/cp1251")
    assert "Повстанцы обстреляли речной порт" in raw.content


def test_a_plain_text_page_is_text(server):
    [raw] = _fetch(server + "/plain")
    assert raw.kind == "text" and ARTICLE.strip() in raw.content


def test_a_busy_server_is_tried_again(server):
    _Handler.hits.pop("/flaky", None)
    assert _failure(_fetch(server + "/flaky")).endswith("cannot fetch the page: HTTP 503")  # not tried again
    _Handler.hits.pop("/flaky", None)
    [raw] = _fetch(server + "/flaky", fetch_retries=1)
    assert isinstance(raw, RawDocument) and _Handler.hits["/flaky"] == 2


def test_a_redirect_is_followed_within_the_retry_budget(server):
    [raw] = _fetch(server + "/moved", fetch_retries=1)
    assert isinstance(raw, RawDocument) and raw.url == server + "/moved" and ARTICLE.strip() in raw.content
    assert "too many redirects" in _failure(_fetch(server + "/moved", fetch_retries=0))


def test_requests_to_one_host_wait_the_delay():
    waits, clock = [], [100.0]
    hosts = fetch.HostClock(sleep=lambda seconds: (waits.append(seconds), clock.__setitem__(0, clock[0] + seconds)),
                            now=lambda: clock[0])
    hosts.wait("a.example", 2.0)
    hosts.done("a.example")
    clock[0] += 0.5
    hosts.wait("a.example", 2.0)  # 0.5 s since: 1.5 s to wait
    hosts.wait("b.example", 2.0)  # another host: no wait
    assert waits == [1.5]


def test_the_url_list(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# crawl of 6 September\nhttps://a.example/1\n\nhttps://a.example/1\nftp://b.example/x\n"
                       "https://b.example/2?x=1#top\n")
    found = fetch.url_inputs(str(listing))
    assert [str(item) if isinstance(item, fetch.PageUrl) else item.code for item in found] == [
        "https://a.example/1", "W023", "https://b.example/2?x=1#top"]
    assert found[1].message == f"{listing}: [W023] line 5 is not an http(s) URL: 'ftp://b.example/x'"
    assert found[0].clock is found[2].clock  # one list, one clock for its hosts


def test_build_urls_fetches_each_page_and_goes_on_past_failures(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/good\n{server}/missing\n")
    settings = [arg for name, value in LOCAL.items() for arg in ("--setting", f"{name}={value}")]
    result = CliRunner().invoke(app, ["build", "--urls", str(listing), "--db", str(tmp_path / "s.db"), *settings])
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert f"{listing}#{server}/missing: [W022] cannot fetch the page: HTTP 404" in output
    assert "1 documents added" in output


def test_no_inputs_and_no_urls_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["build", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2 and "[E003]" in result.output


def test_reading_files_touches_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    documents = [extract(item) for path in sorted(corpus.iterdir()) for item in read_file(str(path))
                 if isinstance(item, RawDocument)]
    assert len(documents) >= 10
