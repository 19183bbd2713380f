"""How long a batch has left, from the work left rather than the files left.

A scanned PDF's pages go through OCR at seconds a page while a text file takes a fraction of
a second, so "files a second" early in a run (the quick text files of a folder, say) says
little of the hour of scans after them. Each file waiting is weighed by its kind: a PDF by
its bytes (a scan's size grows with its pages), any other file as one. What a unit of each
kind costs is learnt from the workers' own seconds as files finish (a prior until one has),
and the work left, divided by the work the run gets done a second so far (the workers in
parallel), gives the time left.
"""
from __future__ import annotations

import os

# Seconds of a worker a unit costs before the run has measured one: a scanned page (about
# 300 KB) takes some 4 s of OCR; a text, Word or HTML file about 0.2 s.
PRIOR = {"pdf": 4.0 / 300_000, "file": 0.2}


def _kind(path: str) -> str:
    return "pdf" if os.path.splitext(path)[1].lower() == ".pdf" else "file"


class Estimate:
    """The work waiting, weighed, and the time it will take at the pace of the run so far."""

    def __init__(self) -> None:
        self.waiting: dict[str, tuple[str, float]] = {}  # path: (kind, units)
        self.left = {kind: 0.0 for kind in PRIOR}  # units waiting, by kind
        self.measured = {kind: [0.0, 0.0] for kind in PRIOR}  # seconds, units finished, by kind
        self.worked = 0.0  # the workers' seconds on the files finished

    def add(self, path: str) -> None:
        kind = _kind(path)
        try:
            units = float(max(os.path.getsize(path), 1)) if kind == "pdf" else 1.0
        except OSError:
            units = 1.0
        self.waiting[path] = (kind, units)
        self.left[kind] += units

    def finished(self, path: str, seconds: float | None) -> None:
        """A file is done; ``seconds`` the workers spent on it (None when it failed unread)."""
        kind, units = self.waiting.pop(path, (None, 0.0))
        if kind is None:
            return
        self.left[kind] = max(self.left[kind] - units, 0.0)
        if seconds is not None and seconds > 0:
            self.measured[kind][0] += seconds
            self.measured[kind][1] += units
            self.worked += seconds

    def cost(self, kind: str) -> float:
        seconds, units = self.measured[kind]
        return seconds / units if units else PRIOR[kind]

    def seconds_left(self, elapsed: float, working: dict[str, float] | None = None) -> float | None:
        """None until there is a pace to go by, 0 when nothing is left. ``working``: the files
        being read now and for how long: their seconds count as work done (a long scan in
        progress does not slow the pace) and come off what they are expected to take."""
        work = sum(self.left[kind] * self.cost(kind) for kind in self.left)
        if not self.waiting or work <= 0:
            return 0.0
        worked = self.worked
        for path, seconds in (working or {}).items():
            if path in self.waiting:
                kind, units = self.waiting[path]
                worked += seconds
                work -= min(seconds, units * self.cost(kind))
        if worked <= 0 or elapsed <= 0:
            return None
        return max(work, 0.0) / (worked / elapsed)
