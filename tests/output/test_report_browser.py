"""The report as a person sees it: rendered by Debian's headless Chromium, loaded from a file, with no network.

The seeds' dispute test needs the claims and disputes stages; the others hold on any build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SEEDS, document_key, normalise
from sitrep.output import browser, report


@pytest.fixture(scope="module")
def seeds_report(stories, tmp_path_factory) -> tuple[Path, dict]:
    story = stories("seeds")
    return report.write(story, tmp_path_factory.mktemp("seeds-report")), story


@pytest.fixture(scope="module")
def tab():
    with browser.page() as page:
        yield page


def _open(tab, path: Path) -> list[str]:
    """Load the page; return every URL it asked for."""
    requests: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    tab.on("request", record)
    tab.goto(path.resolve().as_uri(), wait_until="load")
    tab.wait_for_timeout(300)  # anything the scripts would fetch after load
    tab.remove_listener("request", record)
    return requests


def _doc_ids(story: dict) -> dict[str, str]:
    return {document_key(d): d["id"] for d in story["documents"]}


def test_the_page_makes_no_network_request_and_draws_its_timeline(tab, seeds_report):
    page, _ = seeds_report
    requests = _open(tab, page)
    assert [url for url in requests if url != page.resolve().as_uri() and not url.startswith("data:")] == []
    assert tab.evaluate("Chart.getChart(document.getElementById('timeline-chart')) !== undefined")


def test_the_reused_lavrov_passage_links_both_articles(tab, seeds_report):
    page, story = seeds_report
    ids = _doc_ids(story)
    _open(tab, page)
    group = tab.locator("#copies .copy-group", has_text="Lavrov told reporters at a press conference")
    assert group.count() == 1
    # where each link of the group lands: the article around its target
    landed = group.evaluate("""g => [...g.querySelectorAll('a[href^="#"]')].map(a => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        return target && target.closest('article') ? target.closest('article').id : null; })""")
    assert None not in landed
    assert {f"doc-{ids['001_3991509476a9b674.txt']}", f"doc-{ids['000_56839350167b82b9.txt']}"} <= set(landed)
    # following the copy's link lights the copied passage up in the copying article
    group.locator(".copy-link a", has_text="passage in the article").first.click()
    lit = tab.locator(f"#doc-{ids['000_56839350167b82b9.txt']} .text .hit")
    lit.first.wait_for()  # hashchange fires after the click returns
    assert "Lavrov told reporters at a press conference" in "".join(lit.all_inner_texts())


def test_the_dispute_about_control_of_panjshir_is_shown_with_both_sides(tab, seeds_report):
    page, story = seeds_report
    expected = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))
    (panjshir,) = [d for d in expected["disputes"] if d["topic"] == "control of Panjshir"]
    _open(tab, page)
    disputes = tab.locator("#disputes .dispute")
    sides = [[normalise(t) for t in disputes.nth(i).locator(".side").all_inner_texts()]
             for i in range(disputes.count())]
    a, b = normalise(panjshir["a"]["snippet"]), normalise(panjshir["b"]["snippet"])
    assert any((a in one and b in other) or (b in one and a in other) for one, other in sides), sides
    # each side's quoted sentence links into the article it comes from
    doc = _doc_ids(story)[panjshir["a"]["doc"]]
    for snippet in (panjshir["a"]["snippet"], panjshir["b"]["snippet"]):
        quote = disputes.locator("blockquote a", has_text=snippet).first
        target = quote.get_attribute("href")[1:]
        assert tab.evaluate("id => document.getElementById(id).closest('article').id", target) == f"doc-{doc}"


def test_a_script_tag_in_an_article_is_shown_as_text(tab, invented_story, tmp_path):
    page = report.write(invented_story, tmp_path)
    _open(tab, page)
    assert tab.evaluate("typeof window.pwned") == "undefined"
    article = tab.locator("#doc-d4")
    assert "<script>window.pwned=1</script> The bridge is in rebel hands" in article.locator(".text").inner_text()
    assert "Rebel post <script>window.pwned=1</script>" in article.locator("h3").inner_text()
