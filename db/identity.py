"""Which document is which: the duplicate key of Nghị định 30 for incoming documents.

A document is (normalised symbol, issuing body with its locality, year). The symbol of a
central body is unique in the country (``30/2020/NĐ-CP``), so its locality is empty; a
provincial symbol (UBND, HĐND, a Sở's code, a Tỉnh ủy's) is unique only in its province, so
``98/2025/QĐ-UBND`` of Thái Nguyên and of Bắc Ninh are two documents. When a citation does
not say the province, the citing document's own province is used and the link is marked
less sure; a citation can never join two provinces' documents.

The year of a symbol that carries one (``118/2025/NĐ-CP``) is that year, whatever date the
citing text gives ("... ngày 09/6/2020" is a typo there, not another document): the
disagreement is kept as a warning on the link. Codes compare without dashes, dots, spaces and
"&" (``symbol_key``), so "154/2020/NĐCP" is "154/2020/NĐ-CP".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.normalize import fold, symbol_key
from ..nlp.symbols import issuer_code
from ..nlp.symbols import year as symbol_year

_LOCALITY = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\s+(?!uy\b)([a-z][a-z ]*?)\s*$")
_PARTY_LOCALITY = re.compile(r"\b(?:tinh uy|thanh uy)\s+([a-z][a-z ]*?)\s*$")

# How sure a link is, by how its target was identified.
SURE = 1.0  # a central symbol with its year, or a document's own header
STATED = 0.9  # a provincial symbol whose province the citation names
NO_YEAR = 0.8  # the citation gives neither a date nor a year: the only document of that symbol
ASSUMED = 0.6  # a provincial symbol; the province is the citing document's own
BY_TITLE = 0.7  # a law named by its title and year


@dataclass(frozen=True)
class Identity:
    key: str  # "symbol key|locality|year", or "title:...|year", or "sha256:..."
    symbol_key: str | None
    locality: str  # folded province name; "" for a central body
    year: int | None
    confidence: float
    warning: str | None = None  # what the citation says that the identity does not follow


def locality_of(issuer: str | None) -> str:
    """ "Sở Tài chính tỉnh Quảng Ngãi" gives "quang ngai"; "Bộ Tài chính" gives ""."""
    folded = fold(issuer or "").strip()
    m = _PARTY_LOCALITY.search(folded) or _LOCALITY.search(folded)
    return m.group(1).strip() if m else ""


def is_provincial(symbol: str, issuer: str | None = None) -> bool:
    """Whether a symbol is unique only inside its province."""
    known = issuer_code(symbol)
    if known:
        return known["level"] in {"province", "local", "party"}
    return bool(locality_of(issuer))  # an unknown code: as its issuer says


def key(symbol_k: str, locality: str, year: int | None) -> str:
    return f"{symbol_k}|{locality}|{year or ''}"


def of_document(symbol: str | None, issuer: str | None, year: int | None, sha256: str) -> Identity:
    """A stored document's identity, from its own header (the symbol's year before the date's)."""
    if not symbol:
        return Identity("sha256:" + sha256, None, "", year, SURE)
    year = symbol_year(symbol) or year
    k = symbol_key(symbol)
    locality = locality_of(issuer) if is_provincial(symbol, issuer) else ""
    return Identity(key(k, locality, year), k, locality, year, SURE)


def of_reference(ref: dict, citing_issuer: str | None) -> Identity:
    """The identity of a cited document, and how sure the citation makes it."""
    dated = int(ref["date"][:4]) if ref.get("date") else None
    own = symbol_year(ref.get("symbol"))
    year = own or ref.get("year") or dated
    warning = None
    if own and dated and dated != own:
        warning = f"the citation dates it {ref['date']}; its symbol says {own}"
    if not ref.get("symbol"):
        title = fold(ref.get("title") or ref.get("text") or "")
        return Identity(f"title:{title}|{year or ''}", None, "", year, BY_TITLE)
    k = symbol_key(ref["symbol"])
    confidence = SURE
    locality = ""
    if is_provincial(ref["symbol"], ref.get("issuer")):
        stated = locality_of(ref.get("issuer")) if ref.get("issuer_from") == "text" else ""
        if stated:
            locality, confidence = stated, STATED
        else:
            locality, confidence = locality_of(citing_issuer), ASSUMED
    if year is None:
        confidence = min(confidence, NO_YEAR)
    return Identity(key(k, locality, year), k, locality, year, confidence, warning)
