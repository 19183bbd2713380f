"""A batch run, what ``directives ingest`` does: walk the paths, read and extract the files
that are new or changed on the workers, store each record as it is ready, report.

The parts it drives:
- ``ingest.scan`` walks the files and folders (what cannot be looked into is a failure);
- ``db.store.Store`` says which files are unchanged, stores a prepared record all or
  nothing, records a failure, and commits a batch about once a second;
- ``pool.supervised`` (local worker processes) or a ``cluster.ClusterRunner`` (Dask) runs
  ``batch.prepare`` on each file and yields ``Done``/``Progress`` events;
- a display (``progress.display``) is told of each file stored or failed and of the progress.

Storage knows nothing of this module: ``db/`` imports nothing from the application.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Protocol

from .batch import Options, prepare
from .db.store import Store
from .estimate import Estimate
from .ingest import ReadError, scan
from .ingest.registry import shown
from .pool import Done, Progress, supervised


# Files that are no documents by their kind, whatever they hold: a site's metadata, pictures,
# archives, programs. A folder of documents holds them beside the documents (the corpus's
# tvpl-markdown-site-metadata.json): they are counted and left out, not failures.
NOT_DOCUMENTS = {
    ".json", ".jsonl", ".xml", ".csv", ".tsv", ".yaml", ".yml", ".ini", ".log", ".db", ".sqlite",
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".ico",
    ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz",
    ".exe", ".dll", ".so", ".bin", ".iso", ".mp3", ".mp4", ".avi", ".mov", ".wav",
    ".js", ".css", ".py",
}


def not_a_document(path: str) -> bool:
    """The file is not a document by its kind (its extension), so is not read at all."""
    return os.path.splitext(path)[1].lower() in NOT_DOCUMENTS


@dataclass
class Report:
    added: int = 0
    replaced: int = 0
    merged: int = 0
    skipped: int = 0
    failed: int = 0
    not_documents: int = 0  # files that are no documents by their kind (metadata, images, archives): left out
    files: int = 0  # found under the paths given
    ocr_pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # by stage: read, ocr, extract (the workers' time), store
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    elapsed: float = 0.0
    seconds_left: float | None = None  # estimated from the work left (``estimate.Estimate``); None until known

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.merged + self.skipped + self.failed + self.not_documents

    def to_dict(self) -> dict:
        """What ``directives ingest --report FILE.json`` writes."""
        return {
            "files": self.files,
            "outcomes": {"added": self.added, "replaced": self.replaced, "merged": self.merged, "unchanged": self.skipped,
                         "not_documents": self.not_documents, "failed": self.failed},
            "ocr_pages": self.ocr_pages,
            "seconds": {"elapsed": round(self.elapsed, 3), **{stage: round(self.seconds.get(stage, 0.0), 3) for stage in ("read", "ocr", "extract", "store")}},
            "failures": [{"path": path, "reason": reason} for path, reason in self.failures],
        }


class Display(Protocol):
    """What a run tells as it goes (``progress.Plain`` and ``progress.Live`` are ones)."""

    def stored(self, path: str, outcome: str) -> None: ...
    def error(self, path: str, reason: str) -> None: ...
    def progress(self, report: Report, working: dict[str, float]) -> None: ...


def _nothing(*args) -> None:
    pass


@dataclass
class Watch:
    """A display made of functions, each optional: ``Watch(error=failures.__setitem__)``.
    ``Watch()`` shows nothing, the library's default."""

    stored: Callable[[str, str], None] = _nothing
    error: Callable[[str, str], None] = _nothing
    progress: Callable[[Report, dict[str, float]], None] = _nothing


Runner = Callable  # runner(paths, options, jobs, max_memory) -> Iterator[Done | Progress], as pool.supervised


def ingest(
    store: Store,
    paths: Iterable[str],
    options: Options = Options(),
    *,
    jobs: int | None = None,
    max_memory: int | None = None,
    runner: Runner | None = None,
    display: Display | None = None,
) -> Report:
    """Store every file under ``paths``. Files are read and extracted by ``jobs`` worker
    processes (default: one per core, each under ``max_memory`` bytes; ``pool.supervised``)
    or by ``runner`` (a Dask cluster's, ``cluster.ClusterRunner``, called as the pool is),
    and stored as each is ready, all or nothing each. What is stored is committed about once
    a second, also while the workers are still on a slow file. One run at a time on a
    database: a second one waits (``Store.writing``), then raises "database is locked"."""
    run = _Run(store, display or Watch())
    with store.writing():
        todo = run.walk(paths)
        events = (runner or supervised)(todo, replace(options, to_store=True), jobs, max_memory)
        try:
            with store.batch() as tick:
                for event in events:
                    if isinstance(event, Done):
                        run.done(event)
                        run.working.pop(event.path, None)
                    elif isinstance(event, Progress):
                        run.working = event.working
                    tick()
                    run.report.elapsed = time.monotonic() - run.started
                    run.report.seconds_left = run.estimate.seconds_left(run.report.elapsed, run.working)
                    run.display.progress(run.report, run.working)
        finally:
            close = getattr(events, "close", None)
            if close:  # the workers (or the cluster's tasks) stop now, not when collected
                close()
    run.report.elapsed = time.monotonic() - run.started
    return run.report


class _Run:
    """One run's counts, and what it does with each file found and each file done."""

    def __init__(self, store: Store, display: Display):
        self.store, self.display = store, display
        self.report = Report()
        self.estimate = Estimate()
        self.working: dict[str, float] = {}  # the files being read, and for how long, as last told
        self.started = time.monotonic()

    def failed(self, path: str, reason: str) -> None:
        path = shown(path)  # a name that is not UTF-8, escaped: it can be printed and stored
        self.report.failed += 1
        self.report.failures.append((path, reason))
        self.store.record_error(path, reason)
        self.display.error(path, reason)

    def walk(self, paths: Iterable[str]) -> list[str]:
        """The files to read: those found, less what cannot be read and what is unchanged."""
        todo = []
        for path, problem in scan(paths):
            self.report.files += 1
            if problem:
                self.failed(path, problem)
            elif not_a_document(path):
                self.report.not_documents += 1
                self.display.stored(path, "skipped (not a document)")
            elif self.store.unchanged(path):
                self.report.skipped += 1
                self.display.stored(path, "unchanged")
            else:
                todo.append(path)
                self.estimate.add(path)
        self.display.progress(self.report, {})
        return todo

    def done(self, event: Done) -> None:
        """Store a file the workers are done with, or record why they could not read it."""
        prepared, report = event.result, self.report
        self.estimate.finished(event.path, None if isinstance(prepared, ReadError) else sum(prepared.seconds.values()))
        if isinstance(prepared, ReadError):
            self.failed(event.path, prepared.reason)
            return
        for stage, seconds in prepared.seconds.items():
            report.seconds[stage] = report.seconds.get(stage, 0.0) + seconds
        report.ocr_pages += prepared.ocr_pages
        began = time.perf_counter()
        try:
            outcome = self.store.save(prepared.record, prepared.size, prepared.rows)
        except sqlite3.OperationalError:
            raise  # the database itself (locked, full, read-only): no file is at fault
        except Exception as exc:
            self.failed(event.path, f"could not be stored: {type(exc).__name__}: {exc}")
        else:
            setattr(report, outcome, getattr(report, outcome) + 1)
            self.display.stored(event.path, outcome)
        report.seconds["store"] = report.seconds.get("store", 0.0) + time.perf_counter() - began


def ingest_file(store: Store, path: str, options: Options = Options()) -> str:
    """Store one file, read here (no worker); returns "added", "replaced", "merged" or
    "unchanged". Raises ReadError for a file that cannot be read."""
    with store.writing():
        if store.unchanged(path):
            return "unchanged"
        prepared = prepare(path, replace(options, to_store=True))
        if isinstance(prepared, ReadError):
            raise prepared
        return store.save(prepared.record, prepared.size, prepared.rows)
