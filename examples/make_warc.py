"""Build corpus/frontline.warc.gz from the HTML sources in warc_pages/.

The archive holds a warcinfo record, then for each page a `request` record and
a `response` record (HTTP/1.1 200, Content-Type text/html; charset=utf-8).
Only the response records are articles; the others must be skipped.

Record ids and dates are fixed so that rebuilding gives the same bytes.

    python examples/make_warc.py      (needs warcio, e.g. warcio==1.8.1)
"""

import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "warc_pages"
OUTPUT = HERE / "corpus" / "frontline.warc.gz"

# The crawl date: later than every article, so it must never be taken as a
# publication date.
CRAWL_DATE = "2026-05-20T09:30:00Z"
HTTP_DATE = "Wed, 20 May 2026 09:30:00 GMT"

PAGES = [
    ("kestriatoday_bridge.html",
     "https://www.kestriatoday.com/news/2026/03/15/army-says-dravik-bridge-taken"),
    ("orsaobserver_envoy.html",
     "https://www.orsaobserver.net/politics/rebels-ceasefire-signal-valdorian-envoy"),
    ("kestriatoday_morvas_falls.html",
     "https://www.kestriatoday.com/news/2026/05/11/morvas-falls-to-rebels"),
]


def record_id(kind: str, url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            "frontline.warc.gz",
            {"software": "sitrep example corpus (make_warc.py)",
             "format": "WARC File Format 1.0",
             "description": "Three pages about the fictional Orsa valley conflict"},
        )
        info.rec_headers.replace_header("WARC-Date", CRAWL_DATE)
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo", str(OUTPUT.name)))
        writer.write_record(info)

        for name, url in PAGES:
            body = (SOURCES / name).read_bytes()
            parts = urlsplit(url)

            req_headers = StatusAndHeaders(
                f"GET {parts.path} HTTP/1.1",
                [("Host", parts.netloc),
                 ("User-Agent", "Mozilla/5.0 (compatible; sitrep-example-crawler/0.1)"),
                 ("Accept", "text/html")],
                is_http_request=True,
            )
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b""), http_headers=req_headers,
                warc_headers_dict={"WARC-Date": CRAWL_DATE,
                                   "WARC-Record-ID": record_id("request", url)},
            )

            resp_headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"),
                 ("Content-Length", str(len(body))),
                 ("Date", HTTP_DATE),
                 ("Server", "nginx")],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=resp_headers,
                warc_headers_dict={"WARC-Date": CRAWL_DATE,
                                   "WARC-Record-ID": record_id("response", url)},
            )
            request.rec_headers.add_header("WARC-Concurrent-To",
                                           response.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(request)
            writer.write_record(response)
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes, {len(PAGES)} pages)")


if __name__ == "__main__":
    main()
