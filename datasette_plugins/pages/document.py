"""The document page, `/-/document/<id>` and `.json`: fields, sources, the chain as a picture,
tasks, highlighted text; `/-/document/<id>/chain` lists the whole chain when the picture is cut;
`/-/source/<id>` serves a source file by its ``document_sources`` id (never by a path from the
request). Documents marked secret show text, tasks and files to signed-in users only.
"""
from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import stat
from pathlib import Path
from urllib.parse import quote

from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from .. import chain_svg, document_data, highlight
from ..access import is_secret, may_read
from .common import database, public_only, row_id, today

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


async def document(datasette, request) -> tuple:
    """The page's database, links and data (document_data.load), as far as the reader may see."""
    db, links = database(datasette, request)
    doc_id = row_id(request)
    hide = await public_only(db, request.actor)
    data = await db.execute_fn(lambda conn: document_data.load(conn, doc_id, today(), hide))
    if data is None:
        raise NotFound(f"No document {doc_id} in {db.name}")
    readable = may_read(request.actor, data["document"].get("secrecy"))
    if not readable:
        data["text"] = None
    return db, links, data, readable


async def document_page(datasette, request):
    db, links, data, readable = await document(datasette, request)
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


async def chain_page(datasette, request):
    db, links = database(datasette, request)
    doc_id = row_id(request)
    asked = request.args.get("direction")
    hide = await public_only(db, request.actor)

    def read(conn):
        found = conn.execute("SELECT id, symbol, doc_type, issued_date, issuer, subject, placeholder FROM documents WHERE id = ?", [doc_id]).fetchone()
        if found and hide and found[6] and not document_data.cited_by(conn, doc_id, True)["total"]:
            return None  # a placeholder only secret documents cite
        if not found:
            return None
        # without a direction asked: the side that has documents (below first)
        direction = "up" if asked == "up" else "down"
        rows = document_data.chain_list(conn, doc_id, direction, hide)
        if not rows and asked not in ("up", "down"):
            direction, rows = "up", document_data.chain_list(conn, doc_id, "up", hide)
            if not rows:
                direction = "down"
        return dict(zip(("id", "symbol", "doc_type", "issued_date", "issuer", "subject", "placeholder"), found)), rows, direction

    found = await db.execute_fn(read)
    if not found:
        raise NotFound(f"No document {doc_id} in {db.name}")
    doc, rows, direction = found
    if request.url_vars.get("format") == ".json":
        return Response.json({"document": doc, "direction": direction, "rows": rows})
    context = {"doc": doc, "rows": rows, "direction": direction, "links": links, "relations": document_data.RELATION_LABELS,
               "fmt_date": chain_svg.display_date}
    return Response.html(await datasette.render_template("document_chain.html", context, request=request))


class OpenFileResponse:
    """A file already opened and checked, sent from its descriptor (never opened again by
    its path, which could be replaced in between)."""

    def __init__(self, fd: int, size: int, content_type: str, headers: dict):
        self.fd, self.size, self.content_type, self.headers = fd, size, content_type, headers

    async def asgi_send(self, send):
        headers = [[b"content-type", self.content_type.encode()], [b"content-length", str(self.size).encode()]]
        headers += [[k.encode(), v.encode()] for k, v in self.headers.items()]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        loop = asyncio.get_running_loop()
        try:
            while True:
                chunk = await loop.run_in_executor(None, os.read, self.fd, 1 << 20)
                await send({"type": "http.response.body", "body": chunk, "more_body": bool(chunk)})
                if not chunk:
                    break
        finally:
            os.close(self.fd)


def open_checked(path: str, sha256: str | None) -> tuple[int, int] | str:
    """The open descriptor and size of the file ingested from ``path``, or why it cannot be
    served: a symbolic link (to the database, another document, /etc/shadow), not a regular
    file, gone, or changed since it was ingested (its sha256 differs)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return f"The source file is no longer where it was ingested from ({path}): it was moved or deleted."
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"The source file ({path}) has been replaced by a link: it is not served."
        return f"The source file ({path}) cannot be opened: {exc.strerror}."
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"The source file ({path}) is no longer a regular file: it is not served.")
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
        if not sha256 or digest.hexdigest() != sha256:
            raise ValueError(f"The source file ({path}) has changed since it was ingested: ingest it again to serve it.")
        os.lseek(fd, 0, os.SEEK_SET)
        return fd, info.st_size
    except (ValueError, OSError) as exc:
        os.close(fd)
        return str(exc) if isinstance(exc, ValueError) else f"The source file ({path}) cannot be read: {exc.strerror}."


async def source_file(datasette, request):
    """A source file by its id: the path comes from the database, never from the request, and
    the file is served only while it is the regular file that was ingested."""
    db, _ = database(datasette, request)
    source_id = row_id(request)
    row = (await db.execute(
        "SELECT s.path, s.format, s.encoding, s.sha256, coalesce(d.secrecy, s.secrecy) FROM document_sources s "
        "JOIN documents d ON d.id = s.document_id WHERE s.id = ?",
        [source_id],
    )).first()
    if row is None:
        raise NotFound(f"No source file {source_id}")
    path, fmt, encoding, sha256, secrecy = row
    if not may_read(request.actor, secrecy):
        return Response.text("This document is marked secret: sign in to open its files.", status=403)
    opened = await asyncio.get_running_loop().run_in_executor(None, open_checked, path, sha256)
    if isinstance(opened, str):
        return Response.text(opened, status=404 if "no longer where" in opened else 409)
    fd, size = opened
    content_type = CONTENT_TYPES.get(fmt or "", "application/octet-stream")
    if content_type.startswith("text/") and (encoding or "").lower() in BROWSER_CHARSETS:
        content_type += f"; charset={encoding.lower()}"
    headers = {
        "content-disposition": f"inline; filename*=UTF-8''{quote(Path(path).name, safe='')}",
        "x-content-type-options": "nosniff",
    }
    if content_type.startswith("text/"):
        headers["content-security-policy"] = SANDBOX
    return OpenFileResponse(fd, size, content_type, headers)


ROUTES = [
    (r"^/-/document/(?P<id>\d+)(?P<format>\.json)?$", document_page),
    (r"^/-/document/(?P<id>\d+)/chain(?P<format>\.json)?$", chain_page),
    (r"^/-/source/(?P<id>\d+)$", source_file),
]
