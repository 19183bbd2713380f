"""Reading and extracting one file, within limits, never raising: the workers' side of a batch.

``prepare(path, options)`` and ``prepare_bytes(name, data, options)`` turn a file into a
record ready to store (or the reason it cannot be), so a bad file costs only itself. They are
plain functions of picklable arguments: the supervised pool (``directives/pool.py``) runs
them in local worker processes (this module imports neither it nor the cluster), and a cluster can run ``prepare_bytes`` on machines that
never see the disk. ``limit_memory`` caps the process they run in.
"""
from __future__ import annotations

import os
import resource
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from .db.rows import Rows, rows_for
from .ingest import ReadError, load, read_bytes
from .ingest.registry import MAX_BYTES, shown
from .nlp.record import Record

DEFAULT_TIMEOUT = 600  # seconds for one file, OCR included; a file past it fails, the batch goes on
DEFAULT_MAX_SIZE = MAX_BYTES  # bytes; a larger file is not read
DEFAULT_MAX_PAGES = 1000  # PDF pages; at OCR's half a second a page, a longer scan outlasts the time limit anyway


@dataclass(frozen=True)
class Options:
    """How every file of a batch is read: the same on a local worker and a remote one."""

    ocr: str = "auto"
    timeout: float | None = DEFAULT_TIMEOUT
    max_size: int | None = DEFAULT_MAX_SIZE
    max_pages: int | None = DEFAULT_MAX_PAGES
    to_store: bool = False  # also make the rows the database writes (the workers' time, not the writer's)


@dataclass
class Prepared:
    """A file read and extracted (in a worker process), ready to be stored."""

    record: Record
    size: int
    rows: Rows | None = None  # what the database writes, made here when the record is to be stored: the workers' time, not the writer's
    seconds: dict[str, float] = field(default_factory=dict)  # "read" (OCR apart), "ocr", "extract"
    ocr_pages: int = 0


class _TimeLimit(BaseException):
    """Raised by the alarm. A BaseException, so that the readers' own ``except Exception``
    (a parser failure is the file's fault) cannot catch it and mislabel it."""


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


def prepare(path: str, options: Options = Options()) -> Prepared | ReadError:
    """Read and extract the file at ``path``; a file over ``options.max_size`` is refused
    before it is read."""
    try:
        data = load(path, options.max_size)
    except ReadError as exc:
        return exc
    except MemoryError:
        return ReadError(path, out_of_memory())
    return prepare_bytes(shown(path), data, options)  # a name that is not UTF-8, escaped


def prepare_bytes(name: str, data: bytes, options: Options = Options()) -> Prepared | ReadError:
    """Read and extract a file's bytes (``name`` is its path: the extension picks the reader
    along with the content, and errors and the stored source carry it) within the time limit."""
    from . import extract_document

    if options.max_size and len(data) > options.max_size:
        return ReadError(name, f"the file is too large ({len(data) // (1024 * 1024)} MB; the limit is {options.max_size // (1024 * 1024)} MB, --max-size)")
    seconds: dict[str, float] = {}
    try:
        with _time_limit(options.timeout):
            started = time.perf_counter()
            try:
                doc = read_bytes(name, data, options.ocr, options.max_pages)
            except ReadError as exc:
                return ReadError(name, out_of_memory()) if _memory(exc) else exc
            except MemoryError:
                return ReadError(name, out_of_memory())
            except Exception as exc:  # a reader bug must not cost the rest of the batch
                return ReadError(name, out_of_memory() if _memory(exc) else f"read failed: {type(exc).__name__}: {exc}")
            read = time.perf_counter() - started
            seconds["read"], seconds["ocr"] = read - doc.ocr_seconds, doc.ocr_seconds
            started = time.perf_counter()
            try:
                record = extract_document(doc)
                rows = rows_for(record) if options.to_store else None
            except MemoryError:
                return ReadError(name, out_of_memory())
            except Exception as exc:
                return ReadError(name, f"extraction failed: {type(exc).__name__}: {exc}")
            seconds["extract"] = time.perf_counter() - started
    except _TimeLimit:
        return ReadError(name, time_limit_reason(options.timeout))
    return Prepared(record, doc.size, rows, seconds, sum(1 for _, ocr, _ in doc.pages if ocr))


def time_limit_reason(timeout: float) -> str:
    """Why a file past ``--timeout`` failed: the same words in a local worker and on a cluster's."""
    return f"took longer than the time limit of {timeout:g} s for one file (--timeout)"


def _memory(exc: BaseException) -> bool:
    """Whether a reader's error came from running out of memory (readers wrap what their
    parser raises, MemoryError included). Under the memory limit a C parser (lxml) whose
    allocation fails may return without setting an exception, which Python reports as
    SystemError, or say "Memory allocation failed" (libxml2): that is running out of memory too."""
    limited = resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, MemoryError):
            return True
        if limited and (
            (isinstance(exc, SystemError) and "without exception set" in str(exc))
            or "memory allocation failed" in str(exc).lower()  # libxml2's own word for it
        ):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


# ---------------------------------------------------------------------------- memory


def machine_memory() -> int | None:
    """Bytes of RAM in this machine (None where the platform does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def default_max_memory(jobs: int) -> int | None:
    """Each worker's share of memory: half of the machine among the workers (the rest is the
    system's, the writer's and the readers'), never less than 1 GB."""
    total = machine_memory()
    if not total:
        return None
    return max(1024 ** 3, total // 2 // max(1, jobs))


def load_readers() -> None:
    """Import the readers' libraries and the extractor now, before the memory cap: loading a
    native library (pdfminer's cryptography, pypdfium2, lxml) maps address space, which
    belongs to the worker at rest, not to the file it then reads."""
    import importlib

    for name in ("docx", "pdfminer.pdfdocument", "pdfplumber", "pypdfium2", "directives.nlp.extract"):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - it fails again, with its reason, on the file that needs it
            pass


def address_space() -> int:
    """Bytes of address space this process holds now (Linux: VmSize), 0 where unknown."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(limit: int | None) -> None:
    """Give this worker process ``limit`` bytes for reading, on top of the address space it
    holds at rest (its libraries loaded; a process forked from a large parent, or a Dask
    worker with its threads, holds much more than a fresh one, and a cap on the whole would
    make --max-memory mean less the more the parent had imported). An allocation past it
    raises MemoryError here (``prepare`` reports "out of memory") instead of waking the
    kernel's out-of-memory killer, which might pick the writer or another program."""
    if not limit:
        return
    load_readers()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    allowed = address_space() + limit
    if hard != resource.RLIM_INFINITY:
        allowed = min(allowed, hard)
    resource.setrlimit(resource.RLIMIT_AS, (allowed, hard))
    set_allowance(limit)


# The bytes --max-memory gives this process for reading (where it is not the whole address
# space limit: a Dask worker's allowance comes on top of what the worker holds at rest).
_allowance: list[int] = []


def set_allowance(limit: int | None) -> None:
    _allowance[:] = [limit] if limit else []


def out_of_memory() -> str:
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if _allowance:
        soft = _allowance[0]
    if soft == resource.RLIM_INFINITY:
        return "out of memory"
    return f"out of memory (limit {soft // (1024 * 1024)} MB, --max-memory)"
