"""Duties of a thông báo kết luận that name no unit: the tasks it sets the body it was held with.

A thông báo of a leader's working session with one body (a province, a ministry, a corporation:
"Kết luận của Phó Thủ tướng ... tại buổi làm việc với lãnh đạo tỉnh Phú Thọ") gives that body's
tasks in a part of its own, "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI" ("NHIỆM VỤ TRỌNG
TÂM", "NHIỆM VỤ THỜI GIAN TỚI"), as numbered items that open with their verb and name nobody
("1. Rà soát các chỉ tiêu ...", "2. Đẩy mạnh giải ngân đầu tư công ..."): the body is the one
the session was held with, which the notice names first in its closing line ("Văn phòng Chính
phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện").
The other parts (an assessment, "VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH", whose answers name the ministries
that act) give nothing here. An item that names its unit ("3. Bộ Xây dựng ...") was read by the
items' and sentences' steps; a notice whose closing line names a group first ("để các bộ, ngành,
địa phương ... biết, thực hiện") or names nobody gives nothing here: its items' unit is unknown.
"""
from __future__ import annotations

import re

from ..items import Item, subtree_end
from ..normalize import fold
from .context import Context
from .from_items import starts_with_unit
from .task import NOT_DUTY, Task, action_text, tasks_for
from .units import split_units
from .vocabulary import is_group

# the closing line: "<issuer> (xin) thông báo để <units> biết, thực hiện" (or "biết và thực hiện")
_CLOSING = re.compile(r"thông\s+báo\s+để\s+(?P<units>[^.:;]{4,300}?)\s+(?:được\s+)?biết\s*(?:,|và)\s*(?:thực\s+hiện|triển\s+khai)", re.I)
# a part of tasks: its title says "nhiệm vụ" (not a part of answers to requests, "kiến nghị")
_TASKS_PART = re.compile(r"\bnhiem\s+vu\b")
_NOT_TASKS_PART = re.compile(r"\b(?:kien\s+nghi|de\s+xuat|danh\s+gia|ket\s+qua)\b")


def held_with(text: str) -> str | None:
    """The body a notice's closing line names first, when it is one body and not a group."""
    found = None
    for m in _CLOSING.finditer(text):
        found = m  # the last: the closing line, not a "thông báo để ..." quoted above
    if not found:
        return None
    units = split_units(" ".join(found.group("units").split()))
    if not units or is_group(units[0]) or units[0][:4].lower() == "các ":
        return None
    return units[0]


def notice_tasks(doc: Context, found: list[Task], text: str) -> list[Task]:
    """The unit-less numbered items of a thông báo's part of tasks, as duties of the body it was
    held with (``held_with``); ``found``: the tasks read already (an item with one gives none)."""
    if doc.doc_type != "TB":
        return []
    unit = held_with(text)
    if not unit:
        return []
    starts = sorted(t.start for t in found)
    tasks: list[Task] = []
    for part in doc.items:
        if not part.label.isupper() or not part.children:  # a part: "II.", its title in the item's first line
            continue
        title = fold(_title(doc, part)).lower()
        if not _TASKS_PART.search(title) or _NOT_TASKS_PART.search(title):
            continue
        for item in part.children:
            end = subtree_end(item)
            if not item.label.isdigit() or starts_with_unit(doc.flat, item):
                continue
            if any(item.start <= s < end for s in starts):
                continue  # read already, or its items name their units
            words = doc.flat[item.text_start : end]
            action = action_text(words, items=True)
            if not action or NOT_DUTY.search(action[:80]):
                continue
            action = action[:1].upper() + action[1:]
            tasks.extend(tasks_for([unit], action, words, doc.issued_date, item.path or None, item.start, end))
    return tasks


def _title(doc: Context, part: Item) -> str:
    """A part's title: its words up to the first blank line (a title may wrap over two lines)."""
    end = part.children[0].start if part.children else part.end
    para = doc.text.find("\n\n", part.text_start, end)
    return doc.text[part.text_start : para if para > 0 else end]
