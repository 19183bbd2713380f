"""The document page, `/-/document/<id>` and `.json`: fields, sources, the chain as a picture,
tasks, highlighted text; `/-/document/<id>/chain` lists the whole chain when the picture is cut;
`/-/source/<id>` serves a source file by its ``document_sources`` id (never by a path from the
request). Documents marked secret show text, tasks and files to signed-in users only.
"""
from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path
from urllib.parse import quote

from datasette.utils.asgi import AsgiFileDownload, NotFound, Response
from markupsafe import Markup

from .. import chain_svg, document_data, highlight
from ..access import is_secret, may_read

# Source formats as browsers should get them. Text-like sources are served under a sandbox
# policy: an ingested HTML page is the office's data, and must not run as this site.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "rtf": "application/rtf",
    "html": "text/html",
    "txt": "text/plain",
    "md": "text/plain",
}
BROWSER_CHARSETS = {"utf-8", "utf-16", "windows-1258"}
WIDE_GRAPH_PT = 560  # about the column beside the fields on a 1280-pixel screen
SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def database(datasette, request):
    """The database the page reads: ``?db=`` when several are attached, else the first that is
    not Datasette's own."""
    names = [name for name in datasette.databases if not name.startswith("_")]
    wanted = request.args.get("db")
    if wanted:
        if wanted not in names:
            raise NotFound(f"No database named {wanted!r}; attached: {', '.join(names) or 'none'}")
        return datasette.get_database(wanted), len(names) > 1
    if not names:
        raise NotFound("No database is attached")
    return datasette.get_database(names[0]), len(names) > 1


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


def _id(request) -> int:
    try:
        return int(request.url_vars["id"])
    except (KeyError, ValueError):
        raise NotFound("An id is a number") from None


async def _load(datasette, request):
    db, several = database(datasette, request)
    doc_id = _id(request)
    data = await db.execute_fn(lambda conn: document_data.load(conn, doc_id, date.today().isoformat()))
    if data is None:
        raise NotFound(f"No document {doc_id} in {db.name}")
    return db, Links(datasette, db, several), data


def _restrict(data: dict, actor) -> bool:
    """Withhold a secret document's text, tasks and files from a reader who is not signed in."""
    readable = may_read(actor, data["document"].get("secrecy"))
    if not readable:
        data["text"] = None
        data["tasks"] = []
        data["sources"] = []
        data["mentions"] = []
        data["references"] = [{k: v for k, v in r.items() if k not in ("mention", "start", "end")} for r in data["references"]]
    # a citation's words are the citing document's text: hidden where that one is secret
    for row in [*data["cited_by"]["rows"], *data["citations"]]:
        if not may_read(actor, row.get("source_secrecy")):
            row["mention"] = None
    for group in data.get("diagram", []):  # the parts acted on are the stating document's words
        for entry in group["entries"]:
            if not may_read(actor, entry.pop("stated_secrecy", None)):
                entry["scopes"] = []
    detail = data.get("status") or {}
    for act in [*detail.get("acts", []), *detail.get("pending", []), *([detail["ended_by"]] if detail.get("ended_by") else [])]:
        if not may_read(actor, act.pop("stated_secrecy", None)):
            act["scope"] = None
    return readable


async def document_page(request, datasette):
    db, links, data = await _load(datasette, request)
    readable = _restrict(data, request.actor)
    doc = data["document"]
    if request.url_vars.get("format") == ".json":
        for source in data["sources"]:
            source["url"] = links.source(source["id"])
        data["readable"] = readable
        data["database"] = db.name
        return Response.json(data, default=str)
    graph_svg, graph_error = None, None
    if len(data["chain"]["nodes"]) > 1 or data["chain"]["more"]:
        source = chain_svg.dot_source(data["chain"], links.document, links.chain)
        try:
            graph_svg = Markup(await asyncio.get_running_loop().run_in_executor(None, chain_svg.render_svg, source))
        except chain_svg.GraphError as error:
            graph_error = str(error)
    text_html = None
    if data["text"]:
        text_html = Markup(highlight.render(data["text"], data["mentions"], data["tasks"], links.document))
    nodes = {n["id"]: n for n in data["chain"]["nodes"]}
    marked = {}
    for field in doc["read_by_ocr"]:
        marked.setdefault(field, []).append(("ocr", "OCR", "Đọc bằng OCR từ bản quét: nên đối chiếu với bản gốc"))
    for field in doc["from_signature"]:
        marked.setdefault(field, []).append(("sig", "chữ ký số", "Lấy từ chữ ký số của tệp PDF"))
    for field in doc["from_file_name"]:
        marked.setdefault(field, []).append(("file", "tên tệp", "Lấy từ tên tệp (OCR không đọc được số)"))
    context = {
        "doc": doc,
        "data": data,
        "readable": readable,
        "secret": is_secret(doc.get("secrecy")),
        "marked": marked,
        "links": links,
        "nodes": nodes,
        "graph_svg": graph_svg,
        # a picture wider than the column beside the fields gets the page's whole width
        "graph_wide": bool(graph_svg) and chain_svg.width_pt(graph_svg) > WIDE_GRAPH_PT,
        "graph_error": graph_error,
        "text_html": text_html,
        "relations": document_data.RELATION_LABELS,
        "type_name": document_data.type_name,
        "overdue_count": sum(1 for t in data["tasks"] if t["overdue"]),
        "fmt_date": chain_svg.display_date,
        "database_name": db.name,
    }
    return Response.html(await datasette.render_template("document.html", context, request=request))


async def chain_page(request, datasette):
    db, several = database(datasette, request)
    links = Links(datasette, db, several)
    doc_id = _id(request)
    direction = "up" if request.args.get("direction") == "up" else "down"

    def read(conn):
        found = conn.execute("SELECT id, symbol, doc_type, issued_date, issuer, subject, placeholder FROM documents WHERE id = ?", [doc_id]).fetchone()
        return found and (dict(zip(("id", "symbol", "doc_type", "issued_date", "issuer", "subject", "placeholder"), found)),
                          document_data.chain_list(conn, doc_id, direction))

    found = await db.execute_fn(read)
    if not found:
        raise NotFound(f"No document {doc_id} in {db.name}")
    doc, rows = found
    if request.url_vars.get("format") == ".json":
        return Response.json({"document": doc, "direction": direction, "rows": rows})
    context = {"doc": doc, "rows": rows, "direction": direction, "links": links, "relations": document_data.RELATION_LABELS,
               "fmt_date": chain_svg.display_date}
    return Response.html(await datasette.render_template("document_chain.html", context, request=request))


async def source_file(request, datasette):
    """A source file by its id: the path comes from the database, never from the request."""
    db, _ = database(datasette, request)
    source_id = _id(request)
    row = (await db.execute(
        "SELECT s.path, s.format, s.encoding, d.secrecy FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE s.id = ?",
        [source_id],
    )).first()
    if row is None:
        raise NotFound(f"No source file {source_id}")
    path, fmt, encoding, secrecy = row
    if not may_read(request.actor, secrecy):
        return Response.text("This document is marked secret: sign in to open its files.", status=403)
    file = Path(path)
    if not file.is_file():
        return Response.text(
            f"The source file is no longer where it was ingested from ({path}): it was moved or deleted.", status=404
        )
    content_type = CONTENT_TYPES.get(fmt or "", "application/octet-stream")
    if content_type.startswith("text/") and (encoding or "").lower() in BROWSER_CHARSETS:
        content_type += f"; charset={encoding.lower()}"
    headers = {
        "content-disposition": f"inline; filename*=UTF-8''{quote(file.name, safe='')}",
        "x-content-type-options": "nosniff",
    }
    if content_type.startswith("text/"):
        headers["content-security-policy"] = SANDBOX
    return AsgiFileDownload(os.fspath(file), content_type=content_type, headers=headers)


ROUTES = [
    (r"^/-/document/(?P<id>\d+)(?P<format>\.json)?$", document_page),
    (r"^/-/document/(?P<id>\d+)/chain(?P<format>\.json)?$", chain_page),
    (r"^/-/source/(?P<id>\d+)$", source_file),
]
