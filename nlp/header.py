"""The header of a directive: issuer, số ký hiệu, place and date, type name, trích yếu,
urgency and secrecy marks.

The header is a two-column table (issuer and number on the left; motto, place and date
on the right) that reaches us as table rows, as interleaved columns, or squashed onto one
line. Each field is found by its own pattern inside a window of lines around the
motto, so the order in which the columns arrive does not matter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import symbols
from .case import restore_capitals
from .issuer import issuer_from_lines, issuer_from_symbol_and_body
from .layout import CELL, Layout
from .normalize import collapse, fold, is_upper, title_case_words
from .secrecy import is_mark_line, read_marks
from .tables import type_by_name

# "Số: 12/QĐ-UBND"; a Party document's "Số 57-NQ/TW"; a Law's, Ordinance's or Order's
# "Luật số: 60/2024/QH15" (Bộ luật, Pháp lệnh, Lệnh); a Resolution of the National Assembly
# or its Standing Committee, a consolidated text: "Nghị quyết số: 105/2025/UBTVQH15",
# "Văn bản hợp nhất số: 01/VBHN-BTC" (with the colon: without it, such a line cites).
_SO = re.compile(
    rf"(?:^|(?<=[\s|*(]))(?:(?:(?:Bộ\s+)?Luật|Pháp lệnh|Lệnh)\s+(?:số|Số|SỐ)\s*[:.]?|(?:Nghị quyết|Văn bản hợp nhất)\s+(?:số|Số|SỐ)\s*:"
    rf"|(?:S[ốỐ]|(?<![\w ])s[ốỐ]|(?<=^)số)\s*(?:hiệu)?\s*[:.]?)\s*(?P<symbol>{symbols.SYMBOL})"
)
_DATE = re.compile(
    r"(?P<place>[^\n|;:]{0,80}?)\s*(?P<comma>,)?\s*ngày\s*(?P<d>\d{1,2})?(?P<junk>[^\d\s,.]{0,3})\s*(?:tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>(?:19|20)\d{2})"
    r"|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>(?:19|20)\d{2}))",
    re.I,
)
_POSTED = re.compile(
    r"(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày ban hành)\s*:?\s*(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})",
    re.I,
)
_VV = re.compile(r"(?:^|\s)(?P<vv>(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\b.*)$")
_SEPARATOR = re.compile(r"^[-_=*.\s]+$")

# Lines that open the body after the trích yếu (matched on folded text).
_BODY_START = re.compile(
    r"^(?:can cu|kinh gui|dong kinh gui|thuc hien|theo de nghi|xet de nghi|xet to trinh|dieu \d|chuong [ivx\d]"
    r"|phan [ivx\d]|[ivx]+\.|\d+\.|trong |ngay \d|de |nham |tiep theo|tren co so|thi hanh|hien nay|qua |sau khi"
    r"|theo |vua qua|sang ngay|chieu ngay|thoi gian|nhan dip)"
)
# Upper-case lines that name the authority issuing a QĐ or NQ ("BỘ TRƯỞNG BỘ TÀI CHÍNH").
_AUTHORITY = re.compile(
    r"^(?:bo truong|thu tuong|chu tich|uy ban nhan dan|ubnd|hoi dong|chinh phu|quoc hoi|giam doc|cuc truong"
    r"|tong cuc truong|chanh an|vien truong|thong doc|tong kiem toan|ban thuong vu|ban chap hanh|tong thanh tra"
    r"|chanh van phong|truong ban|chu nhiem|tong giam doc|bo chinh tri|ban bi thu)\b"
)
_CONNECTOR_END = re.compile(r"(?:\b(?:cua|va|voi|cho|tai|thuoc|ve|tren|trong|den|theo|nam)|[,\-–(])$")

_TYPE_NAMES = sorted(type_by_name(), key=len, reverse=True)
_FOLDED_TYPE_NAMES = {fold(n): n for n in _TYPE_NAMES}
_TYPE_FOLDED = re.compile(r"^(?P<name>" + "|".join(re.escape(n) for n in sorted(_FOLDED_TYPE_NAMES, key=len, reverse=True)) + r")(?![a-z])")
_TYPE_LINE = re.compile(r"^(?P<name>" + "|".join(re.escape(n) for n in _TYPE_NAMES) + r")(?![A-ZĐÀ-Ỹa-zđà-ỹ])\s*[:.]?\s*(?P<rest>.*)$")


@dataclass
class Header:
    symbol: str | None = None
    doc_type: str | None = None
    issued_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_bodies: list[str] = field(default_factory=list)
    subject: str | None = None
    subject_printed: str | None = None  # the trích yếu in the capitals it was printed in, when it was
    urgency: str | None = None
    secrecy: str | None = None
    body_start: int = 0  # index into layout.lines where the body text begins
    symbol_span: tuple[int, int] | None = None  # where "Số: ..." stands in the body text, even with its number unreadable
    symbol_codes: str | None = None  # "QĐ-UBND" of a "Số: 4+† /QĐ-UBND" whose number OCR could not read
    issued_year: int | None = None  # the date line's year where its day is not legible ("ngày đ§_ tháng 11 năm 2010")


# A date line whose day (and perhaps month) is handwritten, stamped or left blank: its year
_DATE_WITHOUT_DAY = re.compile(r"ngày\s*\S{0,4}\s*tháng\s*\S{0,4}\s*năm\s*(?P<y>(?:19|20)\d{2})(?!\d)", re.I)


def read_header(layout: Layout) -> Header:
    header = Header()
    lines = layout.lines
    lo = layout.start
    hi = min(layout.end, lo + 40)
    window = lines[lo:hi]

    sym_at, sym_match = _find_symbol(window)
    partial = None
    unreadable_at, unreadable = _find_unreadable_number(window)
    if sym_match and unreadable_at is not None and unreadable_at < sym_at:
        number = re.match(r"\d+", sym_match.group("symbol"))
        if not (number and number.group() in window[unreadable_at]):  # not "Số: 3783/QĐ-" / "UBND" on two lines
            sym_at, sym_match = None, None  # "Số: 8Š /QĐ-UBND" above: the "Số 101/2024/NĐ-CP" found is cited in the body
    if sym_match:
        header.symbol = symbols.clean_symbol(sym_match.group("symbol"))
    else:
        # OCR could not read the number ("Số: $/UBND-KTTH", a stamped or handwritten number):
        # the line still bounds the issuer, and its codes still tell the type.
        sym_at, partial = unreadable_at, unreadable
        header.symbol_codes = partial.split("/", 1)[1] if partial else None
    if sym_at is not None:
        header.symbol_span = layout.line_span(lo + sym_at, _OWN_NUMBER)
    date_at, date_match = _find_date(window)
    if date_match:
        header.issued_date = _iso(date_match)
        header.place = _place(date_match.group("place"))
    if header.issued_date is None:
        year = _DATE_WITHOUT_DAY.search("\n".join(window))
        header.issued_year = int(year.group("y")) if year else None

    header.urgency, header.secrecy = read_marks(window)

    issuer_lines = _issuer_lines(window, sym_at, date_at, layout.motto - lo if layout.motto is not None else None)
    body_text = layout.body_text

    # The type name and the trích yếu follow the number and the date.
    after = max(i for i in (sym_at, date_at, -1) if i is not None) + 1
    title, subject_lines, body_at = _title_and_subject(window, after, date_match, sym_match)
    if title is None and after == 0:
        # Neither the number nor the place and day could be read (a handwritten number, a day OCR
        # garbled, a slash read as "⁄"): the type name still stands in capitals above the body.
        printed = _printed_type_line(window)
        if printed is not None:
            title, subject_lines, body_at = _title_and_subject(window, printed + 1, None, None)
    vv = _vv_subject(window, sym_at, sym_match)
    addressed = any(_ADDRESSED.match(line) for line in window)
    header.doc_type = _doc_type(title, header.symbol or partial, vv, addressed)

    subject = vv if (vv and not subject_lines) else " ".join(subject_lines) if subject_lines else None
    if subject and is_upper(subject):
        subject = _strip_authority(subject, issuer_lines)
    if subject:
        printed = collapse(subject).strip(" .;:-")
        header.subject = _restore_case(printed, body_text)
        header.subject_printed = printed if header.subject != printed else None
    header.body_start = lo + body_at if body_at is not None else lo + after

    bodies = issuer_from_lines(issuer_lines, body_text)
    if bodies:
        header.issuer_bodies = bodies.all
        header.issuer = bodies.issuer
    else:
        header.issuer = issuer_from_symbol_and_body(header.symbol, header.place, body_text)

    if header.issued_date is None and header.doc_type in _PASSED_TYPES:
        _date_of_passing(header, body_text)
    letter = addressed and any(_NUMBER_LINE.match(line) for line in window[:15])
    if not header.symbol and partial is None and date_match is None and title is None and not letter:
        # No number, no date, no type name printed as a title: a page reporting on a document.
        # A "Số: 4@ /TB-UBND" line whose number (and date) OCR could not read is still a
        # document's own header; so is a page opening on "THÔNG BÁO" / "QUYẾT ĐỊNH" whose
        # number and date lines were lost in copying: it keeps the type it prints; and so is a
        # letter with a "Số:" line and a "Kính gửi:" whose number and day OCR could not read.
        _as_news_page(header, layout)
    return header


# A Law, an Ordinance or a Resolution of the National Assembly or its Standing Committee
# prints no date under its number: it is dated by the closing "... thông qua ngày 30 tháng
# 11 năm 2024" above the signature.
_PASSED_TYPES = {"L", "PL", "NQ"}
_PASSED = re.compile(r"thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.I)


def _date_of_passing(header: Header, body_text: str) -> None:
    found = None
    for found in _PASSED.finditer(body_text, max(0, len(body_text) - 6000)):
        pass
    if found:
        d, mo, y = (int(g) for g in found.groups())
        if 1 <= d <= 31 and 1 <= mo <= 12:
            header.issued_date = f"{y:04d}-{mo:02d}-{d:02d}"


def _doc_type(title: str | None, symbol: str | None, vv: str | None, addressed: bool = False) -> str | None:
    """The printed type name wins; a "V/v" line or a number without a type code is a công văn,
    and so is a text with no type name that is addressed ("Kính gửi:", Nghị định 30/2020's công
    văn: its trích yếu and its addressees stand where other texts print their type name)."""
    code = symbols.type_code(symbol) if symbol else None
    if code == "VBHN":
        return code
    if title:
        return type_by_name()[title]
    if vv:
        return "CV"
    if code:
        return code
    return "CV" if symbol or addressed else None


_ADDRESSED = re.compile(r"^[\s*|]*Kính\s+gửi\s*:", re.I)
# a "Số:" line however OCR read its number ("Số: 4H09 BCA-C04"): with a "Kính gửi:", a letter's own
# header, not a page reporting on one
_NUMBER_LINE = re.compile(r"^[\s*|]*[Ss][ốỐóoô6]\s*[:;.]")
# where a header ends and the body starts: the type name always stands above these
_BODY_OPENS = re.compile(r"^[\s*|]*(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Theo\s|Để\s|Nhằm\s|Điều\s+\d|\d{1,2}[.)]\s)", re.I)


def _printed_type_line(window: list[str]) -> int | None:
    """The line of the type name ("THÔNG BÁO", OCR's "QUYÉT ĐỊNH") above the body, found without
    the number or the day to start from."""
    for i, line in enumerate(window[:30]):
        if _BODY_OPENS.match(line):
            return None
        line = line.strip(" *|")
        if not line or not is_upper(line) or len(line.split()) > 12:
            continue
        if _TYPE_LINE.match(line) or _TYPE_FOLDED.match(fold(line)):
            return i
    return None


@dataclass
class _Block:
    """Lines inside one cell or paragraph, joined with spaces, with where each line starts."""

    first: int  # index of its first line in the window
    text: str
    starts: list[int]  # offset in ``text`` of each of its lines

    def line_at(self, offset: int) -> int:
        """The window index of the line holding ``offset`` of the joined text."""
        k = 0
        while k + 1 < len(self.starts) and self.starts[k + 1] <= offset:
            k += 1
        return self.first + k


def _blocks(window: list[str]) -> list[_Block]:
    out: list[_Block] = []
    current: _Block | None = None
    for i, line in enumerate(window):
        if line == CELL or not line:
            current = None
            continue
        if current is None:
            current = _Block(first=i, text=line, starts=[0])
            out.append(current)
        else:
            current.starts.append(len(current.text) + 1)
            current.text += " " + line
    return out


def _header_blocks(window: list[str]) -> list[_Block]:
    """The blocks before the body (its "Căn cứ", "Kính gửi", first article ...)."""
    out = []
    for block in _blocks(window):
        if fold(block.text).startswith(("can cu", "kinh gui", "dieu 1", "thuc hien", "xet de nghi", "theo de nghi")):
            break
        out.append(block)
    return out


def _find_symbol(window: list[str]) -> tuple[int | None, re.Match | None]:
    """The number after "Số:", and the line on which it ends."""
    blocks = _header_blocks(window)
    for block in blocks:
        m = _SO.search(block.text)
        if m:
            return block.line_at(m.end("symbol") - 1), m
    # A number typed into the blank after "Số:" in two runs ("Số: 815 1 /BNV-CCHC"), or drawn
    # by the signing stamp apart from its codes ("Số: 453" | "/TB-UBND" in two cells of a
    # signed PDF): read as the one number they are.
    for block, after in zip(blocks, blocks[1:] + [None]):
        text = _SPLIT_NUMBER.sub(r"\1\2", block.text)
        ends = _NUMBER_ALONE.search(text)
        if ends and after is not None and after.text.startswith("/"):
            text = text[: ends.end()] + after.text.split()[0]
        m = _SO.search(text)
        if m:
            return block.line_at(min(m.end("symbol"), len(block.text)) - 1), m
    return None, None


_SPLIT_NUMBER = re.compile(r"(S[ốỐ]\s*:\s*\d{1,4}) (\d{1,3})(?=\s*/)")
_NUMBER_ALONE = re.compile(r"S[ốỐ]\s*:\s*\d{1,6}\s*$")


# "Số: 4B /QĐ-XPHC" on the line the number was read from (the rest of a line that also
# holds the trích yếu may cite other documents)
_OWN_NUMBER = re.compile(r"S[ốỐóoô6]\s*(?:hiệu)?\s*[:;.]?\s*\S{0,8}\s*/\s*\S+")
# The codes end the line, or words that are no sentence follow: "Số ĐDCN/Hộ chiếu: ....." is a
# form's field, not a number.
_UNREADABLE_NUMBER = re.compile(
    rf"^S[ốóoô6]\s*[:;.]?\s*\S{{0,6}}\s*/\s*(?P<codes>[{symbols._UP}][{symbols._UP}a-zđà-ỹ0-9&.()/-]+)(?=\s*$|\s+[^a-zđà-ỹ])"
)


def _find_unreadable_number(window: list[str]) -> tuple[int | None, str | None]:
    for i, line in enumerate(window[:25]):
        m = _UNREADABLE_NUMBER.match(line)
        if m:
            return i, "0/" + m.group("codes")
    return None, None


def _find_date(window: list[str]) -> tuple[int | None, re.Match | None]:
    """The "Place, ngày ... tháng ... năm ..." line, and the line on which its year stands."""
    for block in _header_blocks(window):
        if "ngày" not in block.text.lower():
            continue
        for m in _DATE.finditer(block.text):
            year = "y" if m.group("y") else "y2" if m.group("y2") else None
            if not year:
                continue
            place_text = m.group("place")
            if not m.group("m") and not place_text.strip(" ,*"):
                continue  # "ngày 04/12/2024" inside a sentence
            if not _place(place_text) or (not m.group("comma") and len(place_text.split()) > 4):
                continue  # a date cited inside a sentence, not the place-and-date line
            return block.line_at(m.end(year) - 1), m
    return None, None


def _iso(m: re.Match) -> str | None:
    day = m.group("d")
    month = m.group("m") or m.group("m2")
    year = m.group("y") or m.group("y2")
    if not day or m.group("junk"):
        return None  # "ngày 4† tháng 01": OCR could not read the day ("4†" was a handwritten 17)
    d, mo, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# Words that open a sentence about a day ("Từ ngày ...", "Đến ngày ...", "Trước ngày ..."),
# a weekday or a time of day ("Thứ Tư, ngày ...", "Chiều ngày ..."): capitalised there, never a place.
_WEEKDAYS = ("hai", "ba", "tu", "nam", "sau", "bay")
_NOT_A_PLACE = {
    "tu", "den", "truoc", "sau", "vao", "trong", "theo", "tinh", "ke", "cho", "hom nay", "nay",
    "sang", "trua", "chieu", "toi", "dem", "chu nhat", *_WEEKDAYS, *(f"thu {d}" for d in _WEEKDAYS),
}
_PLACE_TOKEN = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\w.'-]*|phố|xã|thị|trấn|-|TP\.)$")


def _place(raw: str) -> str | None:
    text = collapse(raw).strip(" *,.")
    found = list(re.finditer(symbols.SYMBOL, text))
    if found:
        text = text[found[-1].end() :]
    text = text.strip()
    words = text.split()
    kept: list[str] = []
    for w in reversed(words):
        if _PLACE_TOKEN.match(w) and len(kept) < 6:
            kept.insert(0, w)
        else:
            break
    while kept and kept[0] in {"-", "phố", "xã", "thị", "trấn"}:
        kept.pop(0)
    place = " ".join(kept)
    if not place or fold(place) in _NOT_A_PLACE:
        return None  # "Từ ngày 02/12/2025, ...": a sentence about a day, not the place-and-date line
    if is_upper(place):
        place = title_case_words(place)
    return place


_MOTTO_PARTS = re.compile(
    r"C[ỘO]NG\s+H[ÒO]À?A?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|"
    r"Đ[ỘO]C\s+L[ẬA]P\s*-\s*T[ỰU]\s+DO\s*-\s*H[ẠA]NH\s+PH[ÚU]C|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    re.I,
)


def _issuer_lines(window: list[str], sym_at: int | None, date_at: int | None, motto_at: int | None) -> list[str]:
    """Upper-case lines of the left header column: the issuing bodies, top down."""
    stop = min(i for i in (sym_at, date_at, len(window)) if i is not None)
    if motto_at is None:
        # Without the motto there is no header table: only caps lines right above the number count.
        if sym_at is None:
            return []
        window = window[max(0, sym_at - 4) : sym_at + 1]
        stop = len(window) - 1
    elif sym_at is None:
        stop = max(stop, min(motto_at + 3, len(window)))
    kept = [line for line in window[:stop] if line != CELL and not _SEPARATOR.match(line)]
    joined = _MOTTO_PARTS.sub("\n", "\n".join(kept))
    out: list[str] = []
    for line in joined.split("\n"):
        text = re.sub(r"-{2,}|_{2,}", " ", line)
        text = collapse(text).strip(" -*")
        if not text or not is_upper(text) or is_mark_line(text):
            continue
        if _TYPE_LINE.match(text) and not _TYPE_LINE.match(text).group("rest"):
            break  # "THÔNG TƯ": the type name, below the bodies (a header whose bodies a stamp held)
        out.append(text)
    return [o for o in out if o]


def _after(line: str, text: str) -> str:
    """What follows ``text`` on ``line`` (all of the line when ``text`` is not on it)."""
    at = line.find(text)
    return line[at + len(text) :] if at >= 0 else line


def _title_and_subject(
    window: list[str], after: int, date_match: re.Match | None, sym_match: re.Match | None
) -> tuple[str | None, list[str], int | None]:
    """The type name ("QUYẾT ĐỊNH"), the trích yếu lines under it, and where the body starts."""
    for i in range(after - 1 if after > 0 else 0, min(len(window), after + 8)):
        line = window[i]
        if i == after - 1:
            # The type name may share the line with the date ("... năm 2016 THÔNG TƯ ...").
            if date_match:
                line = re.split(r"năm\s*(?:19|20)\d{2}\s*", line, maxsplit=1)[-1] if "năm" in line else ""
            elif sym_match:
                line = _after(line, sym_match.group("symbol")) if sym_match.group("symbol") in line else ""
            line = line.strip(" *")
        if line == CELL or not line or _SEPARATOR.match(line):
            continue
        m = _TYPE_LINE.match(line)
        if m:
            title, first = m.group("name"), m.group("rest").strip(" *:")
        else:
            # OCR misplaces marks ("QUYÉT ĐỊNH"): a capitalised line whose folded form starts with a type name
            folded = _TYPE_FOLDED.match(fold(line)) if is_upper(line) else None
            if not folded:
                continue
            title, first = _FOLDED_TYPE_NAMES[folded.group("name")], line[folded.end("name") :].strip(" *:")
        if fold(first).startswith("cua ") and is_upper(first):
            first = ""  # "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH ...": the older title names the issuer
        j = i + 1
        if not first:
            while j < len(window) and (window[j] == CELL or not window[j]):
                j += 1
            if j < len(window) and is_upper(window[j]) and fold(window[j]).startswith("cua ") and len(window[j].split()) <= 8 and not re.search(r"\d", window[j]):
                j += 1  # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the issuing body, not the trích yếu
            else:
                j = i + 1
        subject, body_at = _subject_lines(window, j, first)
        return title, subject, body_at
    return None, [], None


def _subject_lines(window: list[str], start: int, first: str) -> tuple[list[str], int]:
    out: list[str] = [first] if first else []
    caps = is_upper(first) if first else None
    i = start
    while i < len(window) and len(out) < 8:
        line = window[i]
        f = fold(line)
        if line == CELL or _SEPARATOR.match(line) or not line:
            if out:
                break
            i += 1
            continue
        if f.startswith(("can cu", "kinh gui", "dieu 1")) or (_AUTHORITY.match(f) and is_upper(line) and not (out and _CONNECTOR_END.search(fold(out[-1])))):
            break
        if out:
            # "... GIAI ĐOẠN" / "2026 - 2030": a line without letters goes on a capitalised trích yếu
            if caps and not is_upper(line) and not (not any(c.isalpha() for c in line) and _PLACE_LEAD.search(fold(out[-1]))):
                break
            if not caps and (_BODY_START.match(f) or is_upper(line)) and not line[:1].islower():
                break
        else:
            caps = is_upper(line)
        out.append(line)
        i += 1
    return out, i


def _vv_subject(window: list[str], sym_at: int | None, sym_match: re.Match | None) -> str | None:
    """A công văn's trích yếu: the "V/v ..." lines under its number."""
    if sym_at is None:
        return None
    for i in range(sym_at, min(len(window), sym_at + 4)):
        line = window[i]
        if i == sym_at and sym_match:
            line = _after(line, sym_match.group("symbol"))
        m = _VV.search(line)
        if not m:
            continue
        parts = [m.group("vv")]
        for nxt in window[i + 1 : i + 6]:
            f = fold(nxt)
            if nxt == CELL or not nxt or _SEPARATOR.match(nxt) or _DATE.search(nxt) and "ngay" in f or f.startswith("kinh gui"):
                break
            parts.append(nxt)
        text = collapse(" ".join(parts))
        text = re.split(r"\s(?=[^\s,]+,\s*ngày\s*\d)", text)[0]  # a date glued on the same line
        return text.strip(" *;")
    return None


# words after which a trích yếu goes on with a place or a period ("trên địa bàn", "giai đoạn")
_PLACE_LEAD = re.compile(r"(?:\b(?:tren dia ban|dia ban|tai|cua|cho|o|thuoc|ve|toan|giai doan|nam|tinh|thanh pho)|[,\-–(])$")


def _strip_authority(subject: str, issuer_lines: list[str]) -> str:
    """ "... PHẠT VI PHẠM HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO": the authority line of
    a squashed header glued to the end of the trích yếu."""
    for body in sorted({collapse(b) for b in issuer_lines} | {collapse(" ".join(issuer_lines))}, key=len, reverse=True):
        if len(body) > 3 and fold(subject).endswith(" " + fold(body)):
            rest = subject[: -len(body)].strip()
            if _PLACE_LEAD.search(fold(rest)):
                break  # "... TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH": the place the plan is for, not its authority
            subject = rest
            break
    m = re.search(r"\s(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC)(?:\s+[^\s]+){0,12}$", subject)
    if m and len(subject) - m.start() < 80:
        subject = subject[: m.start()]
    return subject


def _restore_case(subject: str, body_text: str) -> str:
    """An all-capitals trích yếu in sentence case, keeping the capitals of proper names
    (words the body only ever writes with a capital)."""
    if not is_upper(subject):
        return subject
    sample = body_text[:20000]
    words = subject.lower().split(" ")
    out = []
    for w in words:
        core = w.strip(",.;:()\"“”")
        if core[:1].isalpha() and _capitalised_only(core, sample):
            w = w.replace(core, core[:1].upper() + core[1:])
        out.append(w)
    text = " ".join(out)
    return restore_capitals(text[:1].upper() + text[1:], body_text, subject)


def _capitalised_only(core: str, text: str) -> bool:
    """The body writes the word with a capital inside a sentence, and never in lower case."""
    return _occurs(core, text, mid_sentence=False) is False and _occurs(core[:1].upper() + core[1:], text, mid_sentence=True)


def _occurs(word: str, text: str, mid_sentence: bool) -> bool:
    """``word`` stands in ``text`` as a whole word (inside a sentence, if asked). Plain
    ``str.find`` with the checks done by hand: far faster than a look-behind regex."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if whole and (not mid_sentence or (at >= 2 and not (text[at - 1].isspace() and text[at - 2] in ".:!?") and text[at - 1] != "\n")):
            return True
        at = text.find(word, at + 1)
    return False


def _as_news_page(header: Header, layout: Layout) -> None:
    """A page that reports on a document: its headline, the date it was posted, no place."""
    lines = [line for line in layout.lines[layout.start : layout.end] if line != CELL]
    for line in lines[:80]:
        m = _POSTED.search(line)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                header.issued_date = f"{y:04d}-{mo:02d}-{d:02d}"
            break
    if header.subject is None:
        for idx, line in enumerate(lines[:80]):
            if _POSTED.search(line):
                before = [x for x in lines[:idx] if x.strip()]
                if before:
                    header.subject = collapse(before[-1]).strip(" *")
                break
    header.place = None
    header.doc_type = None
