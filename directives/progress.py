"""What a batch shows while it runs: a live display on a terminal, plain lines elsewhere.

On a terminal (rich): a bar, files done of the total, failures, pages read by OCR, rate, time
left (``estimate.Estimate``: from the work left) and the file read longest now, with each
stored file and each failure printed above it. In a log or a pipe: one line per file and a
status line every ``EVERY`` seconds, so a long OCR run never goes silent. Quiet: failures only.
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


def head(report) -> str:
    """What must always show: done of total, failures, OCR pages, rate, time left."""
    parts = [f"{report.done}/{report.files} files", f"{report.failed} failed", f"{report.ocr_pages} OCR pages"]
    worked = report.done - report.skipped
    if report.elapsed > 0 and worked:
        parts.append(f"{worked / report.elapsed:.1f} files/s")
    if report.done < report.files:
        left = getattr(report, "seconds_left", None)
        parts.append(f"about {_duration(left)} left" if left is not None else "time left not known yet")
    return " · ".join(parts)


def reading(working: dict[str, float]) -> tuple[str, str] | None:
    """The file read longest now, and for how long, once that is 5 s or more."""
    if not working:
        return None
    path, seconds = max(working.items(), key=lambda item: item[1])
    return (path, _duration(seconds)) if seconds >= 5 else None


def status(report, working: dict[str, float], width: int | None = None) -> str:
    """One line: ``head`` whole, then the file being read, its name shortened from the left
    (…/folder/name.pdf) so that the line fits ``width`` columns: the count and the time left
    never give way to a long path."""
    line = head(report)
    now = reading(working)
    if now is None:
        return line
    path, took = now
    before, after = " · reading ", f" ({took})"
    if width is None:
        return line + before + path + after
    room = width - len(line) - len(before) - len(after)
    if room >= len(path):
        return line + before + path + after
    if room >= 8:
        return line + before + "…" + path[len(path) - room + 1:] + after
    return line


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
    """A bar and ``status`` on stderr, redrawn from the batch's own loop (rich, with no refresh
    thread: the pool forks replacement workers from this process); each file stored or failed
    is printed above it."""

    BAR = 20

    def __init__(self):
        from rich.console import Console
        from rich.live import Live as RichLive

        self.console = Console(stderr=True, highlight=False)
        self.live = RichLive(console=self.console, auto_refresh=False, transient=False)
        self.live.start()
        self.drawn = 0.0

    def stored(self, path: str, outcome: str) -> None:
        self.console.print(f"{outcome:<9} {path}", markup=False)

    def error(self, path: str, reason: str) -> None:
        self.console.print(f"[red]error:[/red] {_escape(path)}: {_escape(reason)}")

    def progress(self, report, working: dict[str, float]) -> None:
        if time.monotonic() - self.drawn < 0.1 and report.done < report.files:
            return
        from rich.progress_bar import ProgressBar
        from rich.table import Table
        from rich.text import Text

        self.drawn = time.monotonic()
        line = Table.grid(padding=(0, 1))
        line.add_row(
            ProgressBar(total=report.files or None, completed=report.done, width=self.BAR),
            Text(status(report, working, self.console.width - self.BAR - 2), no_wrap=True, overflow="ellipsis"),
        )
        self.live.update(line, refresh=True)

    def close(self) -> None:
        if self.live.is_started:
            self.live.refresh()
            self.live.stop()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def display(quiet: bool = False, stream=None):
    """A live display when stderr is a terminal, plain lines otherwise; with ``quiet`` only
    the failures, wherever they go."""
    stream = stream or sys.stderr
    return Live() if stream.isatty() and not quiet else Plain(quiet)
