"""The situation report rendered from an invented story (claims and disputes included): what each section
shows, that every link has a target, that article text is escaped, and the Markdown twin."""

from __future__ import annotations

import lxml.html
import markdown_it
import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.output import report


def _page(story: dict):
    return lxml.html.fromstring(report.html(story))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_a_dispute_shows_both_claims_side_by_side_with_who_through_whom_and_where(invented_story):
    (dispute,) = _page(invented_story).xpath('//section[@id="disputes"]//div[contains(@class, "dispute")]')
    assert "who holds the Vessa bridge" in _text(dispute)
    army, rebels = dispute.xpath('.//div[contains(@class, " side ") or starts-with(@class, "side ")]')
    assert "The army holds the Vessa bridge" in _text(army) and "Ilse Maran" in _text(army)
    assert "Lorne Wire" in _text(army)  # through whom
    assert "2 articles, 1 origin" in _text(army)
    assert "The Vessa bridge is in rebel hands" in _text(rebels) and "Dagny Orel" in _text(rebels)
    assert "2 independent origins" in _text(rebels)
    quotes = {a.text_content(): a.get("href") for a in army.xpath(".//blockquote/a")}
    assert quotes == {"The army holds the Vessa bridge": "#a-d1-a1", "the army holds the Vessa bridge": "#a-d2-a1"}
    assert {a.get("href") for a in army.xpath('.//a[starts-with(@href, "#doc-")]')} == {"#doc-d1", "#doc-d2"}


def test_claims_are_ordered_by_independent_origins_and_badged(invented_story):
    page = _page(invented_story)
    rows = page.xpath('//section[@id="claims"]//div[contains(@class, "claim-row")]')
    assert [r.xpath('.//p[@class="claim-text"]')[0].text for r in rows] == [
        "The Vessa bridge is in rebel hands", "The army holds the Vessa bridge"]
    assert [r.xpath('.//span[contains(@class, "badge")]')[0].text for r in rows] == [
        "2 independent origins", "2 articles, 1 origin"]
    assert [len(r.xpath('.//a[text()="disputed"]')) for r in rows] == [1, 1]
    # a background sentence (one article, no dispute) is not listed, but stays marked in its article
    assert "1 background sentence" in page.xpath('//section[@id="claims"]/p[@class="lede"]')[0].text_content()
    assert page.xpath('//article[@id="doc-d1"]//*[contains(@title, "The valley road is closed")]')


def test_every_link_of_the_page_has_its_target_and_ids_are_unique(invented_story):
    page = _page(invented_story)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = {href[1:] for href in page.xpath('//a/@href') if href.startswith("#")}
    assert targets and not targets - set(ids)
    assert not [href for href in page.xpath("//@href | //@src") if not href.startswith("#")]


def test_who_said_what_groups_attributions_by_speaker_entity(invented_story):
    page = _page(invented_story)
    cards = page.xpath('//section[@id="speakers"]//div[contains(@class, "speaker")]')
    maran = next(c for c in cards if c.xpath("./h3")[0].text.strip() == "Ilse Maran")
    rows = maran.xpath(".//table//tr[td]")
    assert len(rows) == 2
    assert [_text(r.xpath("./td")[3]) for r in rows] == ["state radio", ""]  # channel
    assert [_text(r.xpath("./td")[4]) for r in rows] == ["", "Lorne Wire → Colonel Ilse Maran"]  # chain


def test_a_copy_shows_its_origin_first_and_what_it_changed(invented_story):
    (group,) = _page(invented_story).xpath('//section[@id="copies"]//div[contains(@class, "copy-group")]')
    assert "Army holds bridge" in _text(group.xpath('.//div[contains(@class, "copy-origin")]')[0])
    (copy,) = group.xpath('.//div[@class="copy-link"]')
    assert [d.text for d in copy.xpath(".//del")] == ["on Monday, speaking on state radio"]
    assert [i.text for i in copy.xpath(".//ins")] == ["all "]


def test_word_diff_rebuilds_the_copy_and_ignores_quote_marks():
    pieces = report.word_diff("The valley, \"located\" north, is held.", "The valley “located” north is now held.")
    assert "".join(text for op, text in pieces if op != "del") == "The valley “located” north is now held."
    assert [(op, text.strip()) for op, text in pieces if op != "same"] == [("del", ","), ("del", ","), ("ins", "now")]


def test_article_text_is_escaped_with_its_highlights(invented_story):
    html = report.html(invented_story)
    assert "<script>window.pwned" not in html
    article = lxml.html.fromstring(html).get_element_by_id("doc-d4")
    text = article.xpath('.//div[@class="text"]')[0]
    assert text.text_content() == invented_story["documents"][3]["text"]
    assert "<script>window.pwned=1</script>" in article.xpath("./h3")[0].text
    said = text.xpath('.//span[contains(concat(" ", @data-m, " "), " a-d4-a1 ")]')
    assert {c for s in said for c in s.get("class").split()} >= {"source", "cue", "content"}


def test_overlapping_highlights_are_cut_into_pieces():
    html = str(report.highlight("a <b> c", [{"start": 0, "end": 5, "classes": "x", "anchor": "m1"},
                                            {"start": 2, "end": 7, "classes": "y", "anchor": "m2"}]))
    assert html == ('<span class="anchor" id="m1"></span><span class="x" data-m="m1" title="">a </span>'
                    '<span class="anchor" id="m2"></span><span class="x y" data-m="m1 m2" title="">&lt;b&gt;</span>'
                    '<span class="y" data-m="m2" title=""> c</span>')


def test_a_story_without_claims_or_dates_still_renders(invented_story):
    story = {**invented_story, "claims": [], "disputes": [], "reuse": [],
             "documents": [{**d, "published": None} for d in invented_story["documents"]]}
    page = _page(story)
    assert "No disputed claims were found." in _text(page.get_element_by_id("disputes"))
    assert "No claims have been extracted" in _text(page.get_element_by_id("claims"))
    assert "No article states its date." in _text(page.get_element_by_id("timeline"))
    assert not page.xpath('//canvas')


def test_markdown_report_escapes_text_and_links_into_the_page(invented_story):
    text = report.markdown(invented_story)
    assert "<script" not in text and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text
    disputes = text.split("## Disputes")[1].split("## Claims")[0]
    assert "who holds the Vessa bridge" in disputes and "2 independent origins" in disputes
    assert '"[the army holds the Vessa bridge](index.html#a-d2-a1)"' in disputes
    assert "~~on Monday, speaking on state radio~~" in text and "**all**" in text


def test_markdown_copy_diff_escapes_the_unchanged_words(invented_story):
    """The words a copy kept were written into report.md raw: a <script> in a copied passage went out as one."""
    documents = invented_story["documents"]
    hostile = "The army holds the <script>alert(1)</script> bridge & *the* [road]"
    texts = {"d1": hostile + " on Monday.", "d2": hostile + " now."}
    story = {**invented_story, "claims": [], "disputes": [], "attributions": [], "entities": [],
             "documents": [{**d, "text": texts[d["id"]]} for d in documents if d["id"] in texts],
             "reuse": [{"origin": "d1", "copy": "d2", "origin_start": 0, "origin_end": len(texts["d1"]),
                        "copy_start": 0, "copy_end": len(texts["d2"]), "similarity": 0.9, "directed": True,
                        "origin_text": texts["d1"], "copy_text": texts["d2"]}]}
    copies = report.markdown(story).split("## Copies")[1].split("## Timeline")[0]
    (line,) = [line for line in copies.splitlines() if line.startswith("- copy in")]
    assert "<script" not in line and "&lt;script&gt;alert(1)&lt;/script&gt; bridge &amp; \\*the\\* \\[road\\]" in line
    assert "~~on Monday~~ **now**" in line
    rendered = markdown_it.MarkdownIt("commonmark").render(report.markdown(story))
    assert "<script" not in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_report_command_writes_the_page_and_the_markdown(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "port.txt").write_text("Port shelled overnight\nUpdated: 03.14.26\n"
                                     "Rebels shelled the river port overnight, the regional governor said.\n")
    db, out = str(tmp_path / "story.db"), tmp_path / "report"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["report", "--db", db, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'index.html'}" in result.output
    page = (out / "index.html").read_text()
    assert "Port shelled overnight" in page and "Chart.js v" in page  # the charting library, inlined
    assert "Port shelled overnight" in (out / "report.md").read_text()


def test_a_missing_charting_library_stops_with_its_code(invented_story, tmp_path, monkeypatch):
    monkeypatch.setattr(report, "CHART_JS", tmp_path / "chart.umd.min.js")
    with pytest.raises(Exception, match=r"\[E006\].*make js"):
        report.write(invented_story, tmp_path / "report")
    assert not (tmp_path / "report").exists()


def test_an_articles_own_voice_and_a_denied_claim_are_not_called_unnamed_sources(invented_story):
    story = {**invented_story, "claims": [dict(c, members=[dict(m) for m in c["members"]])
                                          for c in invented_story["claims"]]}
    own, denied = story["claims"][0]["members"][:2]
    own.update(kind="narration", speaker=None, speaker_entity=None, attribution=None)
    denied.update(kind="denied", speaker=None, speaker_entity=None)
    (dispute,) = _page(story).xpath('//section[@id="disputes"]//div[contains(@class, "dispute")]')
    assert "the article (" in _text(dispute) and "reported in a denial" in _text(dispute)
    assert "unnamed source" not in _text(dispute)
