"""Entities across articles: one entity per person, organisation or place, with every name it goes by.

Each article's entities (see `entities`) are joined, strongest evidence first:
1. the same name (titles stripped, accents folded) — any tagger label, the commonest wins;
2. the same name spelt another way (Anvar/Anwar, Petrovic/Petrovich: every word alike, same initial; or
   alike once transliterations are folded: Mohammed/Muhammad, Kyrylenko/Kirilenko, Honcharenko/Goncharenko);
3. a fuller form of a name (a middle name more, "X News Agency" for "X", "X Valley" for the place X), and
   two names the gazetteer gives one place (Kiev/Kyiv);
4. a name alone: a surname, an acronym (letters swapped too), "X Jr.", an organisation's last word
   ("Chargers" for "San Diego Chargers"), when one candidate fits.
5. a bare organisation head ("the ministry", "the Council", "the army") is no name: it joins an organisation
   only inside its own article (the article's coreference in `nlp.entities`, or the one organisation the
   article names otherwise whose full name ends with it), never across articles by the word alone; two
   organisations whose names differ in their other words (a health ministry, a defence ministry) stay apart.
Two full names that one article keeps apart are different people in every article: that is how a
father and a son who share a name stay apart. "X, the son of Y" and a "Jr." tell the generations
apart. Spelling variants and fuller forms also need a shared context (another entity named in
both articles), so that a string resemblance alone joins nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache, partial

from rapidfuzz import fuzz

from sitrep.events.places import Gazetteer, gazetteer
from sitrep.groups import Groups
from sitrep.nlp.entities import initials, name_form
from sitrep.nlp.patterns import GENERATION_MARKERS
from sitrep.records import Document, Entity
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story import patterns as P


@dataclass(frozen=True)
class Name:
    """A name reduced to what identifies it: folded words, and a generation marker kept aside."""

    words: tuple[str, ...]
    generation: str | None = None

    @property
    def full(self) -> bool:
        return len(self.words) >= 2


def parse_name(text: str) -> Name:
    folded = unicodedata.normalize("NFKD", name_form(text))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = [P.SPELLINGS.get(w, w) for w in re.split(r"[\s-]+", re.sub(r"[^\w\s-]", "", folded)) if w]
    generation = None
    if len(words) > 1 and words[-1] in GENERATION_MARKERS:
        generation = GENERATION_MARKERS[words.pop()]
    return Name(tuple(words), generation)


@dataclass
class _Node:
    """One article's entity, as the merge sees it."""

    entity: Entity
    document: str
    type: str
    name: Name
    names: set[Name]
    context: set[tuple[str, ...]] = field(default_factory=set)  # other names in the same article


def merge_entities(documents: list[Document], entities: list[Entity],
                   settings: Settings = DEFAULT_SETTINGS) -> tuple[list[Entity], dict[str, str]]:
    """Story entities, and for each article entity id the id of the story entity it belongs to."""
    texts = {d.id: d.text for d in documents}
    nodes = [_node(e) for e in entities]
    by_document: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        by_document[node.document].append(node)
    for members in by_document.values():
        names = {n.name.words for n in members}
        for node in members:
            node.context = names - {node.name.words}
    places = gazetteer(settings.event_min_city_population)
    _retype_places(nodes, places, settings.entity_place_min_population)
    merge = _Merge(nodes, _generations(by_document, texts, settings), settings)
    merge.join_same_names()
    merge.join_variants()
    merge.join_places(places)
    merge.attach_short_forms()
    merge.attach_bare_heads()
    return merge.result()


def _retype_places(nodes: list[_Node], places: Gazetteer, min_population: int) -> None:
    """A one-word name the tagger read as a person or an organisation that is a country or a large city
    ("Kyiv", "Mariupol", "Ukraine") is a place: the small tagger often reads a lone place name so."""
    for node in nodes:
        if node.type in ("person", "organisation") and len(node.name.words) == 1:
            word = node.name.words[0]
            city = places.city(word)
            if places.country(word) or (city is not None and city["population"] >= min_population):
                node.type = "place"


def _node(entity: Entity) -> _Node:
    kind = entity.type
    name = parse_name(entity.name)
    if name.words and name.words[-1] in P.ORGANISATION_HEADS and len(name.words) > 1:
        kind = "organisation"  # "X Foundation" is not the person X, whatever the tagger said
    names = {name} | {parse_name(a) for a in entity.aliases}
    return _Node(entity, entity.documents[0], kind, name, {n for n in names if n.words})


def _generations(by_document: dict[str, list[_Node]], texts: dict[str, str], settings: Settings) -> dict[int, str]:
    """Nodes known to be a younger generation ("Jr.", "X, the son of Y", "his son, X"): id(node) → 'younger'
    and the parents they name → 'older'."""
    found: dict[int, str] = {}
    reach = settings.kinship_reach
    for document, members in by_document.items():
        text = texts.get(document, "")
        people = [n for n in members if n.type == "person"]
        spans = sorted(((m.start, m.end, n) for n in people for m in n.entity.mentions), key=lambda s: s[0])
        for start, end, node in spans:
            if node.name.generation == "Jr.":
                found[id(node)] = "younger"
            after = P.KINSHIP_AFTER_NAME.match(text[end:end + reach])
            if after:  # the parent is the next person named, a few words on ("of the late General Y")
                parent = next((n for s, _, n in spans if 0 <= s - end - after.end() <= reach
                               and n is not node), None)
                if parent is not None:
                    found[id(node)] = "younger"
                    found.setdefault(id(parent), "older")
            if P.KINSHIP_BEFORE_NAME.search(text[max(0, start - reach):start]):
                found[id(node)] = "younger"
    return found


class _Merge:
    """Union-find over article entities, refusing joins that an article or a generation forbids."""

    def __init__(self, nodes: list[_Node], generations: dict[int, str], settings: Settings):
        self.nodes = nodes
        self.settings = settings
        self.groups = Groups(len(nodes))
        self.generations = generations
        self.clusters: dict[int, list[_Node]] = {i: [n] for i, n in enumerate(nodes)}  # root → members
        # what a join must respect, kept per cluster so that checking it costs no scan of the members
        self.named_in: dict[int, set[str]] = {  # articles where the cluster has a person's full name
            i: {n.document} if n.type == "person" and n.name.full else set() for i, n in enumerate(nodes)}
        self.ages: dict[int, set[str]] = {
            i: {generations[id(n)]} if n.type == "person" and id(n) in generations else set()
            for i, n in enumerate(nodes)}

    def union(self, a: int, b: int) -> bool:
        """Join two clusters unless an article names both people in full (a father and a son who share
        a name stay apart) or they would hold two generations."""
        ra, rb = self.groups.find(a), self.groups.find(b)
        if ra == rb:
            return True
        if self.named_in[ra] & self.named_in[rb] or len(self.ages[ra] | self.ages[rb]) > 1:
            return False
        if len(self.clusters[ra]) < len(self.clusters[rb]):
            ra, rb = rb, ra
        self.groups.union(ra, rb)
        self.clusters[ra] += self.clusters.pop(rb)
        self.named_in[ra] |= self.named_in.pop(rb)
        self.ages[ra] |= self.ages.pop(rb)
        return True

    # 1. the same name
    def join_same_names(self) -> None:
        by_name: dict[Name, list[int]] = defaultdict(list)
        for i, node in enumerate(self.nodes):
            for name in sorted(node.names, key=lambda n: n != node.name):  # every name the article gives it
                if name.full or node.type != "person" and name == node.name and not _bare_head(node):
                    # a surname alone is not yet anyone; "the ministry" in two articles is not one ministry
                    by_name[name].append(i)
        for group in by_name.values():
            for i in group[1:]:
                self.union(group[0], i)

    # 2 and 3. spelling variants and fuller forms, with a shared context
    def join_variants(self) -> None:
        """Compared once per distinct name and kind, not per article: the corpus repeats names."""
        by_name: dict[tuple[Name, str], list[int]] = defaultdict(list)
        for i, node in enumerate(self.nodes):
            if node.name.words:
                by_name[(node.name, node.type)].append(i)
        contexts = {key: set().union(*(self.nodes[i].context for i in ids)) for key, ids in by_name.items()}
        blocks: dict[str, list[tuple[Name, str]]] = defaultdict(list)
        for key in by_name:
            blocks[spelling_key(key[0].words[0])[:2]].append(key)
        pairs = []
        for keys in blocks.values():
            for x, a in enumerate(keys):
                for b in keys[x + 1:]:
                    score = _variant_score(self.nodes[by_name[a][0]], self.nodes[by_name[b][0]], self.settings)
                    if score and contexts[a] & contexts[b]:
                        pairs.append((score, a, b))
        for _, a, b in sorted(pairs, key=lambda p: -p[0]):
            for i in by_name[a]:
                for j in by_name[b]:
                    self.union(i, j)

    # 2b. two names of one place in the gazetteer, with a shared context
    def join_places(self, places: Gazetteer) -> None:
        """Dobropillya and Dobropillia, Kiev and Kyiv: names GeoNames gives one city, for entities typed as
        places. Countries keep to their names: on ECB+ dev, joining a country's other names ("America", "the US")
        cost precision where the annotators kept them apart."""
        by_name: dict[Name, list[int]] = defaultdict(list)
        for i, node in enumerate(self.nodes):
            if node.type == "place" and node.name.words:
                by_name[node.name].append(i)
        by_place: dict[int, list[Name]] = defaultdict(list)
        for name in by_name:
            text = " ".join(name.words)
            city = None if places.country(text) else places.city(text)
            if city:
                by_place[city["geonameid"]].append(name)
        for names in by_place.values():
            contexts = {n: set().union(*(self.nodes[i].context for i in by_name[n])) for n in names}
            for x, a in enumerate(names):
                for b in names[x + 1:]:
                    if contexts[a] & contexts[b]:
                        for i in by_name[a]:
                            for j in by_name[b]:
                                self.union(i, j)

    # 4. a name alone
    def attach_short_forms(self) -> None:
        clusters = {root: list(members) for root, members in self.clusters.items()}
        by_key: dict[str, set[int]] = defaultdict(set)  # surname or sorted acronym letters → named clusters
        for root, members in clusters.items():
            if not any(m.name.full for m in members):
                continue  # only a cluster with a full name can explain a short one
            for m in members:
                if m.type == "person" and m.name.full:
                    by_key[spelling_key(m.name.words[-1])[:3]].add(root)
                if m.type in ("organisation", "group"):
                    for letters in _acronyms(m):
                        by_key["".join(sorted(letters))].add(root)
                    if m.name.full:  # "Chargers" for "San Diego Chargers"
                        by_key["last:" + m.name.words[-1]].add(root)
        for root, members in clusters.items():
            if any(m.name.full for m in members):
                continue
            node = max(members, key=lambda m: len(m.entity.mentions))
            if _bare_head(node):
                continue  # "the ministry" names no one ministry: see attach_bare_heads
            key = "".join(sorted(node.entity.name)) if _is_acronym(node.entity.name) and node.type != "person" else (
                spelling_key(node.name.words[-1])[:3] if node.name.words else "")
            found = set(by_key.get(key, ()))
            if node.type in ("organisation", "group") and node.name.words:
                found |= by_key.get("last:" + node.name.words[-1], set())
            candidates = [r for r in sorted(found) if _short_fits(node, clusters[r], self.settings)]
            if node.name.generation == "Jr.":
                candidates = [r for r in candidates if "younger" in self.ages[self.groups.find(r)]]
            elif _is_acronym(node.entity.name) and len(candidates) > 1:
                candidates = [r for r in candidates if any(node.entity.name in _acronyms(m) for m in clusters[r])]
            if len(candidates) == 1:
                self.union(candidates[0], root)

    # 5. a bare head word, inside its own article
    def attach_bare_heads(self) -> None:
        """"The Council" joins the organisation that its own article names another way (by its acronym, by a
        name the tagger split off) when that organisation's full name ends with the word and it is the only
        one in the article that does; the head word alone joins nothing across articles."""
        in_article: dict[str, list[int]] = defaultdict(list)
        for i, node in enumerate(self.nodes):
            in_article[node.document].append(i)
        for i, node in enumerate(self.nodes):
            own = self.groups.find(i)
            if not _bare_head(node) or len(self.clusters[own]) > 1:
                continue
            head = node.name.words[0]
            candidates = {root for j in in_article[node.document] if (root := self.groups.find(j)) != own
                          and any(m.type in ("organisation", "group") and m.name.full and m.name.words[-1] == head
                                  for m in self.clusters[root])}
            if len(candidates) == 1:
                self.union(candidates.pop(), i)

    def result(self) -> tuple[list[Entity], dict[str, str]]:
        merged, links = [], {}
        for members in self.clusters.values():
            entity = _story_entity(members)
            merged.append(entity)
            links.update({m.entity.id: entity.id for m in members})
        merged.sort(key=lambda e: (-len(e.mentions), e.name))
        return merged, links


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A word as transliterators agree on it (`patterns.TRANSLITERATION`): Mohammed and Muhammad → muhamad."""
    for pattern, replacement in P.TRANSLITERATION:
        word = pattern.sub(replacement, word)
    return word


def _words_alike(a: str, b: str, settings: Settings) -> bool:
    """One word spelt twice: alike letter for letter (Anvar/Anwar), or their spelling keys are (Kyrylenko/
    Kirilenko, Honcharenko/Goncharenko, Wadood/Wudod), the same first letter either way."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    x, y = spelling_key(a), spelling_key(b)
    return (a[0] == b[0] and fuzz.ratio(a, b) >= settings.spelling_similarity) or (
        x[0] == y[0] and fuzz.ratio(x, y) >= settings.spelling_similarity)


def _variant_score(a: _Node, b: _Node, settings: Settings) -> int:
    """How strongly two names are one name: 3 spelt alike word for word, 2 a fuller form; 0 not."""
    if a.name.generation != b.name.generation or not (a.name.full or b.name.full):
        return 0
    if a.type == b.type == "person":
        x, y = sorted((a.name.words, b.name.words), key=len)
        if len(x) < 2 or not (_words_alike(x[0], y[0], settings) and _words_alike(x[-1], y[-1], settings)):
            return 0
        if len(x) == len(y):
            return 3 if all(_words_alike(p, q, settings) for p, q in zip(x, y)) else 0
        return 2  # a middle name more ("Ivo M. Marr")
    kinds = {a.type, b.type}
    if kinds <= {"organisation", "place"} and _core(a) and _core(a) == _core(b):
        return 2
    return 0


def _bare_head(node: _Node) -> bool:
    """The name is an organisation's head word alone ("Ministry", "the Council", "army"): a common noun."""
    return node.type != "person" and len(node.name.words) == 1 and node.name.words[0] in P.ORGANISATION_HEADS


def _core(node: _Node) -> tuple[str, ...]:
    """A name without the words that only describe it ("X News Agency" → X, "X province" → X)."""
    generic = P.PLACE_GENERIC | P.ORGANISATION_GENERIC
    return tuple(w for w in node.name.words if w not in generic)


def _original_core(node: _Node) -> str:
    generic = P.PLACE_GENERIC | P.ORGANISATION_GENERIC
    return " ".join(w for w in name_form(node.entity.name).split() if w.lower() not in generic)


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()


def _acronyms(node: _Node) -> set[str]:
    return {initials(node.entity.name), *(a for a in node.entity.aliases if _is_acronym(a))}


def _short_fits(node: _Node, members: list[_Node], settings: Settings) -> bool:
    """A surname, "Surname Jr." or an acronym (letters swapped too) that one of the members explains."""
    text = node.entity.name
    if _is_acronym(text) and node.type != "person":
        return any(member.type in ("organisation", "group") and any(
            x == text or len(x) == len(text) > 2 and sorted(x) == sorted(text) for x in _acronyms(member))
            for member in members)
    if node.type in ("organisation", "group") and node.name.words and any(
            m.type in ("organisation", "group") and m.name.full and m.name.words[-1] == node.name.words[-1]
            for m in members):
        return True  # the last word of an organisation's full name
    if node.type not in ("person", "organisation"):
        return False  # a place is nobody's surname
    surname = node.name.words[-1] if node.name.words else ""
    # a mislabelled surname must be exact
    alike = partial(_words_alike, settings=settings) if node.type == "person" else str.__eq__
    return bool(surname) and any(m.type == "person" and m.name.full and alike(m.name.words[-1], surname)
                                 for m in members)


def _story_entity(members: list[_Node]) -> Entity:
    kinds = Counter()
    forms: Counter[str] = Counter()
    for member in members:
        kinds[member.type] += len(member.entity.mentions) or 1
        forms[member.entity.name] += len(member.entity.mentions) or 1
    kind = kinds.most_common(1)[0][0]
    full = [f for f in forms if parse_name(f).full] or list(forms)
    name = max(full, key=lambda f: (forms[f], len(f)))
    aliases = {form for m in members for form in (m.entity.name, *m.entity.aliases)}
    # "TASS News Agency" is also called TASS
    aliases |= {core for m in members if m.type == "organisation" and _is_acronym(core := _original_core(m))}
    aliases = sorted(aliases - {name})
    ids = sorted(m.entity.id for m in members)
    return Entity(
        id="E" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:12], name=name, type=kind, aliases=aliases,
        mentions=[mention for m in members for mention in m.entity.mentions],
        documents=sorted({m.document for m in members}),
    )
