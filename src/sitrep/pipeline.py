"""Run the stages over a set of inputs: ingest → extract → nlp → entities → attribution → store,
then reuse across the whole stored corpus.

Documents go through the spaCy pipeline in small batches (it is faster on several texts at once);
each document is then written with everything found in it, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sitrep import nlp
from sitrep.attribution import document_attributions
from sitrep.nlp.entities import document_entities
from sitrep.errors import InputProblem
from sitrep.ingest.extract import extract
from sitrep.ingest.files import expand_inputs, read_file
from sitrep.records import (
    Document,
    DocumentAnalysis,
    InputFailure,
    RawDocument,
    SkippedFile,
)
from sitrep.story.reuse import find_reuse
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.nlp.statements import document_statements
from sitrep.store import Store
from sitrep.story import analyse_story


@dataclass
class BuildReport:
    added: int = 0
    unchanged: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    on_problem: Callable[[InputFailure | SkippedFile], None] = field(default=lambda problem: None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.failures


def input_files(inputs: list[str]) -> list[str | InputFailure]:
    return list(expand_inputs(inputs))


def analyse(documents: list[Document], model: str = DEFAULT_SETTINGS.model) -> Iterator[DocumentAnalysis]:
    """The NLP stages for a batch of documents: parse, entities, attributions."""
    for document, doc in zip(documents, nlp.parse([d.text for d in documents], model)):
        found, by_token = document_entities(document.id, doc)
        attributions = document_attributions(document.id, doc, by_token)
        yield DocumentAnalysis(document, found, attributions, document_statements(doc, attributions))


def build(files: list[str | InputFailure], store: Store, inputs: list[str] | None = None,
          settings: Settings = DEFAULT_SETTINGS,
          on_file: Callable[[str], None] = lambda path: None,
          on_problem: Callable[[InputFailure | SkippedFile], None] = lambda problem: None,
          on_stage: Callable[[str], None] = lambda stage: None) -> BuildReport:
    """Add every article found in `files` to `store`; bad inputs are recorded, never fatal.

    `on_file` hears of each file read, `on_problem` of each failure or skipped file as it happens,
    `on_stage` of each whole-corpus stage as it starts."""
    report = BuildReport(on_problem=on_problem)
    build_id = store.start_build(inputs if inputs is not None else [str(f) for f in files])
    pending: list[Document] = []
    seen: set[str] = set()
    for path in files:
        items = [path] if isinstance(path, InputFailure) else list(read_file(path, settings))
        for item in items:
            if isinstance(item, SkippedFile):
                report.skipped.append(item)
                on_problem(item)
            elif isinstance(item, InputFailure):
                _record_failure(store, build_id, report, item)
            elif item.id in seen or store.has_document(item.id):
                report.unchanged += 1
            else:
                seen.add(item.id)
                document = _extract(item, settings)
                if isinstance(document, InputFailure):
                    _record_failure(store, build_id, report, document)
                else:
                    pending.append(document)
        if len(pending) >= settings.nlp_batch:
            _analyse_and_store(pending, store, build_id, settings, report)
            pending = []
        on_file(path if isinstance(path, str) else path.path)
    _analyse_and_store(pending, store, build_id, settings, report)
    on_stage("finding reused passages")
    documents = list(store.documents())
    reused = find_reuse(documents, settings)
    store.replace_reuse(reused)
    on_stage("merging entities, grouping claims, finding disputes")
    store.replace_story(analyse_story(documents, list(store.entities()), list(store.attributions()),
                                      store.statements(), reused, settings))
    store.finish_build(build_id, report.added, report.unchanged, len(report.failures))
    return report


def _extract(raw: RawDocument, settings: Settings) -> Document | InputFailure:
    try:
        return extract(raw, settings)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a build of many
        return _failure(raw.path, raw.url, exc)


def _analyse_and_store(documents: list[Document], store: Store, build_id: int, settings: Settings,
                       report: BuildReport) -> None:
    try:
        analysed = list(analyse(documents, settings.model))
    except Exception:  # noqa: BLE001 - find the document that broke the batch, keep the others
        analysed = []
        for document in documents:
            try:
                analysed += analyse([document], settings.model)
            except Exception as exc:  # noqa: BLE001
                _record_failure(store, build_id, report, _failure(document.path, document.url, exc))
    for analysis in analysed:
        if store.add_document(analysis, build_id):
            report.added += 1
        else:
            report.unchanged += 1


def _failure(path: str, url: str | None, exc: Exception) -> InputFailure:
    where = f"{path}#{url}" if url else path
    problem = InputProblem.EXTRACTION_FAILED
    return InputFailure(where, problem.code, problem.format_for(where, detail=f"{type(exc).__name__}: {exc}"))


def _record_failure(store: Store, build_id: int, report: BuildReport, failure: InputFailure) -> None:
    report.failures.append(failure)
    store.add_failure(build_id, failure)
    report.on_problem(failure)
