"""The words and formats a Vietnamese reader sees: dates as dd/mm/yyyy, numbers with the dot
as thousands separator, task recurrences and link relations by their Vietnamese names. One
place for the pages (datasette_plugins) and the command line (``trace``, ``tasks``)."""
from __future__ import annotations

import re

RECURRENCES = {
    "standing": "thường xuyên", "yearly": "hằng năm", "quarterly": "hằng quý", "monthly": "hằng tháng",
    "weekly": "hằng tuần", "daily": "hằng ngày",
}
RELATIONS = {
    "based_on": "căn cứ", "implements": "thực hiện", "amends": "sửa đổi", "replaces": "thay thế",
    "repeals": "bãi bỏ", "responds_to": "phúc đáp", "cites": "dẫn chiếu", "guides": "hướng dẫn",
}


def date(iso: str | None) -> str:
    """ "2025-03-05" as "05/03/2025"; anything that is not an ISO day as it is."""
    if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
    return iso or ""


def number(n: int | float | None) -> str:
    """ "12.345": the dot between thousands (a comma before decimals)."""
    if n is None:
        return ""
    if isinstance(n, float) and not n.is_integer():
        whole, _, decimals = f"{n:,.1f}".partition(".")
        return whole.replace(",", ".") + "," + decimals
    return f"{int(n):,}".replace(",", ".")


def recurrence(value: str | None) -> str:
    """ "yearly" as "hằng năm", "every 6 months" as "định kỳ 6 tháng"."""
    if not value:
        return ""
    m = re.fullmatch(r"every (\d+) (month|week|day|year)s?", value)
    if m:
        return f"định kỳ {m.group(1)} " + {"month": "tháng", "week": "tuần", "day": "ngày", "year": "năm"}[m.group(2)]
    return RECURRENCES.get(value, value)


def relation(value: str | None) -> str:
    return RELATIONS.get(value or "", value or "")


# Datasette's description of a table page's filters ("where placeholder = 0 sorted by issued_date descending")
_DESCRIPTION = [
    (r"\bwhere\b", "lọc:"), (r"\bsorted by\b", "sắp xếp theo"), (r"\bdescending\b", "giảm dần"),
    (r"\bascending\b", "tăng dần"), (r"\bcontains\b", "chứa"), (r"\bstarts with\b", "bắt đầu bằng"),
    (r"\bends with\b", "kết thúc bằng"), (r"\bis not null\b", "có giá trị"), (r"\bis null\b", "trống"),
    (r"\bis not blank\b", "không trống"), (r"\bis blank\b", "trống"), (r"\bsearch matches\b", "tìm khớp"),
    (r"\band\b", "và"), (r"\bin\b", "trong"),
]


def description(text: str | None) -> str:
    """Datasette's English description of a table's filters, its words in Vietnamese (the
    column names and values as they are)."""
    out = text or ""
    for pattern, words in _DESCRIPTION:
        out = re.sub(pattern, words, out)
    return out
