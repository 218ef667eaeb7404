"""Speaker resolution on invented sentences: a role noun or a pronoun goes to an antecedent it can name."""

from __future__ import annotations

from sitrep import nlp
from sitrep.attribution import document_attributions
from sitrep.settings import DEFAULT_SETTINGS


def _speakers(text: str) -> list[str]:
    doc = next(nlp.parse([text]))
    _, entity_of_token = nlp.document_entities("d", doc)
    return [a.speaker for a in document_attributions("d", doc, entity_of_token, DEFAULT_SETTINGS)]


def test_the_army_is_never_the_town_named_before_it():
    """Regression: "The army says it hit a command post" was credited to the town named in the headline."""
    speakers = _speakers("Shelling of Dravo market kills 23, says charity\n\nThe army says it hit a rebel command "
                         "post and killed seven fighters.")
    assert "Dravo" not in speakers and any(s and s.lower() == "the army" for s in speakers)


def test_a_role_noun_goes_to_the_entity_whose_name_holds_it():
    speakers = _speakers("The Lorin Foundation said the clinic had been hit. The foundation runs the field hospital "
                         "in Dravo, where it says 23 people died.")
    assert speakers and speakers[-1] == "Lorin Foundation"


def test_a_relative_pronoun_is_never_the_speaker():
    """Regression: "who", "which" and "that" were the commonest speakers: the pronoun, not the noun it stands for."""
    assert _speakers("Kael Brennick, who told reporters that the Front had no guns near the town, spoke "
                     "later.")[0] == "Kael Brennick"
    assert _speakers("The fighters were led by a commander who said that the town would fall soon.") == ["a commander"]
    assert _speakers("The captured fighters, who the Velmar Defence Ministry said included two officers, were held "
                     "there.") == ["Velmar Defence Ministry"]


def test_the_writers_we_is_never_the_outlet_cited_before_it():
    """Regression: "We will remind that…" after "As reported by Lorin.NET" was credited to "NET"."""
    speakers = _speakers("As reported by Lorin.NET with reference to the railway's channel. The depot was hit, the "
                         "railway said.\n\nWe will remind, that on April 7 the enemy struck the bridge near Dravo.")
    assert speakers == ["the railway"]
