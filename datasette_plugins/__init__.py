"""Datasette plugin: titles, descriptions, facets and search for a directives database,
and the SQL functions ``fold()`` and ``symbol_key()`` so that queries can match text
without diacritics and symbols in any spelling.

Loaded by ``directives serve`` and by plain ``datasette directives.db`` (entry point).
Its rooms: ``pages/`` (one module per page, each with its routes), ``templates/``,
``static/`` (served from the package: nothing loads from the internet), ``access.py`` (who
may read documents marked secret).
"""
from __future__ import annotations

from datasette import hookimpl

from ..nlp.normalize import fold, symbol_key
from .pages import ROUTES

_TABLES = {
    "documents": {
        "title": "Directives",
        "description": "One row per document: what it is (số ký hiệu, type, date, place, issuer, trích yếu, signer) "
        "as extracted from its text. Search works with or without diacritics and finds symbols in any spelling.",
        "facets": ["doc_type", "issuer", "year", "placeholder"],
        "sort_desc": "issued_date",
        "searchmode": "escaped",
        "label_column": "symbol",
        "columns": {
            "symbol": "Số ký hiệu as printed after 'Số:'",
            "symbol_key": "The symbol folded for matching: lower case, no diacritics, no spaces",
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
        },
    },
    "document_links": {
        "title": "Links between documents",
        "description": "One row per citing document (source) and cited document (target): based_on (Căn cứ), "
        "implements (Thực hiện, Triển khai), amends, replaces, repeals, responds_to (Xét đề nghị, Phúc đáp) or cites.",
        "facets": ["relation"],
        "columns": {
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
        "sql": "select s.id, s.symbol, s.doc_type, s.issued_date, s.issuer, l.relation, l.mention, l.confidence "
        "from documents t join document_links l on l.target_id = t.id join documents s on s.id = l.source_id "
        "where t.symbol_key = symbol_key(:symbol) order by s.issued_date",
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
        "select d.symbol, d.doc_type, d.issued_date, coalesce(o.name, t.assignee) as unit, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from (select distinct id from chain) c join tasks t on t.document_id = c.id join documents d on d.id = t.document_id "
        "left join organizations o on o.id = t.organization_id "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
    "unit_tasks": {
        "title": "Tasks of one unit",
        "description": "Every task given to a unit (any spelling, with or without diacritics: \"so tai chinh\"), "
        "across all documents: overdue ones (past the last day allowed, due_by) first, then by due_by, "
        "then standing and periodic duties.",
        "sql": "select coalesce(o.name, t.assignee) as unit, d.symbol, d.doc_type, d.issued_date, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from tasks t join documents d on d.id = t.document_id left join organizations o on o.id = t.organization_id "
        "where o.key like '%' || fold(:unit) || '%' "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
}


@hookimpl
def register_routes():
    return ROUTES


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("symbol_key", 1, symbol_key, deterministic=True)


@hookimpl
def get_metadata(datasette, key, database, table):
    names = [name for name in datasette.databases if not name.startswith("_")]
    return {
        "title": "Directives",
        "description": "Vietnamese government directives: what each one is, who issued it, and what it asks of whom.",
        "databases": {name: {"tables": _TABLES, "queries": _QUERIES} for name in names},
    }
