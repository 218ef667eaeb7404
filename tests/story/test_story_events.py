"""Story events built by the whole pipeline from a small invented story (JSON Lines records with their
dates and outlets): one strike reported by five articles (a wire story and its copy, a toll its source
revises upward the next day, the other side's own count, a denial of the blame that points back with "the
claims"), a second strike on the same town a week later, and a ceasefire."""

from __future__ import annotations

import json

import pytest

from conftest import build_story
from sitrep.records import Event, EventActor, EventMention
from sitrep.story.versions import story_events

WIRE = ("Artillery shells struck the fish market in Sorla on Tuesday, killing at least 9 civilians, the Vendrian "
        "health ministry said. The ministry blamed the Ostrak Front for the attack. Sorla, a port of 60,000 "
        "people, has been besieged since April. AFP could not independently verify the toll.")
ARTICLES = [
    {"url": "https://wire.example/sorla-market", "outlet": "Wire Example", "published": "2031-06-03",
     "title": "Shelling of Sorla fish market kills 9", "text": WIRE},
    {"url": "https://copy.example/sorla", "outlet": "Copy Example", "published": "2031-06-03",
     "title": "Nine killed as shells hit Sorla market (AFP)",
     "text": WIRE + " Residents said the market had been crowded with shoppers."},
    {"url": "https://later.example/sorla-toll", "outlet": "Later Example", "published": "2031-06-04",
     "title": "Sorla market toll rises to 14",
     "text": "The number of people killed when shells struck the fish market in Sorla on Tuesday has risen to 14, "
             "the Vendrian health ministry said on Wednesday. The Ostrak Front rejected the claims, saying its "
             "fighters had not fired on the town."},
    {"url": "https://front.example/sorla", "outlet": "Front Example", "published": "2031-06-03",
     "title": "Front says only fighters died in Sorla",
     "text": "The Ostrak Front said on Tuesday that the shelling of Sorla had hit an army depot beside the fish "
             "market and that only 2 soldiers were killed."},
    {"url": "https://week.example/sorla-bakery", "outlet": "Week Example", "published": "2031-06-10",
     "title": "Bakery in Sorla shelled",
     "text": "Shells struck a bakery in Sorla's old quarter on Tuesday, killing 3 people, the Vendrian health "
             "ministry said. It was the second deadly strike on the port in a week."},
    {"url": "https://truce.example/sorla", "outlet": "Truce Example", "published": "2031-06-20",
     "title": "Truce agreed",
     "text": "The Vendrian government and the Ostrak Front agreed on Friday to a ceasefire around Sorla, after "
             "talks in a neighbouring country."},
]


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sorla")
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for article in ARTICLES:
            out.write(json.dumps(article) + "\n")
    return build_story(folder, tmp_path_factory.mktemp("db") / "story.db")


def _document(story: dict, url: str) -> str:
    return next(d["id"] for d in story["documents"] if d["url"] == url)


def _holding(story: dict, url: str, words: str) -> list[dict]:
    """The story events with a mention of that article that holds those words."""
    document = _document(story, url)
    return [e for e in story["story_events"]
            if any(m["document"] == document and words in m["text"] for m in e["mentions"])]


def _market_strike(story: dict) -> dict:
    found = _holding(story, "https://wire.example/sorla-market", "killing at least 9")
    assert len(found) == 1
    return found[0]


def test_the_reports_of_one_strike_are_one_story_event(story):
    strike = _market_strike(story)
    urls = {d["url"] for d in story["documents"] if d["id"] in strike["documents"]}
    assert {"https://wire.example/sorla-market", "https://copy.example/sorla",
            "https://later.example/sorla-toll"} <= urls


def test_a_strike_on_the_same_town_a_week_later_is_another_event(story):
    bakery = _holding(story, "https://week.example/sorla-bakery", "bakery")
    assert bakery and all(e["id"] != _market_strike(story)["id"] for e in bakery)


def test_a_copy_of_the_wire_story_is_no_second_origin(story):
    strike = _market_strike(story)
    wire, copy = _document(story, "https://wire.example/sorla-market"), _document(story, "https://copy.example/sorla")
    origins = {v["document"]: v["origin"] for v in strike["versions"] if v["slot"] == "killed"}
    assert origins[wire] == origins[copy]


def test_a_toll_its_source_revises_upward_is_no_dispute_and_the_latest_figure_is_best(story):
    strike = _market_strike(story)
    reasons = [d["reason"] for d in strike["disputes"] if d["kind"] == "casualties"]
    assert not any("9" in r and "14" in r for r in reasons), reasons
    fatalities = strike["fatalities"]
    assert (fatalities["low"], fatalities["best"], fatalities["high"]) == (2, 14, 14)  # low: the other side's 2
    revised = [f for f in fatalities["figures"] if f["best"] == 9 and f["speaker"]]
    assert revised and not any(f["current"] for f in revised)


def test_the_other_sides_count_of_the_same_day_is_a_casualties_dispute(story):
    strike = _market_strike(story)
    reasons = [d["reason"] for d in strike["disputes"] if d["kind"] == "casualties"]
    assert any("2" in r and "9" in r for r in reasons), reasons


def test_a_denial_of_the_blame_is_a_responsibility_dispute(story):
    strike = _market_strike(story)
    blamed = {v["value"] for v in strike["versions"] if v["slot"] == "responsibility"}
    assert any("Ostrak" in b and not b.startswith("not ") for b in blamed), blamed
    assert any(d["kind"] == "responsibility" for d in strike["disputes"]), strike["disputes"]


def test_the_parties_to_an_agreement_are_not_blamed_for_it(story):
    truce = _holding(story, "https://truce.example/sorla", "ceasefire")
    assert truce
    assert not [v for e in truce for v in e["versions"] if v["slot"] == "responsibility"]


def test_responsibility_is_shown_by_name_not_by_key(story):
    values = [v["value"] for e in story["story_events"] for v in e["versions"] if v["slot"] == "responsibility"]
    assert values and all(v.removeprefix("not ")[:1].isupper() for v in values), values


def test_one_sentence_in_two_events_of_an_article_makes_two_story_events_with_their_own_ids():
    """Regression: a sentence mentioning two events of its article (a capture and the killings in it) gave
    both story events the same id, and the store refused the build (UNIQUE constraint failed)."""
    mention = EventMention(document="d", start=0, end=22, text="Fighters took the town", speaker=None,
                           speaker_entity=None, via=[], attribution=None, status="happened", hedged=False)
    events = [Event(id=f"d-v{n}", document="d", type=kind, sub_type="", status="happened", date=None,
                    time_precision=None, place=None, mentions=[mention])
              for n, kind in ((1, "Battles"), (2, "Strategic developments"))]
    found, _ = story_events(events, [], [], [])
    assert len({e.id for e in found}) == len(found) == 2


def _responsibility(text: str, speaker: str, actor1: str, kind: str = "Violence against civilians") -> list[str]:
    """The responsibility versions of a one-mention story event whose article names `actor1` as its actor."""
    mention = EventMention(document="d", start=0, end=len(text), text=text, speaker=speaker, speaker_entity=None,
                           via=[], attribution="d-a1", status="happened", hedged=False)
    event = Event(id="d-v1", document="d", type=kind, sub_type="Attack", status="happened", date=None,
                  time_precision=None, place=None, actors=[EventActor("actor1", actor1, None)], mentions=[mention])
    (found,), _ = story_events([event], [], [], [])
    return [v.value for v in found.versions if v.slot == "responsibility"]


def test_a_side_is_not_its_own_accuser():
    """Regression: a Vendrian official's words naming Vendria (the event's actor in another mention) made
    Vendria blame Vendria."""
    blamed = _responsibility("Vendria's prosecutor said the blast at the prison was staged", "Vendrian officials",
                             "Vendria", "Explosions/Remote violence")
    assert not [b for b in blamed if not b.startswith("not ")]


def test_the_victims_demonym_is_not_blamed():
    """Regression: "Ukrainian prisoners … were killed" made a prosecutor blame Ukraine, the event's actor1 in
    another mention."""
    assert not _responsibility("Vendrian prisoners of war in the camp were likely killed with thermobaric weapons",
                               "the prosecutor", "Vendrian")
