"""A duty's time limit written before its unit.

A decision's article, a plan's item or a letter may open its sentence with the time, then name
the unit and its duty: "Trong thời hạn 60 ngày làm việc kể từ ngày Quyết định này có hiệu lực,
Ban Chủ nhiệm ... có trách nhiệm tổ chức Đại hội ...", "Trước ngày 30/6/2026, Sở Tư pháp hoàn
thành ...", "Chậm nhất ngày 15/5/2026, Sở Nội vụ trình ...". The time is an adverbial of the
whole clause, set apart by its comma: it bounds the duty of the unit after it, whose words (the
action) start past it. :func:`times_before` gives such a task the time its sentence opens with.
"""
from __future__ import annotations

import re

from ..deadlines import find_deadline
from .context import Context
from .task import Task

# the time that opens the clause, up to its comma, then the unit (nothing else between)
_OPENING_TIME = re.compile(
    r"[\W\d]*?(?:Điều\s+\d+\s*\.\s*)?(?P<time>(?:Trong\s+(?:thời\s+hạn|vòng|thời\s+gian)|Trước\s+ngày|Chậm\s+nhất|Không\s+muộn\s+hơn|Hạn\s+chót"
    r"|Hoàn\s+thành\s+trước|Trong\s+(?:tháng|qu[ýí]|năm|ngày)|Trước\s+(?:\d{1,2}\s*giờ|tháng|qu[ýí]))\s[^.;:()]{1,140}?),\s*(?=[A-ZĐÀ-Ỹ])",
)


def times_before(doc: Context, tasks: list[Task]) -> None:
    """Give each task without a time the time limit its clause opens with, before its unit."""
    flat = doc.flat
    for task in tasks:
        if task.deadline_text or not task.assignee:
            continue
        m = _OPENING_TIME.match(flat, task.start, task.start + 200)
        if not m or flat.find(task.assignee, m.end(), m.end() + 300) < 0:
            continue  # (the unit it bounds comes after it, in the same clause)
        deadline, words = find_deadline(m.group("time"), doc.issued_date)
        if words:
            task.deadline, task.deadline_text = deadline, words
