"""When a document takes effect, and when it stops, as its own final articles say.

"Quyết định này có hiệu lực kể từ ngày ký", "Nghị định này có hiệu lực thi hành từ ngày 15
tháng 8 năm 2025", "Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký ban hành", "... có
hiệu lực đến hết ngày 31/12/2026". Only a sentence about the document itself counts ("...
này có hiệu lực"): "Quyết định áp dụng chế độ ưu tiên có hiệu lực ..." is about another.
Sentences inside a legal website's bracketed notes are not the document's words.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .normalize import fold_document

_DATE = r"(?P<d>\d{1,2})\s*(?:thang|[/.-])\s*(?P<m>\d{1,2})\s*(?:nam|[/.-])\s*(?P<y>(?:19|20)\d{2})"
_TYPES = r"(?:quyet dinh|nghi dinh|thong tu(?: lien tich)?|nghi quyet|chi thi|luat|bo luat|phap lenh|lenh|van ban|ke hoach|quy che|quy dinh|huong dan|cong dien|thong bao)"
# "... này", or the type name alone opening a line ("1. Quyết định có hiệu lực thi hành kể từ ngày ký")
_SELF = rf"(?:{_TYPES}\s+nay|^[ \t*\d.)-]*(?:dieu\s+\d+[a-z]?\s*[.:]?[ \t*]*(?:[^\n]{{0,40}}\n[ \t*\d.)-]*)?)?{_TYPES})"
_EFFECTIVE = re.compile(
    rf"(?<![a-z]){_SELF}[\s,]+(?:chinh thuc\s+)?co hieu luc(?:\s+thi hanh)?(?:\s+ke)?\s+"
    rf"(?:(?:tu|ke tu)\s+ngay\s+(?:{_DATE}|(?P<signed>ky|ban hanh|thong qua|cong bo))|"
    r"sau\s+(?P<days>\d{1,3})\s+ngay\s+(?:ke\s+)?tu\s+ngay\s+(?:ky|ban hanh|cong bo)|"
    r"(?P<signed2>tu ngay ky|ke tu ngay ky))",
    re.M,
)
_EXPIRY = re.compile(rf"(?<![a-z]){_SELF}[^.;\n]{{0,80}}?(?:co hieu luc|hieu luc thi hanh|thuc hien|ap dung)[^.;\n]{{0,60}}?\bden\s+(?:het\s+)?ngay\s+{_DATE}", re.M)


def _iso(m: re.Match) -> str | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def _outside_notes(folded: str, at: int) -> bool:
    line_start = folded.rfind("\n", 0, at) + 1
    opened = folded.rfind("[", line_start, at)
    return opened == -1 or "]" in folded[opened:at]


def effective_dates(text: str | None, issued_date: str | None) -> tuple[str | None, str | None]:
    """(the day the document takes effect, the last day it is in force), ISO, or None where
    its text does not say. "Kể từ ngày ký" is its issued date; "sau 45 ngày kể từ ngày ký"
    that date plus 45 days."""
    if not text:
        return None, None
    folded = fold_document(text)  # the record's text: folded once already by extraction
    effective = expiry = None
    for m in _EFFECTIVE.finditer(folded):
        if not _outside_notes(folded, m.start()):
            continue
        if m.group("d"):
            effective = _iso(m)
        elif m.group("days") and issued_date:
            effective = (date.fromisoformat(issued_date) + timedelta(days=int(m.group("days")))).isoformat()
        elif (m.group("signed") or m.group("signed2")) and issued_date:
            effective = issued_date
        if effective:
            break
    for m in _EXPIRY.finditer(folded):
        if _outside_notes(folded, m.start()):
            expiry = _iso(m)
            if expiry:
                break
    return effective, expiry
