"""Language identification, offline: lingua ships its models inside the wheel."""

from __future__ import annotations

from functools import lru_cache

# ISO 639-1 codes of the languages told apart: the languages news about conflicts is mostly written in.
LANGUAGES = (
    "en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "ur", "hi", "he",
    "zh", "ja", "ko", "id", "sv", "el", "ro", "sr", "hr",
)


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_minimum_relative_distance(0.1).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text gives no clear answer."""
    language = _detector().detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None


def detect_confident(text: str, threshold: float = 0.6) -> str | None:
    """The language of a short stretch of text, only when lingua is confident of it."""
    values = _detector().compute_language_confidence_values(text)
    if values and values[0].value >= threshold:
        return values[0].language.iso_code_639_1.name.lower()
    return None
