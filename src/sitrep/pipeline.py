"""Run the stages over a set of inputs: ingest → extract → store, one document at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.errors import InputProblem
from sitrep.extract import extract
from sitrep.ingest import expand_inputs, read_file
from sitrep.records import InputFailure, RawDocument, SkippedFile
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.store import Store


@dataclass
class BuildReport:
    added: int = 0
    unchanged: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def input_files(inputs: list[str]) -> list[str | InputFailure]:
    return list(expand_inputs(inputs))


def build(files: list[str | InputFailure], store: Store, inputs: list[str] | None = None,
          settings: Settings = DEFAULT_SETTINGS,
          on_file: Callable[[str, list[object]], None] = lambda path, items: None) -> BuildReport:
    """Add every article found in `files` to `store`; bad inputs are recorded, never fatal."""
    report = BuildReport()
    build_id = store.start_build(inputs if inputs is not None else [str(f) for f in files])
    for path in files:
        items = [path] if isinstance(path, InputFailure) else list(read_file(path, settings))
        for item in items:
            if isinstance(item, SkippedFile):
                report.skipped.append(item)
            elif isinstance(item, InputFailure):
                _record_failure(store, build_id, report, item)
            else:
                _build_one(item, store, build_id, settings, report)
        on_file(path if isinstance(path, str) else path.path, items)
    store.finish_build(build_id, report.added, report.unchanged, len(report.failures))
    return report


def _build_one(raw: RawDocument, store: Store, build_id: int, settings: Settings, report: BuildReport) -> None:
    if store.has_document(raw.id):
        report.unchanged += 1
        return
    try:
        document = extract(raw, settings)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a build of many
        where = f"{raw.path}#{raw.url}" if raw.url else raw.path
        problem = InputProblem.EXTRACTION_FAILED
        document = InputFailure(where, problem.code, problem.format_for(where, detail=f"{type(exc).__name__}: {exc}"))
    if isinstance(document, InputFailure):
        _record_failure(store, build_id, report, document)
    elif store.add_document(document, build_id):
        report.added += 1
    else:
        report.unchanged += 1


def _record_failure(store: Store, build_id: int, report: BuildReport, failure: InputFailure) -> None:
    report.failures.append(failure)
    store.add_failure(build_id, failure)
