"""A plan item's labelled fields written as the items under its heading, at one or two levels.

A kế hoạch lays a task out as a table row (Nghị định 30/2020/NĐ-CP leaves the layout to the
issuer; the row's columns are the duty, who leads, who helps, and by when). On a web page or in
a text the row's cells become the items under the task's heading, and a cell that holds two
values is itself a heading of bullets:

    1.1. Xây dựng Chiến lược dữ liệu của Thành phố:
    a) Nhiệm vụ: Tham mưu ...
    b) Cơ quan thực hiện:
    - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
    - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

``field_labels`` gives the labels that open the heading's items, and those that open the
bullets of an item that is a label only ("b) Cơ quan thực hiện:" above): the fields of one row.
``field_end`` is where a field's value ends: its own item's text, never the next item's mark.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..deadlines import find_deadline
from ..items import Item, descendants, own_end
from ..normalize import collapse, fold
from .context import Context
from .task import Task, action_text
from .units import split_units
from .vocabulary import is_group


def _opening(labels: list[re.Match], label_starts: list[int], at: int) -> list[re.Match]:
    """The labels that open the item whose text starts at ``at``."""
    return labels[bisect_left(label_starts, at) : bisect_left(label_starts, at + 1)]


def field_labels(flat: str, item: Item, labels: list[re.Match], label_starts: list[int]) -> list[re.Match]:
    """The labels opening ``item``'s children, and the children's bullets where the child is only
    a label ("Cơ quan thực hiện:" whose value is the bullets "Đơn vị chủ trì: ...", "Đơn vị
    phối hợp: ..."), in the text's order."""
    found = []
    for child in item.children:
        own = _opening(labels, label_starts, child.text_start)
        found.extend(own)
        if own and child.children and not flat[own[-1].end() : own_end(child)].strip(" *_:-"):
            inner = [m for c in child.children for m in _opening(labels, label_starts, c.text_start)]
            if inner and len(inner) == len(child.children):  # every bullet a field, none a duty
                found.extend(inner)
    return found


def field_end(item: Item, at: int, default: int) -> int:
    """Where the field labelled at ``at`` ends: the end of the own text of the innermost item
    under ``item`` that holds it (``default`` when none does)."""
    end = default
    for d in descendants(item):
        if d.text_start <= at < own_end(d):
            end = min(end, own_end(d))
    return end


def field_key(label: str) -> str:
    """What a label (folded) names: "tri" the lead, "hop" the helpers, "hien" those who carry it
    out (the lead where no lead is named), "time" the time allowed."""
    if label.startswith("thoi"):
        return "time"
    if "phoi hop" in label:
        return "hop"
    if "chu tri" in label:
        return "tri"
    return label.split()[-1]


def field_units(value: str) -> list[str]:
    """The units of a field's value ("Sở Khoa học và Công nghệ, UBND xã, phường" is two units, not
    four): the units' grammar first, else the value cut at commas and "và" before a name."""
    if not value:
        return []
    units = [collapse(c).strip(" .;") for c in split_units(collapse(value))]
    if not units:
        units = [collapse(c).strip(" .;") for c in re.split(r",\s*(?=[A-ZĐÀ-Ỹ]|các\s)|\s+và\s+(?=[A-ZĐÀ-Ỹ]|các\s)", value) if c.strip()]
    return units


def carriers(fields: dict[str, str], leads: list[str]) -> list[str]:
    """The units of "Đơn vị thực hiện" where "Đơn vị chủ trì" also stands: the row names who
    leads the work and who carries it out ("- Đơn vị chủ trì: Sở Văn hoá và Thể thao. - Đơn vị
    thực hiện: Bảo tàng Hà Nội."); the duty is both units' (the unit that carries it out does the
    work the lead answers for). Where no lead is named, the carriers are the lead already."""
    if not fields.get("tri") or not fields.get("hien"):
        return []
    seen = {u.casefold() for u in leads}
    return [u for u in field_units(fields["hien"]) if u.casefold() not in seen]


# A part's title that only names the roles its fields fill ("II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC
# HIỆN", "Tổ chức thực hiện", "Phân công thực hiện", "Đơn vị thực hiện"): no duty of its own
_ROLE = (
    r"(?:(?:co\s+quan|don\s+vi)\s+(?:chi\s+dao|chu\s+tri|thuc\s+hien|phoi\s+hop|to\s+chuc)|to\s+chuc\s+thuc\s+hien|to\s+chuc"
    r"|phan\s+cong(?:\s+(?:nhiem\s+vu|thuc\s+hien|trach\s+nhiem))?|trach\s+nhiem\s+thuc\s+hien|chi\s+dao|thuc\s+hien)"
)
_ROLES_TITLE = re.compile(rf"{_ROLE}(?:\s*(?:,|va)\s*{_ROLE})*")


def roles_title(words: str) -> bool:
    return bool(_ROLES_TITLE.fullmatch(fold(collapse(words)).lower().strip(" .:*")))


# Nghị định 30/2020/NĐ-CP (Phụ lục I): the type's name in capitals on its own line ("KẾ HOẠCH"),
# then the summary of what the plan does ("Tổ chức Festival ..."), before the text's grounds
_PLAN_TYPE = re.compile(r"^[ \t*#|]*(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH|PHƯƠNG\s+ÁN)[ \t*|]*$", re.M)
_GROUNDS = re.compile(r"(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Để|Nhằm|Trên\s+cơ\s+sở|[IVX]+\.|\d+\.)\s", re.I)


def plan_subject(text: str, before: int) -> str | None:
    """The plan's summary under its type's name ("KẾ HOẠCH" / "Tổ chức “Festival Thăng Long -
    Hà Nội lần thứ II, năm 2026”"), read above ``before``: up to three lines, to a blank line
    or the text's grounds ("Thực hiện Nghị quyết ...", "Căn cứ ...")."""
    heads = list(_PLAN_TYPE.finditer(text, 0, before))
    if not heads:
        return None
    lines = []
    for line in text[heads[-1].end() : before].split("\n"):
        line = line.strip(" \t*|#")
        if not line:
            if lines:
                break
            continue
        if _GROUNDS.match(line) or len(lines) == 3:
            break
        lines.append(line)
    subject = collapse(" ".join(lines)).strip(" .")
    return subject if 2 <= len(subject.split()) <= 60 else None


# A row written as a paragraph, its fields the bullets after it (an article quoting a plan, a
# plan typed without the table's numbering the reader knows):
#
#     (1) Ban hành quy định mẫu chức năng, nhiệm vụ ... của UBND xã, phường.
#
#     - Chủ trì thực hiện: Sở Nội vụ
#     - Phối hợp thực hiện: UBND các quận, huyện, thị xã.
#     - Thời gian hoàn thành: trước ngày 30/6/2025.
#
# The duty is the paragraph before the first bullet; each field ends at its line's paragraph end.


def paragraph_rows(doc: Context, used: set[int]) -> list[Task]:
    labels, label_starts = doc.labels, doc.label_starts
    if not labels:
        return []
    tasks = []
    items = doc.items
    i = 0
    while i < len(items):
        first = items[i]
        if first.label not in "-+•" or id(first) in used or first.children:
            i += 1
            continue
        run, j = [], i
        while j < len(items) and items[j].label == first.label and items[j].level == first.level and not items[j].children and id(items[j]) not in used:
            own = _opening(labels, label_starts, items[j].text_start)
            if not own:
                break
            run.append((items[j], own[0]))
            j += 1
            if _NEXT_PARAGRAPH.search(doc.text, own[0].end(), own_end(run[-1][0])):
                break  # the next row's duty starts inside this field's item
        i = max(j, i + 1)
        keys = [field_key(m.group("label")) for _, m in run]
        if len(run) < 2 or not any(k in ("tri", "hien") for k in keys):
            continue
        # the duty: the paragraph that ends at the first bullet, after a blank line
        k = bisect_right(doc.paragraphs, first.start) - 1  # the blank line before the first bullet
        if k < 1 or doc.flat[doc.paragraphs[k] : first.start].strip(" *"):
            continue  # (the bullets must open their own paragraph, the duty's the one before)
        para_start, para_end = doc.paragraphs[k - 1], doc.blanks[k]
        duty = doc.flat[para_start:para_end]
        duty = _ROW_MARK.sub("", duty, count=1)
        if _opening(labels, label_starts, para_start) or not duty.strip() or duty.rstrip(" *").endswith(":"):
            continue  # (a field, or a heading that introduces the bullets: not a duty's words)
        fields = {}
        for (item, m), key in zip(run, keys):
            stop = own_end(item)
            b = bisect_left(doc.blanks, m.end())
            if b < len(doc.blanks) and doc.blanks[b] < stop:
                stop = doc.blanks[b]
            value = collapse(doc.flat[m.end() : stop]).strip(" ;.*")
            if value:
                fields[key] = value
        lead = fields.get("tri") or fields.get("hien")
        action = action_text(duty, items=True)
        if not lead or not action:
            continue
        deadline, deadline_text = find_deadline(fields.get("time", ""), doc.issued_date)
        if fields.get("time") and not deadline_text:
            deadline_text = fields["time"][:120]
        helpers = field_units(fields.get("hop", ""))
        end = run[-1][0].end
        units = split_units(lead)
        for unit in units + carriers(fields, units):
            tasks.append(Task(unit, action, helpers, deadline, deadline_text, None, para_start, end, is_group(unit)))
        used.update(id(item) for item, _ in run)
    return tasks


_NEXT_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*[^\s\-+•]")
_ROW_MARK = re.compile(r"^[\s*]*\((?:\d{1,2}|[a-zđ])\)\s*")
