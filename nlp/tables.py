"""The pattern tables (document types, signer posts, issuer codes), loaded from ``nlp/data``.

They are data, not code: adding a document type or a post is an edit of a JSON file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .normalize import fold


def phrase_alternation(phrases, ignore_case: bool = False) -> str:
    """Phrases as one regex group body, any white space (a line break) between words.

    Built as a trie ("nghi (?:dinh|quyet)"), not as a flat list of alternatives: the engine
    then reads each character once at a position instead of once per phrase, which made the
    phrase tables the slowest patterns. Where phrases share a start the longer is tried
    first, as a flat list sorted longest first would. With ``ignore_case`` (for a pattern
    compiled with ``re.I``) phrases are merged case-blind, so that order still holds."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase.lower() if ignore_case else phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        if len(branches) == 1:
            return f"(?:{branches[0]})?" if "" in node else branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


def starting_words(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None, inside: re.Pattern = re.compile(r"[\wÀ-ỹ]")):
    r"""The matches of ``pattern`` that do not begin inside a word (the character before them
    is not one ``inside`` matches): what ``(?<![\wÀ-ỹ])`` at the pattern's start would give.
    That look-behind keeps the regex engine from skipping ahead to the pattern's first
    letters, so it tries every position; checked here, the search runs many times faster."""
    end = len(text) if end is None else end
    at = start
    while at <= end:
        m = pattern.search(text, at, end)
        if m is None:
            return
        if m.start() > 0 and inside.match(text, m.start() - 1):
            at = m.start() + 1
            continue
        yield m
        at = m.end() if m.end() > m.start() else m.end() + 1


def load_table(name: str) -> dict:
    """One phrase table of ``nlp/data`` (``"tasks.json"``), as its JSON object; read from the
    installed package, so it works from a wheel as from the source tree."""
    return json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DocType:
    abbr: str
    names: tuple[str, ...]
    codes: tuple[str, ...]


@lru_cache(maxsize=None)
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(t["abbr"], tuple(t["names"]), tuple(t["codes"])) for t in load_table("doc_types.json")["types"]
    )


@lru_cache(maxsize=None)
def type_by_name() -> dict[str, str]:
    """Upper-case type name ("QUYẾT ĐỊNH") to abbreviation ("QĐ")."""
    return {name: t.abbr for t in doc_types() for name in t.names}


@lru_cache(maxsize=None)
def type_by_code() -> dict[str, str]:
    """Folded symbol code ("qd", "ttr") to abbreviation ("QĐ", "TTr")."""
    table: dict[str, str] = {}
    for t in doc_types():
        for code in (t.abbr, *t.codes):
            table.setdefault(fold(code), t.abbr)
    return table


@lru_cache(maxsize=None)
def titles() -> tuple[str, ...]:
    """Signer posts in display form, longest first so the longest match wins."""
    return tuple(sorted(load_table("titles.json")["titles"], key=len, reverse=True))


@lru_cache(maxsize=None)
def signature_prefixes() -> tuple[str, ...]:
    return tuple(load_table("titles.json")["prefixes"])


@lru_cache(maxsize=None)
def issuer_codes() -> dict[str, dict]:
    """Folded issuer code ("sct") to {"name", "level"}."""
    return {fold(code): value for code, value in load_table("issuers.json")["codes"].items()}


@lru_cache(maxsize=None)
def central_bodies() -> tuple[str, ...]:
    """The central bodies by name: those of the codes' table and those no code names."""
    data = load_table("issuers.json")
    names = [v["name"] for v in data["codes"].values() if v["level"] == "central"] + data.get("bodies", [])
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=None)
def provinces() -> tuple[str, ...]:
    """The provinces and centrally run cities by name, longest first."""
    return tuple(sorted(load_table("issuers.json")["provinces"], key=len, reverse=True))


@lru_cache(maxsize=None)
def centrally_run_cities() -> frozenset[str]:
    return frozenset(fold(c) for c in load_table("issuers.json")["centrally_run_cities"])


@lru_cache(maxsize=None)
def relative_clause_words() -> dict[str, tuple[str, ...]]:
    """The words that open a relative clause inside a noun phrase ("Cá nhân được giao quản lý
    sổ", "đơn vị do Sở quản lý"): a verb after them belongs to the name, not to the sentence.
    One home for the unit grammar (``nlp/tasks``: 'after_head', 'at_name_end') and the tagger's
    subject reader (``nlp/subjects``: 'tagged_words'); ``task_grammar.json`` says why the lists differ."""
    return {kind: tuple(words) for kind, words in load_table("task_grammar.json")["relative_clause"].items()}


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(s.lower() for s in load_table("surnames.json")["surnames"])
