"""Text reuse on invented articles: a copied text is reuse, a stock line two unrelated stories share is not."""

from __future__ import annotations

from sitrep.records import Document
from sitrep.story import find_reuse

WIRE = ("Shells struck the fish market in Sorla on Tuesday, killing nine people, the health ministry said. "
        "The ministry blamed the Ostrak Front, which denied any part in the attack. ")
STOCK = "Reuters could not independently verify the reports."


def test_a_copied_passage_is_reuse():
    found = find_reuse([Document("a", "a.txt", WIRE + STOCK), Document("b", "b.txt", "Sorla. " + WIRE)])
    assert [(r.origin, r.copy) for r in found] in ([("a", "b")], [("b", "a")])


def test_two_stories_that_share_only_a_stock_line_are_not_reuse():
    """Regression: the wire's stock disclaimer linked articles about two unrelated strikes as copies."""
    other = "Drones hit the ferry terminal in Velmar on Friday, the governor said, and three boats sank. "
    assert find_reuse([Document("a", "a.txt", WIRE + STOCK), Document("b", "b.txt", other + STOCK)]) == []
