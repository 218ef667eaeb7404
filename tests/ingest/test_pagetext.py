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


# Ads, sign-up boxes, author boxes and readers' letters in a plain-text page dump: each is dropped, the article
# kept whole (a story about the valley town of Velmar, invented).
@pytest.mark.parametrize("lines", [
    pytest.param([*STORY, "Advertisement", "Brenmark Telecom: fibre broadband for 24.99 a month", "Related stories",
                  "Grain prices climb in the north"], id="ad-under-an-advertisement-label-below-the-article"),
    pytest.param([*STORY[:2], "Advertisement", "Holiday flats on the coast from $49, book now", *STORY[2:]],
                 id="offer-under-an-advertisement-label-inside-the-article"),
    pytest.param([*STORY, "Most read", "Storm closes the coast road", "Garden centre spring sale: 30% off",
                  "Comments are closed."], id="offer-line-between-furniture-below-the-article"),
    pytest.param([*STORY, "Newsletter", "Sign up for the Courier's weekly valley briefing, every Monday."],
                 id="newsletter-sign-up-line-below-the-article"),
    pytest.param([*STORY, "Sign up for our morning email and get the day's top stories before you leave home."],
                 id="sign-up-line-of-body-length-below-the-article"),
])
def test_ad_and_offer_lines_are_dropped(lines):
    assert clean_page("\n".join(lines)).paragraphs == STORY


def test_author_box_naming_the_outlets_correspondent_is_dropped():
    page = [*STORY, "Mara Vesk is the Courier's northern correspondent.", "More from the Courier",
            "Storm closes the coast road"]
    assert clean_page("\n".join(page)).paragraphs == STORY


@pytest.mark.parametrize("opener", ["Reader letters", "Comments (2)", "Letters to the editor", "What readers say"])
def test_readers_letters_below_the_article_are_dropped(opener):
    page = [*STORY, opener,
            '"The bridge was our only way to the market, and now it is gone." - a reader in the valley',
            "Arno K.: I drove across it every week for twenty years and never thought it would fall.",
            "Newsletter", "(c) 2026 Valley Courier"]
    assert clean_page("\n".join(page)).paragraphs == STORY


def test_a_comment_counter_inside_the_article_cuts_nothing():
    page = [STORY[0], "Comments (14)", *STORY[1:]]
    assert clean_page("\n".join(page)).paragraphs == STORY


@pytest.mark.parametrize("line", [
    pytest.param("Flour now costs $3 a bag in Velmar", id="a-heading-with-a-price-after-an-ad-label"),
    pytest.param("Bread now costs $3 a loaf in Velmar, traders said.", id="a-short-sentence-with-a-price"),
])
def test_a_price_in_the_article_after_an_ad_label_is_kept(line):
    page = [*STORY[:2], "Advertisement", line, *STORY[2:]]
    assert line in clean_page("\n".join(page)).paragraphs


def test_amounts_in_a_text_wrapped_at_a_fixed_width_are_kept():
    # one sentence on a line of its own, then lines cut at a fixed width: none of these ends a sentence
    wrapped = ["VELMAR, 4 MAY 26 -- GOVERNMENT TROOPS ENTERED THE NORTHERN TOWN OF VELMAR TODAY.",
               "THE ARMY SAID THE WEEK OF SHELLING HAD COST THE MILITIA DEARLY AND",
               "DESTROYED WEAPONS AND SUPPLIES WORTH MORE THAN $40 MILLION, WHILE AID",
               "AGENCIES SAID THE TOWN NEEDED $250,000 OF FOOD AND MEDICINE EVERY WEEK",
               "AND ASKED FOR A CORRIDOR."]
    assert clean_page("\n".join(wrapped)).paragraphs == wrapped


def test_a_byline_ending_in_a_date_is_no_article_text():
    page = ["Troops enter Velmar after week of shelling", "By Mara Vesk | May 4, 2026", *STORY]
    result = clean_page("\n".join(page))
    assert result.paragraphs == STORY
    assert "By Mara Vesk | May 4, 2026" in [line.text for line in result.lines[:result.head_end]]
