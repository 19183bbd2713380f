"""What a batch shows while it runs: a live display on a terminal, plain lines elsewhere.

On a terminal (rich): files done of the total, pages read by OCR, failures, rate, time left
and the files being read now, with each stored file and each failure printed above it. In a
log or a pipe: one line per file (as before) and a status line every ``EVERY`` seconds, so a
long OCR run never goes silent.
"""
from __future__ import annotations

import sys
import time

import click

EVERY = 10.0  # seconds between status lines when not on a terminal


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def status(report, working: dict[str, float]) -> str:
    """One line: done of total, failures, OCR pages, rate, time left, the slowest file now."""
    parts = [f"{report.done} of {report.files} files", f"{report.failed} failed"]
    if report.ocr_pages:
        parts.append(f"{report.ocr_pages} pages read by OCR")
    worked = report.done - report.skipped
    if report.elapsed > 0 and worked:
        rate = worked / report.elapsed
        parts.append(f"{rate:.1f} files/s")
        left = report.files - report.done
        if left:
            parts.append(f"about {_duration(left / rate)} left")
    if working:
        path, seconds = max(working.items(), key=lambda item: item[1])
        if seconds >= 5:
            parts.append(f"reading {path} ({_duration(seconds)})")
    return ", ".join(parts)


class Plain:
    """Lines for a log: each file as it is stored, failures on stderr, a status line now and then."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.last = time.monotonic()

    def stored(self, path: str, outcome: str) -> None:
        if not self.quiet:
            click.echo(f"{outcome:<9} {path}")

    def error(self, path: str, reason: str) -> None:
        click.echo(f"error: {path}: {reason}", err=True)

    def progress(self, report, working: dict[str, float]) -> None:
        now = time.monotonic()
        if not self.quiet and now - self.last >= EVERY and report.done < report.files:
            self.last = now
            click.echo(f"progress: {status(report, working)}", err=True)

    def close(self) -> None:
        pass


class Live:
    """rich's progress bar on stderr, redrawn from the batch's own loop (no refresh thread:
    the pool forks replacement workers from this process)."""

    def __init__(self, quiet: bool = False):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.quiet = quiet
        self.console = Console(stderr=True, highlight=False)
        self.bar = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed · {task.fields[ocr]} OCR pages · {task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("elapsed ·"),
            TimeRemainingColumn(),
            TextColumn("left"),
            TextColumn("{task.fields[now]}", markup=False),
            console=self.console,
            auto_refresh=False,
            transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, failed=0, ocr=0, rate="", now="")
        self.bar.start()
        self.drawn = 0.0

    def stored(self, path: str, outcome: str) -> None:
        if not self.quiet:
            self.console.print(f"{outcome:<9} {path}", markup=False)

    def error(self, path: str, reason: str) -> None:
        self.console.print(f"[red]error:[/red] {_escape(path)}: {_escape(reason)}")

    def progress(self, report, working: dict[str, float]) -> None:
        worked = report.done - report.skipped
        rate = f"{worked / report.elapsed:.1f} files/s" if report.elapsed > 0 and worked else ""
        now = ""
        if working:
            path, seconds = max(working.items(), key=lambda item: item[1])
            if seconds >= 5:
                now = f"reading {path} ({_duration(seconds)})"
        self.bar.update(self.task, total=report.files, completed=report.done, failed=report.failed, ocr=report.ocr_pages, rate=rate, now=now)
        if time.monotonic() - self.drawn >= 0.1:
            self.drawn = time.monotonic()
            self.bar.refresh()

    def close(self) -> None:
        if self.bar.live.is_started:
            self.bar.refresh()
            self.bar.stop()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def display(quiet: bool = False, stream=None):
    """A live display when stderr is a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    return Live(quiet) if stream.isatty() else Plain(quiet)
