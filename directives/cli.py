"""The `directives` command line: extract, ingest, serve."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import click

from . import extract_file
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


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--jsonl", is_flag=True, help="One JSON record per line, in the order the files were given.")
def extract(files: tuple[str, ...], jsonl: bool) -> None:
    """Print the extraction record of each FILE (no database involved)."""
    failed = False
    for path in files:
        try:
            record = extract_file(path)
        except ReadError as exc:
            failed = True
            click.echo(f"error: {exc.path}: {exc.reason}", err=True)
            if jsonl:
                click.echo(json.dumps(_error_record(path, exc.reason), ensure_ascii=False))
            continue
        except Exception as exc:  # an extractor bug must not cost the rest of the batch
            failed = True
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
            click.echo(f"error: {path}: {reason}", err=True)
            if jsonl:
                click.echo(json.dumps(_error_record(path, reason), ensure_ascii=False))
            continue
        if jsonl:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        else:
            click.echo(_summary(record.to_dict()))
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
def ingest(paths: tuple[str, ...], db_path: str, quiet: bool) -> None:
    """Extract and store every document under PATHS (files or folders).

    Files already stored with the same content are skipped; a changed file replaces
    its old version. A file that fails is recorded in ingest_errors and the run goes on;
    the exit status is 1 if any file failed.
    """
    from .db.store import Store

    store = Store.open(db_path)
    report = store.ingest_paths(
        paths,
        on_error=lambda path, reason: click.echo(f"error: {path}: {reason}", err=True),
        on_stored=None if quiet else lambda path, outcome: click.echo(f"{outcome:<9} {path}"),
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
    from .db.store import Store

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `directives ingest PATH --db {db_path}` first")
    Store.open(db_path)  # brings an older database's schema up to date
    from datasette import cli as datasette_cli

    args = ["serve", db_path, "--host", host, "--port", str(port)]
    if open_browser:
        args.append("--open")
    datasette_cli.cli.main(args=args, prog_name="datasette")
