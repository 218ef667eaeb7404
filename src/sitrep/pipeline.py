"""Run the declared stages over a set of inputs.

Per document: ingest (files → raw documents) → extract (clean text and metadata) → the spaCy parse, in
small batches (it is faster on several texts at once) → `DOCUMENT_STAGES` in order → the store, one
transaction a document. Then the new articles join stories (story.streams), and for each story that changed:
`STORY_STAGES` in order, each reading what the store holds of the story and what the stages before it wrote;
what they all find is swapped into the store at once.
Stages are plain functions of records; only this module hands their results to the store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context

from sitrep import nlp
from sitrep.attribution import document_attributions
from sitrep.cluster import DaskAnalysers
from sitrep.errors import InputProblem, UsageProblem
from sitrep.events import document_events
from sitrep.ingest import extract, read_file
from sitrep.ingest.deadline import TimeLimitExceeded, time_limit
from sitrep.ingest.extract import prepare as prepare_extraction
from sitrep.ingest.files import Item, display_path, expand_inputs
from sitrep.nlp import document_entities, document_statements
from sitrep.records import (
    Document,
    DocumentAnalysis,
    InputFailure,
    RawDocument,
    SkippedFile,
)
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.store import Store
from sitrep.story import analyse_story, find_reuse, grow_stories, profile


@dataclass(frozen=True)
class Stage:
    """One stage: its name, the function, the values it reads (passed by name, in this order) and
    the values it writes (its result, or the parts of a tuple it returns)."""

    name: str
    run: Callable
    reads: tuple[str, ...]
    writes: tuple[str, ...]


# After the parse, for each document: the values available to start with are `document_id`, `doc`, the
# document's `published` date and the build's `settings`.
DOCUMENT_STAGES = (
    Stage("entities", document_entities, reads=("document_id", "doc"), writes=("entities", "entity_of_token")),
    Stage("attribution", document_attributions, reads=("document_id", "doc", "entity_of_token", "settings"),
          writes=("attributions",)),
    Stage("statements", document_statements, reads=("doc", "attributions", "settings"), writes=("statements",)),
    Stage("events", document_events,
          reads=("document_id", "doc", "attributions", "statements", "entity_of_token", "published", "settings"),
          writes=("events",)),
)

# For each story a build touches (story.streams finds them): each reads the story's `documents`, `entities`,
# `attributions`, `statements` and `events`, the build's `settings` and what earlier story stages wrote; the
# store keeps what each writes, by story.
STORY_STAGES = (
    Stage("reuse", find_reuse, reads=("documents", "settings"), writes=("reuse",)),
    Stage("story", analyse_story,
          reads=("documents", "entities", "attributions", "statements", "reuse", "settings", "events"),
          writes=("story",)),
)


def _run_stage(stage: Stage, values: dict) -> None:
    result = stage.run(*(values[name] for name in stage.reads))
    values.update(zip(stage.writes, result if len(stage.writes) > 1 else (result,), strict=True))


@dataclass
class BuildReport:
    added: int = 0
    unchanged: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    on_problem: Callable[[InputFailure | SkippedFile], None] = field(default=lambda problem: None, repr=False)
    stage_failure: InputFailure | None = None  # a story stage failed: the stories are the previous ones

    @property
    def ok(self) -> bool:
        return not self.failures and self.stage_failure is None


def input_files(inputs: list[str], follow_links: bool = False) -> list[str | InputFailure | SkippedFile]:
    return list(expand_inputs(inputs, follow_links))


def analyse(documents: list[Document], settings: Settings = DEFAULT_SETTINGS) -> Iterator[DocumentAnalysis]:
    """The per-document stages for a batch of documents: the parse, then `DOCUMENT_STAGES`."""
    for document, doc in zip(documents, nlp.parse([d.text for d in documents], settings.model, settings.nlp_batch)):
        values = {"document_id": document.id, "doc": doc, "published": document.published, "settings": settings}
        for stage in DOCUMENT_STAGES:
            _run_stage(stage, values)
        yield DocumentAnalysis(document, values["entities"], values["attributions"], values["statements"],
                               values["events"])


def analyse_batch(documents: list[Document], settings: Settings) -> list[DocumentAnalysis | InputFailure]:
    """`analyse` for one batch; when the batch breaks, each document alone, so that only the one that
    broke it fails."""
    try:
        return list(analyse(documents, settings))
    except Exception:  # noqa: BLE001 - find the document that broke the batch, keep the others
        analysed: list[DocumentAnalysis | InputFailure] = []
        for document in documents:
            try:
                analysed += analyse([document], settings)
            except Exception as exc:  # noqa: BLE001
                analysed.append(_failure(document.path, document.url, exc))
        return analysed


class Analysers:
    """Runs `analyse_batch` in `settings.workers` processes, results in the order the batches came in.

    Worker processes are spawned (never forked: the progress display runs a thread) and load the model
    once each. The first batch waits for a second before they start, so a build of one batch never
    pays for them. A batch whose worker died is analysed here instead."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool: ProcessPoolExecutor | None = None
        self.waiting: deque[tuple[list[Document], Future]] = deque()
        self.held: list[Document] | None = None

    def submit(self, documents: list[Document]) -> Iterator[list[DocumentAnalysis | InputFailure]]:
        """Hand a batch over; yields the results of the earlier batches that are ready, in order."""
        if self.settings.workers <= 1:
            yield analyse_batch(documents, self.settings)
            return
        if self.pool is None:
            if self.held is None:
                self.held = documents
                return
            self.pool = ProcessPoolExecutor(self.settings.workers, mp_context=get_context("spawn"),
                                            initializer=nlp.load, initargs=(self.settings.model,))
            self._send(self.held)
            self.held = None
        self._send(documents)
        while self.waiting and (self.waiting[0][1].done() or len(self.waiting) > 2 * self.settings.workers):
            yield self._result()

    def finish(self) -> Iterator[list[DocumentAnalysis | InputFailure]]:
        """The results still out, in order; the workers stop."""
        if self.held is not None:
            yield analyse_batch(self.held, self.settings)
            self.held = None
        while self.waiting:
            yield self._result()
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def close(self) -> None:
        """The workers stop, whatever is still out (nothing, after `finish`)."""
        self.waiting.clear()
        self.held = None
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def _send(self, documents: list[Document]) -> None:
        self.waiting.append((documents, self.pool.submit(analyse_batch, documents, self.settings)))

    def _result(self) -> list[DocumentAnalysis | InputFailure]:
        documents, future = self.waiting.popleft()
        try:
            return future.result()
        except BrokenProcessPool:  # a worker was killed (out of memory, say): this process does it
            return analyse_batch(documents, self.settings)


def build(files: list[str | InputFailure | SkippedFile], store: Store, inputs: list[str] | None = None,
          settings: Settings = DEFAULT_SETTINGS,
          on_file: Callable[[str], None] = lambda path: None,
          on_problem: Callable[[InputFailure | SkippedFile], None] = lambda problem: None,
          on_stage: Callable[[str], None] = lambda stage: None) -> BuildReport:
    """Add every article found in `files` to `store`; bad inputs are recorded, never fatal.

    `on_file` hears of each file read, `on_problem` of each failure or skipped file as it happens,
    `on_stage` of each step of the story stages as it starts."""
    report = BuildReport(on_problem=on_problem)
    given = inputs if inputs is not None else [f if isinstance(f, str) else f.path for f in files]
    # first: a Dask cluster that cannot start, or be reached, leaves no build behind
    analysers = DaskAnalysers(settings, analyse_batch) if settings.dask else Analysers(settings)
    build_id = store.start_build([display_path(path) for path in given])
    pending: list[Document] = []
    seen: set[str] = set()  # documents extracted in this build
    failed: dict[str, InputFailure] = {}  # document id → why it failed, for its twins in other files
    try:  # a build that stops on an error (or ^C) stops the workers too, a Dask cluster started for it included
        for path in files:
            items = _read(path, settings) if isinstance(path, str) else [path]
            for item in items:
                if isinstance(item, SkippedFile):
                    report.skipped.append(item)
                    on_problem(item)
                elif isinstance(item, InputFailure):
                    _record_failure(store, build_id, report, item)
                elif item.id in failed:  # the same content failed in another file: this one fails too
                    _record_failure(store, build_id, report, _failure_for_twin(failed[item.id], item))
                elif item.id in seen or store.has_document(item.id):
                    report.unchanged += 1
                else:
                    document = _extract(item, settings)
                    if isinstance(document, InputFailure):
                        failed[item.id] = document
                        _record_failure(store, build_id, report, document)
                    else:
                        seen.add(item.id)
                        pending.append(document)
            if len(pending) >= settings.nlp_batch:
                for analysed in analysers.submit(pending):
                    _store(analysed, store, build_id, report)
                pending = []
            on_file(path if isinstance(path, str) else path.path)
        if pending:
            for analysed in analysers.submit(pending):
                _store(analysed, store, build_id, report)
        for analysed in analysers.finish():
            _store(analysed, store, build_id, report)
    finally:
        analysers.close()
    report.stage_failure = _update_stories(store, settings, on_stage)
    if report.stage_failure is not None:
        store.add_failure(build_id, report.stage_failure)
    store.finish_build(build_id, report.added, report.unchanged, len(report.failures) + bool(report.stage_failure))
    return report


def rebuild(store: Store, settings: Settings = DEFAULT_SETTINGS,
            on_stage: Callable[[str], None] = lambda stage: None) -> InputFailure | None:
    """Every story found and analysed again from the stored articles: what an incremental build must equal.
    Recorded as a build of no inputs, so that `show` lists its failure."""
    build_id = store.start_build(["(rebuild)"])
    failure = _update_stories(store, settings, on_stage, rebuild=True)
    if failure is not None:
        store.add_failure(build_id, failure)
    store.finish_build(build_id, 0, 0, int(failure is not None))
    return failure


def _update_stories(store: Store, settings: Settings, on_stage: Callable[[str], None],
                    rebuild: bool = False) -> InputFailure | None:
    """The articles in no story yet join stories (story.streams), and `STORY_STAGES` run on each story that
    changed, and on no other; all of it goes into the store in one transaction, so that a build stopped at any
    moment leaves the previous results or the new ones, never some of each or none. A stage that fails (or a
    store that refuses what they wrote) is the build's failure, with a coded line: the previous results stay."""
    failing = "stories"
    try:
        with store.updating_stories(rebuild) as update:
            on_stage("finding stories")
            changed: set[str] = set()
            while True:  # a batch of the articles in no story at a time: memory bounded by the batch
                documents, entities = update.fresh()
                if not documents:
                    break
                of_document: dict[str, list] = {}
                for entity in entities:
                    of_document.setdefault(entity.documents[0], []).append(entity)
                fresh = [profile(d, of_document.get(d.id, [])) for d in documents]
                known = update.sharing({k for p in fresh for k in p.keys}) if settings.find_stories else update.every()
                grown, gone = grow_stories(fresh, known, settings)
                update.assign(grown, gone, fresh)
                changed = (changed - gone) | {s.id for s in grown}
            on_stage(f"analysing {len(changed)} stories: reused passages, entities, claims, disputes, events")
            for story_id in sorted(changed):
                values = {"settings": settings} | update.inputs(story_id)
                for stage in STORY_STAGES:
                    failing = stage.name
                    _run_stage(stage, values)
                failing = "store"
                update.write(story_id, values["reuse"], values["story"])
    except Exception as exc:  # noqa: BLE001 - the documents are stored; keep them and say what failed
        message = UsageProblem.STAGE_FAILED.error(stage=failing, detail=_one_line(exc))
        return InputFailure(f"(stage {failing})", "E018", str(message))
    return None


def _read(path: str, settings: Settings) -> list[Item]:
    """What `read_file` finds in one file, within the time limit; whatever goes wrong is a failure of
    this file, after the documents read before it."""
    items: list[Item] = []
    try:
        with time_limit(settings.max_seconds_per_file):
            for item in read_file(path, settings):
                items.append(item)
    except TimeLimitExceeded:
        items.append(InputProblem.TOO_SLOW.failure(display_path(path), limit=settings.max_seconds_per_file))
    except Exception as exc:  # noqa: BLE001 - a reader's bug must not stop a build of many
        items.append(InputProblem.UNREADABLE.failure(display_path(path), detail=_one_line(exc)))
    return items


def _extract(raw: RawDocument, settings: Settings) -> Document | InputFailure:
    try:
        prepare_extraction()  # once: the models extraction loads are no document's time
        with time_limit(settings.max_seconds_per_file):
            return extract(raw, settings)
    except TimeLimitExceeded:
        return InputProblem.TOO_SLOW.failure(raw.path, raw.url, limit=settings.max_seconds_per_file)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a build of many
        return _failure(raw.path, raw.url, exc)


def _failure_for_twin(failure: InputFailure, raw: RawDocument) -> InputFailure:
    """`failure`, of a document with the same content as `raw`, told of `raw`'s file (and record)."""
    where = f"{raw.path}#{raw.url}" if raw.url else raw.path
    return InputFailure(where, failure.code, where + failure.message[len(failure.path):])


def _store(analysed: list[DocumentAnalysis | InputFailure], store: Store, build_id: int,
           report: BuildReport) -> None:
    for analysis in analysed:
        if isinstance(analysis, InputFailure):
            _record_failure(store, build_id, report, analysis)
        elif store.add_document(analysis, build_id):
            report.added += 1
        else:
            report.unchanged += 1


def _failure(path: str, url: str | None, exc: Exception) -> InputFailure:
    return InputProblem.EXTRACTION_FAILED.failure(path, url, detail=_one_line(exc))


def _one_line(exc: BaseException) -> str:
    """The exception's type and the first line of its message: a failure is one line (spaCy's are several)."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _record_failure(store: Store, build_id: int, report: BuildReport, failure: InputFailure) -> None:
    report.failures.append(failure)
    store.add_failure(build_id, failure)
    report.on_problem(failure)
