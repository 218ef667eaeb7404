"""One home for the text helpers every stage shares: paragraph breaks, sentences, quote marks, stems,
common words, dashes and dependency labels."""

import re
from bisect import bisect_right
from functools import lru_cache

# Paragraphs of a clean text are joined with this; a break in other texts may hold spaces too.
PARAGRAPH_SEPARATOR = "\n\n"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Words whose period ends no sentence: titles and ranks before a name, months before a day ("Gen. Doe",
# "Sept. 11"). A single capital with its period is an initial ("Jane F. Doe", "the U.S. Army").
ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Messrs Dr Prof Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Gov Sen Rep Rev Fr St Hon
    Pres Supt Insp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs""".split()
)
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{word}\.)" for word in sorted(ABBREVIATIONS)) + r"(?<!\b[A-Z]\.)"
# A sentence ends at its last mark (closing quotes and brackets after it are left out) where the next
# one starts with a capital or a digit, perhaps after an opening quote; and at every paragraph break.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])" + _NOT_AFTER_ABBREVIATION + r"[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|"
                            + PARAGRAPH_BREAK.pattern)

# Curly quotes and guillemets folded to straight ones, so that only the words of two texts are compared.
QUOTE_FOLDING = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})

# Dashes: tokens of their own even when glued to a word or a quote mark ("shame.”― Jane Doe").
DASHES = r"[―—–]"

# The dependency labels (spaCy's English scheme) of a clause's subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves said says
    say told one two three new also would could like many much well even still just since""".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, blank stretches left out."""
    spans = []
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_around(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> str:
    """The sentences of `text` that `text[start:end]` touches: from the last sentence start at or before
    `start` to the first break at or after `end` (a quotation's closing mark stays with it). `spans`, the
    text's `sentence_spans`, spare splitting it again for each of many look-ups."""
    spans = sentence_spans(text) if spans is None else spans
    first = bisect_right(spans, start, key=lambda span: span[0]) - 1
    after = SENTENCE_BREAK.search(text, end)
    return text[spans[first][0] if first >= 0 else 0:after.start() if after else len(text)].strip()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word without its inflection, enough to see that 'claims', 'claimed' and 'claiming' are one word
    ('stated' and 'states' give 'stat'; irregular forms stay as they are). The attribution taggers were
    trained on these stems: a change here means retraining them."""
    word = word.lower()
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 2 and word.endswith(ending) and not word.endswith("ss"):
            word = word[:-len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsfz":
                word = word[:-1]  # "planned" → "plan"
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


# Characters a terminal acts on instead of showing: the C0 and C1 controls (an escape sequence can clear
# the screen or retitle the window; a carriage return overwrites the line) and the bidirectional overrides
# and isolates (they reorder what follows).
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` safe to show in a terminal: each control character written as its escape (\\x1b, \\n,
    \\u202e), all else as it is. Everything sitrep prints for people (titles, paths, messages) goes
    through it."""
    return UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
