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
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from .deadlines import find_deadline, settle
from .items import Item, boundaries, descendants, find_items, own_end, scope_spans, subtree_end
from .normalize import collapse, fold, fold_document
from .subjects import subject_end, tagger_on
from .tables import load_table, phrase_alternation, starting_words


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
    reach: int = 0  # (not in the record) the end of the items a heading's duty took in

    def to_dict(self) -> dict:
        return {
            "assignee": self.assignee,
            "coordinators": self.coordinators,
            "action": self.action,
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "group": self.group,
            "due_by": self.due_by,
            "recurrence": self.recurrence,
        }


# ---------------------------------------------------------------------------- tables


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_table("tasks.json")


def _alt(phrases, ignore_case: bool = False) -> str:
    return phrase_alternation(phrases, ignore_case)


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    t = _table()
    return {
        # case as written, but a plural head may start in lower case inside a list ("và các tổ chức")
        # ("đề nghị thủ trưởng các phòng, đơn vị ...": a post in lower case inside a sentence)
        "head": re.compile(rf"(?:{_alt(t['unit_heads'] + [h[0].lower() + h[1:] for h in t['unit_heads'] if h.startswith('Các ')] + t['lower_case_titles'])})(?![\wÀ-ỹ])"),
        # "..., người đứng đầu tổ chức ...": a title written in lower case still starts a unit
        "title_after_comma": re.compile(rf"(?:{_alt(t['lower_case_titles'])})\s"),
        "head_at_end": re.compile(rf"(?<![\wÀ-ỹ])(?:{_alt(t['unit_heads'])})$"),
        # (not after "các"/"những": "và các tổ chức thành viên" names bodies, it does not organise;
        # not "việc làm": "dịch vụ việc làm" is employment)
        "stop": re.compile(rf"\s(?<!,\s)(?<!các\s)(?<!những\s)(?<!việc\s)(?:{_alt(t['unit_stops'], ignore_case=True)})(?![\wÀ-ỹ])|\s*[:;.(]|\s+-\s(?![A-ZĐÀ-Ỹ])|,\s*trong\s+đó(?![\wÀ-ỹ])", re.I),
        "cue": re.compile(rf"\s*(?:\(?đề nghị\)?\s*)?(?:{_alt(t['duty_cues'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
        # at a sentence's start, after a space or a ". " left from the cut (matched, not searched)
        "lead": re.compile(rf"(?:\s|[.;:]\s)?(?:\(?\d{{1,2}}\)\s*)?(?P<lead>{_alt(t['lead_cues'], ignore_case=True)})\s+", re.I),
        "not_unit": re.compile(rf"(?:{_alt(t['not_units'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
        "group": re.compile(rf"(?:^|\s)(?:{_alt(t['groups'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
    }


# ---------------------------------------------------------------------------- step 2: tasks

# Matched on the folded text, so OCR's misplaced marks ("Quyêt định") do not hide it.
_CLOSING = re.compile(
    r"(?P<cue>(?:chiu|co)\s+trach\s+nhiem\s+(?:thi\s+hanh|to\s+chuc\s+thuc\s+hien|thuc\s+hien)|to\s+chuc\s+thuc\s+hien)"
    r"\s+(?:(?:quyet\s+dinh|thong\s+tu|nghi\s+dinh|chi\s+thi|nghi\s+quyet|ke\s+hoach|quy\s+che)\s+nay)"
)
# "Trách nhiệm của Sở X", "Giao Sở X", "Điều 9. Nội dung Sở X có trách nhiệm chủ trì" (a Quy chế's article titles)
_ITEM_LEAD = re.compile(r"(?:(?:thẩm\s+quyền|quyền\s+hạn|quyền|nhiệm\s+vụ)\s+và\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+và\s+quyền\s+hạn)?\s+(?:của\s+)?|(?:giao|đề\s+nghị|yêu\s+cầu|nội\s+dung)\s+", re.I)


class _Matches:
    """The matches of one pattern over a whole document, found once and then asked for by
    span: searching every sentence and item again cost a fifth of the tasks step."""

    def __init__(self, matches):
        self.matches = list(matches)
        self.starts = [m.start() for m in self.matches]

    def within(self, start: int, end: int) -> list[re.Match]:
        """The matches lying wholly between ``start`` and ``end``."""
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.matches) and self.starts[i] < end:
            if self.matches[i].end() <= end:
                found.append(self.matches[i])
            i += 1
        return found

    def first(self, start: int, end: int) -> re.Match | None:
        found = self.within(start, end)
        return found[0] if found else None


_ONLY_REPEATS = re.compile(r"^\s*(?:nghiêm\s+túc\s+)?(?:triển\s+khai\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)(?:\s+nghiêm\s+túc)?(?:\s+(?:Kế hoạch|Quyết định|Chỉ thị|Công văn|nội dung)\s+(?:này|trên))?\s*[./]*\s*$", re.I)
# "Các sở: Nông nghiệp và Môi trường, Tài chính" (a Nơi nhận line, a list of names): no duty
_CAPITALISED = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*")
_NAME_TOKENS = re.compile(r"[,;]|[^\s,;]+")


def _is_name_list(text: str) -> bool:
    """Only capitalised words joined by "và", "-", commas: a list of names, not a duty.
    Read token by token: a single regular expression for this backtracks exponentially."""
    tokens = _NAME_TOKENS.findall(text)
    if not tokens or not _CAPITALISED.fullmatch(tokens[0]):
        return False
    return all(t in (",", ";", "và", "-") or _CAPITALISED.fullmatch(t) for t in tokens)
# accountability ("chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về ...") is not a duty given
_AGENT_CLAUSE = re.compile(r"\sdo\s+(?:Bộ|Sở|Ủy\s+ban|UBND|Cục|Tổng\s+cục|Thủ\s+tướng|Chính\s+phủ|Chủ\s+tịch|Giám\s+đốc|cấp\s+có\s+thẩm\s+quyền)[^,;:.()]{0,60}$")
_RELATIVE_END = re.compile(r"\s(?:có|được|do|mà|để)\s*$")  # (and "để": a purpose clause, its verb unknown)
# (and a form's boxes and blanks "Tốt □, kém □", "trích tài khoản: ……"; powers, "... có quyền:
# Phạt tiền ...", not duties)
_NOT_DUTY = re.compile(r"^\W*\d[\d.,]*\s*(?:đồng|%|triệu|tỷ)|[□☐]|…{3}|\.{6}|^[^.;:]{0,80}\scó\s+quyền\s*:|trách\s+nhiệm\s+(?:toàn\s+diện\s+|hoàn\s+toàn\s+|cá\s+nhân\s+)?trước\s+(?:pháp\s+luật|[A-ZĐÀ-Ỹ])|nếu\s+có\s+(?:khó\s+khăn,?\s+)?vướng\s+mắc|^\W*(?:(?:kịp\s+thời|chủ\s+động)\s+)?phản\s+ánh\s+(?:về|kịp\s+thời)|^\W*(?:Trụ\s+sở(?:\s+chính)?|Địa\s+chỉ|Điện\s+thoại)\s*:", re.I)
@lru_cache(maxsize=None)
def _coord_pattern() -> re.Pattern:
    """ "phối hợp với <units>" up to the verb of the duty (any duty cue) or the clause's end."""
    verbs = _alt([c for c in _table()["duty_cues"] if c != "phối hợp"] + ["để", "trong", "nhằm", "theo"])
    return re.compile(rf"phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+(?P<who>.+?)(?=\s+(?:{verbs})(?![\wÀ-ỹ])|[;.:]|$)")
_UNIT_NOUNS = re.compile(r"^(?:ban|ngành|đoàn\s+thể|cơ\s+quan|đơn\s+vị|địa\s+phương|phường|xã|đặc\s+khu|thị\s+xã|thành\s+phố|huyện|tổ\s+chức|cá\s+nhân|hội|đoàn|sở|ngành\s+liên\s+quan)\b", re.I)


def find_tasks(text: str, start: int = 0, end: int | None = None, issued_date: str | None = None) -> list[Task]:
    """Every duty given to a unit between ``start`` and ``end`` of ``text``."""
    end = len(text) if end is None else end
    text, cuts = boundaries(text, start, end)
    flat = text.replace("\n", " ")
    folded = fold_document(text).replace("\n", " ")
    tasks: list[Task] = []
    items = find_items(text, start, end, cuts)
    starts = [item.start for item in items]
    closings = _Matches(_CLOSING.finditer(folded, start, end))  # once, not per sentence
    cues = _Matches(starting_words(_LEAD_CUE, flat, start, end))
    responsible = _Matches(m for m in cues.matches if "trách" in m.group())  # "có/chịu trách nhiệm"
    blank_lines = list(_PARAGRAPH.finditer(text, start, end))  # once: where a name stops, where a subject starts
    blanks = [m.start() for m in blank_lines]
    used: set[int] = set()  # items whose text went into a parent's task
    labels = list(_LABEL.finditer(folded, start, end))  # once, not per item
    label_starts = [m.start() for m in labels]
    spread: dict[int, list[re.Match]] = {}  # items whose fields are their bullets (see below)
    for item in items:
        if item.children and bisect_left(label_starts, item.text_start) == bisect_left(label_starts, own_end(item)):
            # "2. Tổ chức tập huấn ...\n- Cơ quan chủ trì: Sở A, Sở B.\n- Thời gian thực hiện: ...":
            # a table row's fields written as the heading's bullets
            own = [m for c in item.children for m in labels[bisect_left(label_starts, c.text_start) : bisect_left(label_starts, c.text_start + 1)]]
            beyond = bisect_right(cuts, item.text_start)  # not past a "./.", a Nơi nhận, an appendix
            if own and beyond < len(cuts) and cuts[beyond] <= own[-1].start():
                continue
            if any(m.group("label").startswith(("co", "don")) and not m.group("label").endswith("hop") for m in own):
                spread[id(item)] = own
                used.update(id(c) for c in item.children)
    for item in items:
        if id(item) in used or id(item) in spread:
            continue
        found = _unit_led(flat, item, issued_date, used, closings, text, responsible, blanks)
        tasks.extend(found)
    for item in items:
        if id(item) in spread:
            tasks.extend(_labelled(flat, item, spread[id(item)], issued_date))
        elif id(item) not in used:
            own = labels[bisect_left(label_starts, item.text_start) : bisect_left(label_starts, own_end(item))]
            tasks.extend(_labelled(flat, item, own, issued_date))
    paragraphs = [m.end() for m in blank_lines]  # where a blank line ends
    # found once, not per sentence (from the start of the line the body starts in)
    events = _event_openings(text, text.rfind("\n", 0, start) + 1, end)
    covered = sorted((t.start, t.end) for t in tasks)
    covered_starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))  # the furthest end of the spans so far
    for sentence_start, sentence_end in _sentences(flat, start, end, text, cuts):
        i = bisect_right(covered_starts, sentence_start)
        inside = i > 0 and reach[i - 1] > sentence_start
        if inside and not closings.first(sentence_start, sentence_end):
            if reach[i - 1] >= sentence_end or not flat[reach[i - 1] : sentence_end].strip():
                continue  # already read with its item; a closing article after it still counts
            sentence_start = reach[i - 1]  # the item's duty ended inside it: a clause with its own subject follows
        k = bisect_left(events, text.rfind("\n", 0, sentence_start) + 1) if events else 0
        if events and k < len(events) and events[k] < sentence_end:
            # "Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch ... chủ trì cuộc họp": what took place
            if events[k] <= sentence_start:
                continue
            sentence_end = events[k]
        tasks.extend(_in_sentence(flat, sentence_start, sentence_end, items, starts, issued_date, closings, cues, paragraphs))
    tasks = _without_repeats(tasks)
    scope = scope_spans(text, items)
    if scope:
        tasks = [t for t in tasks if not any(a <= t.start < b for a, b in scope)]
    tasks.sort(key=lambda t: t.start)
    for task in tasks:  # the last day allowed and the rhythm, read from the deadline's words
        read = settle(task.deadline_text, issued_date)
        task.due_by, task.recurrence = task.deadline or read.due_by, read.recurrence
    return tasks


# A thông báo kết luận or a report opens with the event it tells: the day (its year given), then
# the place ("Ngày 12/11/2024, tại trụ sở UBND tỉnh, ... chủ trì cuộc họp ..."). What took place
# gives no duty.
_EVENT_DAY = re.compile(r"[Nn]gày\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s+tại\s")
_EVENT_LINE_START = re.compile(r"[ \t*]*(?:(?:Vào|Sáng|Chiều|Tối)\s+)?")  # what may stand before the day on its line


def _event_openings(text: str, start: int, end: int) -> list[int]:
    """Where the lines that open with an event's day and place start ("Ngày 12/11/2024, tại ..."):
    the day found by a literal search, then its line's start checked (a pattern anchored at every
    line start is tried at every position)."""
    found = []
    at = text.find("gày ", start + 1, end)
    while at >= 0:  # (a literal search, then the pattern where it stands: fastest on long texts)
        m = _EVENT_DAY.match(text, at - 1, end)
        if m:
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _EVENT_LINE_START.fullmatch(text, line_start, m.start()):
                found.append(line_start)
        at = text.find("gày ", at + 4, end)
    return found


def _without_repeats(tasks: list[Task]) -> list[Task]:
    """One task where an item and a sentence inside it read the same duty of the same unit, and
    none for a sentence that names, shorter, the unit whose duties it lies in ("Điều 23. Trách
    nhiệm của doanh nghiệp hoạt động dịch vụ việc làm ... 2. ..., doanh nghiệp có trách nhiệm ...")."""
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
    kept = []
    for task in tasks:
        key = (task.assignee.casefold(), task.action.casefold()[:60])
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


def _unit_led(
    flat: str, item: Item, issued_date: str | None, used: set[int], closings: "_Matches", text: str | None = None,
    responsible: "_Matches | None" = None, blanks: list[int] | None = None,
) -> list[Task]:
    """ "2. Sở Tài chính: ...", "a) Công an tỉnh chủ trì ...", "3. Trách nhiệm của Sở Y tế"."""
    p = _patterns()
    at = item.text_start
    if closings.first(at, own_end(item)):
        first_sentence_end = next((e for s_, e in _sentences(flat, at, own_end(item))), own_end(item))
        if closings.first(at, first_sentence_end):
            return []  # the closing article: read unit by unit in _in_sentence
    lead = _ITEM_LEAD.match(flat[at : at + 50])
    if lead:
        at += lead.end()
    units: list[str] = []
    titled = False
    if lead and "của" in lead.group() and text is not None and item.children:
        units, after = _titled(text, item, at)  # "Điều 66. Nhiệm vụ và quyền hạn của Bộ, ..., Cơ quan quản lý công chức khác"
    elif not lead and item.children:
        units, after = _group_title(flat, item, at)
    if not units:
        # a name stops at a blank line: "Trách nhiệm của các cơ quan\n\nCác cơ quan ... có trách nhiệm ..."
        if blanks is None and text is not None:
            blanks = [m.start() for m in _PARAGRAPH.finditer(text, at, item.end)]
        j = bisect_left(blanks, at) if blanks else 0
        blank = blanks[j] if blanks and j < len(blanks) and blanks[j] < item.end else None
        if blank is not None and item.children:
            own = flat[at : own_end(item)]
            if not re.search(r"[.;:]", own) and len(own.split()) <= 40:
                blank = None  # a heading the export broke into two paragraphs: "... Hội Liên hiệp\n\nPhụ nữ Thành phố ..."
        units, after = _units_at(flat, at, item.end if blank is None else blank, tag=bool(lead))  # the tagger only after "Giao", "Đề nghị" ...
        titled = bool(units and blank is not None and not flat[after:blank].strip(" *"))  # the name is the heading's line
    if not units:
        # "1. Căn cứ Kế hoạch này, Giám đốc các Sở, ... xây dựng kế hoạch ...": past the lead-in
        lead_in = _LEAD_IN.match(flat, at, item.end)
        past = lead_in.end() if lead_in else _past_title(flat, at, item.end)
        if past is not None:
            # "VII. CHẾ ĐỘ BÁO CÁO\nCác sở, ban, ngành ... gửi báo cáo ...": past the heading's title
            units, after = _units_at(flat, past, item.end)
        if not units and text is not None and item.children:
            # "Điều 20. Xử lý thông tin\nCơ quan xử lý có trách nhiệm:", "Điều 13. Trách nhiệm của
            # Đơn vị quản lý Cổng thông tin": the items under it are the duties of the unit named
            units, after = _announced(text, item)
        if not units:
            return []
    # a later sentence with a unit of its own as subject ("Điều 3. Sở A có trách nhiệm ... Văn
    # phòng UBND tỉnh có trách nhiệm chủ trì ...") is its own duty, read sentence by sentence
    item_end = _next_subject(flat, after, item.end, units, responsible)
    after = _past_parenthesis(flat, after, item_end)
    rest = flat[after:item_end]
    # "1. Chủ tịch UBND các tỉnh ..., trong đó trọng tâm là các tỉnh: A, B:" heads the items under
    # it, and so does "Nội dung Sở X có trách nhiệm chủ trì" (a duty whose content is the items)
    heading_only = (
        not rest.strip(" :.")
        or bool(_ASIDE.match(rest) and rest.rstrip().endswith(":"))
        or bool(item.children and _BARE_DUTY.fullmatch(rest.strip(" :.")))
    )
    if rest.lstrip().startswith(":"):
        rest = rest.lstrip()[1:]
    elif titled and not heading_only:
        # "5. Sở Văn hóa, Thể thao và Du lịch\n\nSở Văn hóa, Thể thao và Du lịch quản lý ...": the
        # paragraph under the heading is its duty, its subject said again or not
        start = len(rest) - len(rest.lstrip(" *"))
        own, own_after = _units_at(flat, after + start, item_end, tag=False)
        if own and p["cue"].match(flat, own_after):
            units, rest = own, flat[own_after:item_end]  # "2. Sở A, Sở B\n\nSở A chủ trì, phối hợp với Sở B ..."
        else:
            rest = rest.strip(" *")
            if rest.lower().startswith(units[0].lower()):
                rest = rest[len(units[0]) :]
    elif not (lead or heading_only or p["cue"].match(rest) or _QUALIFIER.match(rest)):
        return []  # "1. Sở ... là ..." without a duty
    reach = item_end  # where the text it read ends: past the items under a heading it took
    if heading_only or not rest.strip():
        # the heading's unit does the items under it that name no unit of their own ("1. Trách
        # nhiệm của Sở Tư pháp ...", "- Yêu cầu các cơ quan báo chí ..." are read on their own)
        children = [c for c in item.children if not _starts_with_unit(flat, c) and not (text is not None and _names_own_subject(text, c))]
        if not children:
            return []
        for child in children:
            used.add(id(child))
            used.update(id(d) for d in descendants(child))
        rest = " ".join(flat[c.text_start : c.end] for c in children)
        reach = max(c.end for c in children)
    elif item.children and rest.rstrip().endswith(":") and not any(_starts_with_unit(flat, c) for c in item.children):
        # "Sở X: chỉ đạo Chi cục Y thực hiện các nội dung sau:" and its bullets are one duty
        for child in descendants(item):
            used.add(id(child))
        rest = rest + " " + " ".join(flat[c.text_start : c.end] for c in item.children)
        reach = max(c.end for c in item.children)
    action = _action(rest)
    if not action or _ONLY_REPEATS.match(action) or _NOT_DUTY.search(action[:80]) or _is_name_list(action):
        return []
    if lead and fold(lead.group()).startswith("de nghi"):
        action = "(đề nghị) " + action  # asked of a body this one does not direct
    deadline, deadline_text = find_deadline(rest, issued_date)
    coordinators = _coordinators(rest)
    return [
        Task(unit, action, coordinators, deadline, deadline_text, item.path or None, item.start, item_end, _is_group(unit), reach=reach)
        for unit in units
    ]


# the last line of an item's own text that names who does the items under it: "Bộ Tài chính,
# Bộ Công Thương có trách nhiệm:", "Ngân hàng nhận ký quỹ có trách nhiệm sau:", "... có các nhiệm vụ sau đây:"
_ANNOUNCES = re.compile(
    r"(?:^|\n)[ \t*]*(?P<who>[^\n]{3,200}?)\s+(?:có|chịu)\s+(?:các\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+(?:sau(?:\s+đây)?|như\s+sau|chính\s+sau))?[ \t*]*:[ \t*]*$"
)


def _announced(text: str, item: Item) -> tuple[list[str], int]:
    """The units of a line that announces the duties under it, and where the line ends."""
    title_end = own_end(item)
    line_start = text.rfind("\n", item.text_start, title_end - 1)
    m = _ANNOUNCES.search(text, max(item.text_start, line_start), title_end) if line_start >= 0 else None
    if not m or text[m.end() : title_end].strip():
        return [], item.text_start
    who = m.group("who")
    head = _patterns()["head"].match(who)
    # (a compound such as "Cơ quan xử lý", "Đơn vị quản lý" is a name here: the line says who)
    if not head or _CLAUSE_WORD.search(who) or len(who.split()) > 20:
        return [], item.text_start
    return _split_units(_without_scope(who)), m.start("who") + len(who)


def _titled(text: str, item: Item, at: int) -> tuple[list[str], int]:
    """ "Điều 23. Trách nhiệm của doanh nghiệp hoạt động dịch vụ việc làm": the body the title
    names, whole, where the unit grammar does not know it (``at``: past "Trách nhiệm của")."""
    line_end = text.find("\n", at, own_end(item))
    if line_end < 0 or text[line_end:own_end(item)].strip():
        return [], at  # a title on its own line, the duties in the items under it
    who = re.sub(r"(?:\s*\[\d+\]|\s+\d{1,3})+$", "", text[at:line_end].strip(" *.:")).strip(" *.:")  # a footnote mark
    if (
        not who
        or len(who.split()) > 15
        or not who[:1].isalpha()
        or _patterns()["not_unit"].match(who)
        or re.match(r"(?:các\s+)?bên\b", who, re.I)
        or _CLAUSE_WORD.search(who)
        or 2 * sum(_names_own_subject(text, c) for c in item.children) > len(item.children)
    ):
        return [], at  # "Trách nhiệm của các cơ quan ...\n1. Cơ quan tài chính: ...\n2. Cơ quan thuế: ...": a grouping
    capital = who[:1].upper() + who[1:]
    head = _patterns()["head"].match(capital)
    units = _split_units(who) if head and _named(capital, head) else []
    return units or [capital], line_end


# a heading that names a group by what its members do, its duties in the items under it:
# "2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình"
_GROUP_HEAD = re.compile(r"[\s*]*Các\s+(?:sở|Sở|bộ|Bộ|cơ\s+quan|đơn\s+vị|địa\s+phương|ban|Ban|ngành|tổ\s+chức)(?:\s*,\s*(?:sở|Sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương))*\s")
_INTRODUCING_END = re.compile(r"(?:sau|sau\s+đây|như\s+sau|gồm|bao\s+gồm)[\s*]*$")


def _group_title(flat: str, item: Item, at: int) -> tuple[list[str], int]:
    """The whole heading as the name of its group, where a duty verb of its own follows the
    group's head and the heading ends without ":" (the items under it are the duties)."""
    title_end = own_end(item)
    title = flat[at:title_end].rstrip(" *")
    head = _GROUP_HEAD.match(title)
    if not head or title.endswith((":", ".", ";")) or _INTRODUCING_END.search(title) or len(title.split()) > 30:
        return [], at
    if not _free_verb().match(title, head.end()) or any(_starts_with_unit(flat, c) for c in item.children):
        return [], at
    return [collapse(title.strip(" *"))], title_end


# an item that names its own unit in a way the head grammar may not know: "Cơ quan tài chính:",
# "Trách nhiệm của đối tượng kiểm kê:", "Ban chỉ huy phòng thủ dân sự cấp tỉnh có trách nhiệm:"
_OWNER_TITLE = re.compile(r"[ \t*]*(?:Trách\s+nhiệm|Nhiệm\s+vụ|Quyền\s+hạn)\s+của\s")
_OWNER_THEN = re.compile(r"[^\n:;.]{0,80}?(?::|\s(?:có|chịu)\s+trách\s+nhiệm)")


def _names_own_subject(text: str, item: Item) -> bool:
    if _OWNER_TITLE.match(text, item.text_start, item.end):
        return True
    at = item.text_start
    while at < item.end and text[at] in " \t*":
        at += 1
    head = _patterns()["head"].match(text, at, item.end)
    return bool(head and _OWNER_THEN.match(text, head.end(), item.end))


def _next_subject(flat: str, start: int, end: int, units: list[str] = (), responsible: "_Matches | None" = None) -> int:
    """Where a sentence between ``start`` and ``end`` opens with a unit and a duty cue, or ``end``."""
    p = _patterns()
    for m in _SENTENCE_CUT.finditer(flat, start, end):
        units, after = _units_at(flat, m.end(), end, tag=False)
        if units and p["cue"].match(flat, after):
            return m.start() + 1
        # "... Chỉ thị này. Yêu cầu Giám đốc các sở ...; Chủ tịch UBND các xã ... triển khai thực
        # hiện nghiêm túc Chỉ thị này": a request of its own after the last item, not its text
        asked = _ASKS.match(flat, m.end(), end)
        if asked and _units_at(flat, asked.end(), end, tag=False)[0]:
            return m.start() + 1
    # "..., các cơ quan phối hợp có trách nhiệm phối hợp ...": a clause with a subject of its own
    for cue in responsible.within(start, end) if responsible is not None else starting_words(_RESPONSIBLE_CUE, flat, start, end):
        subject = _responsible_subject(flat, start, cue)
        if (
            subject is not None
            and flat[max(start, subject - 2) : subject].strip() in (",", ";")
            and len(flat[start:subject].split()) >= 4  # not "Hằng năm, Tòa án ... có trách nhiệm"
            and collapse(flat[subject : cue.start()]).strip().casefold() not in {u.casefold() for u in units}
        ):
            return subject
    return end


# a lead-in whose duties are the items after it: "... thực hiện ngay các nhiệm vụ, giải pháp sau"
_INTRODUCES = re.compile(r"(?:các|những|một\s+số)\s+(?:nhiệm\s+vụ|giải\s+pháp|nội\s+dung|biện\s+pháp|việc|công\s+việc)(?:[\s,]+[^\s.;]+){0,6}?\s+(?:như\s+)?sau(?:\s+đây)?$")
_ASKS = re.compile(r"(?:Yêu\s+cầu|Đề\s+nghị|Giao)\s+")


# Matched on the folded text (so "Co quan chu tri:" typed without marks counts too).
_LABEL = re.compile(
    r"(?P<label>(?:co\s+quan|don\s+vi)\s+(?:chu\s+tri|thuc\s+hien|phoi\s+hop)|thoi\s+gian\s+(?:thuc\s+hien|hoan\s+thanh))\s*:\s*"
)


def _labelled(flat: str, item: Item, labels: list[re.Match], issued_date: str | None) -> list[Task]:
    """An item laid out as a table row: "Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: ...
    Thời gian thực hiện: năm 2025." One task per lead unit, with the item's text as the duty.
    ``labels``: the item's own label matches, on the folded text."""
    if not labels:
        return []
    fields: dict[str, str] = {}
    spread = labels[0].start() >= own_end(item)  # the fields are the heading's bullets
    span_end = item.children[-1].end if spread else item.end
    for i, m in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else (span_end if spread else own_end(item))
        if spread:  # up to the bullet's end ("- Nội dung thực hiện: ..." may follow)
            stop = min(stop, next((c.end for c in item.children if c.text_start <= m.start() < c.end), stop))
        label = m.group("label")
        fields["time" if label.startswith("thoi") else label.split()[-1]] = flat[m.end() : stop].strip(" ;.")
    lead = fields.get("tri") or fields.get("hien")
    if not lead or "thoi gian" in fold(lead[:12]):
        return []
    if spread:
        first = item.children[0]
        first_end = subtree_end(first)  # "- Nội dung:" and its "+" bullets
        content = _CONTENT_LABEL.match(flat, first.text_start, first_end)
        action = _action(flat[content.end() : first_end] if content else flat[item.text_start : own_end(item)])
    else:
        action = _action(flat[item.text_start : labels[0].start()])
    when = fields.get("time")
    deadline, deadline_text = find_deadline(when or "", issued_date)
    if when and not deadline_text:
        deadline_text = collapse(when)[:120]
    clauses = _clause_duties(flat, lead, action)
    if clauses:
        # "Cơ quan thực hiện: Sở A chủ trì ...; Sở B và Sở C chủ động ...": each clause its own duty
        return [Task(u, a, _coordinators(a), deadline, deadline_text, item.path or None, item.start, span_end, _is_group(u)) for u, a in clauses]
    lead = _SCOPE.sub("", lead)  # "..., các sở trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan ..."
    units = _split_units(re.split(r"\s+(?:chủ\s+trì|trong\s+phạm\s+vi)", lead)[0])
    coordinators = [collapse(c).strip(" .;") for c in re.split(r",\s*(?=[A-ZĐÀ-Ỹ]|các\s)|\s+và\s+(?=[A-ZĐÀ-Ỹ]|các\s)", fields.get("hop", "")) if c.strip()]
    return [Task(u, action, coordinators, deadline, deadline_text, item.path or None, item.start, span_end, _is_group(u)) for u in units if action]


_OPEN_END = re.compile(r"\s(?:về|của|và|với|cho|đối\s+với|trong)$")  # a name cut before its last words
_CONTENT_LABEL = re.compile(r"\s*(?:Nội\s+dung(?:\s+thực\s+hiện|\s+công\s+việc)?|Nhiệm\s+vụ)\s*:\s*", re.I)
_SCOPE = re.compile(r"\s+(?:trong\s+phạm\s+vi|theo)\s+(?:chức\s+năng|thẩm\s+quyền|nhiệm\s+vụ)[^;.]{0,60}?(?:của\s+mình|được\s+giao)")


def _clause_duties(flat: str, lead: str, action: str) -> list[tuple[str, str]]:
    """A lead field that is itself written as duties, clause by clause: "Sở A chủ trì tham mưu
    ...; Sở B và các sở, ban, ngành chủ động triển khai ..." gives each unit its clause's duty.
    Empty unless every clause reads as units then a duty verb."""
    if ";" not in lead and not _patterns()["cue"].search(lead):
        return []
    found = []
    for clause in re.split(r"\s*;\s*", lead):
        if not clause.strip():
            continue
        units, after = _units_at(clause, 0, len(clause), tag=False)
        if not units or not _patterns()["cue"].match(clause, after) or _OPEN_END.search(units[-1]):
            return []  # "Đơn vị chủ trì: Vụ Các vấn đề chung về xây dựng pháp luật" is one name
        found.extend((u, _action(clause[after:])) for u in units)
    return found


def _starts_with_unit(flat: str, item: Item) -> bool:
    """ "- UBND huyện Trà Bồng tiếp tục ...": an item that names its own unit."""
    p = _patterns()
    at = item.text_start
    lead = _ITEM_LEAD.match(flat, at, at + 30)
    if lead:
        at = lead.end()
    head = p["head"].match(flat, at)
    return bool(head and _named(flat, head) and not p["not_unit"].match(flat, at))


# "Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ được giao chủ trì ...": the duty follows
_QUALIFIER = re.compile(r"\s*(?:theo|trong\s+phạm\s+vi)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền)", re.I)
_WORD = re.compile(r"\s*(\S+)")


def _past_title(flat: str, at: int, end: int) -> int | None:
    """Where the text after a heading's title in capitals starts ("CHẾ ĐỘ BÁO CÁO Các sở ..."
    gives the offset of "Các"), or None: a roman heading's title is written in capitals."""
    words = 0
    while at < end:
        m = _WORD.match(flat, at, end)
        if not m:
            return None
        word = m.group(1).strip("*,-&")
        if word and word.isupper() and len(word) > 1 or word in ("-", "&", "VÀ"):
            words += 1
            at = m.end()
            continue
        return m.start(1) if words >= 2 and word[:1].isupper() and not word.isupper() else None
    return None


_LEAD_IN = re.compile(r"\s*(?:Căn\s+cứ|Trong\s+phạm\s+vi|Theo\s+chức\s+năng|Trên\s+cơ\s+sở|Để|Sau\s+khi|Trong\s+thời\s+gian\s+tới)[^,;:]{0,160},\s*")


def _duties(units: list[str], action: str, words: str, issued_date: str | None, section: str | None, start: int, end: int) -> list[Task]:
    """One task per unit for one duty, its coordinators and deadline read from ``words``."""
    deadline, deadline_text = find_deadline(words, issued_date)
    coordinators = _coordinators(words)
    return [Task(u, action, list(coordinators), deadline, deadline_text, section, start, end, _is_group(u)) for u in units]


def _in_sentence(
    flat: str, s: int, e: int, items: list[Item], starts: list[int], issued_date: str | None, closings: "_Matches", cues: "_Matches",
    paragraphs: list[int] = (),
) -> list[Task]:
    """Duties inside running text: the closing article, "Giao X ...", "X chủ trì ..."."""
    p = _patterns()
    sentence = flat[s:e]
    section = _section_at(items, starts, s)
    closing = closings.first(s, e)
    if closing and closing.group("cue").startswith("to") and _closing_is_an_object(flat, s, closing.start()):
        closing = None  # "Giao UBND tỉnh xây dựng kế hoạch và tổ chức thực hiện Nghị quyết này": a duty, read below
    if closing:
        subject_start = s
        m = re.match(r"\s*(?:Điều\s+\d+\s*\.?\s*)", sentence)
        if m:
            subject_start += m.end()
        title = p["not_unit"].match(flat, subject_start)  # "Tổ chức thực hiện Chánh Văn phòng ...": a title, not "Tổ chức"
        if title or not p["head"].match(flat, subject_start):
            # "Điều 29. Trách nhiệm thi hành Các Bộ trưởng, ...": past the article's title
            past = title.end() if title else subject_start
            first = next((h for h in p["head"].finditer(flat, past, closing.start()) if h.group()[:1].isupper()), None)
            if first and first.start() - subject_start <= 60:
                subject_start = first.start()
        units = _split_units(flat[subject_start : closing.start()])
        action = collapse(flat[closing.start() : e]).rstrip("./ *")
        return [Task(u, action, [], None, None, section, s, e, _is_group(u)) for u in units]
    # "Giao Bộ X ...", "(3) Đề nghị Ủy ban Y ...", and the same after a ";" inside the sentence
    # ("...; giao Bộ X làm chủ Chương trình"): one clause per lead, up to the next one
    clauses = [(s, p["lead"].match(flat, s, e))]
    may = ";" in sentence or "(" in sentence or "đề nghị" in sentence or "yêu cầu" in sentence  # (fastest test)
    clause_starts = sorted(set(_clause_starts(flat, s, e))) if may else ()
    for at in clause_starts:
        lead = p["lead"].match(flat, at, e)
        if lead:
            clauses.append((at, lead))
    found = []
    for i, (at, lead) in enumerate(clauses):
        if not lead:
            continue
        clause_end = clauses[i + 1][0] if i + 1 < len(clauses) else e
        units, after = _units_at(flat, lead.end(), clause_end)
        if units:
            after = _past_parenthesis(flat, after, clause_end)
            rest = flat[after:clause_end]
            action = _action(rest)
            # "Yêu cầu Giám đốc các sở ...; Chủ tịch UBND các xã ... triển khai thực hiện nghiêm túc
            # Chỉ thị này": the closing that names who carries the document out, as a QĐ's does
            closing = len(units) > 1 and _THIS_DOCUMENT.search(action)
            if _INTRODUCES.search(action) and flat[s:e].rstrip().endswith(":") and not _ASIDE.search(action):
                # "Yêu cầu các Bộ trưởng ... thực hiện ngay các nhiệm vụ, giải pháp sau:" leads the items;
                # when they name no unit of their own, they are the duties of the units asked
                following = _following_items(flat, items, starts, e)
                if following:
                    prefix = "(đề nghị) " if "đề nghị" in lead.group("lead").lower() else ""
                    joined = _action(" ".join(flat[c.text_start : _next_subject(flat, c.text_start, c.end)] for c in following))
                    found.extend(_duties(units, prefix + joined, joined, issued_date, section, s, following[-1].end))
                continue
            if action and (closing or not _ONLY_REPEATS.match(action)) and not _NOT_DUTY.search(action[:80]):
                prefix = "(đề nghị) " if "đề nghị" in lead.group("lead").lower() else ""
                found.extend(_duties(units, prefix + action, rest, issued_date, section, s, e))
    if clauses[0][1]:
        return found
    for cue in cues.within(s, e):
        # "Cá nhân được giao quản lý sổ ... có trách nhiệm ...": a subject with its own clause
        subject = _responsible_subject(flat, s, cue, paragraphs) if "trách" in cue.group() else None
        if subject is not None:
            units = _split_units(_without_scope(flat[subject : cue.start()]))
            rest = flat[cue.start() : e]
            if units and not _NOT_DUTY.search(rest[:80]):
                found.extend(_duties(units, _action(rest), rest, issued_date, section, s, e))
                continue
        # "..., Sở Văn hóa và Thể thao chủ trì triển khai ...": the unit right before the cue
        back = max(s, cue.start() - 160)
        boundary = max([back, *(m.end() for m in _CLAUSE_CUT.finditer(flat, back, cue.start()))])
        for head in _patterns()["head"].finditer(flat, boundary, cue.start()):
            # "Sở Y tế (mục II.3) chủ trì ...": a reference between the unit and its duty
            phrase = _PARENTHESIS.sub("", flat[head.start() : cue.start()])
            if not head.group()[:1].isupper() or not _named(flat, head) or _patterns()["stop"].search(phrase, len(head.group())):
                continue
            if _NARRATED.search(phrase) or _MODAL.search(phrase):
                break  # "Phó Thủ tướng ... đã chủ trì cuộc họp": what happened, not a duty
            units = _split_units(phrase) if len(phrase.split()) <= 20 else []
            if units:
                rest = flat[cue.start() : e]
                if _NOT_DUTY.search(rest[:80]):
                    break
                found.extend(_duties(units, _action(rest), rest, issued_date, section, s, e))
                break
    return found


# "có trách nhiệm" / "chịu trách nhiệm" is said of the subject right before it: in a legal
# text that subject is often a noun phrase with a clause of its own ("Cá nhân được giao quản lý
# sổ theo dõi có trách nhiệm ...", "Các đơn vị là đầu mối quy định tại Khoản 1 có trách nhiệm
# ...") or comes after a time clause ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ
# sơ, Cơ quan có thẩm quyền có trách nhiệm ..."). Not accountability to someone ("chịu trách
# nhiệm trước pháp luật"), not a second predicate ("..., chịu trách nhiệm", "và có trách nhiệm").
_RESPONSIBLE_OBJECT = re.compile(r"\s*(?:(?:toàn\s+diện|hoàn\s+toàn|cá\s+nhân|chính)\s+)?(?:trước|trong|:)(?![\wÀ-ỹ])")
# where the clause holding the subject starts: a ";", ":", "(", a sentence's end, the end of
# a heading in bold ("** "), and "thì", which opens the main clause ("Đối với ... thì Sở X có ...")
_NOUN_AT_END = re.compile(r"(?<![\wÀ-ỹ])(?:cơ\s+quan|tổ\s+chức|đơn\s+vị|cá\s+nhân|doanh\s+nghiệp|địa\s+phương|ban|ngành|sở|bộ|người|hộ\s+gia\s+đình|cơ\s+sở)$", re.I)
_ITEM_START = re.compile(r"\s(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.)\s+(?=[A-ZĐÀ-Ỹ])")  # "... sử dụng. b) Cơ quan ..."
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_HARD_CUT = re.compile(r"[;:(]\s*|\.\s+|\*\*\s+|\sthì\s+")
_SOFT_CUT = re.compile(r",\s*")
_ITEM_MARK = re.compile(r"[\s*]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•]|Điều\s+\d+\s*\.?)\s+)?[\s*]*")
# words after which a verb belongs to the subject's own clause ("được giao quản lý", "là", "thuộc")
_RELATIVE = re.compile(r"\s(?:được|đã|là|thuộc|trực\s+tiếp|có\s+thẩm\s+quyền|quy\s+định\s+tại|tham\s+gia|có\s+yêu\s+cầu|có\s+liên\s+quan|liên\s+quan)(?![\wÀ-ỹ])")


# what a subject never ends with before "có trách nhiệm": a comma or "và" (a second predicate:
# "..., chịu trách nhiệm", "và có trách nhiệm"), a negation or a modal ("không có trách nhiệm")
_NOT_SUBJECT_END = re.compile(r"(?:,|(?:^|\s)(?:và|hoặc|cùng|đồng\s+thời|sẽ|phải|cũng|không|chưa|vẫn))$")
_CLAUSE_WORD = re.compile(r"(?<![\wÀ-ỹ])(?:sẽ|khi|nếu|đang)(?![\wÀ-ỹ])")  # "Tổng cục Hải quan sẽ ...": a clause


@lru_cache(maxsize=None)
def _lower_duty_verbs() -> str:
    """The duty verbs written in lower case, as one alternation ("tổ chức" left out: in "cơ quan, tổ
    chức, đơn vị" it is a noun)."""
    return _alt([c for c in _table()["duty_cues"] if c[:1].islower() and c != "tổ chức"])


@lru_cache(maxsize=None)
def _free_verb() -> re.Pattern:
    """A duty verb in lower case: outside a relative clause it ends a subject, not extends it."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{_lower_duty_verbs()})(?![\wÀ-ỹ])")


def _responsible_subject(flat: str, s: int, cue: re.Match, paragraphs: list[int] = ()) -> int | None:
    """Where the subject of "có/chịu trách nhiệm" at ``cue`` starts, or None: the farthest
    comma-separated start of the clause that opens with a unit's head and whose words before
    any relative clause hold no duty verb of their own."""
    if _RESPONSIBLE_OBJECT.match(flat, cue.end()):
        return None
    before = flat[max(s, cue.start() - 300) : cue.start()].rstrip()
    if not before or _NOT_SUBJECT_END.search(before):
        return None
    region = max(s, cue.start() - 300)
    # "cơ quan có thẩm quyền cấp Giấy phép (sau đây viết tắt là Cơ quan có thẩm quyền) có trách nhiệm"
    named = _NAMED_AFTER.search(flat, region, cue.start())
    stop = named.start() if named else cue.start()
    hard = [m.end() for m in _HARD_CUT.finditer(flat, region, stop)]
    hard += [m.start() + 1 for m in _ITEM_START.finditer(flat, region, stop)]
    i = bisect_left(paragraphs, stop)
    if i and paragraphs[i - 1] > region:
        hard.append(paragraphs[i - 1])  # a heading on its own paragraph ends before the subject
    first = max(hard) if hard else s
    # a comma inside a list of nouns ("giao cho cơ quan, tổ chức, đơn vị có trách nhiệm ...") starts no subject
    starts = [_ITEM_MARK.match(flat, first).end()] + [
        m.end() for m in _SOFT_CUT.finditer(flat, first, stop) if not _NOUN_AT_END.search(flat, first, m.start())
    ]
    p = _patterns()
    for at in starts:
        phrase = flat[at:stop]
        if not phrase.strip() or len(phrase.split()) > 25:
            continue
        capital = phrase[:1].upper() + phrase[1:]
        head = p["head"].match(capital)
        if not head or p["not_unit"].match(capital):
            continue
        own = phrase[head.end() :]
        if not own.strip():
            return at  # "..., doanh nghiệp có trách nhiệm nộp lại Giấy phép": the head alone is the subject
        # "Đơn vị quản lý Cổng thông tin", "các cơ quan phối hợp": a general head and a verb make one name
        compound = head.group().lower().removeprefix("các ") in _GENERIC_HEADS and _free_verb().match(own, 1)
        if compound:
            own = own[compound.end() :]
        elif not (_named(capital, head) or _RELATIVE.match(capital, head.end())):
            continue
        if not _own_clause_only(own):
            continue
        return at
    return None


# "Các sở, ban, ngành theo chức năng, nhiệm vụ và quyền hạn", "Tổ chức, cá nhân trong phạm vi nhiệm vụ"
_SCOPE_AT_END = re.compile(r"\s+(?:trong\s+phạm\s+vi|theo)\s+(?:phạm\s+vi\s+)?(?:chức\s+năng|thẩm\s+quyền|nhiệm\s+vụ|quản\s+lý|quyền\s+hạn)[^;.]{0,80}$")


_NAMED_AFTER = re.compile(r"\s*\((?:sau\s+đây\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s[^()]{1,80}\)\s*$")


def _without_scope(subject: str) -> str:
    """A subject without the scope it acts in ("..., theo chức năng, nhiệm vụ được giao") and
    without the short name it is given ("(sau đây gọi là ...)")."""
    return _SCOPE_AT_END.sub("", _SCOPE.sub("", _NAMED_AFTER.sub("", subject.rstrip())))


def _own_clause_only(words: str) -> bool:
    """The words after a subject's head hold no verb of their own outside a relative clause
    ("được giao quản lý sổ", "là đầu mối quy định tại khoản 1"): they name, they do not say."""
    relative = _RELATIVE.search(words)
    main = _compound_names().sub(" ", words[: relative.start() if relative else len(words)])
    main = re.sub(r"(?<![\wÀ-ỹ])việc\s+làm(?![\wÀ-ỹ])", " ", main)  # "dịch vụ việc làm": employment, no verb
    return not (_free_verb().search(main) or _CLAUSE_WORD.search(main))


@lru_cache(maxsize=None)
def _compound_names() -> re.Pattern:
    """A general head and a verb that make one name inside a list ("..., cơ quan quản lý tạm giữ")."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{_alt(sorted(_GENERIC_HEADS), ignore_case=True)})\s+(?:{_lower_duty_verbs()})(?![\wÀ-ỹ])", re.I)


# (not past the end of a bold title or a blank line: "Trách nhiệm của các cơ quan**\n\nCác cơ quan ... có trách nhiệm")
_RESPONSIBLE_AHEAD = re.compile(r"(?:[^;:.()*\s]|\s(?!\s)){0,240}?\s(?P<cue>(?:có|chịu)\s+trách\s+nhiệm)(?![\wÀ-ỹ])")


def _following_items(flat: str, items: list[Item], starts: list[int], at: int) -> list[Item]:
    """The items right after ``at`` at one level (and theirs under them), if none names a unit."""
    i = bisect_left(starts, at)
    if i >= len(items) or flat[at : items[i].start].strip():
        return []
    level = items[i].level
    run = []
    while i < len(items) and items[i].level >= level:
        if items[i].level == level:
            if _starts_with_unit(flat, items[i]):
                return []
            run.append(items[i])
        i += 1
    return run


def _closing_is_an_object(flat: str, s: int, cue_at: int) -> bool:
    """Whether "tổ chức thực hiện Nghị quyết này" ends a duty of its own rather than closing the
    text: a unit, then a duty verb of its own before it ("Giao UBND tỉnh xây dựng kế hoạch và ...")."""
    p = _patterns()
    at = s + len(flat[s:cue_at]) - len(flat[s:cue_at].lstrip())
    lead = p["lead"].match(flat, at, cue_at)
    if lead:
        at = lead.end()
    units, after = _units_at(flat, at, cue_at, tag=False)
    return bool(units) and bool(flat[after:cue_at].strip(" ,;")) and bool(p["cue"].match(flat, after))


# Clauses inside a sentence that may open with a lead cue: "...; giao Bộ X ...", "(2) Đề nghị
# ...", and after the sentence's subject "UBND tỉnh kính đề nghị Thường trực HĐND tỉnh ..." (not
# "theo/xét đề nghị của ...", "được yêu cầu"). Each form starts with a literal, found fast.
_NUMBERED_CLAUSE = re.compile(r"\(\d{1,2}\)\s*")
_ASKED = re.compile(r"(?:đề\s+nghị|yêu\s+cầu)\s+(?:các\s+)?(?:[A-ZĐÀ-Ỹ]|(?:thủ\s+trưởng|giám\s+đốc|chủ\s+tịch|người\s+đứng\s+đầu)\s)")
_CONDITION = re.compile(r"\s*(?:Trường\s+hợp|Nếu|Khi)\s", re.I)
# "Tờ trình ... về việc đề nghị HĐND xem xét": what another text asked; "Văn bản đề nghị UBND tỉnh
# xem xét", "quy trình / hồ sơ đề nghị ...": the request is a noun, a paper of a procedure
_NOT_ASKING = re.compile(r"(?:theo|xét|của|được|có|tại|việc|văn\s+bản|quy\s+trình|hồ\s+sơ|tờ\s+trình)\s+(?:kính\s+)?$", re.I)


def _clause_starts(flat: str, s: int, e: int):
    at = flat.find(";", s, e)
    while at >= 0:
        yield at + 1 + (flat[at + 1 : at + 2] == " ")
        at = flat.find(";", at + 1, e)
    for m in _NUMBERED_CLAUSE.finditer(flat, s + 1, e):
        yield m.start()
    if _CONDITION.match(flat, s, e):
        return  # "Trường hợp phát sinh vướng mắc ..., đề nghị ...": asked only if it happens
    for m in _ASKED.finditer(flat, s + 1, e):
        before = flat[max(s, m.start() - 12) : m.start()]
        if not _NOT_ASKING.search(before):
            yield m.start() - (5 if before.endswith("kính ") else 0)
_BARE_DUTY = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?:\s+chủ\s+trì)?|chủ\s+trì(?:\s+thực\s+hiện)?(?:\s+các\s+nội\s+dung\s+sau)?", re.I)
_ASIDE = re.compile(r",\s*trong\s+đó\s")
_THIS_DOCUMENT = re.compile(r"(?:Chỉ\s+thị|Quyết\s+định|Công\s+điện|Nghị\s+quyết|Kế\s+hoạch|Thông\s+tư|Nghị\s+định)\s+này\s*$")
_PARENTHESIS = re.compile(r"\s*\([^()]{1,160}\)")
_NARRATED = re.compile(r"\sđã(?:\s+được)?\s*$")


def _past_parenthesis(flat: str, at: int, end: int) -> int:
    """Past a short parenthesis right after a unit's name ("Sở Tài chính (mục II.2) chủ trì")."""
    m = _PARENTHESIS.match(flat, at, end)
    return m.end() if m else at


# Where a clause starts, looking back from a cue: not at a comma inside a name ("Sở Văn hóa, Thể thao ...")
_CLAUSE_CUT = re.compile(r"[;:(]\s*|,\s*(?=[a-zđà-ỹ])|\s-\s(?![A-ZĐÀ-Ỹ])|\.\s+")
_RESPONSIBLE_CUE = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?![\wÀ-ỹ])(?!\s*:)")
_LEAD_CUE = re.compile(r"(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)(?![\wÀ-ỹ])(?!\s*:)")  # at a word's start: starting_words


_SENTENCE_CUT = re.compile(r"[.:!?]\s+(?=[A-ZĐÀ-Ỹ(\-+•\d]|[a-zđ]\)\s)")  # "... chính xác. b) Cơ quan ..."


def _sentences(flat: str, start: int, end: int, text: str | None = None, cuts: list[int] | None = None):
    """Sentences of running text: split at ". " or ": " before a capital (";" keeps the list
    of a closing article together), and at ``cuts``."""
    at = start
    splits = [(m.start() + 1, m.end()) for m in _SENTENCE_CUT.finditer(flat, start, end)]
    if cuts:
        splits = sorted(splits + [(c, c) for c in cuts[bisect_left(cuts, start) : bisect_left(cuts, end)]])
    for cut, after in splits:
        if cut < at:
            continue
        if flat[cut - 1] == ":" and text is not None and after > cut and "\n" not in text[cut:after]:
            continue  # "Giám đốc các Sở: Tài chính, ...": a colon inside a line opens a list
        if flat[at:cut].strip():
            yield at, cut
        at = after
    if at < end and flat[at:end].strip():
        yield at, end


def _section_at(items: list[Item], starts: list[int], offset: int) -> str | None:
    """The path of the innermost item at ``offset``: items end where the next one starts, so it
    is the last item starting at or before it."""
    i = bisect_right(starts, offset) - 1
    if i < 0 or offset >= items[i].end:
        return None
    return items[i].path or None


# ---------------------------------------------------------------------------- units


def _units_at(flat: str, at: int, limit: int, tag: bool = True) -> tuple[list[str], int]:
    """The unit names starting at ``at`` ("Sở Tài chính, Sở Xây dựng và UBND các xã"), and
    where they end. ``tag``: ask the tagger where the grammar cannot tell (see ``subjects``)."""
    p = _patterns()
    while at < limit and flat[at] in " *\t":
        at += 1
    head = p["head"].match(flat, at)
    if not head or p["not_unit"].match(flat, at) or not _named(flat, head):
        return [], at
    end = min(limit, at + 500)
    by_cue = False  # the name ends at a duty verb of the grammar's list, not at punctuation
    for stop in p["stop"].finditer(flat, head.end(), end):
        word = stop.group().strip()
        before = flat[at : stop.start()].split()
        if word[:1].isupper() and before and (before[-1][:1].isupper() or p["head_at_end"].search(flat, at, stop.start())):
            continue  # "Ban Xây dựng Đảng", "và Ủy ban Kiểm tra Tỉnh ủy": a capitalised cue word inside a name
        if word[:1].isalpha() and _AGENT_CLAUSE.search(flat, at, stop.start()):
            continue  # "doanh nghiệp do Bộ Quốc phòng quản lý": the verb of the name's own "do" clause
        if word == ";" and p["head"].match(flat, stop.end() + (flat[stop.end() : stop.end() + 1] == " ")):
            continue  # "Chánh Văn phòng UBND tỉnh; Chủ tịch UBND các xã tổ chức ...": units listed with ";"
        if word == ":" and _PLURAL_END.search(flat, at, stop.start()):
            # "Các Bộ: Tài chính, Quốc phòng, Công an chủ trì ...": the list names the units
            listed = p["stop"].search(flat, stop.end() + 1, min(limit, stop.end() + 300))
            if listed and listed.group().strip() not in ":;." and _is_name_list(flat[stop.end() : listed.start()].strip()):
                end = listed.start()
                break
            if not _PLACE_END.search(flat, at, stop.start()):
                return [], at
            # "3. Ủy ban nhân dân các tỉnh, thành phố:" heads the items under it
        end = stop.start()
        by_cue = stop.group().strip()[:1].isalpha()
        break
    phrase = flat[at:end]
    # Where the grammar cannot tell (a verb outside its list, a subject outside it), the
    # tagger finds the first predicate verb: "Đề nghị Thường trực HĐND tỉnh | xem xét, ..."
    lower_words = _LOWER_WORD.findall(phrase, len(head.group())) if tag and tagger_on() else ()
    if lower_words and (not by_cue or (len(lower_words) >= 8 and len(p["head"].findall(phrase)) == 1)):
        cut = subject_end(phrase, len(head.group()))
        if cut is not None:
            end = at + len(phrase[:cut].rstrip())
            phrase = flat[at:end]
    # "Cá nhân được giao quản lý sổ ... có trách nhiệm": the name runs on to "có trách nhiệm"
    ahead = None
    if flat.find("trách nhiệm", end, min(limit, at + 300)) >= 0 and "trách" not in flat[end : end + 16]:  # (a literal test first: fast)
        ahead = _RESPONSIBLE_AHEAD.match(flat, at, min(limit, at + 300))
    if ahead:
        subject = flat[at : ahead.start("cue")].rstrip()
        if (
            not _RESPONSIBLE_OBJECT.match(flat, ahead.end())
            and len(subject.split()) <= 25
            and not _NOT_SUBJECT_END.search(subject)
            and _own_clause_only(subject[len(head.group()) :])
        ):
            return _split_units(_without_scope(subject)), at + len(subject)
    words = phrase.split()
    if len(words) > 100 or not words or _MODAL.search(phrase) or _PREDICATE.search(phrase, len(head.group())):
        return [], at  # "Cơ sở kinh doanh phải ...": a plain obligation, not a duty given
    if _RELATIVE_END.search(phrase):
        return [], at  # "các đơn vị sự nghiệp có | tổ chức sản xuất ...": the verb is the name's own clause
    return _split_units(phrase), end


# Heads that are also common words ("Tổ chức tập huấn", "Báo cáo kết quả", "Cơ quan chủ trì:"):
# they name a unit only when a name follows (a capital, a list, or a few fixed words).
# An obligation, a past event or a definition, not a duty given: "Cơ sở kinh doanh phải ...",
# "... đã chủ trì", "Bộ phận điều phối là bộ phận ...", "Đoàn Hội thẩm bao gồm ...", "Cục có tư cách pháp nhân"
_MODAL = re.compile(r"\s(?:phải|không|chưa|đã|được\s+quyền|có\s+quyền|là|bao\s+gồm|gồm\s+có|có\s+tư\s+cách|có\s+chức\s+năng)(?![\wÀ-ỹ])")
_PLURAL_END = re.compile(r"(?:các|Các)\s+(?:Bộ|Sở|sở|bộ|cơ\s+quan|đơn\s+vị|Ban|Ủy\s+ban|tỉnh|tỉnh,\s*thành\s+phố|thành\s+phố|huyện)\s*$")
# verbs that never stand inside a unit's name, unless a relative clause holds them ("Trưởng Ban
# Chỉ đạo ... quyết định cụ thể những chủ trương ... và chịu trách nhiệm": a clause, not a unit)
_PREDICATE = re.compile(r"(?<!được)(?<!có)(?<!do)\s(?:quyết\s+định|cung\s+cấp|xem\s+xét)\s(?!của)")
# the lower-case words of a unit's name other than "các", "và" ("Sở Văn hóa, Thể thao" has none)
_LOWER_WORD = re.compile(r"(?<![\wÀ-ỹ])(?!các\b|và\b)[a-zđà-ỹ][\wÀ-ỹ]*")
_PLACE_END = re.compile(r"các\s+(?:tỉnh|thành\s+phố|huyện)(?:,\s*(?:thành\s+phố|thị\s+xã))*\s*$", re.I)
_GENERIC_HEADS = {"thuế", "tổ chức", "báo", "cơ quan", "đơn vị", "cơ sở", "cá nhân", "doanh nghiệp", "thường trực", "đại biểu", "vụ", "ban", "hội", "đoàn", "trường", "bảo hiểm", "lập"}
_GENERIC_NEXT = re.compile(r"\s*(?:,|và\s+(?:[A-ZĐÀ-Ỹ]|(?:các\s+)?(?:cá\s+nhân|tổ\s+chức|đơn\s+vị|cơ\s+quan|doanh\s+nghiệp|hộ\s+gia\s+đình|người|địa\s+phương|phát\s+thanh))|cá\s+nhân|có\s+liên\s+quan|liên\s+quan|thông\s+tấn|nhà\s+nước|chủ\s+quản|trực\s+thuộc|được\s+giao|được\s+phân\s+công|hoạt\s+động|nhận|sử\s+dụng|giáo\s+dục|nuôi|kinh\s+doanh|y\s+tế|khác|tỉnh|thành\s+phố|khu\s+vực|cơ\s+sở)")


_NEXT_CHAR = re.compile(r"\s*(\S)")


# Heads that are common words unless a proper name follows: "Phòng Quản lý Thương mại" (not
# "Phòng, chống thiên tai"), "Công ty Điện lực", "Công ty cổ phần ..." (not "Công ty đã ...")
_NAME_ONLY_HEADS = {"phòng": None, "viện": None, "công ty": re.compile(r"\s*(?:cổ\s+phần|trách\s+nhiệm\s+hữu\s+hạn|nhà\s+nước)")}


def _named(flat: str, head: re.Match) -> bool:
    key = head.group().lower()
    if key in _NAME_ONLY_HEADS:
        following = _NEXT_CHAR.match(flat, head.end())
        form = _NAME_ONLY_HEADS[key]
        return bool(following and following.group(1).isupper()) or bool(form and form.match(flat, head.end()))
    if key not in _GENERIC_HEADS:
        return True
    following = _NEXT_CHAR.match(flat, head.end())
    if following and following.group(1).isupper():
        return True  # "Tổ chức Hội" ("[A-ZĐÀ-Ỹ]" would take "đ" and most small letters with marks too)
    return bool(_GENERIC_NEXT.match(flat, head.end()))




# a unit named by a head and a capitalised name ("Đài Phát thanh và Truyền hình", "Sở Tư pháp")
_PROPER_NAME = re.compile(r"(?:Sở|Bộ|Ban|Cục|Đài|Báo|Trung\s+tâm|Văn\s+phòng|Công\s+an|Ủy\s+ban|Uỷ\s+ban|Viện|Hội|Liên\s+đoàn|Tòa\s+án|Thanh\s+tra|Kho\s+bạc|Ngân\s+hàng|Bảo\s+hiểm|Tổng\s+cục|Chi\s+cục)\s+[A-ZĐÀ-Ỹ]")
# a lower-case noun that only widens a list: "..., cá nhân có liên quan", "..., đơn vị liên quan"
_GENERIC_TAIL = re.compile(r"(?:có\s+)?liên\s+quan|khác$|trực\s+thuộc|trên\s+địa\s+bàn")


_PLURAL_CAPITAL = re.compile(r"(?:các|những)\s+(?=[A-ZĐÀ-Ỹ])")


def _split_at_heads(phrase: str) -> list[str]:
    """A list of units cut where another unit's head starts (after ";", "," or "và"): "Sở
    Khoa học và Công nghệ" and "Sở Văn hóa, Thể thao và Du lịch" stay whole."""
    p = _patterns()
    phrase = collapse(phrase).strip(" ,;:.-")
    parts = [x for x in re.split(r"\s*;\s*", phrase) if x]
    units: list[str] = []
    for part in parts:
        pieces = re.split(r"(,\s*|\s+và\s+|\s+cùng\s+)(?=\S)", part)
        current = ""
        separator = ""
        for piece in pieces:
            if re.fullmatch(r",\s*|\s+và\s+|\s+cùng\s+", piece):
                separator = piece
                continue
            # after "và", a unit may start in lower case: "... các xã, phường và tổ chức, cá nhân có liên quan"
            capital = piece[:1].upper() + piece[1:] if "và" in separator else piece
            if p["title_after_comma"].match(piece):
                capital = piece[:1].upper() + piece[1:]  # "..., người đứng đầu tổ chức ...": a title starts a unit
            # a lower-case unit noun after a comma continues a list ("các sở, ban, ngành"), unless
            # it follows a proper name and has a name of its own ("Đài Phát thanh ..., cơ quan thông tấn báo chí")
            continues = piece[:1].islower() and _UNIT_NOUNS.match(piece) and "và" not in separator
            if continues and _PROPER_NAME.match(current) and len(piece.split()) >= 3 and not _GENERIC_TAIL.search(piece):
                continues, capital = False, piece[:1].upper() + piece[1:]
            # "..., các Chủ đầu tư, các Cơ quan chủ trì Dự án": a capitalised head after "các" starts a unit
            plural = _PLURAL_CAPITAL.match(piece)
            if current and (p["head"].match(capital) or (plural and p["head"].match(piece, plural.end()))) and not continues:
                units.append(current)
                current = piece
            else:
                joiner = (" và " if "và" in separator else ", ") if current else ""  # as printed
                current = f"{current}{joiner}{piece}" if current else piece
        if current:
            units.append(current)
    return units


def _split_units(phrase: str) -> list[str]:
    """ "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính và các tổ chức liên quan" gives three
    units. A comma or "và" splits only before another unit's head: "Sở Văn hóa, Thể thao và Du
    lịch" and "các sở, ban, ngành" stay whole."""
    p = _patterns()
    units = _share_modifiers(_split_at_heads(phrase))
    expanded = []
    for unit in units:
        m = _TITLE_LIST.match(unit)
        if m:
            names = _listed_names(m.group("names"))
            title = (m.group("title") + " " if m.group("title") else "") + m.group("kind").capitalize()
            expanded.extend(f"{title} {n.strip()}" for n in names)
        else:
            expanded.append(unit)
    units = expanded
    cleaned = []
    for unit in units:
        if "*" in unit:
            unit = collapse(unit.replace("*", " "))  # Markdown emphasis split across a heading's lines
        unit = re.sub(r"^(?:đồng\s+chí|ông|bà)\s+", "", unit.strip(" ,.;:-"), flags=re.I)
        plural = _PLURAL_CAPITAL.match(unit)  # "các Chủ đầu tư"
        if unit and (p["head"].match(unit[:1].upper() + unit[1:]) or (plural and p["head"].match(unit, plural.end()))) and len(unit.split()) <= 20:
            cleaned.append(unit[:1].upper() + unit[1:] if unit.startswith("các ") is False else unit)
    return cleaned


@lru_cache(maxsize=None)
def _member_head() -> re.Pattern:
    """A post or member that takes the name of the body after it ("Giám đốc", "Tổ đại biểu")."""
    heads = _table()["shared_modifier_heads"]
    return re.compile(rf"(?:các\s+|Các\s+)?(?:{_alt(heads, ignore_case=True)})(?![\wÀ-ỹ])", re.I)


# "Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa"
_PLACE_LIST = re.compile(r"^(?P<title>.+?)\s+(?:các|Các)\s+(?P<kind>tỉnh,\s*thành\s+phố|tỉnh|thành\s+phố|huyện|xã)\s*:\s*(?P<names>.+)$")


def _share_modifiers(units: list[str]) -> list[str]:
    """Posts that share the name after the last of them, as offices write them:
    "các Tổ đại biểu, đại biểu HĐND Thành phố" (two units of the HĐND), "Giám đốc, Phó Giám
    đốc Sở X", and "Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh: A, B" (one unit per post and
    province: "Bí thư Tỉnh ủy A", "Chủ tịch UBND tỉnh A", ...)."""
    member = _member_head()
    out: list[str] = []
    for unit in units:
        # "các Tổ đại biểu, đại biểu Hội đồng nhân dân Thành phố": one unit as split
        bare = member.fullmatch(unit.split(",")[0].strip()) if "," in unit else None
        if bare:
            tail = unit.split(",", 1)[1].strip()
            second = member.match(tail)
            if second and second.end() < len(tail):
                modifier = tail[second.end() :].strip()
                out.extend([f"{unit.split(',')[0].strip()} {modifier}", tail])
                continue
        out.append(unit)
    # "Giám đốc, Phó Giám đốc Sở X": a bare post before its deputy's takes the body's name (not
    # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": two posts of two bodies)
    for i in range(len(out) - 2, -1, -1):
        if member.fullmatch(out[i]):
            nxt = member.match(out[i + 1])
            own = re.sub(r"^(?:các\s+|phó\s+)+", "", out[i], flags=re.I).lower()
            other = re.sub(r"^(?:các\s+|phó\s+)+", "", nxt.group() if nxt else "", flags=re.I).lower()
            if nxt and nxt.end() < len(out[i + 1]) and own == other:
                out[i] = f"{out[i]} {out[i + 1][nxt.end():].strip()}"
    # "Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: A, B": the posts before the list share it
    if out:
        m = _PLACE_LIST.match(out[-1])
        if m:
            posts = []
            i = len(out) - 1
            while i > 0 and member.match(out[i - 1]) and ":" not in out[i - 1]:
                i -= 1
            posts = out[i:-1] + [m.group("title")]
            kind = collapse(m.group("kind")).lower()
            names = [n.strip(" .;") for n in re.split(r",\s*|\s+và\s+", m.group("names")) if n.strip(" .;")]
            if names and all(n[:1].isupper() and len(n.split()) <= 4 for n in names):
                shared = []
                for name in names:
                    for post in posts:
                        # "Bí thư Tỉnh ủy Gia Lai"; "Chủ tịch UBND tỉnh Gia Lai" (no kind for "tỉnh, thành phố")
                        place = name if post.lower().endswith(("ủy", "uỷ")) or "," in kind else f"{kind} {name}"
                        shared.append(f"{post} {place}")
                out = out[:i] + shared
    return out


def _listed_names(names: str) -> list[str]:
    """The names of "các Sở: Tài chính, Lao động - Thương binh và Xã hội, Văn hóa, Thể thao và
    Du lịch": cut at each comma and "và", except inside a department's name that holds them
    (the names of the Sở and Bộ in ``issuers.json``)."""
    parts = re.split(r"(,\s*|\s+và\s+)", names.strip(" .;"))
    words, joints = parts[0::2], parts[1::2]

    def joined(i: int, j: int) -> str:  # words i..j with the separators between them
        return "".join(w + sep for w, sep in zip(words[i:j], joints[i:j])) + words[j]

    known = _compound_departments()
    out, i = [], 0
    while i < len(words):
        j = next((j for j in range(min(len(words) - 1, i + 3), i, -1) if _department_key(joined(i, j)) in known), i)
        if joined(i, j).strip():
            out.append(joined(i, j).strip())
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _compound_departments() -> frozenset[str]:
    """The names after "Sở"/"Bộ" that hold a comma or "và" ("Kế hoạch và Đầu tư"), as keys."""
    names = [v["name"].split(" ", 1)[1] for v in load_table("issuers.json")["codes"].values() if v["name"].startswith(("Sở ", "Bộ "))]
    return frozenset(_department_key(n) for n in names if "," in n or " và " in n)


def _department_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


# "Giám đốc các Sở: Tài chính, Xây dựng" is the director of each Sở named
_TITLE_LIST = re.compile(r"^(?P<title>.*?)\s*(?:các|Các)\s+(?P<kind>Sở|Bộ|sở|bộ)\s*:\s*(?P<names>.+)$")


def _is_group(unit: str) -> bool:
    return bool(_patterns()["group"].search(unit))


def _coordinators(text: str) -> list[str]:
    m = _coord_pattern().search(text)
    if not m:
        return []
    who = _split_at_heads(m.group("who"))  # "Sở Khoa học và Công nghệ" is one unit, not two
    return [collapse(w).strip(" ,.;") for w in who if len(w.split()) >= 2 or w[:1].isupper()][:8]


def _action(rest: str) -> str:
    text = collapse(rest).strip(" :;,.-*")  # "*": Markdown emphasis left around the end of a sentence
    text = re.sub(r"\s*\./?[\s*]*$", "", text)
    return text[:400]
