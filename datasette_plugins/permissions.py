"""Datasette's permissions for documents marked Mật, Tối mật or Tuyệt mật.

Datasette 0.65 cannot hide rows or columns of a table from some users only, so when a
database holds any secret document a visitor who has not signed in may open only the
``public_*`` views (db/schema.py: every document's header, the text, tasks, files, links,
recipients and units of the others, the placeholders some public document cites) and
``ingest_errors``; every other table, view or index, today's and any added later, is closed
to them, as pages, JSON or CSV. They may not run arbitrary SQL (it would read any row) nor
download the file, and the canned queries leave what secret documents say out for them
(``:_signed_in``). No request may pick the full-text index a table is searched with
(``_fts_table``, ``_fts_pk``): the public views have none, and the documents' index would
tell which secret text holds a word. Whether a database holds secret documents is asked of
the database on every request (an index answers it at once), so the first secret document
is closed from the moment it is committed. A database without secret documents is open.
Signed-in users (signin.py) see everything.
"""
from __future__ import annotations

from urllib.parse import unquote_to_bytes

from datasette import hookimpl

from ..db.schema import HOLDS_SECRETS, PUBLIC_VIEW_NAMES

OPEN_TABLES = frozenset(PUBLIC_VIEW_NAMES) | {"ingest_errors"}
REQUEST_CHOSEN_INDEX = (b"_fts_table", b"_fts_pk")


async def holds_secrets(datasette, database: str) -> bool:
    """Whether the database holds any document marked secret, asked now."""
    try:
        db = datasette.get_database(database)
        rows = await db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
        )
        if not rows.first():
            return False
        return bool((await db.execute(HOLDS_SECRETS)).first()[0])
    except Exception:  # an unreadable or foreign database: treat it as holding secrets
        return True


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    if actor is not None or action not in ("execute-sql", "view-table", "view-database-download"):
        return None
    if action == "view-table":
        database, table = resource
        if table in OPEN_TABLES:
            return None
    else:
        database = resource

    async def decide():
        if database.startswith("_") or not await holds_secrets(datasette, database):
            return None
        return False

    return decide


@hookimpl
def asgi_wrapper(datasette):
    """Refuse ``_fts_table`` and ``_fts_pk`` from any request: the index a table is searched
    with is the metadata's to say, never the visitor's."""

    def wrap(app):
        async def refuse_chosen_index(scope, receive, send):
            if scope.get("type") == "http":
                query = scope.get("query_string") or b""
                names = {part.split(b"=", 1)[0] for part in query.split(b"&")}
                if any(unquote_to_bytes(name) in REQUEST_CHOSEN_INDEX for name in names):
                    body = b"_fts_table and _fts_pk cannot be given in a request: search uses the table's own index."
                    await send({"type": "http.response.start", "status": 400,
                                "headers": [[b"content-type", b"text/plain; charset=utf-8"], [b"content-length", str(len(body)).encode()]]})
                    await send({"type": "http.response.body", "body": body})
                    return
            await app(scope, receive, send)

        return refuse_chosen_index

    return wrap


@hookimpl
def forbidden(datasette, request, message):
    """Tell a visitor who has not signed in why a page is closed and where to go."""
    if request.actor is not None or request.path.endswith((".json", ".csv")):
        return None  # API clients get Datasette's own answer

    async def page():
        from datasette.utils.asgi import Response

        text = (
            f"{message}. This database holds documents marked Mật, Tối mật or Tuyệt mật, shown to "
            "signed-in users only: sign in at /-/login, or browse the public_documents, public_tasks and "
            "other public_ views."
        )
        html = await datasette.render_template("error.html", {"title": "Sign in to see this", "error": text}, request=request)
        return Response.html(html, status=403)

    return page


@hookimpl
def register_magic_parameters(datasette):
    """``:_signed_in``: 1 for a signed-in user, 0 otherwise, for the canned queries' filter."""

    def signed(key, request):
        if key != "in":
            raise KeyError(key)
        return 1 if request.actor else 0

    return [("signed", signed)]
