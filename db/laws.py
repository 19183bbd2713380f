"""Laws cited by name and by number are one node.

"Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025" and "Luật số 72/2025/QH15"
cite one law. Its name, number and date come from the citations that give two of them
together ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15", anywhere in the database),
from a stored law's own header, and, where nothing in the database ties them, from the laws
the project ships (``nlp/data/laws.json``, each verified on a text of the corpus). A name is
told apart by its year ("Luật Đất đai" of 2013 and of 2024); a name cited without a year is
no reference at all, and a name whose year gives two numbers stays unresolved. An incomplete
code ("72/2025/QH") is the law of that number and year when one is known.

:func:`resolve` gives a citation by name the number's identity before it is linked;
:func:`merge` joins the nodes a new pair ties together (a name-only placeholder made before
the pair was known, an incomplete code) into the number's node, so the graph does not depend
on the order documents arrive in; :func:`name_nodes` gives a law placeholder its name.
"""
from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from importlib import resources

from ..nlp.normalize import collapse, fold, symbol_key
from ..nlp.symbols import year as symbol_year
from . import identity as ident

_LAW_TITLE = re.compile(r"^(?:bo luat|luat|phap lenh)\s")
_NUMBER = re.compile(r"^(\d+)/((?:19|20)\d{2})/(?:ubtv)?qh\d*$")
_INCOMPLETE = re.compile(r"^(\d+)/((?:19|20)\d{2})/qh$")
_NAME_IN_MENTION = re.compile(r"^((?:Bộ luật|Luật|Pháp lệnh)\s+[^;:()]{2,150}?)\s+(?:số|Số)\s*:?\s*\d")


def name_key(name: str | None) -> str:
    """A law's name compared: folded, without "năm 2025" or "số" at its end."""
    key = fold(collapse(name or ""))
    key = re.sub(r"\s+(?:nam(?:\s+(?:19|20)\d{2})?|so)\s*$", "", key).strip(" ,.*")
    return key


@lru_cache(maxsize=None)
def shipped() -> dict[tuple[str, int], dict]:
    """(name key, year) -> {"name", "number", "passed"} of ``nlp/data/laws.json``."""
    data = json.loads(resources.files("directives.nlp").joinpath("data/laws.json").read_text(encoding="utf-8"))
    table = {}
    for law in data["laws"]:
        table[(name_key(law["name"]), int(law["passed"][:4]))] = law
    return table


# the table of the last writing connection, by its id and its database file (a connection is
# not kept: it would hold the file open): read again after every merge
_KNOWN: dict[str, object] = {}


def _key(conn: sqlite3.Connection) -> tuple:
    return id(conn), conn.execute("PRAGMA database_list").fetchone()[2]


def forget() -> None:
    """After links are taken away (a file dropped): the next :func:`merge` reads every law
    placeholder again."""
    _KNOWN.clear()


def known_cached(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """:func:`known`, read once for the writing connection until :func:`merge` (run whenever
    a document may tie a name to a number) reads it again."""
    key = _key(conn)
    if _KNOWN.get("key") != key:
        _KNOWN.clear()
        _KNOWN.update(key=key, table=known(conn))
    return _KNOWN["table"]  # type: ignore[return-value]


def known(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """(name key, year) -> the law's number: the shipped table's, else the database's. A name
    and year that two numbers claim there is left out (a typo in one citation, two laws),
    unless one is cited three times as often."""
    counts: dict[tuple[str, int], dict[str, int]] = {}

    def add(pair: tuple[tuple[str, int], str] | None, times: int = 1) -> None:
        if pair:
            numbers = counts.setdefault(pair[0], {})
            numbers[pair[1]] = numbers.get(pair[1], 0) + times

    for symbol, subject in conn.execute(
        "SELECT symbol, subject FROM documents WHERE placeholder = 0 AND doc_type IN ('L', 'PL') AND symbol IS NOT NULL"
    ):
        add(_own_pair(subject, symbol))
    # the law citations "Luật X số N" of the links, counted by wording (db/schema.LAW_MENTIONS)
    for symbol, mention, times in conn.execute("SELECT number, mention, count FROM law_mentions"):
        add(_mention_pair(mention, symbol), times)
    found: dict[tuple[str, int], str] = {}
    for key, cited_as in counts.items():
        # "05/2017/QH14" and "5/2017/QH14" are one number: counted together, spelled as the
        # shipped table spells it, else with its zero (a rule that no order of files changes)
        spellings: dict[str, set[str]] = {}
        for n in cited_as:
            if not _INCOMPLETE.match(symbol_key(n)):
                spellings.setdefault(_number_key(n), set()).add(n)
        if not spellings:
            continue
        law = shipped().get(key)
        chosen = {k: (law["number"] if law and _number_key(law["number"]) == k else max(s, key=lambda n: (len(n), n)))
                  for k, s in spellings.items()}
        cited = {k: sum(cited_as[n] for n in s) for k, s in spellings.items()}
        if len(spellings) == 1:
            found[key] = next(iter(chosen.values()))
        else:  # one number cited most, by far, is the law; a tie stays unresolved
            ranked = sorted(((cited[k], k) for k in spellings), reverse=True)
            if ranked[0][0] >= 3 * ranked[1][0]:
                found[key] = chosen[ranked[0][1]]
    for key, law in shipped().items():  # verified: no citation's typo, and no order of files, changes it
        found[key] = law["number"]
    return found


# A wording is parsed once per process, not once per reading of the table: :func:`known` runs
# whenever a document may tie a name to a number, over every wording of the archive.
@lru_cache(maxsize=1 << 16)
def _pair(name: str | None, number: str | None) -> tuple[tuple[str, int], str] | None:
    """((name key, year), number) of a law named with its number, None when it is not one."""
    year = symbol_year(number)
    key = name_key(name)
    if not (number and year and key and _LAW_TITLE.match(key + " ")):
        return None
    if re.search(r"(?:,|\bva|\bcua|\btai)\s+(?:bo luat|luat|phap lenh)\s", key):
        return None  # several laws, or an amending law whose number may be the amended one's
    return (key, year), number


@lru_cache(maxsize=1 << 16)
def _own_pair(subject: str | None, symbol: str) -> tuple[tuple[str, int], str] | None:
    """A stored law's own name (its trích yếu) and number."""
    if subject and not fold(subject).startswith(("sua doi", "luat", "bo luat", "phap lenh")):
        return _pair(f"Luật {subject}", symbol)
    return None


@lru_cache(maxsize=1 << 16)
def _mention_pair(mention: str | None, number: str | None) -> tuple[tuple[str, int], str] | None:
    """A citation "Luật X số N": its name and number."""
    m = _NAME_IN_MENTION.match(mention or "")
    return _pair(m.group(1), number) if m else None


@lru_cache(maxsize=1 << 16)
def _number_key(number: str) -> str:
    """A law's number compared: without the zeros before it ("05/2017/QH14" is "5/2017/QH14")."""
    return re.sub(r"^0+(?=\d)", "", symbol_key(number))


def _complete(conn: sqlite3.Connection, number: str, table: dict[tuple[str, int], str]) -> str | None:
    """ "72/2025/QH" completed to the one law of that number and year the database or the
    shipped table knows; None when none or several."""
    m = _INCOMPLETE.match(symbol_key(number))
    if not m:
        return None
    prefix = f"{int(m.group(1))}/{m.group(2)}/qh"
    candidates = {n for n in table.values() if re.match(rf"0*{re.escape(prefix)}\d+$", symbol_key(n))}
    for (symbol,) in conn.execute("SELECT symbol FROM documents WHERE symbol_key LIKE ? AND symbol IS NOT NULL", [f"%/{m.group(2)}/qh%"]):
        k = symbol_key(symbol)
        if re.match(rf"0*{re.escape(prefix)}\d+$", k):
            candidates.add(symbol)
    keys = {symbol_key(c): c for c in candidates}
    return next(iter(keys.values())) if len(keys) == 1 else None


def resolve(conn: sqlite3.Connection, ref: dict, target: ident.Identity, citing_issuer: str | None,
            table: dict[tuple[str, int], str] | None = None) -> tuple[dict, ident.Identity]:
    """A citation of a law by name and year, or by an incomplete code, as its number's."""
    symbol = ref.get("symbol")
    if symbol and ref.get("doc_type") in ("L", "PL", None) and _INCOMPLETE.match(symbol_key(symbol)):
        table = table if table is not None else known(conn)
        number = _complete(conn, symbol, table)
        if number:
            ref = {**ref, "symbol": number}
            return ref, ident.of_reference(ref, citing_issuer)
        return ref, target
    if symbol or not _LAW_TITLE.match(fold(ref.get("title") or "") + " "):
        return ref, target
    year = ref.get("year") or (int(ref["date"][:4]) if ref.get("date") else None)
    if not year:
        return ref, target
    table = table if table is not None else known(conn)
    number = table.get((name_key(ref.get("title")), year))
    if not number:
        return ref, target
    ref = {**ref, "symbol": number, "doc_type": ref.get("doc_type") or "L", "name": ref.get("title")}
    return ref, ident.of_reference(ref, citing_issuer)


def by_name_or_code(ref: dict) -> bool:
    """A citation :func:`resolve` may change: a law by its name, or an incomplete code."""
    symbol = ref.get("symbol")
    if symbol:
        return bool(_INCOMPLETE.match(symbol_key(symbol)))
    return bool(_LAW_TITLE.match(fold(ref.get("title") or "") + " "))


def may_tie(refs: list[dict], doc_type: str | None) -> bool:
    """Whether a document brings a new name-number pair (a law's own header, a citation
    "Luật X số N") or an incomplete code: only then are nodes merged."""
    return doc_type in ("L", "PL") or any(r.get("name") or (r.get("symbol") and _INCOMPLETE.match(symbol_key(r["symbol"]))) for r in refs)


def merge(conn: sqlite3.Connection) -> set[int]:
    """Join every name-only law placeholder whose name and year now give a number, and every
    incomplete code now completed, into the number's node (made when missing): its links move
    there, a citing document that cites both keeps one link. Returns the nodes touched.

    The name-only placeholders are looked at again only when the table of known laws changed
    since the last merge on this connection: a placeholder made since then was resolved
    against that same table as it was stored (:func:`known_cached`)."""
    from .schema import LAW_PLACEHOLDERS

    conn_key = _key(conn)
    last = _KNOWN.get("merged") if _KNOWN.get("key") == conn_key else None
    table = known(conn)
    _KNOWN.update(key=conn_key, table=table, merged=table)
    names_changed = last != table
    touched: set[int] = set()
    # (the planner, without statistics, would rather read every placeholder by the flag's index)
    rows = conn.execute("SELECT id, identity, subject, year, symbol FROM documents INDEXED BY idx_documents_law_placeholders "
                        f"WHERE {LAW_PLACEHOLDERS}").fetchall()
    for node, identity, subject, year, symbol in rows:
        if identity.startswith("title:"):
            if not names_changed:
                continue
            key = name_key(identity[len("title:") :].rsplit("|", 1)[0])
            number = table.get((key, year)) if year else None
        else:
            number = _complete(conn, symbol, table)
        if not number:
            continue
        target = ident.of_reference({"symbol": number, "doc_type": "L"}, None)
        # the links say what a citation resolved when it was stored says: the number, a law,
        # as sure as a number (whichever came first, the same row)
        cited_type = "coalesce(cited_type, 'L')" if identity.startswith("title:") else "cited_type"
        conn.execute(f"UPDATE document_links SET cited_symbol = ?, cited_type = {cited_type}, confidence = ? WHERE target_id = ?",
                     [number, target.confidence, node])
        found = conn.execute("SELECT id FROM documents WHERE identity = ?", [target.key]).fetchone()
        if found is None:
            found = conn.execute(
                "SELECT id FROM documents WHERE symbol_key = ? AND identity != ?", [target.symbol_key, identity]
            ).fetchone()
        if found is None:  # the number's node does not exist yet: this node becomes it
            conn.execute(
                "UPDATE documents SET identity = ?, symbol = ?, symbol_key = ?, doc_type = 'L', year = ? WHERE id = ?",
                [target.key, number, target.symbol_key, target.year, node],
            )
            touched.add(node)
            continue
        into = found[0]
        if into == node:
            continue
        _join_links(conn, node, into)
        conn.execute("UPDATE OR IGNORE document_links SET target_id = ? WHERE target_id = ?", [into, node])
        conn.execute("DELETE FROM document_links WHERE target_id = ?", [node])
        conn.execute("UPDATE document_links SET source_id = ? WHERE source_id = ?", [into, node])  # a placeholder cites nothing; safe
        conn.execute("DELETE FROM documents WHERE id = ?", [node])
        touched.add(into)
    return touched


_LINK_COLUMNS = ("relation", "mention", "confidence", "start", "[end]", "cited_symbol", "cited_type", "cited_date",
                 "cited_issuer", "warning", "relations", "scope", "acts")


def _join_links(conn: sqlite3.Connection, node: int, into: int) -> None:
    """A document citing a law by its name (``node``) and by its number (``into``) keeps one
    link, as when the name was resolved as it was stored (db/store.py): the link of the
    citation that comes first in its text, with the acts of both (``status.join_link``)."""
    from .status import join_columns

    names = ", ".join(_LINK_COLUMNS)
    for source, *by_name in conn.execute(
        f"SELECT source_id, {names} FROM document_links WHERE target_id = ? AND source_id IN "
        "(SELECT source_id FROM document_links WHERE target_id = ?)", [node, into]
    ).fetchall():
        by_number = conn.execute(f"SELECT {names} FROM document_links WHERE source_id = ? AND target_id = ?", [source, into]).fetchone()
        first, second = sorted([tuple(by_name), tuple(by_number)], key=lambda row: (row[3] is None, row[3] or 0))
        kept = dict(zip(_LINK_COLUMNS, first))
        kept.update(zip(("relations", "scope", "acts"), join_columns(kept["relations"], kept["scope"], kept["acts"], *second[10:])))
        conn.execute(f"UPDATE document_links SET {', '.join(f'{c} = ?' for c in _LINK_COLUMNS)} WHERE source_id = ? AND target_id = ?",
                     [*kept.values(), source, into])
        conn.execute("DELETE FROM document_links WHERE source_id = ? AND target_id = ?", [source, node])


def name_nodes(conn: sqlite3.Connection, ids) -> None:
    """A law placeholder with a number gets the name its citations give it most often
    ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15"), counted with its links
    (``citation_counts``, field ``name``: the same whatever order they came in, and as cheap
    for a law cited ten thousand times); the shipped table's name first, where it has the law."""
    from .schema import search_folded

    for node in sorted(set(ids)):
        row = conn.execute(
            "SELECT symbol, subject, placeholder, doc_type, issuer FROM documents WHERE id = ?", [node]
        ).fetchone()
        if row is None or not row[2] or not row[0] or not _NUMBER.match(symbol_key(row[0])):
            continue
        law = next((law for law in shipped().values() if symbol_key(law["number"]) == symbol_key(row[0])), None)
        names: dict[str, int] = {}
        for said, n in conn.execute("SELECT value, count FROM citation_counts WHERE target_id = ? AND field = 'name'", [node]):
            m = _NAME_IN_MENTION.match(said + " 0")  # the words before the number, "số" included
            if m and not re.search(r",\s*(?:Bộ luật|Luật)\s", m.group(1)):
                name = collapse(m.group(1))
                names[name] = names.get(name, 0) + n
        if law:  # the shipped table, checked against a text: "Luật sửa đổi, bổ sung ... của Luật X số 87/2025/QH15"
            name = law["name"]  # is cited as "Luật X số 87/2025/QH15" once the amending words are cut
        elif names:
            name = max(names, key=lambda n: (names[n], -sum(c.isupper() for c in n), n))
        else:
            name = None
        if name and name != row[1]:
            conn.execute(
                "UPDATE documents SET subject = ?, search_folded = ? WHERE id = ?",
                [name, search_folded(row[0], name, row[4]), node],
            )
