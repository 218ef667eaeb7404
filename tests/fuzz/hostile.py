"""A seeded generator of hostile inputs, and a judge of what `sitrep build` makes of them.

Each case is one or a few files of one class (deep JSON, huge numbers, surrogates, WARC lengths, line
separators, empty archives, twin failures, special files, gzip bombs, HTML floods, links, mutations).
It says which of its files must be named by exactly one line of output (a failure or a note), which
must not be named at all, which good articles must end up stored and which texts never may (a file
outside the inputs). `run` builds every case of a batch with the real command line in a subprocess,
under a wall-clock limit, and measures the build's peak memory with `resource.getrusage`.

`make test` runs a few hundred cases (tests/fuzz/test_fuzz.py); `make fuzz` runs thousands and prints
the figures: `python tests/fuzz/hostile.py [--cases-per-class N] [--seed S]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MEMORY_LIMIT_MB = 1_536  # the goal: a build of hostile files peaks under 1.5 GB
TIME_LIMIT_S = 5  # max_seconds_per_file for fuzz builds, so that the slow cases stay cheap
SKIP_CODES = {"W011", "W021", "W024"}  # notes, not failures: they never set the exit status
_LINE = re.compile(r"\[(W\d{3})\]")


@dataclass
class Case:
    kind: str
    # token → how many lines must name it; None: any number, each about another record (a mutant feed)
    files: dict[str, int | None] = field(default_factory=dict)
    good: list[str] = field(default_factory=list)  # sentences that must be stored
    good_unless_named: dict[str, str] = field(default_factory=dict)  # token → sentence stored unless it failed
    never: list[str] = field(default_factory=list)  # sentences that must not be stored
    explicit: list[str] = field(default_factory=list)  # paths given on the command line besides the folder
    note: bool = False  # its files are named by a note (skipped), not a failure: no exit status 1 for them


# --- articles -------------------------------------------------------------------------------------

_SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "sor", "en", "ul", "bra", "dak", "ri", "mon", "pel", "tus", "gar"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def article(rng: random.Random) -> tuple[str, str]:
    """(text, its first sentence): five sentences of invented places and people."""
    place, person, city, group = _name(rng), f"{_name(rng, 2)} {_name(rng)}", _name(rng), _name(rng, 2)
    killed, families = rng.randint(2, 97), rng.randint(100, 9000)
    first = (f"Artillery shelled the river town of {place} overnight, killing {killed} people, the regional "
             f"governor {person} said on {rng.choice(_DAYS)}.")
    text = " ".join([
        first,
        f"Residents of {place} said the strikes hit a market and a school near the main bridge.",
        f"The {group} movement denied any role in the attack and accused the army of staging it.",
        f"Aid agencies said {families} families had fled {place} since the fighting began last week.",
        f"The ministry said talks on a ceasefire would resume in {city} next month.",
    ])
    return text, first


class Pool:
    """A few good articles, reused across cases: each is parsed once a build, however many cases hold it."""

    def __init__(self, rng: random.Random, size: int):
        self.articles = [article(rng) for _ in range(size)]
        self.rng = rng

    def pick(self) -> tuple[str, str]:
        return self.rng.choice(self.articles)


def _html(text: str, title: str = "Town shelled", head: str = "", attrs: str = "") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><div{attrs}>x</div>"
            f"<article><p>{text}</p></article></body></html>")


def _warc_record(kind: str, body: bytes, uri: str = "https://example.org/a", length: str | None = None,
                 content_type: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(body) if length is None else length}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def _http(body: bytes, *headers: str, content_type: str = "text/html; charset=utf-8") -> bytes:
    return ("\r\n".join(["HTTP/1.1 200 OK", f"Content-Type: {content_type}", *headers]) + "\r\n\r\n").encode() + body


# --- the classes ----------------------------------------------------------------------------------

class Maker:
    """Writes the cases of each class into `folder` (and files outside it into `outside`)."""

    def __init__(self, folder: Path, outside: Path, rng: random.Random, pool: Pool, huge: bool):
        self.folder, self.outside, self.rng, self.pool, self.huge = folder, outside, rng, pool, huge
        self.count = 0

    def token(self) -> str:
        self.count += 1
        return f"c{self.count:05d}"

    def write(self, name: str, content: bytes | str) -> Path:
        path = self.folder / name
        path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
        return path

    def _good_line(self, **extra) -> tuple[str, str]:
        text, first = self.pool.pick()
        return json.dumps({"url": f"https://example.org/{self.rng.randrange(10 ** 6)}", "title": "Town shelled",
                           "text": text} | extra), first

    def deep_json(self) -> Case:
        token, depth = self.token(), self.rng.choice([1_000, 1_001, 5_000, 60_000, self.rng.randint(65, 200_000)])
        shape = self.rng.choice(["array", "object", "mixed", "unclosed", "field"])
        if shape == "array":
            bad = "[" * depth + "]" * depth
        elif shape == "object":
            bad = '{"a":' * depth + "1" + "}" * depth
        elif shape == "mixed":
            bad = '[{"k":' * (depth // 2) + "0" + "}]" * (depth // 2)
        elif shape == "unclosed":
            bad = "[" * depth
        else:
            bad = self._good_line()[0][:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
        good, first = self._good_line()
        lines = [good, bad] if self.rng.random() < 0.5 else [bad, good]
        self.write(f"{token}-deep.jsonl", "\n".join(lines) + "\n")
        return Case("deep_json", {token: 1}, good=[first])

    def big_number(self) -> Case:
        token, digits = self.token(), self.rng.choice([4_301, 4_302, 10_000, self.rng.randint(4_301, 200_000)])
        number = self.rng.choice("123456789") + "".join(self.rng.choice("0123456789") for _ in range(digits - 1))
        form = self.rng.choice([number, "-" + number, number + ".5", "1e" + number[:6], "0." + number])
        good, first = self._good_line()
        where = self.rng.choice(["views", "published", "title", "nested"])
        value = {"nested": f'{{"n": [{form}]}}'}.get(where, form)
        record = good[:-1] + f', "{where}": {value}}}'
        if self.rng.random() < 0.3:  # a bare number: not an object, that line only
            self.write(f"{token}-number.jsonl", f"{record}\n{form}\n")
            return Case("big_number", {token: 1}, good=[first])
        self.write(f"{token}-number.jsonl", record + "\n")
        return Case("big_number", {token: 0}, good=[first])

    def surrogates(self) -> Case:
        token = self.token()
        text, first = self.pool.pick()
        form = self.rng.choice(["jsonl", "latin1-name", "latin1-empty", "latin1-html", "latin1-folder"])
        lone = self.rng.choice(["\\ud83d", "\\udc00", "\\udfff", "\\ud800\\ud800", "\\udc00\\ud83d"])
        if form == "jsonl":
            where = self.rng.choice(["url", "title", "published", "text"])
            record = {"url": "https://x/", "title": "Town shelled", "published": "2026-03-02", "text": text}
            line = json.dumps(record)
            line = line.replace(f'"{where}": "', f'"{where}": "{lone}', 1)
            self.write(f"{token}-surrogate.jsonl", line + "\n")
            return Case("surrogates", {token: 0}, good=[first])
        latin1 = self.rng.choice([b"caf\xe9", b"\xe9t\xe9", b"na\xefve", b"\xff\xfe"])
        name = os.fsdecode(token.encode() + b"-" + latin1)
        if form == "latin1-folder":
            (self.folder / name).mkdir()
            (self.folder / name / "a.txt").write_text(text)
            return Case("surrogates", {token: 0}, good=[first])
        if form == "latin1-empty":
            self.write(name + ".txt", b"")
            return Case("surrogates", {token: 1})
        self.write(name + (".html" if form == "latin1-html" else ".txt"),
                   _html(text) if form == "latin1-html" else text)
        return Case("surrogates", {token: 0}, good=[first])

    def warc_length(self) -> Case:
        token = self.token()
        text, first = self.pool.pick()
        other, _ = self.pool.pick()
        length = self.rng.choice(["10000000000000000000000", str(2 ** 63), str(2 ** 64), "-5", "many", "1e30",
                                  " 12", "", "9" * 400, "0x10"])
        data = _warc_record("response", _http(_html(text).encode())) + \
            _warc_record("response", _http(_html(other).encode()), uri="https://example.org/b", length=length)
        self.write(f"{token}-length.warc", data)
        return Case("warc_length", {token: 1}, good=[first])

    def line_separators(self) -> Case:
        token = self.token()
        text, first = self.pool.pick()
        separator = self.rng.choice(["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"])
        sentences = text.split(". ")
        body = sentences[0] + ". " + (". " + separator).join(sentences[1:])  # never inside the first sentence
        record = json.dumps({"url": "https://example.org/s", "title": "Town" + separator + "shelled", "text": body},
                            ensure_ascii=False)
        good, first_good = self._good_line()
        self.write(f"{token}-separators.jsonl", record + "\n" + good + "\n")
        return Case("line_separators", {token: 0}, good=[first, first_good])

    def warc_empty(self) -> Case:
        token = self.token()
        form = self.rng.choice(["byte", "info", "request", "resource", "images", "empty-gzip", "nothing-gzip",
                                "revisit", "metadata"])
        content = {
            "byte": bytes([self.rng.randrange(256)]),
            "info": _warc_record("warcinfo", b"software: x\r\n", content_type="application/warc-fields"),
            "request": _warc_record("request", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                                    content_type="application/http; msgtype=request"),
            "resource": _warc_record("resource", b"plain words", content_type="text/plain"),
            "images": _warc_record("response", _http(b"\x89PNG\r\n\x1a\n", content_type="image/png")),
            "empty-gzip": gzip.compress(b""),
            "nothing-gzip": gzip.compress(b"\r\n\r\n"),
            "revisit": _warc_record("revisit", b""),
            "metadata": _warc_record("metadata", b"via: x\r\n", content_type="application/warc-fields"),
        }[form]
        suffix = ".warc.gz" if form.endswith("gzip") or self.rng.random() < 0.3 else ".warc"
        if suffix == ".warc.gz" and not form.endswith("gzip"):
            content = gzip.compress(content)
        self.write(f"{token}-empty{suffix}", content)
        return Case("warc_empty", {token: 1})

    def twin_failures(self) -> Case:
        first, second = self.token(), self.token()
        content = self.rng.choice([
            "<html><body><nav>Home | World | Sport</nav></body></html>",
            "<html><head><title>Only a title</title></head><body></body></html>",
            "\x00\x01binary" * 40,
            "",
        ])
        salt = self.rng.randrange(10 ** 6)  # twins of this case only, not of another case's
        content = content.replace("Home", f"Home {salt}") if "Home" in content else content
        suffix = ".html" if content.startswith("<") else ".txt"
        self.write(f"{first}-twin{suffix}", content)
        self.write(f"{second}-twin{suffix}", content)
        return Case("twin_failures", {first: 1, second: 1})

    def special_files(self) -> Case:
        token = self.token()
        form = self.rng.choice(["fifo", "socket", "dev-link", "explicit-dev", "explicit-fifo"])
        if form == "fifo":
            os.mkfifo(self.folder / f"{token}-pipe.txt")
        elif form == "socket":
            listening = socket.socket(socket.AF_UNIX)
            listening.bind(str(self.folder / f"{token}-s.txt"))
            listening.close()  # the socket file stays
        elif form == "dev-link":  # leads out of the inputs: a note
            (self.folder / f"{token}-zero.txt").symlink_to(self.rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]))
            return Case("special_files", {token: 1}, note=True)
        else:  # named on the command line: followed, then refused by type
            side = self.outside / "explicit"
            side.mkdir(exist_ok=True)
            path = side / f"{token}-device.txt"
            if form == "explicit-fifo":
                os.mkfifo(path)
            else:
                path.symlink_to(self.rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]))
            return Case("special_files", {token: 1}, explicit=[str(path)])
        return Case("special_files", {token: 1})

    def bombs(self) -> Case:
        token = self.token()
        form = self.rng.choice(["jsonl.gz", "txt.gz", "html.gz", "warc.gz", "warc-no-suffix", "content-encoding"])
        megabytes = self.rng.choice([101, 120]) if not self.huge else self.rng.choice([120, 8_192])
        member = _spaces_member()
        text, first = self.pool.pick()
        if form == "content-encoding":  # one gzip member (HTTP decoders read one), so at most 200 MB of it
            body = _spaces_body(min(megabytes, 200))
            data = _warc_record("response", _http(_html(text).encode())) + \
                _warc_record("response", _http(body, "Content-Encoding: gzip"), uri="https://example.org/bomb")
            self.write(f"{token}-bomb.warc", data)
            return Case("bombs", {token: 1}, good=[first])
        head = {"jsonl.gz": json.dumps({"url": "u", "text": text}).encode() + b"\n",
                "txt.gz": text.encode(), "html.gz": _html(text).encode()}.get(
            form, b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9000000000\r\n"
                  b"Content-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n")
        name = {"warc-no-suffix": "bomb.warc"}.get(form, f"bomb.{form}")
        self.write(f"{token}-{name}", gzip.compress(head) + member * megabytes)
        return Case("bombs", {token: 1})

    def html_floods(self) -> Case:
        token = self.token()
        text, first = self.pool.pick()
        form = self.rng.choice(["attributes", "bare-attributes", "quoted-gt", "title", "deep", "slow-paragraph"])
        count = self.rng.choice([2_000, 100_000, self.rng.randint(1_001, 150_000)])
        if form == "attributes":
            page = _html(text, attrs=" " + " ".join(f'a{i}="v{i}"' for i in range(count)))
        elif form == "bare-attributes":
            page = _html(text, attrs=" " + " ".join(f"a{i}" for i in range(count)))
        elif form == "quoted-gt":
            page = _html(text, attrs=" " + " ".join(f'a{i}=">"' for i in range(count)))
        elif form == "title":
            page = _html(text, title="Tt " * self.rng.choice([200, 20_000, 333_334]))
        elif form == "deep":
            depth = self.rng.choice([300, 5_000, 100_000])
            page = _html(text).replace("<article>", "<div>" * depth + "<article>").replace(
                "</article>", "</article>" + "</div>" * depth)
        else:  # a page of capitalised words: slow for the outlet patterns; the time limit ends it
            page = _html(text).replace("</article>", "<p>" + "Tt " * 200_000 + ".</p></article>")
            self.write(f"{token}-flood.html", page)
            return Case("html_floods", {token: None}, good_unless_named={token: first})
        self.write(f"{token}-flood.html", page)
        if form == "deep":
            return Case("html_floods", {token: None}, good_unless_named={token: first})
        return Case("html_floods", {token: 0}, good=[first])

    def links(self) -> Case:
        token = self.token()
        form = self.rng.choice(["file-out", "folder-out", "inside", "broken", "loop"])
        if form == "inside":
            text, first = self.pool.pick()
            target = self.write(f"{token}-target.txt", text)
            (self.folder / f"{token}-link.txt").symlink_to(target)
            return Case("links", {token: 0}, good=[first])
        if form == "broken":  # inside the inputs, pointing at nothing: cannot be read
            (self.folder / f"{token}-broken.txt").symlink_to(self.folder / f"{token}-missing.txt")
            return Case("links", {token: 1})
        if form == "loop":  # a folder linking to the inputs: inside them, not walked twice, nothing to say
            (self.folder / f"{token}-loop").symlink_to(self.folder)
            return Case("links", {token: 0})
        secret, first = article(self.rng)
        secret_folder = self.outside / f"s{token}"
        secret_folder.mkdir()
        (secret_folder / "secret.txt").write_text(secret)
        (self.folder / f"{token}-out").symlink_to(secret_folder if form == "folder-out"
                                                  else secret_folder / "secret.txt")
        return Case("links", {token: 1}, never=[first], note=True)

    def mutations(self) -> Case:
        token = self.token()
        text, first = self.pool.pick()
        form = self.rng.choice(["txt", "html", "jsonl", "warc", "warc.gz", "jsonl.gz"])
        data = {
            "txt": text.encode(), "html": _html(text).encode(),
            "jsonl": json.dumps({"url": "https://example.org/m", "text": text}).encode() + b"\n",
            "warc": _warc_record("response", _http(_html(text).encode())),
        }.get(form.removesuffix(".gz"))
        if form.endswith(".gz"):
            data = gzip.compress(data)
        data = bytearray(data)
        for _ in range(self.rng.randint(1, 8)):
            choice = self.rng.random()
            at = self.rng.randrange(len(data) + 1)
            if choice < 0.3 and data:
                data[min(at, len(data) - 1)] ^= 1 << self.rng.randrange(8)
            elif choice < 0.5:
                del data[at:]
            elif choice < 0.8:
                data[at:at] = self.rng.choice([b"\x00", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\x1f\x8b",
                                               "\u2028".encode(), b"\r", b"{" * 50,
                                               bytes(self.rng.randrange(256) for _ in range(16))])
            else:
                start = self.rng.randrange(len(data) + 1)
                data[at:at] = data[start:start + self.rng.randint(1, 200)]
        self.write(f"{token}-mutant.{form}", bytes(data))
        return Case("mutations", {token: None})


def _spaces_member() -> bytes:
    """A gzip member of one mebibyte of spaces (about a kilobyte)."""
    global _MEMBER
    if _MEMBER is None:
        _MEMBER = gzip.compress(b" " * 2 ** 20, compresslevel=9)
    return _MEMBER


_MEMBER: bytes | None = None
_BODIES: dict[int, bytes] = {}


def _spaces_body(megabytes: int) -> bytes:
    """One gzip member of `megabytes` MiB of spaces inside a paragraph."""
    if megabytes not in _BODIES:
        _BODIES[megabytes] = gzip.compress(b"<p>" + b" " * (megabytes * 2 ** 20) + b"</p>", compresslevel=1)
    return _BODIES[megabytes]

KINDS = ("deep_json", "big_number", "surrogates", "warc_length", "line_separators", "warc_empty", "twin_failures",
         "special_files", "bombs", "html_floods", "links", "mutations")


def make_cases(folder: Path, outside: Path, kinds: dict[str, int], seed: int, pool_size: int,
               huge: bool = False) -> list[Case]:
    """`kinds[k]` cases of each class k, written into `folder` (files outside the inputs: `outside`)."""
    rng = random.Random(seed)
    maker = Maker(folder, outside, rng, Pool(rng, pool_size), huge)
    return [getattr(maker, kind)() for kind, count in kinds.items() for _ in range(count)]


# --- the judge ------------------------------------------------------------------------------------

@dataclass
class Outcome:
    cases: Counter = field(default_factory=Counter)
    crashes: int = 0
    hangs: int = 0
    not_named_once: list[str] = field(default_factory=list)
    good_lost: list[str] = field(default_factory=list)
    outside_stored: list[str] = field(default_factory=list)
    exit_wrong: int = 0
    peak_mb: float = 0.0
    seconds: float = 0.0
    builds: int = 0

    def add(self, other: Outcome) -> None:
        self.cases += other.cases
        self.crashes += other.crashes
        self.hangs += other.hangs
        self.not_named_once += other.not_named_once
        self.good_lost += other.good_lost
        self.outside_stored += other.outside_stored
        self.exit_wrong += other.exit_wrong
        self.peak_mb = max(self.peak_mb, other.peak_mb)
        self.seconds += other.seconds
        self.builds += other.builds

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.hangs or self.not_named_once or self.good_lost or self.outside_stored
                    or self.exit_wrong) and self.peak_mb < MEMORY_LIMIT_MB

    def figures(self) -> str:
        per_class = ", ".join(f"{kind} {self.cases[kind]}" for kind in KINDS if self.cases[kind])
        lines = [
            f"cases: {sum(self.cases.values())} ({per_class}) in {self.builds} builds, {self.seconds:.0f} s",
            f"crashes (traceback or exit status other than 0/1): {self.crashes}",
            f"hangs (a build past its time limit): {self.hangs}",
            f"files not named in exactly one line: {len(self.not_named_once)}",
            f"good documents lost: {len(self.good_lost)}",
            f"files outside the inputs stored: {len(self.outside_stored)}",
            f"wrong exit status: {self.exit_wrong}",
            f"peak memory of a build: {self.peak_mb:.0f} MB (bound {MEMORY_LIMIT_MB} MB)",
        ]
        for title, items in (("not named once", self.not_named_once), ("lost", self.good_lost),
                             ("outside stored", self.outside_stored)):
            lines += [f"  {title}: {item}" for item in items[:10]]
        return "\n".join(lines)


# Runs the build in a child and reports the child's peak memory: getrusage(RUSAGE_CHILDREN) of this small
# wrapper sees the build (and the workers it waited for), nothing else the calling process ever started.
_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[2:], timeout=float(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(done.returncode)
"""


def run(cases: list[Case], folder: Path, db: Path, timeout: float) -> Outcome:
    """Build `folder` (and the cases' explicit paths) with `sitrep build`; judge each case."""
    sitrep = Path(sys.executable).with_name("sitrep")
    command = [str(sitrep), "build", str(folder), *[p for c in cases for p in c.explicit], "--db", str(db),
               "--workers", "1", "--setting", f"max_seconds_per_file={TIME_LIMIT_S}"]
    started = time.monotonic()
    outcome = Outcome(cases=Counter(c.kind for c in cases), builds=1)
    try:
        done = subprocess.run([sys.executable, "-c", _WRAPPER, str(timeout), *command], capture_output=True,
                              timeout=timeout + 30, env=os.environ | {"PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        outcome.hangs += 1
        return outcome
    outcome.seconds = time.monotonic() - started
    output = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    *lines, maxrss = output.rstrip("\n").split("\n") if output.strip() else ["0"]
    outcome.peak_mb = int(maxrss) / 1024 if maxrss.isdigit() else 0.0
    if "Traceback" in output or done.returncode not in (0, 1):
        outcome.crashes += 1
        if "TimeoutExpired" in output:
            outcome.crashes, outcome.hangs = outcome.crashes - 1, outcome.hangs + 1
        return outcome
    coded = [line for line in lines if _LINE.search(line)]
    failed = any(_LINE.search(line).group(1) not in SKIP_CODES for line in coded)
    must_fail = any(1 in c.files.values() and not c.note for c in cases)
    if done.returncode != (1 if failed else 0) or (must_fail and done.returncode != 1):
        outcome.exit_wrong += 1
    stored = _stored_texts(db)
    for case in cases:
        for token, wanted in case.files.items():
            naming = [line for line in coded if re.search(rf"{token}(?![0-9])", line)]
            named = len(naming)
            if (wanted is None and named != len(set(naming))) or (wanted is not None and named != wanted):
                target = outcome.not_named_once if wanted != 0 else outcome.good_lost
                wants = "distinct lines" if wanted is None else wanted
                target.append(f"{case.kind} {token}: named {named} times, wanted {wants}"
                              + "".join(f"\n    {line}" for line in coded if token in line))
        for sentence in case.good:
            if not any(sentence in text for text in stored):
                outcome.good_lost.append(f"{case.kind} {list(case.files)}: {sentence[:70]}")
        for token, sentence in case.good_unless_named.items():
            named = any(token in line for line in coded)
            if not named and not any(sentence in text for text in stored):
                outcome.good_lost.append(f"{case.kind} {token}: {sentence[:70]}")
        for sentence in case.never:
            if any(sentence in text for text in stored):
                outcome.outside_stored.append(f"{case.kind} {list(case.files)}: {sentence[:70]}")
    return outcome


def _stored_texts(db: Path) -> list[str]:
    import sqlite3

    if not db.exists():
        return []
    with sqlite3.connect(db) as connection:
        return [" ".join(text.split()) for (text,) in connection.execute("SELECT text FROM documents")]


def fuzz(kinds: dict[str, int], seed: int, pool_size: int, timeout: float, huge: bool = False,
         separate: bool = False, on_batch: Callable[[str, Outcome], None] = lambda kind, outcome: None) -> Outcome:
    """Make and build the cases: all in one build, or (`separate`) one build a class."""
    total = Outcome()
    batches = [{kind: count} for kind, count in kinds.items()] if separate else [kinds]
    for number, batch in enumerate(batches):
        with tempfile.TemporaryDirectory(prefix="sitrep-fuzz-") as tmp:
            folder, outside = Path(tmp) / "inputs", Path(tmp) / "outside"
            folder.mkdir()
            outside.mkdir()
            cases = make_cases(folder, outside, batch, seed + number, pool_size, huge)
            outcome = run(cases, folder, Path(tmp) / "story.db", timeout)
            on_batch(",".join(batch), outcome)
            total.add(outcome)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases-per-class", type=int, default=250)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=600, help="seconds a build of one class may take")
    args = parser.parse_args()
    kinds = {kind: args.cases_per_class for kind in KINDS}
    kinds["bombs"] = max(1, args.cases_per_class // 5)  # each unpacks 100 MB before it is refused
    kinds["html_floods"] = max(1, args.cases_per_class // 2)

    def report(kind: str, outcome: Outcome) -> None:
        print(f"{kind}: {sum(outcome.cases.values())} cases, {outcome.seconds:.0f} s, "
              f"{outcome.peak_mb:.0f} MB, {'ok' if outcome.ok else 'NOT OK'}", flush=True)

    total = fuzz(kinds, args.seed, pool_size=40, timeout=args.timeout, huge=True, separate=True, on_batch=report)
    print(total.figures())
    sys.exit(0 if total.ok else 1)


if __name__ == "__main__":
    main()
