"""What the plugin's pages share: the database they read, who may read secret documents,
pages of results, and HTML, JSON and error responses."""
from __future__ import annotations

import json
import math
from datetime import date
from urllib.parse import parse_qsl, urlencode

from datasette.utils.asgi import Response

from ..access import is_secret
from . import document

PAGE_SIZE = 50


def database(datasette, request):
    """The database a page reads (``?db=`` when several are attached, else the first, as the
    document page does) and the plugin's links for it."""
    db, several = document.database(datasette, request)
    return db, document.Links(datasette, db, several)


def today() -> str:
    return date.today().isoformat()


async def secret_ids(db, actor) -> list[int]:
    """Documents whose text, tasks and sources this actor may not read (marked Mật, Tối mật,
    Tuyệt mật and nobody signed in)."""
    if actor is not None:
        return []
    rows = await db.execute("SELECT id, secrecy FROM documents WHERE secrecy IS NOT NULL AND secrecy != ''")
    return [row[0] for row in rows if is_secret(row[1])]


def page_number(request) -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


class Pages:
    """Which slice of ``total`` results a page shows, and the links to its neighbours."""

    def __init__(self, request, total: int, page: int, size: int = PAGE_SIZE):
        self.total = total
        self.size = size
        self.count = max(1, math.ceil(total / size))
        self.page = min(page, self.count)
        self.offset = (self.page - 1) * size
        args = [(k, v) for k, v in parse_qsl(request.query_string) if k != "page" and v != ""]
        self._base = request.path
        self._args = args
        self.previous = self.link(self.page - 1) if self.page > 1 else None
        self.next = self.link(self.page + 1) if self.page < self.count else None

    def link(self, page: int, path: str | None = None) -> str:
        args = self._args + ([("page", str(page))] if page > 1 else [])
        return (path or self._base) + ("?" + urlencode(args) if args else "")

    def as_json(self) -> dict:
        return {"total": self.total, "page": self.page, "pages": self.count, "page_size": self.size, "next": self.next}


def json_response(data, status: int = 200) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, indent=1),
        status=status,
        content_type="application/json; charset=utf-8",
    )


async def html_response(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, status=status)


