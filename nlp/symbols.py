"""Số ký hiệu: the grammar of a document symbol, written once, and what its parts say.

Nghị định 30/2020/NĐ-CP (Phụ lục III, the type abbreviations; Phụ lục VI, the layout): a
symbol is the number, the year for a legal-normative text, then the type code and the
issuing body's code joined by "-", the parts by "/": ``30/2020/NĐ-CP``, ``2000/KH-SCT``,
``11554/VPCP-V.I``, ``01/VBHN-BTC``, ``60/2024/QH15``. Party documents put a dash after the
number (``57-NQ/TW``); older texts a space (``1141 TC/QĐ/CĐKT``); a stray space is common
(``223/KH- UBND``).

A code is capitals, digits and "&", with a dot only inside (``V.I``) and small letters only
in an abbreviation of two capitals or more (``TTg``, ``CTr``, ``QyĐ``). A symbol ends where
its last code ends: a following word ("-Xác", ".-Thủ"), punctuation or bullet is not part of
it. :data:`SYMBOL` finds candidates; :func:`symbol_length` cuts one where the grammar ends,
and :func:`well_formed` checks a symbol against the grammar.
"""
from __future__ import annotations

import re

from .normalize import fold
from .tables import issuer_codes, type_by_code

_UP = "A-ZĐÀ-ỸƯƠÂÊÔĂ"
_LOW = "a-zđà-ỹ"
_PART = rf"[{_UP}](?:[{_UP}{_LOW}0-9&]|\.(?=[{_UP}0-9]))*(?:\([{_UP}0-9]+\))?"
# "\d\d{0,5}", not "\d{1,6}": a pattern that starts with a single character class lets the
# regex engine skip to the digits; one that starts with a repeat is tried at every position.
_NUMBER = r"\d\d{0,5}(?:\.\d{1,3})?[a-z]?"
_YEAR = r"(?:19|20)\d{2}"
SYMBOL = (
    rf"{_NUMBER}\s*(?:/\s*\d{{4}}\s*)?[/-]\s*{_PART}"
    rf"(?:(?:\s*[/-]\s*|\s+(?=[{_UP}]{{2,}}[/-])){_PART}|\s*[/-]\s*\d{{4}}(?![\d/]))*"
)
SYMBOL_RE = re.compile(SYMBOL)
# Older symbols put a space after the number: "1141 TC/QĐ/CĐKT".
SPACED = rf"{_NUMBER}\s(?=[{_UP}]{{2,}}/){_PART}(?:/{_PART})+"
# In a citation: any of them, in any case ("quyết định số 12/qđ-ubnd").
CITED_RE = re.compile(rf"{SPACED}|{SYMBOL}", re.IGNORECASE)

_HEAD = re.compile(rf"({_NUMBER})(?:\s*/\s*({_YEAR}))?(?:\s*[/-]\s*|\s(?=[{_UP}]{{2,}}/))", re.I)
_SEPARATED = re.compile(r"(\s*[/-]\s*|\s+)")
_CODE = re.compile(rf"[{_UP}{_LOW}0-9&]+(?:\.[{_UP}{_LOW}0-9&]+)*(?:\([{_UP}0-9]+\))?", re.I)


_SMALL_CODES = {"nb"}


def is_code(part: str, lower_case: bool = False) -> bool:
    """A lettered part of a symbol ("NĐ", "UBND", "QH15", "V.I", "TTg"), not a word ("Xác",
    "Thủ"). ``lower_case``: the whole symbol is typed in small letters ("12/qđ-ubnd")."""
    if not _CODE.fullmatch(part) or not any(c.isalpha() for c in part):
        return False
    letters = [c for c in part if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if capitals == 0:  # "/nb" closes a Party office's internal number ("919-CV/VPTW/nb")
        return (lower_case and len(letters) <= 12) or part in _SMALL_CODES
    if len(letters) > 1 and capitals == 1 and letters[0].isupper():
        return False  # a capitalised word: "Xác", "Tập", "Thủ"
    return True


def symbol_length(raw: str) -> int:
    """How much of ``raw`` (a candidate found by :data:`SYMBOL` or :data:`CITED_RE`) is the
    symbol: up to the end of its last code, or of a year that closes it ("15/QĐ-UB/2001")."""
    head = _HEAD.match(raw)
    if not head:
        return len(raw.rstrip(".-/,;: "))
    lower_case = raw == raw.lower()
    at, end = head.end(), 0
    pieces = _SEPARATED.split(raw[at:])
    # pieces alternate: part, separator, part, ...
    for index in range(0, len(pieces), 2):
        part = pieces[index]
        if not part:
            break
        if index and re.fullmatch(_YEAR, part):
            end = at + len(part)  # a closing year ends it
            break
        if not is_code(part, lower_case):
            break
        end = at + len(part)
        at = end + (len(pieces[index + 1]) if index + 1 < len(pieces) else 0)
    return end


def clean_symbol(raw: str) -> str:
    """The symbol as printed, cut where its grammar ends, spaces dropped except the one of
    "1141 TC/QĐ/CĐKT"; typed in small letters ("12/qđ-ubnd"), it is given in capitals."""
    raw = raw[: symbol_length(raw)] or raw
    spaced = re.match(r"(\d+)\s+(?=[^\W\d_])", raw)
    symbol = re.sub(r"\s+", "", raw).rstrip(".-/,;:")
    if spaced and "/" not in raw[: spaced.end()] and "-" not in raw[: spaced.end()]:
        symbol = spaced.group(1) + " " + symbol[len(spaced.group(1)) :]
    return symbol.upper() if symbol == symbol.lower() else symbol


_WELL_FORMED = re.compile(rf"{_NUMBER}(?:/{_YEAR})?(?:[/-]| (?=[{_UP}]{{2,}}/))(?P<rest>.+)", re.I)


def well_formed(symbol: str) -> bool:
    """Whether a symbol as stored follows the grammar: the number, its year, then codes
    (or a closing year) joined by "/" or "-", nothing after the last one."""
    m = _WELL_FORMED.fullmatch(symbol or "")
    if not m:
        return False
    parts = re.split(r"[/-]", m.group("rest"))
    lower_case = symbol == symbol.lower()
    for index, part in enumerate(parts):
        if index and index == len(parts) - 1 and re.fullmatch(_YEAR, part):
            continue
        if not is_code(part, lower_case):
            return False
    return True


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


def _known_issuer(part: str) -> dict | None:
    """A body's code, with a legislature's number ("QH15", "UBTVQH14") or "&" ("BVHTT&DL")."""
    code = fold(part).replace("&", "").replace(".", "")
    return issuer_codes().get(code) or issuer_codes().get(code.rstrip("0123456789"))


def _joined(part: str) -> dict | None:
    """A type code and a body's code written without their dash ("NĐCP", "QĐTTg")."""
    code = fold(part)
    for cut in range(len(code) - 1, 0, -1):
        if type_by_code().get(code[:cut]):
            return _known_issuer(part[cut:])
    return None


def issuer_code(symbol: str) -> dict | None:
    """The issuing body a symbol names ("KH-SCT" gives Sở Công Thương, "60/2024/QH15" Quốc
    hội, "154/2020/NĐCP" Chính phủ), if the table knows it."""
    found = parts(symbol)
    for p in found:
        known = _known_issuer(p)
        if known and not type_by_code().get(fold(p)):
            return known
    for p in found[1:]:
        known = _known_issuer(p)
        if known:
            return known
    for p in found:
        known = _joined(p)
        if known:
            return known
    return None


def year(symbol: str | None) -> int | None:
    """The year a symbol carries ("30/2020/NĐ-CP", "15/QĐ-UB/2001"), if it carries one."""
    m = re.search(rf"[/:]({_YEAR})(?:/|$)", symbol or "")
    return int(m.group(1)) if m else None
