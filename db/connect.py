"""Opening a database file: for writing (ingest) or for reading only (trace, tasks, serve).

Reading writes nothing: the file is opened with SQLite's ``mode=ro``, so a database on a
read-only disk or folder, or a file marked read-only, can be read; where SQLite cannot even
keep its shared-memory index beside a write-ahead-logged file (a read-only folder), the file
is opened as immutable, which nobody can be writing to anyway. Every connection waits up to
``BUSY_TIMEOUT`` seconds for another process's write lock before it gives up with
"database is locked", which the command line says in one line.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from .schema import SchemaError

BUSY_TIMEOUT = 10.0  # seconds a reader or a second writer waits for a lock


def connect(path: str | Path, readonly: bool = False, timeout: float | None = None) -> tuple[sqlite3.Connection, bool]:
    """A connection to ``path`` and whether it had to be opened as immutable. Raises
    SchemaError when the file is not an SQLite database (or cannot be opened)."""
    timeout = BUSY_TIMEOUT if timeout is None else timeout
    if not readonly:
        conn = sqlite3.connect(str(path), timeout=timeout)
        try:
            _probe(conn, path)
        except _CannotReadInPlace:
            raise SchemaError(f"{path} is read-only (the file or its folder): ingest needs to write both") from None
        return conn, False
    uri = "file:" + quote(str(Path(path).resolve()))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout)
    try:
        _probe(conn, path)
        return conn, False
    except _CannotReadInPlace:
        conn.close()
    conn = sqlite3.connect(uri + "?immutable=1", uri=True, timeout=timeout)
    _probe(conn, path)
    return conn, True


class _CannotReadInPlace(Exception):
    """SQLite could not keep its write-ahead-log index beside a read-only file."""


def _probe(conn: sqlite3.Connection, path: str | Path) -> None:
    """Read the schema once, so that a file that is not SQLite fails here, with a reason."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise  # the command line says "database is locked" in one line
        if "readonly" in message or "unable to open" in message:
            raise _CannotReadInPlace() from None
        conn.close()
        if "not a database" in message or "malformed" in message:
            raise SchemaError(f"{path} is not an SQLite database ({message}); give the --db of a directives database") from None
        raise SchemaError(f"{path} cannot be opened: {message}") from None


def open_for_reading(path: str | Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection to a directives database of this schema version (see
    :func:`connect`), without loading the extractor that :class:`db.store.Store` brings."""
    from .schema import check_schema

    conn, immutable = connect(path, readonly=True)
    try:
        check_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn, immutable
