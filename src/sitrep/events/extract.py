"""Events of one article: for each assertion (an own-voice sentence or an attributed content), the
trigger words it holds (patterns.TRIGGER_LEMMAS / TRIGGER_PHRASES), and for each trigger: the ACLED
type, the status (happened, attempted, threatened, denied, hypothetical), the actors from the
dependency parse (the trigger's subject or "by X" acts; its object, "on X", "against X" is acted on),
victims and targets, the instrument, the place (spaCy GPE/LOC/FAC names only, resolved in GeoNames),
the date (absolute, or relative to the publication date) and the figures. Mentions of one event in an
article (same type, compatible actors, place and date) are one event.

Precision over recall: a name that is no place is never a place, a date is never invented, a figure is
read only where the text gives it."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.attribution.lexicon import DENIAL_CUES
from sitrep.events import patterns as P
from sitrep.events.dates import anchor_of, dates_in
from sitrep.events.figures import figures_in
from sitrep.events.places import Gazetteer, Place, gazetteer
from sitrep.records import (
    Attribution,
    Count,
    Entity,
    Event,
    EventActor,
    EventMention,
    EventPlace,
    EventVictim,
    Span,
)
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.text import SUBJECT_DEPS

# Of several triggers of violence in one sentence, the most specific names the event.
VIOLENCE_ORDER = ("suicide", "air", "bombing", "grenade", "shelling", "clash", "attack", "killing")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
STATUS_RANK = {s: i for i, s in enumerate(("happened", "attempted", "threatened", "hypothetical", "denied"))}
POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON", "JJ": "ADJ",
       "DT": "DET", "WP": "PRON", "WDT": "DET", "IN": "ADP", "TO": "ADP"}


def _pos(token: Token) -> str:
    """The coarse part of speech from the fine tag (the pipeline leaves out the attribute ruler)."""
    tag = token.tag_
    return "VERB" if tag.startswith("VB") else POS.get(tag, "PUNCT" if not token.text.strip(" ,.;:!?") else tag)


def document_events(document_id: str, doc: Doc, attributions: list[Attribution], statements: list[Span],
                    entity_of_token: dict[int, Entity], published: str | None,
                    settings: Settings = DEFAULT_SETTINGS, countries: tuple[str, ...] = ()) -> list[Event]:
    """The events one parsed article reports. `countries` (ISO codes) are preferred when a place name is
    ambiguous, before the countries the article itself names."""
    places = gazetteer(settings.event_min_city_population)
    context = _Context(doc, entity_of_token, places, anchor_of(published), settings)
    context.countries = [*countries, *context.named_countries()]
    context.learn_regions()  # after the countries: a small town is found only in a country the article names
    mentions: list[tuple[EventMention, dict]] = []
    seen: set[tuple[int, int]] = set()
    for start, end, attribution in _assertions(attributions, statements):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        for sentence in context.sentences(start, end):
            for found in context.mentions_in(sentence, start, end, attribution):
                mentions.append(found)
    return _merge(document_id, mentions)


def _assertions(attributions: list[Attribution], statements: list[Span]):
    for a in attributions:
        yield a.start, a.end, a
    for span in statements:
        yield span.start, span.end, None


class _Context:
    def __init__(self, doc: Doc, entity_of_token: dict[int, Entity], places: Gazetteer, anchor, settings: Settings):
        self.doc = doc
        self.text = doc.text
        self.entity_of_token = entity_of_token
        self.places = places
        self.anchor = anchor
        self.settings = settings
        self.sents = list(doc.sents)
        self.countries: list[str] = []
        self.admin1_names: dict[str, str] = {}

    # --- the article ------------------------------------------------------------------------
    def place_ents(self, sentence: SpacySpan) -> list[SpacySpan]:
        found = []
        for ent in sentence.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            entity = self.entity_of_token.get(ent.start)
            if entity is not None and entity.type != "place":
                continue  # a person's or an organisation's name is never a place
            after = self.doc[ent.end] if ent.end < len(self.doc) else None
            before = self.doc[ent.start - 1] if ent.start > 0 else None
            if (after is not None and after.ent_type_ in ("PERSON", "ORG") and after.ent_iob_ == "B"
                    and not ent[-1].whitespace_.count("\n")) or (
                    before is not None and before.ent_type_ in ("PERSON", "ORG") and not before.is_punct):
                continue  # "Paris" of "Paris Hilton Marlowe": the tagger cut a name in two
            found.append(ent)
        return found

    def named_countries(self) -> list[str]:
        counts: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                name = _bare(ent.text)
                code = self.places.country(name) if ent.label_ == "GPE" else self.places.country_of_people(name)
                if code:
                    counts[code] = counts.get(code, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def learn_regions(self) -> None:
        """Regions the article names with the city that is their capital or lies in them ("B, the provincial
        capital" in a sentence naming "P province"; "B, P province"): the region's name for that admin1."""
        for sentence in self.sents:
            ents = [e for e in self.place_ents(sentence) if e.label_ in ("GPE", "LOC")]
            regions = [e for e in ents if P.REGION_AFTER.match(self.text[e.end_char:e.end_char + 20])]
            if not regions:
                continue
            for ent in ents:
                if ent in regions:
                    continue
                city = self.places.city(_bare(ent.text), self.countries, self.settings.event_min_population_elsewhere)
                if city is None:
                    continue
                after = self.text[ent.end_char:ent.end_char + 40]
                region = None
                if P.CAPITAL_AFTER.match(after):
                    region = regions[0]
                else:
                    region = next((r for r in regions if 0 <= r.start_char - ent.end_char <= 6), None)
                if region is not None:
                    self.admin1_names.setdefault(f"{city['countrycode']}.{city['admin1code']}",
                                                 _bare(region.text))

    def sentences(self, start: int, end: int) -> list[SpacySpan]:
        return [s for s in self.sents if s.start_char < end and start < s.end_char]

    # --- mentions ---------------------------------------------------------------------------
    def mentions_in(self, sentence: SpacySpan, start: int, end: int, attribution: Attribution | None):
        lo, hi = max(start, sentence.start_char), min(end, sentence.end_char)
        triggers = self._triggers(sentence, lo, hi)
        if not triggers:
            return []
        kinds: dict[str, list[Token]] = {}
        for kind, token in triggers:
            kinds.setdefault(kind, []).append(token)
        violent = [k for k in VIOLENCE_ORDER if k in kinds]
        groups: list[tuple[str, list[Token]]] = []
        if violent:
            groups.append((violent[0], [t for k in violent for t in kinds[k]]))
        groups += [(k, ts) for k, ts in kinds.items() if k not in VIOLENCE_ORDER]
        found = []
        for kind, tokens in groups:
            tokens.sort(key=lambda t: t.i)
            found.append(self._mention(kind, tokens, sentence, lo, hi, attribution))
        return [m for m in found if m is not None]

    def _triggers(self, sentence: SpacySpan, lo: int, hi: int) -> list[tuple[str, Token]]:
        found = []
        for token in sentence:
            if not (lo <= token.idx < hi) or _pos(token) not in ("NOUN", "VERB", "PROPN", "ADJ"):
                continue
            kind = P.TRIGGER_FORMS.get(token.lower_)
            if kind is None:
                continue
            if token.ent_type_ in ("PERSON", "ORG") and kind not in ("protest",):
                continue  # "Bomb Squad", a name that holds a trigger word
            after = self.text[token.idx + len(token.text):token.idx + len(token.text) + 20].lstrip()
            if P.NOT_TRIGGER_BEFORE.match(after):
                continue
            found.append((kind, token))
        text = self.text[lo:hi]
        for pattern, kind in P.TRIGGER_PHRASES:
            for match in pattern.finditer(text):
                token = self._token_at(lo + match.start())
                if token is not None:
                    found.append((kind, token))
        return found

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _mention(self, kind: str, tokens: list[Token], sentence: SpacySpan, lo: int, hi: int,
                 attribution: Attribution | None) -> tuple[EventMention, dict] | None:
        acled_type, sub_type, muc_type = P.KINDS[kind]
        text = self.text[sentence.start_char:sentence.end_char]
        head = tokens[0]
        status = self._status(tokens, sentence, attribution)
        if status is None:
            return None
        roles = self._roles(tokens, sentence, attribution)
        actor1, actor2, victims, targets = roles
        if kind in ("attack", "killing") and actor1 and (actor2 or victims):
            hit = [*(actor2 or []), *victims]
            if hit and all(_armed(name) for name, _, _ in hit) and not any(_civilian(n) for n, _, _ in hit):
                acled_type, sub_type = "Battles", "Armed clash"
        if kind == "territory" and actor1 and any(_government(n) for n, _, _ in actor1):
            sub_type = "Government regains territory"
        figures = figures_in(text)
        values: dict = {}
        for figure in figures:
            values.setdefault(figure.kind, Count(figure.low, figure.best, figure.high))
        if not values and kind in ("killing", "attack") and any(t.lower_ in P.KILL_FORMS for t in tokens) and (
                len(victims) == 1 and _singular(victims[0])
                or len(victims) > 1 and all(e and self._entity_type(e) == "person" for _, e, _ in victims)):
            values["killed"] = Count(len(victims), len(victims), len(victims))  # "X and Y were shot dead"
        instrument = P.INSTRUMENTS.search(text)
        date = self._date(sentence, tokens)
        place = self._place(sentence, head)
        military_only = bool(victims or targets or actor2) and not targets and all(
            _armed(n) and not _civilian(n) for n, _, _ in [*victims, *(actor2 or [])])
        mention = EventMention(
            document="", start=lo, end=hi, text=self.text[lo:hi],
            speaker=attribution.speaker if attribution else None,
            speaker_entity=attribution.speaker_entity if attribution else None,
            via=list(attribution.via) if attribution else [], attribution=attribution.id if attribution else None,
            status=status, hedged=bool(P.HEDGE.search(text)),
            values={k: v.best for k, v in values.items()})
        facts = {"type": acled_type, "sub_type": sub_type, "muc_type": muc_type, "kind": kind,
                 "actor1": actor1 or [], "actor2": actor2 or [], "victims": victims, "targets": targets,
                 "instrument": instrument.group(0).lower() if instrument else None, "date": date, "place": place,
                 "figures": values, "military_only": military_only,
                 "generic": bool(P.GENERIC.search(text)), "trigger": head.i}
        if date is not None:
            mention.values["date"] = date[0]
        if place is not None:
            mention.values["place"] = place.name
        return mention, facts

    def _status(self, tokens: list[Token], sentence: SpacySpan, attribution: Attribution | None) -> str | None:
        head = tokens[0]
        before = self.text[sentence.start_char:head.idx]
        if attribution is not None:
            cue = {w.lower() for w in re.findall(r"[\w']+", attribution.cue)}
            if cue & DENIAL_CUES:
                return "denied"
        if P.DENIAL.search(before):
            return "denied"
        governing = [head, *head.ancestors][:3]
        for token in governing:
            if any(c.dep_ == "neg" for c in token.children):
                return "denied"
        for token in governing:
            for child in token.children:
                if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
                    return "hypothetical"
                if child.dep_ == "aux" and child.lower_ in ("could", "might", "may", "would", "should"):
                    return "hypothetical"
                if child.dep_ == "aux" and child.lower_ in ("will", "'ll", "shall"):
                    return "threatened"
        if re.match(r"^\W*(?:if|unless)\b", before, re.I):
            return "hypothetical"
        clause = self.text[sentence.start_char:sentence.end_char]
        if P.ATTEMPT.search(clause):
            return "attempted"
        if P.THREAT.search(before) or any(t.lower_.startswith(("threat", "warn")) for t in governing[1:]):
            return "threatened"
        return "happened"

    # --- roles ------------------------------------------------------------------------------
    def _roles(self, tokens: list[Token], sentence: SpacySpan, attribution: Attribution | None):
        actor1: list[tuple[str, str | None, Token]] = []
        actor2: list[tuple[str, str | None, Token]] = []
        hit: list[tuple[str, str | None, Token]] = []
        where: set[int] = set()  # "exploded at a busy road": a thing hit there, never a victim
        for token in tokens:
            if _pos(token) == "VERB":
                passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or _headline_passive(token)
                for child in token.children:
                    if child.dep_ == "nsubj" and not passive:
                        actor1 += self._phrases(child, attribution)
                    elif child.dep_ == "agent":
                        for grand in child.children:
                            if grand.dep_ == "pobj":
                                actor1 += self._phrases(grand, attribution)
                    elif child.dep_ in ("dobj", "nsubjpass") or child.dep_ == "nsubj" and passive:
                        hit += self._phrases(child, attribution)
                    elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
                        for grand in child.children:
                            if grand.dep_ == "pobj":
                                found = self._phrases(grand, attribution)
                                hit += found
                                if child.lower_ == "at":
                                    where |= {t.i for _, _, t in found}
                if not actor1 and token.dep_ in ("xcomp", "advcl", "conj", "ccomp") and _pos(token.head) == "VERB":
                    for child in token.head.children:
                        if child.dep_ == "nsubj":
                            actor1 += self._phrases(child, attribution)
            else:
                for child in token.children:
                    if child.dep_ in ("compound", "poss", "amod") and _pos(child) in ("PROPN", "NOUN", "PRON", "ADJ"):
                        if child.i in self.entity_of_token or _pos(child) == "PRON" or child.lower_ in P.ARMED:
                            actor1 += self._phrases(child, attribution)
                    elif child.dep_ == "prep" and child.lower_ == "by":
                        for grand in child.children:
                            if grand.dep_ == "pobj":
                                actor1 += self._phrases(grand, attribution)
                    elif child.dep_ == "prep" and child.lower_ in ("on", "against", "of"):
                        for grand in child.children:
                            if grand.dep_ == "pobj":
                                hit += self._phrases(grand, attribution)
                    elif child.dep_ == "prep" and child.lower_ == "with":
                        for grand in child.children:
                            if grand.dep_ == "pobj":
                                actor2 += self._phrases(grand, attribution)
                governor = token.head
                if token.dep_ in ("dobj", "nsubjpass", "pobj") and _pos(governor) in ("VERB", "ADP"):
                    verb = governor if _pos(governor) == "VERB" else governor.head
                    for child in verb.children:
                        if child.dep_ == "nsubj" and not actor1:
                            actor1 += self._phrases(child, attribution)
                        elif child.dep_ == "prep" and child.lower_ == "with":
                            for grand in child.children:
                                if grand.dep_ == "pobj":
                                    actor2 += self._phrases(grand, attribution)
                elif token.dep_ == "nsubj" and _pos(governor) == "VERB":
                    for child in governor.children:
                        if child.dep_ == "dobj":
                            hit += self._phrases(child, attribution)
        for token in sentence:
            if token.lower_ == "against" and token.dep_ == "prep":
                for grand in token.children:
                    if grand.dep_ == "pobj":
                        actor2 += self._phrases(grand, attribution)
        trigger_words = {t.i for t in tokens}
        actor1 = [a for a in _unique(actor1) if a[2].i not in trigger_words]
        victims, targets = [], []
        for name, entity, token in _unique(hit):
            if token.i in trigger_words or any(name == a[0] for a in actor1) or token.ent_type_ in ("DATE", "TIME"):
                continue  # "detonated on Saturday": a day is nobody hit
            if token.lower_ in P.PHYSICAL:
                targets.append(name)
            elif token.i in where:
                continue
            elif (self.entity_of_token.get(token.i) and self.entity_of_token[token.i].type == "place"):
                continue
            elif _armed(name) or (entity and self._entity_type(entity) in ("organisation", "group")):
                actor2.append((name, entity, token))
            else:
                victims.append((name, entity, token))
        actor2 = [a for a in _unique(actor2) if a[0] not in {x[0] for x in actor1}]
        return ([(n, e, None) for n, e, _ in actor1], [(n, e, None) for n, e, _ in actor2],
                [(n, e, None) for n, e, _ in victims], targets)

    def _entity_type(self, entity_id: str) -> str | None:
        for entity in self.entity_of_token.values():
            if entity.id == entity_id:
                return entity.type
        return None

    def _phrases(self, token: Token, attribution: Attribution | None) -> list[tuple[str, str | None, Token]]:
        """The noun phrase a role token heads, and its conjuncts ("peasants and students": two); a pronoun
        ("we", "their") inside an attribution is the speaker's group, else dropped."""
        found = []
        for head in [token, *[c for c in token.conjuncts if _pos(c) in ("NOUN", "PROPN")]]:
            if _pos(head) == "PRON" or head.lower_ in P.PRONOUNS:
                if attribution is not None and head.lower_ in ("we", "our", "us", "they", "their"):
                    speaker = self._speaker_group(attribution)
                    if speaker is not None:
                        found.append((*speaker, head))
                continue
            if _pos(head) not in ("NOUN", "PROPN"):
                continue
            entity = self._entity_in(head)
            if entity is not None:
                found.append((entity.name, entity.id, head))
                continue
            keep = [t for t in head.subtree if t.i <= head.i and (t == head or t.dep_ in (
                "compound", "amod", "nummod", "nmod", "poss", "quantmod")) and t.head.i <= head.i]
            start = min((t.i for t in keep), default=head.i)
            words = [t for t in self.doc[start:head.i + 1] if _pos(t) not in ("DET", "PUNCT") and t.lower_ != "'s"]
            name = " ".join(t.text for t in words)
            if name and name.lower() not in P.PRONOUNS:
                found.append((name, None, head))
        return found

    def _entity_in(self, head: Token) -> Entity | None:
        """The entity a phrase names: the head's own, else the nearest one before it inside the phrase
        ("Jana Orlen's Valley Defence Front forces": the front, not the person)."""
        if head.i in self.entity_of_token:
            return self.entity_of_token[head.i]
        for token in reversed(list(self.doc[head.left_edge.i:head.i])):
            if token.i in self.entity_of_token and token.dep_ in ("compound", "poss", "amod", "nmod") or (
                    token.i in self.entity_of_token and token.head.i in range(head.left_edge.i, head.i + 1)):
                entity = self.entity_of_token[token.i]
                if entity.type != "place":
                    return entity
        return None

    def _speaker_group(self, attribution: Attribution) -> tuple[str, str | None] | None:
        """The group a speaker speaks for: an organisation named in the source ("a Taliban spokesman"),
        else the speaker."""
        for span in attribution.source_spans:
            for token in self.doc.char_span(span.start, span.end, alignment_mode="expand") or ():
                entity = self.entity_of_token.get(token.i)
                if entity is not None and entity.type in ("organisation", "group"):
                    return entity.name, entity.id
        if attribution.speaker:
            return attribution.speaker, attribution.speaker_entity
        return None

    # --- when and where ---------------------------------------------------------------------
    def _date(self, sentence: SpacySpan, triggers: list[Token]) -> tuple[str, int] | None:
        """The date expression nearest the trigger among those that qualify its clause: "Today rescue teams
        recovered the victims of the plane that exploded" does not date the explosion."""
        text = self.text[sentence.start_char:sentence.end_char]
        clauses = set(triggers)
        for trigger in triggers:  # its clause, and the clause it is tied to by "when", "as"
            clause = _clause_of(trigger)
            clauses |= {clause, *(c for c in clause.children if c.dep_ in TIED_CLAUSES)}
            if clause.dep_ in TIED_CLAUSES:
                clauses.add(_clause_of(clause.head))
        found = [d for d in dates_in(text, self.anchor)
                 if self._dates_clause(sentence.start_char + d.start, sentence.start_char + d.end, clauses)]
        if not found:
            return None
        at = triggers[0].idx - sentence.start_char
        best = min(found, key=lambda d: abs(d.start - at))
        return best.date, best.precision

    def _dates_clause(self, start: int, end: int, clauses: set[Token]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        governor = _clause_of(span.root)
        return governor in clauses or governor.dep_ in ("acl", "relcl") and governor.head in clauses

    def _place(self, sentence: SpacySpan, head: Token) -> Place | None:
        candidates = []
        for ent in self.place_ents(sentence):
            if ent.root.head == head and ent.root.dep_ in SUBJECT_DEPS:
                continue  # "Russia took control of X": who acted, not where
            place = self.resolve(ent)
            if place is not None:
                candidates.append((abs(ent.start - head.i), place.geo_precision, place))
        if candidates:
            return min(candidates, key=lambda c: (c[1] > 2, c[0], c[1]))[2]
        index = self.sents.index(sentence) if sentence in self.sents else -1
        for back in range(1, self.settings.event_place_lookback + 1):
            if index - back < 0:
                break
            earlier = self.sents[index - back]
            if "\n\n" in self.text[earlier.end_char:sentence.start_char] and back > 1:
                break
            found = [self.resolve(e) for e in reversed(self.place_ents(earlier))]
            found = [p for p in found if p is not None]
            if found:
                nearest = found[0]
                return replace(nearest, geo_precision=max(nearest.geo_precision, 2))
        return None

    def resolve(self, ent: SpacySpan) -> Place | None:
        name = _bare(ent.text)
        if not name or name.lower() in P.GENERIC_PLACE_WORDS:
            return None  # "the entire Valley": a word, not a name
        before = self.text[max(0, ent.start_char - 30):ent.start_char]
        near = bool(P.NEAR_BEFORE.search(before))
        code = self.places.country(name)
        if code is not None:
            return self.places.country_place(code)
        region_word = P.REGION_AFTER.match(self.text[ent.end_char:ent.end_char + 20]) or P.REGION_BEFORE.search(before)
        for admin1_code, region in self.admin1_names.items():
            if region.lower() == name.lower():
                return self._region(region, admin1_code)
        if region_word:
            return None  # a region GeoNames' cities cannot place
        city = self.places.city(name, self.countries, self.settings.event_min_population_elsewhere)
        if city is None and ent.label_ == "FAC":
            words = name.split()
            while len(words) > 1 and city is None:
                words.pop()
                city = self.places.city(" ".join(words), self.countries,
                                        self.settings.event_min_population_elsewhere)
            if city is not None:
                near = True
        if city is None:
            return None
        return self.places.city_place(city, 2 if near else 1, self.admin1_names)

    def _region(self, region: str, admin1_code: str) -> Place | None:
        country_code = admin1_code.split(".")[0]
        country = self.places.countries.get(country_code, {}).get("name")
        inside = [c for found in self.places.cities.values() for c in found
                  if f"{c['countrycode']}.{c['admin1code']}" == admin1_code]
        capital = max(inside, key=lambda c: c["population"], default=None)
        return Place(region, region, country, capital["latitude"] if capital else None,
                     capital["longitude"] if capital else None, None, 3, country_code, admin1_code)


TIED_CLAUSES = ("advcl",)


def _clause_of(token: Token) -> Token:
    """The verb whose clause a word belongs to: up from the word to the first verb (or the root)."""
    while _pos(token) != "VERB" and token.head.i != token.i:
        token = token.head
    return token


def _bare(name: str) -> str:
    name = re.sub(r"[’']s$", "", name.strip())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"\s+(?:valley|province|department|state|governorate|oblast|prefecture|region)$", "", name,
                  flags=re.I)
    return name.strip(" ,.;:")


def _unique(items):
    seen, found = set(), []
    for item in items:
        key = (item[0].lower(), item[1])
        if key not in seen:
            seen.add(key)
            found.append(item)
    return found


def _words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w-]+", name)}


def _armed(name: str) -> bool:
    return bool(_words(name) & P.ARMED)


def _civilian(name: str) -> bool:
    return bool(_words(name) & P.CIVILIAN)


def _government(name: str) -> bool:
    return bool(_words(name) & {"army", "government", "military", "troops", "soldiers", "police"})


def _singular(victim) -> bool:
    name = victim[0]
    last = name.split()[-1].lower() if name.split() else ""
    return bool(victim[1]) or (not last.endswith("s") and not re.search(r"\d", name) and last not in P.COLLECTIVE)


# --- one article's mentions → events ---------------------------------------------------------------
def _merge(document_id: str, mentions: list[tuple[EventMention, dict]]) -> list[Event]:
    events: list[tuple[Event, dict]] = []
    for mention, facts in mentions:
        mention.document = document_id
        target = next((pair for pair in events if _same_event(pair[1], facts)), None)
        if target is None:
            event = _event(f"{document_id}-v{len(events) + 1}", document_id, mention, facts)
            events.append((event, dict(facts)))
            continue
        event, merged = target
        event.mentions.append(mention)
        if STATUS_RANK[mention.status] < STATUS_RANK[event.status]:
            event.status = mention.status
        for key in ("date", "place", "instrument"):
            if merged.get(key) is None and facts.get(key) is not None:
                merged[key] = facts[key]
        if merged["place"] and facts["place"] and _country_only(merged["place"]) and not _country_only(facts["place"]):
            merged["place"] = facts["place"]  # the town, not only its country
        for key in ("actor1", "actor2", "victims", "targets"):
            merged[key] = merged[key] + [x for x in facts[key] if x not in merged[key]]
        for kind, count in facts["figures"].items():
            merged["figures"].setdefault(kind, count)
        merged["military_only"] = merged["military_only"] and facts["military_only"]
        merged["generic"] = merged["generic"] and facts["generic"]
        _fill(event, merged)
    for event, _ in events:
        event.mentions.sort(key=lambda m: m.start)
    return [event for event, _ in events]


def _same_event(a: dict, b: dict) -> bool:
    if (a["type"], a["sub_type"]) != (b["type"], b["sub_type"]):
        return False
    if a["actor1"] and b["actor1"] and not ({x[:2] for x in a["actor1"]} & {x[:2] for x in b["actor1"]}):
        return False
    if a["date"] and b["date"] and a["date"][0] != b["date"][0]:
        return False
    pa, pb = a["place"], b["place"]
    if pa and pb and pa.name != pb.name and not (pa.admin1 and pa.admin1 in (pb.admin1, pb.name)) and not (
            pb.admin1 and pb.admin1 == pa.name) and not (pa.country == pb.country and (_country_only(pa)
                                                                                      or _country_only(pb))):
        return False
    return True


def _headline_passive(verb: Token) -> bool:
    """ "Three people killed, 46 wounded": a counted subject of a killing verb with no object is who was killed."""
    return verb.lower_ in P.KILL_FORMS and not any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "nsubj" and any(g.dep_ == "nummod" or g.tag_ == "CD" for g in c.subtree) for c in verb.children)


def _country_only(place: Place) -> bool:
    """ "in Pakistan": a place that is a whole country, which any of its towns fits."""
    return place.admin1 is None and place.name == place.country


def _event(event_id: str, document_id: str, mention: EventMention, facts: dict) -> Event:
    event = Event(id=event_id, document=document_id, type=facts["type"], sub_type=facts["sub_type"],
                  status=mention.status, date=None, time_precision=None, place=None, muc_type=facts["muc_type"],
                  mentions=[mention])
    _fill(event, facts)
    return event


def _fill(event: Event, facts: dict) -> None:
    date = facts.get("date")
    event.date, event.time_precision = (date[0], date[1]) if date else (None, None)
    place: Place | None = facts.get("place")
    event.place = EventPlace(place.name, place.admin1, place.country, place.lat, place.lon, place.geonames_id,
                             place.geo_precision) if place else None
    event.actors = ([EventActor("actor1", n, e) for n, e, _ in facts["actor1"]]
                    + [EventActor("actor2", n, e) for n, e, _ in facts["actor2"]])
    figures = facts["figures"]
    killed = figures.get("killed")
    victims = facts["victims"]
    event.victims = [EventVictim(n, e, killed.best if killed and len(victims) == 1 else None) for n, e, _ in victims]
    event.targets = list(facts["targets"])
    event.instrument = facts.get("instrument")
    event.fatalities = killed
    event.injured = figures.get("injured")
    event.muc_type = None if facts["military_only"] else facts["muc_type"]
