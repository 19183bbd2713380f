"""The incoming stamp an office puts on a document it receives: "CÔNG VĂN ĐẾN / Số: ... /
Ngày: ... / Chuyển: ... / Số và ký hiệu HS: ..." under its own name (Nghị định
30/2020/NĐ-CP, Phụ lục IV, the "ĐẾN" stamp). Its number and day are the office's register of
incoming documents (số đến, ngày đến), not the document's own: the stamp is read here and
taken out of the text before the header is read, so that none of its words reaches another
field (a stamp read as a header once gave a document titled "Đến" whose issuer was the
receiving office).

The number and the day are often written by hand, and OCR reads handwriting badly
("Gi....... Ngày Lý. 4 seexeerree"): a value that cannot be read is left out (``None``) and
named in ``unreadable`` rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import fold, is_upper, title_case_words

# the stamp's own line: "CÔNG VĂN ĐẾN", "VĂN BẢN ĐẾN", "CV ĐẾN", "ĐẾN" (folded; OCR reads "ĐẾN" as "ĐÉN", "DEN")
_ANCHOR = re.compile(r"^(?:(?:cong van|van ban|cv|vb)\s*)?den\s*[:.]?\s*$")
# the lines under it, each opening with its label (folded; "so" as OCR reads it: "so", "s0", "gi" ...)
_FIELD = re.compile(
    r"^(?:so\b|s0\b|ngay\b|gio\b|(?:kinh\s+)*chuyen\b|luu ho so\b|so va ky hieu|so ky hieu|ho so\b|hs\b|gi\W)"
)
_NUMBER = re.compile(r"^(?:so|s0)\s*(?:den)?\s*[:.]?\s*(?P<n>\d{1,6})(?!\s*/\s*[a-z])\b")
_DATE = re.compile(r"ngay\s*(?:den)?\s*[:.]?\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{2}|\d{4}))?(?!\d)")
# a document's own number ("Số: 12/QĐ-UBND") is never the stamp's
_OWN_SYMBOL = re.compile(r"^so\s*[:.]?\s*\d+\s*/")
# the lines a stamp never runs into
_STOP = re.compile(r"^(?:\||cong hoa|doc lap|so\s*[:.]?\s*\d+\s*/)")
LOOK = 15  # the stamp stands at the top of the first page
MOST_LINES = 5


@dataclass
class Received:
    number: str | None = None
    date: str | None = None  # ISO
    by: str | None = None  # the receiving office, as the stamp names it
    unreadable: list[str] = field(default_factory=list)  # "number", "date": on the stamp, not readable


def _iso(d: str, m: str, y: str | None, issued_year: int | None) -> str | None:
    day, month = int(d), int(m)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if y is None:
        if issued_year is None:
            return None
        year = issued_year
    else:
        year = int(y) + (2000 if len(y) == 2 else 0)
    if not 1945 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)")


def take_stamp(text: str) -> tuple[str, Received | None]:
    """``text`` without the incoming stamp's lines (blank lines in their place), and what the
    stamp says; the text as it is and None when the first lines hold no stamp."""
    lines = text.split("\n")
    top = [i for i, line in enumerate(lines) if line.strip()][:LOOK]
    for at in top:
        folded = fold(lines[at]).strip(" *_#")
        if not _ANCHOR.match(folded):
            continue
        following = [i for i in top if i > at][:MOST_LINES]
        fields = []
        for i in following:
            f = fold(lines[i]).strip(" *_#")
            if _STOP.match(f) or _OWN_SYMBOL.match(f) or not _FIELD.match(f):
                break
            fields.append(i)
        bare = folded in ("den", "den:", "den.")
        if not fields and bare:
            continue  # a lone "ĐẾN" with nothing of a stamp under it
        stamp = [at, *fields]
        received = Received()
        # the receiving office's name, in capitals just above ("VĂN PHÒNG CHÍNH PHỦ")
        above = [i for i in top if i < at]
        if above and is_upper(lines[above[-1]].strip()) and not _STOP.match(fold(lines[above[-1]]).strip()):
            received.by = _body_name(lines[above[-1]])
            stamp.insert(0, above[-1])
        year = _YEAR.search(text[:4000])
        issued_year = int(year.group(1)) if year else None
        for i in fields:
            f = fold(lines[i]).strip(" *_#")
            number = _NUMBER.match(f)
            if number and received.number is None:
                received.number = number.group("n")
            date = _DATE.search(f)
            if date and received.date is None:
                received.date = _iso(date.group("d"), date.group("m"), date.group("y"), issued_year)
        labels = " ".join(fold(lines[i]) for i in fields)
        if received.number is None and re.search(r"^(?:so|s0|gi)\W", labels.strip()) or (received.number is None and fields):
            received.unreadable.append("number")
        if received.date is None and ("ngay" in labels or fields):
            received.unreadable.append("date")
        for i in stamp:
            lines[i] = ""
        return "\n".join(lines), received
    return text, None


def _body_name(line: str) -> str:
    """ "VĂN PHÒNG CHÍNH PHÙ" to "Văn phòng Chính phủ": the name in normal case (OCR's "PHÙ"
    for "PHỦ" mended for the bodies that end so)."""
    name = " ".join(line.replace("|", " ").split())
    name = re.sub(r"CHÍNH PH[ÙUÚỤ]\b", "CHÍNH PHỦ", name)
    keep = {"UBND", "HĐND", "MTTQ", "TP", "TW"}
    words = [w if w in keep else title_case_words(w) for w in name.split()]
    small = {"Phòng", "Ban", "Nhân", "Dân", "Tỉnh", "Thành", "Phố", "Hội", "Đồng"}
    out = [words[0]] + [w.lower() if w in small else w for w in words[1:]]
    text = " ".join(out)
    return text.replace("Chính Phủ", "Chính phủ")
