"""Duties of a công điện that name no unit: its numbered items are the duties of the units it
is addressed to.

A công điện opens with "<ISSUER> điện:" and its address list ("- Chủ tịch Ủy ban nhân dân các
tỉnh, thành phố: ...;", "- Các Bộ: Quốc phòng, Công an;", "- Ban Quản lý Dự án 85."), then its
numbered duties. A duty that names its own unit ("3. Bộ Xây dựng chỉ đạo ...") is read as any
other; one that names none ("1. Quán triệt, tổ chức thực hiện nghiêm ...", "2. Yêu cầu chủ động
theo dõi ...") is a duty of every unit addressed, one task each (a fixed group stays one).
"""
from __future__ import annotations

import re

from ..items import Item, subtree_end
from .context import Context
from .from_items import starts_with_unit
from .task import NOT_DUTY, Task, action_text, tasks_for
from .units import split_units
from .vocabulary import patterns

# "THỦ TƯỚNG CHÍNH PHỦ điện:", "**BỘ XÂY DỰNG điện:**" (the issuer in capitals, told by isupper)
_ADDRESSED = re.compile(r"^[ \t*#|]*(?P<issuer>[^\n:]{4,80}?)\s+điện\s*:[ \t*]*$", re.M)
_ENTRY = re.compile(r"(?:^|\n)[ \t*|]*[-+•][ \t]*")
_LIST_END = re.compile(r"\.[ \t*]*(?:\n|$)")
# a numbered duty that opens with its verb, or asks without naming anyone ("Đề nghị chủ động ...")
_ASKS = re.compile(r"(?P<lead>Đề\s+nghị|Yêu\s+cầu)\s+", re.I)


def addressees(text: str, end: int) -> tuple[list[str], int] | None:
    """The units a công điện is addressed to, and where its address list ends; None for any
    other text."""
    m = _ADDRESSED.search(text, 0, end)
    if not m or not m.group("issuer").strip(" *|").isupper():
        return None
    block_end = _LIST_END.search(text, m.end(), min(end, m.end() + 3000))
    if not block_end:
        return None
    block = text[m.end() : block_end.start()]
    units: list[str] = []
    for entry in _ENTRY.split(block):
        entry = " ".join(entry.replace("|", " ").replace("*", " ").split()).strip(" ;.,")
        if entry:
            units.extend(u for u in split_units(entry) if u not in units)
    return (units, block_end.end()) if units else None


def address_tasks(doc: Context, found: list[Task], text: str) -> list[Task]:
    """The numbered duties after a công điện's address list that name no unit and gave no task:
    one task for each unit addressed. ``text``: the document as given (``doc.text`` has the
    address list blanked, as a Nơi nhận is: its lines give no duty there)."""
    addressed = addressees(text, doc.end)
    if not addressed:
        return []
    units, after = addressed
    _whole_names(found, units)
    numbered = [i for i in doc.items if i.start >= max(after, doc.start) and i.label.isdigit()]
    if not numbered:
        return []
    level = min(i.level for i in numbered)
    starts = sorted(t.start for t in found)
    # (a lead-in that names whom it asks, "Chủ tịch UBND huyện điện khẩn Thủ trưởng các phòng, ...;
    # Chủ tịch UBND các xã ... thực hiện các nhiệm vụ sau:", gave its items to those units already)
    spans = [(t.start, t.end) for t in found if t.end > t.start]
    p = patterns()
    tasks: list[Task] = []
    for item in numbered:
        if item.level != level or starts_with_unit(doc.flat, item):
            continue
        end = subtree_end(item)
        if any(item.start <= s < end for s in starts) or any(a < item.start < b for a, b in spans):
            continue  # read already (alone or by the lead-in), or its items name their units
        at = item.text_start
        while at < end and doc.flat[at] in " *":
            at += 1
        asked = _ASKS.match(doc.flat, at, end)
        if asked:
            if p["head"].match(doc.flat, asked.end()) or doc.flat[asked.end() : asked.end() + 4].lower() == "các ":
                continue  # "Đề nghị các Bộ ...": it names its units (read by the sentences)
            at = asked.end()
        elif not p["cue"].match(doc.flat, at - 1 if at else at):
            continue  # a heading or a statement, not a duty
        words = doc.flat[at:end]
        action = action_text(words, items=True)
        if not action or NOT_DUTY.search(action[:80]):
            continue
        prefix = "(đề nghị) " if asked and asked.group("lead").lower().startswith("đề") else ""
        action = prefix + action[:1].upper() + action[1:]
        tasks.extend(tasks_for(units, action, words, doc.issued_date, item.path or None, item.start, end))
    return tasks


def _whole_names(found: list[Task], units: list[str]) -> None:
    """A unit the grammar cut inside its name ("Cục Kết cấu hạ tầng | xây dựng tham mưu ...")
    takes the whole name the address list gives it, where its action opens with the rest."""
    for task in found:
        for unit in units:
            if len(unit) > len(task.assignee) and unit.startswith(task.assignee + " "):
                rest = unit[len(task.assignee) + 1 :]
                if task.action.startswith(rest + " ") and len(task.action) > len(rest) + 10:
                    task.assignee, task.action = unit, task.action[len(rest) + 1 :]
                    break
