"""What a page states about its article: publication date, outlet, wire credits, cited outlets.

Nothing here guesses: a date is taken only from a labelled date line or a bare dateline in the page
head, and an ambiguous day/month order is left empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from sitrep.ingest import patterns as P
from sitrep.ingest.language import LANGUAGES
from sitrep.text import SENTENCE_BREAK


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


def date_from_url(url: str | None) -> str | None:
    """The date a URL's path carries ("/2021/09/06/", "/2021-09-06-title", "/20210906/"), for a page that
    states none; a path holding only a year and a month gives nothing."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in P.URL_DATES:
        for match in pattern.finditer(path):
            try:
                found = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
            return found.isoformat()
    return None


def publication_date(labelled_lines: Iterable[str], head_lines: Iterable[str]) -> str | None:
    """Best stated date: 'published' labels first, then 'posted', 'updated', then a bare dateline or a byline
    ending in a date in the page head (`head_lines`)."""
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
        byline = P.BYLINE_DATE.match(line)  # "By Jane Doe | June 18, 2026"
        bare = P.BARE_DATE_LINE.match(byline.group("date") if byline else line)
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


def cited_outlets(text: str, own: str | None = None) -> list[str]:
    """Outlets the article cites: 'According to the X', 'X reported', 'reprinted by X', 'Reuters says'.

    A name is one sentence's: 'according to the city hospital. Residents said' cites no 'Hospital. Residents',
    'in 2014. The Post reported' cites the Post. The article's own outlet
    (`own`, or the last words of its name: 'told the Courier' in the Valley Courier) is not cited."""
    found: list[str] = []
    for patterns, require_media in ((P.CITATION_ANY_NAME, False), (P.CITATION_MEDIA_NAME, True)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                name = _one_sentence_name(match)
                if name and not _is_own_outlet(name, own):
                    _add_outlet(found, name, require_media=require_media)
    return found


_ACRONYM = re.compile(r"^ \([A-Z]{2,8}\)")  # "the Valley News Agency (VNA)": no cue after the name


def _one_sentence_name(match: re.Match) -> str | None:
    """The cited name within one sentence. A name the pattern reads across a sentence break keeps the part next
    to its cue: the first sentence's after 'according to', the last one's before 'reported'; where the cue
    stands on both sides ('according to X said'), neither part is the name."""
    name = match.group("name")
    parts = SENTENCE_BREAK.split(name)
    if len(parts) == 1:
        return name
    cue_before = match.string[match.start():match.start("name")].strip().lower() not in ("", "the")
    cue_after = bool(_ACRONYM.sub("", match.string[match.end("name"):match.end()]).strip(" ,"))
    if cue_before and cue_after:
        return None
    return parts[-1] if cue_after else parts[0]


def _is_own_outlet(name: str, own: str | None) -> bool:
    if not own:
        return False
    if _is_agency(name) or _is_agency(own):
        return _agency(name.strip()) == _agency(own.strip())
    cited = _letters(_trim_name(name).removeprefix("the ").removeprefix("The "))
    own_words = [_letters(w) for w in own.split()]
    own_words = [w for w in own_words if w]
    if _is_host_name(own):  # "velmarreview.com": "Velmar Review", and "the Review" if a media word
        site = _letters(own.strip().split(".")[0])
        return bool(cited) and (cited == site or (site.endswith(cited) and cited in P.MEDIA_WORDS))
    return bool(cited) and any(cited == "".join(own_words[k:]) for k in range(len(own_words)))


def outlet(stated: str | None, site_name: str | None, lines: Iterable[str], masthead: str | None,
           url: str | None, title: str | None = None) -> str | None:
    """Who published the page, the surest answer first:

    1. the name its container states (`stated`: a JSON Lines record's `outlet`, `sitename`…);
    2. the name the page gives itself in its markup (`site_name`: og:site_name, as trafilatura reads it);
    3. a "Source: X" line (where the URL is known, only an X that looks like an outlet or is its site);
    4. the site of its URL (`site_of`: "www.aljazeera.com" → "aljazeera.com"), spelt as the page spells
       it when a name on the page has the same letters ("Al Jazeera": its share links, masthead, title);
    5. the owner of its share links ("X on Facebook"), then a masthead that looks like an outlet's name.

    What only looks like a name ("Thumbnail", "Published", "Monday, September 6", a person's name above
    the headline) is never an outlet. A `site_name` that is a host name counts as the site (4).
    """
    host = site_name if site_name and _is_host_name(site_name) else None
    for name in (stated, None if host else site_name):
        if name and not _not_an_outlet(name):
            return name.strip()
    source, owner = _named_in_lines(lines)
    site = site_of(url) or site_of(host)
    if source and (not site or looks_like_outlet(source) or _spelt_on_page(site, [source])):
        return source  # with a URL, "Source: X" must look like an outlet: it often names a person or an office
    if site:
        return _spelt_on_page(site, [owner, masthead, *_title_parts(title)]) or site
    if owner:
        return owner
    if masthead and not _not_an_outlet(masthead) and looks_like_outlet(masthead):
        return masthead.strip()
    return None


def outlet_from_lines(lines: Iterable[str]) -> str | None:
    """The outlet a page names for itself: a 'Source: X' line, or the owner of its share links."""
    source, owner = _named_in_lines(lines)
    return source or owner


def _named_in_lines(lines: Iterable[str]) -> tuple[str | None, str | None]:
    """The first 'Source: X' line's X (not an agency), and the owner of the first share links."""
    owner = None
    for line in lines:
        match = P.SOURCE_LINE.match(line)
        if match and not _is_agency(match.group("name")) and not _not_an_outlet(match.group("name")):
            return match.group("name").strip(), owner
        social = P.SOCIAL_OWNER.match(line)
        if social and owner is None and social.group("name").lower() not in ("share", "follow", "us") \
                and not _not_an_outlet(social.group("name")):
            owner = social.group("name")
    return None, owner


def site_of(url: str | None) -> str | None:
    """The registrable domain of a URL's (or a host name's) site, lower case, as the outlet's name when
    nothing better is stated: "https://www.aljazeera.com/news/…" → "aljazeera.com", "news.bbc.co.uk" →
    "bbc.co.uk", "x.blogspot.com" → "x.blogspot.com". Spacing and capitals cannot be known from a domain
    ("Al Jazeera"), so the domain is kept as it is written. None for an IP address, "localhost", or a
    record number standing in for a URL. tldextract reads its bundled Public Suffix List: no network."""
    if not url or " " in url.strip():
        return None
    found = _domain_parser()(url.strip())
    if not found.domain or not found.suffix:
        return None
    labels = f"{found.domain}.{found.suffix}".lower().split(".")
    return ".".join(_from_punycode(label) for label in labels)


@lru_cache(maxsize=1)
def _domain_parser():
    import tldextract

    # no suffix list URLs: never fetched; no cache folder: nothing written; the snapshot in the wheel is read
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True,
                                 include_psl_private_domains=True)


def _from_punycode(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def _is_host_name(name: str) -> bool:
    return bool(P.HOST_NAME.fullmatch(name.strip()))


def _spelt_on_page(site: str, names: Iterable[str | None]) -> str | None:
    """The name on the page that is the site's domain in other spacing and capitals ("Al Jazeera" for
    aljazeera.com, "The Guardian" for theguardian.com), if one is."""
    letters = _letters(site.split(".")[0])
    for name in names:
        if name and not _not_an_outlet(name) and letters in (_letters(name), "the" + _letters(name)):
            return name.strip()
    return None


def _title_parts(title: str | None) -> list[str]:
    """A title's pieces around its separators: 'Talks resume - Al Jazeera' → its two halves."""
    return [part for part in P.TITLE_SEPARATOR.split(title) if part] if title else []


def _letters(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def _not_an_outlet(name: str) -> bool:
    """A label, a button, a section, a byline or a date: what a line in a page's head is when it only
    looks like a name."""
    stripped = name.strip(" -–—|•·:,.")
    lowered = stripped.lower()
    words = re.findall(r"[^\W_]+", lowered)
    if not words or len(stripped) > 60 or len(words) > 6:
        return True
    if lowered in P.NOT_OUTLET_NAMES or lowered.removeprefix("the ") in P.NOT_OUTLET_NAMES:
        return True
    if lowered.startswith("by "):
        return True
    calendar = [w for w in words if w in P.WEEKDAYS or (w in P.MONTHS and len(w) > 3)]
    if calendar and (len(calendar) == len(words) or any(ch.isdigit() for ch in lowered)):
        return True  # "Monday", "Monday, September 6"; "Sunday Times" is a name
    return parse_date(stripped) is not None


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
