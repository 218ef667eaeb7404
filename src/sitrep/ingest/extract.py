"""Extract: raw document → clean text and what the page states (title, outlet, date, credits, language).

HTML goes through trafilatura (+ htmldate for the date); its text, and plain-text page dumps, then go
through `pagetext`, which drops what is not the article. The clean text is the title (if any) and the
article's paragraphs separated by blank lines; every later offset points into it.
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.errors import InputProblem
from sitrep.ingest import language, metadata
from sitrep.ingest.pagetext import CAPTION, CONTENT, META, Line, Page, clean_page
from sitrep.records import Document, InputFailure, LanguageSpan, RawDocument
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.text import PARAGRAPH_SEPARATOR

CREDIT_ELEMENTS = ("//figcaption | //*[contains(@class, 'caption') or contains(@class, 'credit')"
                   " or contains(@class, 'byline')]")
# A start tag's name and its attributes (possessive: no backtracking, one pass over the page), and one
# attribute of them. libxml2 checks each attribute of a tag against all the others before it.
_TAG_HEAD = re.compile(r"""<([A-Za-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*+)""")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


@cache
def prepare() -> None:
    """Load what extraction loads on first use (trafilatura, htmldate, lingua's language models: seconds
    of it), so that a time limit on one document never counts it."""
    import htmldate  # noqa: F401
    import trafilatura  # noqa: F401

    language.detect_confident("Loaded once, before the first document.")


def extract(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Document | InputFailure:
    if raw.kind == "html":
        page, stated = _from_html(raw, settings)
    else:
        page, stated = clean_page(raw.content, title=_plausible_title(raw.title, settings), settings=settings), {}
    if not page.paragraphs:
        return InputProblem.NO_ARTICLE.failure(raw.path, raw.url)

    title = page.title
    text = PARAGRAPH_SEPARATOR.join(([title] if title else []) + page.paragraphs)
    page_lines = [line.text for line in page.lines]
    meta_lines = [line.text for line in page.lines if line.role == META]
    head_meta = [line.text for line in page.lines[: page.head_end] if line.role == META]
    bylines = meta_lines + [line.text for line in page.lines if line.role == CONTENT][:2]
    doc_language = language.detect(text)
    outlet = metadata.outlet(raw.outlet, stated.get("outlet"), page_lines, page.masthead, raw.url, title)
    published, published_from = _publication_date(raw, stated, meta_lines, head_meta)
    return Document(
        id=raw.id,
        path=raw.path,
        url=raw.url,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        published_from=published_from,
        language=doc_language,
        credits=metadata.wire_credits(page_lines, bylines),
        cited_outlets=metadata.cited_outlets(text, own=outlet),
        foreign=_foreign_spans(text, doc_language, settings),
    )


def _publication_date(raw: RawDocument, stated: dict, meta_lines: list[str],
                      head_meta: list[str]) -> tuple[str | None, str | None]:
    """The publication date and where it was read, the surest first: the container's (input), the page's
    markup read by htmldate (html), a labelled line or a dateline of the page's text (text), the URL's path."""
    readers = (("input", lambda: metadata.normalise_date(raw.published)), ("html", lambda: stated.get("published")),
               ("text", lambda: metadata.publication_date(meta_lines, head_meta)),
               ("url", lambda: metadata.date_from_url(raw.url)))
    for source, read in readers:
        date = read()
        if date:
            return date, source
    return None, None


def _from_html(raw: RawDocument, settings: Settings) -> tuple[Page, dict[str, str | None]]:
    import trafilatura
    from htmldate import find_date

    html = _without_attribute_floods(raw.content, settings.max_html_attributes)
    extracted = trafilatura.bare_extraction(
        html, url=raw.url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    result = extracted.as_dict() if extracted else {}
    title = _plausible_title(raw.title or result.get("title") or None, settings)
    page = clean_page(result.get("text") or "", title=title, settings=settings)
    page.title = title
    # Captions and bylines are cut by trafilatura, but they carry the page's wire credits.
    page.lines += [Line(text, CAPTION) for text in _credit_bearing_texts(html)]
    # Dates only from the page's markup and URL, never from a guess in its prose.
    published = find_date(html, url=raw.url, extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%d")
    return page, {"outlet": result.get("sitename") or None, "published": published}


def _plausible_title(title: str | None, settings: Settings) -> str | None:
    """A title longer than `max_title_chars` is not one (a page hiding its text there, a feed's bug): the
    document is kept without it."""
    return title if title and len(title) <= settings.max_title_chars else None


def _without_attribute_floods(html: str, limit: int) -> str:
    """The page with every tag of more than `limit` attributes stripped of them. Parsing such a tag takes
    time in the square of their number (100,000: over a minute) inside one call no time limit can stop."""
    def shorten(tag: re.Match) -> str:
        attributes = tag.group(2)
        if len(attributes) <= 2 * limit or len(_ATTRIBUTE.findall(attributes)) <= limit:
            return tag.group(0)
        return "<" + tag.group(1)

    return _TAG_HEAD.sub(shorten, html)


def _credit_bearing_texts(html: str) -> list[str]:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    nodes = tree.xpath(CREDIT_ELEMENTS)
    return [" ".join(node.text_content().split()) for node in nodes if node.text_content().strip()]


def _foreign_spans(text: str, doc_language: str | None, settings: Settings) -> list[LanguageSpan]:
    """Paragraphs in another language than the document's, kept in the text but marked."""
    spans = []
    start = 0
    for paragraph in text.split(PARAGRAPH_SEPARATOR):
        letters = sum(ch.isalpha() for ch in paragraph)
        if letters >= settings.min_letters_for_line_language:
            found = language.detect_confident(paragraph)
            if found and doc_language and found != doc_language:
                spans.append(LanguageSpan(start, start + len(paragraph), found))
        start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return spans
