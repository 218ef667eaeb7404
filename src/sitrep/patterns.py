"""Patterns kept as data (trafilatura style): page furniture, credits, cues and dates.

Everything here is general knowledge of news pages and the news trade, never of one story.
"""

import re

# News agencies whose copy other outlets carry. A credit to one of these marks wire copy.
WIRE_AGENCIES = {
    "AFP": "AFP", "Agence France-Presse": "AFP", "Agence France Presse": "AFP",
    "AP": "AP", "Associated Press": "AP", "The Associated Press": "AP",
    "Reuters": "Reuters", "Thomson Reuters": "Reuters",
    "EFE": "EFE", "Agencia EFE": "EFE",
    "dpa": "dpa", "DPA": "dpa", "Deutsche Presse-Agentur": "dpa",
    "ANSA": "ANSA", "UPI": "UPI", "United Press International": "UPI",
    "TASS": "TASS", "ITAR-TASS": "TASS", "RIA Novosti": "RIA Novosti", "Interfax": "Interfax",
    "Sputnik": "Sputnik", "Xinhua": "Xinhua", "Kyodo": "Kyodo", "Yonhap": "Yonhap",
    "Anadolu": "Anadolu", "Anadolu Agency": "Anadolu", "PTI": "PTI", "ANI": "ANI", "IANS": "IANS",
    "IRNA": "IRNA", "WAFA": "WAFA", "MENA": "MENA", "Ukrinform": "Ukrinform", "PAP": "PAP",
    "Bernama": "Bernama", "Antara": "Antara", "APA": "APA", "KUNA": "KUNA", "SPA": "SPA",
    "Europa Press": "Europa Press", "Bloomberg": "Bloomberg", "AAP": "AAP", "CP": "CP",
}
_AGENCY_ALTERNATION = "|".join(
    re.escape(name) for name in sorted(WIRE_AGENCIES, key=len, reverse=True)
)
AGENCY = rf"(?:{_AGENCY_ALTERNATION})"

# Words that make a name look like a news outlet ("Valley Times", "Channel 4", "Radio 24").
MEDIA_WORDS = {
    "news", "agency", "times", "post", "tv", "television", "radio", "press", "journal",
    "magazine", "herald", "gazette", "tribune", "daily", "weekly", "world", "channel", "wire",
    "chronicle", "telegraph", "guardian", "observer", "express", "mirror", "standard", "today",
    "review", "monitor", "courier", "ledger", "dispatch", "bulletin", "broadcasting", "network",
    "media", "online", "report", "reporter", "insider", "digest", "sun", "star", "independent",
    "al", "24", "1", "live",
}

SOCIAL_NETWORKS = (
    "facebook", "twitter", "instagram", "whatsapp", "youtube", "telegram", "linkedin", "reddit",
    "pinterest", "tiktok", "email", "e-mail", "messenger", "flipboard", "vk", "x.com",
)

# Whole lines that are page furniture (matched case-insensitively against the stripped line).
FURNITURE_LINES = [re.compile(p, re.I) for p in (
    r"you may also like\b.*", r"(most )?popular (posts|stories|articles)\b.*",
    r"related( articles| stories| posts| news| content| coverage)?:?",
    r"(read|see) (more|also|next)\b.*", r"recommended( for you| stories)?:?", r"most (read|viewed|shared).*",
    r"trending( now)?:?", r"more from\b.*", r"more (stories|news|on this story)\b.*",
    r"(subscribe|sign up|register)\b.*(newsletter|mailing list|updates|alerts|free).*",
    r"(get|receive) (the latest |our )?(news|newsletter|alerts|updates)\b.*", r"newsletters?",
    r".*\b(we|this (web)?site) uses? cookies\b.*", r"(accept|reject|manage)( all)? cookies.*", r"cookie (policy|settings)",
    r"leave a (reply|comment).*", r"(no|\d+) comments?( yet)?\.?", r"comments?", r"post a comment.*",
    r"(show|load|view) (more )?comments.*", r"log ?in to comment.*", r"be the first to comment.*",
    r"skip to (main )?content", r"(close|open) (button|menu)", r"(main )?menu", r"search", r"toggle navigation",
    r"advertisement|advertising|sponsored( content)?|ads?", r"scroll to (top|continue).*",
    r"in this article:?", r"share( this( article| story)?)?:?", r"total", r"\d+\s*(shares?)?",
    r"tags?:.*", r"topics?:.*", r"filed under:?.*", r"print( this article)?", r"copy link",
    r"(back to )?top", r"(read|leer|lire|leggi|lesen sie) (in|en|auf) \w+\b.{0,80}",
    r"(all rights reserved|©|copyright).*", r"fbpx", r"[-–—•·*|]+",
    r"click here\b.*", r".*\b(delivered|straight|direct(ly)?) to your inbox\b.*", r"(like|share|love) this:?", r"about the (author|writer|reporter)s?:?", r"watch( the)? video:?.*", r"listen to (this|the) (article|story).*",
    r"follow us\b.*", r"(download|get) (our|the) app\b.*", r"(sign|log) (in|out)", r"register",
)]

# A line that is a photo credit or a caption carrying one.
PHOTO_CREDIT = re.compile(
    r"(\((photo|image|picture|video|file photo|credit)s?\b[^)]*\)"
    r"|\b(photo|image|picture|credit)s?\s*(:|/|by\b)"
    r"|\(\s*[A-Z][\w .'-]*/\s*" + AGENCY + r"\s*\))",
    re.I,
)

# Author bios, recognised only in the tail of a page.
BIO = [re.compile(p) for p in (
    r"^(?:[A-Z][a-z-]+)(?:(?:,\s*|\s+and\s+)[a-z-]+){1,6}\.(\s|$)",  # "Economist, writer and liberal."
    r"\bwith a focus on\b", r"\bwrites (about|on|for)\b", r"\b(is|was) an? (\w+ ){0,2}"
    r"(journalist|writer|reporter|correspondent|editor|analyst|columnist|author|contributor)\b",
    r"\b(covers|reports on|has covered|has reported from)\b.{0,80}\bfor (the |The )?[A-Z]",
    r"\bfollow (him|her|them) on\b", r"\s//\s", r"^About [A-Z][\w .&'-]{1,40}:",
)]
# A navigation menu flattened to one line: short items separated by wide gaps or bars.
MENU_SEPARATOR = re.compile(r" {2,}|\t+|\s+[|•·]\s+")

# "Source: X" names the outlet (or the wire) that published the text.
SOURCE_LINE = re.compile(r"^\s*(?:source|via|from)\s*:\s*(?P<name>.{2,60}?)\s*$", re.I)
# "X on Facebook" share links name the outlet that owns the page.
SOCIAL_OWNER = re.compile(r"^(?P<name>[\w.'-]{2,40}) on (facebook|twitter|instagram|telegram)", re.I)
# "AFP |" or "By Jane Doe, Reuters" bylines; "Washington (AFP) -" datelines; "(EFE)" trailers.
BYLINE_CREDIT = re.compile(r"^(?:by\s+[^|,]{2,60}[,|/]\s*)?(?P<agency>" + AGENCY + r")\s*(?:\||$|/|,)", re.I)
DATELINE_CREDIT = re.compile(r"^[A-Z][\w .,'-]{1,40}\((?P<agency>" + AGENCY + r")\)\s*[-–—]")
PAREN_CREDIT = re.compile(r"\((?P<agency>" + AGENCY + r")(?:/[^)]*)?\)\s*$")
CREDIT_IN_PHOTO = re.compile(r"(?:[/:]|\bby)\s*(?:[^()/]*/\s*)?(?P<agency>" + AGENCY + r")\s*(?:\)|$)")

# Outlets a text cites: a proper name and the words around it that make it a medium.
_NAME = r"[A-ZÀ-ÖØ-Þ0-9][\w’'&.-]*(?: +(?:[A-ZÀ-ÖØ-Þ0-9][\w’'&.-]*|de|du|des|la|le|of|the|and|al|el|di))*"
NAME = rf"(?P<name>{_NAME})(?: \([A-Z]{{2,8}}\))?"  # "the Valley News Agency (VNA)"
CITATION_ANY_NAME = [re.compile(p) for p in (
    rf"\b[Aa]ccording to (?:the )?{NAME},? (?:the )?(?:\w+ )?(?:reported|reports|said|says|wrote|writes)\b",
    rf"\b(?:the |The )?{NAME} (?:also |has |had |earlier |later |first )?(?:reported|reports)\b",
    rf"\b(?:reported|reprinted|republished|broadcast|aired) (?:first )?by (?:the )?{NAME}",
    rf"\bpublished (?:in|by|on) (?:the )?{NAME}",
    rf"\b(?:[Cc]iting|[Qq]uoting|[Qq]uoted by) (?:the )?{NAME}",
)]
CITATION_MEDIA_NAME = [re.compile(p) for p in (
    rf"\b[Aa]ccording to (?:the )?{NAME}\b",
    rf"\b(?:the |The )?{NAME},? (?:says|said|wrote|writes|quoted|cited|learned|has learned)\b",
    rf"\b(?:told|in an interview with|speaking to) (?:the )?{NAME}\b",
)]
# Name words that cannot start an outlet name (sentence openers caught by the capital letter).
NOT_OUTLET_START = {"He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "Earlier",
                    "Later", "Meanwhile", "But", "And", "Also", "Reports", "Media", "Officials"}

# Publication dates as pages state them.
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month_name>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_FORMS = [re.compile(p, re.I) for p in (
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b",
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b",
    r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>(?:19|20)?\d\d)\b",
)]
# Labels that say the date that follows is when the article appeared, best first.
DATE_LABELS = [
    ("published", re.compile(r"\b(first |originally )?published( on| at)?\s*:?", re.I)),
    ("posted", re.compile(r"\b(posted|date|dated)( on)?\s*:?", re.I)),
    ("updated", re.compile(r"\b(last )?(updated|modified)( on| at)?\s*:?", re.I)),
]
# A line that holds nothing but a date (and perhaps a time and a dash): a page's dateline.
TIME = r"(?:\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"
BARE_DATE_LINE = re.compile(
    rf"^[-–—•|\s]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?:{TIME}[,\s]*)?"
    r"(?P<date>[\w .,/-]{6,30}?)"
    rf"(?:[,\s|]*{TIME})?[-–—•|\s]*$",
    re.I,
)

# Sentence-final punctuation, closing quotes allowed after it.
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
BULLET = re.compile(r"^\s*[•·▪◦●*>-]\s+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves said says
    say told one two three new also would could like many much well even still just since""".split()
)

# Titles and honorifics stripped from the front of a name ("Foreign Minister Sergei X" → "Sergei X").
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady president vice prime deputy minister foreign
    defence defense interior finance secretary general gen lieutenant lt colonel col major maj captain capt
    commander cmdr admiral adm sergeant sgt ambassador envoy spokesman spokeswoman spokesperson senator
    sen rep representative governor gov mayor king queen prince princess sheikh sheik emir mullah maulvi
    mawlawi imam ayatollah chief former acting first late state chairman chairwoman chair director
    justice judge pope bishop father brother sister commissioner premier chancellor""".split()
)
# Titles that only a person carries (not "minister" alone: "the Foreign Minister X" is fine, but a
# ministry can be a "foreign minister's office").
PERSONAL_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady governor mayor senator sen president general gen colonel col
    captain capt commander ambassador envoy spokesman spokeswoman sheikh mullah maulvi imam ayatollah
    deputy minister secretary king queen prince princess pope judge""".split()
)
# Small words inside names that acronyms skip ("Front for the Liberation of X" → FLX).
NAME_PARTICLES = frozenset("of the and for de du des la le al el di von van da".split())

# Where something was said, looked for between a cue and its content (first match wins).
CHANNEL_NAMED = re.compile(
    r"\bon (?:the |his |her |their |its )?(?i:youtube|tv|television|radio|telegram) (?i:channel|show|programme|program)\s+"
    r"(?P<name>[A-Z][\w’'-]*(?: (?:(?:with|of|the|and|in|on) )?[A-Z0-9][\w’'-]*)*)")
CHANNELS = [(re.compile(p, re.I), name) for p, name in (
    (r"\btweet(ed|s|ing)?\b|\bon twitter\b|\bon x\b|\bwrote on x\b", "Twitter"),
    (r"\bon facebook\b", "Facebook"), (r"\bon telegram\b|\btelegram channel\b", "Telegram"),
    (r"\bon instagram\b", "Instagram"), (r"\bon youtube\b|\byoutube channel\b", "YouTube"),
    (r"\b(state )?(television|tv)\b", "television"), (r"\bradio\b", "radio"),
    (r"\bstatement on social media\b", "statement on social media"), (r"\bon social media\b", "social media"),
    (r"\bpress conference\b|\bnews conference\b|\bbriefing\b", "press conference"),
    (r"\bin a (written )?statement\b|\bsaid in a statement\b", "statement"),
    (r"\bvideo (message|statement|address)\b", "video message"), (r"\binterview\b", "interview"), (r"\bpress release\b", "press release"), (r"\bspeech\b", "speech"),
)]
# One link of a reporting chain in front of a speaker: "According to the X, " or "the Y reported, ".
REPORTING_FRAME = re.compile(
    r"\s*(?:(?:[Aa]ccording to|[Cc]iting|[Qq]uoting|[Aa]s reported by)\s+(?P<outer>[^,;:]{2,80}?)\s*,"
    r"|(?P<inner>(?:the |The )?[A-Z][\w’'&.-]*(?: [A-Z0-9][\w’'&.-]*)*)(?: \([A-Z]{2,8}\))?\s+(?:also |earlier )?"
    r"(?:reported|reports|said|says|wrote|writes|quoted|has reported|has learned)(?: that)?\s*[,:])\s*")

# Speech verbs, for speech reported inside a quotation.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling ask asks asked asking announce announced declare declared
    state stated warn warned insist insisted claim claimed deny denied add added urge urged note noted
    explain explained promise promised vow vowed report reported write wrote tweet tweeted convey conveyed
    confirm confirmed assure assured demand demanded""".split()
)
# Words that often head an attribution: verbs of saying, believing, wanting and judging, and nouns for
# what was said or found. A feature of the attribution taggers (compared by `attribution_features.stem`),
# which learn how much each is worth; unlisted words are still found from their context.
CUE_LEXICON = frozenset(
    """say tell ask announce declare state warn insist claim deny add urge note explain promise vow report
    write tweet post confirm assure demand argue suggest believe think feel know expect hope fear worry want
    wish plan intend seek call criticize criticise accuse blame praise support oppose agree disagree
    acknowledge admit concede reveal disclose indicate show find conclude estimate predict propose
    recommend threaten reject dismiss describe characterize respond reply answer comment mention remark
    emphasize stress testify allege contend maintain reiterate repeat decline refuse pledge signal hint
    imply question doubt dispute complain lament decry condemn denounce applaud welcome endorse back
    encourage advise caution recall recount accord according statement interview remarks speech letter
    memo poll survey study view belief position concern hopes fears proposal warning argument accusation
    allegation criticism request announcement testimony understand realize recognize assume consider
    regard see decide vote pressure push""".split()
)
# Dashes: tokens of their own even when glued to a word or a quote mark ("shame.”― Jane Doe").
DASHES = r"[―—–]"
# A signed quotation or embedded post: "“…” ― Jane Doe" or "… — Jane Doe (@janedoe) July 5, 2016"; the
# dash is the cue. Matched from the end of the quoted text.
SIGNATURE = re.compile(
    r"[ \t\u00a0]{0,3}(?P<dash>" + DASHES + r")[ \t\u00a0]*"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w.'’-]*){0,4})"
    r"(?P<handle>[ \u00a0]+\(@\w+\))?(?=[ \t\u00a0]*(?:\n|$|,|[A-Z][a-z]+ \d))"
)
# A prepositional phrase the tagger left at the head of a content: "[on the channel X] that …".
CONTENT_LEAD = re.compile(r"(?:on|in|at|during|via|through) [^,;:]{2,80}? (?=that\b)")

# Pronouns and role nouns that name no one themselves: the speaker is found in the context.
PERSON_PRONOUNS = frozenset("he she him her his i me".split())
FIRST_AND_SECOND_PERSON = frozenset("i we you".split())
GROUP_PRONOUNS = frozenset("they them it we us".split())
GROUP_NOUNS = frozenset(
    """group movement organisation organization government ministry army military militia council party front
    coalition alliance forces rebels insurgents police embassy agency office committee company administration
    authorities regime junta campaign network outlet newspaper channel union federation side""".split()
)

# --- Across articles: entities -------------------------------------------------------------
# A name ending in one of these names a generation of a family ("X Jr." is not "X").
GENERATION_MARKERS = {"jr": "Jr.", "junior": "Jr.", "sr": "Sr.", "senior": "Sr.", "ii": "II", "iii": "III"}
# "X, the younger son of Y": X is of the generation after Y.
KINSHIP_AFTER_NAME = re.compile(r"^,?\s+(?:the\s+)?(?:\w+\s+){0,2}(?:son|daughter|heir)\s+of\s+")
KINSHIP_BEFORE_NAME = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?(?:son|daughter),\s+$")
# The last word of an organisation's name that makes it one, whatever the tagger said ("X Foundation").
ORGANISATION_HEADS = frozenset(
    """foundation front council agency ministry party army committee alliance union institute university
    college company corporation bank fund trust association federation movement brigade brigades
    battalion corps command office commission network channel television radio news times post""".split()
)
# Words that describe rather than name: "X News Agency" is X, "X Valley"/"X province" is X.
ORGANISATION_GENERIC = frozenset("news agency service services group inc ltd co corporation company".split())
PLACE_GENERIC = frozenset(
    """valley province district city town village region county state governorate oblast area municipality
    """.split()
)

# --- Across articles: claims and disputes --------------------------------------------------
# Cues that put a speaker against what follows ("denied that…", "dismissed claims of…").
DENIAL_CUES = frozenset(
    """deny denies denied denying dismiss dismisses dismissed dismissing reject rejects rejected rejecting refute
    refutes refuted refuting rebut rebutted contradict contradicted disputed""".split()
)
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
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                                      "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
                                                      "dozen": 12}
YEAR = re.compile(r"1[89]\d\d|20\d\d")
# A sentence about a strike: only there does "fighters" say what was hit.
STRIKE = re.compile(r"\b(?:strikes?|struck|shell\w*|bomb\w*|missiles?|artillery|air\s*raids?|drones?|hit)\b", re.I)
# "23 people were killed", "seven fighters were killed": a figure, then within a few words a count word.
CASUALTY = re.compile(
    r"\b(?P<figure>\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,5}?"
    r"(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?P<kind>killed|dead|died|wounded|injured)\b", re.I)
# "killed 23 people", "kills at least 23"
CASUALTY_AFTER = re.compile(
    r"\b(?P<kind>killed|kills|killing|wounded|injured)\s+(?:at\s+least\s+|some\s+|more\s+than\s+|over\s+)?"
    r"(?P<figure>\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\b", re.I)
CASUALTY_KIND = {"kills": "killed", "killing": "killed", "killed": "killed", "dead": "killed", "died": "killed", "wounded": "wounded", "injured": "wounded"}
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
NEGATION = re.compile(r"\b(?:not|no|never|nor|n’t|n't|none|neither|without)\b", re.I)
