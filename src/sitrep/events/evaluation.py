"""Events measured on MUC-4 (../shared/data/muc4/README.md defines the figures).

Per document, predicted events are aligned one-to-one with gold events of a compatible type (the MUC
type, or the ACLED type through the README's mapping), maximising matched role fillers; a predicted
filler is correct when it contains the head noun of one of the gold alternatives (case-insensitive);
optional events and fillers count only when matched (then as any other).
Then: event detection P/R/F1 (by MUC type and by
ACLED type), document relevance (has any required event; documents with optional events only are left
out), role P/R/F1 per role and micro over perpetrators, targets and victims, and over aligned pairs whose
gold has the value: killed exact and within 20 %, date exact, country and place.

`muc_events` maps what `extract` finds in a MUC article to MUC's answer form: only terrorist incidents
against non-military targets, reported as happened, attempted or threatened, and no older than
`MAX_AGE_DAYS` before the dateline; one event per MUC type and named town an article reports (a
mention naming no town joins the type's first); no date read → MUC's "on or before the dateline" fill.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sitrep.events.places import fold

ROLES = ("perpetrators", "targets", "victims")
GOLD_ROLES = {"perpetrators": ("perpetrator_individuals", "perpetrator_organizations"),
              "targets": ("physical_targets",), "victims": ("human_targets",)}
MUC_TO_ACLED = {"BOMBING": "Explosions/Remote violence", "ATTACK": "Violence against civilians",
                "KIDNAPPING": "Violence against civilians", "ARSON": "Strategic developments",
                "ROBBERY": "Strategic developments", "FORCED WORK STOPPAGE": "Strategic developments"}
MAX_AGE_DAYS = 62
HEAD_STOP = re.compile(r"\s+(?:OF|FROM|IN|AT|WHO|WHICH|THAT|,)\s+.*$", re.I)


def head_noun(filler: str) -> str:
    """The head noun of a key string: its last word before "of", a comma or a clause ("DIRECTOR OF X" →
    DIRECTOR)."""
    words = HEAD_STOP.sub("", filler.strip()).split()
    return words[-1].upper().strip("\"'.,()[]") if words else ""


def _contains(predicted: str, head: str) -> bool:
    return bool(head) and re.search(r"(?<!\w)" + re.escape(head) + r"(?!\w)", predicted.upper()) is not None


# --- one document: alignment and counts ------------------------------------------------------------
@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _gold_fillers(gold: dict, role: str) -> list[tuple[list[str], bool]]:
    """Each gold filler of a role: its alternatives and whether it is optional."""
    found = []
    for slot in GOLD_ROLES[role]:
        optional = set(gold.get("optional_fillers", {}).get(slot, []))
        for index, alternatives in enumerate(gold.get(slot, [])):
            found.append((alternatives, index in optional))
    return found


def role_counts(predicted: dict, gold: dict | None) -> dict[str, Counts]:
    """Per role: predicted fillers matched to gold fillers, each gold filler at most once."""
    counts = {}
    for role in ROLES:
        fillers = list(dict.fromkeys(predicted.get(role) or []))
        golds = _gold_fillers(gold, role) if gold else []
        used: set[int] = set()
        c = Counts()
        for filler in fillers:
            match = next((i for i, (alts, _) in enumerate(golds) if i not in used
                          and any(_contains(filler, head_noun(a)) for a in alts)), None)
            if match is None:
                c.fp += 1
            else:
                used.add(match)
                c.tp += 1
        c.fn += sum(1 for i, (_, optional) in enumerate(golds) if i not in used and not optional)
        counts[role] = c
    return counts


def _compatible(predicted: dict, gold: dict, by: str) -> bool:
    if by == "muc":
        kind = predicted.get("type")
        return kind in {gold["type"], *(gold.get("type_alternatives") or [])}
    kind = predicted.get("acled_type") or MUC_TO_ACLED.get(predicted.get("type"), predicted.get("type"))
    return kind in {gold.get("acled_type"), *(gold.get("acled_type_alternatives") or [])}


def align(predicted: list[dict], golds: list[tuple[dict, bool]], by: str) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index) of compatible types: as many required events as
    possible, then as many fillers matched as possible, then optional events."""
    def score(i: int, j: int) -> tuple[int, int, int]:
        gold, optional = golds[j]
        filled = sum(c.tp for c in role_counts(predicted[i], gold).values())
        return (0 if optional else 1, filled, 1)

    options = {(i, j): score(i, j) for i in range(len(predicted)) for j in range(len(golds))
               if _compatible(predicted[i], golds[j][0], by)}
    if not options:
        return []
    best: list[tuple[int, int]] = []
    best_score = (-1, -1, -1)
    preds = sorted({i for i, _ in options})
    gold_ids = sorted({j for _, j in options})
    if len(preds) <= 6 and len(gold_ids) <= 6:
        for size in range(min(len(preds), len(gold_ids)), 0, -1):
            for chosen in itertools.combinations(preds, size):
                for perm in itertools.permutations(gold_ids, size):
                    pairs = list(zip(chosen, perm))
                    if not all(p in options for p in pairs):
                        continue
                    total = tuple(sum(options[p][k] for p in pairs) for k in range(3))
                    if total > best_score:
                        best, best_score = pairs, total
        return best
    taken_p, taken_g = set(), set()  # many events: greedy, best pairs first
    for (i, j), _ in sorted(options.items(), key=lambda kv: kv[1], reverse=True):
        if i not in taken_p and j not in taken_g:
            best.append((i, j))
            taken_p.add(i)
            taken_g.add(j)
    return best


@dataclass
class Scores:
    events: Counts = field(default_factory=Counts)
    events_acled: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_acled: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relevance: Counts = field(default_factory=Counts)
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    values: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # metric → right, n

    @property
    def role_micro(self) -> Counts:
        total = Counts()
        for c in self.roles.values():
            total.add(c)
        return total

    def accuracy(self, metric: str) -> tuple[float, int]:
        n = self.values[metric]["n"]
        return (self.values[metric]["right"] / n if n else 0.0), n


def _event_counts(predicted: list[dict], golds: list[tuple[dict, bool]], pairs, key) -> dict[str, Counts]:
    """Detection counts by a key of the event (its type): an optional gold event counts only when matched."""
    counts: dict[str, Counts] = defaultdict(Counts)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for _, j in pairs:
        counts[key(golds[j][0])].tp += 1
    for i, p in enumerate(predicted):
        if i not in matched_p:
            counts[key(p)].fp += 1
    for j, (g, optional) in enumerate(golds):
        if j not in matched_g and not optional:
            counts[key(g)].fn += 1
    return counts


def _date_right(predicted: str | None, gold: dict) -> bool:
    return predicted is not None and predicted in {gold.get("date"), *(gold.get("date_alternatives") or [])}


def _places(gold: dict) -> tuple[set[str], set[str]]:
    """The gold countries (any alternative) and, when the key names one below the country, its places."""
    countries, places = set(), set()
    for location in [gold.get("location") or [], *(gold.get("location_alternatives") or [])]:
        if location:
            countries.add(fold(location[0]))
            places |= {fold(p) for p in location[1:]}
    return countries, places if len(gold.get("location") or []) > 1 else set()


def score_document(scores: Scores, predicted: list[dict], gold_doc: dict) -> None:
    golds = [(g, False) for g in gold_doc.get("events", [])] + [(g, True) for g in gold_doc.get("optional_events", [])]
    for by, total, breakdown, key in (
            ("muc", scores.events, scores.by_type, lambda e: e.get("type")),
            ("acled", scores.events_acled, scores.by_acled,
             lambda e: e.get("acled_type") or MUC_TO_ACLED.get(e.get("type"), e.get("type")))):
        pairs = align(predicted, golds, by)
        for name, c in _event_counts(predicted, golds, pairs, key).items():
            breakdown[name].add(c)
            total.add(c)
        if by != "muc":
            continue
        matched_p = {i for i, _ in pairs}
        for i, j in pairs:
            gold = golds[j][0]  # a matched optional event counts as any other
            for role, c in role_counts(predicted[i], gold).items():
                scores.roles[role].add(c)
            p = predicted[i]
            if gold.get("killed") is not None:
                scores.values["killed"]["n"] += 1
                scores.values["killed"]["right"] += p.get("killed") == gold["killed"]
                near = p.get("killed") is not None and abs(p["killed"] - gold["killed"]) <= 0.2 * gold["killed"]
                scores.values["killed_20"]["n"] += 1
                scores.values["killed_20"]["right"] += near
            if gold.get("date"):
                scores.values["date"]["n"] += 1
                scores.values["date"]["right"] += _date_right(p.get("date"), gold)
            countries, places = _places(gold)
            location = [fold(x) for x in p.get("location") or []]
            if countries:
                scores.values["country"]["n"] += 1
                scores.values["country"]["right"] += bool(location) and location[0] in countries
            if places:
                scores.values["place"]["n"] += 1
                scores.values["place"]["right"] += bool(set(location[1:]) & places)
        for i, p in enumerate(predicted):
            if i not in matched_p:
                for role, c in role_counts(p, None).items():
                    scores.roles[role].add(c)
        matched_g = {j for _, j in pairs}
        for j, (gold, optional) in enumerate(golds):
            if j not in matched_g and not optional:  # a missed event misses its fillers too
                for role, c in role_counts({}, gold).items():
                    scores.roles[role].add(c)
    relevant = bool(gold_doc.get("events"))
    if not relevant and gold_doc.get("optional_events"):
        return  # optional events only: neither relevant nor irrelevant
    said = bool(predicted)
    scores.relevance.tp += relevant and said
    scores.relevance.fp += said and not relevant
    scores.relevance.fn += relevant and not said


def score(gold_docs: list[dict], predictions: dict[str, list[dict]]) -> Scores:
    scores = Scores()
    for doc in gold_docs:
        score_document(scores, predictions.get(doc["id"], []), doc)
    return scores


def report_lines(scores: Scores) -> list[str]:
    """The figures, one a line, in the README's order."""
    e, a, rel, micro = scores.events, scores.events_acled, scores.relevance, scores.role_micro
    lines = [f"events (MUC type)   P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}  "
             f"(tp {e.tp}, fp {e.fp}, fn {e.fn})",
             f"events (ACLED type) P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}",
             f"document relevance  P {rel.precision:.3f}  R {rel.recall:.3f}  F1 {rel.f1:.3f}",
             f"roles (micro)       P {micro.precision:.3f}  R {micro.recall:.3f}  F1 {micro.f1:.3f}"]
    for role in ROLES:
        c = scores.roles[role]
        lines.append(f"  {role:<17} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}")
    for metric, label in (("killed", "killed exact"), ("killed_20", "killed within 20%"), ("date", "date exact"),
                          ("country", "country"), ("place", "place")):
        value, n = scores.accuracy(metric)
        lines.append(f"{label:<19} {value:.3f}  (n {n})")
    lines.append("by MUC type:")
    for name, c in sorted(scores.by_type.items(), key=lambda kv: str(kv[0])):
        lines.append(f"  {name!s:<24} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                     f"(tp {c.tp}, fp {c.fp}, fn {c.fn})")
    lines.append("by ACLED type:")
    for name, c in sorted(scores.by_acled.items(), key=lambda kv: str(kv[0])):
        lines.append(f"  {name!s:<28} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                     f"(tp {c.tp}, fp {c.fp}, fn {c.fn})")
    return lines


# --- MUC articles through the extractor ------------------------------------------------------------
SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*\n\s*|\[\w+\]\s+|--\s+)([a-z])")
BRACKETED = re.compile(r"\[([A-Z]{2,8})\]")


def body_of(text: str) -> str:
    """A MUC text without its dateline and header tags: what follows the first "--"."""
    body = text.split("--", 1)[1] if "--" in text[:200] else text
    body = re.sub(r"\[(?:TEXT|REPORT|CONTINUED|EXCERPTS?|COMMUNIQUE|INTERVIEW|ARTICLE|EDITORIAL)\]", " ", body)
    body = re.sub(r"\[[^\]]*\]", lambda m: m.group(0) if BRACKETED.fullmatch(m.group(0)) else "(" + m.group(0)[1:-1]
                  + ")" if len(m.group(0)) < 60 else " ", body)
    return re.sub(r"[ \t]*\n[ \t]*(?!\n)", " ", body).strip()


def restore_case(text: str, names: set[str], acronyms: set[str]) -> str:
    """Wire text in capitals as ordinary prose: lower case, sentences capitalised, known place names and
    acronyms (defined in brackets) as names."""
    lowered = text.lower()

    def word(match: re.Match) -> str:
        w = match.group(0)
        if w.upper() in acronyms:
            return w.upper()
        return w

    out = re.sub(r"\b[a-z]{2,8}\b", word, lowered)
    out = _capitalise_names(out, names)
    out = SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), out)
    return re.sub(r"\bi\b", "I", out)


def _capitalise_names(text: str, names: set[str]) -> str:
    words = list(re.finditer(r"[a-z][a-z'-]*", text))
    pieces, last, i = [], 0, 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            group = words[i:i + size]
            if len(group) < size:
                continue
            phrase = text[group[0].start():group[-1].end()]
            if " ".join(phrase.split()) in names and (size > 1 or len(phrase) > 3):
                pieces.append(text[last:group[0].start()])
                pieces.append(" ".join(w[:1].upper() + w[1:] for w in phrase.split(" ")))
                last = group[-1].end()
                i += size
                break
        else:
            i += 1
    pieces.append(text[last:])
    return "".join(pieces)


def muc_events(events, anchor: str | None, dateline_place: list[str], countries: tuple[str, ...] = ()) -> list[dict]:
    """What `extract` found in one MUC article, in MUC's answer form (see the module's docstring)."""
    incidents: list[list] = []  # [MUC type, named town or None, answer]
    anchor_date = dt.date.fromisoformat(anchor) if anchor else None
    for event in events:
        if event.muc_type is None or event.status not in ("happened", "attempted", "threatened"):
            continue
        if not (event.actors or event.victims or event.targets or event.fatalities or event.injured):
            continue  # nobody and nothing named: a generic or summary statement, which MUC does not count
        if all(_generic(m.text) for m in event.mentions):
            continue
        if event.date and anchor_date and (anchor_date - dt.date.fromisoformat(event.date)).days > MAX_AGE_DAYS:
            continue
        place = event.place if event.place and event.place.country and (
            not countries or event.place.country.upper() in countries) else None
        town = place.name if place and place.geo_precision < 3 else None
        # Incidents of one type in two named towns are two; a mention naming no town joins the type's first.
        incident = next((i for i in incidents if i[0] == event.muc_type and (town is None or i[1] in (None, town))),
                        None)
        found = incident[2] if incident else None
        if incident and town is not None:
            incident[1] = town
        location = ([place.country.upper(), place.name.upper()] if place and place.geo_precision < 3
                    else [place.country.upper()] if place else list(dateline_place))
        stage = {"happened": "ACCOMPLISHED", "attempted": "ATTEMPTED", "threatened": "THREATENED"}[event.status]
        if found is None:
            found = {
                "type": event.muc_type, "acled_type": event.type, "stage": stage,
                "date": event.date or (f"../{anchor}" if anchor else None), "location": location,
                "perpetrators": [], "targets": [], "victims": [], "instruments": [],
                "killed": event.fatalities.best if event.fatalities else None,
                "injured": event.injured.best if event.injured else None}
            incidents.append([event.muc_type, town, found])
        else:
            if found["date"] is None or found["date"].startswith("..") and event.date:
                found["date"] = event.date or found["date"]
            if len(found["location"]) < len(location):
                found["location"] = location
            if found["killed"] is None and event.fatalities:
                found["killed"] = event.fatalities.best
        found["perpetrators"] += [a.name for a in event.actors if a.role == "actor1"
                                  and a.name not in found["perpetrators"]]
        found["victims"] += [v.name for v in event.victims if v.name not in found["victims"]]
        found["targets"] += [t for t in event.targets if t not in found["targets"]]
        if event.instrument and event.instrument not in found["instruments"]:
            found["instruments"].append(event.instrument)
    return [answer for _, _, answer in incidents]


# The nine countries of the MUC-4 articles (its README): a place name is looked for there first.
MUC_COUNTRIES = ("SV", "CO", "PE", "GT", "CL", "HN", "BO", "EC", "AR")


def _generic(text: str) -> bool:
    from sitrep.events import patterns as P

    return bool(P.GENERIC.search(text))


def read_gold(path) -> list[dict]:
    import json

    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def predict(gold_docs: list[dict], settings) -> dict[str, list[dict]]:
    """Run the article stages (parse, entities, attribution, statements, events) on each MUC text, case
    restored, anchored on its dateline date; MUC's answer form for each."""
    from sitrep import nlp
    from sitrep.attribution import document_attributions
    from sitrep.events.extract import document_events
    from sitrep.events.places import gazetteer

    places = gazetteer(settings.event_min_city_population)
    names = {name for name, cities in places.cities.items()
             if any(c["countrycode"] in MUC_COUNTRIES for c in cities)} | set(places.country_names)
    names = {n for n in names if " " in n or len(n) > 4}
    texts = []
    for doc in gold_docs:
        acronyms = set(BRACKETED.findall(doc["text"]))
        texts.append(restore_case(body_of(doc["text"]), names, acronyms))
    found: dict[str, list[dict]] = {}
    for doc, parsed in zip(gold_docs, nlp.parse(texts, settings.model, settings.nlp_batch)):
        entities, entity_of_token = nlp.document_entities(doc["id"], parsed)
        attributions = document_attributions(doc["id"], parsed, entity_of_token, settings)
        statements = nlp.document_statements(parsed, attributions, settings)
        dateline = doc.get("dateline") or {}
        country = _dateline_country(dateline, places)
        if country not in MUC_COUNTRIES:  # "MADRID (SPAIN)": the article's most named country of the nine
            named = Counter(code for code in MUC_COUNTRIES
                            for _ in re.finditer(r"\b" + places.countries[code]["name"].upper() + r"\b", doc["text"]))
            country = named.most_common(1)[0][0] if named else country
        events = document_events(doc["id"], parsed, attributions, statements, entity_of_token,
                                 doc.get("dateline_date"), settings,
                                 countries=tuple(c for c in (country,) if c) + MUC_COUNTRIES)
        where = [places.countries[country]["name"].upper()] if country else []
        if where and dateline.get("place") and country == _dateline_country(dateline, places) and \
                dateline["place"].upper() not in ("NO CITY", "CLANDESTINE"):
            where.append(dateline["place"].upper())
        found[doc["id"]] = muc_events(events, doc.get("dateline_date"), where,
                                      tuple(places.countries[c]["name"].upper() for c in MUC_COUNTRIES))
    return found


def _dateline_country(dateline: dict, places) -> str | None:
    if dateline.get("country"):
        return places.country(dateline["country"])
    if dateline.get("place"):  # a dateline names a city wires report from: the largest of that name
        found = [c for c in places.cities.get(fold(dateline["place"]), []) if c["countrycode"] in MUC_COUNTRIES]
        if found:
            return found[0]["countrycode"]
    return None
