"""Quotations: character spans of quoted speech, quote marks included.

Curly quotes pair by direction, straight double quotes by alternation. A quote still open at the
end of a paragraph continues when the next paragraph opens with a quote mark (the convention for
quotes running over several paragraphs); otherwise it ends with its paragraph.
"""

from __future__ import annotations

from sitrep.text import PARAGRAPH_BREAK

OPENING = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'


def quotation_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    position = 0
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    for break_start, break_end in paragraphs:
        for i in range(position, break_start):
            char = text[i]
            if open_at is None:
                if char in OPENING:
                    open_at, closing = i, OPENING[char]
                elif char == STRAIGHT:
                    open_at, closing = i, STRAIGHT
            elif char == closing:
                spans.append((open_at, i + 1))
                open_at = None
            elif char in OPENING and closing != STRAIGHT and text[i + 1:i + 2] != " ":
                open_at, closing = i, OPENING[char]  # a stray opener: the earlier one was never closed
        if open_at is not None:
            next_char = text[break_end:break_end + 1]
            if not (next_char in OPENING or next_char == STRAIGHT):
                spans.append((open_at, _trim_end(text, break_start)))
                open_at = None
            else:
                # the next paragraph's opening mark re-opens the same quotation
                position = break_end + 1
                continue
        position = break_end
    if open_at is not None:
        spans.append((open_at, _trim_end(text, len(text))))
    return spans


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
