"""The SQL functions the plugin gives Datasette's connections, bounded.

SQLite cannot stop a query inside one function call (Datasette's time limit is checked
between steps), and builds a function's argument whole before the call: an unbounded
``fold(printf('%.*c', 200000000, 'á'))`` ran 9 s and three at once took the server to 2.3 GB.
So each connection refuses to build strings over ``MAX_LENGTH`` bytes (SQLite's own length
limit: the printf above is refused at once), and ``fold()`` and ``symbol_key()`` refuse
inputs over ``MAX_CHARACTERS`` (about a tenth of a second of work) with an SQL error, and
``unit_matches()`` (run once per organization) a query over ``MAX_QUERY``.
"""
from __future__ import annotations

import sqlite3

from ..nlp.normalize import fold, symbol_key

MAX_LENGTH = 32 * 1024 * 1024  # bytes of any string or blob a query makes; the longest stored text is far below
MAX_CHARACTERS = 2_000_000  # characters fold() and symbol_key() take


class TooLong(ValueError):
    pass


def _bounded(function):
    def call(value):
        if isinstance(value, str) and len(value) > MAX_CHARACTERS:
            raise TooLong(f"{function.__name__}() takes at most {MAX_CHARACTERS} characters")
        return function(value if isinstance(value, str) or value is None else str(value))

    call.__name__ = function.__name__
    return call


bounded_fold = _bounded(fold)
bounded_symbol_key = _bounded(symbol_key)
MAX_QUERY = 1000  # characters of what unit_matches() looks for: it runs once per organization


def bounded_unit_matches(name, query):
    from ..db.units import matches

    if isinstance(query, str) and len(query) > MAX_QUERY:
        raise TooLong(f"unit_matches() looks for at most {MAX_QUERY} characters")
    if isinstance(name, str) and len(name) > MAX_CHARACTERS:
        raise TooLong(f"unit_matches() takes names of at most {MAX_CHARACTERS} characters")
    return matches(name if isinstance(name, str) or name is None else str(name), query if isinstance(query, str) or query is None else str(query))


def prepare(conn: sqlite3.Connection) -> None:
    """Register the functions on one of Datasette's connections and bound what it may build."""
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    conn.create_function("fold", 1, bounded_fold, deterministic=True)
    conn.create_function("symbol_key", 1, bounded_symbol_key, deterministic=True)
    conn.create_function("unit_matches", 2, bounded_unit_matches, deterministic=True)
