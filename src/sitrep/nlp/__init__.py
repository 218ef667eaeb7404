"""NLP: the spaCy model (`model`), and what one parsed document says by itself: its entities
(`entities`, name handling with the patterns in `patterns`) and its own-voice sentences (`statements`)."""

from sitrep.nlp.entities import document_entities
from sitrep.nlp.model import load, parse
from sitrep.nlp.statements import document_statements

__all__ = ["document_entities", "document_statements", "load", "parse"]
