"""Datasette plugin: titles, descriptions, facets and search for a directives database,
and the SQL functions ``fold()`` and ``symbol_key()`` so that queries can match text
without diacritics and symbols in any spelling.

Loaded by ``directives serve`` and by plain ``datasette directives.db`` (entry point).
Its rooms: ``pages/`` (one module per page, each with its routes), ``templates/``,
``static/`` (served from the package: nothing loads from the internet), ``access.py`` (who
may read documents marked secret).
"""
from __future__ import annotations

from urllib.parse import quote

import markupsafe
from datasette import hookimpl

from datasette.plugins import pm

from . import functions, permissions
from .pages import ROUTES

# The entry point names this module only: the hooks of permissions.py are registered here.
if not pm.is_registered(permissions):
    pm.register(permissions, name="directives.datasette_plugins.permissions")

_TABLES = {
    "documents": {
        "title": "Directives",
        "description": "One row per document: what it is (số ký hiệu, type, date, place, issuer, trích yếu, signer) "
        "as extracted from its text. Search works with or without diacritics and finds symbols in any spelling.",
        "facets": ["doc_type", "issuer", "year", "status"],
        "facet_size": 8,
        "sort_desc": "issued_date",
        "searchmode": "escaped",
        "label_column": "symbol",
        "columns": {
            "symbol": "Số ký hiệu as printed after 'Số:'",
            "symbol_key": "The symbol folded for matching: lower case, no diacritics, no spaces, dashes, dots or &",
            "doc_type": "Type abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III); CV for a công văn",
            "issued_date": "Date of issue (ISO)",
            "place": "Địa danh before the date",
            "issuer": "Issuing body with its locality",
            "subject": "Trích yếu",
            "signer_title": "The signer's own post",
            "recipients": "Nơi nhận (JSON list)",
            "text": "Normalised full text",
            "search_folded": "Symbol, subject and issuer folded, and the words of the text that hold đ, folded: indexed so that search works without diacritics",
            "identity": "Duplicate key: symbol, the issuer's province for a provincial symbol, year (or the content hash)",
            "placeholder": "1 for a document cited by others but not ingested: it carries what the citations say of it",
            "signatures": "PDF digital signatures: the signing body or person and the time (JSON)",
            "read_by_ocr": "Fields whose value was read through OCR (JSON list)",
            "from_signature": "Fields taken from the digital signature because OCR could not read them, or read them wrong (JSON list)",
            "from_file_name": "Fields taken from the file's name (a number OCR could not read, whose codes the page confirms) (JSON list)",
            "status": "Tình trạng hiệu lực as of status_detail's as_of, from the document's own text and the documents acting on it in this database",
            "effective_date": "The day it takes effect, as its own final articles say",
            "expiry_date": "The last day it is in force, where it says one",
            "status_detail": "The acts on it (JSON): each acting document, the part acted on and the day",
        },
    },
    "document_links": {
        "title": "Links between documents",
        "description": "One row per citing document (source) and cited document (target): based_on (Căn cứ), "
        "implements (Thực hiện, Triển khai), amends, replaces, repeals, responds_to (Xét đề nghị, Phúc đáp) or cites.",
        "facets": ["relation"],
        "columns": {
            "relations": "Every act the citing text states on the cited document (JSON): the relations and guides; amended_by, repealed_by ... for a consolidation note saying the cited document acts on the citing one",
            "scope": "The part acted on (Điều 5, Khoản 2 Điều 3)",
            "acts": "Each act with its part and the day it takes effect (JSON)",
            "mention": "The citation as the text writes it",
            "confidence": "1.0 when the symbol names its document; lower when the province or the year had to be assumed",
            "start": "Where the citation starts in the citing document's text",
        },
    },
    "document_sources": {
        "title": "Source files",
        "description": "Each file a document was read from, with its format and sha256; one document may have several.",
        "facets": ["format"],
    },
    "ingest_errors": {
        "title": "Files that could not be read",
        "description": "The latest failure of each file that could not be read or parsed, with the reason.",
    },
}

# For users not signed in, the tasks of secret documents are left out and what their text says
# of other documents (the mention) is empty: their header stays listed (permissions.py).
_SECRET = "coalesce({d}.secrecy, '') in ('Mật', 'Tối mật', 'Tuyệt mật')"
_QUERIES = {
    "find_symbol": {
        "title": "Find a document by its số ký hiệu, in any spelling",
        "description": "\"1477/qd-ubnd\", \"1477/QĐ-UBND\" and \"1477 / QĐ–UBND\" all match.",
        "sql": "select id, symbol, doc_type, issued_date, issuer, subject from documents "
        "where symbol_key = symbol_key(:symbol) order by issued_date desc",
    },
    "cited_by": {
        "title": "Documents that cite a document",
        "description": "Every document that names the given số ký hiệu, with how it relates to it.",
        "sql": "select s.id, s.symbol, s.doc_type, s.issued_date, s.issuer, l.relation, "
        f"case when :_signed_in or not {_SECRET.format(d='s')} then l.mention end as mention, l.confidence "
        "from documents t join document_links l on l.target_id = t.id join documents s on s.id = l.source_id "
        "where t.symbol_key = symbol_key(:symbol) order by s.issued_date",
    },
    "issuer_documents": {
        "title": "Documents of an issuer in a period",
        "description": "The documents an issuing body signed between two dates (YYYY-MM-DD, either may be left "
        "empty). The issuer in any spelling, every word of it found in the issuer's name: \"ubnd quang ngai\", "
        "\"bo tai chinh\".",
        "sql": "select id, symbol, doc_type, issued_date, issuer, subject from documents "
        "where placeholder = 0 and unit_matches(issuer, :issuer) "
        "and (:since = '' or issued_date >= :since) and (:until = '' or issued_date <= :until) "
        "order by issued_date desc, id desc",
    },
    "implementing": {
        "title": "What implements a decision",
        "description": "Every document based on the document with this số ký hiệu or implementing it, "
        "transitively (10 links at most), with how far down the chain it is and how it names what it carries out.",
        "sql": "with recursive chain(id, depth) as ("
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "where l.relation in ('based_on', 'implements') and c.depth < 10) "
        "select min(c.depth) as depth, d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, "
        f"case when :_signed_in or not {_SECRET.format(d='d')} then "
        "(select group_concat(l.relation || ': ' || l.mention, ' | ') from document_links l join chain p on p.id = l.target_id "
        "where l.source_id = d.id and l.relation in ('based_on', 'implements')) end as how "
        "from chain c join documents d on d.id = c.id where c.depth > 0 "
        "group by d.id order by depth, d.issued_date, d.id",
    },
    "unit_open_tasks": {
        "title": "A unit's open tasks",
        "description": "The tasks of a unit (any spelling, with or without diacritics: \"so tai chinh quang ngai\", "
        "\"UBND tinh Dak Lak\") that are still running: due today or later, then standing duties and those without "
        "a deadline. Past-due ones are in unit_tasks.",
        "sql": "select coalesce(o.name, t.assignee) as unit, d.id as document_id, d.symbol, d.issued_date, t.action, "
        "t.due_by, t.deadline_text, t.recurrence, t.section "
        "from tasks t join documents d on d.id = t.document_id join organizations o on o.id = t.organization_id "
        "where unit_matches(o.key, :unit) and (t.due_by is null or t.due_by >= date('now')) "
        f"and (:_signed_in or not {_SECRET.format(d='d')}) "
        "order by t.due_by is null, t.due_by, d.issued_date, t.start",
    },
    "derived_tasks": {
        "title": "Tasks that derive from a document",
        "description": "The tasks of the document with this số ký hiệu and of every document based on it or "
        "implementing it, transitively (10 links at most): overdue ones (past the last day allowed, due_by) first, "
        "then by due_by, then standing and periodic duties.",
        "sql": "with recursive chain(id, depth) as ("
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "where l.relation in ('based_on', 'implements') and c.depth < 10) "
        "select d.id as document_id, d.symbol, d.doc_type, d.issued_date, coalesce(o.name, t.assignee) as unit, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from (select distinct id from chain) c join tasks t on t.document_id = c.id join documents d on d.id = t.document_id "
        "left join organizations o on o.id = t.organization_id "
        f"where :_signed_in or not {_SECRET.format(d='d')} "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
    "unit_tasks": {
        "title": "Tasks of one unit",
        "description": "Every task given to a unit (any spelling, with or without diacritics: \"so tai chinh\"), "
        "across all documents: overdue ones (past the last day allowed, due_by) first, then by due_by, "
        "then standing and periodic duties.",
        "sql": "select coalesce(o.name, t.assignee) as unit, d.id as document_id, d.symbol, d.doc_type, d.issued_date, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from tasks t join documents d on d.id = t.document_id left join organizations o on o.id = t.organization_id "
        "where unit_matches(o.key, :unit) "
        f"and (:_signed_in or not {_SECRET.format(d='d')}) "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
}


@hookimpl
def register_routes():
    return ROUTES


# The documents table opens on the columns a reader scans (no full text, no JSON) and without
# the cited-but-missing placeholders; every column stays one click away (the filter and
# column menus), since the defaults only apply to the bare address.
DOCUMENTS_COLUMNS = ("symbol", "doc_type", "issued_date", "issuer", "subject")
DOCUMENTS_DEFAULTS = "&".join([*(f"_col={c}" for c in DOCUMENTS_COLUMNS), "placeholder=0"])
_DOCUMENT_ID_COLUMNS = {"documents": ("symbol",), "document_links": ("source_id", "target_id"), "tasks": ("document_id",),
                        "document_sources": ("document_id",), "document_recipients": ("document_id",),
                        # the views open to all when the database holds secret documents (permissions.py)
                        "public_documents": ("symbol",), "public_tasks": ("document_id",),
                        "public_document_sources": ("document_id",)}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def redirect_bare_documents_table(scope, receive, send):
            path = scope.get("path", "")
            if scope.get("type") == "http" and not scope.get("query_string") and path.endswith("/documents"):
                route = path[1 : -len("/documents")]
                if route and "/" not in route and any(db.route == route for db in datasette.databases.values()):
                    location = datasette.urls.path(f"/{route}/documents?{DOCUMENTS_DEFAULTS}")
                    await send({"type": "http.response.start", "status": 302, "headers": [[b"location", location.encode()], [b"content-length", b"0"]]})
                    await send({"type": "http.response.body", "body": b""})
                    return
            await app(scope, receive, send)

        return redirect_bare_documents_table

    return wrap


@hookimpl
def startup(datasette):
    # Facet suggestions cost about 260 ms of each documents page on a whole corpus, for
    # suggestions nobody needs: the useful facets are configured in the metadata.
    datasette._settings["suggest_facets"] = False


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A document's symbol, and the documents other tables point to, link to its page."""
    if table is None:  # a query's rows (the canned queries): a symbol beside its document's id
        keys = row.keys()
        doc_id = row["document_id"] if "document_id" in keys else row["id"] if "id" in keys else None
        if column != "symbol" or value in (None, "") or not isinstance(doc_id, int):
            return None
        return markupsafe.Markup('<a href="{}">{}</a>').format(_document_url(datasette, database, doc_id), value)
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
    names = [name for name in datasette.databases if not name.startswith("_")]
    return {
        "title": "Directives",
        "description": "Vietnamese government directives: what each one is, who issued it, and what it asks of whom.",
        "databases": {name: {"tables": _TABLES, "queries": _QUERIES} for name in names},
    }


def _register_with_every_hook() -> None:
    """Import this package before Datasette's plugin manager (``directives serve`` reads
    permissions.py first) and the manager, loading the entry points, registers it half-made:
    before any hook above was defined, so with none. Now that they are, register it again."""
    import sys

    module = sys.modules[__name__]
    if pm.is_registered(module):
        name = pm.get_name(module)
        pm.unregister(module)
        pm.register(module, name=name)


_register_with_every_hook()
