"""Generated corpora for benchmarks: page dumps and HTML pages about invented places and people.

Deterministic for a seed; nothing here is real news text.
"""

from __future__ import annotations

import random
from pathlib import Path

SYLLABLES = ["ka", "ro", "vel", "mar", "tan", "dor", "is", "len", "bra", "sho", "mir", "zu", "al", "ne", "quo"]
VERBS = ["shelled", "entered", "surrounded", "left", "defended", "reinforced", "negotiated over", "blockaded"]
NOUNS = ["the bridge", "the market", "the river port", "the airfield", "the northern road", "the old fort",
         "the power station", "the grain depot", "the hospital district", "the border crossing"]
CUES = ["said", "told reporters", "said in a statement", "wrote on social media", "told a news agency"]
ROLES = ["the governor", "an army spokesman", "a militia commander", "the foreign minister", "a local official"]
JUNK = ["Share on Facebook Share on Twitter", "Skip to content", "Subscribe to our newsletter for updates",
        "We use cookies to improve your experience.", "Related articles", "Leave a comment", "(Photo: AFP)"]


def name(rng: random.Random, parts: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(parts))


def sentence(rng: random.Random, town: str) -> str:
    kind = rng.random()
    if kind < 0.4:
        return (f"“Our forces {rng.choice(VERBS)} {rng.choice(NOUNS)} in {town} at dawn,” "
                f"{name(rng)}, {rng.choice(ROLES)}, {rng.choice(CUES)}.")
    if kind < 0.7:
        return (f"{name(rng)} {rng.choice(CUES)} that fighters had {rng.choice(VERBS)} {rng.choice(NOUNS)} "
                f"near {town} and that {rng.randint(2, 60)} people were killed.")
    return (f"Residents of {town} said {rng.choice(NOUNS)} was {rng.choice(['quiet', 'burning', 'closed'])} "
            f"after {rng.choice(['a night of shelling', 'the ceasefire', 'the talks'])}, and that aid had not arrived.")


def article(rng: random.Random, words: int = 600) -> tuple[str, list[str]]:
    town = name(rng, 1)
    title = f"Fighting reported near {town} as talks stall"
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(" ".join(sentence(rng, town) for _ in range(rng.randint(2, 4))))
    return title, paragraphs


def write_corpus(folder: Path, count: int, seed: int = 7, words: int = 600) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        title, paragraphs = article(rng, words)
        if i % 2:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            text = (f"<html><head><title>{title}</title><meta property='og:site_name' content='Bench Daily'>"
                    f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}"
                    f"</h1>{body}</article><div class='ad'>Advertisement</div><footer>© Bench Daily</footer>"
                    f"</body></html>")
            path = folder / f"article_{i:06d}.html"
        else:
            junk = rng.sample(JUNK, 3)
            text = "\n".join([junk[0], title, "Updated: 03.14.26, 09:12", *paragraphs[:2], junk[1],
                              *paragraphs[2:], junk[2], "Source: Bench Courier"])
            path = folder / f"article_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
