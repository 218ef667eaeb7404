"""Entities within one document: spaCy's named-entity mentions grouped into people, groups and places.

A mention joins an earlier entity when it is a shorter form of its name ("Marr" after "Ivo
Marr", titles stripped: "Mr. Marr", "Foreign Minister Marr"), an acronym of it ("VLF" for
"Valley Liberation Front"), or an acronym the text defines in parentheses after it. A surname
shared by two entities goes to the one named most recently. Merging across documents is the job of a
later stage.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from sitrep.nlp import patterns as P
from sitrep.records import Entity, Mention

# "Valley Liberation Front (VLF)": capitalised words, then an acronym in parentheses.
ACRONYM_DEFINITION = re.compile(
    r"(?P<words>(?:[A-Z][\w-]*\s+(?:(?:of|for|the|and|de|du|la)\s+)*){1,7}[A-Z][\w-]*)\s*\((?P<acronym>[A-Z]{2,8})\)")
ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place",
                 "FAC": "place"}


def name_form(text: str) -> str:
    """A mention as a name: no leading article, possessive, title or honorific. An organisation's name
    ("Defence Ministry", "Foreign Minister's Office") keeps its words: they are what tell it apart."""
    form = re.sub(r"[’']s$", "", text.strip()).strip(" ,.;:")
    form = re.sub(r"^(the|The)\s+", "", form)
    words = form.split()
    if words and words[-1].lower().strip(".,") in P.ORGANISATION_HEADS:
        return " ".join(words)
    while len(words) > 1:
        cut = _office_title(words)
        if cut:
            words = words[cut:]
        elif _title_word(words[0]):
            words.pop(0)
        else:
            break
    return " ".join(words)


def _title_word(word: str) -> bool:
    """A title or honorific, hyphenated ones too ("Secretary-General", "Vice-President")."""
    parts = word.lower().rstrip(".").split("-")
    return all(part in P.TITLE_WORDS for part in parts)


def _office_title(words: list[str]) -> int:
    """How many leading words are an office title before a name: capitalised words up to an office head
    ("Health Minister", "Kestrian Prime Minister", "Army Spokesman"), or "Minister of" and its portfolio
    ("Minister of the Interior", "Secretary of State"); 0 when none. A name stays behind it."""
    lower = [w.lower().rstrip(".,") for w in words]
    if lower[0] in P.OFFICE_HEADS and len(words) > 2 and lower[1] == "of":
        end = 2
        while end < len(words) - 1 and lower[end] in P.PORTFOLIO_WORDS:
            end += 1
        if end == 2 and len(words) > 3 and words[2][:1].isupper():
            end = 3  # a portfolio not in the list: one word ("Minister of Fisheries X")
        return end if end > 2 and words[end][:1].isupper() else 0
    for head in range(1, min(len(words) - 1, 4)):
        if not words[head - 1][:1].isupper():
            return 0
        if lower[head] in P.OFFICE_HEADS:
            return head + 1 if words[head + 1][:1].isupper() else 0
    return 0


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper() and word.lower() not in P.NAME_PARTICLES)


def _words(name: str) -> list[str]:
    return [w.lower() for w in name.replace("-", " ").split()]


def document_entities(document_id: str, doc: Doc) -> tuple[list[Entity], dict[int, Entity]]:
    """Entities of one parsed document, and the entity of every token inside one of its mentions."""
    entities: list[Entity] = []
    text = doc.text  # spaCy rebuilds it on every access
    for mention in _split_glued(_mentions(doc, text), text):
        form = name_form(mention.text)
        if not form:
            continue
        entity = _match(entities, form, mention.type)
        if entity is None:
            entity = Entity(f"{document_id}-e{len(entities) + 1}", form, mention.type, documents=[document_id])
            entities.append(entity)
            _learn_defined_acronym(text, mention.end, entity)
        _add_mention(entity, mention)
    _add_bare_surnames(doc, entities)
    entities = _join_early_surnames(entities)
    _add_repeated_names(text, entities)
    for entity in entities:
        _settle(entity)
    by_token: dict[int, Entity] = {}
    for entity in entities:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                by_token[i] = entity
    return entities, by_token


def _mentions(doc: Doc, text: str) -> list[Mention]:
    """spaCy's entity mentions, and the full names the text spells out before an acronym."""
    found = [Mention(ent.start_char, ent.end_char, ent.text, _kind(ent))
             for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    for match in ACRONYM_DEFINITION.finditer(text):
        expansion = _expansion(match.group("words"), match.group("acronym"))
        if expansion:
            start = match.start("words") + len(match.group("words")) - len(expansion)
            found = [m for m in found if m.end <= start or m.start >= match.end("words")]
            found.append(Mention(start, start + len(expansion), expansion, "organisation"))
    return sorted(found, key=lambda m: m.start)


_WORD = re.compile(r"[^\s]+")


def _name_words(text: str) -> list[str]:
    return [w.lower() for w in re.sub(r"[’']s$", "", text).replace("-", " ").split()]


def _split_glued(mentions: list[Mention], text: str) -> list[Mention]:
    """A person's name with a neighbour glued on ("Tajikistan Ivo Marr", "Ivo Marr Returns" in a headline,
    "Front spokesman Ivo Marr"): when the text also names the person alone, the mention is cut to the name,
    provided the other words are no name of theirs: a title or role, a word the text also writes in lower
    case, another name the text gives, or any word of the headline. "Ivo Marr Foundation" and "Ivo Marr Jr."
    keep their words."""
    people = {tuple(_name_words(name_form(m.text))) for m in mentions if m.type == "person"}
    people = {words for words in people if len(words) >= 2}
    if not people:
        return mentions
    headline = max(text.find("\n"), 0)  # a text of one line has no headline
    lower = {w for w in re.findall(r"[^\W\d_]+", text) if w.islower()}
    named = Counter(w for m in mentions for w in set(_name_words(m.text)))  # in how many mentions

    def neighbour(word: str, own: set[str]) -> bool:
        word = word.strip(".,;:").lower()
        return (word in P.TITLE_WORDS or word in lower or not any(c.isalpha() for c in word)
                or (word not in own and named[word] > 1))  # another mention gives it

    cut = []
    for mention in mentions:
        words = list(_WORD.finditer(mention.text))
        found = None
        for size in range(len(words) - 1, 1, -1):
            for first in (0, len(words) - size):
                part, rest = words[first:first + size], words[:first] + words[first + size:]
                if tuple(_name_words(" ".join(w.group() for w in part))) not in people:
                    continue
                last = words[-1].group().lower().strip(".,")
                if last in P.ORGANISATION_HEADS or last.rstrip(".") in P.GENERATION_MARKERS:
                    continue
                own = set(_name_words(" ".join(w.group() for w in part)))
                if mention.end <= headline or all(neighbour(w.group(), own) for w in rest):
                    found = part
                    break
            if found:
                break
        if found:
            start, end = mention.start + found[0].start(), mention.start + found[-1].end()
            cut.append(Mention(start, end, mention.text[found[0].start():found[-1].end()], "person"))
        else:
            cut.append(mention)
    return cut


def _settle(entity: Entity) -> None:
    """The entity's type by its mentions' votes (ties: the first mention's; a person stays one), and its
    name: the fuller form most mentions support (the other forms that contain its words count for it)."""
    if entity.mentions and entity.type != "person":  # a name once read as a person's stays one: people speak
        votes = Counter(m.type for m in entity.mentions)
        top = max(votes.values())
        entity.type = next(m.type for m in entity.mentions if votes[m.type] == top)
    forms = Counter(name_form(m.text) for m in entity.mentions)
    full = [f for f in forms if len(f.split()) >= 2]
    if not full:
        return

    def support(form: str) -> tuple[int, int]:
        words = " " + " ".join(_name_words(form)) + " "
        return (sum(n for f, n in forms.items() if words in " " + " ".join(_name_words(f)) + " "), forms[form])

    best = max(full, key=support)  # max keeps the first of equals: the earlier form
    if best != entity.name and support(best) > support(entity.name):
        entity.aliases = [a for a in entity.aliases if a != best] + [entity.name]
        entity.name = best


def _kind(ent) -> str:
    """spaCy's label, except that a name behind a personal title ("Governor X", "Mr. X") is a person."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    first = ent[0].lower_.rstrip(".")
    titled = before in P.PERSONAL_TITLES or first in P.PERSONAL_TITLES
    if ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC") and titled:
        return "person"
    return ENTITY_LABELS[ent.label_]


def _expansion(words: str, acronym: str) -> str | None:
    """The trailing words whose initials are the acronym's letters, in any order (VFL for V. L. F.)."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        candidate = " ".join(parts[-size:])
        letters = initials(candidate)
        if len(letters) == len(acronym) and sorted(letters) == sorted(acronym) and parts[-size][0].isupper():
            return candidate
    return None


def _add_bare_surnames(doc: Doc, entities: list[Entity]) -> None:
    """A surname alone ("Marr noted…") that spaCy did not tag, after the full name has appeared."""
    people = {}
    for entity in entities:
        words = entity.name.split()
        if entity.type == "person" and len(words) >= 2:
            people.setdefault(words[-1], []).append(entity)
    covered = {i for entity in entities for m in entity.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.text not in people or token.idx in covered:
            continue
        earlier = [(max(m.start for m in e.mentions if m.start < token.idx), e)
                   for e in people[token.text] if any(m.start < token.idx for m in e.mentions)]
        if earlier:
            entity = max(earlier, key=lambda pair: pair[0])[1]
            _add_mention(entity, Mention(token.idx, token.idx + len(token), token.text, "person"))
            entity.mentions.sort(key=lambda m: m.start)


def _join_early_surnames(entities: list[Entity]) -> list[Entity]:
    """A surname named before the full name ("Marr" in the headline, "Ivo Marr" below) joins the one
    person of the text whose name ends with it; when another person's name holds it too (a son, "X Jr."), it
    stays alone."""
    kept = []
    for entity in entities:
        words = _words(entity.name)
        fuller = [e for e in entities if e is not entity and e.type == "person" and len(_words(e.name)) > 1
                  and words[-1] in _words(e.name)] if len(words) == 1 and entity.type == "person" else []
        if len(fuller) == 1 and not entity.aliases:
            fuller[0].mentions = sorted(fuller[0].mentions + entity.mentions, key=lambda m: m.start)
            if entity.name not in fuller[0].aliases:
                fuller[0].aliases.append(entity.name)
        else:
            kept.append(entity)
    return kept


def _add_repeated_names(text: str, entities: list[Entity]) -> None:
    """A name the tagger found once and missed elsewhere in the same text: every other place it is written
    (whole words, as capitalised as found) is a mention of the same entity."""
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    found = []
    for entity in entities:
        for form in sorted({m.text for m in entity.mentions}, key=lambda f: (-len(f), f)):
            form = re.sub(r"[’']s$", "", form).strip(" ,.;:")
            if len(form) < 4 or not form[0].isupper():
                continue
            for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                if not any(s < match.end() and match.start() < e for s, e in covered):
                    covered.append((match.start(), match.end()))
                    found.append((entity, Mention(match.start(), match.end(), form, entity.mentions[0].type)))
    for entity, mention in found:
        entity.mentions.append(mention)
    for entity in {id(e): e for e, _ in found}.values():
        entity.mentions.sort(key=lambda m: m.start)


def _add_mention(entity: Entity, mention: Mention) -> None:
    entity.mentions.append(mention)
    form = name_form(mention.text)
    if form and form != entity.name and form not in entity.aliases:
        entity.aliases.append(form)


def _match(entities: list[Entity], form: str, kind: str) -> Entity | None:
    words = _words(form)
    candidates = []
    for entity in entities:
        names = [entity.name, *entity.aliases]
        if any(_words(name) == words for name in names):
            return entity
        if entity.type == "person" and set(words) < set(_words(entity.name)) and _same_generation(words, entity) and (
                kind == "person" or len(words) == 1):
            candidates.append(entity)  # "Marr" after "Ivo Marr", even when tagged otherwise
        elif kind == "person" and len(words) == 1 and len(_words(entity.name)) > 1 and (
                words[0] == _words(entity.name)[-1]) and entity.type in ("place", "organisation"):
            candidates.append(entity)  # "Marr" (a person) after "Ivo Marr" tagged a place: the votes settle it
        elif entity.type == kind == "organisation" and len(words) == 1 and len(entity.name.split()) > 1 and (
                words[0] == entity.name.split()[-1].lower()):
            candidates.append(entity)  # "the Council" after "the Highland Resistance Council"
        elif form.isupper() and len(form) >= 2 and any(initials(name) == form for name in names):
            candidates.append(entity)
    # a surname that fits two people goes to the one named last
    return max(candidates, key=lambda e: e.mentions[-1].start if e.mentions else -1, default=None)


def _same_generation(words: list[str], entity: Entity) -> bool:
    """"Ilyas Marr" is not a shorter form of "Ilyas Marr Jr." (his father); "Marr Jr." and "Marr" are."""
    def generation(ws):
        return {w.rstrip(".") for w in ws} & P.GENERATION_MARKERS.keys()
    return len(words) == 1 or generation(words) == generation(_words(entity.name))


def _learn_defined_acronym(text: str, end: int, entity: Entity) -> None:
    """'Valley Liberation Front (VFL)': the text defines an alias, whatever its letters."""
    defined = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", text[end:end + 12])
    if defined and defined.group(1) not in entity.aliases:
        entity.aliases.append(defined.group(1))
