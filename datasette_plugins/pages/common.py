"""What the plugin's pages share: the database they read, who may read secret documents,
pages of results, and HTML, JSON and error responses."""
from __future__ import annotations

import json
import math
import sqlite3
import time
from urllib.parse import parse_qsl, urlencode

from urllib.parse import quote

from datasette.utils.asgi import NotFound, Response

from ..permissions import holds_secrets

PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # SQLite's largest rowid: a larger number names no row
MAX_PAGE = 1_000_000


def database(datasette, request):
    """The database a page reads (``?db=`` when several are attached, else the first that is
    not Datasette's own) and the plugin's links for it."""
    names = [name for name in datasette.databases if not name.startswith("_")]
    wanted = request.args.get("db")
    if wanted:
        if wanted not in names:
            raise NotFound(f"No database named {wanted!r}; attached: {', '.join(names) or 'none'}")
        db = datasette.get_database(wanted)
    elif not names:
        raise NotFound("No database is attached")
    else:
        db = datasette.get_database(names[0])
    return db, Links(datasette, db, len(names) > 1)


def row_id(request, name: str = "id") -> int:
    """The id in the page's path: a number SQLite can hold, else the page is not found."""
    value = request.url_vars.get(name, "")
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        raise NotFound("No such id: an id is a number below 2^63")
    return int(value)


async def public_only(db, actor) -> bool:
    """Whether the reader may know only what documents not marked secret say: nobody signed
    in, and the database holds secret documents."""
    return actor is None and await holds_secrets(db.ds, db.name)


def today() -> str:
    """The day the pages are as of (db/status.py's, which tests replace)."""
    from ...db import status

    return status.today()


def page_number(request) -> int:
    try:
        return min(MAX_PAGE, max(1, int(request.args.get("page", "1"))))
    except ValueError:
        return 1


# Counts already made, by database, reading connection and the data version SQLite gives that
# connection (it changes whenever anything is committed): a page asked again counts nothing.
_COUNTS: dict[tuple, tuple[int, bool]] = {}
COUNT_SECONDS = 0.4  # a count taking longer gives "more than N" (N rows counted up to a cap)
COUNT_CAP = 10_000
_STEPS = 1000  # SQLite instructions between two looks at the clock


async def counted(db, sql: str, args: dict | None = None) -> tuple[int, bool]:
    """How many rows ``sql`` gives, and whether exactly: a count that runs out of time is not a
    failed page but "more than N" (the rows counted up to COUNT_CAP, or the count so far)."""
    args = args or {}

    def count(conn) -> tuple[int, bool]:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        key = (db.name, id(conn), version, sql, json.dumps(args, sort_keys=True, default=str))
        if key in _COUNTS:
            return _COUNTS[key]
        deadline = time.monotonic() + COUNT_SECONDS
        conn.set_progress_handler(lambda: time.monotonic() > deadline, _STEPS)
        try:
            found = (conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0], True)
        except sqlite3.OperationalError:  # interrupted
            deadline = time.monotonic() + COUNT_SECONDS
            try:
                found = (conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {COUNT_CAP + 1})", args).fetchone()[0], False)
            except sqlite3.OperationalError:
                found = (PAGE_SIZE, False)
        finally:
            conn.set_progress_handler(None, 0)
        for old in [k for k in _COUNTS if k[:2] == key[:2] and k[2] != version]:
            del _COUNTS[old]
        if len(_COUNTS) > 1000:
            _COUNTS.clear()
        _COUNTS[key] = found
        return found

    return await db.execute_fn(count)


class Pages:
    """Which slice of ``total`` results a page shows, and the links to its neighbours; a total
    not ``exact`` is at least that many (a count that ran out of time): there may be a next page."""

    def __init__(self, request, total: int, page: int, size: int = PAGE_SIZE, exact: bool = True):
        self.total = total
        self.exact = exact
        self.size = size
        self.count = max(1, math.ceil(total / size))
        self.page = min(page, self.count)
        self.offset = (self.page - 1) * size
        args = [(k, v) for k, v in parse_qsl(request.query_string) if k != "page" and v != ""]
        self._base = request.path
        self._args = args
        self.previous = self.link(self.page - 1) if self.page > 1 else None
        self.next = self.link(self.page + 1) if self.page < self.count or (not exact and total > 0) else None

    def link(self, page: int, path: str | None = None) -> str:
        args = self._args + ([("page", str(page))] if page > 1 else [])
        return (path or self._base) + ("?" + urlencode(args) if args else "")

    def as_json(self) -> dict:
        return {"total": self.total, "total_exact": self.exact, "page": self.page, "pages": self.count, "page_size": self.size, "next": self.next}


BUSY = "Trang này cần lâu hơn thời gian cho phép lúc này (máy đang bận): xin thử lại sau ít phút."


async def busy_response(datasette, request, as_json: bool) -> Response:
    """What a page whose query ran out of Datasette's time limit answers: 503 and a reason to
    try again, never a 500 (its counts already degrade to "more than N" instead)."""
    if as_json:
        return json_response({"ok": False, "error": BUSY}, status=503)
    html = await datasette.render_template("error.html", {"error": BUSY, "title": "Quá thời gian", "status": 503}, request=request)
    return Response.html(html, status=503, headers={"Retry-After": "30"})


def json_response(data, status: int = 200) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, indent=1),
        status=status,
        content_type="application/json; charset=utf-8",
    )


async def html_response(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, status=status)


class Links:
    """The plugin's URLs for one request: the base URL prefix, and ``?db=`` when it matters."""

    def __init__(self, datasette, db, several: bool):
        self.datasette = datasette
        self.db = db
        self.suffix = f"?db={quote(db.name, safe='')}" if several else ""

    def _join(self, path: str, query: str = "") -> str:
        url = self.datasette.urls.path(path)
        extra = "&".join(filter(None, [self.suffix.lstrip("?"), query]))
        return f"{url}?{extra}" if extra else url

    def document(self, doc_id: int) -> str:
        return self._join(f"/-/document/{int(doc_id)}")

    def document_json(self, doc_id: int) -> str:
        return self._join(f"/-/document/{int(doc_id)}.json")

    def chain(self, doc_id: int, direction: str) -> str:
        return self._join(f"/-/document/{int(doc_id)}/chain", f"direction={'up' if direction == 'up' else 'down'}")

    def source(self, source_id: int) -> str:
        return self._join(f"/-/source/{int(source_id)}")

    def tasks_from(self, doc_id: int) -> str:
        return self._join("/-/tasks", f"from={int(doc_id)}")

    def missing(self) -> str:
        return self._join("/-/missing")

    def table_row(self, table: str, row_id: int) -> str:
        return self.datasette.urls.row(self.db.name, table, str(int(row_id)))
