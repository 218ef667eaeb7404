"""Patterns of news pages kept as data (trafilatura style): furniture, credits, outlets, dates.

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
    r"(subscribe|sign up|register)\b.*(newsletter|mailing list|updates|alerts|free|digest|briefing|inbox).*",
    r"(get|receive) (the latest |our )?(news|newsletter|alerts|updates)\b.*", r"newsletters?",
    r".*\b(we|this (web)?site) uses? cookies\b.*", r"(accept|reject|manage)( all)? cookies.*",
    r"cookie (policy|settings)",
    r"leave a (reply|comment).*", r"(no|\d+) comments?( yet)?\.?", r"comments?", r"post a comment.*",
    r"(show|load|view) (more )?comments.*", r"log ?in to comment.*", r"be the first to comment.*",
    r"skip to (main )?content", r"(close|open) (button|menu)", r"(main )?menu", r"search", r"toggle navigation",
    r"advertisement|advertising|sponsored( content)?|ads?", r"scroll to (top|continue).*",
    r"(advertisement|advertising|sponsored( content)?|ad)\s*(:|\||\s[-–—])\s*.{0,150}",  # "Advertisement: Save 20%…"
    r"in this article:?", r"share( this( article| story)?)?:?", r"total", r"\d+\s*(shares?)?",
    r"tags?:.*", r"topics?:.*", r"filed under:?.*", r"print( this article)?", r"copy link",
    r"(back to )?top", r"(read|leer|lire|leggi|lesen sie) (in|en|auf) \w+\b.{0,80}",
    r"(all rights reserved|©|copyright).*", r"\(c\) ?(19|20)\d\d\b.{0,120}", r"fbpx", r"[-–—•·*|]+",
    r"click here\b.*", r".*\b(delivered|straight|direct(ly)?) to your inbox\b.*", r"(like|share|love) this:?",
    r"about the (author|writer|reporter)s?:?", r"watch( the)? video:?.*", r"listen to (this|the) (article|story).*",
    r"follow us\b.*", r"(download|get) (our|the) app\b.*", r"(sign|log) (in|out)", r"register",
)]

# A label over an ad slot: the short lines under it are the ad ("Advertisement" / "Brand: fibre for 24.99 a month").
AD_LABEL = re.compile(r"(advertisement|advertising|sponsored( content| links?)?|ads?|promoted|promotion"
                      r"|partner content|paid (content|post|partnership)|anzeige|publicidad|publicité|pubblicità):?",
                      re.I)
# What an ad or a subscription box says: a price for a period or ending in .99, a discount, a call to buy or
# to sign up (OFFER); a bare price (PRICE; a sum in millions is news, not a price) only counts below the
# article. Marks, not proof: looked for only under an ad label or below the article's last paragraph.
PRICE = re.compile(r"[$€£¥₹]\s?\d++(?:[.,]\d++)*+(?!\s*(?:million|billion|trillion|mn|bn|m)\b)|\d\s?[$€£¥₹]")
OFFER = re.compile(
    r"\b\d+[.,]\d\d\s*(?:a|per|/)\s*(?:day|week|month|year)\b|\b\d+[.,]99\b|\b\d+\s?% off\b|\bsave (?:up to )?\d"
    r"|\b(?:on sale|special offer|free trial|buy now|shop now|order now|book now|subscribe|sign up"
    r"|newsletter)\b",
    re.I,
)
# A line that opens with a call to act on the reader: "Sign up for our weekly digest, every Friday."
CALL_TO_ACT = re.compile(r"^(subscribe|sign up|register now|download (our|the) app)\b", re.I)
# A heading over what readers wrote (letters, comments): all below it, to the page's next section, is theirs.
READER_OPENERS = [re.compile(p, re.I) for p in (
    r"(readers?|readers['’]|reader['’]s|your|our readers['’]?) (letters?|comments?|views|responses|reactions|mail)"
    r"( \(\d+\))?:?",
    r"letters( to the editor| from (our )?readers)?:?", r"comments? \(\d+\):?",
    r"[1-9]\d* (comments?|responses|replies)", r"(show|view|load|read) (all )?(\d+ )?(comments|responses|replies)",
    r"what (our )?readers (say|think|are saying):?", r"join the (discussion|conversation|debate):?",
    r"(have|had) your say:?",
)]
# Where a block of readers' letters ends: the next section of the page, a sign-up box, the copyright line.
READER_BLOCK_END = re.compile(
    r"^(newsletters?|subscribe|sign up|more from|more (stories|news)|related|(most )?popular|most (read|viewed)"
    r"|you may also like|recommended|trending|advertisement|sponsored|all rights reserved|copyright)\b|^(©|\(c\))",
    re.I,
)

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
    # an author box naming the author and the post: "Jane Doe is the Courier's northern correspondent."
    r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3} (?:is|was|has been) (?:the|an?|our) (?:[\w’'-]+ ){0,4}"
    r"(?:journalist|writer|reporter|correspondent|editor|analyst|columnist|contributor|photographer)s?\b[^.]{0,80}\.$",
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
# Lines of a page's head that look like a name but never are an outlet's: labels, buttons, sections.
NOT_OUTLET_NAMES = {
    "thumbnail", "image", "images", "photo", "photos", "picture", "video", "videos", "gallery", "audio",
    "published", "updated", "posted", "date", "by", "author", "authors", "editor", "staff", "comments",
    "home", "menu", "search", "share", "print", "email", "subscribe", "login", "log in", "sign in", "advertisement",
    "news", "latest", "latest news", "breaking", "breaking news", "top stories", "live", "live updates", "today",
    "world", "world news", "local", "local news", "national", "international", "politics", "business",
    "economy", "opinion", "analysis", "editorial", "features", "sport", "sports", "culture", "science",
    "health", "technology", "tech", "media", "press release", "report", "review", "middle east", "europe",
    "asia", "africa", "americas", "us", "uk", "more", "read more", "related", "trending", "exclusive",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# A host name standing for a site's name ("aljazeera.com", "news.example.co.uk"), and the separators of
# a page title that carries the site's name ("Talks resume - Al Jazeera", "Talks resume | Reuters").
HOST_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
TITLE_SEPARATOR = re.compile(r"\s+[-|–—:•·]\s+")
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
    # ISO 8601, a time after it or not: 2021-09-06, 2021-09-06T10:00:00Z
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:\b|(?=T\d))",
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b",
    # 2021年9月6日, 2021년 9월 6일: the year, month and day are named
    r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]",
    r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>(?:19|20)?\d\d)\b",
    # a day, a month's name in another language, a year: "14 марта 2026", "6 de septiembre de 2021",
    # "6. September 2021"; dateparser reads the month (metadata.parse_date)
    r"\b(?P<day>\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(?P<month_word>[^\W\d_]{3,12})\.?,?\s+(?:de\s+|del\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b",
)]
# Labels that say the date that follows is when the article appeared, best first.
# Dates in a URL's path, for a page that states none: "/2021/09/06/", "/2021-09-06-…", "/20210906…".
URL_DATES = [re.compile(p) for p in (
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?:/|$|[-_.])",
    r"/(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?=\b|_)",
    r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?![\d])",
)]
DATE_LABELS = [
    ("published", re.compile(r"\b(first |originally )?(published|publicado|publicada|publié|publiée|pubblicato"
                             r"|veröffentlicht|опубликовано|опубліковано|yayınlanma)( on| at| el| le| il| am)?\s*:?",
                             re.I)),
    ("posted", re.compile(r"\b(posted|date|dated|fecha|datum)( on)?\s*:?", re.I)),
    ("updated", re.compile(r"\b(last )?(updated|modified|actualizado|mis à jour|aggiornato|aktualisiert"
                           r"|обновлено|оновлено|güncellenme)( on| at| el| le| il| am)?\s*:?", re.I)),
]
# A line that holds nothing but a date (and perhaps a time and a dash): a page's dateline.
TIME = r"(?:\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"
BARE_DATE_LINE = re.compile(
    rf"^[-–—•|\s]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?:{TIME}[,\s]*)?"
    r"(?P<date>[\w .,/-]{6,30}?)"
    rf"(?:[,\s|]*{TIME})?[-–—•|\s]*$",
    re.I,
)

# A byline with the date after the name: "By Jane Doe | June 18, 2026", "By Jane Doe, Reuters, 18 June 2026",
# "By Jane Doe on June 18, 2026". `date` must still read as a bare dateline (BARE_DATE_LINE).
_DATE_START = (r"(?:\d|(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
               + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![^\W\d_]))")  # a day, a month's or weekday's name
BYLINE_DATE = re.compile(
    rf"^by\s+[^|•·]{{2,80}}?(?:\s*[|•·,–—]|\s+-|\s+on)\s+(?P<date>{_DATE_START}[^|•·]{{3,40}})$", re.I
)

# A line ending in sentence-final punctuation, closing quotes allowed after it.
LINE_END_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’)\]]*$")
BULLET = re.compile(r"^\s*[•·▪◦●*>-]\s+")
