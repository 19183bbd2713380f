"""Reading and extracting many files: in worker processes, each within a time limit.

``prepare`` turns one path into a record (or the reason it cannot), never raising, so a
bad file costs only itself; ``prepare_all`` runs it over a batch in order, on every core.
Both ``directives extract`` and ``directives ingest`` use them.
"""
from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Iterator

from .db.rows import Rows, rows_for
from .ingest import ReadError, read_document
from .nlp.record import Record


@dataclass
class Prepared:
    """A file read and extracted (in a worker process), ready to be stored."""

    record: Record
    size: int
    rows: Rows | None = None  # what the database writes, made here when the record is to be stored: the workers' time, not the writer's


DEFAULT_TIMEOUT = 600  # seconds for one file, OCR included; a file past it fails, the batch goes on


class _TimeLimit(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None):
    """Stop the work inside after ``seconds`` (where the platform has SIGALRM and this is
    the main thread: always so in the worker processes)."""
    usable = seconds and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise _TimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def prepare(path: str, ocr: str = "auto", timeout: float | None = DEFAULT_TIMEOUT, to_store: bool = False) -> Prepared | ReadError:
    """Read and extract one file within the time limit (and with ``to_store``, what the
    database indexes too). Runs in worker processes, so it returns the error instead of
    raising it."""
    from . import extract_document

    try:
        with _time_limit(timeout):
            try:
                doc = read_document(path, ocr=ocr)
            except ReadError as exc:
                return exc
            except Exception as exc:  # a reader bug must not cost the rest of the batch
                return ReadError(path, f"read failed: {type(exc).__name__}: {exc}")
            try:
                record = extract_document(doc)
            except Exception as exc:
                return ReadError(path, f"extraction failed: {type(exc).__name__}: {exc}")
    except _TimeLimit:
        return ReadError(path, f"took longer than the time limit of {timeout:g} s for one file (--timeout)")
    prepared = Prepared(record, doc.size)
    if to_store:
        prepared.rows = rows_for(record)
    return prepared


def prepare_all(
    paths: list[str], jobs: int | None, ocr: str, timeout: float | None, to_store: bool = False
) -> Iterator[tuple[str, Prepared | ReadError]]:
    """Each path with its prepared record, in order; in worker processes when it pays."""
    jobs = jobs or os.cpu_count() or 1
    work = partial(prepare, ocr=ocr, timeout=timeout, to_store=to_store)
    if jobs == 1 or len(paths) < 4:
        for path in paths:
            yield path, work(path)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from zip(paths, pool.map(work, paths, chunksize=1))
