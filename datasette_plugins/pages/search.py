"""Search, `/-/search?q=` (and `.json`): documents ranked by FTS5's bm25, a document whose số
ký hiệu is the query (in any spelling) first, each with its trích yếu and a snippet of its
text, the words found marked.

The query is never FTS5 syntax: its words are each quoted (so AND, NEAR, ":" or a stray quote
are words, and no query raises an error), "word*" asks for a prefix, "a quoted phrase" for
words side by side, and a số ký hiệu ("1477/qd-ubnd", "1477 / QĐ–UBND") for its parts side by
side. Words match with or without diacritics: FTS5 folds every mark but "đ", and the folded
``search_folded`` column holds the words with "đ" (db/schema.py). Snippets come back from
FTS5 with marker characters around the words found; the text is escaped first and only then
are the markers made into ``<mark>``.
"""
from __future__ import annotations

import re
import sqlite3

from markupsafe import Markup, escape

from ...nlp.normalize import fold, symbol_key
from .common import Pages, database, document_url, html_response, json_response, page_number, secret_ids

PAGE_SIZE = 20
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in a normalised document
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+(\*)?")
# A số ký hiệu: a number, then "/" or "-" and letters ("1477/QĐ-UBND", "57-NQ/TW", "30/2020/NĐ-CP")
_SYMBOL = re.compile(r"^\d+[a-z]?(?:/\d{4})?[/-][a-z]", re.I)
# bm25 weights of documents_fts's columns: symbol, subject, issuer, text, search_folded
_WEIGHTS = "10.0, 5.0, 2.0, 1.0, 1.0"


def fts_query(query: str) -> str:
    """The FTS5 expression for what a person typed: every word required, each one quoted."""
    if _SYMBOL.match(symbol_key(query)):  # the whole query is a số ký hiệu, however spaced
        words = [m.group(0).rstrip("*") for m in _WORD.finditer(fold(query))]
        return '"' + " ".join(words) + '"'
    parts = []
    for phrase, bare in _TERM.findall(query or ""):
        text = phrase or bare
        if bare and _SYMBOL.match(symbol_key(bare)):
            text, phrase = fold(bare), fold(bare)  # its parts side by side, as search_folded holds them
        words = [m.group(0) for m in _WORD.finditer(text)]
        if not words:
            continue
        if phrase:  # a phrase: its words side by side
            parts.append('"' + " ".join(w.rstrip("*") for w in words) + '"')
        else:
            parts.extend(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words)
    return " ".join(parts)


def marked(snippet: str | None) -> Markup:
    """FTS5's snippet, escaped, with its markers made into <mark> (unpaired ones dropped)."""
    if not snippet:
        return Markup("")
    out, open_ = [], False
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", snippet):
        if piece == _OPEN and not open_:
            out.append("<mark>")
            open_ = True
        elif piece == _CLOSE and open_:
            out.append("</mark>")
            open_ = False
        elif piece not in (_OPEN, _CLOSE):
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


async def search(datasette, request) -> dict:
    db = database(datasette)
    query = (request.args.get("q") or "").strip()
    context: dict = {"q": query, "results": [], "error": None, "exact": []}
    if not query:
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context
    hidden = set(await secret_ids(db, request.actor))
    key = symbol_key(query)
    exact_ids: list[int] = []
    if _SYMBOL.match(key):
        rows = await db.execute(
            "SELECT id FROM documents WHERE symbol_key = ? ORDER BY placeholder, issued_date DESC, id", [key]
        )
        exact_ids = [r[0] for r in rows]
    expression = fts_query(query)
    ranked: list[int] = []
    if expression:
        try:
            rows = await db.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q "
                f"ORDER BY bm25(documents_fts, {_WEIGHTS}) LIMIT 1000",
                {"q": expression},
            )
            ranked = [r[0] for r in rows]
        except sqlite3.OperationalError as exc:  # should not happen: every word is quoted
            context["error"] = f"Không tìm được với câu hỏi này ({exc})"
    secret_found = [i for i in ranked if i in hidden]
    if secret_found:  # a secret document found by words of its text would tell what the text says
        rows = await db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q AND rowid IN (SELECT value FROM json_each(:ids))",
            {"q": "{symbol subject issuer} : (" + expression + ")", "ids": str(secret_found)},
        )
        by_title = {r[0] for r in rows}
        ranked = [i for i in ranked if i not in hidden or i in by_title]
    context["more"] = len(ranked) >= 1000
    seen = set(exact_ids)
    order = exact_ids + [i for i in ranked if i not in seen]
    pages = Pages(request, len(order), page_number(request), PAGE_SIZE)
    context["pages"] = pages
    chosen = order[pages.offset : pages.offset + PAGE_SIZE]
    if not chosen:
        return context
    snippets: dict[int, tuple] = {}
    if expression:
        rows = await db.execute(
            f"SELECT rowid, highlight(documents_fts, 1, '{_OPEN}', '{_CLOSE}'), "
            f"snippet(documents_fts, 3, '{_OPEN}', '{_CLOSE}', '…', 28) "
            "FROM documents_fts WHERE documents_fts MATCH :q AND rowid IN (SELECT value FROM json_each(:ids))",
            {"q": expression, "ids": str(chosen)},
        )
        snippets = {r[0]: (r[1], r[2]) for r in rows}
    rows = await db.execute(
        "SELECT id, symbol, doc_type, issued_date, issuer, subject, placeholder, secrecy FROM documents "
        "WHERE id IN (SELECT value FROM json_each(:ids))",
        {"ids": str(chosen)},
    )
    documents = {r["id"]: dict(r) for r in rows}
    exact = set(exact_ids)
    for doc_id in chosen:
        doc = documents.get(doc_id)
        if not doc:
            continue
        subject, text = snippets.get(doc_id, (None, None))
        secret = doc_id in hidden
        doc["exact_symbol"] = doc_id in exact
        doc["subject_html"] = marked(subject) if subject else escape(doc["subject"] or "")
        doc["snippet_html"] = Markup("") if secret else marked(text)
        doc["secret_hidden"] = secret
        doc["url"] = document_url(datasette, doc_id)
        context["results"].append(doc)
    return context


async def search_page(datasette, request):
    context = await search(datasette, request)
    if request.url_vars.get("format") == "json":
        return json_response(
            {
                "ok": context["error"] is None,
                "q": context["q"],
                "error": context["error"],
                **context["pages"].as_json(),
                "rows": [
                    {
                        "id": r["id"],
                        "symbol": r["symbol"],
                        "doc_type": r["doc_type"],
                        "issued_date": r["issued_date"],
                        "issuer": r["issuer"],
                        "subject": r["subject"],
                        "placeholder": bool(r["placeholder"]),
                        "exact_symbol": r["exact_symbol"],
                        "subject_html": str(r["subject_html"]),
                        "snippet_html": str(r["snippet_html"]),
                        "url": r["url"],
                    }
                    for r in context["results"]
                ],
            }
        )
    context["json_url"] = context["pages"].link(context["pages"].page, path=datasette.urls.path("/-/search.json"))
    return await html_response(datasette, request, "search.html", context)


ROUTES = [(r"^/-/search(\.(?P<format>json))?$", search_page)]
