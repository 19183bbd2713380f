"""Reading and extracting on a Dask cluster, for archives that outgrow one machine.

``directives ingest --cluster ADDRESS`` sends each file's bytes to a Dask worker (no shared
disk needed) and gets its prepared record back; the one writer (``directives/run.py``)
stores the records as they come, as it does those of the local worker processes. A worker
that dies does not stop the batch: the files it held are sent again one at a time, and the
one that kills a second worker fails with that reason. ``--cluster local`` starts a cluster
on this machine, one single-threaded worker process per core.
"""
from __future__ import annotations

import ctypes
import itertools
import logging
import os
import threading
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .batch import Options, address_space, default_max_memory, load_readers, prepare, prepare_bytes, set_allowance, time_limit_reason
from .ingest import ReadError
from .pool import TICK, Done, Progress

LOCAL = "local"
IN_FLIGHT_PER_THREAD = 2  # tasks a worker thread holds: its next one is at hand when it finishes one
GROUP_FILES, GROUP_BYTES = 8, 1 << 20  # small files sent together, up to these
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
WAIT_FOR_WORKERS = 60  # seconds a scheduler may take to get its first worker

DEATHS = 2  # workers a file may see die under it before it is held to blame
DIED = "the Dask worker reading it died (killed, out of memory or crashed), on two workers"

# The local cluster's scheduler fails a task the first time its worker dies (KilledWorker)
# instead of trying it on the next worker, and the next, killing them too: the runner sends
# its files again, one at a time, and fails the one that kills a second worker.
LOCAL_SCHEDULER_CONFIG = {"distributed.scheduler.allowed-failures": 0}


class ClusterError(Exception):
    """The cluster cannot be reached or cannot run directives; the message says why."""


# -- on the workers ---------------------------------------------------------------------


class _Expired(BaseException):
    """Raised in a worker thread past the time limit; a BaseException, so the readers'
    ``except Exception`` handlers do not take it for a failure of their own."""


@contextmanager
def _thread_time_limit(seconds: float | None):
    """Stop the work of this thread after ``seconds``. Dask runs tasks outside the main
    thread, where SIGALRM cannot reach, so the exception is planted in the thread; it is
    raised at the thread's next Python step (a Tesseract page already running finishes first)."""
    if not seconds:
        yield
        return
    thread = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(_Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:  # planted but perhaps not raised yet: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), None)


def _check_worker() -> str:
    """Run on every worker before the batch: directives imports there, and its version."""
    from importlib.metadata import version

    return version("directives")


# -- on the writer's machine ------------------------------------------------------------


class ClusterRunner:
    """``pool.supervised`` on a Dask cluster: ``Done`` for each path with its prepared record
    (or the reason it failed), in the order they finish, and ``Progress`` in between, at least
    every ``TICK`` seconds, so the writer commits and the display redraws while a slow file is
    still being read. Connects (or starts the local cluster) on the first file, so a re-run
    with nothing new starts nothing."""

    def __init__(self, address: str, workers: int | None = None, memory_limit: int | None = None, work: Callable = prepare_bytes):
        self.address = address
        self.workers = workers
        self.memory_limit = memory_limit  # bytes a worker may use (--max-memory); None: see ``__call__``
        self.work = work  # the function the workers run (a test gives one that kills its worker)
        self.client = None
        self._cluster = None

    def __call__(
        self, paths: Iterable[str], options: Options = Options(), jobs: int | None = None, max_memory: int | None = None,
    ) -> Iterator[Done | Progress]:
        """Called as ``supervised(paths, options, jobs, max_memory)``. Each worker process runs
        under ``max_memory`` bytes (or the runner's ``memory_limit``): for ``local`` the
        machine's share, as for local workers, when neither is given; a remote worker keeps
        its own ``dask worker --memory-limit`` unless one is given."""
        from distributed import KilledWorker

        todo = iter(enumerate(paths))
        first = next(todo, None)
        if first is None:
            return
        memory = max_memory or self.memory_limit
        if memory is None and self.address == LOCAL:
            memory = default_max_memory(self.workers or os.cpu_count() or 1)
        groups = _groups(itertools.chain([first], todo), options.max_size)
        client = self.start(memory)
        threads = sum(client.nthreads().values()) or 1
        limit = max(IN_FLIGHT_PER_THREAD * threads, 2)
        pending: dict = {}  # future -> the (index, path, bytes) it reads, in the order sent
        running: dict = {}  # future -> when it (probably) began: the first sent hold the threads
        deaths: dict[str, int] = {}  # path -> workers that died while it was on them
        suspects: deque = deque()  # such files, sent again one at a time, alone in their task
        suspect = None  # the one in flight
        exhausted = False
        try:
            while True:
                if suspect is None and suspects:
                    suspect = self._submit(client, suspects.popleft(), options, memory, pending)
                # bytes are read only as workers free up: a 10,000-file archive is never all in memory
                while not exhausted and len(pending) < limit:
                    group = next(groups, None)
                    if group is None:
                        exhausted = True
                    elif group[0][2] is None:  # missing, empty, too large, unreadable: fails here, as locally
                        index, path, _ = group[0]
                        yield Done(path, prepare(path, options), index)
                    else:
                        self._submit(client, group, options, memory, pending)
                if not pending:
                    return
                done = _wait(pending)
                if not done:
                    now = time.monotonic()
                    for future in itertools.islice(pending, threads):
                        running.setdefault(future, now)
                    yield Progress({path: now - running[f] for f in running for _, path, _ in pending[f]})
                    continue
                for future in done:
                    group = pending.pop(future)
                    running.pop(future, None)
                    if future is suspect:
                        suspect = None
                    try:
                        results = future.result()
                    except KilledWorker:
                        # its worker died: this file, or another on that worker, killed it; a
                        # file on two workers that died is the culprit, the others go on
                        results = []
                        for index, path, data in group:
                            deaths[path] = deaths.get(path, 0) + 1
                            if deaths[path] >= DEATHS:
                                yield Done(path, ReadError(path, DIED), index)
                            else:
                                suspects.append([(index, path, data)])
                    except Exception as exc:
                        results = [_failure(exc, path) for _, path, _ in group]
                    finally:
                        future.release()
                    for (index, path, _), result in zip(group, results):
                        yield Done(path, result, index)
        finally:  # the caller stopped early (an error in the writer, Ctrl-C): the cluster drops the rest
            if pending:
                client.cancel(list(pending))

    def _submit(self, client, group, options: Options, memory: int | None, pending: dict):
        files = [(path, data) for _, path, data in group]
        future = client.submit(_prepare_group, self.work, files, options, memory, pure=False, key=_key(files))
        pending[future] = group
        return future

    def start(self, memory: int | None = None):
        """The client, connected to the scheduler at ``address`` or to a cluster started here
        (``local``): ``workers`` processes (default one per core) of one thread each, each
        restarted by Dask past ``memory`` bytes, listening on loopback only, without a dashboard."""
        if self.client is not None:
            return self.client
        import dask
        from distributed import Client, LocalCluster

        logging.getLogger("distributed").setLevel(logging.CRITICAL)  # failures reach the user as file errors
        try:
            if self.address == LOCAL:
                with dask.config.set(LOCAL_SCHEDULER_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                        host="127.0.0.1", memory_limit=memory or "auto",
                        dashboard_address="127.0.0.1:0",  # its HTTP server (health, metrics) on a free loopback port
                        silence_logs=logging.CRITICAL,
                    )
                self.client = Client(self._cluster)
            else:
                self.client = Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            self.close()
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        try:
            _ready(self.client, self.address)
        except ClusterError:
            self.close()
            raise
        return self.client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


@contextmanager
def connect(address: str, workers: int | None = None, memory_limit: int | None = None) -> Iterator[ClusterRunner]:
    """A runner on the cluster at ``address`` (``tcp://host:8786``, or ``local`` for one
    started here for the duration), closed at the end."""
    runner = ClusterRunner(address, workers, memory_limit)
    try:
        yield runner
    finally:
        runner.close()


def _groups(files: Iterable[tuple[int, str]], max_size: int | None) -> Iterator[list[tuple[int, str, bytes | None]]]:
    """The files (with their place in the batch) with their bytes, read as they are asked for,
    in groups sent as one task: small files together (a text document takes milliseconds, a
    Dask task costs some too), a PDF (it may need OCR) or a large file alone, a file that
    cannot be sent (missing, empty, over ``max_size`` ...) alone with None."""
    group: list[tuple[int, str, bytes | None]] = []
    size = 0
    for index, path in files:
        data = _load(path, max_size)
        alone = data is None or len(data) > GROUP_BYTES or data.startswith(b"%PDF") or path.lower().endswith(".pdf")
        if group and (alone or len(group) >= GROUP_FILES or size + len(data) > GROUP_BYTES):
            yield group
            group, size = [], 0
        if alone:
            yield [(index, path, data)]
        else:
            group.append((index, path, data))
            size += len(data)
    if group:
        yield group


def _prepare_group(work: Callable, group: list[tuple[str, bytes]], options: Options, memory: int | None) -> list:
    """On a worker: each file of a group, each within its own time limit, the worker process
    under ``memory`` bytes (an allocation past it fails its file as out of memory, as in a
    local worker, rather than have Dask restart the worker)."""
    load_readers()
    results = []
    for path, data in group:
        _cap_memory(memory)  # counted afresh for each file: a file that ran out leaves the next its allowance
        try:
            with _thread_time_limit(options.timeout):
                result = work(path, data, options)
        except _Expired:
            result = ReadError(path, time_limit_reason(options.timeout))
        results.append(result)
    return results


_FIRST_LIMIT: list = []  # the worker process's own address-space limit, before any batch's


def _cap_memory(memory: int | None) -> None:
    """Give this worker process ``memory`` bytes for reading its files, or put it back under
    its own limit: a remote worker outlives the batch, and the next one may not give
    --max-memory. A Dask worker already holds far more address space than a fresh local
    worker (its threads' stacks and arenas, the scheduler's connection, the readers), so the
    allowance is counted from what it holds before it reads (a cap on the whole process would
    leave it unable to start a thread)."""
    import resource

    if not _FIRST_LIMIT:
        _FIRST_LIMIT.append(resource.getrlimit(resource.RLIMIT_AS))
    soft, hard = _FIRST_LIMIT[0]
    if memory:
        allowed = address_space() + memory
        if soft == resource.RLIM_INFINITY or allowed < soft:
            soft = allowed
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    set_allowance(memory)  # what "out of memory (limit N MB)" names



def _wait(pending: dict) -> list:
    """The futures that finish within ``TICK`` seconds (none if none does)."""
    from distributed import wait

    try:
        wait(list(pending), timeout=TICK, return_when="FIRST_COMPLETED")
    except TimeoutError:
        pass
    return [future for future in pending if future.done()]


def _key(group: list) -> str:
    """The task's name on the dashboard: its first file's, made unique."""
    import uuid

    more = f" +{len(group) - 1}" if len(group) > 1 else ""
    return f"read {Path(group[0][0]).name}{more}-{uuid.uuid4().hex[:12]}"


def _load(path: str, max_size: int | None) -> bytes | None:
    """The file's bytes, or None when it is not a regular, non-empty file within the size
    limit that can be read (``prepare`` then gives the reason without reading it)."""
    try:
        size = os.stat(path).st_size
        if not os.path.isfile(path) or size == 0 or (max_size and size > max_size):
            return None
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _failure(exc: Exception, path: str) -> ReadError:
    """A task that failed for a reason of the cluster's (a lost connection, a worker that
    cannot unpickle the task ...): the file is recorded with it, a re-run tries it again."""
    return ReadError(path, f"failed on the cluster: {type(exc).__name__}: {exc}")


def _ready(client, address: str) -> None:
    """Refuse a cluster without workers, or whose workers lack directives or run another version."""
    from importlib.metadata import version

    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(f"the Dask scheduler at {address} has no workers (waited {WAIT_FOR_WORKERS} s): start some with `dask worker {address}`") from None
    try:
        versions = client.run(_check_worker)
    except Exception as exc:
        raise ClusterError(
            f"the Dask workers at {address} cannot run directives ({type(exc).__name__}: {exc}): "
            "install directives in the workers' environment"
        ) from None
    mine = version("directives")
    others = sorted({f"{worker} has {found}" for worker, found in versions.items() if found != mine})
    if others:
        raise ClusterError(f"the Dask workers at {address} run another version of directives than this one ({mine}): " + "; ".join(others))
