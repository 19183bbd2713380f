"""The SQL functions the plugin gives Datasette's connections, bounded.

SQLite cannot stop a query inside one function call (Datasette's time limit is checked
between steps), and builds a function's argument whole before the call: an unbounded
``fold(printf('%.*c', 200000000, 'á'))`` ran 9 s and three at once took the server to 2.3 GB.
So each connection refuses to build strings over ``MAX_LENGTH`` bytes (SQLite's own length
limit: the printf above is refused at once), and ``fold()`` and ``symbol_key()`` refuse
inputs over ``MAX_CHARACTERS`` (about a tenth of a second of work) with an SQL error, and
``unit_matches()`` (run once per organization) a query over ``MAX_QUERY``.

SQLite's own ``printf()`` (and its other name ``format()``) pads to any width it is given:
``printf('%.*c', 2000000000, 'x')`` held a thread for 13 s, and three such requests stalled
every page. A function registered under a built-in's name takes its place on that
connection, so each connection gets a ``printf``/``format`` that refuses a width or a
precision over ``MAX_WIDTH`` and hands everything else to SQLite's own, on a private
in-memory connection: the same output, bounded.
"""
from __future__ import annotations

import re
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


MAX_WIDTH = 10_000  # the widest field a printf() format may ask for
# A conversion of SQLite's printf: flags, width, precision (either may be "*": the next
# argument), length modifiers, the type (https://sqlite.org/printf.html)
_CONVERSION = re.compile(r"%([-+ 0#,!]*)(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?([a-zA-Z%])")


def bounded_printf_for(conn_private: sqlite3.Connection):
    def printf(*args):
        if not args or args[0] is None:
            return None
        fmt = str(args[0])
        rest = list(args[1:])
        used = 0
        for flags, width, precision, kind in _CONVERSION.findall(fmt):
            for part in (width, precision):
                if part == "*":
                    value = rest[used] if used < len(rest) else 0
                    used += 1
                    try:
                        number = abs(int(value))
                    except (TypeError, ValueError):
                        number = 0
                elif part:
                    number = int(part)
                else:
                    continue
                if number > MAX_WIDTH:
                    raise TooLong(f"printf() widths and precisions are at most {MAX_WIDTH}")
            if kind != "%":
                used += 1
        marks = ", ".join("?" for _ in args)
        return conn_private.execute(f"SELECT printf({marks})", args).fetchone()[0]

    return printf


def prepare(conn: sqlite3.Connection) -> None:
    """Register the functions on one of Datasette's connections and bound what it may build."""
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    private = sqlite3.connect(":memory:", check_same_thread=False)  # SQLite's own printf, used by this connection only
    if hasattr(private, "setlimit"):
        private.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    printf = bounded_printf_for(private)
    conn.create_function("printf", -1, printf)
    conn.create_function("format", -1, printf)
    conn.create_function("fold", 1, bounded_fold, deterministic=True)
    conn.create_function("symbol_key", 1, bounded_symbol_key, deterministic=True)
    conn.create_function("unit_matches", 2, bounded_unit_matches, deterministic=True)
