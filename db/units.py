"""Finding units by what a person types: "so tai chinh quang ngai", "Sở Tài chính Quảng Ngãi",
"UBND tỉnh Đắk Lắk".

A query matches a canonical organization when every one of its words is a word of the
organization's name, in any order, with or without diacritics; abbreviations a clerk types
(UBND, HĐND, MTTQ, TP) stand for the words the canonical names spell out. Words are compared
as words, never as SQL patterns: "%" or "_" in a query are characters like any other, so
``tasks %`` finds nothing rather than everything. One place for the web pages, the canned
queries (SQL function ``unit_matches``) and ``directives tasks``.
"""
from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache

from ..nlp.normalize import fold

# Abbreviations (folded) to the words of the canonical name (db/organizations.py spells them out)
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ub": "uy ban",
    "tp": "thanh pho",
    "tx": "thi xa",
    "tw": "trung uong",
}
_WORD = re.compile(r"[^\W_]+")
# What a query asks for: words, and wildcard characters kept as words no name has
_QUERY_WORD = re.compile(r"[^\W_]+|[^\w\s]*[%_*][^\w\s]*")


def query_words(query: str | None) -> tuple[str, ...]:
    """The folded words a query asks for, abbreviations expanded, each once."""
    words: list[str] = []
    for word in _QUERY_WORD.findall(fold(query or "")):
        for part in ABBREVIATIONS.get(word, word).split():
            if part not in words:
                words.append(part)
    return tuple(words)


@lru_cache(maxsize=16384)
def _name_words(key: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(key)))


def matches(name_or_key: str | None, query: str | None) -> bool:
    """Whether every word of ``query`` is a word of ``name_or_key`` (an organization's name
    or its folded key). An empty query matches nothing."""
    words = query_words(query)
    if not words or not name_or_key:
        return False
    have = _name_words(name_or_key)
    return all(w in have for w in words)


# Each organization's words, by database file and the table's extent (its last id and its
# rows: a key never changes once made): folded once, not at every request (a large archive
# names tens of thousands of organizations, more than _name_words keeps).
_TABLES: dict[tuple, list[tuple[int, frozenset[str]]]] = {}


def _organization_words(conn: sqlite3.Connection) -> list[tuple[int, frozenset[str]]]:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    key = (path, *conn.execute("SELECT max(id), count(*) FROM organizations").fetchone())
    if key not in _TABLES or not path:  # (a database in memory is not kept: nothing names it)
        for old in [k for k in _TABLES if k[0] == path]:
            del _TABLES[old]
        if len(_TABLES) > 16:
            _TABLES.clear()
        _TABLES[key] = [(oid, frozenset(_WORD.findall(fold(k or "")))) for oid, k in conn.execute("SELECT id, key FROM organizations")]
    return _TABLES[key]


def organization_ids(conn: sqlite3.Connection, query: str | None) -> list[int]:
    """The ids of the organizations whose name holds every word of ``query``."""
    words = query_words(query)
    if not words:
        return []
    return [oid for oid, have in _organization_words(conn) if have.issuperset(words)]


def ids_json(ids: list[int]) -> str:
    """Ids as one SQL parameter, for ``... IN (SELECT value FROM json_each(?))``."""
    return json.dumps(ids)
