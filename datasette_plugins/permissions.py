"""Datasette's permissions for documents marked Mật, Tối mật or Tuyệt mật.

Datasette 0.65 cannot hide rows or columns of a table from some users only, so when a
database holds any secret document an anonymous user (not signed in) may not:
  - run arbitrary SQL (it would read any column of any row);
  - open the tables that carry their text, tasks or files: ``documents``, ``tasks``,
    ``document_sources``, ``document_links`` (the mention as written) and the search index,
    as pages, JSON or CSV;
  - download the database file.
They browse the views ``public_documents`` (every document, the text of secret ones left
out), ``public_tasks`` and ``public_document_sources`` (those of the other documents)
instead, and the canned queries leave secret documents out for them (``:_signed_in``).
A database without secret documents is open as before. Signed-in users (sign-in by
datasette-auth-passwords, users from ``DIRECTIVES_USERS``: see the README) see everything.
"""
from __future__ import annotations

import os
import time

from datasette import hookimpl

from ..db.schema import SECRET

USERS_ENV = "DIRECTIVES_USERS"
HIDDEN_TABLES = {"documents", "tasks", "document_sources", "document_links"}
_CHECK_EVERY = 1.0  # seconds a database's "holds secret documents" answer is kept


def parse_users(text: str) -> dict[str, str]:
    """``NAME:HASH NAME:HASH`` (hashes from ``datasette hash-password``) to a dict."""
    users = {}
    for item in text.split():
        name, _, password_hash = item.partition(":")
        if not name or not password_hash.startswith("pbkdf2_sha256$"):
            raise ValueError(f"{item[:40]!r} is not NAME:HASH with a hash from `datasette hash-password`")
        users[name] = password_hash
    return users


async def holds_secrets(datasette, database: str) -> bool:
    """Whether the database holds any document marked secret (kept for a second)."""
    now = time.monotonic()
    if not hasattr(datasette, "_directives_secrets"):
        datasette._directives_secrets = {}
    _holds = datasette._directives_secrets
    known = _holds.get(database)
    if known and now - known[0] < _CHECK_EVERY:
        return known[1]
    try:
        db = datasette.get_database(database)
        if not await db.table_exists("documents"):
            answer = False
        else:
            rows = await db.execute(f"SELECT EXISTS (SELECT 1 FROM documents d WHERE {SECRET})")
            answer = bool(rows.first()[0])
    except Exception:  # an unreadable database: treat it as holding secrets
        answer = True
    _holds[database] = (now, answer)
    return answer


def _hidden(table: str) -> bool:
    return table in HIDDEN_TABLES or table.startswith("documents_fts")


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    if actor is not None or action not in ("execute-sql", "view-table", "view-database-download"):
        return None
    if action == "view-table":
        database, table = resource
        if not _hidden(table):
            return None
    else:
        database = resource

    async def decide():
        if database.startswith("_") or not await holds_secrets(datasette, database):
            return None
        return False

    return decide


@hookimpl
def forbidden(datasette, request, message):
    """Tell a visitor who has not signed in why a page is closed and where to go."""
    if request.actor is not None or request.path.endswith((".json", ".csv")):
        return None  # API clients get Datasette's own answer

    async def page():
        from datasette.utils.asgi import Response

        text = (
            f"{message}. This database holds documents marked Mật, Tối mật or Tuyệt mật, shown to "
            "signed-in users only: sign in at /-/login, or browse public_documents, public_tasks and "
            "public_document_sources."
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


_VIEWS = {
    "public_documents": {
        "title": "Directives (open to all)",
        "description": "Every document; the text of those marked Mật, Tối mật or Tuyệt mật is shown to signed-in users only.",
        "facets": ["doc_type", "issuer", "year", "secrecy"],
        "sort_desc": "issued_date",
        "label_column": "symbol",
    },
    "public_tasks": {
        "title": "Tasks (open to all)",
        "description": "The tasks of the documents not marked secret.",
    },
    "public_document_sources": {
        "title": "Source files (open to all)",
        "description": "The files of the documents not marked secret.",
    },
}


@hookimpl
def get_metadata(datasette, key, database, table):
    """The public views' titles, and sign-in by datasette-auth-passwords for the users of
    ``DIRECTIVES_USERS``."""
    names = [name for name in datasette.databases if not name.startswith("_")]
    metadata: dict = {"databases": {name: {"tables": _VIEWS} for name in names}}
    try:
        users = parse_users(os.environ.get(USERS_ENV, ""))
    except ValueError:
        users = {}
    if users:
        metadata["plugins"] = {"datasette-auth-passwords": {f"{name}_password_hash": h for name, h in users.items()}}
    return metadata
