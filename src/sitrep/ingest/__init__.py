"""Ingest: input files → raw documents (`files`) → clean documents with their metadata (`extract`:
`pagetext` finds the article in the page, `metadata` reads dates, outlets and credits, `language`
marks languages). Page patterns are data in `patterns`."""

from sitrep.ingest.extract import extract
from sitrep.ingest.files import expand_inputs, read_file

__all__ = ["expand_inputs", "extract", "read_file"]
