"""Patterns of the event stage kept as data: triggers and their ACLED types, status cues, actors,
instruments, place words, relative dates and the words of casualty figures.

Every word list is lower case and compared with lower-cased text, so wire copy in capitals (MUC-4)
reads as well as ordinary prose."""

import re

# --- Triggers -------------------------------------------------------------------------------
# A trigger kind → (ACLED event type, ACLED sub-event type, MUC-4 incident type or None).
# The ACLED type of an attack or a killing depends on whom it hits (see `extract._acled_type`):
# these are the defaults for a target that is neither armed nor named.
KINDS = {
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED", "BOMBING"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb", "BOMBING"),
    "grenade": ("Explosions/Remote violence", "Grenade", "BOMBING"),
    "air": ("Explosions/Remote violence", "Air/drone strike", "ATTACK"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ATTACK"),
    "attack": ("Violence against civilians", "Attack", "ATTACK"),
    "killing": ("Violence against civilians", "Attack", "ATTACK"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance", "KIDNAPPING"),
    "sexual": ("Violence against civilians", "Sexual violence", None),
    "arson": ("Strategic developments", "Looting/property destruction", "ARSON"),
    "robbery": ("Strategic developments", "Looting/property destruction", "ROBBERY"),
    "stoppage": ("Strategic developments", "Other", "FORCED WORK STOPPAGE"),
    "clash": ("Battles", "Armed clash", None),
    "territory": ("Battles", "Non-state actor overtakes territory", None),
    "agreement": ("Strategic developments", "Agreement", None),
    "arrest": ("Strategic developments", "Arrests", None),
    "siege": ("Strategic developments", "Other", None),
    "formation": ("Strategic developments", "Change to group/activity", None),
    "protest": ("Protests", "Peaceful protest", None),
    "riot": ("Riots", "Violent demonstration", None),
}

# Single-word triggers by lemma (spaCy's lemma, lower case). Nouns and verbs alike.
TRIGGER_LEMMAS = {
    **dict.fromkeys("bomb bombing blast explosion explode detonate dynamite car-bomb firebomb".split(), "bombing"),
    **dict.fromkeys("grenade".split(), "grenade"),
    **dict.fromkeys("airstrike air-strike airstrikes".split(), "air"),
    **dict.fromkeys("shell shelling bombard bombardment mortar artillery rocket missile".split(), "shelling"),
    **dict.fromkeys("attack assault ambush raid machinegun machine-gun shoot gunfire strafe".split(), "attack"),
    **dict.fromkeys("kill murder assassinate assassination massacre slay execute behead murderer "
                    "killing".split(), "killing"),
    **dict.fromkeys("kidnap kidnapping abduct abduction hostage".split(), "kidnapping"),
    **dict.fromkeys("rape".split(), "sexual"),
    **dict.fromkeys("arson torch".split(), "arson"),
    **dict.fromkeys("rob robbery steal loot holdup".split(), "robbery"),
    **dict.fromkeys("clash skirmish battle firefight".split(), "clash"),
    **dict.fromkeys("capture overrun seize conquer recapture retake".split(), "territory"),
    **dict.fromkeys("ceasefire truce armistice".split(), "agreement"),
    **dict.fromkeys("arrest detain".split(), "arrest"),
    **dict.fromkeys("surround besiege encircle".split(), "siege"),
    **dict.fromkeys("protest demonstration demonstrator protester rally".split(), "protest"),
    **dict.fromkeys("riot rioter".split(), "riot"),
}
# Triggers of several words, matched on the lower-cased sentence: (pattern, kind).
TRIGGER_PHRASES = [(re.compile(p, re.I), kind) for p, kind in (
    (r"\bsuicide\s+(?:bomb\w*|attack\w*|blast)", "suicide"),
    (r"\b(?:air|drone)\s+(?:strikes?|raids?|attacks?)\b", "air"),
    (r"\bset\s+(?:\w+\s+){0,4}?(?:on\s+)?fire\b|\bset\s+fire\s+to\b|\bburn(?:ed|t)\s+down\b", "arson"),
    (r"\b(?:armed|transport|general)\s+(?:strike|stoppage)\b|\bwork\s+stoppage\b|\bparo\s+armado\b", "stoppage"),
    (r"\bopen(?:ed)?\s+fire\b|\bgunned\s+down\b|\bfired\s+(?:shots\s+)?(?:at|on)\b", "attack"),
    (r"\btook\s+(?:\w+\s+){0,2}hostage\b|\btaken\s+hostage\b", "kidnapping"),
    (r"\b(?:taken|took|gained|gains?|seized?)\s+control\b|\bdriven\s+out\s+of\b|\bfell\s+to\b", "territory"),
    (r"\bpeace\s+(?:deal|agreement|accord)\b|\bagreed\s+(?:to\s+)?(?:a\s+)?(?:ceasefire|truce)\b", "agreement"),
    (r"\bformation\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:forces?|front|movement|militia)\b", "formation"),
)]
# A word the lemma table knows that names no event here ("the Bombay Bomb Squad", "fire" alone).
NOT_TRIGGER_BEFORE = re.compile(r"^(?:squad|squads|threat\w*|disposal|expert\w*|shelter\w*|proof|scare)\b", re.I)

# --- Status ---------------------------------------------------------------------------------
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejects?|rejected|dismiss(?:es|ed)?|refut\w*|(?:is|was|are|were)\s+(?:false|untrue|"
    r"not\s+true|a\s+lie|baseless|fabricated)|no\s+truth|never\s+happened|did\s+not\s+happen)\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|never|n[’']t|neither|nor)\b", re.I)
ATTEMPT = re.compile(
    r"\b(?:attempt\w*|tried|try|trying|foiled|thwarted|failed|fail|defused|deactivated|dismantled|would\s+have|"
    r"were\s+going\s+to|was\s+going\s+to|intended|plot\w*|planned|found\s+(?:\w+\s+){0,3}(?:bomb|explosive)\w*)\b",
    re.I)
THREAT = re.compile(r"\b(?:threat\w*|warn\w*|vow\w*|ultimatum|will\s+(?:attack|kill|bomb)|promis\w*\s+to)\b", re.I)
HYPOTHESIS = re.compile(
    r"\b(?:if|unless|should\s+\w+\s+be|could|might|may|would|possible|possibly|in\s+case|if\s+confirmed)\b", re.I)
# Hedges that mark a claim unverified (kept on the mention: the event still happened as reported).
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|unconfirmed|unverified|impossible\s+to\s+(?:independently\s+)?verify|"
    r"could\s+not\s+be\s+(?:independently\s+)?verified|claim\w*|purported\w*|apparently)\b", re.I)
# A sentence about what usually happens, or a past era, tells no event.
GENERIC = re.compile(
    r"\b(?:for\s+decades|in\s+the\s+past|for\s+years|every\s+(?:day|week|year)|repeatedly|history|historic\w*|"
    r"used\s+to|wave\s+of|campaign\s+of|series\s+of|so\s+far\s+this\s+year|since\s+\d{4}|in\s+\d{4})\b", re.I)

# --- Roles ----------------------------------------------------------------------------------
# Words that make an actor armed (a battle, not violence against civilians).
ARMED = frozenset(
    """army soldier soldiers troops troop military forces force guerrilla guerrillas rebel rebels militia militias
    militant militants fighter fighters insurgent insurgents police policeman policemen patrol battalion brigade
    commando commandos taliban front guard guards paramilitary paramilitaries gunmen combatants resistance""".split())
CIVILIAN = frozenset(
    """civilian civilians peasant peasants people villager villagers resident residents student students worker
    workers child children woman women man men family families farmer farmers priest priests journalist
    journalists teacher teachers passenger passengers person persons citizen citizens mayor judge""".split())
# Nouns that are things, not people: a physical target.
PHYSICAL = frozenset(
    """building buildings house houses home homes office offices embassy bank banks bridge bridges tower towers
    pylon pylons plant plants station stations bus buses car cars vehicle vehicles truck trucks headquarters
    store stores shop shops school schools church churches factory factories pipeline pipelines installation
    installations facility facilities residence residences hotel hotels power line lines post substation
    airport port market restaurant warehouse oil depot facade premises property properties""".split())
PRONOUNS = frozenset("i you he she it we they him her them us me who whom which that this these those one".split())
# What a weapon is called.
INSTRUMENTS = re.compile(
    r"\b(?:car\s+bomb|bombs?|dynamite|explosives?|grenades?|rockets?|mortars?|missiles?|machineguns?|machine\s+guns?|"
    r"rifles?|guns?|firearms?|pistols?|revolvers?|knives|knife|machetes?|drones?|ieds?|mines?|landmines?|"
    r"molotov\s+cocktails?|artillery|shells?|incendiary\s+\w+|gasoline|fuel)\b", re.I)

# --- Places ---------------------------------------------------------------------------------
# A place named with one of these after it is a first-level region ("X province").
REGION_WORDS = r"(?:province|department|state|governorate|oblast|prefecture|region)"
REGION_AFTER = re.compile(r"^\s+" + REGION_WORDS + r"\b", re.I)
REGION_BEFORE = re.compile(r"\b(?:province|department|state|governorate|oblast|prefecture|region)\s+of\s+$", re.I)
# A city given as the capital of a region named in the same sentence: "B, the provincial capital".
CAPITAL_AFTER = re.compile(r"^,?\s+(?:the\s+)?(?:provincial|departmental|regional|state)\s+capital\b", re.I)
# Words that name no place by themselves, whatever their capital letter ("the Valley", "the Capital").
GENERIC_PLACE_WORDS = frozenset(
    """valley city town village capital province region district area state country border front north south
    east west center centre downtown""".split())
# "near X", "outskirts of X": the place is a part or a neighbour of X (ACLED geo_precision 2).
NEAR_BEFORE = re.compile(r"\b(?:near|outside|outskirts\s+of|close\s+to|north|south|east|west|(?:km|kms|kilometers|"
                         r"kilometres|miles)\s+(?:from|of))\s+(?:of\s+)?(?:the\s+)?$", re.I)

# --- Dates ----------------------------------------------------------------------------------
MONTHS = {m: i + 1 for i, m in enumerate("january february march april may june july august september october "
                                         "november december".split())}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4}|\d{2}\b)"
ABSOLUTE_DATES = [re.compile(p, re.I) for p in (
    r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b",
    r"\b" + DAY + r"\s+(?:of\s+)?" + MONTH + r"(?:,?\s+" + YEAR + r")?\b",
    r"\b" + MONTH + r"\s+" + DAY + r"\b(?:,?\s*" + YEAR + r")?",
)]
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:[’']s)?\b", re.I)
# Relative expressions: (pattern, days before the anchor, ACLED time_precision).
RELATIVE_DATES = [(re.compile(p, re.I), days, precision) for p, days, precision in (
    (r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight|earlier\s+today)\b", 0, 1),
    (r"\b(?:yesterday|last\s+night|overnight)(?:[’']s)?\b", 1, 1),
    (r"\bthe\s+day\s+before\s+yesterday\b", 2, 1),
    (r"\b(?:earlier\s+this\s+week|this\s+week|in\s+recent\s+days)\b", 0, 2),
    (r"\blast\s+week(?:end)?\b|\bat\s+the\s+weekend\b|\bover\s+the\s+weekend\b", 7, 2),
    (r"\b(?:earlier\s+this\s+month|this\s+month)\b", 0, 3),
)]
# "last month": the month before the anchor's (precision 3).
LAST_MONTH = re.compile(r"\blast\s+month\b", re.I)

# The parse gives fine tags but no lemmas: a trigger is looked up by its word form.
IRREGULAR = {"shot": "shoot", "shooting": "shoot", "stole": "steal", "stolen": "steal", "slew": "slay",
             "slain": "slay", "fought": "fight", "burnt": "burn", "blew": "blow", "set": "set"}


def forms(lemma: str) -> set[str]:
    """The inflected forms of an English noun or verb: kidnap → kidnaps, kidnapped, kidnapping, …"""
    found = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        found |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        found |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        found |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return found


TRIGGER_FORMS = {form: kind for lemma, kind in TRIGGER_LEMMAS.items() for form in forms(lemma)} | {
    form: TRIGGER_LEMMAS[lemma] for form, lemma in IRREGULAR.items() if lemma in TRIGGER_LEMMAS}
KILL_FORMS = {form for lemma in "kill murder assassinate massacre slay execute behead".split()
              for form in forms(lemma)} | {"slain", "slew", "assassination", "assassinations", "execution",
                                           "executions"}
# Nouns for many people, never one victim: "the majority of the prisoners were killed" is no count of one.
COLLECTIVE = frozenset("""people police personnel children men women majority most many some group crowd family
families number rest dozen dozens hundreds thousands scores staff crew""".split())

