"""Step 1 of reading tasks: the body cut into its numbered and bulleted items (I/II, 1/1.1,
a/b, "-", "+", Điều N), each with its section path and the items under it, and where a duty's
text must stop whatever the items say (``boundaries``). ``nlp.tasks`` reads the items for duties.

Items that only say whom a text concerns or what its words mean (``scope_spans``) are found here
too: they are a property of the items' titles, not of any duty.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .closing import closing_cuts
from .normalize import blank_spans, collapse, fold
from .recipient_runs import recipient_runs


@dataclass
class Item:
    """A numbered or bulleted block of the body."""

    start: int  # offset of its marker
    text_start: int  # offset of its text, after the marker
    end: int
    level: int
    label: str  # "IV", "2", "2.1", "a", "-", "Điều 3"
    path: str  # "IV.2"
    children: list["Item"] = field(default_factory=list)


# (A scan's OCR may read a heading's "5." as "§" or "$": "§. Trung tâm ...", "$1. Trung tâm ...".)
# A numbered marker may stand alone on its line, its text on the next ("1.\nSở Y tế:"): web
# pages copied line by line break there.
# (A web page may set the number alone in bold: "**1**. Các sở, ban, ngành ...", which the Markdown
# reader gives as " 1 . Các sở ...".)
_MARKER = re.compile(
    r"^[ \t*]*(?P<marker>(?P<roman>[IVX]{1,5})\.|(?P<dieu>Điều\s+\d+)\s*\.?|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\*\*|[ \t])?[.)]|(?P<misread>[§$]\d?(?:\.\d{1,2}){0,2})\.(?=[ \t]+[A-ZĐÀ-Ỹ])|(?P<letter>[a-zđ])\)|\((?P<paren>\d{1,2})\)(?:\*\*)?|(?P<bullet>[-+•]))"
    r"(?:[ \t]+|(?<![-+•])[ \t]*\n(?=[ \t]*[^\s\d]))",
    re.M,
)


# Where a duty's text must stop whatever the items say: the document's end mark "./.", the line
# that records a resolution's or a law's adoption ("Nghị quyết này đã được Hội đồng nhân dân tỉnh
# ... thông qua ngày ..."), a new Chương, Mục or Phần (their titles are not items), an appendix,
# the Nơi nhận block, the signature block (a line that opens with the authority marks of Nghị định 30/2020/NĐ-CP:
# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q. GIÁM ĐỐC": a mark, then a word in capitals).
# (Searched from each line break: a pattern that starts with a literal is scanned for fast.)
_BOUNDARY = re.compile(
    r"\n[ \t*#]*(?:(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|thứ\s+\S+)\b|PHỤ\s+LỤC|(?:Nghị\s+quyết|Luật)\s+này\s+(?:đã\s+)?được\s+(?:Hội\s+đồng|Quốc\s+hội|Ủy\s+ban)|Phụ\s+lục\s*(?:[IVX\d]+)?\s*$|Nơi\s+nhận\b|(?:TM|KT|TL|TUQ|Q)\.[ \t]*[A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]{2})",
    re.M,
)
# The Nơi nhận block: its heading, then its "-" lines (wrapped lines too), up to its "Lưu" line.
_RECIPIENT_BLOCK = re.compile(r"^[ \t*]*Nơi\s+nhận\s*:?[^\n]*(?:\n(?![ \t*]*(?:[IVX]+\.|\d+\.|Điều\s+\d|KT\.|TM\.|Q\.|TL\.|PHỤ\s+LỤC)).*){0,60}?\n[ \t*+-]*Lưu\b[^\n]*", re.M)


def boundaries(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """``text`` with its Nơi nhận blocks blanked (same length: offsets hold), and the offsets
    where a duty's text stops (see ``_BOUNDARY``)."""
    text, cuts, _ = blanked_boundaries(text, start, end)
    return text, cuts


def blanked_boundaries(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int], list[tuple[int, int]]]:
    """:func:`boundaries`, and the spans blanked (for the fold of the text, blanked alike)."""
    end = len(text) if end is None else end
    blocks = []
    at = text.find("Nơi nhận", start, end)  # (a literal search, then the pattern where it stands)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        m = _RECIPIENT_BLOCK.match(text, max(line_start, start), end)
        if m:
            blocks.append(m.span())
        at = text.find("Nơi nhận", at + 8, end)
    blocks += recipient_runs(text, start, end, blocks)  # a list whose "Nơi nhận:" the layout lost
    blanked = blocks + _addressees(text, start, end)
    text = blank_spans(text, blanked)
    cuts = [m.start() + 1 for m in _BOUNDARY.finditer(text, max(0, start - 1), end)]
    cuts += [a for a, _ in blocks]  # (blanked, a Nơi nhận block no longer reads as one: its start ends a duty's span)
    at = text.find("./.", start, end)
    while at >= 0:
        cuts.append(at + 3)
        at = text.find("./.", at + 3, end)
    cuts += closing_cuts(text, start, end)  # the closing when a scan's OCR garbled its "./." (``nlp.closing``)
    return text, sorted(set(cuts)), blanked


# "THỦ TƯỚNG CHÍNH PHỦ điện:", "Kính gửi:": the units a công điện or công văn is addressed to,
# in "-" lines (wrapped lines too) up to the one that ends with "."; they are not given a duty there
_ADDRESSED = re.compile(r"(?:\bđiện|Kính\s+gửi)\s*:[ \t]*", re.I)


def _addressees(text: str, start: int, end: int) -> list[tuple[int, int]]:
    m = _ADDRESSED.search(text, max(0, start - 300), min(end, start + 3000))  # the header may end past it
    if not m:
        return []
    rest = text[m.end() : min(end, m.end() + 1500)]
    if rest.strip()[:1] not in "-+•" and not rest.startswith("\n") and "\n" in rest:
        # "Kính gửi: Thường trực HĐND tỉnh" on its line
        return [(m.start(), m.end() + rest.index("\n"))]
    at = m.end()
    offset = 0
    seen_item = ended = False
    for line in rest.split("\n"):
        stripped = line.strip()
        if stripped[:1] in ("-", "+", "•"):
            seen_item = True
        elif stripped and seen_item and ended:
            break  # a line that is no "-" item after a finished one: the body starts
        offset += len(line) + 1
        if stripped:
            ended = stripped.endswith((".", ";"))
    return [(m.start(), at + offset)] if seen_item else []


# the notes under a form (Nghị định 30/2020/NĐ-CP's templates): "Ghi chú:" or a footnote rule
# ("____") then "(1) Tên cơ quan ...", "(2) Chức danh ...", each explaining a numbered blank
_NOTES = re.compile(r"^[ \t*]*Ghi\s+chú[ \t*]*:|_{5,}", re.M)


# a line that ends on a word wanting its object ("tại", "theo", "của", "và" ...): the next line goes
# on with it, and an "Điều 17 ..." opening that line is cited, not an article's heading
_CITES_ON = re.compile(r"(?<![\wÀ-ỹ])(?:tại|theo|của|và|hoặc|với|về|quy\s+định|khoản\s+\d+|điểm\s+[a-zđ]\s+khoản\s+\d+)[ \t*]*\n[ \t*]*$")


def find_items(text: str, start: int = 0, end: int | None = None, cuts: list[int] | None = None) -> list[Item]:
    """Every item of the body between ``start`` and ``end``, with its parent items' path.
    An item ends at the next marker or at the next of ``cuts`` (see :func:`boundaries`)."""
    end = len(text) if end is None else end
    cuts = cuts or []
    marks = []
    notes = [n.start() for n in _NOTES.finditer(text, start, end)]
    last_mark = start
    for m in _MARKER.finditer(text, start, end):
        if m.group("paren") and bisect_right(notes, m.start()) and notes[bisect_right(notes, m.start()) - 1] >= last_mark:
            continue  # "Ghi chú:\n(1) Tên cơ quan cấp trên ...": a form's notes on its blanks, no items
        if m.group("dieu") and _CITES_ON.search(text, max(start, m.start() - 40), m.start()):
            continue  # "... theo quy định tại\nĐiều 17 Thông tư số ...": a citation the line break cut, no article
        if not m.group("paren"):
            last_mark = m.start()
        if m.group("roman"):
            level, label = 1, m.group("roman")
        elif m.group("dieu"):
            level, label = 1, collapse(m.group("dieu"))
        elif m.group("num"):
            level, label = 2 + m.group("num").count("."), m.group("num")
        elif m.group("misread"):
            # a scan's heading number whose "5." OCR read as "§" or "$" ("§. Trung tâm ...", "$1.
            # Trung tâm ..." for "5.1."): a numbered heading, one level deeper per number after it
            misread = m.group("misread")
            level, label = 2 + misread.count(".") + (misread[1:2].isdigit()), "5" + ("." + misread[1:] if misread[1:2].isdigit() else misread[1:])
        elif m.group("paren"):
            level, label = 5, m.group("paren")
        elif m.group("letter"):
            level, label = 6, m.group("letter")
        else:
            # "+" is the bullet under a "-" (a plan's "- Cơ quan thực hiện:" and its "+ Sở A ...", "+ Sở B ...")
            level, label = (8 if m.group("bullet") == "+" else 7), m.group("bullet")
        marks.append((m.start("marker"), m.end(), level, label))
    items: list[Item] = []
    stack: list[Item] = []
    for i, (at, text_at, level, label) in enumerate(marks):
        item_end = marks[i + 1][0] if i + 1 < len(marks) else end
        cut = bisect_right(cuts, text_at)
        if cut < len(cuts) and cuts[cut] < item_end:
            item_end = cuts[cut]
        while stack and stack[-1].level >= level:
            stack.pop()
        labels = [s.label for s in stack if s.label not in "-+•"] + ([label] if label not in "-+•" else [])
        item = Item(at, text_at, item_end, level, label, ".".join(l.replace("Điều ", "Điều ") for l in labels))
        if stack:
            stack[-1].children.append(item)
        items.append(item)
        stack.append(item)
    return items


def subtree_end(item: Item) -> int:
    while item.children:
        item = item.children[-1]
    return item.end


def own_end(item: Item) -> int:
    return item.children[0].start if item.children else item.end


def descendants(item: Item):
    for child in item.children:
        yield child
        yield from descendants(child)


# Articles and headings that say whom a text concerns or what its words mean, never what
# anyone must do (Nghị định 30/2020's "Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp
# dụng", "Điều 3. Giải thích từ ngữ"; a plan's "1. Đối tượng thực hiện", "Thành phần tham gia"):
# the units named there are listed, not given a duty. (On the folded title.)
_SCOPE_TITLE = re.compile(
    r"\W*(?:pham\s+vi\s+(?:dieu\s+chinh|ap\s+dung)|doi\s+tuong(?:\s+(?:ap\s+dung|thuc\s+hien|tham\s+gia|thu\s+huong|dieu\s+chinh))?|giai\s+thich\s+tu\s+ngu|thanh\s+phan(?:\s+(?:tham\s+gia|thuc\s+hien|tham\s+du))?)"
    r"(?:\s*(?:va|,)\s*(?:pham\s+vi|doi\s+tuong)[^\n]{0,40})?[\s*:.]*$"
)
_SCOPE_INITIALS = set("PpĐđDdGgTt")  # (Phạm vi, Đối tượng, Giải thích, Thành phần: a fast first test)


def scope_spans(text: str, items: list[Item]) -> list[tuple[int, int]]:
    """The spans (the item and everything under it) of the items titled as ``_SCOPE_TITLE``."""
    spans = []
    for item in items:
        if item.level > 2 and not item.label.startswith("Điều"):
            continue  # a title is an article's, a roman heading's or a numbered heading's
        line_end = text.find("\n", item.text_start, min(item.end, item.text_start + 80))
        title = text[item.text_start : line_end if line_end >= 0 else item.end]
        if len(title) < 80 and title.lstrip(" *#")[:1] in _SCOPE_INITIALS and _SCOPE_TITLE.match(fold(title)):
            spans.append((item.start, subtree_end(item)))
    return spans
