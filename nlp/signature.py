"""The signature block (signer and the signer's own post) and the "Nơi nhận" list.

Both sit at the foot of the document, side by side in a table, so they reach us in
either order, on separate lines or squashed into one ("TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ
THỦ TƯỚNG (Đã ký) Phạm Thị Thanh Trà").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .layout import CELL, Layout
from .normalize import collapse, fold, is_upper, title_case_words
from .tables import signature_prefixes, surnames, titles

_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(p) for p in signature_prefixes()) + r")(?:\s+|(?<=\.))", re.I)
_NOISE = re.compile(r"[^\w|]{1,3}")  # a mark of the seal or the signature left by OCR (":", "—", "=,")
_SIGNED_NOTE = re.compile(r"\(?\[?\s*(?:đã ký|da ky|daky|ký|ký tên(?:,? đóng dấu)?|chữ ký số|signed)\s*\]?\)?\s*", re.I)
_NOT_NAME = {
    "nơi", "nhận", "như", "trên", "lưu", "kính", "gửi", "chủ", "tịch", "giám", "đốc", "thủ", "tướng", "phó",
    "trưởng", "ban", "văn", "phòng", "bộ", "sở", "ủy", "nhân", "dân", "tỉnh", "thành", "phố", "cục", "điều",
    "phụ", "lục", "mẫu", "số", "kèm", "theo", "quyết", "định", "thông", "tư", "kế", "hoạch", "hà", "nội",
}
# Ranks and degrees printed before a signer's name ("Thượng tướng Nguyễn Văn Hiền", "TS. ...").
_RANK = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Chuẩn\s+đô\s+đốc|Phó\s+Đô\s+đốc|Đô\s+đốc|Ông|Bà"
    r"|(?:(?:PGS|GS|TS|ThS|BS|KS|CN|LS)\.\s*)+)\s*",
    re.I,
)
# Words no signer's name contains: a line holding one is a sentence or a heading.
_NEVER_IN_NAME = {"căn", "cứ", "luật", "nghị", "điều", "khoản", "chương", "phần", "mục", "theo", "về", "của", "các", "những", "kèm"}
_TITLE_FOLDED = [(fold(t), t) for t in titles()]
# A known post alone, opening or closing the text ("chu tich", "kt. chu tich ubnd", "pho chu tich")
_ANY_TITLE = "|".join(re.escape(t) for t, _ in sorted(_TITLE_FOLDED, key=lambda p: -len(p[0])))
_HOLDS_TITLE = re.compile(rf"(?:{_ANY_TITLE})(?: |$)|.* (?:{_ANY_TITLE})$")


@dataclass
class Signature:
    signer: str | None = None
    signer_title: str | None = None
    title_lines: list[str] = field(default_factory=list)
    line: int | None = None


def _is_title_text(text: str) -> bool:
    """Upper-case text that holds a signature prefix or a known post."""
    if not is_upper(text):
        return False
    f = fold(text)
    return bool(_PREFIX.match(text)) or bool(_HOLDS_TITLE.match(f))


def _name(text: str) -> str | None:
    """``text`` as a person's name ("Võ văn Rân" gives "Võ Văn Rân"), or None."""
    text = collapse(_SIGNED_NOTE.sub(" ", text)).strip(" .,;*")
    text = _RANK.sub("", text)
    words = text.split()
    if not 2 <= len(words) <= 6:
        return None
    if not all(w.isalpha() and len(w) <= 8 and (w.istitle() or w.isupper() or w.islower()) for w in words):
        return None
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if any(w.lower() in _NEVER_IN_NAME for w in words) or sum(1 for w in words if w.islower()) > 1:
        return None  # a sentence ("Căn cứ Luật Tổ chức chính ..."), not a name
    if not is_upper(text) and any(w.isupper() and len(w) > 1 for w in words):
        return None  # "PHÁN CHÁNH ÁN Nguyễn Hòa Bình": a post glued to a name
    if sum(1 for w in words if w.lower() in _NOT_NAME) >= 2 or _is_title_text(text):
        return None
    if is_upper(text):
        if words[0].lower() not in surnames():
            return None  # capitals: only a known family name tells a name from a post
        return title_case_words(text)
    return title_case_words(text) if any(w.islower() for w in words) else text


def mend_surname(name: str) -> str:
    """OCR changes the marks of a family name under a seal ("Nguyên Hoàng Giang"): a first
    word that is no family name, but is one when marks are ignored, and only one, becomes it."""
    first, _, rest = name.partition(" ")
    if not rest or first.lower() in surnames():
        return name
    same = {s for s in surnames() if " " not in s and fold(s) == fold(first)}
    if len(same) != 1:
        return name
    surname = same.pop()
    return f"{surname[:1].upper()}{surname[1:]} {rest}"


def post(title_text: str) -> str | None:
    """The signer's own post: the longest known post that ends the title lines."""
    f = fold(collapse(title_text))
    for t, display in _TITLE_FOLDED:
        if f == t or f.endswith(" " + t):
            return display
    last = collapse(title_text)
    while _PREFIX.match(last):
        last = _PREFIX.sub("", last, count=1)
    for t, display in _TITLE_FOLDED:
        if fold(last).startswith(t + " "):
            return display
    words = f.split()
    for t, display in _TITLE_FOLDED:  # longest first: "PHÓ CHỦ TỊC", OCR having lost a letter
        size = len(t.split())
        if len(words) >= size and SequenceMatcher(None, " ".join(words[-size:]), t).ratio() >= 0.9:
            return display
    last = last.strip(" .:")
    return last[:1].upper() + last[1:].lower() if last else None


def read_signature(layout: Layout, after: int, lead_body: str | None = None) -> Signature:
    """The first signature block after line ``after``; with several side by side, the one
    that signs for the lead issuer."""
    lines = layout.lines
    found: list[Signature] = []
    i = max(after, layout.start)
    while i < layout.end:
        sigs = _signatures_at(lines, i, layout.end)
        if sigs:
            found.extend(sigs)
            i = sigs[-1].line + 1
            if len(found) >= 3:
                break
            continue
        if found and i - found[0].line > 20:
            break
        i += 1
    if not found:
        return _name_after_unreadable_post(lines, layout.start, layout.end)
    if len(found) > 1 and lead_body:
        key = fold(re.split(r"\s+-\s+", lead_body)[0])
        for sig in found:
            if key and key in fold(" ".join(sig.title_lines)):
                return sig
    return found[0]


def _name_after_unreadable_post(lines: list[str], start: int, end: int) -> Signature:
    """OCR mangles a post under a seal ("TM. ỦY BAN NHÂN DÂN" read as "M-ỦY BAN NHÂN DÂN /
    TTÀN") more than the name printed clear below it: near the end, a line that is a name
    (with a known family name) right under capitals is the signer; the post stays unknown."""
    for i in range(end - 1, max(start, end - 40), -1):
        name = _name(lines[i])
        if not name or name.split()[0].lower() not in surnames():
            continue
        above = [line for line in lines[max(start, i - 4) : i] if line and line != CELL]
        if above and any(is_upper(line) and len(line) > 2 for line in above):
            return Signature(signer=name, line=i)
    return Signature()


def _signatures_at(lines: list[str], i: int, end: int) -> list[Signature]:
    line = lines[i]
    if not line or line == CELL:
        return []
    first = line.split(maxsplit=1)[0].rstrip(".:")
    if len(first) < 2 or not first.isupper():
        return []  # a signature block opens with a prefix or a post in capitals
    # One line may hold whole blocks: "KT. BỘ TRƯỞNG ... Nguyễn Cẩm Tú KT. BỘ TRƯỞNG ... Đỗ Hoàng Anh Tuấn".
    parts = re.split(r"(?<=[a-zđà-ỹ])\s+(?=(?:TM|KT|TL|TUQ|Q)\.\s)", line)
    squashed = [_squashed(p) for p in parts]
    if all(squashed):
        return [Signature(signer=s[1], signer_title=post(s[0]), title_lines=[s[0]], line=i) for s in squashed]
    if not _is_title_text(line):
        return []
    title_lines = [line]
    j = i + 1
    while j < end and len(title_lines) < 6:
        nxt = lines[j]
        if not nxt or _SIGNED_NOTE.fullmatch(nxt) or _NOISE.fullmatch(nxt):
            j += 1
            continue
        if nxt == CELL:
            if j + 1 < end and lines[j + 1] != CELL and _name(lines[j + 1]):
                j += 1  # a scan: the gap left for the signature ended the table, the name comes after it
                continue
            break
        name, used = _name_from(lines, j, end)
        if name:
            return [Signature(signer=name, signer_title=post(" ".join(title_lines)), title_lines=title_lines, line=j + used - 1)]
        if is_upper(nxt):
            title_lines.append(nxt)
            j += 1
            continue
        break
    return []


def _name_from(lines: list[str], j: int, end: int) -> tuple[str | None, int]:
    """The longest name that lines j, j+1, j+2 spell together ("Mai" / "Sơn", "Nguyễn Quỳnh" / "Thiện")."""
    best: tuple[str | None, int] = (None, 0)
    parts: list[str] = []
    for k in range(j, min(end, j + 3)):
        line = lines[k]
        if not line or line == CELL or (parts and is_upper(line) and not is_upper(parts[0])):
            break
        parts.append(line)
        name = _name(" ".join(parts))
        if name:
            best = (name, len(parts))
    return best


def _squashed(line: str) -> tuple[str, str] | None:
    """ "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A" split into the titles and the name."""
    line = collapse(_SIGNED_NOTE.sub(" ", line))
    words = line.split()
    for k in range(max(1, len(words) - 6), len(words) - 1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if is_upper(head) and not is_upper(tail) and _is_title_text(head):
            name = _name(tail)
            if name:
                return head, name
    return None


# ----------------------------------------------------------------------------- Nơi nhận

_RECIPIENTS_HEAD = re.compile(r"^(?:\*+\s*)?N[ơo]i\s+nh[ậa]n\s*[:.]?\s*", re.I)
_LUU = re.compile(r"^(?:-\s*)?Lưu\s*[:.]?", re.I)
_NOTE = re.compile(
    r"\s*\((?:để\s+|đ/)?(?:b/?c|b/cáo|báo\s*cáo|bc|biết|t/h|thực\s+hiện|phối\s+hợp|p/h|chỉ\s+đạo|theo\s+dõi|"
    r"đăng\s+tải|thay\s+b/c|b/c\s*&\s*t/h|\d+\s*b(?:ản)?|[0-9A-Z]{1,3}(?:\s*,\s*[0-9A-Z]{1,3})*"
    r"|e-?copy|bản\s+điện\s+tử|qua\s+email|email)[^()]*\)\s*$",
    re.I,
)
_PURPOSE = re.compile(r"\s+(?:để\s+(?:b/c|báo\s+cáo|biết|thực\s+hiện|đăng\s+(?:công\s+báo|tải).*|t/h))$", re.I)


def read_recipients(layout: Layout, after: int) -> list[str]:
    """The items of "Nơi nhận", each without its dash, end punctuation and notes like "(b/c)"."""
    lines = layout.lines
    head = None
    for i in range(max(after, layout.start), layout.end):
        if _RECIPIENTS_HEAD.match(lines[i]):
            head = i
            break
    if head is None:
        return []
    first = _RECIPIENTS_HEAD.sub("", lines[head], count=1).strip()
    items: list[str] = []
    if first:
        squashed = _split_squashed(first)
        items.extend(squashed)
        if len(squashed) > 1 or _LUU.match(first):
            return _clean(items)
    blank_run = 0
    for line in lines[head + 1 : min(layout.end, head + 60)]:
        if line == CELL:
            if items:
                break
            continue
        if not line:
            blank_run += 1
            continue
        if _LUU.match(line):
            break
        starts_item = bool(re.match(r"^[-+•–]\s*", line))
        if _is_title_text(line) and not starts_item:
            break
        if blank_run and items and not starts_item:
            break
        blank_run = 0
        if starts_item or not items:
            items.append(re.sub(r"^[-+•–]\s*", "", line))
        else:
            items[-1] = items[-1] + " " + line
    return _clean(items)


def _split_squashed(text: str) -> list[str]:
    parts = re.split(r"(?:^|[;,.]\s*)[-+•]\s+", text)
    out = []
    for part in parts:
        if _LUU.match(part.strip()):
            break
        out.append(part)
    return out


def _clean(items: list[str]) -> list[str]:
    out = []
    for item in items:
        text = collapse(item).strip(" ;,.:*")
        for _ in range(2):
            text = _NOTE.sub("", text).strip(" ;,.:")
            text = _PURPOSE.sub("", text).strip(" ;,.:")
        if text and not _LUU.match(text):
            out.append(text)
    return out
