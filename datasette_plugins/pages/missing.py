"""Missing documents, `/-/missing` (and `.json`, `.csv`): the documents cited but not ingested
(``documents.placeholder = 1``), those cited by the most documents first, with what the
citations say of them (type, date, issuer, title, the mentions as written) and the documents
citing them: the list an office sends out to request. The CSV is UTF-8 with a byte-order mark
so that Excel opens the Vietnamese correctly."""
from __future__ import annotations

import csv
import io

from datasette.database import QueryInterrupted
from datasette.utils.asgi import Response
from markupsafe import Markup

from ..document_data import RELATION_LABELS, type_name
from ...db.schema import ACTS_ON_HELD, CITED_BY_ORDER, RANK_WEIGHT
from ...nlp.secrecy import secret_sql
from .common import PAGE_SIZE, Pages, busy_response, counted, database, html_response, json_response, page_number, public_only

# A citing document ``s`` the reader may know of: every one (:all = 1), or those not secret (a
# visitor who has not signed in, when the database holds secret documents: what a secret
# document cites, and the placeholders only it cites, are for signed-in users).
_SHOWN = f"(:all OR NOT {secret_sql('s')})"


# The cited documents that are placeholders, with their number of citations and their rank
# (kept in ``citation_counts``, db/schema.py, whose index gives them most wanted first: nothing
# counts the links); a placeholder known by the partial index on the flag, not by reading the
# rows (the flag is stored after the text). A missing document that amends, replaces or repeals
# one held (a consolidation note of the held one says so: a link with relations "..._by")
# matters more: each such document counts five more (``rank``).
_PLACEHOLDERS = (
    "FROM citation_counts r JOIN documents p INDEXED BY idx_documents_placeholder ON p.id = r.target_id AND p.placeholder = 1 "
    "JOIN citation_counts c ON c.target_id = r.target_id AND c.field = 'links' AND c.value = '*' "
    "JOIN documents d ON d.id = r.target_id "
)
_ACTS = f"(r.count - c.count) / {RANK_WEIGHT}"
# The citations of the (few) secret documents, by target: what a reader who has not signed in
# may not count
_SECRET_CITATIONS = (
    f"SELECT l.target_id, count(*) AS n, sum(coalesce({ACTS_ON_HELD.format(r='l')}, 0)) AS acts "
    "FROM documents s CROSS JOIN document_links l ON l.source_id = s.id "
    f"WHERE {secret_sql('s')} GROUP BY l.target_id"
)


def _ranked(public_only: bool) -> str:
    """The placeholders, most cited first (counting the citations the reader may know of: all,
    or all but those of secret documents), a document acting on one held counting five."""
    if public_only:
        return (
            "SELECT d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, c.count - coalesce(x.n, 0) AS cited_by, "
            f"{_ACTS} - coalesce(x.acts, 0) AS acts_on_held "
            f"{_PLACEHOLDERS}LEFT JOIN ({_SECRET_CITATIONS}) x ON x.target_id = r.target_id "
            "WHERE r.field = 'rank' AND c.count > coalesce(x.n, 0) "
            f"ORDER BY r.count - coalesce(x.n, 0) - {RANK_WEIGHT} * coalesce(x.acts, 0) DESC, d.issued_date IS NULL, d.issued_date DESC, d.id"
        )
    return (
        f"SELECT d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, c.count AS cited_by, {_ACTS} AS acts_on_held "
        f"{_PLACEHOLDERS}WHERE r.field = 'rank' ORDER BY r.count DESC, d.issued_date IS NULL, d.issued_date DESC, d.id"
    )


def _sheet_sql(public_only: bool) -> str:
    """The whole list for the CSV, citing documents and mentions gathered by SQLite (thousands of rows)."""
    return (
        "SELECT r.id, r.symbol, r.doc_type, r.issued_date, r.issuer, r.subject, r.cited_by, "
        "(SELECT group_concat(c, '; ') FROM (SELECT coalesce(s.symbol, '#' || s.id) || coalesce(' (' || s.issued_date || ')', '') AS c "
        f"FROM document_links l JOIN documents s ON s.id = l.source_id WHERE l.target_id = r.id AND {_SHOWN} "
        "ORDER BY s.issued_date IS NULL, s.issued_date, s.id)) AS citing, "
        "(SELECT group_concat(m, ' | ') FROM (SELECT DISTINCT l.mention AS m FROM document_links l JOIN documents s ON s.id = l.source_id "
        f"WHERE l.target_id = r.id AND l.mention IS NOT NULL AND {_SHOWN} ORDER BY l.id)) AS mentions "
        f"FROM ({_ranked(public_only)}) r"
    )


# The first citing documents of each missing one (by date, the undated last; the CSV has them
# all), read in that order from the index on the target and the citing document's date; and
# what the citations say, each wording once, from at most CITATIONS_READ citations of each (a
# law cited ten thousand times is not read whole to show eight).
CITING_SHOWN = 8
CITATIONS_READ = 50
_CITATIONS = (
    "SELECT l.source_id, l.relation, s.symbol, s.doc_type, s.issued_date, "
    "CASE WHEN s.symbol IS NULL THEN substr(s.subject, 1, 60) END AS subject "
    f"FROM document_links l JOIN documents s ON s.id = l.source_id WHERE l.target_id = :target AND {_SHOWN} "
    f"{CITED_BY_ORDER} LIMIT {CITING_SHOWN}"
)
_MENTIONS = (
    "SELECT l.mention FROM (SELECT id FROM document_links WHERE target_id = :target LIMIT {CITATIONS_READ}) f "
    f"JOIN document_links l ON l.id = f.id JOIN documents s ON s.id = l.source_id WHERE l.mention IS NOT NULL AND {_SHOWN} "
    "GROUP BY l.mention ORDER BY min(l.id)"
).replace("{CITATIONS_READ}", str(CITATIONS_READ))
# the same for a reader who may know every citation: the links alone
_ALL_MENTIONS = (
    f"SELECT mention FROM (SELECT id, mention FROM document_links WHERE target_id = :target LIMIT {CITATIONS_READ}) "
    "WHERE mention IS NOT NULL GROUP BY mention ORDER BY min(id)"
)


def _citations(conn, ids: list[int], shown: dict) -> tuple[dict, dict]:
    """The first citing documents and the wordings of each of ``ids``, a few index reads each."""
    citations: dict[int, list[dict]] = {}
    mentions: dict[int, list[str]] = {}
    for target in ids:
        cursor = conn.execute(_CITATIONS, {"target": target, **shown})
        names = [d[0] for d in cursor.description]
        citations[target] = [dict(zip(names, row)) for row in cursor]
        mentions[target] = [r[0] for r in conn.execute(_ALL_MENTIONS if shown["all"] else _MENTIONS, {"target": target, **shown})]
    return citations, mentions


async def missing_list(datasette, request) -> dict:
    db, links = database(datasette, request)
    page = page_number(request)
    hide = await public_only(db, request.actor)
    shown = {"all": int(not hide)}
    # how many: without reading the rows
    total, exact = await counted(
        db, f"SELECT 1 {_PLACEHOLDERS}WHERE r.field = 'rank'" if not hide else f"SELECT 1 FROM ({_ranked(True)})", shown
    )
    rows: list[dict] = []
    while True:
        offset = (page - 1) * PAGE_SIZE
        found = await db.execute(f"{_ranked(hide)} LIMIT :limit OFFSET :offset", {"limit": PAGE_SIZE, "offset": offset, **shown})
        rows = [dict(r) for r in found]
        if rows or page == 1:
            break
        page = 1  # asked past the end: show the first page
    pages = Pages(request, total, page, exact=exact)
    citations: dict[int, list[dict]] = {}
    mentions: dict[int, list[str]] = {}
    if rows:
        ids = [r["id"] for r in rows]
        citations, mentions = await db.execute_fn(lambda conn: _citations(conn, ids, shown))
        for cites in citations.values():
            for cite in cites:
                cite["url"] = links.document(cite["source_id"])
    for rank, row in enumerate(rows, start=pages.offset + 1):
        row["rank"] = rank
        row["url"] = links.document(row["id"])
        row["doc_type_name"] = type_name(row["doc_type"])
        row["citations"] = citations.get(row["id"], [])
        row["mentions"] = mentions.get(row["id"], [])
    return {"missing": rows, "pages": pages}


_LINK = Markup('<a href="{}" title="{}">{}</a>')


def _citing_name(c: dict) -> str:
    """A citing document by its symbol, else by the start of its trích yếu (an unnumbered letter)."""
    if c["symbol"]:
        return c["symbol"]
    subject = (c.get("subject") or "").strip()
    if len(subject) > 40:
        subject = subject[:41].rsplit(" ", 1)[0].rstrip(" ,;") + "…"  # at a word's end
    return subject or f"#{c['source_id']}"


def citing_html(row: dict) -> Markup:
    """The first citing documents as links, escaped here: Jinja's async loops cost ~1 ms a
    row, a tenth of the page's budget for fifty rows."""
    links = [
        _LINK.format(c["url"], f"{RELATION_LABELS.get(c['relation'], c['relation'])}{', ' + c['issued_date'] if c['issued_date'] else ''}", _citing_name(c))
        for c in row["citations"]
    ]
    more = row["cited_by"] - len(links)
    return Markup(", ").join(links) + (Markup(" và {} văn bản khác").format(more) if more > 0 else "")


_CSV_HEADER = [
    "Thứ tự", "Số ký hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu",
    "Số văn bản viện dẫn", "Văn bản viện dẫn", "Viện dẫn như sau", "id",
]


# Sheets already made, by database, reading connection, the data version SQLite gives that
# connection (it changes whenever anything is committed) and who may read what: the list
# changes only when documents are ingested, and making it costs more than a page.
_SHEETS: dict[tuple, bytes] = {}


def _sheet(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_HEADER)
    for rank, (doc_id, symbol, doc_type, issued_date, issuer, subject, cited_by, citing, mentions) in enumerate(rows, start=1):
        writer.writerow(
            [rank, symbol or "", doc_type or "", issued_date or "", issuer or "", subject or "", cited_by, citing or "", mentions or "", doc_id]
        )
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


async def missing_csv(datasette, request) -> bytes:
    """Every missing document, in the page's order, as CSV for Excel (UTF-8 with a BOM)."""
    db, _ = database(datasette, request)
    hide = await public_only(db, request.actor)

    def make(conn) -> bytes:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        key = (db.name, id(conn), version, hide)
        if key not in _SHEETS:
            sheet = _sheet(conn.execute(_sheet_sql(hide), {"all": int(not hide)}))
            for old in [k for k in _SHEETS if k[:2] == key[:2] and k[2] != version]:
                del _SHEETS[old]
            _SHEETS[key] = sheet
        return _SHEETS[key]

    return await db.execute_fn(make)


async def missing_page(datasette, request):
    kind = request.url_vars.get("format")
    if kind == "csv":
        return Response(
            await missing_csv(datasette, request),
            content_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="van-ban-con-thieu.csv"'},
        )
    try:
        context = await missing_list(datasette, request)
    except QueryInterrupted:
        return await busy_response(datasette, request, kind == "json")
    if kind == "json":
        return json_response(
            {"ok": True, **context["pages"].as_json(), "rows": context["missing"]}
        )
    for row in context["missing"]:
        row["citing_html"] = citing_html(row)
        row["mentions_html"] = Markup("").join(
            Markup('<div class="mention">«{}»</div>').format(m if len(m) <= 200 else m[:199] + "…") for m in row["mentions"][:3]
        )
    context["csv_url"] = datasette.urls.path("/-/missing.csv")
    context["json_url"] = context["pages"].link(context["pages"].page, path=datasette.urls.path("/-/missing.json"))
    return await html_response(datasette, request, "missing.html", context)


ROUTES = [(r"^/-/missing(\.(?P<format>json|csv))?$", missing_page)]
