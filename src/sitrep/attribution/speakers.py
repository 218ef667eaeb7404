"""Speaker resolution: link an attribution's source to an entity of its document.

A source that holds a name is that name's entity ("spokesman Ali X" → Ali X; the syntactic head of the
source decides when it holds several). A pronoun or a bare role ("he", "the diplomat", "the group")
goes to the nearest compatible antecedent: the latest speaker of that kind, else the latest mention
of that kind before it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.attribution import lexicon as P
from sitrep.attribution.features import depth
from sitrep.nlp.patterns import ORGANISATION_HEADS
from sitrep.records import Entity
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.text import SUBJECT_DEPS

PEOPLE = ("person",)
# The roles that make a mention salient to a pronoun inside a quotation.
SALIENT_DEPS = SUBJECT_DEPS | {"poss", "appos"}
GROUPS = ("organisation", "group")


Speaker = tuple[str, "Entity | None"]


def resolve(doc: Doc, source: list[list[int]], by_token: dict[int, Entity],
            previous_speakers: list[Speaker], quoted: bool = False,
            settings: Settings = DEFAULT_SETTINGS) -> tuple[str | None, Entity | None]:
    """(speaker text, entity or None) for the source token runs of one attribution; `quoted` when
    the source stands inside a quotation."""
    tokens = [doc[i] for run in source for i in run]
    if not tokens:
        return None, None
    while len(tokens) > 1 and tokens[0].lower_ in P.RELATIVE_PRONOUNS:
        tokens = tokens[1:]  # "the fighters, who the ministry said were…": the speaker is the ministry
    while len(tokens) > 1 and tokens[-1].lower_ in P.RELATIVE_PRONOUNS:
        tokens = tokens[:-1]
    source = [[t.i for t in tokens]] if len(tokens) != sum(map(len, source)) else source
    antecedent = _relative_antecedent(tokens)
    if antecedent is not None:  # "the Red Cross, which said…": the speaker is what "which" stands for
        tokens = [t for t in antecedent.subtree if t.i <= antecedent.i and not t.is_punct] or [antecedent]
        source = [[t.i for t in tokens]]
    text = " ".join(doc[run[0]:run[-1] + 1].text for run in source)
    named = _named_entity(tokens, by_token)
    if named:
        return named.name, named
    head = min(tokens, key=depth)
    pronoun = head.lower_ in P.PERSON_PRONOUNS | P.GROUP_PRONOUNS
    definite = tokens[0].lower_ in ("the", "this", "that", "these", "those") and head.tag_ in ("NN", "NNS")
    if pronoun or definite:
        group = head.lower_ in P.GROUP_PRONOUNS or head.lower_ in P.GROUP_NOUNS or head.tag_ == "NNS"
        # inside a quotation the speaker's own words name the antecedent, not the article's speakers
        wanted = GROUPS if group else PEOPLE
        if quoted:
            antecedent = _salient_mention(doc, tokens[0].i, wanted, by_token, settings)
            if antecedent:
                return antecedent.name, antecedent
        else:
            named_by = None if pronoun else head.lower_  # "the army" is an army: an antecedent named "… Army"
            previous = _previous_speaker(wanted, previous_speakers, named_by)
            if previous:
                return previous
            antecedent = _latest_mention(tokens[0].i, wanted, by_token, named_by)
            if antecedent:
                return antecedent.name, antecedent
    return text, None


def _relative_antecedent(tokens: list):
    """The noun a relative pronoun source stands for ("Kael Brennick, who told Reuters…" → Brennick), when
    the cue's clause is a relative clause attached to it; else None."""
    if len(tokens) != 1 or tokens[0].lower_ not in P.RELATIVE_PRONOUNS:
        return None
    verb = tokens[0].head
    if verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
        return verb.head
    return None


def _called(entity: Entity | None, noun: str | None) -> bool:
    """Whether a role noun can refer to the entity: a group noun ("the army", "the foundation") only to one
    whose name holds that noun, so that "the army" never becomes the town named before it."""
    if noun is None or noun not in P.GROUP_NOUNS | ORGANISATION_HEADS:
        return True
    return entity is not None and noun in entity.name.lower().replace("’s", " ").split()


def _named_entity(tokens: list, by_token: dict[int, Entity]) -> Entity | None:
    """The entity whose mention holds the source's head, else a person in apposition to it."""
    inside = {t.i for t in tokens}
    head = min(tokens, key=depth)
    if head.i in by_token:
        return by_token[head.i]
    # "spokesman Ali X", "the ambassador, Oskar Y": a role noun and the person who holds it
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.i in inside and by_token.get(child.i, None) is not None:
            if by_token[child.i].type in PEOPLE:
                return by_token[child.i]
    return None


def _salient_mention(doc: Doc, before: int, wanted: tuple[str, ...], by_token: dict[int, Entity],
                     settings: Settings) -> Entity | None:
    """The closest mention of the wanted kind in the last few sentences, where a subject or possessor
    counts as much nearer than it is."""
    window = [i for i in range(max(0, before - settings.salience_window), before)
              if i in by_token and by_token[i].type in wanted]
    if not window:
        return None
    best = min(window, key=lambda i: before - i - (settings.salience_bonus if doc[i].dep_ in SALIENT_DEPS else 0))
    return by_token[best]


def _previous_speaker(wanted: tuple[str, ...], previous_speakers: list[Speaker],
                      noun: str | None = None) -> Speaker | None:
    """The latest earlier speaker of the wanted kind (and, for a role noun, one it can refer to); one the text
    named without a name ("a web developer in X") counts as a person unless its head is a group noun."""
    for text, entity in reversed(previous_speakers):
        if entity is not None and entity.type in wanted and _called(entity, noun):
            return text, entity
        if entity is None and wanted == PEOPLE and not set(text.lower().split()) & P.GROUP_NOUNS:
            return text, None
    return None


def _latest_mention(before: int, wanted: tuple[str, ...], by_token: dict[int, Entity],
                    noun: str | None = None) -> Entity | None:
    earlier = [i for i, entity in by_token.items() if i < before and entity.type in wanted and _called(entity, noun)]
    return by_token[max(earlier)] if earlier else None
