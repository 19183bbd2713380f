"""Tasks: who must do what, by when.

Two steps with data classes between them: ``nlp.items.find_items`` cuts the body into its
numbered and bulleted items (I/II, 1/1.1, a/b, "-", Điều N) with their section paths;
:func:`find_tasks` reads each item and sentence for a duty given to a unit: an item led by
a unit ("2. Sở Tài chính: ..."), a "Trách nhiệm của ..." heading, "Giao/Đề nghị/Yêu cầu
<unit> ...", "<unit> chủ trì / có trách nhiệm ...", and the closing "<units> chịu trách nhiệm
thi hành Quyết định này". A clause naming several units gives one task per unit.
Coordinators come from "phối hợp với ...", deadlines from ``nlp.deadlines`` (the day, the
words, the last day allowed and the rhythm of a standing duty).

The phrases are data (``nlp/data/tasks.json``). The unit names follow a small closed grammar
(a head such as "Sở", "Ủy ban nhân dân", "Giám đốc", then its name) that a pattern reads faster
and as well as a POS tagger would; the tagger (``nlp.subjects``) is asked only where the grammar
cannot decide, and only when switched on (the spaCy component; not the batch path). Legal texts
add their own forms: an article of duties, "<subject with its own clause> có trách nhiệm ...".

The steps are modules of this package:

- ``context``: the document's state, found once (:class:`~.context.Context`);
- ``vocabulary``: the phrase tables as patterns (unit heads, duty and lead cues, what ends a name);
- ``units``: the unit-name grammar: where the names at a point end, and how a list splits;
- ``legal_subjects``: the subject of "có/chịu trách nhiệm" in legal texts, with its own clause;
- ``from_items``: duties read from items ("2. Sở Tài chính: ...", headings, table rows);
- ``from_sentences``: duties read from sentences ("Giao ...", "X chủ trì ...", the closing article);
- ``from_address``: a công điện's numbered duties that name no unit, given to the units it is addressed to;
- ``from_letter``: a công văn's request to the body it answers ("Đề nghị Công ty nghiên cứu ..."), given to its addressee;
- ``from_notice``: a thông báo kết luận's numbered tasks that name no unit, given to the body it was held with;
- ``to_addressees``: a công văn's request to a group its "Kính gửi:" names member by member, one task per member;
- ``own_clause``: where a duty's clause ends at "; <another unit> <verb>";
- ``name_lists``: names that hold their hierarchy ("Phòng 5, Cục ..., Bộ Công an"), lists that share a head ("UBND tỉnh A, B và C");
- ``rosters``: a membership list ("Ông A - Phó Giám đốc Sở X") is no duty;
- ``later_deadline``: a duty's time given in a later sentence of its item ("... . Hoàn thành trước ngày ...");
- ``attendees``: a meeting's attendee lists ("Dự tại điểm cầu ...", "Thành phần:") are no duties;
- ``time_before``: a duty's time limit written before its unit ("Trong thời hạn 60 ngày ..., X có trách nhiệm ...");
- ``task``: the :class:`Task` record, and how a duty's words become one.
"""
from __future__ import annotations

import re

from ..deadlines import find_deadline, settle_task
from ..closing import conclusion_summaries, contact_notes, notice_closings
from ..items import scope_spans
from ..normalize import fold
from .context import Context
from .delegation import delegation_tasks
from .from_address import address_tasks
from .from_letter import letter_tasks
from .to_addressees import addressee_requests, to_named_addressees
from .from_notice import notice_tasks
from .name_lists import said_once, without_said_again
from .units import adverb_after_name, is_verb_list, name_and_verb, split_units, without_reference
from .vocabulary import courtesy_only, is_group
from .from_items import item_tasks
from .from_sentences import sentence_tasks
from .later_deadline import later_deadlines
from .attendees import delegates_asked, without_attendees
from .time_before import times_before
from .givers import given_unit
from .relative_subject import past_relative
from .principles import outside_principles
from .quoted import not_given, quoted_spans, without_quoted
from .rosters import without_rosters
from .task import Task

__all__ = ["Task", "find_tasks", "find_deadline"]


def find_tasks(text: str, start: int = 0, end: int | None = None, issued_date: str | None = None, doc_type: str | None = None) -> list[Task]:
    """Every duty given to a unit between ``start`` and ``end`` of ``text``: those of the items
    first, then those of the sentences the items' duties did not take in. ``doc_type`` ("CT",
    "CĐ", "KH" ...): a text that assigns work reads a unit opening a sentence with a duty verb
    as that unit's duty (``from_sentences.subject_duty``)."""
    end = len(text) if end is None else end
    doc = Context.read(text, start, end, issued_date, doc_type)
    tasks = item_tasks(doc)
    tasks.extend(outside_principles(doc, sentence_tasks(doc, tasks)))  # (not a plan's aims and principles)
    tasks.extend(address_tasks(doc, tasks, text))  # a công điện's numbered duties that name no unit
    tasks.extend(notice_tasks(doc, tasks, text))  # a thông báo's tasks of the body it was held with
    tasks.extend(letter_tasks(doc, tasks, text))  # a công văn's request to the body it answers
    tasks.extend(addressee_requests(doc, tasks, text))  # "đề nghị Quý cơ quan ...": each body addressed
    tasks.extend(delegation_tasks(doc, tasks))  # "Điều 1. Ủy quyền cho Giám đốc Sở X thực hiện ..."
    tasks = to_named_addressees(doc, tasks, text)  # "Kính gửi: UBND các tỉnh: A, B, ..." asked as a group
    # no name that ran into its verb; then one task where two readings named the same unit
    # ("Ủy ban nhân dân tỉnh giao Sở Tài chính | chủ trì ..." and "giao Sở Tài chính | chủ trì ...")
    tasks = _without_repeats(_names_whole(_without_repeats(tasks)))
    delegates_asked(tasks)  # "... trân trọng đề nghị: 3. Các đại biểu dự họp ...": the delegates' duty
    tasks = without_attendees(doc, tasks, doc.text)  # a meeting's attendee list ("Thành phần: ...") is no duty
    tasks = without_rosters(tasks)  # a council's members, each a person and a post: no duty
    tasks = without_said_again(tasks)  # a request inside a duty given to the same body
    scope = scope_spans(doc.text, doc.items) + contact_notes(doc.text, doc.start, doc.end)  # (and "Mọi thông tin ..., đề nghị liên hệ ...")
    scope += conclusion_summaries(doc.text, doc.start, doc.end)  # "Trên đây là kết luận của Đồng chí ..., Trưởng ban ..."
    if scope:
        tasks = [t for t in tasks if not any(a <= t.start < b for a, b in scope)]
    # "Văn phòng Sở thông báo để các phòng, đơn vị căn cứ triển khai thực hiện./.": the notice's
    # closing line, read from its subject, names those informed (the task ends with the line)
    closings = notice_closings(doc.text, doc.start, doc.end)
    if closings:
        tasks = [t for t in tasks if not any(a - 160 <= t.start and a < t.end <= b + 3 for a, b in closings)]
    # a law quoted or stated ("..., quy định: “Sở Tư pháp chủ trì ...”", "Theo khoản 7 Điều 57 Luật ...: ...")
    tasks = without_quoted(tasks, doc.text, quoted_spans(doc.text, doc.start, doc.end, doc_type))
    tasks = not_given(tasks, doc.text)  # "gia đình bà đề nghị UBND huyện ...", "... của Phó Thủ tướng giao Bộ X ...", "để Sở X ..."
    tasks = _without_courtesy_again(tasks)  # "Đề nghị Đài TT-TH huyện, UBND các xã quan tâm thực hiện./."
    tasks.sort(key=lambda t: t.start)
    times_before(doc, tasks)  # "Trong thời hạn 60 ngày làm việc ..., Ban Chủ nhiệm ... có trách nhiệm ..."
    later_deadlines(doc, tasks)  # "... . Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025."
    for task in tasks:  # the last day allowed and the rhythm, read from the deadline's words
        settle_task(task, issued_date)
    return tasks


# a close of courtesy to a unit given duties above repeats them and adds none; "chỉ đạo",
# "triển khai" alone add none there either
_NOTHING_MORE = ("chỉ đạo", "triển khai")


def _same_unit(a: str, b: str) -> bool:
    """The same unit named twice, whatever OCR did to its marks ("thị trấn", "thị trần") or
    however its name was shortened to initials ("Đài TT-TH huyện" of "Đài Truyền thanh -
    Truyền hình huyện")."""
    fa, fb = fold(a).lower().split(), fold(b).lower().split()
    if fa == fb:
        return True
    short, long_ = (a.split(), b.split()) if len(fa) < len(fb) else (b.split(), a.split())
    if len(short) < 3 or fold(short[0]).lower() != fold(long_[0]).lower() or fold(short[-1]).lower() != fold(long_[-1]).lower():
        return False
    letters = "".join(re.sub(r"[-&.]", "", w) for w in short[1:-1])
    if not letters.isupper():
        return False
    initials = "".join(w[0] for w in long_[1:-1] if w not in ("-", "–", "và", "&"))
    return fold(letters).lower() == fold(initials).lower()


def _without_courtesy_again(tasks: list[Task]) -> list[Task]:
    """The tasks, less a close of courtesy to a unit that has a duty of its own above it."""
    out = []
    for task in tasks:
        earlier = any(_same_unit(o.assignee, task.assignee) and o.start < task.start and not courtesy_only(o.action, _NOTHING_MORE) for o in tasks)
        if earlier and courtesy_only(task.action, _NOTHING_MORE):
            continue
        out.append(task)
    return out


_GIVES = re.compile(r"giao\s+(?:cho\s+|trách\s+nhiệm\s+cho\s+)?")
_RESPONSIBLE_END = re.compile(r"\s+((?:có|chịu)\s+trách\s+nhiệm)$")
_RESPONSIBLE_START = re.compile(r"^\W*(?:\(đề nghị\)\s*)?(?:có|chịu)\s+trách\s+nhiệm")


def _names_whole(tasks: list[Task]) -> list[Task]:
    """Each unit's name without the words of its duty it ran into ("Tổng cục Hải quan quyết
    định | kiểm tra ..." gives "Tổng cục Hải quan | quyết định kiểm tra ..."), and no task whose
    "unit" is a list of verbs ("Tổ chức, chỉ đạo"). A subject before "có trách nhiệm" keeps its
    own clause ("Cơ quan, người có thẩm quyền xác định giá đất | chịu trách nhiệm ...")."""
    kept = []
    for task in tasks:
        if is_verb_list(task.assignee):
            continue
        once = said_once(task.assignee)  # "Tổ công tác | Tổ công tác có trách nhiệm ...": a heading, then its subject
        if once != task.assignee:
            cue = _RESPONSIBLE_END.search(once)
            if cue:
                once, task.action = once[: cue.start()], f"{cue.group(1)} {task.action}"
            task.assignee = once
        given = None if task.titled else given_unit(task.assignee)
        if given:
            # "Phó Thủ tướng giao Bộ Công an | chủ trì ...": the duty is the given unit's, not the giver's
            task.assignee = given[0]
        relative = past_relative(task.assignee, task.action)
        if relative:
            # "Các sở, ngành được phân công | chủ trì thực hiện nhiệm vụ tại Kế hoạch này xây dựng ...":
            # the unit picked out by the duty it was given, then its duty
            task.assignee, task.action = relative
            task.group = is_group(task.assignee)
            kept.append(task)
            continue
        # (a heading's whole line is the unit's name: "6. Các doanh nghiệp thứ cấp\nđang hoạt động
        # trong KCN" then its duties, no verb of its own inside)
        cut = None if _RESPONSIBLE_START.match(task.action) or task.titled else name_and_verb(task.assignee)
        if cut and _GIVES.match(cut[1]):
            # "Ủy ban nhân dân cấp tỉnh giao cơ quan thuế | chủ trì ...": the duty is the unit's given it
            given = cut[1][_GIVES.match(cut[1]).end() :]
            given = given[:1].upper() + given[1:]
            inner = name_and_verb(given)
            if inner:
                cut = (inner[0], inner[1])
            elif given and 2 < len(given.split()) <= 12 and split_units(given):
                cut = (given, "")
        if not cut:
            cut = adverb_after_name(task.assignee)  # "Bộ trưởng Bộ Xây dựng | trực tiếp chỉ đạo ..."
        if cut:
            name, words = cut
            asked = task.action.startswith("(đề nghị) ")
            action = task.action[len("(đề nghị) ") :] if asked else task.action
            task.assignee = name
            task.action = ("(đề nghị) " if asked else "") + f"{words} {action}".strip()
            task.group = is_group(name)
        # "Các cơ quan, đơn vị quy định tại Điều 2 Quy chế này | có trách nhiệm ...": the name
        # ends before the reference that picks them out (the text that lists them names them)
        task.assignee = without_reference(task.assignee)
        kept.append(task)
    return kept


def _without_repeats(tasks: list[Task]) -> list[Task]:
    """One task where an item and a sentence inside it read the same duty of the same unit, and
    none for a sentence that names, shorter, the unit whose duties it lies in ("Điều 23. Trách
    nhiệm của doanh nghiệp hoạt động dịch vụ việc làm ... 2. ..., doanh nghiệp có trách nhiệm ...")."""
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
    kept = []
    for task in tasks:
        # (the same duty read twice, once after its cue: "(đề nghị) khẩn trương ..." and "khẩn trương ...")
        key = (task.assignee.casefold(), task.action.casefold().removeprefix("(đề nghị) ")[:60])
        if any(a < task.end and task.start < b for a, b in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append((task.start, task.end))
        kept.append(task)
    short = [t for t in kept if len(t.assignee.split()) <= 3]
    if not short:
        return kept
    by_first: dict[str, list[Task]] = {}  # (compared only with the names that open with the same word)
    for o in kept:
        by_first.setdefault(o.assignee.split(None, 1)[0].casefold(), []).append(o)
    inside = set()
    for task in short:
        name = task.assignee.casefold() + " "
        others = by_first.get(name.split(None, 1)[0], ())
        if any(o is not task and o.start < task.start < max(o.end, o.reach) and o.assignee.casefold().startswith(name) for o in others):
            inside.add(id(task))
    return [t for t in kept if id(t) not in inside]
