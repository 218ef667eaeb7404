"""When an event happened: an absolute date in the text, or a relative one ("on Saturday", "last night",
"Thursday's attack", "earlier this week") resolved against the article's publication date. No anchor,
no relative date: a date is never invented. ACLED's time_precision: 1 the day, 2 the week, 3 the month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sitrep.events import patterns as P


@dataclass(frozen=True)
class EventDate:
    date: str  # YYYY-MM-DD (for precision 2 and 3, a day inside the week or month meant)
    precision: int
    start: int  # where the expression is in the text given
    end: int


def anchor_of(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def dates_in(text: str, anchor: dt.date | None) -> list[EventDate]:
    """Every date expression of the text that can be resolved, in text order."""
    found: list[EventDate] = []
    taken: list[tuple[int, int]] = []

    def add(day: dt.date | None, precision: int, start: int, end: int) -> None:
        if day is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(EventDate(day.isoformat(), precision, start, end))

    for pattern in P.ABSOLUTE_DATES:
        for match in pattern.finditer(text):
            add(_absolute(match, anchor), 1, match.start(), match.end())
    if anchor is not None:
        for pattern, days, precision in P.RELATIVE_DATES:
            for match in pattern.finditer(text):
                add(anchor - dt.timedelta(days=days), precision, match.start(), match.end())
        for match in P.LAST_MONTH.finditer(text):
            add((anchor.replace(day=1) - dt.timedelta(days=1)).replace(day=1), 3, match.start(), match.end())
        for match in P.WEEKDAY.finditer(text):
            back = (anchor.weekday() - P.WEEKDAYS[match.group("weekday").lower()]) % 7
            add(anchor - dt.timedelta(days=back), 1, match.start(), match.end())
    found.sort(key=lambda d: d.start)
    return found


def _absolute(match, anchor: dt.date | None) -> dt.date | None:
    parts = match.groupdict()
    month_text = parts["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else P.MONTHS.get(month_text)
    try:
        day = int(parts["day"])
    except (TypeError, ValueError):
        return None
    year_text = parts.get("year")
    if year_text:
        year = int(year_text)
        if year < 100:
            if anchor is None:
                return None
            year += anchor.year // 100 * 100
            if year > anchor.year + 1:
                year -= 100
    elif anchor is None:
        return None
    else:
        year = anchor.year
    try:
        found = dt.date(year, month, day)
    except (TypeError, ValueError):
        return None
    if not year_text and anchor is not None and found > anchor + dt.timedelta(days=1):
        try:
            found = found.replace(year=year - 1)  # "on 28 December" in an article of 3 January
        except ValueError:
            return None
    return found
