"""The attribution lexicon kept as data: cue words, channels, reporting frames, pronouns.

General knowledge of how news reports speech, never of one story.
"""

import re

from sitrep.text import DASHES

# Where something was said, looked for between a cue and its content (first match wins).
CHANNEL_NAMED = re.compile(
    r"\bon (?:the |his |her |their |its )?(?i:youtube|tv|television|radio|telegram) "
    r"(?i:channel|show|programme|program)\s+"
    r"(?P<name>[A-Z][\w’'-]*(?: (?:(?:with|of|the|and|in|on) )?[A-Z0-9][\w’'-]*)*)")
CHANNELS = [(re.compile(p, re.I), name) for p, name in (
    (r"\btweet(ed|s|ing)?\b|\bon twitter\b|\bon x\b|\bwrote on x\b", "Twitter"),
    (r"\bon facebook\b", "Facebook"), (r"\bon telegram\b|\btelegram channel\b", "Telegram"),
    (r"\bon instagram\b", "Instagram"), (r"\bon youtube\b|\byoutube channel\b", "YouTube"),
    (r"\b(state )?(television|tv)\b", "television"), (r"\bradio\b", "radio"),
    (r"\bstatement on social media\b", "statement on social media"), (r"\bon social media\b", "social media"),
    (r"\bpress conference\b|\bnews conference\b|\bbriefing\b", "press conference"),
    (r"\bin a (written )?statement\b|\bsaid in a statement\b", "statement"),
    (r"\bvideo (message|statement|address)\b", "video message"), (r"\binterview\b", "interview"),
    (r"\bpress release\b", "press release"), (r"\bspeech\b", "speech"),
)]
# One link of a reporting chain in front of a speaker: "According to the X, " or "the Y reported, ".
REPORTING_FRAME = re.compile(
    r"\s*(?:(?:[Aa]ccording to|[Cc]iting|[Qq]uoting|[Aa]s reported by)\s+(?P<outer>[^,;:]{2,80}?)\s*,"
    r"|(?P<inner>(?:the |The )?[A-Z][\w’'&.-]*(?: [A-Z0-9][\w’'&.-]*)*)(?: \([A-Z]{2,8}\))?\s+(?:also |earlier )?"
    r"(?:reported|reports|said|says|wrote|writes|quoted|has reported|has learned)(?: that)?\s*[,:])\s*")
# A reporting link after the speaker's words, closing the sentence: "…, X said, according to Pravda." or
# "…, Reuters reported."
TRAILING_FRAME = re.compile(
    r"^[\s,]*(?:(?:according to|citing|quoting|as reported by)\s+(?P<outer>(?:the )?[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*)"
    r"{0,4})|(?P<inner>(?:the )?[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4}) (?:reported|reports|said|wrote))\s*[.!]?\s*$")

# Speech verbs, for speech reported inside a quotation.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling ask asks asked asking announce announced declare declared
    state stated warn warned insist insisted claim claimed deny denied add added urge urged note noted
    explain explained promise promised vow vowed report reported write wrote tweet tweeted convey conveyed
    confirm confirmed assure assured demand demanded""".split()
)
# Words that often head an attribution: verbs of saying, believing, wanting and judging, and nouns for
# what was said or found. A feature of the attribution taggers (compared by `text.stem`),
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
# "The agency quoted X as saying…": the object is the speaker, the subject passed the words on.
QUOTING_VERBS = frozenset("quote quotes quoted quoting".split())
# Outside quotations these are the writer: "as we reported", "we will remind that…".
WRITER_PRONOUNS = frozenset("i me we us".split())
GROUP_PRONOUNS = frozenset("they them it we us".split())
GROUP_NOUNS = frozenset(
    """group movement organisation organization government ministry army military militia council party front
    coalition alliance forces rebels insurgents police embassy agency office committee company administration
    authorities regime junta campaign network outlet newspaper channel union federation side""".split()
)

# Cues that put a speaker against what follows ("denied that…", "dismissed claims of…").
DENIAL_CUES = frozenset(
    """deny denies denied denying dismiss dismisses dismissed dismissing reject rejects rejected rejecting refute
    refutes refuted refuting rebut rebutted contradict contradicted disputed""".split()
)
# The plainest speech verbs: with a subject and a reported clause they are cues wherever they stand.
PLAIN_SPEECH = frozenset("said says say told tells added adds stated states".split())
# Relative pronouns: a source that is one of them stands for the noun its clause attaches to.
RELATIVE_PRONOUNS = frozenset("who which that whom".split())

