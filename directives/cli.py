"""The `directives` command line: extract, ingest, serve."""
from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import click

# The commands that only read (trace, tasks, serve) import what they need when they run:
# loading the extractor, pdfplumber or Datasette for a 5 ms query made `trace` a 0.26 s process.
DEFAULT_DB = "directives.db"
DEFAULT_TIMEOUT = 600  # seconds for one file, OCR included (directives.batch.DEFAULT_TIMEOUT)
DEFAULT_MAX_SIZE = 100 * 1024 * 1024  # bytes (directives.batch.DEFAULT_MAX_SIZE)
DEFAULT_MAX_PAGES = 1000  # (directives.batch.DEFAULT_MAX_PAGES)
MAX_TIMEOUT = 7 * 24 * 3600  # a week: the alarm's timer refuses far larger numbers
MAX_ARGUMENT = 500  # characters of a symbol or unit name: longer is no name, and would cost


class _Commands(click.Group):
    """Turns SQLite's refusals into one line: a database another process is writing to (after
    waiting ``db.connect.BUSY_TIMEOUT`` seconds), or one that cannot be written."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                raise click.ClickException("database is locked: another ingest is writing; try again") from None
            if "readonly" in message:
                raise click.ClickException("the database is read-only: ingest needs a file and a folder it can write") from None
            raise click.ClickException(f"database error: {message}") from None
        except sqlite3.DatabaseError as exc:
            raise click.ClickException(f"database error: {exc}") from None


@click.group(cls=_Commands)
@click.version_option(package_name="directives")
def cli() -> None:
    """Read Vietnamese government directives, store them in SQLite, browse them in Datasette."""


def _error_record(path: str, reason: str) -> dict:
    sha = None
    p = Path(path)
    try:
        if p.is_file():
            sha = hashlib.sha256(p.read_bytes()).hexdigest()
    except OSError:
        pass
    return {"source": {"path": path, "sha256": sha, "format": p.suffix.lstrip(".").lower() or None}, "error": reason}


class _Number(click.FloatRange):
    """A number within its range, and a number: click's FloatRange lets "nan" through (it
    compares as neither small nor large) and "inf" past any minimum."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


def _database_path(ctx, param, value: str) -> str:
    """--db: an empty path would be SQLite's temporary database, gone with the process."""
    if not value.strip():
        raise click.BadParameter("an empty path names no database file", ctx, param)
    if _escaped(value) != value:
        raise click.BadParameter(f"'{_escaped(value)}': the path is not UTF-8 text (SQLite names its files in UTF-8)", ctx, param)
    return value


_DB = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), callback=_database_path)

_OCR = click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="When scanned PDF pages are read with Tesseract: auto (pages without a text layer), always, never.",
)
_TIMEOUT = click.option(
    "--timeout", type=_Number(min=1, max=MAX_TIMEOUT), default=DEFAULT_TIMEOUT, show_default=True,
    help="Seconds one file may take (OCR included); a file past it fails and the rest go on.",
)
_JOBS = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Worker processes [default: one per core].")
_MAX_SIZE = click.option(
    "--max-size", type=_Number(min=0, min_open=True), default=DEFAULT_MAX_SIZE / (1024 * 1024), show_default=True,
    help="Megabytes: a larger file fails without being read.",
)
_MAX_PAGES = click.option(
    "--max-pages", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGES, show_default=True,
    help="A PDF with more pages fails.",
)
_MAX_MEMORY = click.option(
    "--max-memory", type=click.IntRange(min=64), default=None,
    help="Megabytes each worker may use; a file that needs more fails as out of memory [default: half of the machine's memory shared among the workers].",
)


def _options(ocr: str, timeout: float, max_size: float, max_pages: int, to_store: bool = False):
    from .batch import Options

    return Options(ocr=ocr, timeout=timeout, max_size=int(max_size * 1024 * 1024), max_pages=max_pages, to_store=to_store)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))  # an unreadable one is recorded, not a usage error
@click.option("--jsonl", is_flag=True, help="One JSON record per line, in the order the files were given.")
@_OCR
@_TIMEOUT
@_JOBS
@_MAX_SIZE
@_MAX_PAGES
@_MAX_MEMORY
def extract(files: tuple[str, ...], jsonl: bool, ocr: str, timeout: float, jobs: int | None, max_size: float, max_pages: int, max_memory: int | None) -> None:
    """Print the extraction record of each FILE (no database involved)."""
    from .pool import prepare_all
    from .ingest import ReadError

    failed = False
    options = _options(ocr, timeout, max_size, max_pages)
    for path, prepared in prepare_all(list(files), jobs, options, max_memory and max_memory * 1024 * 1024):
        if isinstance(prepared, ReadError):
            failed = True
            click.echo(f"error: {path}: {prepared.reason}", err=True)
            if jsonl:
                click.echo(json.dumps(_error_record(path, prepared.reason), ensure_ascii=False))
            continue
        if jsonl:
            click.echo(json.dumps(prepared.record.to_dict(), ensure_ascii=False))
        else:
            click.echo(_summary(prepared.record.to_dict()))
    sys.exit(1 if failed else 0)


_SUMMARY_FIELDS = (("symbol", "Số ký hiệu"), ("doc_type", "Loại"), ("issued_date", "Ngày ban hành"), ("place", "Địa danh"),
                   ("issuer", "Cơ quan ban hành"), ("subject", "Trích yếu"), ("signer", "Người ký"),
                   ("signer_title", "Chức vụ"), ("urgency", "Độ khẩn"), ("secrecy", "Độ mật"),
                   ("received_number", "Số đến"), ("received_date", "Ngày đến"))


def _summary(data: dict) -> str:
    """The record as a person reads it: its fields, each reference with its relation, each task
    with its unit and deadline, the Nơi nhận (``--jsonl`` gives the whole record)."""
    from .nlp import vietnamese as vn

    lines = [f"== {data['source']['path']} ({data['source']['format']})"]
    for key, label in _SUMMARY_FIELDS:
        if data.get(key) is not None:
            value = vn.date(data[key]) if key.endswith("_date") else data[key]
            lines.append(f"  {label:<17} {value}")
    if data.get("references"):
        lines.append(f"  Văn bản dẫn chiếu ({len(data['references'])})")
        for ref in data["references"]:
            named = ref.get("symbol") or ref.get("title") or ref.get("text") or ""
            when = f" ngày {vn.date(ref['date'])}" if ref.get("date") else ""
            lines.append(f"    - {vn.relation(ref.get('relation'))}: " + " ".join(filter(None, [ref.get("doc_type"), named])) + when)
    if data.get("tasks"):
        lines.append(f"  Nhiệm vụ ({len(data['tasks'])})")
        for task in data["tasks"]:
            when = vn.date(task.get("deadline")) or task.get("deadline_text") or vn.recurrence(task.get("recurrence")) or "không có hạn"
            action = task.get("action") or ""
            action = action if len(action) <= 100 else action[:100] + "…"
            lines.append(f"    - {task.get('assignee')} [{when}]: {action}")
    if data.get("recipients"):
        lines.append(f"  Nơi nhận ({len(data['recipients'])})")
        lines.extend(f"    - {r}" for r in data["recipients"])
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))  # an unreadable one is recorded, not a usage error
@_DB
@click.option("--quiet", "-q", is_flag=True, help="Print only the files that failed, and why.")
@_OCR
@_TIMEOUT
@_JOBS
@_MAX_SIZE
@_MAX_PAGES
@_MAX_MEMORY
@click.option("--report", "report_path", type=click.Path(dir_okay=False, writable=True), help="Write counts by outcome, time by stage and every failure to this JSON file.")
@click.option(
    "--cluster", metavar="ADDRESS", default=None,
    help="Read and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
    "or on one started here with 'local' (--jobs workers); this process stores.",
)
def ingest(
    paths: tuple[str, ...], db_path: str, quiet: bool, ocr: str, timeout: float, jobs: int | None,
    max_size: float, max_pages: int, max_memory: int | None, report_path: str | None, cluster: str | None,
) -> None:
    """Extract and store every document under PATHS (files or folders).

    Files already stored with the same content are skipped; a changed file replaces
    its old version. A file that fails is recorded in ingest_errors and the run goes on;
    the exit status is 1 if any file failed. On a terminal a progress display shows files
    done, OCR pages, failures, rate and time left; elsewhere a status line comes every 10 s.
    """
    from .progress import display
    from .run import ingest as run

    if report_path:
        _check_report(report_path)  # before the run, not after it
    store = _open_store(db_path)
    shown = display(quiet)
    try:
        with _runner(cluster, jobs) as runner:
            report = run(
                store, paths, _options(ocr, timeout, max_size, max_pages),
                jobs=jobs, max_memory=max_memory and max_memory * 1024 * 1024, runner=runner, display=shown,
            )
    except KeyboardInterrupt:
        shown.close()
        click.echo(f"interrupted: what was stored is kept in {db_path}; run the same command again to finish", err=True)
        sys.exit(130)
    finally:
        shown.close()  # before the group turns a database error into its one line
    if not quiet:
        click.echo(
            f"{report.added} added, {report.replaced} replaced, {report.merged} merged, "
            f"{report.skipped} unchanged, "
            + (f"{report.not_documents} not documents (skipped), " if report.not_documents else "")
            + f"{report.failed} failed -> {db_path}",
            err=True,
        )
    if report_path:
        Path(report_path).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    sys.exit(1 if report.failed else 0)


# Datasette's limits for an office network: every query stopped after a second, no download
# of the database file (it holds the documents marked secret), no unbounded CSV streams, no
# debug pages. `--setting NAME VALUE` overrides any of them.
SERVE_SETTINGS = {
    "sql_time_limit_ms": "1000",
    "facet_time_limit_ms": "200",
    "facet_suggest_time_limit_ms": "50",
    "max_returned_rows": "1000",
    "num_sql_threads": "3",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "max_csv_mb": "20",
    "suggest_facets": "off",
    "template_debug": "off",
    "trace_debug": "off",
}


def _host(ctx, param, value: str) -> str:
    """--host: an empty one would listen on every address of the machine, unannounced."""
    if not value.strip():
        raise click.BadParameter("an empty host would listen on every address; give 0.0.0.0 to mean that, or 127.0.0.1", ctx, param)
    return value


@cli.command()
@_DB
@click.option("--host", default="127.0.0.1", show_default=True, callback=_host)
@click.option("--port", "-p", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the served page.")
@click.option(
    "--user", "users", multiple=True, metavar="NAME:HASH",
    help="A user who may sign in (at /-/login) and read documents marked secret; HASH from `directives hash-password`. "
    "Repeatable; also read from DIRECTIVES_USERS (NAME:HASH separated by spaces).",
)
@click.option("--setting", "settings", multiple=True, type=(str, str), metavar="NAME VALUE", help="A Datasette setting, over the office defaults.")
def serve(db_path: str, host: str, port: int, open_browser: bool, users: tuple[str, ...], settings: tuple[tuple[str, str], ...]) -> None:
    """Browse the database in Datasette, with the project's plugins and metadata, within
    limits fit for an office network. Opens the database read-only."""
    import os

    from .datasette_plugins.signin import USERS_ENV, parse_users

    conn, immutable = _open_for_reading(db_path)  # checks it is a directives database of this version
    conn.close()
    try:
        parse_users(" ".join(users))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--user") from None
    if users:
        os.environ[USERS_ENV] = " ".join(filter(None, [os.environ.get(USERS_ENV, ""), *users]))
    from datasette import cli as datasette_cli

    # A file in a folder SQLite cannot write beside it is served as immutable (see db/connect.py).
    args = ["serve", *(["-i"] if immutable else []), db_path, "--host", host, "--port", str(port)]
    for name, value in {**SERVE_SETTINGS, **dict(settings)}.items():
        args += ["--setting", name, value]
    if open_browser:
        args.append("--open")
    datasette_cli.cli.main(args=args, prog_name="datasette")


@cli.command("hash-password")
@click.password_option(prompt="Password", help="The password (asked twice when not given).")
def hash_password_command(password: str) -> None:
    """Print the hash of a password, for `serve --user NAME:HASH` or DIRECTIVES_USERS."""
    from .datasette_plugins.signin import hash_password

    if len(password) < 8:
        raise click.BadParameter("a password of 8 characters at least", param_hint="password")
    click.echo(hash_password(password))


@cli.command()
@click.argument("symbol_or_id")
@click.option("--up", "direction", flag_value="up", help="What the document rests on and implements, transitively.")
@click.option("--down", "direction", flag_value="down", help="Everything based on it or implementing it, transitively.")
@click.option("--depth", default=10, show_default=True, type=click.IntRange(1, 100), help="How many links to follow.")
@click.option("--all-relations", is_flag=True, help="Follow every link (amends, repeals, cites ...), not only based_on and implements.")
@click.option("--tasks", "with_tasks", is_flag=True, help="Also list the tasks of the document and of everything that carries it out: overdue ones (past their last allowed day) first, then by that day, then standing duties.")
@click.option("--json", "as_json", is_flag=True, help="Print the trees as JSON: each document with its status in force.")
@_DB
def trace(symbol_or_id: str, direction: str | None, depth: int, all_relations: bool, with_tasks: bool, db_path: str, as_json: bool = False) -> None:
    """Print the chain of instructions around a document as a tree.

    SYMBOL_OR_ID is a số ký hiệu in any spelling ("1477/qd-ubnd") or a document id. Without
    --up or --down both directions are printed. When two bodies issued the same symbol
    (two provinces' 98/2025/QĐ-UBND), each gets its own tree.
    """
    from .db import trace as chain

    _check_argument(symbol_or_id, "symbol or id")
    conn, _ = _open_for_reading(db_path)
    roots = chain.find_documents(conn, symbol_or_id)
    if not roots:
        raise click.ClickException(f"{_shown(symbol_or_id)}: no document or citation with that symbol or id in {db_path}")
    relations = None if all_relations else chain.CHAIN
    if as_json:
        found = []
        for root in roots:
            entry = {way: chain.to_json(chain.trace(conn, root, way, depth, relations)) for way in ([direction] if direction else ["up", "down"])}
            if with_tasks:
                down = chain.trace(conn, root, "down", depth, relations, with_documents=False)
                entry["tasks"] = [vars(row) for row in chain.tasks_of(conn, [root] + [e.child for e in down.edges])]
            found.append(entry)
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    headings = {"up": "căn cứ, thực hiện", "down": "được căn cứ, thực hiện bởi"}
    for n, root in enumerate(roots):
        if n:
            click.echo()
        for way in ([direction] if direction else ["up", "down"]):
            result = chain.trace(conn, root, way, depth, relations)
            click.echo(f"{headings[way]} ({len(result.edges)} văn bản):")
            for line in chain.render(result):
                click.echo("  " + line)
        if with_tasks:
            down = chain.trace(conn, root, "down", depth, relations, with_documents=False)
            rows = chain.tasks_of(conn, [root] + [e.child for e in down.edges])
            click.echo(f"nhiệm vụ phát sinh ({len(rows)}):")
            for line in chain.render_tasks(rows):
                click.echo("  " + line)


@contextmanager
def _runner(cluster: str | None, jobs: int | None):
    """The run's runner: the Dask cluster's with --cluster, else None (local worker processes)."""
    if cluster is None:
        yield None
        return
    from .cluster import ClusterError, connect

    try:
        with connect(cluster, workers=jobs) as runner:
            yield runner
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None


def _check_report(path: str) -> None:
    """--report's folder exists and can be written (checked before the run that fills it)."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise click.BadParameter(f"{_escaped(str(folder))}: no such folder", param_hint="--report")
    if not os.access(folder, os.W_OK):
        raise click.BadParameter(f"{_escaped(str(folder))}: the folder cannot be written", param_hint="--report")


def _escaped(value: str) -> str:
    """Bytes an argument carries that are not UTF-8 (``$'\\xff'``) as escapes."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape" if all("\udc80" <= c <= "\udcff" for c in value if "\ud800" <= c <= "\udfff") else "backslashreplace").decode("utf-8", "backslashreplace")


def _check_argument(value: str, what: str) -> None:
    if _escaped(value) != value:
        raise click.BadParameter(f"'{_escaped(value)}': a {what} is UTF-8 text, these bytes are not")
    if not value.strip():
        raise click.BadParameter(f"an empty {what} names nothing")
    if len(value) > MAX_ARGUMENT:
        raise click.BadParameter(f"a {what} of {len(value)} characters is no name (at most {MAX_ARGUMENT})")


def _shown(value: str) -> str:
    return value if len(value) <= 80 else value[:80] + "…"


def _open_store(db_path: str):
    """The store for writing (ingest); one line, not a traceback, for a file that is not a
    directives database of this version."""
    from .db.schema import SchemaError
    from .db.store import Store

    try:
        return Store.open(db_path)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None


def _open_for_reading(db_path: str):
    """A read-only connection (writes nothing, works on a read-only file or folder) to a
    directives database of this version, and whether it was opened as immutable."""
    from .db.connect import open_for_reading
    from .db.schema import SchemaError

    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database; run `directives ingest PATH --db {db_path}` first")
    try:
        return open_for_reading(db_path)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.argument("unit")
@_DB
@click.option(
    "--kind",
    type=click.Choice(["assignment", "responsibility", "execution", "obligation", "all"]),
    default="assignment",
    show_default=True,
    help="the kind of duty: assigned by a plan, directive or decision; a legal text's standing "
    "responsibility; the closing 'chịu trách nhiệm thi hành'; a rule for anyone; or all",
)
def tasks(unit: str, db_path: str, kind: str) -> None:
    """The tasks of one UNIT across all documents ("Sở Tài chính", "so tai chinh quang ngai"):
    overdue ones (past the last day their deadline allows, due_by) first, then by that day,
    then standing and periodic duties, then those without one. The duties assigned to it
    unless --kind asks for others."""
    from .db import trace as chain

    _check_argument(unit, "unit name")
    conn, _ = _open_for_reading(db_path)
    try:
        rows = chain.tasks_of_unit(conn, unit, kind=kind)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if not rows:
        other = "" if kind == "all" else f" of kind {kind} (--kind all for every kind)"
        raise click.ClickException(f"{_shown(unit)}: no task{other} of a unit by that name in {db_path}")
    for line in chain.render_tasks(rows):
        click.echo(line)
