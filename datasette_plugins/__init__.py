"""Datasette plugin: titles, descriptions, facets and search for a directives database,
and the SQL functions ``fold()`` and ``symbol_key()`` so that queries can match text
without diacritics and symbols in any spelling.

Loaded by ``directives serve`` and by plain ``datasette directives.db`` (entry point).
Its rooms: ``pages/`` (one module per page, each with its routes), ``metadata.py`` (tables'
titles and the canned queries), ``templates/``, ``static/`` (served from the package: nothing
loads from the internet), ``access.py`` (who may read documents marked secret). Two more
modules are plugins of their own, each named by an entry point in pyproject.toml:
``permissions.py`` (what a visitor who has not signed in may open) and ``signin.py``.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode

import markupsafe
from datasette import hookimpl

from . import functions, metadata
from .pages import ROUTES

@hookimpl
def prepare_jinja2_environment(env):
    """The Vietnamese formats, as filters of every template: dates dd/mm/yyyy, numbers
    12.345, recurrences and relations by their Vietnamese names (nlp/vietnamese.py)."""
    from ..nlp import vietnamese

    env.filters["vn_date"] = vietnamese.date
    env.filters["vn_number"] = vietnamese.number
    env.filters["vn_recurrence"] = vietnamese.recurrence
    env.filters["vn_relation"] = vietnamese.relation
    env.filters["vn_description"] = vietnamese.description
    env.globals["vn_column"] = lambda name: COLUMN_LABELS.get(name, name)


# The headings of the columns a clerk reads on the table pages (documents, tasks and their public views)
COLUMN_LABELS = {
    "id": "Mã", "symbol": "Số ký hiệu", "doc_type": "Loại", "issued_date": "Ngày ban hành", "year": "Năm",
    "place": "Địa danh", "issuer": "Cơ quan ban hành", "issuer_body": "Cơ quan ban hành (tên chuẩn)", "subject": "Trích yếu", "signer": "Người ký",
    "signer_title": "Chức vụ người ký", "urgency": "Độ khẩn", "secrecy": "Độ mật", "recipients": "Nơi nhận",
    "placeholder": "Chưa nhập", "received_number": "Số đến", "received_date": "Ngày đến", "text": "Toàn văn",
    "document_id": "Văn bản", "organization_id": "Đơn vị", "assignee": "Đơn vị chủ trì", "coordinators": "Phối hợp",
    "action": "Nhiệm vụ", "deadline": "Hạn", "deadline_text": "Hạn (nguyên văn)", "due_by": "Hạn cuối",
    "recurrence": "Định kỳ", "section": "Mục", "start": "Từ ký tự", "end": "Đến ký tự", "status": "Hiệu lực",
    "relation": "Quan hệ", "mention": "Trích dẫn", "confidence": "Độ tin cậy", "source_id": "Văn bản dẫn",
    "target_id": "Văn bản được dẫn", "name": "Tên", "path": "Tệp", "format": "Định dạng",
}


@hookimpl
def register_routes():
    return ROUTES


# The documents table opens on the columns a reader scans (no full text, no JSON) and without
# the cited-but-missing placeholders; every column stays one click away (the filter and
# column menus), since the defaults only apply to the bare address.
DOCUMENTS_COLUMNS = ("symbol", "doc_type", "issued_date", "issuer", "subject", "received_number", "received_date")
DOCUMENTS_DEFAULTS = "&".join([*(f"_col={c}" for c in DOCUMENTS_COLUMNS), "placeholder=0"])
# what a table opened bare shows: the documents a clerk reads; the tasks and links without the
# pages' sort keys
BARE_TABLE_DEFAULTS = {"documents": DOCUMENTS_DEFAULTS, "tasks": "_nocol=board_key&_nocol=open_key",
                       "document_links": "_nocol=source_key"}
_DOCUMENT_ID_COLUMNS = {"documents": ("symbol",), "document_links": ("source_id", "target_id"), "tasks": ("document_id",),
                        "document_sources": ("document_id",), "document_recipients": ("document_id",),
                        # the views open to all when the database holds secret documents (permissions.py)
                        "public_documents": ("symbol",), "public_tasks": ("document_id",),
                        "public_document_sources": ("document_id",), "public_document_links": ("source_id", "target_id"),
                        "public_document_recipients": ("document_id",)}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def redirect_bare_documents_table(scope, receive, send):
            path = scope.get("path", "")
            if scope.get("type") == "http":
                await status_kept_current(datasette)
            route, _, table = path[1:].rpartition("/")
            searched = _table_search(scope, route, table)
            if searched is not None and any(db.route == route for db in datasette.databases.values()):
                # the documents table's search box asks the search page, which ranks as a clerk
                # expects (the phrase first, the trích yếu before the body); its JSON stays Datasette's
                location = datasette.urls.path("/-/search?" + urlencode(searched))
                await _answer(send, 302, b"", [[b"location", location.encode()]])
                return
            if scope.get("type") == "http" and not scope.get("query_string") and table in BARE_TABLE_DEFAULTS:
                if route and "/" not in route and any(db.route == route for db in datasette.databases.values()):
                    location = datasette.urls.path(f"/{route}/{table}?{BARE_TABLE_DEFAULTS[table]}")
                    await _answer(send, 302, b"", [[b"location", location.encode()]])
                    return
            if scope.get("type") == "http" and path.endswith(".csv") and path.count("/") == 1 and b"sql=" not in (scope.get("query_string") or b""):
                # Datasette 0.65 answers a database's CSV without a query with a 500 (KeyError 'columns')
                await _answer(send, 400, "A database's CSV is the answer to a query: add ?sql=...".encode())
                return
            await app(scope, receive, send)

        return redirect_bare_documents_table

    return wrap


def _table_search(scope, route: str, table: str) -> list[tuple[str, str]] | None:
    """The search page's arguments for a search typed in a documents table's box (HTML page),
    its type and year filters kept; None for anything else."""
    if scope.get("type") != "http" or table not in ("documents", "public_documents") or not route or "/" in route:
        return None
    args = parse_qsl((scope.get("query_string") or b"").decode("utf-8", "replace"))
    query = " ".join(v for k, v in args if k == "_search" and v.strip())
    if not query or any(k.startswith("_fts") for k, _ in args):  # a chosen index is refused, not redirected
        return None
    kept = {"doc_type": "type", "year": "year"}
    return [("q", query)] + [(kept[k], v) for k, v in args if k in kept and v]


async def _answer(send, status: int, body: bytes, headers: list | None = None) -> None:
    headers = [[b"content-type", b"text/plain; charset=utf-8"], [b"content-length", str(len(body)).encode()], *(headers or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def startup(datasette):
    # Facet suggestions cost about 260 ms of each documents page on a whole corpus, for
    # suggestions nobody needs: the useful facets are configured in the metadata.
    datasette._settings["suggest_facets"] = False
    quiet_tracebacks()

    async def first():
        await status_kept_current(datasette)

    return first


STATUS_EVERY = 600.0  # seconds between two looks for statuses whose day has come


def _refresh_due(conn) -> int:
    from ..db import status as doc_status

    with conn:  # one transaction: Datasette's write thread leaves committing to us
        return doc_status.refresh_due(conn)


async def status_kept_current(datasette) -> None:
    """The documents table's stored ``status`` as of today, in a served database too: the
    pages compute it from its parts (db/status.sql), but the table's column and its facet read
    what was stored, as of the last ingest. At most every ``STATUS_EVERY`` seconds, an indexed
    look for rows whose ``status_changes_on`` has come, and, if any, one write that brings
    them up to date (db/status.refresh_due). A database served immutable, or busy with an
    ingest, is left for the next look."""
    import time

    from ..db import status as doc_status

    now = time.monotonic()
    looked = datasette.__dict__.setdefault("_directives_status_looked", {})
    for name, db in list(datasette.databases.items()):
        if name.startswith("_") or not db.is_mutable or now - looked.get(name, -STATUS_EVERY) < STATUS_EVERY:
            continue
        looked[name] = now
        try:
            due = await db.execute(
                "SELECT 1 FROM documents WHERE status_changes_on <= ? LIMIT 1", [doc_status.today()])
            if due.first():
                await db.execute_write_fn(_refresh_due)
        except Exception:  # no documents table (another database), an older schema, locked: next time
            continue


def quiet_tracebacks() -> None:
    """Datasette prints every error with rich when rich is installed (it is: the ingest's
    progress display), locals included, and calls it outside an ``except`` block for a path
    no route matches, where rich raises: every unknown path of three parts or more
    (``/a/b/c/d``) answered 500 instead of 404. The locals also put a request's values, a
    secret document's text among them, in the server's log. Datasette's error page stays."""
    import datasette.handle_exception

    datasette.handle_exception.rich = None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A document's symbol, and the documents other tables point to, link to its page."""
    if table is None:  # a query's rows (the canned queries): a symbol beside its document's id
        keys = row.keys()
        doc_id = row["document_id"] if "document_id" in keys else row["id"] if "id" in keys else None
        if column != "symbol" or value in (None, "") or not isinstance(doc_id, int):
            return None
        return markupsafe.Markup('<a href="{}">{}</a>').format(_document_url(datasette, database, doc_id), value)
    if column in _DATE_COLUMNS and isinstance(value, str) and len(value) == 10 and value[4] == "-":
        # a day as a Vietnamese reader writes it; ISO stays in JSON, CSV and the datetime attribute
        from ..nlp.vietnamese import date

        return markupsafe.Markup('<time datetime="{}">{}</time>').format(value, date(value))
    if column not in _DOCUMENT_ID_COLUMNS.get(table, ()):
        return None
    if table in ("documents", "public_documents"):
        if "id" not in row.keys():
            return None
        # a document without a symbol (a law cited by its name, an unnumbered letter) keeps its link
        label = value if value not in (None, "") else markupsafe.Markup('<em class="directives-nosymbol">(không số)</em>')
        return markupsafe.Markup('<a href="{}">{}</a>').format(_document_url(datasette, database, row["id"]), label)
    if isinstance(value, dict):  # a foreign key Datasette expanded to its label
        label, value = value.get("label"), value.get("value")
    else:
        label = value
    if value is None:
        return None
    return markupsafe.Markup('<a href="{}">{}</a>').format(_document_url(datasette, database, value), label if label not in (None, "") else value)


_DATE_COLUMNS = {"issued_date", "received_date", "deadline", "due_by", "cited_date", "date"}


def _document_url(datasette, database: str, doc_id) -> str:
    several = sum(1 for name in datasette.databases if not name.startswith("_")) > 1
    return datasette.urls.path(f"/-/document/{int(doc_id)}") + (f"?db={quote(database, safe='')}" if several else "")


@hookimpl
def extra_css_urls(template, datasette):
    # On the table pages: column descriptions as the headers' tooltips, not a list before the rows
    if template == "table.html":
        return [datasette.urls.static_plugins("directives", "tables.css")]
    return []


@hookimpl
def extra_body_script(template):
    if template == "table.html":
        return (
            "document.querySelectorAll('th[data-column-description]')"
            ".forEach(function (th) { th.title = th.dataset.columnDescription; });"
        )
    return ""


@hookimpl
def prepare_connection(conn):
    functions.prepare(conn)  # fold(), symbol_key() and unit_matches(), bounded


@hookimpl
def get_metadata(datasette, key, database, table):
    return metadata.metadata([name for name in datasette.databases if not name.startswith("_")])
