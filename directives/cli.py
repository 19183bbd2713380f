"""The `directives` command line: extract, ingest, serve."""
from __future__ import annotations

import hashlib
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .batch import DEFAULT_TIMEOUT
from .ingest import ReadError

DEFAULT_DB = "directives.db"


@click.group()
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


_OCR = click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="When scanned PDF pages are read with Tesseract: auto (pages without a text layer), always, never.",
)
_TIMEOUT = click.option(
    "--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
    help="Seconds one file may take (OCR included); a file past it fails and the rest go on.",
)
_JOBS = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Worker processes [default: one per core].")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--jsonl", is_flag=True, help="One JSON record per line, in the order the files were given.")
@_OCR
@_TIMEOUT
@_JOBS
def extract(files: tuple[str, ...], jsonl: bool, ocr: str, timeout: float, jobs: int | None) -> None:
    """Print the extraction record of each FILE (no database involved)."""
    from .batch import prepare_all

    failed = False
    for path, prepared in prepare_all(list(files), jobs, ocr, timeout):
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


def _summary(data: dict) -> str:
    lines = [f"== {data['source']['path']} ({data['source']['format']})"]
    for key in ("symbol", "doc_type", "issued_date", "place", "issuer", "subject", "signer", "signer_title", "urgency", "secrecy"):
        if data.get(key) is not None:
            lines.append(f"  {key:<13} {data[key]}")
    if data.get("recipients"):
        lines.append("  recipients")
        lines.extend(f"    - {r}" for r in data["recipients"])
    for key in ("references", "tasks"):
        if data.get(key):
            lines.append(f"  {key:<13} {len(data[key])}")
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--quiet", "-q", is_flag=True, help="Only print errors and the final count.")
@_OCR
@_TIMEOUT
@_JOBS
@click.option(
    "--cluster", metavar="ADDRESS", default=None,
    help="Read and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
    "or on one started here with 'local' (--jobs workers); this process stores.",
)
def ingest(paths: tuple[str, ...], db_path: str, quiet: bool, ocr: str, timeout: float, jobs: int | None, cluster: str | None) -> None:
    """Extract and store every document under PATHS (files or folders).

    Files already stored with the same content are skipped; a changed file replaces
    its old version. A file that fails is recorded in ingest_errors and the run goes on;
    the exit status is 1 if any file failed.
    """
    store = _open_store(db_path)
    with _runner(cluster, jobs) as runner:
        report = store.ingest_paths(
            paths,
            on_error=lambda path, reason: click.echo(f"error: {path}: {reason}", err=True),
            on_stored=None if quiet else lambda path, outcome: click.echo(f"{outcome:<9} {path}"),
            jobs=jobs,
            ocr=ocr,
            timeout=timeout,
            runner=runner,
        )
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.merged} merged, "
        f"{report.skipped} unchanged, {report.failed} failed -> {db_path}",
        err=True,
    )
    sys.exit(1 if report.failed else 0)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", "-p", default=8001, show_default=True, type=int)
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the served page.")
def serve(db_path: str, host: str, port: int, open_browser: bool) -> None:
    """Browse the database in Datasette, with the project's plugins and metadata."""
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `directives ingest PATH --db {db_path}` first")
    _open_store(db_path)  # checks the schema version before Datasette serves it
    from datasette import cli as datasette_cli

    args = ["serve", db_path, "--host", host, "--port", str(port)]
    if open_browser:
        args.append("--open")
    datasette_cli.cli.main(args=args, prog_name="datasette")


@cli.command()
@click.argument("symbol_or_id")
@click.option("--up", "direction", flag_value="up", help="What the document rests on and implements, transitively.")
@click.option("--down", "direction", flag_value="down", help="Everything based on it or implementing it, transitively.")
@click.option("--depth", default=10, show_default=True, type=click.IntRange(1, 100), help="How many links to follow.")
@click.option("--all-relations", is_flag=True, help="Follow every link (amends, repeals, cites ...), not only based_on and implements.")
@click.option("--tasks", "with_tasks", is_flag=True, help="Also list the tasks of the document and of everything that carries it out, by deadline.")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def trace(symbol_or_id: str, direction: str | None, depth: int, all_relations: bool, with_tasks: bool, db_path: str) -> None:
    """Print the chain of instructions around a document as a tree.

    SYMBOL_OR_ID is a số ký hiệu in any spelling ("1477/qd-ubnd") or a document id. Without
    --up or --down both directions are printed. When two bodies issued the same symbol
    (two provinces' 98/2025/QĐ-UBND), each gets its own tree.
    """
    from .db import trace as chain

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `directives ingest PATH --db {db_path}` first")
    store = _open_store(db_path)
    roots = chain.find_documents(store.db.conn, symbol_or_id)
    if not roots:
        raise click.ClickException(f"{symbol_or_id}: no document or citation with that symbol or id in {db_path}")
    relations = None if all_relations else chain.CHAIN
    headings = {"up": "rests on / carries out", "down": "carried out by"}
    for n, root in enumerate(roots):
        if n:
            click.echo()
        for way in ([direction] if direction else ["up", "down"]):
            result = chain.trace(store.db.conn, root, way, depth, relations)
            click.echo(f"{headings[way]} ({len(result.edges)} document{'s' if len(result.edges) != 1 else ''}):")
            for line in chain.render(result):
                click.echo("  " + line)
        if with_tasks:
            down = chain.trace(store.db.conn, root, "down", depth, relations, with_documents=False)
            rows = chain.tasks_of(store.db.conn, [root] + [e.child for e in down.edges])
            click.echo(f"tasks derived from it ({len(rows)}):")
            for line in chain.render_tasks(rows):
                click.echo("  " + line)


@contextmanager
def _runner(cluster: str | None, jobs: int | None):
    """ingest_paths' runner: the Dask cluster's with --cluster, else None (local worker processes)."""
    if cluster is None:
        yield None
        return
    from .cluster import ClusterError, connect

    try:
        with connect(cluster, workers=jobs) as runner:
            yield runner
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None


def _open_store(db_path: str):
    from .db.schema import SchemaError
    from .db.store import Store

    try:
        return Store.open(db_path)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.argument("unit")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def tasks(unit: str, db_path: str) -> None:
    """The tasks of one UNIT across all documents ("Sở Tài chính", "so tai chinh quang ngai"):
    overdue ones first, then by deadline, then those without one."""
    from .db import trace as chain

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `directives ingest PATH --db {db_path}` first")
    store = _open_store(db_path)
    rows = chain.tasks_of_unit(store.db.conn, unit)
    if not rows:
        raise click.ClickException(f"{unit}: no task of a unit by that name in {db_path}")
    for line in chain.render_tasks(rows):
        click.echo(line)
