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
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted
from markupsafe import Markup, escape

from ...nlp import tables
from ...nlp.normalize import fold, symbol_key
from ...nlp.secrecy import secret_sql
from ...db import status as doc_status
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
            window = [span for span in spans[i:i + 12] if span[0] < pos + width - 40]
            # the most different words, then the most of them side by side (the phrase)
            together = sum(1 for a, b in zip(window, window[1:]) if b[0] - a[1] <= 2 and a[2] != b[2])
            count = len({w for _, _, w in window}) * 100 + together
            if count > best_count:
                best, best_count = pos, count
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


# A type named in words or by its abbreviation, then a number (and year): a request for that
# document ("nghi dinh 131/2025", "qd 1763", "thông tư số 80/2021").
TYPE_WORDS = {
    "nghi dinh": "NĐ", "nd": "NĐ", "quyet dinh": "QĐ", "qd": "QĐ", "thong tu": "TT", "tt": "TT",
    "thong tu lien tich": "TTLT", "ttlt": "TTLT", "nghi quyet": "NQ", "nq": "NQ", "chi thi": "CT", "ct": "CT",
    "ke hoach": "KH", "kh": "KH", "cong van": "CV", "cv": "CV", "thong bao": "TB", "tb": "TB",
    "cong dien": "CĐ", "hd": "HD", "huong dan": "HD", "bao cao": "BC", "bc": "BC", "to trinh": "TTr",
    "ttr": "TTr", "luat": "L", "van ban hop nhat": "VBHN", "vbhn": "VBHN", "phap lenh": "PL",
}
_TYPE_NUMBER = re.compile(
    r"(?:^|\s)(?P<type>" + "|".join(sorted((re.escape(t) for t in TYPE_WORDS), key=len, reverse=True)) + r")"
    r"\s+(?:so\s*:?\s*)?(?P<number>\d{1,6})(?:\s*/\s*(?P<year>(?:19|20)\d\d)(?!\d))?(?P<rest>[/\-][^\s]*)?(?=\s|$)"
)
# a bare number and year ("131/2025"): that number of that year, any type
_NUMBER_YEAR = re.compile(r"^\s*(?P<number>\d{1,6})\s*/\s*(?P<year>(?:19|20)\d\d)\s*$")
# Words a request for a document may carry beside its type and number
_FILLER = {"so", "ngay", "nam"}
CANDIDATES = 1000
# bm25 ranks at most this many documents that match (the newest ingested): ranking every match
# of a common word grew with the archive (a 500 at three times the corpus), this does not. A
# query matching more says that its results come from the newest RANKED_MOST.
RANKED_MOST = 1_000
_RANKED = (
    "SELECT rowid, count(*) OVER () FROM (SELECT rowid, bm25(documents_fts, {weights}) AS score FROM documents_fts "
    "WHERE documents_fts MATCH :q ORDER BY rowid DESC LIMIT {most}) ORDER BY score, rowid LIMIT {candidates}"
)
PHRASE_CANDIDATES = 300  # trích yếu holding the phrase, beyond bm25's first CANDIDATES


def document_request(query: str) -> dict | None:
    """The type, number and year a query asks for ("nghi dinh 131/2025": NĐ, 131, 2025), with
    the words left over; None when it names no type with a number."""
    folded = " ".join(fold(query or "").split())
    m = _TYPE_NUMBER.search(folded) or _NUMBER_YEAR.match(folded)
    if not m:
        return None
    groups = m.groupdict()
    doc_type = TYPE_WORDS.get(groups.get("type") or "")
    rest = (folded[: m.start()] + " " + folded[m.end():]).split()
    return {
        "doc_type": doc_type,
        "number": groups["number"].lstrip("0") or "0",
        "year": int(groups["year"]) if groups.get("year") else None,
        "codes": symbol_key(groups.get("rest") or "").strip("/") or None,
        "others": [w for w in rest if w not in _FILLER and _WORD.fullmatch(w)],
    }


def _number_of(key: str) -> str:
    """The number of a symbol key without its leading zeros ("01763/qdubnd" gives "1763")."""
    m = re.match(r"0*(\d+)", key or "")
    return (m.group(1) or "0") if m else ""


async def _requested(db, request: dict) -> list[int]:
    """The documents a type-and-number request names: that number (leading zeros aside), that
    type, that year, the stored documents before the placeholders."""
    number = request["number"]
    rows = await db.execute(
        "SELECT id, symbol_key, doc_type, year FROM documents "
        "WHERE symbol_key GLOB :a OR symbol_key GLOB :b ORDER BY placeholder, issued_date DESC, id",
        {"a": number + "[/-]*", "b": "0*" + number + "[/-]*"},
    )
    found = []
    for r in rows:
        key = r["symbol_key"] or ""
        if _number_of(key) != number:
            continue
        parts = key.split("/")
        if request["year"] and r["year"] != request["year"] and str(request["year"]) not in parts:
            continue
        if request["doc_type"] and fold(r["doc_type"] or "") != fold(request["doc_type"]):
            continue
        if request["codes"] and not key.replace("/", "").endswith(request["codes"].replace("/", "")):
            continue
        found.append(r["id"])
    return found


def _d_variants(words: list[str], most: int = 8) -> list[str]:
    """The spellings of folded words as the text column holds them: FTS5 folds every mark
    but "đ", so a folded "dinh" is "dinh" or "đinh" there."""
    spellings = [""]
    for w in words:
        options = [w, "đ" + w[1:]] if w.startswith("d") else [w]
        spellings = [f"{s} {o}".strip() for s in spellings for o in options][:most]
    return spellings


def _text_phrase(words: list[str], column: str = "text") -> str:
    """An FTS5 expression: the words side by side in ``column``, "đ" or "d" alike."""
    return "{" + column + "} : (" + " OR ".join('"' + s + '"' for s in _d_variants(words)) + ")"


_TOKEN = re.compile(r"[^\W_]+\*?")  # _WORD's matches, as findall gives them (no group)


@lru_cache(maxsize=16384)
def _tokens(text: str | None) -> tuple[str, ...]:
    """The folded words of a title (kept: the same titles come back query after query, a
    thousand candidates each)."""
    return tuple(_TOKEN.findall(fold(text or "")))


def _slack(n: int) -> int:
    """How many other syllables may stand among the query's own for them to be near: "phòng,
    chống thiên tai năm 2025" for "phong chong thien tai 2025"."""
    return max(2, n // 2)


def _closeness(tokens: list[str], terms: list[tuple[str, bool]]) -> tuple[bool, bool, float]:
    """How the query's syllables stand in ``tokens``: the whole run side by side; all of them
    in order within a few syllables more than their number; the share of their pairs side by
    side plus the share of them found at all (0 to 2)."""
    n = len(terms)
    if not n or not tokens:
        return False, False, 0.0
    places: list[list[int]] = []
    for word, prefix in terms:
        if prefix:
            places.append([i for i, tok in enumerate(tokens) if tok.startswith(word)])
        else:
            places.append([i for i, tok in enumerate(tokens) if tok == word] if word in tokens else [])
    found = sum(1 for p in places if p)
    words = found / n
    if n == 1 or found < 2:
        return words == 1, words == 1, words
    sets = [set(p) for p in places]
    pairs = sum(1 for k in range(n - 1) if any(i + 1 in sets[k + 1] for i in places[k])) / (n - 1)
    if found < n:
        return False, False, pairs + words
    phrase = any(all(i + k in sets[k] for k in range(1, n)) for i in places[0])
    near = phrase
    if not phrase:
        width = n + _slack(n)
        for start in places[0]:
            at = start
            for k in range(1, n):
                at = next((i for i in places[k] if i > at), None)
                if at is None or at >= start + width:
                    break
            else:
                near = True
                break
    return phrase, near, pairs + words


async def _rank(db, ranked: list[int], terms: list[tuple[str, bool]], readable: set[int], titles: dict[int, str], need: int) -> list[int]:
    """``ranked`` (bm25's order) reordered as a Vietnamese reader expects: the query's
    syllables as a phrase in the trích yếu, then near each other there (in order, a few other
    syllables among them at most), then the phrase in the body, then the syllables near each
    other in the body, then the rest; in each, the most pairs side by side and words in the
    trích yếu first, then bm25. ``titles`` holds each document's symbol and trích yếu. The body
    counts only for documents in ``readable`` (a secret document's text ranks nothing for a
    visitor), and is looked at only when the levels above fill fewer than the ``need`` first
    places (the page asked for): those places are the same either way."""
    if not ranked or not terms:
        return ranked
    closeness = {doc_id: _closeness(_tokens(titles.get(doc_id)), terms) for doc_id in ranked}
    whole = [w for w, prefix in terms if not prefix]
    body_phrase: set[int] = set()
    body_near: set[int] = set()
    above = sum(1 for phrase, near, _ in closeness.values() if near)
    if len(whole) == len(terms) and len(terms) > 1 and above < need:
        # over the whole index: FTS5 answers "rowid IN (...)" one row at a time, 2 ms each
        # (the newest RANKED_MOST, as the candidates: every candidate that has them is among them)
        sql = f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rowid DESC LIMIT {RANKED_MOST}"
        rows = await db.execute(sql, {"q": _text_phrase(whole)})
        body_phrase = {r[0] for r in rows} & readable
        candidates = set(ranked)
        if above + len(body_phrase & candidates) < need:
            near = " OR ".join(
                "NEAR(" + " ".join(f'"{w}"' for w in spelling.split()) + f", {_slack(len(whole))})" for spelling in _d_variants(whole)
            )
            rows = await db.execute(sql, {"q": "{text} : (" + near + ")"})
            body_near = {r[0] for r in rows} & readable
    order = {doc_id: i for i, doc_id in enumerate(ranked)}

    def key(doc_id: int):
        phrase, near, score = closeness[doc_id]
        level = 5 if phrase else 4 if near else 3 if doc_id in body_phrase else 2 if doc_id in body_near else 1
        return (-level, -round(score, 2), order[doc_id])

    return sorted(ranked, key=key)


async def search(datasette, request) -> dict:
    db, links = database(datasette, request)
    query = (request.args.get("q") or "").strip()
    context: dict = {"q": query[:MAX_QUERY_CHARACTERS], "results": [], "error": None, "exact": [], "facets": [], "filters": []}
    if not query:
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context
    context["error"] = too_big(query)
    if context["error"]:
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context
    try:
        return await _search(db, request, query, context, links)
    except (sqlite3.OperationalError, QueryInterrupted):  # out of time: a page that says so, never a failure
        context.update(results=[], exact=[], facets=[], filters=[])
        context["error"] = "Không tìm được với câu tìm này trong thời gian cho phép: thử ít từ hơn, hoặc thêm từ riêng hơn."
        context["pages"] = Pages(request, 0, 1, PAGE_SIZE)
        return context


async def _search(db, request, query: str, context: dict, links) -> dict:
    hide = await public_only(db, request.actor)
    keys = symbol_keys(query)
    exact_ids: list[int] = []
    if keys:
        rows = await db.execute(
            "SELECT id, symbol_key FROM documents WHERE symbol_key IN (SELECT value FROM json_each(:keys)) "
            "OR symbol_key IN (SELECT '0' || value FROM json_each(:keys)) OR symbol_key IN (SELECT '00' || value FROM json_each(:keys)) "
            "OR symbol_key IN (SELECT value FROM json_each(:stripped)) "
            "ORDER BY placeholder, issued_date DESC, id",
            {"keys": json.dumps(keys), "stripped": json.dumps([k.lstrip("0") for k in keys])},
        )
        exact_ids = [r[0] for r in rows]
    request_for = None if keys else document_request(query)
    requested: list[int] = await _requested(db, request_for) if request_for else []
    expression = fts_query(" ".join(request_for["others"]) if request_for and requested else query)
    ranked: list[int] = []
    if expression:
        try:
            rows = list(await db.execute(_RANKED.format(weights=_WEIGHTS, most=RANKED_MOST, candidates=CANDIDATES), {"q": expression}))
            ranked = [r[0] for r in rows]
            context["newest_only"] = bool(rows) and rows[0][1] >= RANKED_MOST
            context["ranked_most"] = RANKED_MOST
            terms = [t for t in query_terms(query) if not (request_for and requested) or t[0] in request_for["others"]]
            words = [w for w, prefix in terms if not prefix]
            if len(ranked) >= CANDIDATES and len(words) > 1 and len(words) == len(terms):
                # the phrase in a trích yếu is a candidate however bm25 ranks the document
                rows = await db.execute(
                    f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q LIMIT {PHRASE_CANDIDATES}",
                    {"q": '{search_folded} : "' + " ".join(words) + '"'},
                )
                seen_ranked = set(ranked)
                ranked += [r[0] for r in rows if r[0] not in seen_ranked]
        except (sqlite3.OperationalError, QueryInterrupted):  # every word is quoted: a query interrupted by the time limit
            context["error"] = "Không tìm được với câu tìm này trong thời gian cho phép: thử ít từ hơn."
            terms = []
    else:
        terms = []
    hidden, unknown = await _hidden(db, ranked + exact_ids + requested) if hide else (set(), set())
    exact_ids = [i for i in exact_ids if i not in unknown]
    requested = [i for i in requested if i not in unknown]
    ranked = [i for i in ranked if i not in unknown]
    secret_found = [i for i in ranked if i in hidden]
    if secret_found:  # a secret document found by words of its text would tell what the text says
        rows = await db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q AND rowid IN (SELECT value FROM json_each(:ids))",
            {"q": "{symbol subject issuer} : (" + expression + ")", "ids": str(secret_found)},
        )
        by_title = {r[0] for r in rows}
        ranked = [i for i in ranked if i not in hidden or i in by_title]
    context["more"] = len(ranked) >= CANDIDATES
    if exact_ids and symbol_key(query) not in keys:  # "chỉ thị 05/CT-UBND": the other words must match too
        found = set(ranked)
        exact_ids = [i for i in exact_ids if i in found]
    if requested and request_for["others"]:  # "nghị định 15/2020 xử phạt": the other words must match too
        found = set(ranked)
        requested = [i for i in requested if i in found]
    exact_ids = list(dict.fromkeys(exact_ids + requested))
    seen = set(exact_ids)
    ranked = [i for i in ranked if i not in seen]
    rows = await db.execute(
        "SELECT d.id, d.symbol, d.subject, d.doc_type, d.year, coalesce(o.name, d.issuer) AS body, "
        f"{doc_status.sql('d', public=hide)} AS status FROM documents d "
        "LEFT JOIN organizations o ON o.id = d.issuer_id WHERE d.id IN (SELECT value FROM json_each(:ids))",
        {"ids": json.dumps(exact_ids + ranked)},
    )
    facts = {r["id"]: dict(r) for r in rows}
    keep = _narrowed(request, exact_ids + ranked, facts, context)
    exact_ids = [i for i in exact_ids if i in keep]
    ranked = [i for i in ranked if i in keep]
    need = page_number(request) * PAGE_SIZE - len(exact_ids)
    titles = {i: " ".join(filter(None, [facts[i]["symbol"], facts[i]["subject"]])) for i in ranked if i in facts}
    try:
        ranked = await _rank(db, ranked, terms, set(ranked) - hidden, titles, need)
    except (sqlite3.OperationalError, QueryInterrupted):  # bm25's order, when the time is up
        pass
    order = exact_ids + ranked
    pages = Pages(request, len(order), page_number(request), PAGE_SIZE)
    context["pages"] = pages
    chosen = order[pages.offset : pages.offset + PAGE_SIZE]
    if not chosen:
        return context
    rows = await db.execute(
        "SELECT d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, o.name AS issuer_name, d.subject, d.placeholder, d.secrecy, d.text, "
        f"{doc_status.sql('d', public=hide)} AS status "
        "FROM documents d LEFT JOIN organizations o ON o.id = d.issuer_id "
        "WHERE d.id IN (SELECT value FROM json_each(:ids))",
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
        doc["type_name"] = TYPE_NAMES.get(doc["doc_type"] or "", doc["doc_type"])
        doc["issuer_name"] = canonical_body(doc["issuer_name"] or doc["issuer"]) if (doc["issuer_name"] or doc["issuer"]) else None
        doc["date_vn"] = vn_date(doc["issued_date"])
        doc["subject_html"] = marked(doc["subject"], pattern)
        doc["snippet_html"] = Markup("") if secret else marked(text, pattern, SNIPPET_WIDTH)
        doc["secret_hidden"] = secret
        doc["url"] = links.document(doc_id)
        context["results"].append(doc)
    return context


# The names of the types a clerk reads (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the legal ones)
TYPE_NAMES = {
    "NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "NQ": "Nghị quyết",
    "CT": "Chỉ thị", "KH": "Kế hoạch", "CV": "Công văn", "TB": "Thông báo", "CĐ": "Công điện", "HD": "Hướng dẫn",
    "BC": "Báo cáo", "TTr": "Tờ trình", "L": "Luật", "VBHN": "Văn bản hợp nhất", "PL": "Pháp lệnh", "QC": "Quy chế",
    "QyĐ": "Quy định", "CTr": "Chương trình", "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BB": "Biên bản",
    "HĐ": "Hợp đồng", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "PC": "Phiếu chuyển", "TC": "Thông cáo",
    "BL": "Bộ luật", "LH": "Lệnh", "SL": "Sắc lệnh", "HP": "Hiến pháp",
}


def vn_date(iso: str | None) -> str:
    """"2025-03-05" as a Vietnamese reader writes it, "05/03/2025"; anything else as it is."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", iso or "")
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else (iso or "")


FACETS = (("type", "Loại văn bản"), ("issuer", "Cơ quan ban hành"), ("year", "Năm"), ("status", "Tình trạng hiệu lực"))
MAX_FACET_VALUES = 12


@lru_cache(maxsize=None)
def _central_bodies() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((fold(b), b) for b in tables.central_bodies()), key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=4096)
def canonical_body(name: str) -> str:
    """One spelling for one body in the facets: a central body of the project's table as the
    table writes it, however the header spelt or prefixed it ("Cục hải quan", "Bộ Tài chính
    cục hải quan": "Cục Hải quan"); any other name as it is."""
    folded = " ".join(fold(name).split())
    for key, body in _central_bodies():
        if folded == key or folded.endswith(" " + key) and not folded.endswith(" tong " + key):
            return body
    return name


def _narrowed(request, order: list[int], facts: dict[int, dict], context: dict) -> set[int]:
    """Of ``order``, the documents the page's ``type``, ``issuer``, ``year`` and ``status`` keep (each a
    value a facet offers); the facets of what is kept go into ``context``: each value with its
    count and the link that narrows (or widens) to it, on the same page."""
    chosen = {name: request.args.get(name) for name, _ in FACETS if request.args.get(name)}

    def value(doc_id: int, name: str) -> str | None:
        fact = facts.get(doc_id) or {}
        v = fact.get({"type": "doc_type", "issuer": "body", "year": "year", "status": "status"}[name])
        if v is None:
            return None
        return canonical_body(v) if name == "issuer" else str(v)

    keep = {i for i in order if all(value(i, name) == wanted for name, wanted in chosen.items())}
    base = [(k, v) for k, v in parse_qsl(request.query_string) if k != "page" and v != ""]
    for name, title in FACETS:
        counts: dict[str, int] = {}
        for doc_id in keep:
            v = value(doc_id, name)
            if v:
                counts[v] = counts.get(v, 0) + 1
        values = []
        for v, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_FACET_VALUES]:
            selected = chosen.get(name) == v
            args = [(k, x) for k, x in base if k != name] + ([] if selected else [(name, v)])
            values.append({"value": v, "label": TYPE_NAMES.get(v, v) if name == "type" else v, "count": n,
                           "selected": selected, "url": request.path + "?" + urlencode(args)})
        if name in chosen and not any(v["selected"] for v in values):
            args = [(k, x) for k, x in base if k != name]
            values.insert(0, {"value": chosen[name], "label": chosen[name], "count": 0, "selected": True,
                              "url": request.path + "?" + urlencode(args)})
        if values and (len(values) > 1 or name in chosen or len(keep) > 1):
            context["facets"].append({"name": name, "title": title, "values": values})
    context["filters"] = [{"name": k, "value": v} for k, v in chosen.items()]
    return keep


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
