"""Clean text and metadata against what an analyst found in the seeds and in the example corpus."""

from __future__ import annotations

import pytest

from conftest import document_key, normalise


def _documents(story):
    return {document_key(d): d for d in story["documents"]}


def _each_expected(corpus):
    name, story, expected = corpus
    found = _documents(story)
    for key, wanted in expected["documents"].items():
        assert key in found, f"{name}: {key} was not built (have {sorted(found)})"
        yield key, wanted, found[key]


def test_every_expected_document_is_built(corpus):
    assert list(_each_expected(corpus))


def test_page_furniture_is_dropped_and_article_kept(corpus):
    for key, wanted, document in _each_expected(corpus):
        text = normalise(document["text"])
        for junk in wanted.get("must_drop", []):
            assert normalise(junk) not in text, f"{key}: kept junk {junk!r}"
        for sentence in wanted.get("must_keep", []):
            assert normalise(sentence) in text, f"{key}: lost {sentence!r}"


def _title(value):
    return normalise(value) if value else None


def _outlet(value):
    return normalise(value).removeprefix("the ") if value else None


def _as_is(value):
    return value


@pytest.mark.parametrize("field, compared_as", [
    pytest.param("title", _title, id="titles"),
    pytest.param("outlet", _outlet, id="outlets"),
    pytest.param("credits", sorted, id="wire-credits"),
    pytest.param("language", _as_is, id="languages"),
])
def test_document_field_is_what_the_analyst_found(corpus, field, compared_as):
    for key, wanted, document in _each_expected(corpus):
        if field in wanted:
            assert compared_as(document[field]) == compared_as(wanted[field]), key


def test_publication_dates_are_stated_never_guessed(corpus):
    for key, wanted, document in _each_expected(corpus):
        if "published" in wanted:
            assert document["published"] == wanted["published"], key
        if "must_not_be_published" in wanted:
            assert document["published"] != str(wanted["must_not_be_published"]), key


def test_cited_outlets(corpus):
    for key, wanted, document in _each_expected(corpus):
        found = {_outlet(o) for o in document["cited_outlets"]}
        for outlet in wanted.get("cited_outlets", []):
            assert _outlet(outlet) in found, f"{key}: {outlet!r} not in {document['cited_outlets']}"


def test_seed_000_is_not_dated_by_the_post_glued_below_it(corpus):
    name, story, _ = corpus
    if name != "seeds":
        return
    document = _documents(story)["000_56839350167b82b9.txt"]
    assert document["published"] != "2025-04-23"


def test_offsets_of_foreign_paragraphs_point_into_the_text(corpus):
    _, story, _ = corpus
    for document in story["documents"]:
        for span in document["foreign"]:
            piece = document["text"][span["start"]:span["end"]]
            assert piece and "\n" not in piece and span["language"] != document["language"]
