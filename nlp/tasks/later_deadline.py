"""A duty's deadline given in a later sentence of its item.

A kế hoạch's or a thông báo kết luận's item often states the duty, its conditions and its
reasons in several sentences, and closes with the time: "2. Giao Sở Tài chính chủ trì ... rà
soát, đề xuất ... . Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025." The action is the
duty's sentence; the closing sentence has no unit of its own and bounds the duty before it.
Only a sentence that opens on the words of a time ("Hoàn thành ...", "Thời gian hoàn thành:",
"Thời hạn ...", "Báo cáo kết quả ... trước ngày ...", "Văn bản gửi về ... trước ngày ...") or
that closes a part of the duty by a day ("Đối với nội dung vượt thẩm quyền, đề xuất ... trước
ngày ...") is read, and only up to the next duty of the same item, so a date never passes to
another unit's task. The item is read whole, its sub-items with it: a duty that lists what it
covers ("... giải quyết các nội dung sau: - ...; - ...") often gives its time after the list
("Báo cáo UBND huyện trước ngày 20/8/2019.").
"""
from __future__ import annotations

import bisect
import re

from ..deadlines import find_deadline
from ..items import subtree_end
from .context import Context, sentences
from .task import Task

# The sentence states a time: completion, a time limit, or the report that closes the duty.
_TIME_SENTENCE = re.compile(
    r"^\W*(?:hoàn\s+thành|thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo|gửi))?\s*:?"
    r"|(?:báo\s+cáo|văn\s+bản|kết\s+quả)(?:\s+kết\s+quả)?(?:\s+thực\s+hiện)?\s+(?:gửi|về)"
    r"|gửi\s+(?:báo\s+cáo|kết\s+quả|văn\s+bản|về)|báo\s+cáo\s+(?:kết\s+quả\s+)?(?:thực\s+hiện\s+)?(?:về\s+)?[^.;]{0,80}?trước\s+ngày)",
    re.I,
)

# A sentence that closes a part of the duty by a day: a duty's verb, then "trước / chậm nhất" a
# day within the sentence ("Đối với nội dung vượt thẩm quyền, đề xuất báo cáo cấp có thẩm quyền
# ... trước ngày 25 tháng 12 năm 2025"); what was done ("đã") is no duty.
_PART_BY_DAY = re.compile(
    r"(?<![\wÀ-ỹ])(?:báo\s+cáo|trình|gửi|hoàn\s+thành|hoàn\s+thiện|đề\s+xuất)(?![\wÀ-ỹ])[^.;]{0,200}?"
    r"(?:trước|chậm\s+nhất)\s+(?:ngày|thời\s+điểm)",
    re.I,
)
_DONE = re.compile(r"(?<![\wÀ-ỹ])(?:đã|đang|vừa)(?![\wÀ-ỹ])", re.I)


# A công văn's closing request to send the results back by a day ("Kết quả rà soát ... của các địa
# phương đề nghị gửi về Bộ Công an trước ngày 15/10/2025"; "Văn bản góp ý đề nghị gửi về ... trước
# ngày ..."; "Thời gian gửi: trước ngày ..."): the time of the letter's requests before it.
_SEND_BACK = re.compile(
    r"(?:^|\s)(?:gửi\s+(?:về|đến|cho)|thời\s+(?:gian|hạn)\s+gửi)(?:\s|:)[^;]{0,200}?(?:trước|chậm\s+nhất|không\s+muộn\s+hơn)\s",
    re.I,
)


# a request that names whom it asks ("đề nghị các Bộ ...", "đề nghị bộ, ngành, địa phương ...")
_ASKS_UNIT = re.compile(
    r"(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+(?:các\s+|[Qq]uý\s+)?(?:[A-ZĐÀ-Ỹ]|(?:bộ|ngành|địa\s+phương|cơ\s+quan|đơn\s+vị|sở|tỉnh)(?![\wÀ-ỹ]))"
)


def later_deadlines(doc: Context, tasks: list[Task]) -> None:
    """Give each task without a deadline the time a later sentence of its item states (of a
    công văn, also its closing request to send the results back)."""
    starts = sorted(t.start for t in tasks)
    if doc.doc_type in ("CV", None):  # (a scan's number may not tell the type)
        _letter_deadline(doc, tasks)
    for task in tasks:
        if task.deadline_text:
            continue
        item = doc.item_at(task.start)
        if item is None:
            continue
        whole = subtree_end(item)  # with its sub-items and the paragraph that closes them
        if task.end >= whole:
            continue
        nxt = bisect.bisect_right(starts, task.end)
        limit = min(whole, starts[nxt] if nxt < len(starts) else whole)
        words = _time_sentence(doc.flat, task.end, limit, doc.issued_date)
        if words:
            task.deadline, task.deadline_text = words


def _time_sentence(flat: str, start: int, end: int, issued_date: str | None) -> tuple[str | None, str] | None:
    """(deadline, words) of the first sentence between ``start`` and ``end`` that states a time
    (a sentence of its own: the rest of the action's sentence, in lower case, is not one)."""
    for at, stop in sentences(flat, start, end):
        sentence = flat[at:stop]
        if not sentence.lstrip(" *-")[:1].isupper():
            continue
        if not _TIME_SENTENCE.match(sentence) and (not _PART_BY_DAY.search(sentence) or _DONE.search(sentence)):
            continue
        deadline, words = find_deadline(sentence, issued_date)
        if words:
            return deadline, words
    return None


def _letter_deadline(doc: Context, tasks: list[Task]) -> None:
    """The first sentence after a công văn's requests that no task reads and that asks to send
    the results back by a day bounds each request before it with no time of its own."""
    asked = [t for t in tasks if t.action.startswith("(đề nghị)")]
    if not asked:
        return
    after = min(t.end for t in asked)
    for at, stop in sentences(doc.flat, after, doc.end):
        if any(t.start <= at < t.end for t in tasks):
            continue
        sentence = doc.flat[at:stop]
        if not sentence.lstrip(" *-")[:1].isupper() or not _SEND_BACK.search(sentence):
            continue
        if _ASKS_UNIT.search(sentence):
            return  # "đề nghị bộ, ngành, địa phương khẩn trương tổng hợp ... gửi về ...": a request of its own
        deadline, words = find_deadline(sentence, doc.issued_date)
        if not words:
            continue
        for task in asked:
            if not task.deadline_text and task.end <= at:
                task.deadline, task.deadline_text = deadline, words
        return
