from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from sitrep import pipeline
from sitrep.output import export
from sitrep.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "corpus"
CORPORA = {
    "seeds": (SEEDS, SEEDS / "expected.yaml"),
    "examples": (EXAMPLES, REPO / "examples" / "expected.yaml"),
}

POSTGRES = os.environ.get("SITREP_TEST_POSTGRES")  # a PostgreSQL database the tests may empty (CI starts one)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new store's address, on each backend: a SQLite file, and the test PostgreSQL database emptied (skipped
    where SITREP_TEST_POSTGRES is not set)."""
    if request.param == "sqlite":
        return str(tmp_path / "story.db")
    if not POSTGRES:
        pytest.skip("set SITREP_TEST_POSTGRES to a PostgreSQL URL the tests may empty")
    engine = sa.create_engine("postgresql+psycopg://" + POSTGRES.split("://", 1)[1])
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return POSTGRES


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "′": "'"})


def normalise(text: str | None) -> str:
    """Compare texts after folding quotes, case and runs of white space."""
    folded = unicodedata.normalize("NFC", text or "").translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", folded).strip()


def document_key(document: dict) -> str:
    name = Path(document["path"]).name
    return f"{name}#{document['url']}" if document.get("url") and "#" not in name else name


def assert_met(items: list[dict], level: str, met: Callable[[dict], bool], describe: Callable[[dict], object],
               recall: float = 1.0) -> None:
    """At least `recall` of the expected items at `level` are met (all of them unless told: `must`);
    a failure lists those that are not."""
    wanted = [item for item in items if item["level"] == level]
    unmet = [describe(item) for item in wanted if not met(item)]
    assert len(wanted) - len(unmet) >= recall * len(wanted), "\n".join(map(str, unmet))


def build_story(folder: Path, db: Path) -> dict:
    store = Store(str(db))
    report = pipeline.build(pipeline.input_files([str(folder)]), store)
    assert report.stage_failure is None, report.stage_failure.message
    return export.story_of(store)


@pytest.fixture(scope="session")
def stories(tmp_path_factory):
    """name → exported story of that corpus, each built at most once a session."""
    built: dict[str, dict] = {}

    def story(name: str) -> dict:
        if name not in built:
            built[name] = build_story(CORPORA[name][0], tmp_path_factory.mktemp(name) / "story.db")
        return built[name]

    return story


@pytest.fixture(scope="session", params=sorted(CORPORA))
def corpus(request, stories):
    """(name, exported story, expectations) for the seeds and the example corpus."""
    expected = yaml.safe_load(CORPORA[request.param][1].read_text(encoding="utf-8"))
    return request.param, stories(request.param), expected


@pytest.fixture
def invented_story() -> dict:
    """A small story in the export contract, claims and disputes included, about invented places and people.

    Two articles say the army holds a bridge (the second copies the first: one origin), two others
    independently say the rebels hold it; one article carries a script tag in its text and title.
    """
    texts = {
        "d1": "Army holds bridge\n\nThe army holds the Vessa bridge, Colonel Ilse Maran said on Monday, "
              "speaking on state radio. The valley road is closed to traffic.",
        "d2": "Bridge held\n\nAccording to the Lorne Wire, the army holds the Vessa bridge, Colonel Ilse Maran said. "
              "The valley road is closed to all traffic.",
        "d3": "Rebels in control\n\nThe bridge is in rebel hands, said Dagny Orel, who commands the rebels.",
        "d4": "Rebel post <script>window.pwned=1</script>\n\n<script>window.pwned=1</script> The bridge is in "
              "rebel hands, a rebel spokesman told reporters.",
    }
    meta = {"d1": ("Northern Courier", "2030-03-01"), "d2": ("Harbour Times", "2030-03-02"),
            "d3": ("Upland Post", "2030-03-04"), "d4": (None, None)}
    documents = [{
        "id": key, "path": f"articles/{key}.txt", "url": None, "title": text.split("\n")[0], "outlet": meta[key][0],
        "published": meta[key][1], "language": "en", "credits": [], "cited_outlets": [], "text": text, "foreign": [],
    } for key, text in texts.items()]

    def span(doc: str, words: str) -> dict:
        start = texts[doc].index(words)
        return {"start": start, "end": start + len(words)}

    def said(number, doc, speaker, entity, cue, content, via=(), channel=None):
        where = span(doc, content)
        return {"id": f"{doc}-a{number}", "document": doc, "speaker": speaker, "speaker_entity": entity, "cue": cue,
                "content": content, "kind": "indirect", "channel": channel, "via": list(via), **where,
                "spans": {"source": [span(doc, speaker)], "cue": [span(doc, cue)], "content": [where]}}

    army, bridge_rebels = "the army holds the Vessa bridge", "The bridge is in rebel hands"
    attributions = [
        said(1, "d1", "Colonel Ilse Maran", "e-maran", "said", "The army holds the Vessa bridge",
             channel="state radio"),
        said(1, "d2", "Colonel Ilse Maran", "e-maran", "said", army, via=["Lorne Wire"]),
        said(1, "d3", "Dagny Orel", "e-orel", "said", bridge_rebels),
        said(1, "d4", "a rebel spokesman", None, "told", bridge_rebels),
    ]
    entities = [
        {"id": "e-maran", "name": "Ilse Maran", "type": "person", "aliases": ["Colonel Ilse Maran"], "mentions": 2,
         "documents": ["d1", "d2"]},
        {"id": "e-orel", "name": "Dagny Orel", "type": "person", "aliases": [], "mentions": 1, "documents": ["d3"]},
    ]

    def member(a: dict) -> dict:
        return {"document": a["document"], "start": a["start"], "end": a["end"], "speaker": a["speaker"],
                "speaker_entity": a["speaker_entity"], "via": a["via"], "attribution": a["id"]}

    road = span("d1", "The valley road is closed to traffic.")
    claims = [
        {"id": 1, "text": "The army holds the Vessa bridge", "attributions": ["d1-a1", "d2-a1"],
         "documents": ["d1", "d2"], "independent_origins": 1, "members": [member(a) for a in attributions[:2]]},
        {"id": 2, "text": "The Vessa bridge is in rebel hands", "attributions": ["d3-a1", "d4-a1"],
         "documents": ["d3", "d4"], "independent_origins": 2, "members": [member(a) for a in attributions[2:]]},
        {"id": 3, "text": "The valley road is closed", "attributions": [], "documents": ["d1"],
         "independent_origins": 1, "members": [{"document": "d1", **road, "speaker": None, "speaker_entity": None,
                                                 "via": [], "attribution": None}]},
    ]
    copy = span("d2", "the army holds the Vessa bridge, Colonel Ilse Maran said. "
                      "The valley road is closed to all traffic.")
    origin = span("d1", "The army holds the Vessa bridge, Colonel Ilse Maran said on Monday, speaking on state radio. "
                        "The valley road is closed to traffic.")
    reuse = [{"origin": "d1", "copy": "d2", "origin_start": origin["start"], "origin_end": origin["end"],
              "copy_start": copy["start"], "copy_end": copy["end"], "similarity": 0.83, "directed": True,
              "origin_text": texts["d1"][origin["start"]:origin["end"]],
              "copy_text": texts["d2"][copy["start"]:copy["end"]]}]
    return {"documents": documents, "entities": entities, "attributions": attributions, "reuse": reuse,
            "claims": claims, "disputes": [{"a": 1, "b": 2, "reason": "who holds the Vessa bridge"}], "events": []}
