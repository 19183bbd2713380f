"""A supervised pool of worker processes for a batch: results in the order they are ready.

``supervised(paths, options, jobs)`` yields ``Done(path, result)`` as each file is read and
extracted (``batch.prepare`` in a worker) and ``Progress`` between them, at least twice a
second, so the writer commits and the display redraws while a slow file is still being read.
A worker that dies (the out-of-memory killer, a crash in a native reader, a kill) is
replaced and its file reported as failed with the reason; one stuck past the time limit is
stopped. Workers run under a memory limit and die with the process that started them.

``concurrent.futures.ProcessPoolExecutor`` does none of this: one dead worker breaks the
whole pool (``BrokenProcessPool``) and ``map`` hands results back in input order.
``prepare_all`` gives them back in input order, for ``directives extract``.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterator

from .batch import Options, Prepared, default_max_memory, limit_memory, prepare
from .ingest import ReadError

TICK = 0.25  # seconds between Progress events when nothing is finished
STEAL_AFTER = 1.5  # a file waiting behind one that has run this long goes to another worker
AHEAD = 3  # files given to a worker at once: the next ones wait in it, so it never waits for the writer
GRACE = 30  # seconds past the time limit before a worker that does not stop is killed


@dataclass
class Done:
    """One file finished: its record, or why it could not be read."""

    path: str
    result: Prepared | ReadError
    index: int = 0  # its position in the list of paths


@dataclass
class Progress:
    """Nothing (more) finished for the moment: the files being read and for how long."""

    working: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------------------- the workers' side


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, even by SIGKILL: the kernel's parent-death
    signal (Linux prctl), and a thread that notices a new parent where that is missing."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it ended before the signal was set up
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(conn, options: Options, max_memory: int | None, parent: int) -> None:
    """A worker's life: read (index, path) messages, send (index, result) back. A ("cancel",
    index) message takes back a file not yet started (it went to another worker)."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit_memory(max_memory)
    todo: deque = deque()
    while True:
        while not todo or conn.poll(0):
            try:
                message = conn.recv()
            except EOFError:
                return
            if message is None:
                return
            if message[0] == "cancel":
                if message[1] in todo:
                    todo.remove(message[1])
            else:
                todo.append(message)
        index, path = todo.popleft()
        result = prepare(path, options)
        try:
            conn.send((index, result))
        except Exception as exc:  # a record that cannot be sent costs only its file
            conn.send((index, ReadError(path, f"the record could not be sent back: {type(exc).__name__}: {exc}")))
        if isinstance(result, ReadError) and result.reason.startswith("out of memory"):
            return  # a fresh worker starts with fresh memory


# ---------------------------------------------------------------------------- the parent's side


class _Worker:
    def __init__(self, context, options: Options, max_memory: int | None):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, max_memory, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.assigned: deque[int] = deque()
        self.since = time.monotonic()  # when the first assigned file started
        self.stopped: str | None = None  # why the parent killed it

    def give(self, index: int, path: str) -> None:
        if not self.assigned:
            self.since = time.monotonic()
        self.assigned.append(index)
        self.send((index, path))

    def send(self, message) -> None:
        try:
            self.conn.send(message)
        except OSError:  # it has just died: the loop finds out from its sentinel and sees to its files
            pass

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()


def death_reason(exitcode: int | None) -> str:
    """Why a worker ended without finishing its file, in plain words."""
    if exitcode is None:
        return "the worker reading it stopped answering"
    if exitcode < 0:
        number = -exitcode
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        if number == signal.SIGKILL:
            return f"the worker reading it was killed by signal {number} ({name}): the system ran out of memory (the kernel's out-of-memory killer) or someone stopped it"
        if number in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT, signal.SIGILL, signal.SIGFPE):
            return f"the worker reading it crashed (signal {number}, {name}) in a native reader"
        return f"the worker reading it was killed by signal {number} ({name})"
    return f"the worker reading it exited with status {exitcode}"


def _context():
    # fork: workers start at once with the modules already imported (the parent runs no
    # threads of its own while it forks); elsewhere the platform's default
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def supervised(
    paths: list[str], options: Options = Options(), jobs: int | None = None, max_memory: int | None = None
) -> Iterator[Done | Progress]:
    """Read and extract ``paths`` on ``jobs`` worker processes (default: one per core), each
    under ``max_memory`` bytes (default: a share of the machine); yield ``Done`` in the order
    files finish, ``Progress`` in between."""
    if not paths:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    if max_memory is None:
        max_memory = default_max_memory(jobs)
    context = _context()
    queue: deque[int] = deque(range(len(paths)))
    done: set[int] = set()
    workers: list[_Worker] = []
    last_progress = time.monotonic()

    def new_worker() -> _Worker:
        worker = _Worker(context, options, max_memory)
        workers.append(worker)
        return worker

    def dispatch() -> None:
        now = time.monotonic()
        idle = not queue and any(not w.assigned for w in workers)
        for worker in workers:  # a file waiting behind a slow one, or at the end of the batch, goes to a free worker
            while len(worker.assigned) > 1 and (now - worker.since > STEAL_AFTER or idle):
                index = worker.assigned.pop()
                worker.send(("cancel", index))
                queue.appendleft(index)
                idle = False
        for worker in workers:
            while queue and len(worker.assigned) < AHEAD:
                if worker.assigned and now - worker.since > STEAL_AFTER:
                    break  # it is on something slow: keep the next file for another worker
                index = queue.popleft()
                if index not in done:
                    worker.give(index, paths[index])

    def finished(worker: _Worker, index: int, result) -> Done | None:
        if index in worker.assigned:
            if worker.assigned[0] == index:
                worker.since = time.monotonic()
            worker.assigned.remove(index)
        if index in done:
            return None  # read twice (taken back from a slow worker just as it started it)
        done.add(index)
        return Done(paths[index], result, index)

    try:
        for _ in range(jobs):
            new_worker()
        dispatch()
        while len(done) < len(paths):
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers], timeout=TICK)
            events: list[Done] = []
            for worker in list(workers):
                while worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        if not worker.conn.poll(0):
                            break
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):
                        break
                    event = finished(worker, index, result)
                    if event:
                        events.append(event)
                if worker.process.sentinel in ready or not worker.process.is_alive():
                    worker.process.join(1)
                    if worker.process.is_alive():
                        continue
                    workers.remove(worker)
                    worker.conn.close()
                    if worker.assigned and worker.process.exitcode == 0 and not worker.stopped:
                        queue.extendleft(reversed(worker.assigned))  # it retired (out of memory): its files go to the others
                        worker.assigned.clear()
                    if worker.assigned:
                        culprit = worker.assigned.popleft()
                        reason = worker.stopped or death_reason(worker.process.exitcode)
                        queue.extendleft(reversed(worker.assigned))  # its waiting files go to the others
                        event = finished(worker, culprit, ReadError(paths[culprit], reason))
                        if event:
                            events.append(event)
                    if len(workers) < jobs and any(i not in done for i in queue):
                        new_worker()  # the replacement
            if options.timeout:
                now = time.monotonic()
                for worker in workers:
                    if worker.assigned and not worker.stopped and now - worker.since > options.timeout + GRACE:
                        worker.stopped = f"took longer than the time limit of {options.timeout:g} s for one file (--timeout); its worker did not stop and was killed"
                        worker.kill()
            if not workers and len(done) < len(paths):
                new_worker()
            dispatch()
            yield from events
            now = time.monotonic()
            if not events or now - last_progress >= 2 * TICK:
                last_progress = now
                yield Progress({paths[w.assigned[0]]: now - w.since for w in workers if w.assigned})
    finally:
        for worker in workers:
            worker.stop()
        deadline = time.monotonic() + 2
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
            worker.process.join(1)
            worker.conn.close()


def prepare_all(paths: list[str], jobs: int | None, options: Options = Options(), max_memory: int | None = None) -> Iterator[tuple[str, Prepared | ReadError]]:
    """Each path with its prepared record, in the order given (``directives extract`` prints
    in that order), read by the supervised pool."""
    waiting: dict[int, Prepared | ReadError] = {}
    next_index = 0
    for event in supervised(paths, options, jobs, max_memory):
        if not isinstance(event, Done):
            continue
        waiting[event.index] = event.result
        while next_index in waiting:
            yield paths[next_index], waiting.pop(next_index)
            next_index += 1
