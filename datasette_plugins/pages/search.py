"""Search, `/-/search?q=` (and `.json`): documents ranked by FTS5's bm25, a document whose số
ký hiệu is the query (in any spelling) first, each with its trích yếu and a snippet of its
text, the words found marked.

The query is never FTS5 syntax: its words are each quoted (so AND, NEAR, ":" or a stray quote
are words, and no query raises an error), "word*" asks for a prefix, "a quoted phrase" for
words side by side, and a số ký hiệu ("1477/qd-ubnd", "1477 / QĐ–UBND") for its parts side by
side. Words match with or without diacritics: FTS5 folds every mark but "đ", and the folded
``search_folded`` column holds the words with "đ" (db/schema.py).

Snippets are cut here rather than by FTS5's ``snippet()``, which tokenizes the whole text of
each result and scores every window: 200 ms for a page of twenty long Nghị định, over the
page's budget. The folded text keeps the offsets of the text (nlp/normalize.fold), so the
query's folded words are found in it, the window holding most of them is cut from the text,
and the pieces are escaped one by one with ``<mark>`` put between them: no document text is
ever taken as markup. "quyet dinh" marks "quyết định" as it finds it.
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

from markupsafe import Markup, escape

from ...nlp.normalize import fold, symbol_key
from ...nlp.secrecy import secret_sql
from .common import Pages, database, html_response, json_response, page_number, public_only

PAGE_SIZE = 20
SNIPPET_WIDTH = 240
# What a query may ask: each word and each prefix is a lookup in the index, a prefix of a few
# letters reads a large part of it; 200 prefixes held a thread for seconds.
MAX_QUERY_CHARACTERS = 300
MAX_WORDS = 20
MAX_PREFIXES = 3
MIN_PREFIX = 2
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


def symbol_keys(query: str) -> list[str]:
    """The số ký hiệu a query names: the whole query ("1477 / QĐ–UBND"), or its words that are one."""
    key = symbol_key(query)
    if _SYMBOL.match(key):
        return [key]
    return list(dict.fromkeys(symbol_key(w) for w in (query or "").split() if _SYMBOL.match(symbol_key(w))))


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The folded words of a query, each with whether it is a prefix ("nhap*")."""
    terms: list[tuple[str, bool]] = []
    for m in _WORD.finditer(fold(query or "")):
        term = (m.group(0).rstrip("*"), m.group(0).endswith("*"))
        if term not in terms:
            terms.append(term)
    return terms


def _terms_pattern(terms: list[tuple[str, bool]]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = sorted((re.escape(word) + (r"\w*" if prefix else "") for word, prefix in terms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _spans(text: str, pattern: re.Pattern, chunk: int = 2_000, most: int = 120, reach: int = 80_000) -> list[tuple[int, int, str]]:
    """Where the words are in ``text``: its fold read a chunk at a time (cut at a space), until
    every word has been seen, or ``reach`` characters read (a long Nghị định is not folded
    whole for a snippet: a word only further on leaves the snippet at the text's start)."""
    spans: list[tuple[int, int, str]] = []
    wanted = pattern.pattern.count("|") + 1
    start = 0
    while start < min(len(text), reach) and len(spans) < most:
        end = len(text) if len(text) - start <= chunk else (text.find(" ", start + chunk) + 1 or len(text))
        for m in pattern.finditer(fold(text[start:end])):
            spans.append((start + m.start(), start + m.end(), m.group(0)))
        start = end
        if len({w for _, _, w in spans}) >= wanted:
            break
    return spans[:most]


def marked(text: str | None, pattern: re.Pattern | None, width: int | None = None) -> Markup:
    """``text`` escaped, with the words ``pattern`` finds in its fold marked; cut to the
    ``width`` characters around the place where most different words are found when given."""
    if not text:
        return Markup("")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    spans = _spans(text, pattern) if pattern is not None else []
    start, end = 0, len(text)
    if width is not None and len(text) > width:
        best, best_count = 0, 0
        for i, (pos, _, _) in enumerate(spans):
            words = {w for p, _, w in spans[i:i + 12] if p < pos + width - 40}
            if len(words) > best_count:
                best, best_count = pos, len(words)
        start = max(0, best - 50)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < best else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    out = ["…"] if start else []
    cursor = start
    for pos, stop, _ in spans:
        if pos < cursor or stop > end:
            continue
        out += [str(escape(text[cursor:pos])), "<mark>", str(escape(text[pos:stop])), "</mark>"]
        cursor = stop
    out.append(str(escape(text[cursor:end])))
    if end < len(text):
        out.append("…")
    return Markup("".join(out))


def too_big(query: str) -> str | None:
    """Why a query is more than search answers, in words for the reader; None when it is not."""
    if len(query) > MAX_QUERY_CHARACTERS:
        return f"Câu tìm quá dài: tối đa {MAX_QUERY_CHARACTERS} ký tự."
    terms = query_terms(query)
    if len(terms) > MAX_WORDS:
        return f"Câu tìm quá nhiều từ: tối đa {MAX_WORDS} từ."
    prefixes = [word for word, prefix in terms if prefix]
    if len(prefixes) > MAX_PREFIXES:
        return f"Tối đa {MAX_PREFIXES} từ có dấu * (tìm theo phần đầu của từ)."
    if any(len(word) < MIN_PREFIX for word in prefixes):
        return f"Từ có dấu * cần ít nhất {MIN_PREFIX} chữ cái trước dấu *."
    return None


async def _hidden(db, ids: list[int]) -> tuple[set[int], set[int]]:
    """Of ``ids``, what a visitor who has not signed in may not find freely: secret documents
    (found by their header only, never by their text), and placeholders that only secret
    documents cite (not at all)."""
    rows = await db.execute(
        f"SELECT d.id, {secret_sql('d')} FROM documents d WHERE d.id IN (SELECT value FROM json_each(:ids)) AND ({secret_sql('d')} "
        "OR (d.placeholder = 1 AND NOT EXISTS (SELECT 1 FROM document_links l JOIN documents s ON s.id = l.source_id "
        f"WHERE l.target_id = d.id AND NOT {secret_sql('s')})))",
        {"ids": json.dumps(ids)},
    )
    found = [tuple(r) for r in rows]
    return {i for i, secret in found if secret}, {i for i, secret in found if not secret}


async def search(datasette, request) -> dict:
    db, links = database(datasette, request)
    query = (request.args.get("q") or "").strip()
    context: dict = {"q": query[:MAX_QUERY_CHARACTERS], "results": [], "error": None, "exact": []}
    if not query:
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context
    context["error"] = too_big(query)
    if context["error"]:
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context
    hide = await public_only(db, request.actor)
    keys = symbol_keys(query)
    exact_ids: list[int] = []
    if keys:
        rows = await db.execute(
            "SELECT id FROM documents WHERE symbol_key IN (SELECT value FROM json_each(:keys)) "
            "ORDER BY placeholder, issued_date DESC, id",
            {"keys": json.dumps(keys)},
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
        except sqlite3.OperationalError:  # every word is quoted: a query interrupted by the time limit
            context["error"] = "Không tìm được với câu tìm này trong thời gian cho phép: thử ít từ hơn."
    hidden, unknown = await _hidden(db, ranked + exact_ids) if hide else (set(), set())
    exact_ids = [i for i in exact_ids if i not in unknown]
    ranked = [i for i in ranked if i not in unknown]
    secret_found = [i for i in ranked if i in hidden]
    if secret_found:  # a secret document found by words of its text would tell what the text says
        rows = await db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q AND rowid IN (SELECT value FROM json_each(:ids))",
            {"q": "{symbol subject issuer} : (" + expression + ")", "ids": str(secret_found)},
        )
        by_title = {r[0] for r in rows}
        ranked = [i for i in ranked if i not in hidden or i in by_title]
    context["more"] = len(ranked) >= 1000
    if exact_ids and symbol_key(query) not in keys:  # "chỉ thị 05/CT-UBND": the other words must match too
        found = set(ranked)
        exact_ids = [i for i in exact_ids if i in found]
    seen = set(exact_ids)
    order = exact_ids + [i for i in ranked if i not in seen]
    pages = Pages(request, len(order), page_number(request), PAGE_SIZE)
    context["pages"] = pages
    chosen = order[pages.offset : pages.offset + PAGE_SIZE]
    if not chosen:
        return context
    rows = await db.execute(
        "SELECT id, symbol, doc_type, issued_date, issuer, subject, placeholder, secrecy, text, status FROM documents "
        "WHERE id IN (SELECT value FROM json_each(:ids))",
        {"ids": str(chosen)},
    )
    documents = {r["id"]: dict(r) for r in rows}
    pattern = _terms_pattern(query_terms(query))
    exact = set(exact_ids)
    for doc_id in chosen:
        doc = documents.get(doc_id)
        if not doc:
            continue
        text = doc.pop("text")
        secret = doc_id in hidden
        doc["exact_symbol"] = doc_id in exact
        doc["subject_html"] = marked(doc["subject"], pattern)
        doc["snippet_html"] = Markup("") if secret else marked(text, pattern, SNIPPET_WIDTH)
        doc["secret_hidden"] = secret
        doc["url"] = links.document(doc_id)
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
                        "status": r.get("status"),
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
