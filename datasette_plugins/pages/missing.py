"""Missing documents, `/-/missing` (and `.json`, `.csv`): the documents cited but not ingested
(``documents.placeholder = 1``), those cited by the most documents first, with what the
citations say of them (type, date, issuer, title, the mentions as written) and the documents
citing them: the list an office sends out to request. The CSV is UTF-8 with a byte-order mark
so that Excel opens the Vietnamese correctly."""
from __future__ import annotations

import csv
import io
import json

from datasette.utils.asgi import Response

from .common import Pages, database, document_url, html_response, json_response, page_number, secret_ids

_RANKED = (
    "SELECT d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, count(*) AS cited_by "
    "FROM documents d JOIN document_links l ON l.target_id = d.id "
    "WHERE d.placeholder = 1 GROUP BY d.id ORDER BY cited_by DESC, d.issued_date IS NULL, d.issued_date DESC, d.id"
)
_CITATIONS = (
    "SELECT l.target_id, l.source_id, l.relation, l.mention, s.symbol, s.doc_type, s.issued_date "
    "FROM document_links l JOIN documents s ON s.id = l.source_id "
    "WHERE l.target_id IN (SELECT value FROM json_each(:ids)) "
    "ORDER BY l.target_id, s.issued_date IS NULL, s.issued_date, s.id"
)


async def missing_list(datasette, request, everything: bool = False) -> dict:
    db = database(datasette)
    total = (await db.execute("SELECT count(DISTINCT l.target_id) FROM document_links l JOIN documents d ON d.id = l.target_id WHERE d.placeholder = 1")).first()[0]
    pages = Pages(request, total, 1 if everything else page_number(request))
    sql = _RANKED if everything else _RANKED + " LIMIT :limit OFFSET :offset"
    rows = [dict(r) for r in await db.execute(sql, {"limit": pages.size, "offset": pages.offset})]
    hidden = set(await secret_ids(db, request.actor))
    citations: dict[int, list[dict]] = {}
    if rows:
        ids = json.dumps([r["id"] for r in rows])
        for c in await db.execute(_CITATIONS, {"ids": ids}):
            cite = dict(c)
            if cite["source_id"] in hidden:  # what a secret document says is for signed-in users
                cite["mention"] = None
            cite["url"] = document_url(datasette, cite["source_id"])
            citations.setdefault(cite.pop("target_id"), []).append(cite)
    for rank, row in enumerate(rows, start=pages.offset + 1):
        row["rank"] = rank
        row["url"] = document_url(datasette, row["id"])
        row["citations"] = citations.get(row["id"], [])
        row["mentions"] = list(dict.fromkeys(c["mention"] for c in row["citations"] if c["mention"]))
    return {"missing": rows, "pages": pages}


_CSV_HEADER = [
    "Thứ tự", "Số ký hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu",
    "Số văn bản viện dẫn", "Văn bản viện dẫn", "Viện dẫn như sau", "id",
]


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_HEADER)
    for row in rows:
        writer.writerow(
            [
                row["rank"], row["symbol"] or "", row["doc_type"] or "", row["issued_date"] or "", row["issuer"] or "",
                row["subject"] or "", row["cited_by"],
                "; ".join(f"{c['symbol'] or '#' + str(c['source_id'])}" + (f" ({c['issued_date']})" if c["issued_date"] else "") for c in row["citations"]),
                " | ".join(row["mentions"]),
                row["id"],
            ]
        )
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


async def missing_page(datasette, request):
    kind = request.url_vars.get("format")
    context = await missing_list(datasette, request, everything=kind == "csv")
    if kind == "csv":
        return Response(
            as_csv(context["missing"]),
            content_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="van-ban-con-thieu.csv"'},
        )
    if kind == "json":
        return json_response(
            {"ok": True, **context["pages"].as_json(), "rows": context["missing"]}
        )
    context["csv_url"] = datasette.urls.path("/-/missing.csv")
    context["json_url"] = context["pages"].link(context["pages"].page, path=datasette.urls.path("/-/missing.json"))
    return await html_response(datasette, request, "missing.html", context)


ROUTES = [(r"^/-/missing(\.(?P<format>json|csv))?$", missing_page)]
