"""Bytes → text: which encoding an input is in (`files.decode` repairs the mojibake after).

In order: the encoding a byte-order mark names (UTF-8, UTF-16, UTF-32); UTF-8 when the bytes are valid
UTF-8; the charset the HTTP header or the HTML's <meta> declares, when it reads the bytes; the legacy
code page charset-normalizer finds among `LEGACY_ENCODINGS` (Windows-1252 among equals); last, UTF-8
or Windows-1252 with a few stray bytes (`max_stray_byte_share`) replaced by U+FFFD. None when nothing
reads the bytes: the file fails (W005).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# The code pages legacy news pages are written in, besides UTF-8: Windows' (Western, Central European,
# Cyrillic, Greek, Turkish, Hebrew, Arabic, Baltic, Vietnamese), KOI8, ISO-8859 for Cyrillic, Arabic,
# Greek and Hebrew, Thai, and the Japanese, Chinese and Korean ones. ISO-8859-1 and ASCII are read as
# Windows-1252, as browsers do.
LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "cp874", "cp932", "euc_jp", "iso2022_jp",
    "gb18030", "big5", "cp949",
)
_AS_WINDOWS_1252 = {"latin_1", "iso8859_1", "iso8859_15", "ascii"}
# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{2,40})""", re.I)
_SAMPLE_CHARS = 100_000  # how much of each candidate text the plausibility checks read
# Windows-1252 wins over a code page whose text is at most this much more coherent (Spanish read as
# Windows-1250 is as coherent: "seńaló"); Turkish in Windows-1254 is more so ("geçirdiğini").
_WINDOWS_1252_BONUS = 0.03
# Letters of Icelandic and Faroese that a code page for other languages puts where Turkish has ğ, ı, ş
# (Windows-1254 read as Windows-1252 or 1250); a candidate text holding them loses to one that does not.
_UNLIKELY_LETTERS = set("ðÐþÞýÝ")


def bom_encoding(data: bytes) -> str | None:
    """The encoding `data`'s byte-order mark names, if it starts with one."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def charset_of(content_type: str | None) -> str | None:
    """The charset an HTTP Content-Type names ('text/html; charset=windows-1251' → 'windows-1251')."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def decode(data: bytes, declared: str | None = None, stray_share: float = 0.001) -> str | None:
    """`data` as text in the encoding found as the module says; None when none reads it."""
    stray = max(1, int(len(data) * stray_share))
    bom = bom_encoding(data)
    if bom:
        return _with_strays(data, bom, stray)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (declared, _declared_in_markup(data)):
        encoding = _known(name)
        if encoding and encoding != "utf_8":
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    guessed = guess(data)
    if guessed:
        return data.decode(guessed)
    for encoding in ("utf-8", "cp1252"):
        text = _with_strays(data, encoding, stray)
        if text is not None:
            return text
    return None


def guess(data: bytes) -> str | None:
    """The legacy code page `data` reads best in, or None when none gives plausible text.

    charset-normalizer proposes the code pages that read every byte, with their chaos (mess) and their
    coherence (how like a language the letters are); the one whose text has the fewest symbols inside
    words ("poinformowa³a": Polish read as Windows-1252), is not all capitals where the others are not
    (Hebrew read as KOI8-R), is the least chaotic, holds no Icelandic letters (Turkish read as
    Windows-1252: "geçirdiðini"), then is the most coherent (Windows-1252 among about equals), wins.
    A guess that names no language and leaves the text's letters mostly Latin, a few odd ones standing
    alone ("Siege ЃЌќ of the port"), is no guess."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not matches:
        return None
    scored = []
    for match in matches:  # each under charset-normalizer's own limit of chaos
        sample = str(match)[:_SAMPLE_CHARS]
        windows = "cp1252" in match.could_be_from_charset
        coherence = match.coherence + (_WINDOWS_1252_BONUS if windows else 0.0)
        scored.append(((_symbols_inside_words(sample), _all_capitals(sample), round(match.chaos, 1),
                        any(char in _UNLIKELY_LETTERS for char in sample), -coherence), match, sample, windows))
    _, best, sample, windows = min(scored, key=lambda item: item[0])
    if not windows and best.coherence == 0 and _foreign_letter_share(sample) < 0.5:
        return None
    return "cp1252" if windows else best.encoding


def _known(name: str | None) -> str | None:
    """A declared charset's Python codec name ('windows-1251' → 'cp1251'), None if Python knows none."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    return "cp1252" if codec in _AS_WINDOWS_1252 else codec


def _declared_in_markup(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _with_strays(data: bytes, encoding: str, stray: int) -> str | None:
    """`data` in `encoding`, at most `stray` bytes that do not fit replaced by U+FFFD; None if more."""
    text = data.decode(encoding, errors="replace")
    return text if text.count("\ufffd") <= stray else None


def _letter_like(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _symbols_inside_words(text: str) -> int:
    """Characters beyond ASCII that are neither letters nor marks, between two letters."""
    count = 0
    for match in re.finditer(r"[^\x00-\x7f]", text):
        i = match.start()
        if 0 < i < len(text) - 1 and not _letter_like(text[i]) and text[i - 1].isalpha() and text[i + 1].isalpha():
            count += 1
    return count


def _all_capitals(text: str) -> bool:
    """Letters beyond ASCII that are (almost) all capitals: a text read in the wrong half of a code page."""
    upper = lower = 0
    for char in re.findall(r"[^\x00-\x7f]", text):
        upper += char.isupper()
        lower += char.islower()
    return upper + lower >= 20 and upper > 0.8 * (upper + lower)


def _foreign_letter_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(ord(char) > 127 for char in letters) / len(letters) if letters else 0.0
