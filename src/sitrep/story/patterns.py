"""Patterns of the story stages kept as data: kinship, name heads, denials, figures, frames."""

import re

from sitrep.events.patterns import PHYSICAL
from sitrep.nlp.patterns import ORGANISATION_HEADS  # noqa: F401 - the merge reads it here too

# --- Across articles: entities -------------------------------------------------------------
# "X, the younger son of Y": X is of the generation after Y.
KINSHIP_AFTER_NAME = re.compile(r"^,?\s+(?:the\s+)?(?:\w+\s+){0,2}(?:son|daughter|heir)\s+of\s+")
KINSHIP_BEFORE_NAME = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?(?:son|daughter),\s+$")
# Words that describe rather than name: "X News Agency" is X, "X Valley"/"X province" is X.
ORGANISATION_GENERIC = frozenset("news agency service services group inc ltd co corporation company".split())
PLACE_GENERIC = frozenset(
    """valley province district city town village region county state governorate oblast area municipality
    """.split()
)
# British and American spellings of the words organisations are named with: one word ("Defence Ministry",
# "Defense Ministry").
SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center", "programme": "program",
             "labour": "labor", "defence's": "defense's"}
# Spellings transliterators disagree on (names written from Arabic, Persian, Russian, Ukrainian:
# Mohammed/Muhammad/Mohamed, Kyrylenko/Kirilenko, Honcharenko/Goncharenko, Faheem/Fahim, Dashti/Dashty,
# Khalid/Halid, Yousef/Yusef, Wadood/Vadud): rewritten in this order, a word becomes its spelling key, and two
# words are compared by their keys too. Lower-case, accent-folded words.
TRANSLITERATION = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"ee|iy|yi|ij", "i"), (r"ou|oo", "u"),
    (r"(\w)\1+", r"\1"),  # doubled letters: Mohammed/Mohamed
    (r"kh", "h"), (r"gh", "g"), (r"zh", "z"), (r"ph", "f"), (r"dzh|dj", "j"), (r"w", "v"), (r"y", "i"),
    (r"^h", "g"),  # Ukrainian h where Russian writes g: Honcharenko/Goncharenko
    (r"o", "u"), (r"e", "a"),  # the vowels they write either way
    (r"(\w)\1+", r"\1"),
)]

# --- Across articles: claims and disputes --------------------------------------------------
# Contents that deny what follows them: "it is false that X" → X.
DENIAL_FRAMES = [re.compile(p, re.I) for p in (
    r"^(?:that\s+)?it\s+(?:is|was)\s+(?:false|untrue|not\s+true|a\s+lie)\s+that\s+",
    r"^(?:that\s+)?there\s+(?:is|was)\s+no\s+truth\s+(?:in|to)\s+(?:the\s+)?(?:claims?|reports?)\s+that\s+",
    r"^(?:that\s+)?(?:the\s+)?(?:claims?|reports?)\s+(?:that\s+)?(?P<rest>.+?)\s+(?:were|was|are|is)\s+(?:false|untrue|lies)\b",
)]
# What a denial's content names before the proposition itself: "earlier claims of X", "the claim that X".
DENIED_OBJECT = re.compile(
    r"^(?:the\s+|earlier\s+|recent\s+|[\w’']+(?:’s|'s)\s+)*(?:claims?|reports?|allegations?|accusations?|charges?|"
    r"suggestions?|rumou?rs?)\s+(?:that|of)\s+", re.I)
# A denial's object that only points back at a claim made before it ("dismissed the claim").
DENIED_REFERENCE = re.compile(
    r"^(?:the|that|this|these|those|such|its|their)\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|accusations?|"
    r"charges?|account|version|assertions?)\W*$", re.I)
# A sentence about a strike: only there does "fighters" say what was hit.
STRIKE = re.compile(r"\b(?:strikes?|struck|shell\w*|bomb\w*|missiles?|artillery|air\s*raids?|drones?|hit)\b", re.I)
# What can change hands: a control verb needs one of these (or a name) within a few words.
PLACE_NOUNS = (r"(?:town|city|village|valley|province|district|region|bridge|river|bank|base|airport|port|"
               r"junction|road|capital|area|territory|border|hill|pass|crossing|building|headquarters)s?")
# A sentence that only supposes ("If the capture … is completed") asserts nothing.
HYPOTHETICAL = re.compile(r"^\W*(?:if|unless|should|were)\b", re.I)
# Control of a place: a change (taken, captured, fell…) or its absence (still holds, never came closer…).
CONTROL_CHANGE = re.compile(
    r"\b(?:captur\w*|(?:has|have|had)\s+taken|took|taken\s+(?:control|over)|seiz\w*|overr?an|overrun|conquer\w*|"
    r"fell|fallen|falls|gain\w*\s+control|took\s+control|crossed|entered|enter|lost|pushed\s+back|driven\s+out|"
    r"recaptur\w*|retak\w*)\b(?=(?:\s+(?:of|to|into|from|out\s+of))?(?:\s+[\w’'-]+){0,3}?\s+(?:[A-Z]|"
    + PLACE_NOUNS + r"\b))")
CONTROL_HOLD = re.compile(
    r"\b(?:still\s+(?:hold|holds|held|control|controls|controlled)|holds?\s+out|held\s+out|remains?\s+in\s+control|"
    r"repell?e?d|never\s+come\s+closer|never\s+came\s+closer)\b", re.I)
ATTACK = re.compile(r"\b(?:offensive|attack\w*|assault\w*|by\s+force|storm\w*|advanc\w*)\b", re.I)
# Whether a strike hit fighters (a command post, militants) or not: "no fighters in the area".
MILITARY_TARGET = re.compile(
    r"\b(?:command\s+posts?|fighters|militants?|rebel\s+positions?|military\s+targets?|armed\s+men|"
    r"weapons?\s+depots?|ammunition\s+depots?)\b", re.I)
# Blame laid on someone, which a denial may answer ("blamed X for the attack", "accused X of…").
ACCUSATION = re.compile(r"\b(?:blam\w*|accus\w*|held\s+[\w\s]{1,40}?\s+responsible)\b", re.I)
# Not knowing, which a negation in front of a frame word may only seem to deny: "did not yet have first-hand
# information about the attack", "could not confirm", "is not aware of".
UNKNOWING = re.compile(r"\b(?:information|details|knowledge|confirm\w*|verif\w*|aware|comment\w*|know|knew|known|"
                       r"clear|sure|say\s+(?:whether|how|who))\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|never|nor|n’t|n't|none|neither|without)\b", re.I)

# --- Across articles: events ------------------------------------------------------------------
# Victims every event of a war has: no evidence that two mentions are one event.
GENERIC_VICTIMS = frozenset(
    """people civilians residents fighters soldiers troops militants men women children hundreds dozens thousands
    scores many several others police officers prisoners pows detainees captives""".split())
# An armed group names its own side ("the Ostrak Front"): the head word that ends its name.
ARMED_GROUP_HEADS = frozenset(
    """front army movement brigade brigades battalion battalions corps forces militia militias guard guards
    council alliance coalition""".split())
# A mention that points back at an event its article reports: "blamed X for the attack".
EVENT_ANAPHOR = re.compile(r"\b(?:the|this|that|its|[A-Z][a-z]+day[’']s)\s+(?:\w+\s+)?(?:attack|strike|shelling|"
                           r"bombing|blast|explosion|raid|assault|massacre|killings?|incident|operation)\b", re.I)
# What a strike hits, named in a mention ("the ferry terminal", "the market on Castle Square"): two mentions
# that name different things hit are two strikes more often than one. Military targets are left out: "it hit a
# command post, not the market" is one side's version of the same strike.
STRUCK_OBJECTS = (PHYSICAL - {"post", "depot", "headquarters", "installation", "installations", "facility",
                              "facilities", "oil", "line", "lines", "property", "properties", "premises"}) | frozenset(
    """terminal terminals quay quays ferry ferries bakery bakeries hospital hospitals clinic square squares camp camps
    checkpoint checkpoints convoy convoys mosque mosques temple synagogue university universities kindergarten
    theatre theater museum stadium railway train trains dam port harbour harbor pier prison prisons jail jails
    detention barracks colony penitentiary shelter shelters""".split())
# A toll over a whole war or season, not one event's: "has killed hundreds since January".
CUMULATIVE = re.compile(r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|January|February|March|April|May|June|"
                        r"July|August|September|October|November|December|\d{4}|last\s+\w+)|so\s+far\s+this|this\s+year|"
                        r"in\s+total|in\s+all|overall|altogether)\b", re.I)
# A day a sentence names, by which two reports of unknown date can be seen to speak of the same moment.
NAMED_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:january|february|march|april|"
                       r"may|june|july|august|september|october|november|december)\s+\d{1,2})\b", re.I)

