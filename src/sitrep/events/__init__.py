"""Events: what each article reports happened, where, when, with how many dead, according to whom
(`extract`, with its patterns as data in `patterns`; figures in `figures`, dates in `dates`, places in
`places`); `evaluation` measures them on MUC-4."""

from sitrep.events.extract import document_events

__all__ = ["document_events"]
