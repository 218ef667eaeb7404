"""Find the article in a page flattened to text: drop page furniture, captions, bios and an
unrelated article glued below, and detect the title and masthead.

Each line gets a role; the article is the kept lines before a topic break. Lines before the break
(kept or not) stay available to the metadata stage, which reads dates, credits and outlets from them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sitrep.ingest import patterns as P
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.text import STOPWORDS

CONTENT = "content"  # article prose
HEADING = "heading"  # a short line without sentence punctuation: title, subtitle, section head
FURNITURE = "furniture"  # navigation, share buttons, prompts, teasers, repeated lines
SHORT = "short"  # one or two words with no sentence punctuation: nav labels, or a masthead
CAPTION = "caption"  # a photo caption or credit
META = "meta"  # a dateline, byline or "Source:" line
BIO = "bio"  # the author's biography at the end

KEPT = (CONTENT, HEADING)
# Furniture that opens a block of other stories: the natural place for an appended article to begin.
AUTHOR_OPENER = re.compile(r"^about the (author|writer|reporter)s?:?$", re.I)
SECTION_OPENERS = re.compile(
    r"^(you may also like|(most )?popular|related|read (more|also|next)|recommended|more from|"
    r"more (stories|news)|trending|most (read|viewed|shared))\b",
    re.I,
)


@dataclass
class Line:
    text: str
    role: str


@dataclass
class Page:
    title: str | None
    masthead: str | None
    paragraphs: list[str]  # the article's kept lines, title excluded
    lines: list[Line]  # every line before the topic break, in order (metadata reads these)
    head_end: int  # index in `lines` of the first body paragraph: before it is the page head


def clean_page(text: str, title: str | None = None, settings: Settings = DEFAULT_SETTINGS) -> Page:
    lines = [Line(stripped, "") for stripped in (_normalise(raw) for raw in text.splitlines()) if stripped]
    counts = Counter(_key(line.text) for line in lines)
    for line in lines:
        line.role = _classify(line.text, counts[_key(line.text)] > 1, settings)
    _mark_teaser_blocks(lines)
    _mark_captions_above_credits(lines)
    _mark_ad_slots(lines)

    head_end = next((i for i, line in enumerate(lines) if _is_body(line)), len(lines))
    _mark_reader_blocks(lines, head_end)
    found_title, masthead = (None, None)
    if title is None:
        found_title, masthead = _find_title(lines, head_end)
    else:
        masthead = _find_masthead(lines, head_end)
    title = title or found_title
    title_key = _key(title) if title else None
    for line in lines[:head_end]:
        if line.text == masthead:
            line.role = META  # the outlet's name above the headline, not article text

    lines = lines[:_topic_break(lines, settings)]
    _mark_tail_offers(lines)
    _mark_tail_bio(lines)

    paragraphs = [line.text for line in lines if line.role in KEPT and _key(line.text) != title_key]
    return Page(title=title, masthead=masthead, paragraphs=paragraphs, lines=lines,
                head_end=min(head_end, len(lines)))


def _normalise(raw: str) -> str:
    return P.BULLET.sub("", raw.replace("\u00a0", " ")).strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _words(text: str) -> list[str]:
    return text.split()


def _classify(text: str, repeated: bool, settings: Settings) -> str:
    lowered = text.lower()
    words = _words(text)
    ends_sentence = bool(P.LINE_END_PUNCTUATION.search(text))
    if P.SOURCE_LINE.match(text) and len(words) <= 8:
        return META
    if len(words) <= 12 and (_is_date_line(text) or P.BYLINE_CREDIT.match(text)):
        return META
    if any(pattern.fullmatch(text) for pattern in P.FURNITURE_LINES):
        return FURNITURE
    if sum(lowered.count(name) for name in P.SOCIAL_NETWORKS) >= 2 and len(words) <= 12:
        return FURNITURE
    if P.SOCIAL_OWNER.match(text) and len(words) <= 8:
        return FURNITURE
    if P.PHOTO_CREDIT.search(text):
        return CAPTION
    if text.startswith("[") and text.endswith("]") and len(words) <= 8:
        return FURNITURE
    if text.endswith(("...", "…")) and len(words) <= 12:
        return FURNITURE  # a teaser link to another story
    if repeated and len(words) <= 25:
        return FURNITURE  # captions and menus repeat; article sentences do not
    if not ends_sentence and _is_menu(text):
        return FURNITURE
    if not ends_sentence and len(words) <= 2:
        return SHORT
    if not ends_sentence and len(words) <= settings.short_line_words * 4:
        return HEADING
    return CONTENT


def _is_menu(text: str) -> bool:
    items = P.MENU_SEPARATOR.split(text)
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


def _mark_teaser_blocks(lines: list[Line]) -> None:
    """Short lines under a 'Related articles' opener are links to other stories, not this one."""
    in_block = False
    for line in lines:
        if line.role == FURNITURE and SECTION_OPENERS.match(line.text):
            in_block = True
        elif in_block and line.role != META and len(_words(line.text)) <= 15:
            line.role = FURNITURE
        elif line.role in KEPT:
            in_block = False


AD_SLOT_LINES = 3  # an ad slot's lines under its label, at most
OFFER_WORDS = 25  # an ad's or a sign-up box's line is short


def _mark_ad_slots(lines: list[Line]) -> None:
    """The lines under an 'Advertisement' label are the ad: within the article only a line that reads as an offer
    (a price for a period, a discount, 'sign up'; a bare price may be news) and is no sentence; below its last
    paragraph, any short offer, price or heading."""
    last_body = _last_body(lines)
    for i, label in enumerate(lines):
        if label.role not in (FURNITURE, SHORT) or not P.AD_LABEL.fullmatch(label.text):
            continue
        for j in range(i + 1, min(i + 1 + AD_SLOT_LINES, len(lines))):
            line = lines[j]
            if line.role not in (*KEPT, SHORT) or len(_words(line.text)) > OFFER_WORDS:
                break
            offer = bool(P.OFFER.search(line.text))
            sentence = bool(P.LINE_END_PUNCTUATION.search(line.text))
            if j > last_body:
                offer = offer or bool(P.PRICE.search(line.text))
            if (offer and not sentence) or (j > last_body and (offer or not sentence)):
                line.role = FURNITURE
            else:
                break


def _mark_reader_blocks(lines: list[Line], head_end: int) -> None:
    """Readers' letters and comments below the article (under 'Reader letters', 'Comments (3)') are not its
    text: all under such a heading is dropped, up to the page's next section (a sign-up box, 'More from',
    the copyright line). Only below the article's first paragraphs, and only where the article before the
    heading is longer than what stands under it: a comment counter in the middle of the text cuts nothing."""
    kept_words = [0]  # kept words before each line: one pass, however many headings the page repeats
    for line in lines:
        kept_words.append(kept_words[-1] + (len(_words(line.text)) if line.role in KEPT else 0))
    i = head_end
    while i < len(lines):
        opener = lines[i]
        if opener.role == META or not any(pattern.fullmatch(opener.text) for pattern in P.READER_OPENERS):
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if P.READER_BLOCK_END.match(lines[j].text)), len(lines))
        article = kept_words[i]
        letters = _word_count([line.text for line in lines[i + 1:end] if line.role in (*KEPT, SHORT)])
        if article > letters:
            opener.role = FURNITURE
            for line in lines[i + 1:end]:
                if line.role not in (META, CAPTION):
                    line.role = FURNITURE
        i = end


def _mark_tail_offers(lines: list[Line]) -> None:
    """Below the article's last paragraph, a short line that calls on the reader ('Sign up for our weekly
    digest.'), or an offer that is no sentence standing between page furniture ('Flights to the coast from
    49.99'), is a box, not the article. (A text wrapped at a fixed width has lines that are no sentences, one
    after the other: an amount in one of them is the article's.)"""
    start = _last_body(lines) + 1
    for i in range(start, len(lines)):
        line = lines[i]
        if line.role not in (*KEPT, SHORT) or len(_words(line.text)) > OFFER_WORDS:
            continue
        alone = all(lines[j].role not in KEPT for j in (i - 1, i + 1) if 0 <= j < len(lines))
        call = P.CALL_TO_ACT.match(line.text) and P.LINE_END_PUNCTUATION.search(line.text)
        if call or (alone and _is_offer_line(line.text)):
            line.role = FURNITURE


def _is_offer_line(text: str) -> bool:
    if len(_words(text)) > OFFER_WORDS:
        return False
    sentence = bool(P.LINE_END_PUNCTUATION.search(text))
    offer = P.OFFER.search(text) or P.PRICE.search(text)
    return bool(P.CALL_TO_ACT.match(text)) or (not sentence and bool(offer))


def _last_body(lines: list[Line]) -> int:
    """Index of the article's last body paragraph (a sign-up line of body length is none), or len(lines)."""
    for i in range(len(lines) - 1, -1, -1):
        if _is_body(lines[i]) and not _is_offer_line(lines[i].text):
            return i
    return len(lines)


def _mark_captions_above_credits(lines: list[Line]) -> None:
    """A heading-like line right above a bare "(Photo: X)" line is that photo's caption."""
    for above, line in zip(lines, lines[1:]):
        if line.role == CAPTION and len(_words(line.text)) <= 6 and above.role == HEADING:
            above.role = CAPTION


def _is_date_line(text: str) -> bool:
    if any(label.match(text) for _, label in P.DATE_LABELS) and any(f.search(text) for f in P.DATE_FORMS):
        return True
    byline = P.BYLINE_DATE.match(text)  # "By Jane Doe | June 18, 2026"
    return _is_bare_date(byline.group("date") if byline else text)


def _is_bare_date(text: str) -> bool:
    bare = P.BARE_DATE_LINE.match(text)
    return bool(bare) and any(f.fullmatch(bare.group("date").strip(" ,")) for f in P.DATE_FORMS)


def _is_body(line: Line) -> bool:
    return line.role == CONTENT and len(_words(line.text)) >= 12


def _find_title(lines: list[Line], head_end: int) -> tuple[str | None, str | None]:
    """The first heading-like line of the page head; a name-like line before it is the masthead."""
    head = lines[:head_end]
    candidates = [
        i for i, line in enumerate(head)
        if line.role in KEPT and 3 <= len(_words(line.text)) <= 30 and not line.text.endswith((".", ":"))
    ]
    for position, i in enumerate(candidates):
        is_last = position == len(candidates) - 1
        if _looks_like_name(_words(head[i].text)) and not is_last:
            continue  # "The Daily Courier" above the headline
        return head[i].text, _find_masthead(head[:i], len(head[:i]))
    return None, _find_masthead(lines, head_end)


def _find_masthead(lines: list[Line], head_end: int) -> str | None:
    for line in lines[:head_end]:
        if line.role in (SHORT, HEADING) and _looks_like_name(_words(line.text)):
            return line.text
    return None


def _looks_like_name(words: list[str]) -> bool:
    return 1 <= len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


def _topic_break(lines: list[Line], settings: Settings) -> int:
    """Index where an unrelated article glued below this one begins, or len(lines).

    A break is only looked for where page furniture separates two runs of prose, and is taken
    where the prose after it shares (almost) no vocabulary with the prose before it.
    """
    kept_positions = [i for i, line in enumerate(lines) if line.role in KEPT]
    for gap_start, gap_end in _furniture_gaps(lines, kept_positions):
        before = [lines[i].text for i in kept_positions if i < gap_start]
        after = [lines[i].text for i in kept_positions if i >= gap_end]
        if _word_count(before) < 30 or _word_count(after) < 30:
            continue
        if _cosine(_bag(before), _bag(after)) < settings.topic_break_similarity:
            return _break_inside_gap(lines, gap_start, gap_end)
    return len(lines)


def _furniture_gaps(lines: list[Line], kept: list[int]) -> list[tuple[int, int]]:
    gaps = []
    for previous, following in zip(kept, kept[1:]):
        if following - previous > 1:
            gaps.append((previous + 1, following))
    return gaps


def _break_inside_gap(lines: list[Line], start: int, end: int) -> int:
    """Lines of a gap up to a 'more stories' opener still belong to the article (its source, date)."""
    for i in range(start, end):
        if SECTION_OPENERS.match(lines[i].text):
            return i
    return start


def _mark_tail_bio(lines: list[Line]) -> None:
    """The author's bio: a line under 'About the author', or bio-like lines closing the article."""
    for above, line in zip(lines, lines[1:]):
        if AUTHOR_OPENER.match(above.text) and line.role in KEPT:
            line.role = BIO
    kept = [line for line in lines if line.role in KEPT]
    for line in reversed(kept[-2:]):
        if any(pattern.search(line.text) for pattern in P.BIO):
            line.role = BIO
        else:
            break


def _word_count(texts: list[str]) -> int:
    return sum(len(_words(t)) for t in texts)


def _bag(texts: list[str]) -> dict[str, float]:
    counts = Counter(
        token[:-1] if token.endswith("s") else token
        for text in texts
        for token in re.findall(r"[^\W\d_]{3,}", text.lower())
        if token not in STOPWORDS
    )
    return {token: 1 + math.log(count) for token, count in counts.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b.get(token, 0.0) for token, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0
