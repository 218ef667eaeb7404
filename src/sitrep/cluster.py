"""The per-document analysis on a Dask cluster: `sitrep build --dask N` or `--cluster ADDRESS`.

The process that runs the build (the coordinator) still reads and extracts the files and writes the
store, one transaction a document; Dask workers run the parse and the per-document stages (pipeline's
`analyse_batch`) on batches of documents. The `dask` setting says where they run: "local:N", a cluster
of N worker processes started here; "inproc:N", N worker threads in this process (tests); anything else
is the address of a running scheduler (tcp://HOST:PORT). dask.distributed is imported only then.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator

from sitrep import nlp
from sitrep.errors import UsageProblem
from sitrep.records import Document, DocumentAnalysis, InputFailure
from sitrep.settings import Settings

Analysed = list[DocumentAnalysis | InputFailure]
LOCAL, IN_PROCESS = "local", "inproc"
TARGET_KINDS = "'local:N', 'inproc:N' (N ≥ 1) or a scheduler address (tcp://HOST:PORT)"


def target(value: str) -> tuple[str, int | str]:
    """The `dask` setting read: ("local", N), ("inproc", N) or ("scheduler", address); a usage error
    (E010) for a count that is no positive number or an address that is none."""
    kind, colon, rest = value.partition(":")
    if kind in (LOCAL, IN_PROCESS):
        if colon and rest.isdigit() and int(rest) >= 1:
            return kind, int(rest)
    elif value.strip() and not value.strip().startswith(":") and (":" in value):
        return "scheduler", value.strip()
    raise UsageProblem.BAD_SETTING_VALUE.error(name="dask", kind=TARGET_KINDS, value=value)


def check(settings: Settings) -> None:
    """Before a build touches its store: the `dask` setting is well formed and its scheduler answers
    (E019 if not). Nothing to check without the setting, or for a cluster started here."""
    if not settings.dask:
        return
    kind, where = target(settings.dask)
    if kind == "scheduler":
        _connect(where, settings).close()


def _connect(address: str, settings: Settings):
    from distributed import Client

    try:
        return Client(address, timeout=settings.dask_connect_timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - refused, timed out, a bad address: one coded line
        lines = str(exc).strip().splitlines()
        detail = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
        raise UsageProblem.SCHEDULER_UNREACHABLE.error(address=address, detail=detail) from None


def _load_model(name: str) -> None:
    """On a worker: the model loaded (and kept: `nlp.load` caches it), nothing sent back."""
    nlp.load(name)


class DaskAnalysers:
    """`analyse` (pipeline's `analyse_batch`) on Dask workers, results in the order the batches came in:
    the same interface as pipeline's `Analysers`.

    At most twice as many batches as the cluster has worker threads are out at once. Each worker
    process loads the model once (when it joins: at the start, or at its first batch). A batch whose
    worker died, or that raised there, is analysed here instead."""

    def __init__(self, settings: Settings, analyse: Callable[[list[Document], Settings], Analysed]):
        self.settings = settings
        self.analyse = analyse
        self.waiting: deque[tuple[list[Document], object]] = deque()
        self.cluster = self.client = None
        kind, where = target(settings.dask)
        try:
            if kind == "scheduler":
                self.client = _connect(where, settings)
            else:
                from distributed import Client, LocalCluster

                self.cluster = LocalCluster(n_workers=where, threads_per_worker=1, processes=kind == LOCAL,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster, set_as_default=False)
            self.client.run(_load_model, settings.model)  # the workers there now; those that join later: at need
            self.threads = max(1, sum(self.client.nthreads().values()))
        except BaseException:
            self.close()
            raise

    def submit(self, documents: list[Document]) -> Iterator[Analysed]:
        """Hand a batch over; yields the results of the earlier batches that are ready, in order."""
        self.waiting.append((documents, self.client.submit(self.analyse, documents, self.settings, pure=False)))
        while self.waiting and (self.waiting[0][1].done() or len(self.waiting) > 2 * self.threads):
            yield self._result()

    def finish(self) -> Iterator[Analysed]:
        """The results still out, in order; then the client (and a cluster started here) stops."""
        try:
            while self.waiting:
                yield self._result()
        finally:
            self.close()

    def close(self) -> None:
        for future in self.waiting:
            future[1].cancel()
        self.waiting.clear()
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def _result(self) -> Analysed:
        documents, future = self.waiting.popleft()
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - a worker died or the task raised there: do it here
            return self.analyse(documents, self.settings)
