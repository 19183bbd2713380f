"""What the plugin tells Datasette of a directives database: the tables' and public views'
titles, descriptions, facets and column notes, and the canned queries. Data, read by the
``get_metadata`` hook in ``__init__.py``.

The canned queries leave out, for a visitor who has not signed in (``:_signed_in`` is 0),
everything a document marked secret says: its tasks, its links to others (the chain walks
skip them), the placeholders only it cites.
"""
from __future__ import annotations

from ..nlp.secrecy import secret_sql

TABLES = {
    "documents": {
        "title": "Directives",
        "description": "One row per document: what it is (số ký hiệu, type, date, place, issuer, trích yếu, signer) "
        "as extracted from its text. Search works with or without diacritics and finds symbols in any spelling.",
        "facets": ["doc_type", "issuer", "year"],
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
            "received_number": "Số đến: the number of the incoming stamp (CÔNG VĂN ĐẾN) of the office that received it",
            "received_date": "Ngày đến: the day of the incoming stamp (ISO)",
            "received_stamp": "The incoming stamp: the receiving office, and what on it could not be read (JSON)",
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

# A citing document the visitor may read, and a placeholder some such document cites
def _readable(d: str) -> str:
    return f"(:_signed_in or not {secret_sql(d)})"


_KNOWN = ("(:_signed_in or {d}.placeholder = 0 or exists (select 1 from document_links k join documents ks on ks.id = k.source_id "
          "where k.target_id = {d}.id and not " + secret_sql("ks") + "))")
QUERIES = {
    "find_symbol": {
        "title": "Find a document by its số ký hiệu, in any spelling",
        "description": "\"1477/qd-ubnd\", \"1477/QĐ-UBND\" and \"1477 / QĐ–UBND\" all match.",
        "sql": "select id, symbol, doc_type, issued_date, issuer, subject from documents "
        "where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " order by issued_date desc",
    },
    "cited_by": {
        "title": "Documents that cite a document",
        "description": "Every document that names the given số ký hiệu, with how it relates to it.",
        "sql": "select s.id, s.symbol, s.doc_type, s.issued_date, s.issuer, l.relation, "
        "l.mention, l.confidence "
        "from documents t join document_links l on l.target_id = t.id join documents s on s.id = l.source_id "
        f"where t.symbol_key = symbol_key(:symbol) and {_readable('s')} order by s.issued_date",
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
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "join documents s on s.id = l.source_id "
        f"where l.relation in ('based_on', 'implements') and c.depth < 10 and {_readable('s')}) "
        "select min(c.depth) as depth, d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, "
        "(select group_concat(l.relation || ': ' || l.mention, ' | ') from document_links l join chain p on p.id = l.target_id "
        "where l.source_id = d.id and l.relation in ('based_on', 'implements')) as how "
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
        f"and {_readable('d')} "
        "order by t.due_by is null, t.due_by, d.issued_date, t.start",
    },
    "derived_tasks": {
        "title": "Tasks that derive from a document",
        "description": "The tasks of the document with this số ký hiệu and of every document based on it or "
        "implementing it, transitively (10 links at most): overdue ones (past the last day allowed, due_by) first, "
        "then by due_by, then standing and periodic duties.",
        "sql": "with recursive chain(id, depth) as ("
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "join documents s on s.id = l.source_id "
        f"where l.relation in ('based_on', 'implements') and c.depth < 10 and {_readable('s')}) "
        "select d.id as document_id, d.symbol, d.doc_type, d.issued_date, coalesce(o.name, t.assignee) as unit, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from (select distinct id from chain) c join tasks t on t.document_id = c.id join documents d on d.id = t.document_id "
        "left join organizations o on o.id = t.organization_id "
        f"where {_readable('d')} "
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
        f"and {_readable('d')} "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
}


# The views open to all when the database holds secret documents (db/schema.py, permissions.py)
VIEWS = {
    "public_documents": {
        "title": "Directives (open to all)",
        "description": "Every document; the text of those marked Mật, Tối mật or Tuyệt mật is shown to signed-in users only, "
        "and documents cited only by those are left out.",
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
    "public_document_links": {
        "title": "Links between documents (open to all)",
        "description": "The links stated by documents not marked secret.",
        "facets": ["relation"],
    },
    "public_organizations": {
        "title": "Units (open to all)",
        "description": "The units named by documents not marked secret, and the issuers of stored documents.",
    },
    "public_document_recipients": {
        "title": "Recipients (open to all)",
        "description": "The Nơi nhận of the documents not marked secret.",
    },
}


def metadata(database_names: list[str]) -> dict:
    return {
        "title": "Directives",
        "description": "Vietnamese government directives: what each one is, who issued it, and what it asks of whom.",
        "databases": {name: {"tables": {**TABLES, **VIEWS}, "queries": QUERIES} for name in database_names},
    }
