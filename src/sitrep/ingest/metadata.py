"""What a page states about its article: publication date, outlet, wire credits, cited outlets.

Nothing here guesses: a date is taken only from a labelled date line or a bare dateline in the page
head, and an ambiguous day/month order is left empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from sitrep.ingest import patterns as P
from sitrep.ingest.language import LANGUAGES


def parse_date(text: str) -> str | None:
    """The first complete, unambiguous calendar date in `text`, as YYYY-MM-DD."""
    for form in P.DATE_FORMS:
        for match in form.finditer(text):
            found = _date_from_match(match)
            if found:
                return found
    return None


def _date_from_match(match: re.Match) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if year < 100:
        year += 2000
    if parts.get("month_word"):
        return _worded_date(match.group(0))
    if parts.get("month_name"):
        month, day = P.MONTHS[parts["month_name"].lower().rstrip(".")], int(parts["day"])
    elif parts.get("a"):
        a, b = int(parts["a"]), int(parts["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 03.04.21: which is the month cannot be known from the date alone
    else:
        month, day = int(parts["month"]), int(parts["day"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _worded_date(text: str) -> str | None:
    """A date whose month is a word of any language dateparser knows ("14 марта 2026"), strictly read:
    the day, the month and the year must all be there, and nothing is taken relative to today."""
    found = _date_parser().get_date_data(text).date_obj
    return found.date().isoformat() if found else None


@lru_cache(maxsize=1)
def _date_parser():
    import dateparser

    return dateparser.DateDataParser(languages=list(LANGUAGES), settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    })


def normalise_date(value: str | None) -> str | None:
    """A container's stated date ('2026-03-14T09:00:00Z', 'March 14, 2026') as YYYY-MM-DD."""
    return parse_date(value) if value else None


def publication_date(labelled_lines: Iterable[str], head_lines: Iterable[str]) -> str | None:
    """Best stated date: 'published' labels first, then 'posted', 'updated', then a bare dateline."""
    best: tuple[int, str] | None = None
    for line in labelled_lines:
        for rank, (_, label) in enumerate(P.DATE_LABELS):
            match = label.search(line)
            if match:
                date = parse_date(line[match.end():])
                if date and (best is None or rank < best[0]):
                    best = (rank, date)
                break
    if best:
        return best[1]
    for line in head_lines:
        bare = P.BARE_DATE_LINE.match(line)
        if bare:
            date = parse_date(bare.group("date"))
            if date:
                return date
    return None


def wire_credits(lines: Iterable[str], bylines: Iterable[str]) -> list[str]:
    """Agencies credited for the copy or the photos.

    `bylines` (byline lines and the first paragraphs) are read for "AFP |" and "Velmar (AFP) -";
    every line of the page for photo credits and trailing "(EFE)".
    """
    found: list[str] = []
    for line in bylines:
        for pattern in (P.BYLINE_CREDIT, P.DATELINE_CREDIT):
            match = pattern.match(line)
            if match:
                _add(found, _agency(match.group("agency")))
    for line in lines:
        for match in P.PAREN_CREDIT.finditer(line):
            _add(found, _agency(match.group("agency")))
        for photo in P.PHOTO_CREDIT.finditer(line):
            tail = line[photo.start():photo.start() + 120]
            match = P.CREDIT_IN_PHOTO.search(tail)
            if match:
                _add(found, _agency(match.group("agency")))
    return found


def cited_outlets(text: str) -> list[str]:
    """Outlets the article cites: 'According to the X', 'X reported', 'reprinted by X', 'Reuters says'."""
    found: list[str] = []
    for pattern in P.CITATION_ANY_NAME:
        for match in pattern.finditer(text):
            _add_outlet(found, match.group("name"), require_media=False)
    for pattern in P.CITATION_MEDIA_NAME:
        for match in pattern.finditer(text):
            _add_outlet(found, match.group("name"), require_media=True)
    return found


def outlet_from_lines(lines: Iterable[str]) -> str | None:
    """The outlet a page names for itself: a 'Source: X' line, or the owner of its share links."""
    owner = None
    for line in lines:
        match = P.SOURCE_LINE.match(line)
        if match and not _is_agency(match.group("name")):
            return match.group("name").strip()
        social = P.SOCIAL_OWNER.match(line)
        if social and owner is None and social.group("name").lower() not in ("share", "follow", "us"):
            owner = social.group("name")
    return owner


def looks_like_outlet(name: str) -> bool:
    """A wire agency, or a name with a media word in it ("Valley Times", "Radio 24")."""
    return _is_agency(name) or _has_media_word(name)


def _add_outlet(found: list[str], raw: str, require_media: bool) -> None:
    name = _trim_name(raw)
    if not name or name in P.NOT_OUTLET_START:
        return
    if _is_agency(name):
        _add(found, _agency(name))
        return
    if require_media and not _has_media_word(name):
        return
    if len(name) < 2 or (name.isupper() and len(name) <= 1):
        return
    _add(found, name)


def _trim_name(raw: str) -> str:
    words = raw.strip(" ,.;:’'").split()
    while words and words[-1].lower() in ("de", "du", "des", "la", "le", "of", "the", "and", "al", "el", "di"):
        words.pop()
    return " ".join(words).strip(" ,.;:’'")


def _has_media_word(name: str) -> bool:
    parts = re.split(r"[\s-]+", name.lower())
    return any(part in P.MEDIA_WORDS for part in parts)


def _is_agency(name: str) -> bool:
    return _agency(name) is not None


def _agency(name: str) -> str | None:
    stripped = name.strip()
    if stripped in P.WIRE_AGENCIES:
        return P.WIRE_AGENCIES[stripped]
    for suffix in (" News Agency", " Agency", " news agency"):
        if stripped.endswith(suffix) and stripped[: -len(suffix)] in P.WIRE_AGENCIES:
            return P.WIRE_AGENCIES[stripped[: -len(suffix)]]
    return None


def _add(found: list[str], value: str | None) -> None:
    if value and value not in found:
        found.append(value)
