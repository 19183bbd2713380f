"""A plan's aims and principles are no assignment: "I. MỤC ĐÍCH, YÊU CẦU ... 2. Người đứng đầu
cơ quan, đơn vị có trách nhiệm trực tiếp chỉ đạo ...", "Nguyên tắc: ... Thủ trưởng các cơ quan
chịu trách nhiệm ...".

A kế hoạch states why and how it is to be carried out (mục đích, yêu cầu, quan điểm, nguyên tắc)
before it says who does what (nhiệm vụ, giải pháp; tổ chức thực hiện). A duty written in the
first part, even with "có trách nhiệm", is a rule of conduct the plan sets, not a task it gives:
the same body's task comes in the second part. The items of such a part were already set aside
(``from_items``); this does the same for the sentences read in it.
"""
from __future__ import annotations

import re

from ..items import descendants, own_end, subtree_end
from .context import Context

_AIM = r"(?:muc\s+dich|yeu\s+cau|muc\s+tieu(?:\s+chung|\s+cu\s+the)?|quan\s+diem)"
_PRINCIPLE = rf"(?:{_AIM}|nguyen\s+tac(?:\s+chung)?)"
# a heading that is only a plan's aims: "2. Yêu cầu", "I. MỤC ĐÍCH, YÊU CẦU", "Mục tiêu cụ thể:"
# (``from_items`` sets the items under it aside)
AIMS_HEADING = re.compile(rf"[\s*]*{_AIM}(?:\s*(?:,|va)\s*{_AIM})*[\s*:.]*")
# the same, or a plan's principles: "3. Nguyên tắc" (the sentences read in it are set aside here)
_AIMS_HEADING = re.compile(rf"[\s*]*{_PRINCIPLE}(?:\s*(?:,|va)\s*{_PRINCIPLE})*[\s*:.]*")


def principle_spans(doc: Context) -> list[tuple[int, int]]:
    """Where a kế hoạch's parts of aims and principles lie (each heading's items under it)."""
    if doc.doc_type != "KH":
        return []
    spans = []
    for item in doc.items:
        if item.children and _AIMS_HEADING.fullmatch(doc.folded, item.text_start, own_end(item)):
            spans.append((own_end(item), subtree_end(item)))
    return spans


def outside_principles(doc: Context, tasks: list) -> list:
    """The tasks that do not lie in a plan's aims or principles."""
    spans = principle_spans(doc)
    if not spans:
        return tasks
    return [t for t in tasks if not any(a <= t.start < b for a, b in spans)]
