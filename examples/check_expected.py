"""Check examples/expected.yaml against the example corpus.

Every snippet in expected.yaml must be an exact substring of the document it
names: of the file itself for .txt, of the visible text (tags stripped,
entities decoded) for HTML, WARC response records and JSON Lines records with
`html`, of the `text` field for JSON Lines records with `text`. Besides the
snippets it checks that every document key exists, that titles, credits, cited
outlets, `via` links and entity names occur in the text, that stated dates are
on the page, that no must_keep overlaps a must_drop and that a story event's
casualty estimate reads low <= best <= high.

    python examples/check_expected.py      (needs pyyaml and warcio)

Exit status 0 when everything checks out, 1 otherwise.
"""

import html
import json
import re
import sys
from pathlib import Path

import yaml
from warcio.archiveiterator import ArchiveIterator

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected.yaml"

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def visible_text(source: str) -> str:
    """Text a reader sees in an HTML page (plus the <title>), entities decoded."""
    title = re.search(r"(?is)<title>(.*?)</title>", source)
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", source)
    body = re.sub(r"(?s)<!--.*?-->", "", body)
    body = re.sub(r"<[^>]+>", "\n", body)
    text = html.unescape(body)
    if title:
        text = html.unescape(title.group(1)) + "\n" + text
    return text


def html_dates(source: str) -> set[str]:
    """Dates a page states in markup: meta published_time and <time datetime>."""
    found = set()
    for m in re.finditer(r'(?:article:published_time"\s+content|datetime)="(\d{4}-\d{2}-\d{2})', source):
        found.add(m.group(1))
    return found


def text_states_date(text: str, iso: str) -> bool:
    """True when a plain-text page writes the date in one of the usual ways."""
    year, month, day = (int(x) for x in iso.split("-"))
    name = MONTHS[month - 1]
    forms = [
        iso,
        f"{month:02d}.{day:02d}.{year % 100:02d}",       # 03.15.26
        f"{day} {name} {year}",                          # 20 April 2026
        f"{name} {day}, {year}",                         # June 2, 2026
    ]
    return any(f in text for f in forms)


def load_documents() -> dict[str, dict]:
    """key -> {"text": searchable text, "raw": raw source, "dates": dates in markup}"""
    docs: dict[str, dict] = {}
    for path in sorted(CORPUS.iterdir()):
        name = path.name
        if name.endswith(".txt"):
            raw = path.read_text(encoding="utf-8")
            docs[name] = {"text": raw, "raw": raw, "dates": None}
        elif name.endswith(".html"):
            raw = path.read_text(encoding="utf-8")
            docs[name] = {"text": visible_text(raw), "raw": raw, "dates": html_dates(raw)}
        elif name.endswith(".warc.gz"):
            with open(path, "rb") as fh:
                for record in ArchiveIterator(fh):
                    if record.rec_type != "response":
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    raw = record.content_stream().read().decode("utf-8")
                    docs[f"{name}#{url}"] = {"text": visible_text(raw), "raw": raw,
                                             "dates": html_dates(raw)}
        elif name.endswith(".jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                key = f"{name}#{row['url']}"
                dates = {row["published"]} if row.get("published") else set()
                if "html" in row:
                    raw = row["html"]
                    dates |= html_dates(raw)
                    text = visible_text(raw)
                else:
                    raw = row["text"]
                    text = raw
                if row.get("title"):
                    text = row["title"] + "\n" + text
                docs[key] = {"text": text, "raw": raw, "dates": dates}
    return docs


class Checker:
    def __init__(self, docs: dict[str, dict]):
        self.docs = docs
        self.errors: list[str] = []
        self.checked = 0

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def doc(self, where: str, key: str) -> dict | None:
        if key not in self.docs:
            self.fail(where, f"no document {key!r}")
            return None
        return self.docs[key]

    def snippet(self, where: str, key: str, snippet: str) -> None:
        self.checked += 1
        doc = self.doc(where, key)
        if doc is not None and snippet not in doc["text"]:
            self.fail(where, f"snippet not in {key}: {snippet!r}")

    def anywhere(self, where: str, name: str) -> None:
        self.checked += 1
        if not any(name in d["text"] for d in self.docs.values()):
            self.fail(where, f"name occurs in no document: {name!r}")


def main() -> int:
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    docs = load_documents()
    c = Checker(docs)

    listed = set(expected["documents"])
    for key in sorted(set(docs) - listed):
        c.fail("documents", f"corpus document not described in expected.yaml: {key}")

    for key, spec in expected["documents"].items():
        where = f"documents[{key}]"
        doc = c.doc(where, key)
        if doc is None:
            continue
        for field in ("title", "outlet", "published", "language"):
            if field not in spec:
                c.fail(where, f"missing field {field}")
        if spec.get("title"):
            c.snippet(where + ".title", key, spec["title"])
        if spec.get("outlet"):
            c.checked += 1
            # stated on the page, or the site in the record's URL ("frontlinedigest.net")
            if spec["outlet"] not in doc["raw"] and spec["outlet"] not in doc["text"] \
                    and spec["outlet"] not in key.partition("#")[2]:
                c.fail(where, f"outlet not stated on the page nor the site of its URL: {spec['outlet']!r}")
        for field in ("credits", "cited_outlets"):
            for name in spec.get(field) or []:
                c.snippet(f"{where}.{field}", key, name)
        for field in ("published", "must_not_be_published"):
            iso = spec.get(field)
            if not iso:
                continue
            c.checked += 1
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(iso)):
                c.fail(where, f"{field} is not YYYY-MM-DD: {iso!r}")
            elif doc["dates"] is not None and field == "published":
                if iso not in doc["dates"] and not text_states_date(doc["text"], iso):
                    c.fail(where, f"published {iso} is not stated on the page")
            elif doc["dates"] is None and not text_states_date(doc["text"], iso):
                c.fail(where, f"{field} {iso} is not written in the file")
        for s in spec.get("must_drop") or []:
            c.snippet(where + ".must_drop", key, s)
        for s in spec.get("must_keep") or []:
            c.snippet(where + ".must_keep", key, s)
            for d in spec.get("must_drop") or []:
                if d in s or s in d:
                    c.fail(where, f"must_keep {s!r} overlaps must_drop {d!r}")

    for i, item in enumerate(expected.get("reuse") or []):
        for side in ("origin", "copy"):
            c.snippet(f"reuse[{i}].{side}", item[side]["doc"], item[side]["snippet"])
        if item["origin"]["doc"] == item["copy"]["doc"]:
            c.fail(f"reuse[{i}]", "origin and copy are the same document")
    for i, pair in enumerate(expected.get("not_reuse") or []):
        for key in pair:
            c.doc(f"not_reuse[{i}]", key)

    for i, item in enumerate(expected.get("attributions") or []):
        where = f"attributions[{i}]"
        c.snippet(where + ".content", item["doc"], item["content"])
        channel = item.get("channel")
        if channel == "Twitter" and "tweet" in c.docs.get(item["doc"], {}).get("text", ""):
            pass                                   # "tweeted" names the channel too
        elif channel:
            c.snippet(where + ".channel", item["doc"], channel)
        for name in item.get("via") or []:
            c.snippet(where + ".via", item["doc"], name)

    for section in ("same", "different"):
        for i, item in enumerate(expected["entities"].get(section) or []):
            for name in item["names"]:
                c.anywhere(f"entities.{section}[{i}]", name)

    for section in ("disputes", "not_disputes"):
        for i, item in enumerate(expected.get(section) or []):
            for side in ("a", "b"):
                c.snippet(f"{section}[{i}].{side}", item[side]["doc"], item[side]["snippet"])
    for i, item in enumerate(expected.get("corroboration") or []):
        for key in item["docs"]:
            c.doc(f"corroboration[{i}]", key)
    for i, item in enumerate(expected.get("events") or []):
        c.doc(f"events[{i}]", item["doc"])
        if item.get("location"):
            c.snippet(f"events[{i}].location", item["doc"], item["location"])

    story_events = expected.get("story_events") or {}
    for i, item in enumerate(story_events.get("same") or []):
        if len(item["mentions"]) < 2:
            c.fail(f"story_events.same[{i}]", "fewer than two mentions")
        for j, mention in enumerate(item["mentions"]):
            c.snippet(f"story_events.same[{i}].mentions[{j}]", mention["doc"], mention["snippet"])
    for i, item in enumerate(story_events.get("different") or []):
        for side in ("a", "b"):
            c.snippet(f"story_events.different[{i}].{side}", item[side]["doc"], item[side]["snippet"])
    for i, item in enumerate(story_events.get("casualties") or []):
        where = f"story_events.casualties[{i}]"
        c.snippet(where + ".at", item["at"]["doc"], item["at"]["snippet"])
        c.checked += 1
        low, best, high = item.get("low"), item.get("best"), item.get("high")
        if best is None or (low is not None and low > best) or (high is not None and high < best):
            c.fail(where, f"not low <= best <= high: {low}, {best}, {high}")

    for line in c.errors:
        print("FAIL", line)
    print(f"{len(docs)} documents, {c.checked} checks, {len(c.errors)} failures")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
