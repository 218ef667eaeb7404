from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from sitrep import export, pipeline
from sitrep.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "corpus"
CORPORA = {
    "seeds": (SEEDS, SEEDS / "expected.yaml"),
    "examples": (EXAMPLES, REPO / "examples" / "expected.yaml"),
}

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "′": "'"})


def normalise(text: str | None) -> str:
    """Compare texts after folding quotes, case and runs of white space."""
    folded = unicodedata.normalize("NFC", text or "").translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", folded).strip()


def document_key(document: dict) -> str:
    name = Path(document["path"]).name
    return f"{name}#{document['url']}" if document.get("url") and "#" not in name else name


def build_story(folder: Path, db: Path) -> dict:
    store = Store(str(db))
    pipeline.build(pipeline.input_files([str(folder)]), store)
    return export.story_of(store)


@pytest.fixture(scope="session", params=sorted(CORPORA))
def corpus(request, tmp_path_factory):
    """(name, exported story, expectations) for the seeds and the example corpus."""
    folder, expected_file = CORPORA[request.param]
    story = build_story(folder, tmp_path_factory.mktemp(request.param) / "story.db")
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    return request.param, story, expected
