"""A meeting's attendee lists are no duties.

A công điện or giấy mời that summons a meeting (Nghị định 30/2020/NĐ-CP: "mời dự Hội nghị ...")
gives its time ("I. Thời gian:"), its place ("II. Địa điểm:"), then who attends, by meeting point:
"1. Dự tại điểm cầu Trụ sở Chính phủ: - Lãnh đạo các Bộ: ...; - Các cơ quan thuộc Chính phủ: Đài
Truyền hình Việt Nam, ...", "Thành phần: - Chủ tịch Ủy ban nhân dân ...", "Thành phần mời: ...",
"Kính mời: ...". The duties come after, under the request ("III. Văn phòng Chính phủ trân trọng
đề nghị: 1. Bộ Công an: ...", "3. Các đại biểu dự họp ..."). A line of such a list that names a
kind of body and its members ("Các cơ quan thuộc Chính phủ: Đài Truyền hình Việt Nam, ...")
reads like a unit heading with its duty, but only says who is invited. :func:`without_attendees`
drops the tasks read from an attendee list whose words are only names; a line of it that does
give a duty ("- Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm kết nối đường truyền ...")
is kept.
"""
from __future__ import annotations

import re

from ..items import subtree_end
from ..normalize import collapse, fold
from .context import Context
from .task import Task

# the heading of an attendee list, folded: "Thành phần (dự / tham dự / mời) (họp / Hội nghị)",
# "Dự tại điểm cầu ...", "(Tại) điểm cầu ...", "Kính mời", "Đại biểu (mời) (dự)", "Mời dự"
_ATTENDEES = re.compile(
    r"^[\W\d]*(?:[ivx]+\.\s*|[a-z]\)\s*)?(?:thanh\s+phan(?:\s+(?:moi|tham\s+du|du))?(?:\s+(?:hop|hoi\s+nghi|phien\s+hop|buoi\s+lam\s+viec))?\s*(?::|$|\n)"
    r"|du\s+tai\s+(?:diem\s+cau|tru\s+so|hoi\s+truong|phong)|(?:tai\s+)?diem\s+cau\s|kinh\s+moi\b|moi\s+du\b|dai\s+bieu(?:\s+moi)?(?:\s+(?:du|tham\s+du))?\s*:"
    # a programme's invitation, alone or after "Thành phần (tham gia)": "Trân trọng kính mời:",
    # "Thành phần tham gia, trân trọng kính mời:", "Xin trân trọng kính mời:"
    r"|(?:thanh\s+phan(?:\s+(?:moi|tham\s+gia|tham\s+du|du))?\s*,?\s*)?(?:xin\s+)?tran\s+trong\s+kinh\s+moi\s*:"
    r"|thanh\s+phan\s+tham\s+gia\s*:)"
)
# a duty word: the line gives a duty after all
_DUTY = re.compile(r"\b(?:chiu|co)\s+trach\s+nhiem|\bchu\s+tri\b|\bchuan\s+bi\b|\bket\s+noi\b|\bbao\s+cao\b|\bgui\b|\bde\s+nghi\b|\bthuc\s+hien\b|\bto\s+chuc\b|\bbo\s+tri\b|\bphoi\s+hop\b|\bdang\s+ky\b|\bxac\s+nhan\b")


def without_attendees(doc: Context, tasks: list[Task], text: str) -> list[Task]:
    """``tasks`` without those read from a meeting's attendee list that give no duty."""
    return [t for t in tasks if not _attendee_line(doc, t, text)]


def _attendee_line(doc: Context, task: Task, text: str) -> bool:
    action = fold(task.action)
    if _DUTY.search(action):
        return False
    # the words are names only: each part of the list opens with a capital
    parts = [p.strip(" .*-") for p in re.split(r"[,;]|\bvà\b", task.action)]
    if all(p[:1].isupper() or p[:1].isdigit() or not p for p in parts):
        return _list_heading(doc, task.start, text) is not None or _lead_line(doc, task.start, text) is not None
    # a dash of the list a programme's invitation leads ("Trân trọng kính mời:" then "- Đồng chí
    # ..., Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh;", "- Trưởng ban Chỉ đạo xây dựng nông thôn mới
    # huyện, Chủ tịch UBND huyện, đại diện lãnh đạo: ..."): a post's title read as a unit and its
    # duty; with no duty word the line only says who is invited
    return _lead_line(doc, task.start, text) is not None


def _list_heading(doc: Context, at: int, text: str) -> str | None:
    """The attendee heading the text at ``at`` stands under: the first line of an item holding it,
    or a line "Thành phần:" before it within its item."""
    # the items holding ``at``, innermost first
    chain = [c for c in doc.items if c.start <= at < subtree_end(c)]
    chain.reverse()
    for holder in chain:
        line_end = text.find("\n", holder.text_start)
        first = text[holder.start : line_end if line_end > 0 else holder.end]
        if _ATTENDEES.match(fold(first)):
            return first
        # a "Thành phần:" line inside the item, before ``at``
        for line in text[holder.text_start : at].split("\n")[1:]:
            if _ATTENDEES.match(fold(line)):
                return line
    return None


def _lead_line(doc: Context, at: int, text: str) -> str | None:
    """The attendee heading that leads the run of dashes holding ``at``: the line before the
    run's first dash ("Trân trọng kính mời:" then "- ...; - ..."), when it stands on no item of
    its own (a programme's timed steps are lines, not items)."""
    holding = [c for c in doc.items if c.start <= at < c.end and c.label in ("-", "+", "•")]
    if not holding:
        return None
    first = holding[-1]
    while True:  # back over the dashes of the same run
        before = [c for c in doc.items if c.level == first.level and c.label == first.label and c.start < first.start and not text[c.end : first.start].strip()]
        if not before:
            break
        first = before[-1]
    line_end = text.rfind("\n", 0, first.start)
    while line_end > 0 and not text[text.rfind("\n", 0, line_end) + 1 : line_end].strip():
        line_end = text.rfind("\n", 0, line_end)  # (past blank lines: a page's break)
    if line_end <= 0:
        return None
    line = text[text.rfind("\n", 0, line_end) + 1 : line_end]
    return line if _ATTENDEES.match(fold(line)) else None


# the issuer's request as a heading ("IV. Văn phòng Chính phủ trân trọng đề nghị:") read as a unit
_LEAD_AS_UNIT = re.compile(r"\s(?:xin\s+)?(?:trân\s+trọng\s+)?(?:kính\s+)?(?:đề\s+nghị|yêu\s+cầu)$", re.I)
# the attendees named at the start of an item under it: "Các đại biểu dự họp ...", "Đại biểu được mời ..."
_DELEGATES = re.compile(
    r"^(?P<prefix>\((?:đề nghị|yêu cầu)\)\s*)?(?P<who>(?:Các\s+|Quý\s+)?[Đđ]ại\s+biểu)(?P<what>\s+(?:được\s+mời\s+)?(?:tham\s+dự|dự)\s+(?:họp|Hội\s+nghị|Phiên\s+họp|buổi\s+làm\s+việc|cuộc\s+họp))?\b"
)


def delegates_asked(tasks: list[Task]) -> None:
    """A meeting summons asks its delegates too: "Văn phòng Chính phủ trân trọng đề nghị: ... 3.
    Các đại biểu dự họp đúng thành phần được mời, đăng ký ...". Read under the request's heading,
    such an item gave the issuer the duty; it is the delegates' ("Các đại biểu dự họp")."""
    for task in tasks:
        if not _LEAD_AS_UNIT.search(task.assignee):
            continue
        m = _DELEGATES.match(task.action)
        if not m:
            continue
        task.assignee = collapse(m.group("who") + (m.group("what") or ""))
        task.assignee = task.assignee[:1].upper() + task.assignee[1:]
        rest = task.action[m.end("who") :].strip()
        task.action = (m.group("prefix") or "") + rest
        task.group = True
