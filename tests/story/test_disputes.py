"""Disputes between claims, and changes over time that are not disputes."""

from __future__ import annotations

from sitrep.records import Document, Span

from .inputs import attribution, claims_and_disputes, documents_of


def test_different_death_tolls_for_one_strike_are_a_dispute_under_one_claim():
    a = "At least 23 people were killed when shells struck the market in Velmar on Wednesday, the charity said."
    b = ("The ministry said seven fighters were killed when its shells struck a post near the market in Velmar "
         "on Wednesday.")
    documents = documents_of("a", text=a) + documents_of("b", text=b)
    documents[1].text = b
    attributions = [attribution("a", 1, a, a[:a.index(", the charity")], "charity"),
                    attribution("b", 1, b, b[b.index("seven"):-1], "ministry")]
    claims, disputes = claims_and_disputes(documents, attributions)
    parent = next(c for c in claims if len(c.documents) == 2 and c.parent is None)
    assert parent.independent_origins == 2
    assert any(d.reason.startswith("different figures") for d in disputes)


def _held_then_taken(first_date, second_date):
    a = "The mayor said the town of Velmar still holds and has not fallen to the rebels."
    b = "Rebel fighters captured the town of Velmar on Saturday, the Velmar council said."
    documents = [Document("a", "a.txt", a, published=first_date), Document("b", "b.txt", b, published=second_date)]
    attributions = [attribution("a", 1, a, a[a.index("the town"):-1], "mayor"),
                    attribution("b", 1, b, b[:b.index(", the Velmar")], "council")]
    return claims_and_disputes(documents, attributions)[1]


def test_held_out_then_taken_is_a_change_over_time_not_a_dispute():
    assert not _held_then_taken("2026-03-01", "2026-05-02")


def test_taken_then_denied_is_a_dispute():
    assert any(d.reason.startswith("exclusive outcomes") for d in _held_then_taken("2026-05-02", "2026-05-02"))


def test_two_narrations_at_odds_are_not_a_dispute():
    a = "The town of Velmar still holds and has not fallen to the rebels of the Orsa Front."
    b = "Rebels of the Orsa Front captured the town of Velmar on Saturday."
    documents = [Document("a", "a.txt", a), Document("b", "b.txt", b)]
    statements = {"a": [Span(0, len(a))], "b": [Span(0, len(b))]}
    assert not claims_and_disputes(documents, [], statements)[1]


def test_a_bare_denial_is_not_a_dispute_with_its_own_words():
    # "X denied striking the station": once shown as "striking the station" against itself.
    text = "The ministry denied striking the railway station in Velmar."
    said = [attribution("a", 1, text, "striking the railway station in Velmar", "ministry", cue="denied")]
    assert not claims_and_disputes(documents_of("a", text=text), said)[1]


def test_a_denial_that_gives_its_own_account_is_a_dispute():
    text = ("The Council denied earlier claims of being pushed back, saying the rebel fighters had been routed "
            "at the bridge.")
    said = [attribution("a", 1, text, "earlier claims of being pushed back", "Council", cue="denied"),
            attribution("a", 2, text, "the rebel fighters had been routed at the bridge", "Council", cue="saying")]
    assert [d.kind for d in claims_and_disputes(documents_of("a", text=text), said)[1]] == ["denial"]


def _tolls(a_text: str, b_text: str, a_speaker="charity", b_speaker="ministry", a_date=None, b_date=None):
    documents = [Document("a", "a.txt", a_text, published=a_date), Document("b", "b.txt", b_text, published=b_date)]
    said = [attribution("a", 1, a_text, a_text[:-1], a_speaker), attribution("b", 1, b_text, b_text[:-1], b_speaker)]
    return [d for d in claims_and_disputes(documents, said)[1] if d.kind == "figures"]


STRIKE = " people were killed when shells struck the market in Velmar on Wednesday."


def test_two_lower_bounds_of_a_toll_are_not_a_dispute():
    assert not _tolls("At least 30" + STRIKE, "More than 52" + STRIKE)


def test_a_source_revising_its_own_toll_is_not_a_dispute():
    assert not _tolls("30" + STRIKE, "52" + STRIKE, b_speaker="charity")


def test_tolls_reported_months_apart_are_not_a_dispute():
    assert _tolls("30" + STRIKE, "52" + STRIKE, a_date="2026-04-08", b_date="2026-04-09")
    assert not _tolls("30" + STRIKE, "52" + STRIKE, a_date="2026-04-08", b_date="2027-02-01")


def test_not_knowing_about_an_attack_does_not_deny_it():
    """Regression: "had no first-hand information about the attack" was set against the attack as its denial."""
    text = ("The ministry said rebel units attacked the prison camp in Velmar on Friday night. A UN spokesman said "
            "he did not yet have first-hand information about the attack.")
    documents = [Document("a", "a.txt", text, published="2026-05-02")]
    attributions = [attribution("a", 1, text, "rebel units attacked the prison camp in Velmar on Friday night",
                                "ministry"),
                    attribution("a", 2, text, "he did not yet have first-hand information about the attack",
                                "spokesman")]
    assert not claims_and_disputes(documents, attributions)[1]


def test_figures_of_unknown_date_that_name_no_common_day_are_not_a_dispute():
    """Regression: undated reports of a source's first and revised toll (75, then 73 wounded) were listed as
    sources disagreeing; with no date and no day named in common, they may be a revision."""
    a = "The ministry said 75 people were wounded in the strike on the prison camp in Velmar."
    b = "The charity said 73 people were wounded in the strike on the prison camp in Velmar."
    documents = documents_of("a", text=a) + documents_of("b", text=b)
    documents[1].text = b
    attributions = [attribution("a", 1, a, a[a.index("75"):-1], "ministry"),
                    attribution("b", 1, b, b[b.index("73"):-1], "charity")]
    assert not [d for d in claims_and_disputes(documents, attributions)[1] if d.kind == "figures"]
