"""What a placeholder (a cited document not stored) says of itself: the agreement of every
citation of it, so that it does not depend on which citation came first.

The spelling of its symbol is the one most citations use that follows the grammar
(``nlp/symbols.py``); its type the most frequent; its date the most frequent of those that
agree with the year its symbol carries (a typo'd date is left out); its issuer the body the
citations name, canonically and in full ("Bộ trưởng Bộ Tài chính" issues as "Bộ Tài chính"),
or, when none names one, the central body its symbol's code stands for (``BTC``: Bộ Tài
chính, ``QH15``: Quốc hội, ``NĐ-CP``: Chính phủ), or for a Law cited by its title, Quốc hội.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..nlp.symbols import issuer_code, well_formed
from ..nlp.symbols import year as symbol_year
from .organizations import body_name


def _most_frequent(counts: Counter, tie=lambda v: v):
    """The most frequent value; among equals the smallest by ``tie``."""
    counts = {v: n for v, n in counts.items() if v and n > 0}
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], tie(v)))


# A citation's names are read once, not again with every citation of the same document: the
# spellings of a symbol and of an issuer repeat across an archive.
_well_formed = lru_cache(maxsize=65536)(well_formed)
_body_name = lru_cache(maxsize=65536)(body_name)


def code_body(symbol: str | None) -> str | None:
    """The central body a symbol's code names ("30/2020/NĐ-CP": Chính phủ), from
    ``nlp/data/issuers.json``; None for a provincial code, whose province a symbol does not say."""
    known = issuer_code(symbol) if symbol else None
    return known["name"] if known and known["level"] == "central" else None


# Who passes the documents cited by title ("Luật Đầu tư ngày 17 tháng 6 năm 2020").
_BY_TYPE = {"L": "Quốc hội", "HP": "Quốc hội", "PL": "Ủy ban Thường vụ Quốc hội"}


def agreed(citations: list[dict], symbol: str | None) -> dict:
    """The fields of a placeholder from its citations (dicts of symbol, doc_type, date, issuer)."""
    counts = {name: Counter(c.get(key) for c in citations if c.get(key))
              for name, key in (("symbol", "symbol"), ("type", "doc_type"), ("date", "date"), ("issuer", "issuer"))}
    return agreed_counts(counts, symbol)


def agreed_counts(counts: dict[str, Counter], symbol: str | None) -> dict:
    """The fields of a placeholder from what its citations say, counted: {"symbol": Counter of
    spellings, "type": ..., "date": ..., "issuer": ...} (``citation_counts``, db/schema.py)."""
    out: dict = {}
    empty: Counter = Counter()
    spelled = _most_frequent(
        Counter({v: n for v, n in counts.get("symbol", empty).items() if _well_formed(v)}),
        tie=lambda v: (-sum(v.count(ch) for ch in "-/"), v),
    )
    if spelled:
        out["symbol"] = symbol = spelled
    out["doc_type"] = _most_frequent(counts.get("type", empty))
    own_year = symbol_year(symbol)
    out["issued_date"] = _most_frequent(
        Counter({d: n for d, n in counts.get("date", empty).items() if own_year is None or int(d[:4]) == own_year})
    )
    bodies: Counter = Counter()
    for issuer, n in counts.get("issuer", empty).items():
        body = _body_name(issuer)
        if body:
            bodies[body] += n
    if bodies:
        out["issuer"] = min(bodies, key=lambda b: (-len(b), -bodies[b], b))
    else:
        out["issuer"] = code_body(symbol) or _BY_TYPE.get(out["doc_type"] or "")
    return out
