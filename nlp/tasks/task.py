"""The :class:`Task` record, and how a duty's words become tasks.

Both readers (``from_items``, ``from_sentences``) end here: the duty's words cut to an action
(:func:`action_text`), one task per unit with the coordinators and the deadline read from the same
words (:func:`tasks_for`), and the two tests every duty passes first: words that only repeat
"thực hiện" (``ONLY_REPEATS``) and words that are no duty at all (``NOT_DUTY``: a sum, a form's
boxes and blanks, a list of powers, accountability to someone, an address line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..deadlines import find_deadline
from ..normalize import collapse
from ..tables import phrase_alternation
from .units import find_coordinators
from .vocabulary import GRAMMAR, is_group


@dataclass
class Task:
    assignee: str
    action: str
    coordinators: list[str] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    section: str | None = None
    start: int = 0
    end: int = 0
    group: bool = False  # a collective assignee ("các sở, ban, ngành")
    due_by: str | None = None  # the last day the deadline's words allow (nlp.deadlines)
    recurrence: str | None = None  # standing, yearly, monthly, every 6 months ...
    deadline_note: str | None = None  # why words naming a day give no due_by (nlp.deadlines.bounded)
    kind: str | None = None  # assignment, responsibility, execution, obligation (nlp.task_kinds)
    reach: int = 0  # the end of the items a heading's duty took in (the record's ``end`` is the later of the two)
    titled: bool = False  # the unit is a heading's whole line (its name ends at the line's end or colon, never at a verb inside)
    closing: bool = False  # the closing request to a group that only repeats ("... yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./."): kept only for a group no duty above names

    def to_dict(self) -> dict:
        return {
            "assignee": self.assignee,
            "coordinators": self.coordinators,
            "action": self.action,
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "section": self.section,
            "start": self.start,
            "end": max(self.end, self.reach),  # all it read: the items under a heading it took in too
            "group": self.group,
            "due_by": self.due_by,
            "recurrence": self.recurrence,
            "deadline_note": self.deadline_note,
            "kind": self.kind,
        }


ONLY_REPEATS = re.compile(r"^\s*(?:(?:nghiêm\s+túc|khẩn\s+trương)\s+)?(?:triển\s+khai\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)(?:\s+nghiêm\s+túc)?(?:\s+(?:Kế hoạch|Quyết định|Chỉ thị|Công văn|nội dung)\s+(?:này|trên))?\s*[./]*\s*$", re.I)

# accountability ("chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về ...") is not a duty given
# (and a form's boxes and blanks "Tốt □, kém □", "trích tài khoản: ……"; powers, "... có quyền:
# Phạt tiền ...", not duties)
_NOT_DUTY_WORDS = GRAMMAR["not_duty"]
NOT_DUTY = re.compile(
    rf"^\W*\d[\d.,]*\s*(?:{phrase_alternation(_NOT_DUTY_WORDS['amounts'], True)})|[□☐]|…{{3}}|\.{{6}}|^[^.;:]{{0,80}}\scó\s+quyền\s*:"
    rf"|trách\s+nhiệm\s+(?:(?:{phrase_alternation(_NOT_DUTY_WORDS['accountable_how'], True)})\s+)?trước\s+(?:pháp\s+luật|[A-ZĐÀ-Ỹ])"
    r"|^\W*tiếp\s+tục\s+hoạt\s+động(?![\wÀ-ỹ])"  # a body that goes on existing ("... tiếp tục hoạt động cho đến khi ...")
    # a rating of work done, as awards and evaluations word it ("Cơ quan Thuế ... hoàn thành tốt nhiệm vụ được giao")
    # (and a share of targets met: "hoàn thành dưới 50% các chỉ tiêu")
    # how a council works, not what it must do ("Hội đồng ... làm việc theo nguyên tắc tập thể")
    # the leader's words that open the conclusions, not a duty of the leader: "Chủ tịch UBND huyện
    # có ý kiến chỉ đạo như sau:" (a thông báo kết luận; the duties are the items after it)
    r"|^\W*(?:có\s+ý\s+kiến\s+)?(?:chỉ\s+đạo|kết\s+luận)(?:\s+(?:và\s+)?(?:chỉ\s+đạo|kết\s+luận))?\s+như\s+sau\W*$"
    r"|^\W*làm\s+việc\s+theo\s+(?:(?:một\s+trong\s+)?(?:các\s+)?(?:nguyên\s+tắc|chế\s+độ|quy\s+chế|phương\s+thức))"
    r"|^\W*hoàn\s+thành\s+(?:(?:tốt|xuất\s+sắc)\s+(?:các\s+)?nhiệm\s+vụ|(?:dưới|trên|từ|đạt)\s+\d|\d)"
    r"|nếu\s+có\s+(?:khó\s+khăn,?\s+)?vướng\s+mắc|^\W*(?:(?:kịp\s+thời|chủ\s+động)\s+)?phản\s+ánh\s+(?:về|kịp\s+thời)"
    rf"|^\W*(?:{phrase_alternation(_NOT_DUTY_WORDS['contact_labels'], True)})\s*:"
    # a telephone number where a duty would be: a hotline list's "- Công ty ...: 0243.974.62.25" (a
    # number of 9-11 digits opening on 0 or +84, its groups split by dots, spaces or dashes)
    r"|^\W*(?:\+84|0)(?:[\s.\-]?\d){8,10}(?![\d/%,])"
    # an address (a table's "Địa điểm thực hiện" column): "Tòa nhà ..., đường Lê Lợi, Phường ...", "số 63 đường ..."
    r"|^\W*(?:(?:tòa|toà)\s+nhà|trụ\s+sở)\s[^.;]{0,80}?,\s*(?:số\s+\d+[\w/]*\s+)?(?:đường|phố)\s|^\W*số\s+\d+[\w/]*\s+(?:đường|phố)\s"
    # an award the text provides for, not a duty: "Chủ tịch UBND thành phố: xem xét tặng Bằng khen ..."
    r"|^\W*(?:xem\s+xét\s+)?(?:quyết\s+định\s+)?tặng\s+(?:thưởng\s+)?(?:bằng\s+khen|giấy\s+khen|cờ\s+thi\s+đua|danh\s+hiệu)"
    # a quota of awards, not a duty: "Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân", "01 cá
    # nhân/01 ban", "Mỗi đoàn xét chọn 01 cá nhân", "...: chọn không quá 01 trường hợp"
    r"|^(?:[^.;:]{0,100}:\s*)?\W*(?:mỗi\s+[^\s,;:]+(?:\s*,\s*[^\s,;:]+)?\s+)?(?:(?:xét\s+)?(?:chọn|đề\s+nghị)\s+)?(?:không\s+quá\s+|tối\s+đa\s+)?"
    r"\d{1,3}\s+(?:cá\s+nhân|tập\s+thể|trường\s+hợp)(?![\wÀ-ỹ])",
    re.I,
)
# the criteria of an award, not a duty: "Các cơ quan, đơn vị ... đạt các tiêu chuẩn sau:"
CRITERIA = re.compile(r"(?:đạt|đáp\s+ứng|có\s+đủ)\s+(?:các\s+|những\s+)?(?:tiêu\s+chuẩn|điều\s+kiện)(?:\s+(?:sau(?:\s+đây)?|như\s+sau))?[\s*]*:?[\s*]*$", re.I)


def tasks_for(units: list[str], action: str, words: str, issued_date: str | None, section: str | None, start: int, end: int) -> list[Task]:
    """One task per unit for one duty, its coordinators and deadline read from ``words``."""
    deadline, deadline_text = find_deadline(words, issued_date)
    field = _FIELD_AFTER.search(words)  # (the partners end where the row's next field starts)
    coordinators = find_coordinators(words[: field.start()] if field and field.start() > 0 else words)
    return [Task(u, action, list(coordinators), deadline, deadline_text, section, start, end, is_group(u)) for u in units]


# Where a duty's words end: the document's "./.", a Markdown rule or emphasis break ("* *"),
# or a sentence's end before a new one starts with a capital (not "TP. Hà Nội", "Tp. Huế").
_DUTY_END = re.compile(r"\s*\./\.|\s+\*\s+\*(?:\s|$)|(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])\.\s+(?=[A-ZĐÀ-Ỹ])")


# A plan row's other fields, written after the duty in its cell or item ("... . - Sản phẩm: Nền
# tảng ... được xây dựng", "-Thời gian thực hiện: Thực hiện thường xuyên"): a field, no part of it
_FIELD_AFTER = re.compile(
    r"(?:[.;]\s*|\s+[-–+*]\s*)(?:[-–+*]\s*)?(?:Sản\s+phẩm(?:\s+(?:đầu\s+ra|dự\s+kiến|chính))?|Kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến)"
    r"|(?:Nguồn\s+)?[Kk]inh\s+phí(?:\s+thực\s+hiện)?|Thời\s+gian[\s-]+(?:thực\s+hiện|hoàn\s+thành)|Tiến\s+độ(?:\s+thực\s+hiện)?"
    r"|(?:Cơ\s+quan|Đơn\s+vị)\s+(?:chủ\s+trì|phối\s+hợp))\s*:"
)


def action_text(rest: str, items: bool = False) -> str:
    """The whole duty: its words up to the end of its sentence (or of the list its sentence
    opens with a colon; all of them where ``items``, the items under a heading), never cut at
    a character count, nor past a plan row's next field ("Sản phẩm:", "Thời gian thực hiện:")."""
    text = collapse(rest).strip(" :;,.-*")  # "*": Markdown emphasis left around the end of a sentence
    field = _FIELD_AFTER.search(text)
    if field and field.start() > 0:
        text = text[: field.start()].rstrip(" :;,.-*")
    text = re.sub(r"\s*\./?[\s*]*$", "", text)
    for m in _DUTY_END.finditer(text):
        if m.group().lstrip().startswith(("./.", "*")) or not (items or ":" in text[: m.start()]):
            return text[: m.start()].rstrip(" :;,.-*")
    return text
