"""Số ký hiệu: the pattern of a document symbol and what its parts say.

A symbol is a number, then parts separated by "/" or "-": ``30/2020/NĐ-CP``,
``57-NQ/TW``, ``2000/KH-SCT``, ``11554/VPCP-V.I``, ``223/KH- UBND`` (a stray space).
"""
from __future__ import annotations

import re

from .normalize import fold
from .tables import issuer_codes, type_by_code

_UP = "A-ZĐÀ-ỸƯƠÂÊÔĂ"
_PART = rf"[{_UP}][{_UP}a-zđà-ỹ0-9&.]*(?:\([{_UP}0-9]+\))?"
# "\d\d{0,5}", not "\d{1,6}": a pattern that starts with a single character class lets the
# regex engine skip to the digits; one that starts with a repeat is tried at every position.
_NUMBER = r"\d\d{0,5}(?:\.\d{1,3})?[a-z]?"
SYMBOL = (
    rf"{_NUMBER}\s*(?:/\s*\d{{4}}\s*)?[/-]\s*{_PART}"
    rf"(?:(?:\s*[/-]\s*|\s+(?=[{_UP}]{{2,}}[/-])){_PART}|\s*[/-]\s*\d{{4}}(?![\d/]))*"
)
SYMBOL_RE = re.compile(SYMBOL)
# Older symbols put a space after the number: "1141 TC/QĐ/CĐKT".
SPACED = rf"{_NUMBER}\s(?=[{_UP}]{{2,}}/){_PART}(?:/{_PART})+"
# In a citation: any of them, in any case ("quyết định số 12/qđ-ubnd").
CITED_RE = re.compile(rf"{SPACED}|{SYMBOL}", re.IGNORECASE)


def clean_symbol(raw: str) -> str:
    """The symbol as printed, spaces removed and a trailing dot or dash dropped."""
    return re.sub(r"\s+", "", raw).rstrip(".-/,;:")


def parts(symbol: str) -> list[str]:
    """The lettered parts after the number (and year): ``30/2020/NĐ-CP`` gives ["NĐ", "CP"]."""
    rest = re.sub(rf"^{_NUMBER}", "", symbol)
    return [p for p in re.split(r"[/-]", rest) if p and not p.isdigit()]


def type_code(symbol: str) -> str | None:
    """The document-type abbreviation a symbol carries, if any (its first lettered part)."""
    found = parts(symbol)
    if not found:
        return None
    for index, p in enumerate(found[:2]):
        abbr = type_by_code().get(fold(p)) or type_by_code().get(fold(p).rstrip("0123456789"))
        if abbr:
            if index == 1 and abbr in {"CT", "TB"}:
                continue  # "1141 TC/CT": a second part named CT is an issuer code, not Chỉ thị
            return abbr
    return None


def issuer_code(symbol: str) -> dict | None:
    """The issuing body a symbol names ("KH-SCT" gives Sở Công Thương), if the table knows it."""
    for p in parts(symbol):
        known = issuer_codes().get(fold(p))
        if known and not type_by_code().get(fold(p)):
            return known
    for p in parts(symbol)[1:]:
        known = issuer_codes().get(fold(p))
        if known:
            return known
    return None


def year(symbol: str) -> int | None:
    m = re.search(r"/((?:19|20)\d{2})/", symbol)
    return int(m.group(1)) if m else None
