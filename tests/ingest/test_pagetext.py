"""Finding the article in a flattened page: general mechanisms on pages the seeds never show."""

from __future__ import annotations

import pytest

from sitrep.ingest.pagetext import clean_page

STORY = [
    "Government troops entered the northern town of Velmar on Friday after a week of shelling, the army said.",
    "Residents who fled to the hills described fires in the market and said the bridge over the river had been cut.",
    "The army spokesman said the militia had withdrawn toward the mountains and that patrols would continue overnight.",
    "Aid agencies asked both sides to open a corridor so that food and medicine could reach the town.",
]
UNRELATED = [
    "The city orchestra announced its spring season, opening with a programme of Baroque concertos and choral works.",
    "Tickets for the concert series go on sale next month, and students can apply for discounted subscriptions online.",
    "The conductor said the orchestra would also tour three coastal resorts during the summer festival season.",
]


def test_unrelated_article_glued_below_is_cut_at_the_topic_break():
    page = "\n".join(["Troops enter Velmar after week of shelling", *STORY, "Source: Valley Courier",
                      "More from our site", "Culture", "Orchestra unveils spring...", "- May 4, 2026", *UNRELATED])
    result = clean_page(page)
    assert result.title == "Troops enter Velmar after week of shelling"
    assert result.paragraphs == STORY
    kept = [line.text for line in result.lines]
    assert "Source: Valley Courier" in kept and "- May 4, 2026" not in kept


def test_same_topic_after_a_caption_is_not_cut():
    more = ["Velmar lies on the river road to the mountains, and the town market serves the villages of the valley.",
            "The militia had held the town and its bridge since the spring, and the army shelled it for a week."]
    page = "\n".join([*STORY, "A burned market stall in Velmar (Photo: Reuters)", *more])
    assert clean_page(page).paragraphs == STORY + more


def test_a_caption_repeated_on_the_page_is_dropped():
    caption = "Smoke rises over the river district"
    page = "\n".join(["Troops enter Velmar after week of shelling", caption, *STORY[:2], caption, *STORY[2:]])
    result = clean_page(page)
    assert caption not in result.paragraphs and result.title.startswith("Troops")


def test_masthead_above_the_headline_is_not_the_title():
    page = "\n".join(["Menu", "Valley Courier", "Troops enter Velmar after week of shelling", *STORY])
    result = clean_page(page)
    assert (result.masthead, result.title) == ("Valley Courier", "Troops enter Velmar after week of shelling")


def test_page_that_opens_with_prose_has_no_title():
    assert clean_page("\n".join(STORY)).title is None


def test_masthead_is_not_left_in_the_article_text():
    page = "\n".join(["Valley Courier", "Troops enter Velmar after week of shelling", *STORY])
    assert "Valley Courier" not in clean_page(page).paragraphs


def test_flattened_menu_line_is_not_the_title():
    page = "\n".join(["World   Politics   Business   Sports", "Troops enter Velmar after week of shelling", *STORY])
    assert clean_page(page).title == "Troops enter Velmar after week of shelling"


@pytest.mark.parametrize("lines", [
    pytest.param([*STORY, "Reporter, photographer and traveller. She writes about the valley and its people.",
                  "Leave a comment"], id="author-bio-at-the-end"),
    pytest.param(["Share on Facebook Share on Twitter", *STORY, "Subscribe to our newsletter for daily updates",
                  "We use cookies to improve your experience.", "3 Comments"], id="share-and-prompt-lines"),
    pytest.param([*STORY, "Related articles", "Who are the valley militias?", "Grain prices climb in the north"],
                 id="headlines-listed-under-related-articles"),
    pytest.param([*STORY[:2], "Soldiers on the bridge at Velmar", "(Photo: Reuters)", *STORY[2:]],
                 id="caption-line-above-a-bare-photo-credit"),
    pytest.param([*STORY, "About the author",
                  "Mara Lind covers the northern provinces for the Valley Courier. She lives in the capital.",
                  "Share this:"], id="bio-under-about-the-author-even-above-other-content"),
])
def test_page_furniture_around_the_article_is_dropped(lines):
    assert clean_page("\n".join(lines)).paragraphs == STORY
