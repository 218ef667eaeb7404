"""Stories found in a stream (story.streams): which articles are about one story, whatever order they came in,
and a store built in batches that equals one built at once."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from conftest import CORPORA, EXAMPLES, SEEDS
from sitrep.cli import app
from sitrep.records import Document, Entity, StoryProfile
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.story.streams import grow_stories, name_key, passages, profile


def _profile(document: str, published: str | None, *names: str) -> StoryProfile:
    return StoryProfile(document, published, f"headline {document}", frozenset(names),
                        names=sum(not n.startswith("~") for n in names))


# Three stories: a siege in Dravik (a1–a3), a flood in Orsa (b1–b2), a strike in Dravik a month later (c1).
STREAM = [
    _profile("a1", "2026-03-01", "dravik", "varga", "highland council"),
    _profile("a2", "2026-03-02", "dravik", "varga"),
    _profile("a3", "2026-03-04", "varga", "highland council", "morvas"),
    _profile("b1", "2026-03-02", "orsa", "lindqvist"),
    _profile("b2", "2026-03-03", "orsa", "lindqvist", "red cross"),
    _profile("c1", "2026-04-10", "dravik", "varga"),
]


def _stories(fresh, known=(), settings=DEFAULT_SETTINGS):
    found, gone = grow_stories(list(fresh), list(known), settings)
    return {s.id: sorted(s.documents) for s in found}, gone


def test_articles_sharing_names_in_a_week_are_one_story_and_others_stay_apart():
    stories, gone = _stories(STREAM)
    assert sorted(stories.values()) == [["a1", "a2", "a3"], ["b1", "b2"], ["c1"]]  # c1: a month later
    assert gone == set()
    assert stories["Ta1"] == ["a1", "a2", "a3"]  # named after its earliest article


def test_the_stories_do_not_depend_on_the_order_the_articles_came_in():
    expected, _ = _stories(STREAM)
    for seed in range(5):
        shuffled = STREAM[:]
        random.Random(seed).shuffle(shuffled)
        assert _stories(shuffled)[0] == expected


def test_an_article_that_links_two_stories_merges_them_under_the_earlier_name():
    first = [_profile("x1", "2026-03-01", "dravik", "varga"), _profile("y1", "2026-03-02", "orsa", "lindqvist")]
    stories, _ = _stories(first)
    known = [StoryProfile(p.document, p.published, p.title, p.keys, story, p.names)
             for story, members in stories.items() for p in first if p.document in members]
    merged, gone = _stories([_profile("z1", "2026-03-03", "dravik", "varga", "orsa", "lindqvist")], known)
    assert merged == {"Tx1": ["x1", "y1", "z1"]} and gone == {"Ty1"}


def test_countries_capitals_and_agencies_are_no_evidence_of_one_story():
    assert name_key("Russia", "place") is None and name_key("Ukrainian", "place") is None
    assert name_key("Kyiv", "place") is None and name_key("the Russian Defence Ministry", "organisation") is None
    assert name_key("Ilyas Dorant Jr.", "person") == "dorant"
    document = Document("d1", "d1.txt", "text", outlet="Kestria Herald", cited_outlets=["Valley News"])
    entities = [Entity(f"e{n}", name, kind) for n, (name, kind) in enumerate(
        [("Reuters", "organisation"), ("Kestria Herald", "organisation"), ("Valley News", "organisation"),
         ("Russia", "place"), ("Dravik", "place")])]
    assert profile(document, entities).keys == {"dravik"}


def test_a_copied_passage_links_two_articles_whatever_their_names():
    report = ("Rebels shelled the river port overnight and three people were wounded, the regional governor said "
              "on Tuesday, adding that the harbour road was closed to traffic until further notice and that the "
              "ferry would not run.")
    copy = report.replace("closed to traffic", "closed to all traffic")
    assert passages(report) & passages(copy)
    assert not passages(report) & passages("A different report about a flood in the north, with other words in it, "
                                            "long enough to have fingerprints of its own for a test like this one.")
    stories, _ = _stories([_profile("p1", "2026-03-01", *passages(report)),
                           _profile("p2", "2026-05-01", *passages(copy))])  # months apart: a copy still links
    assert list(stories.values()) == [["p1", "p2"]]


def test_without_finding_stories_every_article_is_one_story():
    stories, _ = _stories(STREAM, settings=Settings(find_stories=False))
    assert list(stories.values()) == [["a1", "a2", "a3", "b1", "b2", "c1"]]


def test_the_seeds_are_one_story_and_the_example_corpus_two(stories):
    assert [len(s["documents"]) for s in stories("seeds")["stories"]] == [5]
    assert sorted(len(s["documents"]) for s in stories("examples")["stories"]) == [6, 12]


@pytest.mark.parametrize("corpus", ["examples", "seeds"])
def test_a_corpus_built_in_five_batches_exports_what_one_build_does(db, stories, corpus):
    """Incremental = full: each batch updates only the stories it touches; the export equals the export of the
    corpus built at once (into SQLite), and `sitrep rebuild` changes nothing; on SQLite and PostgreSQL."""
    files = sorted(str(path) for path in CORPORA[corpus][0].iterdir() if path.suffix != ".yaml")
    runner = CliRunner()
    for batch in range(5):
        result = runner.invoke(app, ["build", *files[batch::5], "--db", db])
        assert result.exit_code == 0, result.output
    once = stories(corpus)
    batched = json.loads(runner.invoke(app, ["export", "--db", db]).output)
    assert batched == once
    assert runner.invoke(app, ["rebuild", "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(app, ["export", "--db", db]).output) == once


def test_report_and_export_of_one_story_hold_only_its_articles(tmp_path):
    db, runner = str(tmp_path / "s.db"), CliRunner()
    assert runner.invoke(app, ["build", str(SEEDS), str(EXAMPLES / "tribune_sorvane_toll.txt"),
                               str(EXAMPLES / "northgate_sorvane_ferry.html"), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).output)
    assert sorted(len(s["documents"]) for s in listed) == [2, 5]
    small = next(s for s in listed if len(s["documents"]) == 2)
    story = json.loads(runner.invoke(app, ["export", "--db", db, "--story", small["id"]]).output)
    assert sorted(d["id"] for d in story["documents"]) == sorted(small["documents"])
    assert {m["document"] for c in story["claims"] for m in c["members"]} <= set(small["documents"])
    result = runner.invoke(app, ["report", "--db", db, "--story", small["id"], "--output", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "Sorvane" in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    missing = runner.invoke(app, ["report", "--db", db, "--story", "Tnope"])
    assert missing.exit_code == 2 and "[E021]" in missing.output


def test_a_name_with_a_capital_inside_it_is_still_evidence():
    """"Bekaa Valley" had been dropped as general (The Valley is Anguilla's capital), as had "Georgetown
    University"; a whole capital or a demonym opening the name still is general."""
    assert name_key("Bekaa Valley", "place") and name_key("Georgetown University", "organisation")
    assert name_key("the Kremlin", "organisation") is None and name_key("Ukraine's army", "organisation") is None


def test_spellings_of_one_transliterated_name_are_one_key():
    assert name_key("Pavlo Kyrylenko", "person") == name_key("Kirilenko", "person")
    assert name_key("Zelenskyy", "person") == name_key("Volodymyr Zelensky", "person")


def test_a_cited_organisation_that_is_no_outlet_stays_evidence_and_platforms_do_not():
    """The IAEA, read as a cited outlet, had been dropped from the article's names; a platform never counts."""
    document = Document("d1", "d1.txt", "text", cited_outlets=["IAEA", "Kyiv Independent"])
    entities = [Entity(f"e{n}", name, "organisation") for n, name in enumerate(["IAEA", "Kyiv Independent",
                                                                                 "Telegram"])]
    assert profile(document, entities).keys == {"iaea"}


def test_rebuild_takes_settings_and_refuses_an_unknown_one(tmp_path):
    db, runner = str(tmp_path / "s.db"), CliRunner()
    files = [str(EXAMPLES / "tribune_sorvane_toll.txt"), str(EXAMPLES / "northgate_sorvane_ferry.html"),
             str(EXAMPLES / "ledger_bridge_rebels_deny.txt")]
    assert runner.invoke(app, ["build", *files, "--db", db]).exit_code == 0
    assert "2 stories" in runner.invoke(app, ["rebuild", "--db", db]).output
    assert "1 stories" in runner.invoke(app, ["rebuild", "--db", db, "--setting", "find_stories=false"]).output
    refused = runner.invoke(app, ["rebuild", "--db", db, "--setting", "no_such=1"])
    assert refused.exit_code == 2 and "[E009]" in refused.output


def test_letters_doubled_by_folding_a_spelling_fold_too():
    """"Zaporizhzhia" folded "zh" after doubled letters had been collapsed, and stayed "zaporizzia" while
    "Zaporizhia" became "zaporizia"."""
    assert name_key("Zaporizhzhia", "place") == name_key("Zaporizhia", "place")
