"""Duties read from running text, sentence by sentence: what the items' duties left.

The closing article ("Chánh Văn phòng ..., Giám đốc các Sở ... chịu trách nhiệm thi hành Quyết
định này"), a lead cue and its units ("Giao Bộ X ...", "(3) Đề nghị Ủy ban Y ...", one clause per
lead), a unit right before a cue ("..., Sở Văn hóa và Thể thao chủ trì triển khai ..."), and the
subject of "có trách nhiệm" in a legal text (``legal_subjects``). An event a report tells ("Ngày
12/11/2024, tại trụ sở UBND tỉnh, ... chủ trì cuộc họp") gives none.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..items import Item, own_end, subtree_end
from ..normalize import collapse, fold
from ..tables import phrase_alternation
from .context import ASSIGNING_TYPES, WEAK_CUE, Context, sentences
from .from_items import _SUMS_UP, ASIDE, HONORIFIC as _HONORIFIC, closing_is_an_object, next_subject, starts_with_unit
from .legal_subjects import responsible_subject, without_scope
from .task import NOT_DUTY, ONLY_REPEATS, Task, action_text, tasks_for
from .set_apart import set_apart
from .scoped_heading import heading_field
from .lead_ins import GROUND
from .own_clause import clause_end, next_clauses
from .givers import named_giver
from .units import MODAL, PARENTHESIS, is_verb_list, name_before_verb, past_parenthesis, split_units, units_at
from .vocabulary import CLAUSE_WORD, GRAMMAR, is_group, names_unit, patterns
from ..task_kinds import LEGAL_TYPES


def sentence_tasks(doc: Context, item_tasks: list[Task]) -> list[Task]:
    """The duties of the sentences that the items' duties (``item_tasks``) did not read; a
    closing article inside an item still counts, and an event a report tells gives none."""
    flat, text, start, end = doc.flat, doc.text, doc.start, doc.end
    # found once, not per sentence (from the start of the line the body starts in)
    events = event_openings(text, text.rfind("\n", 0, start) + 1, end, doc.issued_date)
    covered = sorted((t.start, t.end) for t in item_tasks)
    covered_starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))  # the furthest end of the spans so far
    tasks: list[Task] = []
    for sentence_start, sentence_end in sentences(flat, start, end, text, doc.cuts):
        i = bisect_right(covered_starts, sentence_start)
        inside = i > 0 and reach[i - 1] > sentence_start
        if inside and not doc.closings.first(sentence_start, sentence_end):
            if reach[i - 1] >= sentence_end or not flat[reach[i - 1] : sentence_end].strip():
                continue  # already read with its item; a closing article after it still counts
            sentence_start = reach[i - 1]  # the item's duty ended inside it: a clause with its own subject follows
            while sentence_start < sentence_end and flat[sentence_start] in " ;":
                sentence_start += 1  # ("...; Thủ trưởng các cơ quan chỉ đạo ...": past the ";" that ended it)
        k = bisect_left(events, text.rfind("\n", 0, sentence_start) + 1) if events else 0
        if events and k < len(events) and events[k] < sentence_end:
            # "Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch ... chủ trì cuộc họp": what took place
            if events[k] <= sentence_start:
                continue
            sentence_end = events[k]
        tasks.extend(in_sentence(doc, sentence_start, sentence_end))
    # (named above: as a unit, or inside a group's name, "Các sở, ban, ngành, tổ chức chính trị - xã
    # hội" names "các sở, ban, ngành")
    named = [t.assignee for t in item_tasks + tasks if not t.closing]
    return [t for t in tasks if not (t.closing and named_above(t.assignee, named))]


# a post before the body it heads ("Thủ trưởng các sở", "Chủ tịch UBND các xã"): the closing names
# the post, the duties above the body, or the other way round
_POST = re.compile(r"^(?:thu\s+truong|giam\s+doc|chu\s+tich|nguoi\s+dung\s+dau|lanh\s+dao|truong)\s+")
_LEVELS = ("tinh", "huyen", "xa", "phuong", "thanh pho", "thi xa", "thi tran")
_TWO_WORDS = ("co quan", "don vi", "dia phuong", "doan the", "to chuc", "phong ban", "ban nganh")


def _body_kind(name: str) -> str:
    """The kind of body a name opens with, past its post and "các": "Thủ trưởng các Sở, ban,
    ngành tỉnh" and "các sở, ngành" are "so"; "Chủ tịch UBND các huyện, thị xã" and "Ủy ban nhân
    dân cấp huyện" are "ubnd huyen"; "các cơ quan, đơn vị liên quan" is "co quan"."""
    folded = " ".join(fold(name).lower().replace(",", " , ").split())
    folded = _POST.sub("", folded)
    folded = re.sub(r"^(?:cac|nhung)\s+", "", folded)
    folded = re.sub(r"^(?:uy\s+ban\s+nhan\s+dan|ubnd)\s+", "ubnd ", folded)
    if folded.startswith("ubnd "):
        rest = re.sub(r"^(?:cac\s+|cap\s+)*", "", folded[5:])
        return "ubnd " + next((lv for lv in _LEVELS if rest.startswith(lv)), rest.split(" ", 1)[0] if rest else "")
    if re.match(r"(?:ban\s*,|nganh\b)", folded):
        return "so"  # "Ban, ngành, đoàn thể" left of "Thủ trưởng các Sở, Ban, ngành, ...": the same collective
    two = next((w for w in _TWO_WORDS if folded.startswith(w)), None)
    return two or folded.split(" ", 1)[0]


def named_above(unit: str, named: list[str]) -> bool:
    """Whether the unit a closing request names was given a duty above: the same name (or a name
    it opens), or, for a group ("Thủ trưởng các sở, ban, ngành"), a group of the same kind of body
    ("các sở, ngành", "Giám đốc các Sở"), and for one body a group of its kind named above. A
    named body of that kind ("Sở Tài chính") is not the group: the closing asks the others too."""
    folded = unit.casefold()
    if any(n.casefold().startswith(folded) for n in named):
        return True
    if not is_group(unit):
        bare = _POST.sub("", " ".join(fold(unit).lower().split()))
        if any(" ".join(fold(n).lower().split()) in (bare, _POST.sub("", bare)) for n in named):
            return True
    kind = _body_kind(unit)  # (a body of a group named above is in it: "UBND huyện X", "UBND các huyện")
    # (a name the grammar left whole over two posts, "Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch
    # UBND cấp huyện", counts for each)
    pieces = [p for n in named for p in re.split(r"[,;]\s*(?=(?:Thủ\s+trưởng|Giám\s+đốc|Ch[ủú]\s+tịch|Người\s+đứng\s+đầu)\s)", n)]
    # (a group picked out by what it was given, "Các cơ quan được phân công chủ trì ...", is not the
    # kind; "các cơ quan, đơn vị có liên quan" are those the text concerns, not "các cơ quan, đơn vị ở
    # địa phương" given a duty above: only a group "liên quan" too is them)
    related = bool(_RELATED.search(unit))
    return any(
        is_group(n) and " được " not in n and _body_kind(n) == kind and (not related or _RELATED.search(n))
        for n in pieces
    )


_RELATED = re.compile(r"(?<![\wÀ-ỹ])liên\s+quan(?![\wÀ-ỹ])")


# A thông báo kết luận or a report opens with the event it tells: the day (its year given), then
# the place ("Ngày 12/11/2024, tại trụ sở UBND tỉnh, ... chủ trì cuộc họp ..."). What took place
# gives no duty.
_EVENT_DAY = re.compile(r"[Nn]gày\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s+tại\s")
# (or the day alone, with a comma, when it is not after the document's own date: "Ngày 03/01/2025,
# Phó Chủ tịch UBND tỉnh chủ trì họp ..." tells what took place; a later day opening a sentence,
# "Ngày 20/12/2025, các sở gửi báo cáo ...", may set a duty's day)
_PAST_DAY = re.compile(r"[Nn]gày\s+(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))\s*,\s")
_EVENT_LINE_START = re.compile(r"[ \t*]*(?:(?:Vào|Sáng|Chiều|Tối)\s+)?")  # what may stand before the day on its line


def event_openings(text: str, start: int, end: int, issued_date: str | None = None) -> list[int]:
    """Where the lines that open with an event's day and place start ("Ngày 12/11/2024, tại ..."),
    or with a day not after ``issued_date``: the day found by a literal search, then its line's
    start checked (a pattern anchored at every line start is tried at every position)."""
    found = []
    at = text.find("gày ", start + 1, end)
    while at >= 0:  # (a literal search, then the pattern where it stands: fastest on long texts)
        m = _EVENT_DAY.match(text, at - 1, end) or _past_day(text, at - 1, end, issued_date)
        if m:
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _EVENT_LINE_START.fullmatch(text, line_start, m.start()):
                found.append(line_start)
        at = text.find("gày ", at + 4, end)
    return found


def _past_day(text: str, at: int, end: int, issued_date: str | None) -> re.Match | None:
    m = _PAST_DAY.match(text, at, end) if issued_date else None
    if not m:
        return None
    d, mo, y = (int(m.group(k) or m.group(k + "2")) for k in ("d", "m", "y"))
    return m if 1 <= d <= 31 and 1 <= mo <= 12 and f"{y:04d}-{mo:02d}-{d:02d}" <= issued_date else None


# a lead-in whose duties are the items after it: "... thực hiện ngay các nhiệm vụ, giải pháp sau"
_PROMISE = rf"(?:các|những|một\s+s[ốô])\s+(?:{phrase_alternation(GRAMMAR['introduced_nouns'])})(?:[\s,]+[^\s.;]+){{0,6}}?\s+(?:như\s+)?sau(?:\s+đây)?"
_INTRODUCES = re.compile(_PROMISE + "$")
# a request whose colon opens what is to be done, with no promise of items: "đề nghị Ủy ban nhân dân
# các tỉnh, thành phố chỉ đạo đơn vị chức năng tập trung, khẩn trương thực hiện:" then "(1) ...",
# "(2) ..." (on a scan, often past a page's footnotes): the items that name no unit are its duty
_CARRY_OUT = re.compile(r"(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|các\s+nội\s+dung)$")
# the same promise ending a request's clause on its colon: "đề nghị UBND các tỉnh một số nội dung sau:"
_PROMISED = re.compile(r"\s" + _PROMISE + r"\s*:\s*$")


def in_sentence(doc: Context, s: int, e: int) -> list[Task]:
    """Duties inside running text between ``s`` and ``e``: the closing article, "Giao X ...", "X chủ trì ..."."""
    section = doc.section_at(s)
    closing = doc.closings.first(s, e)
    if closing and closing.group("cue").startswith("to") and closing_is_an_object(doc.flat, s, closing.start()):
        closing = None  # "Giao UBND tỉnh xây dựng kế hoạch và tổ chức thực hiện Nghị quyết này": a duty, read below
    if closing:
        return _closing_article(doc, s, e, closing, section)
    clauses = _lead_clauses(doc.flat, s, e, doc.doc_type)
    found = _asked(doc, s, e, clauses, section)
    if any(lead for _, lead in clauses) and doc.doc_type not in LEGAL_TYPES:
        # a request, then "; Bộ X hướng dẫn ...": the clause's own unit and duty
        for i, (at, lead) in enumerate(clauses[1:], 1):
            if lead is None:
                found += subject_duty(doc, at, clauses[i + 1][0] if i + 1 < len(clauses) else e, section)
    if clauses[0][1]:
        return found
    found += _before_cues(doc, s, e, section)
    if found and doc.doc_type not in LEGAL_TYPES:
        found += _parallel_clauses(doc, s, e, section, found)
    if not found and (doc.doc_type in ASSIGNING_TYPES or doc.doc_type not in LEGAL_TYPES and bare_request(doc, s) or doc.doc_type == "CV" and (_chained(doc, s, e) or _addressed_group(doc, s, e))):
        found = subject_duty(doc, s, e, section)
    return found


def _parallel_clauses(doc: Context, s: int, e: int, section: str | None, found: list[Task]) -> list[Task]:
    """The later clauses of a sentence that gives a duty, each with a unit and a duty verb of its
    own after ";" ("UBND các phường, xã có trách nhiệm chỉ đạo ...; Thủ trưởng các cơ quan, đơn vị
    chỉ đạo, kiểm tra ..."): the same sentence assigns each its part (``own_clause``)."""
    named = {t.assignee.casefold() for t in found}
    tasks = []
    for at, units, after, stop in next_clauses(doc.flat, s, e):
        if not units or any(u.casefold() in named for u in units) or _ASKING.search(doc.flat, at, after):
            continue  # (read already by its cue; "...; Bộ trưởng yêu cầu Giám đốc ...": a request, read as one)
        rest = doc.flat[after:stop]
        action = action_text(rest)
        if action and not ONLY_REPEATS.match(action) and not NOT_DUTY.search(action[:80]):
            tasks.extend(tasks_for(units, action, rest, doc.issued_date, section, at, stop))
    return tasks


def _chained(doc: Context, s: int, e: int) -> bool:
    """A later sentence of an item that opens with the ground it builds on, then a unit of its
    own and a duty verb: "1. Các Bộ ... gửi kết quả về Bộ Tư pháp trước ngày 30/4. Trên cơ sở đó,
    Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính phủ ...". A công văn chains the duties of one
    item so (each unit's step on the last one's result); the item's own duty ends before it
    (``from_items.next_subject``), and the unit it names is given the step."""
    i = bisect_right(doc.starts, s) - 1
    if i < 0 or not doc.items[i].text_start < s < doc.items[i].end or not doc.flat[doc.items[i].text_start : s].strip():
        return False  # not inside an item, or its first sentence
    ground = _BUILDS_ON.match(doc.flat, s, e) and GROUND.match(doc.flat, s, e)
    if not ground:
        return False
    units, after = units_at(doc.flat, ground.end(), e, tag=False)
    return bool(units) and not _NOT_ASKED.match(doc.flat, after) and bool(patterns()["cue"].match(doc.flat, after))


def _addressed_group(doc: Context, s: int, e: int) -> bool:
    """A công văn's sentence that opens with the bodies it writes to, as a group, and a duty
    verb: "Các cơ quan, đơn vị, địa phương xây dựng Báo cáo tự đánh giá ...", "Các Bộ, cơ quan
    trung ương và Ủy ban nhân dân cấp tỉnh đề xuất ...". A letter that guides its addressees
    gives each step so, with no cue word before the group (its "Kính gửi" named them)."""
    at = _CLAUSE_OPENING.match(doc.flat, s, e).end()
    if not _PLURAL_OPENING.match(doc.flat, at, e):
        return False
    units, after = units_at(doc.flat, at, e, tag=False)
    return bool(units) and any(is_group(u) for u in units) and bool(patterns()["cue"].match(doc.flat, past_parenthesis(doc.flat, after, e)))


_PLURAL_OPENING = re.compile(r"Các\s")


# the ground of a step that builds on the one before: "Trên cơ sở đó / báo cáo của ...", "Căn cứ kết
# quả ...", "Sau khi ..." (not an aim, "Để triển khai Luật này, Bộ Nội vụ được giao ...": a report)
_BUILDS_ON = re.compile(r"[\s*]*(?:Trên\s+cơ\s+sở|Căn\s+cứ|Sau\s+khi)\s")
_NOT_ASKED = re.compile(r"\s*(?:được|đã|đang|sẽ)\s")  # what was given or done, not asked


# A request that names no unit, its items naming theirs: "b) Để làm tốt các nhiệm vụ sắp tới, đề
# nghị:" then "(i) Tập đoàn X báo cáo ...", "(ii) Chủ đầu tư phối hợp ..." (a thông báo kết
# luận's, a công văn's). The cue ends its sentence with a colon, the items are marked "(i)",
# "(1)", "(a)" (Nghị định 30/2020's marks inside an item) and open each with a unit and its verb.
# (not the noun: "đáp ứng các yêu cầu:", "Nội dung đề nghị:", "người đề nghị:")
_BARE_REQUEST = re.compile(r"(?<![\wÀ-ỹ])(?<!các\s)(?<!những\s)(?<!số\s)(?<!ứng\s)(?<!theo\s)(?<!của\s)(?<!dung\s)(?<!người\s)(?<!sách\s)(?<!đơn\s)(?<!bàn\s)(?<!chuyển\s)"
                           r"(?P<cue>đề\s+nghị|yêu\s+cầu|giao)(?:\s+như\s+sau)?\s*:", re.I)
_PAREN_MARK = re.compile(r"\s*\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\)\s")


def bare_request(doc: Context, s: int) -> str | None:
    """The cue ("đề nghị", "yêu cầu", "giao") of a request naming no unit whose "(i)", "(ii)" ...
    items run on to the sentence at ``s`` (itself such an item), or None."""
    flat = doc.flat
    if not _PAREN_MARK.match(flat, s):
        return None
    i = bisect_right(doc.starts, s) - 1  # (no item of the body between the request and its items)
    floor = max(doc.start, s - 4000, doc.items[i].text_start if i >= 0 else 0)
    lead = None
    for lead in _BARE_REQUEST.finditer(flat, floor, s):
        pass
    if lead is None or not _PAREN_MARK.match(flat, lead.end()):
        return None
    return collapse(lead.group("cue")).lower()


# The texts that assign work (a chỉ thị, a công điện, a kế hoạch): in them a sentence whose
# subject is a unit and whose verb is a duty verb gives that unit the duty, whatever the verb
# ("Văn phòng Chính phủ theo dõi, đôn đốc ...", "Ủy ban nhân dân các tỉnh: A, B khẩn trương gửi
# báo cáo ..."); a legal text's such sentence states what a body does, not what it is told to do.
# A kế hoạch gives its duties in its part of assignments only ("Tổ chức thực hiện", "Phân công
# nhiệm vụ", "Trách nhiệm ..."); its aims, contents and targets are written with the same verbs.
_ASSIGNING_PART = re.compile(r"to\s+chuc\s+thuc\s+hien|phan\s+cong|trach\s+nhiem")
# a plan's part of tasks and solutions, by its title: "II. NHIỆM VỤ, GIẢI PHÁP", "Nhiệm vụ và giải
# pháp chủ yếu", "III. CÁC NHIỆM VỤ TRỌNG TÂM" (its duties name their units as the part of
# assignments does: "Sở Y tế hoàn thành ...", "ngành Thuế phối hợp ...")
_TASKS_PART = re.compile(r"[\s*]*(?:[ivx]+|\d{1,2})?[.)]?[\s*]*(?:cac\s+)?(?:nhiem\s+vu|giai\s+phap)(?![a-z])(?:[\s,]+(?:va\s+)?(?:cac\s+)?(?:nhiem\s+vu|giai\s+phap|chu\s+yeu|trong\s+tam|cu\s+the|thuc\s+hien))*[\s*:.]*")
# the issuer's own act of issuing: "Ủy ban nhân dân tỉnh ban hành Kế hoạch ... như sau:"
# an item's title on its own paragraph (a blank line: two spaces or more in the flattened text)
_TITLE_PARAGRAPH = re.compile(r"[^.;:]{2,120}?[^\s.;:,]\s{2,}(?=[A-ZĐÀ-Ỹ])")
_ISSUES_THIS = re.compile(rf"ban\s+hành\s+(?:{phrase_alternation(GRAMMAR['this_document_types'])})(?![\wÀ-ỹ])")
# a member's role on a board, not a duty: "Ban Chỉ đạo do một Phó Chủ tịch ... làm Trưởng ban"
_ROLE = re.compile(r"làm\s+(?:Phó\s+|phó\s+)?(?:Trưởng|trưởng|Tổ\s+trưởng|tổ\s+trưởng|Chủ\s+tịch|thành\s+viên|Thành\s+viên|ủy\s+viên|Ủy\s+viên|thư\s+ký|Thư\s+ký)(?![\wÀ-ỹ])")
_ITEM_MARK_INSIDE = re.compile(r"\s(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.)\s")
_BARE_GENERIC = re.compile(r"(?:[Cc]ác\s+)?(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|Cơ\s+quan|Đơn\s+vị|Tổ\s+chức)")
# "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành ...": the units asked, not the one asking
_ASKING = re.compile(r"\s(?:yêu\s+cầu|đề\s+nghị|giao)\s+")


def subject_duty(doc: Context, s: int, e: int, section: str | None) -> list[Task]:
    """The duty of the units that open the sentence between ``s`` and ``e``, its verb one of the
    duty verbs (``tasks.json`` 'duty_cues'), in a text that assigns work. A sentence that ends
    on its cue and a colon ("Ban Chỉ đạo có trách nhiệm:") takes the items after it that name
    no unit of their own as its duty ("d) Giao Trưởng Ban ..." is read on its own)."""
    flat = doc.flat
    request = bare_request(doc, s)  # "đề nghị:" then "(i) Tập đoàn X báo cáo ...": a request, wherever it stands
    if doc.doc_type == "KH" and not request and not _in_assigning_part(doc, s):
        return []
    if doc.doc_type == "TB" and not request and not _after_conclusion(doc, s):
        return []  # a thông báo's account of the meeting (who attended, what was done) gives no duty
    at = _CLAUSE_OPENING.match(flat, s, e).end()
    titled = None if patterns()["head"].match(flat, at, e) else _TITLE_PARAGRAPH.match(flat, at, e)
    if titled and patterns()["head"].match(flat, titled.end(), e):
        at = titled.end()  # "2. Phát triển hạ tầng số\n\nSở Khoa học và Công nghệ hoàn thành ...": past the item's title
    honorific = _HONORIFIC.match(flat, at, e)
    if honorific:
        at = honorific.end()  # "1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ ...": the posts are the units
    topic = _TOPIC.match(flat, at, e)
    if topic:
        at = topic.end()  # "2. Về đề nghị Bộ Nội vụ ...: Bộ Nội vụ nghiên cứu ...": the conclusion after the topic
    apart = set_apart(flat, at, e)
    if apart:
        # "(6) UBND tỉnh X theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo ...", "Bộ Tài chính, trên
        # cơ sở đề xuất của ..., chủ trì ...": the unit, then the frame it acts in, then its verb
        return _duty_of(doc, s, e, apart[0], apart[1], section, request)
    units, after = units_at(flat, at, e, tag=False)
    # "Ủy ban nhân dân Thành phố phải tập trung thực hiện ...": in a text that assigns work
    # "phải" / "cần" after a unit is the duty's, not a general obligation
    modal = _MUST.match(flat, after, e) if units else _MUST.search(flat, at, min(e, at + 200))
    if modal and not units:
        units, after = units_at(flat, at, modal.start(), tag=False)
    if modal and units and not flat[after : modal.start()].strip():
        after = modal.end()
    # "Các bộ, ngành | trên cơ sở nhiệm vụ được giao ..., | hoàn thiện ...": a scope between the subject and its verb
    scope = _SCOPE_AFTER_NAME.match(flat, past_parenthesis(flat, after, e), e) if units else None
    scoped = bool(scope and patterns()["cue"].match(flat, scope.end()))
    own = _OWN_SCOPE.search(flat, at, min(e, at + 300)) if not scoped else None
    if own and (not units or own.start() < after):
        # "Chủ đầu tư, trong phạm vi, trách nhiệm của mình, nỗ lực, đẩy nhanh ...": the scope set
        # off by commas ends the subject, and the predicate follows it, whatever its verb
        named, named_end = units_at(flat, at, own.start(), tag=False)
        if named and not flat[named_end : own.start()].strip():
            units, after, scoped = named, own.start() + 1, True
    if not scoped and (not units or not patterns()["cue"].match(flat, past_parenthesis(flat, after, e))):
        # "Đài Truyền hình Việt Nam, ..., các đài ... ở địa phương dành thời lượng ...": a verb
        # the grammar does not list, after a name that is whole
        return _subject_with_any_verb(doc, s, e, at, section)
    asking = _ASKING.search(flat, at, after)
    if asking:
        units, after = units_at(flat, asking.end(), e, tag=False)
        if not units:
            return []
    after = past_parenthesis(flat, after, e)
    if not (scoped and not asking) and not patterns()["cue"].match(flat, after) or _NARRATED.search(flat[at:after]) or _ONGOING.search(flat, at, after):
        return []
    rest = flat[after:e]
    if _ISSUES_THIS.match(rest.lstrip()) or _ROLE.match(rest.lstrip()):
        return []
    if _ITEM_MARK_INSIDE.search(flat, at, after):
        return []  # "Các doanh nghiệp công nghệ số a) Các doanh nghiệp viễn thông ...": a heading, then an item
    if len(units) == 1 and _BARE_GENERIC.fullmatch(units[0]):
        return []  # "Các cơ quan tuyên truyền, báo chí ...": the cue word is part of the name
    end = e
    bare = _BARE_CUE.fullmatch(rest.strip(" :"))
    if flat[s:e].rstrip().endswith(":") and (bare or _INTRODUCES.search(rest.strip(" :"))):
        # "Ban Chỉ đạo có trách nhiệm:", "Ủy ban nhân dân Thành phố phải tập trung thực hiện các
        # nhiệm vụ sau đây:": the items after it that name no unit are its duty
        items = _items_after(doc, e)
        if not items:
            return []
        rest = ("" if bare else rest.strip(" :") + ": ") + " ".join(flat[c.text_start : next_subject(flat, c.text_start, c.end)] for c in items)
        end = items[-1].end
        action = action_text(rest, items=True)
    else:
        action = action_text(rest)
    if not action or ONLY_REPEATS.match(action) or NOT_DUTY.search(action[:80]):
        return []
    if request == "đề nghị":
        action = "(đề nghị) " + action
    return tasks_for(units, action, rest, doc.issued_date, section, s, end)


def _duty_of(doc: Context, s: int, e: int, units: list[str], after: int, section: str | None, request: str | None) -> list[Task]:
    """The duty of ``units`` whose predicate starts at ``after`` (a frame set apart before its verb)."""
    rest = doc.flat[after:e]
    action = action_text(rest)
    if not action or ONLY_REPEATS.match(action) or NOT_DUTY.search(action[:80]) or _NARRATED.search(doc.flat[s:after]):
        return []
    if request == "đề nghị":
        action = "(đề nghị) " + action
    return tasks_for(units, action, rest, doc.issued_date, section, s, e)


def _subject_with_any_verb(doc: Context, s: int, e: int, at: int, section: str | None) -> list[Task]:
    """A sentence of a text that assigns work whose subject is a unit and whose verb is not in
    the grammar's list, where the name is whole before it (``units.name_before_verb``)."""
    flat = doc.flat
    head = patterns()["head"].match(flat, at, e) or _PRESS.match(flat, at, e)
    if not head or not head.group()[:1].isupper() or (head.re is not _PRESS and not names_unit(flat, head)):
        return []
    if _SUMS_UP.match(flat, at, e):
        return []  # "Bộ Tài chính thông báo để các cơ quan biết, thực hiện./.": the notice's own closing
    clause_end = min([m.start() for m in (_CLAUSE_END.search(flat, at, e),) if m] + [e])
    cut = name_before_verb(flat[at:clause_end], len(head.group()))
    if cut is None:
        return []
    phrase = flat[at : at + cut]
    if MODAL.search(phrase) or _NARRATED.search(phrase) or _ITEM_MARK_INSIDE.search(phrase) or CLAUSE_WORD.search(phrase):
        return []
    # "Đài Tiếng nói Việt Nam, các đài phát thanh ... ở địa phương": the press named one by one
    units = [u for part in re.split(r",\s*(?=các\s)", phrase) for u in (split_units(part) or ([part.strip()] if _PRESS.match(part) else []))]
    # (a firm's name holds its legal form and trade: "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi")
    if not units or any(len(u.split()) > (16 if _FIRM.match(u) else 12) for u in units):
        return []
    rest = flat[at + cut : e]
    action = action_text(rest)
    if len(action.split()) < 4 or ONLY_REPEATS.match(action) or NOT_DUTY.search(action[:80]) or _ISSUES_THIS.match(action):
        return []
    if MODAL.match(" " + action):
        return []  # "Chủ tịch UBND tỉnh | đã ban hành ...": what was done, not a duty
    return tasks_for(units, action, rest, doc.issued_date, section, s, e)


_CLAUSE_END = re.compile(r"[;:.(]")
_FIRM = re.compile(r"(?:Tổng\s+)?[Cc]ông\s+ty\s+(?:TNHH|CP|Cổ\s+phần|cổ\s+phần|MTV|TMCP)(?![\wÀ-ỹ])")
# the press as a subject ("Các báo của Trung ương ...", "các đài phát thanh ..."; not "các báo cáo")
_PRESS = re.compile(r"(?:Các|các)\s+(?:đài|báo)(?!\s+(?:cáo|chí\s+cáo))(?![\wÀ-ỹ])")


_BARE_CUE = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|(?:thực\s+hiện|có)\s+(?:các|những)\s+nhiệm\s+vụ(?:\s+sau(?:\s+đây)?)?", re.I)


# where a thông báo kết luận's conclusions start: "... kết luận như sau:", "chỉ đạo như sau:"
_CONCLUDES = re.compile(r"(?:kết\s+luận|chỉ\s+đạo|ý\s+kiến)[^\n.;:]{0,60}?(?:như\s+sau|sau\s+đây)\s*:", re.I)
_MUST = re.compile(r"\s*(?:cần|phải)\s+(?=[a-zđà-ỹ])")
_ONGOING = re.compile(r"\sđang\s")  # "các cơ quan đang tích cực triển khai ...": what is under way


def _after_conclusion(doc: Context, at: int) -> bool:
    """Whether ``at`` lies after the line that opens a thông báo's conclusions."""
    m = _CONCLUDES.search(doc.flat, doc.start, at)
    return m is not None


def _in_assigning_part(doc: Context, at: int) -> bool:
    """Whether ``at`` lies in an item whose title names the plan's part of assignments."""
    for item in doc.items:
        if item.start > at:
            break
        if at < subtree_end(item) and _ASSIGNING_PART.search(doc.folded, item.text_start, min(own_title_end(doc.text, item), item.text_start + 120)):
            return True
        if at < subtree_end(item) and item.children and _TASKS_PART.fullmatch(doc.folded, item.text_start, own_title_end(doc.text, item)):
            return True
    return False


def own_title_end(text: str, item: Item) -> int:
    """Where the first line of an item's text ends."""
    line_end = text.find("\n", item.text_start, item.end)
    return item.end if line_end < 0 else line_end


def _items_after(doc: Context, at: int) -> list[Item]:
    """The items right after ``at`` at one level (with theirs under them) that name no unit of
    their own: the duties a sentence ending "X có trách nhiệm:" announces."""
    i = bisect_left(doc.starts, at)
    if i >= len(doc.items) or doc.flat[at : doc.items[i].start].strip():
        return []
    level = doc.items[i].level
    run = []
    while i < len(doc.items) and doc.items[i].level >= level:
        item = doc.items[i]
        if item.level == level and not starts_with_unit(doc.flat, item, ground=True):
            run.append(item)
        i += 1
    return run


def _closing_article(doc: Context, s: int, e: int, closing: re.Match, section: str | None) -> list[Task]:
    """ "Chánh Văn phòng ..., Giám đốc các Sở ... chịu trách nhiệm thi hành Quyết định này": one
    task per unit named before the closing cue, the cue and the rest as its action."""
    flat = doc.flat
    p = patterns()
    subject_start = s
    m = re.match(r"\s*(?:Điều\s+\d+\s*\.?\s*)", flat[s:e])
    if m:
        subject_start += m.end()
    title = p["not_unit"].match(flat, subject_start)  # "Tổ chức thực hiện Chánh Văn phòng ...": a title, not "Tổ chức"
    if title or not p["head"].match(flat, subject_start):
        # "Điều 29. Trách nhiệm thi hành Các Bộ trưởng, ...": past the article's title
        past = title.end() if title else subject_start
        first = next((h for h in p["head"].finditer(flat, past, closing.start()) if h.group()[:1].isupper()), None)
        if first and first.start() - subject_start <= 60:
            subject_start = first.start()
    units = split_units(without_scope(flat[subject_start : closing.start()]))
    action = collapse(flat[closing.start() : e])
    next_item = _NEXT_ITEM.search(action)  # "... Thông tư này; b) Chỉ huy các tổ chức ...": the next item's
    action = action[: next_item.start()] if next_item else action
    action = action.rstrip("./ *;")
    return [Task(u, action, [], None, None, section, s, e, is_group(u)) for u in units]


_NEXT_ITEM = re.compile(r"[;.]\s*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})+\.?)\s")


def _lead_clauses(flat: str, s: int, e: int, doc_type: str | None = None) -> list[tuple[int, re.Match | None]]:
    """ "Giao Bộ X ...", "(3) Đề nghị Ủy ban Y ...", and the same after a ";" inside the sentence
    ("...; giao Bộ X làm chủ Chương trình"): where each clause starts, and its lead cue (the
    sentence's own start first, its cue None when it has none). ``doc_type``: a legal text's
    requests inside a clause are steps of a procedure; a công văn's issuer asks its addressees
    by its own name ("Bộ Nội vụ đề nghị các bộ, ...")."""
    legal = doc_type in LEGAL_TYPES
    p = patterns()
    sentence = flat[s:e]
    clauses = [(s, p["lead"].match(flat, s, e))]
    may = ";" in sentence or "(" in sentence or "**" in sentence or "  " in sentence or "đề nghị" in sentence or "yêu cầu" in sentence or "giao" in sentence or ": " in sentence or "chỉ thị" in sentence or "điện" in sentence  # (fastest test)
    clause_starts = sorted(set(_clause_starts(flat, s, e, doc_type))) if may else ()
    for at in clause_starts:
        lead = p["lead"].match(flat, at, e) or _ISSUER_ASKS.match(flat, at, e)
        if lead:
            clauses.append((at, lead))
        elif not legal and at > s and flat[at - 2 : at].strip() == ";" and _own_subject(flat, at, e) and _has_predicate(flat, clauses[-1], at):
            # "đề nghị các Tập đoàn ... tổ chức triển khai ..., hoàn thành trong tháng 12; Bộ Khoa
            # học và Công nghệ hướng dẫn ...": a clause with a unit and a verb of its own ends the
            # request; it is read on its own (``in_sentence``)
            clauses.append((at, None))
    return clauses


def _has_predicate(flat: str, clause: tuple[int, re.Match | None], at: int) -> bool:
    """Whether the clause before ``at`` (a lead's) has a verb of its own before it: "Yêu cầu Giám
    đốc các sở ...; Chủ tịch UBND các xã ... triển khai ..." lists its units over ";", no clause."""
    start, lead = clause
    if lead is None:
        return False
    units, after = units_at(flat, lead.end(), at, tag=False)
    return bool(units) and bool(flat[after : at].strip(" ;"))


def _own_subject(flat: str, at: int, e: int) -> bool:
    """Whether the clause at ``at`` opens with a unit's name and a duty verb."""
    if not flat[at : at + 1].isupper():
        return False
    units, after = units_at(flat, at, e, tag=False)
    return bool(units) and bool(patterns()["cue"].match(flat, past_parenthesis(flat, after, e)))


def _asked(doc: Context, s: int, e: int, clauses: list[tuple[int, re.Match | None]], section: str | None) -> list[Task]:
    """The duties of the units a lead cue asks, one clause per lead, up to the next one."""
    flat, issued_date = doc.flat, doc.issued_date
    found = []
    for i, (at, lead) in enumerate(clauses):
        if not lead:
            continue
        clause_end = clauses[i + 1][0] if i + 1 < len(clauses) else e
        named_at = lead.end()
        if "của" in lead.group("lead") and heading_field(flat, named_at, clause_end):
            continue  # "Trách nhiệm của các sở, ban, ngành trong ...:": a heading, its units' duties in its items
        honorific = _HONORIFIC.match(flat, named_at, clause_end)
        if honorific:
            named_at = honorific.end()  # "Giao đồng chí Bộ trưởng Bộ Xây dựng ...": the post is the unit
        # "đề nghị UBND các tỉnh, thành phố một số nội dung sau:": the request needs no verb of its
        # own before the items it promises; the name ends before them
        promised = _PROMISED.search(flat, named_at, clause_end)
        units, after = units_at(flat, named_at, promised.start() if promised else clause_end, asked=lead.group("lead").lower().startswith("giao"), lead=doc.doc_type not in LEGAL_TYPES)
        if units:
            after = past_parenthesis(flat, after, clause_end)
            rest = flat[after:clause_end]
            action = action_text(rest)
            # "Yêu cầu Giám đốc các sở ...; Chủ tịch UBND các xã ... triển khai thực hiện nghiêm túc
            # Chỉ thị này": the closing that names who carries the document out, as a QĐ's does
            closing = len(units) > 1 and _THIS_DOCUMENT.search(action)
            carried = not _INTRODUCES.search(action) and _CARRY_OUT.search(action)
            if (_INTRODUCES.search(action) or carried) and flat[s:e].rstrip().endswith(":") and not ASIDE.search(action):
                # "Yêu cầu các Bộ trưởng ... thực hiện ngay các nhiệm vụ, giải pháp sau:" leads the items;
                # when they name no unit of their own, they are the duties of the units asked
                following = _following_items(flat, doc.items, doc.starts, e)
                if following and all(_BARE_POST.fullmatch(u) for u in units):
                    following = []  # "đề nghị đồng chí Chủ tịch quan tâm chỉ đạo ...": a post with no body named
                if following:
                    prefix = "(đề nghị) " if "đề nghị" in lead.group("lead").lower() else ""
                    joined = action_text(" ".join(flat[c.text_start : next_subject(flat, c.text_start, c.end)] for c in following), items=True)
                    if carried:
                        # "... chỉ đạo đơn vị chức năng tập trung, khẩn trương thực hiện:" then "(1) ...",
                        # "(2) ...": the request's own words, then what it asks done
                        joined = f"{action}: {joined}"
                    found.extend(tasks_for(units, prefix + joined, joined, issued_date, section, s, following[-1].end))
                continue
            end = e
            if action and ONLY_REPEATS.match(action) and not closing:
                # "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ hằng năm
                # (trước ngày 30 tháng 11) báo cáo ...": the next sentence, with no subject of its
                # own, carries the request on
                more = _CARRIED_ON.match(flat, e, doc.end)
                more_end = next((b for a, b in sentences(flat, more.start("text"), doc.end)), None) if more else None
                if more_end and patterns()["cue"].search(flat, more.start("text"), more_end):
                    rest = f"{rest.rstrip(' .')}; {flat[more.start('text') : more_end]}"
                    action = action_text(rest)
                    end = more_end
                    closing = True  # (the first part only repeats; the whole is a duty)
            # (the issuer names itself, "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương
            # ...", or the request lists units, some with duties above: "Yêu cầu các sở, ban, ngành,
            # UBND các xã, phường và các đơn vị có liên quan thực hiện nghiêm túc./."; a bare "Yêu
            # cầu các sở, ban, ngành, đơn vị, địa phương ..." to one group only repeats the text)
            # (the text's last request, then only its paragraph on difficulties: "Yêu cầu Thủ trưởng
            # các cơ quan ... nghiêm túc triển khai thực hiện. Trường hợp phát sinh vướng mắc, kịp
            # thời phản ánh về Cục Thuế ...  ./.": the request and its sentence on difficulties)
            final = _CLOSES_TEXT.match(flat, e, doc.end) or _END_MARK.search(flat, s, e)
            if action and not final and (ONLY_REPEATS.match(action) or _REPEATS_MORE.match(action)):
                hard = _DIFFICULTIES.match(flat, e, doc.end)
                hard_end = next((b for a, b in sentences(flat, hard.start("text"), doc.end)), None) if hard else None
                if hard_end and (_CLOSES_TEXT.match(flat, hard_end, doc.end) or _END_MARK.search(flat, hard.start("text"), hard_end)):
                    rest = f"{rest.rstrip(' ')} {flat[hard.start('text') : hard_end]}"
                    action, end, final = action_text(rest), hard_end, True
            # the text's last request to carry it out, to the units it names (Nghị định 30/2020's
            # closing of a chỉ thị, công điện, công văn, kế hoạch): it only repeats for those given
            # duties above, and is a duty of those no duty above names (``sentence_tasks`` decides)
            repeats = bool(action and (ONLY_REPEATS.match(action) or _REPEATS_MORE.match(action)))
            # (a bare "Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện./."
            # to one group, asked by no one named, addresses the whole text, as before; "... tổ chức
            # quán triệt, triển khai và chỉ đạo các cơ quan ... thực hiện nghiêm túc Chỉ thị này" adds
            # duties of its own, whoever was asked above; a decision's or a resolution's "Yêu cầu X, Y
            # thực hiện Quyết định này" is its closing article's kin, kept as before)
            deciding = doc.doc_type in LEGAL_TYPES or doc.doc_type in _DECIDING
            # (the request to carry out "Chỉ thị này" to several units is that closing wherever the
            # closing paragraph sets it: "... triển khai thực hiện nghiêm túc Chỉ thị này. Giao Cục X
            # theo dõi, đôn đốc, kiểm tra việc triển khai thực hiện Chỉ thị, ...  ./.", who follows
            # it up after it)
            last = bool((final or closing) and repeats and not (closing and deciding) and (len(units) > 1 or at > s and _named_giver(flat[max(s, at - 40) : at])))
            if action and (closing or last or not repeats) and not NOT_DUTY.search(action[:80]):
                prefix = "(đề nghị) " if "đề nghị" in lead.group("lead").lower() else ""
                asked = tasks_for(units, prefix + action, rest, issued_date, section, s, end)
                for task in asked if last else ():
                    # "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển
                    # khai thực hiện./.": the text's last line asks every body it reaches to carry
                    # it out; a duty to a group no item names (``sentence_tasks`` drops the rest)
                    task.closing = True
                found.extend(asked)
    return found


# "do" before a unit makes it the agent of a relative clause ("các dự án do Bộ Công an chủ trì")
_AGENT_BEFORE = re.compile(r"(?<![\wÀ-ỹ])do\s+$")
# where the sentence holding a point starts: after ". ", ";", ":" or at an item's mark opening a line
_SENTENCE_START = re.compile(r"(?:[.;:]\s|\n(?=[ \t*]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•])\s))(?=[^.;:]*$)")


def _object_of_a_duty(doc: Context, at: int) -> bool:
    """Whether the "do <unit>" at ``at`` stands inside the object of a duty its sentence opens with
    ("c) Tổ chức triển khai thực hiện các nhiệm vụ của các dự án do Bộ Công an chủ trì ...": a
    relative clause saying who leads the projects), not as the agent of its sentence's passive
    ("Hiện vật khen thưởng do Bộ Nội vụ chịu trách nhiệm mua sắm": the ministry's duty)."""
    back = max(0, at - 400)
    start = _SENTENCE_START.search(doc.text, back, at)
    opening = _CLAUSE_OPENING.match(doc.flat, start.end() if start else back, at)
    return bool(patterns()["cue"].match(doc.flat, opening.end(), at))


def _before_cues(doc: Context, s: int, e: int, section: str | None) -> list[Task]:
    """The duties of the units right before a cue ("..., Sở Văn hóa và Thể thao chủ trì ..."),
    and of a legal text's subject with a clause of its own before "có trách nhiệm"."""
    flat, issued_date = doc.flat, doc.issued_date
    found = []
    for cue in doc.cues.within(s, e):
        # "Cá nhân được giao quản lý sổ ... có trách nhiệm ...": a subject with its own clause
        subject = responsible_subject(flat, s, cue, doc.paragraphs) if "trách" in cue.group() else None
        if subject is not None:
            units = split_units(without_scope(flat[subject : cue.start()]))
            rest = flat[cue.start() : clause_end(flat, cue.start(), e)]  # (not "...; Sở B chủ trì ...")
            if units and not NOT_DUTY.search(rest[:80]):
                found.extend(tasks_for(units, action_text(rest), rest, issued_date, section, s, e))
                continue
        # "..., Sở Văn hóa và Thể thao chủ trì triển khai ...": the unit right before the cue
        back = max(s, cue.start() - 160)
        boundary = max([back, *(m.end() for m in _CLAUSE_CUT.finditer(flat, back, cue.start()))])
        weak = cue.group().startswith(WEAK_CUE) and not cue.group().startswith("chủ trì")
        if weak:
            # "Sở Y tế chủ động ...", "Bộ X khẩn trương ...", "Sở Y tế là đầu mối ...": only the
            # subject that opens its clause ("hướng dẫn UBND các xã chủ động ..." gives UBND nothing)
            heads = []
            line_start = doc.text.rfind("\n", boundary, cue.start()) + 1  # (or the start of its line: a heading before it)
            for at in (boundary, line_start) if line_start > boundary else (boundary,):
                head = patterns()["head"].match(flat, _CLAUSE_OPENING.match(flat, at, cue.start()).end(), cue.start())
                if head:
                    heads = [head]
                    break
        else:
            heads = patterns()["head"].finditer(flat, boundary, cue.start())
        for head in heads:
            # "Sở Y tế (mục II.3) chủ trì ...": a reference between the unit and its duty
            phrase = PARENTHESIS.sub("", flat[head.start() : cue.start()])
            if not head.group()[:1].isupper() or not names_unit(flat, head) or patterns()["stop"].search(phrase, len(head.group())):
                continue
            if phrase.rstrip().endswith(",") and is_verb_list(flat[head.start() : cue.end()]):
                continue  # "- Thường trực, chủ trì, phối hợp ...": a role and the duty's verbs, no unit
            if _NARRATED.search(phrase) or MODAL.search(phrase):
                break  # "Phó Thủ tướng ... đã chủ trì cuộc họp": what happened, not a duty
            if _AGENT_BEFORE.search(flat, max(0, head.start() - 4), head.start()) and _object_of_a_duty(doc, head.start()):
                break  # "Tổ chức thực hiện các dự án do Bộ Công an chủ trì": who leads the project, no duty given
            units = split_units(phrase) if len(phrase.split()) <= 20 else []
            if units:
                rest = flat[cue.start() : clause_end(flat, cue.start(), e)]  # (not "...; Sở B chủ trì ...")
                if NOT_DUTY.search(rest[:80]):
                    break
                found.extend(tasks_for(units, action_text(rest), rest, issued_date, section, s, e))
                break
    return found


# the footnotes at a page's foot that a scan's text sets between a lead-in ending "... như sau:" on
# one page and its items on the next: each opens with its mark (a superscript number the OCR reads
# as a digit, "'" or "?") and a reference ("Theo yêu cầu của Chính phủ tại Nghị quyết số ...",
# "Văn bản số ...", "Căn cứ điểm a khoản 2 Điều 9 Nghị định số ...")
_FOOTNOTE = r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹'’‘?*])\s*(?:Theo|Căn\s+cứ|Văn\s+bản|Nghị\s+(?:quyết|định)|Quyết\s+định|Công\s+văn|Thông\s+tư|Báo\s+cáo|Tại|Xem|Kế\s+hoạch|Chỉ\s+thị|Luật|Điều|Khoản|Điểm)\s"
_FOOTNOTES = re.compile(rf"\s*{_FOOTNOTE}[^:]{{0,1500}}?(?:\s{_FOOTNOTE}[^:]{{0,1500}}?)*\s*", re.S)


def _following_items(flat: str, items: list[Item], starts: list[int], at: int) -> list[Item]:
    """The items right after ``at`` at one level (and theirs under them) that name no unit: the
    duties of the units a lead-in asks. Nghị định 30/2020's công điện, công văn and thông báo name
    whom they ask in the lead-in, then number the duties, the general ones first: they run up to
    the first item that names its own unit, after which each item is a unit's (a later item that
    names none, "3. Tuân thủ nguyên tắc khoanh định vùng cấm ...", is no duty of the lead-in's units;
    unseen2's CT 09). An item that names its own unit ("2.
    Các địa phương chỉ đạo ...", "4. ..., yêu cầu các sở ... trả lời") keeps it, and so does an
    item whose own items name theirs ("yêu cầu các Bộ ... thực hiện các nhiệm vụ sau:" then parts
    "I. ...", "II. ..." whose items say "1. Bộ Tài chính chủ trì ...": a heading, not a duty)."""
    i = bisect_left(starts, at)
    if i >= len(items) or (flat[at : items[i].start].strip() and not _FOOTNOTES.fullmatch(flat, at, items[i].start)):
        return []
    level = items[i].level
    run, named, turned = [], False, False
    while i < len(items) and items[i].level >= level:
        item = items[i]
        if item.level == level:
            if turned:
                break  # (the text has turned to each unit's duties: what follows is theirs, or no duty)
            run.append(item)
            named = False
        if not named and (starts_with_unit(flat, item, ground=True) or _LABELLED_UNIT.match(flat, item.text_start, own_end(item)) or _OWNERS.match(flat, item.text_start, own_end(item)) or _ASKS_INSIDE.search(flat, item.text_start, own_end(item))):
            named = turned = True
            run.pop()
        i += 1
    return run


# Clauses inside a sentence that may open with a lead cue: "...; giao Bộ X ...", "(2) Đề nghị
# ...", and after the sentence's subject "UBND tỉnh kính đề nghị Thường trực HĐND tỉnh ..." (not
# "theo/xét đề nghị của ...", "được yêu cầu"). Each form starts with a literal, found fast.
_NUMBERED_CLAUSE = re.compile(r"\((?:\d{1,2}|[ivx]{1,4})\)\s*")
_ASKED = re.compile(r"(?:đề\s+nghị|yêu\s+cầu|(?<!bàn\s)(?<!chuyển\s)giao)\s+(?:các\s+)?(?:[A-ZĐÀ-Ỹ]|(?:thủ\s+trưởng|giám\s+đốc|chủ\s+tịch|người\s+đứng\s+đầu)\s)"
                    # the bodies of a level or a sector as a group, in lower case: "Đồng thời yêu cầu
                    # các cơ quan, đơn vị thực hiện đúng ...", "Thủ tướng Chính phủ yêu cầu các ngành,
                    # các cấp tiến hành ...", "Trên cơ sở nhiệm vụ được giao, đề nghị các bộ, ngành, địa
                    # phương chủ động ..." (``_GROUP_ASKED``: only where the issuer asks)
                    r"|(?P<group>(?:đề\s+nghị|yêu\s+cầu)\s+các\s+(?:bộ|ngành|cấp|cơ\s+quan|đơn\s+vị|địa\s+phương|sở|phòng)(?![\wÀ-ỹ]))")
# the verb a chỉ thị's or a công điện's issuer asks with (Nghị định 30/2020/NĐ-CP: "<issuer> chỉ thị",
# "<issuer> điện"), then the units asked: "UBND tỉnh chỉ thị các sở, ban ngành ...", "Chủ tịch Ủy
# ban nhân dân huyện điện khẩn Thủ trưởng các phòng, ban, ...; Chủ tịch UBND các xã ... thực hiện"
_ISSUER_ASKS = re.compile(r"(?P<lead>chỉ\s+thị|điện(?:\s+(?:khẩn|yêu\s+cầu|đề\s+nghị))?)\s+(?=(?:các\s+)?[A-ZĐÀ-Ỹ]|các\s|(?:thủ\s+trưởng|giám\s+đốc|chủ\s+tịch)\s)")
# the text's last request repeating the duties given above, in the words of a plan ("UBND các xã,
# phường thực hiện nghiêm các nhiệm vụ được giao trong Kế hoạch"), or with the manner the duties ask
# ("khẩn trương tổ chức thực hiện, bảo đảm nội dung và thời gian theo quy định")
_REPEATS_MORE = re.compile(
    r"^\s*(?:(?:nghiêm\s+túc|khẩn\s+trương|tập\s+trung)\s+)?(?:triển\s+khai\s+)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)(?:\s+(?:nghiêm\s+túc|nghiêm|tốt|đầy\s+đủ|có\s+hiệu\s+quả))*"
    r"(?:\s+(?:các|những)\s+(?:nhiệm\s+vụ|nội\s+dung)(?:\s+được\s+giao|\s+nêu\s+trên|\s+trên)(?:\s+(?:trong|tại)\s+(?:Kế\s+hoạch|Chỉ\s+thị|Công\s+văn|Công\s+điện|Thông\s+báo)(?:\s+này)?)?)?"
    r"(?:\s*,\s*bảo\s+đảm\s+(?:đúng\s+)?(?:nội\s+dung|tiến\s+độ|thời\s+gian|chất\s+lượng)[^.;]{0,60})?\s*[./]*\s*$", re.I)
# the paragraph on difficulties after a closing request: "Trường hợp phát sinh vướng mắc, ... báo cáo ..."
_DIFFICULTIES = re.compile(r"[\s.]*(?P<text>(?:Trong\s+quá\s+trình\s[^,.;]{0,40},\s*)?(?:[Nn]ếu|[Tt]rường\s+hợp|[Kk]hi)\s+(?:có\s+|phát\s+sinh\s+|xảy\s+ra\s+)[^.;]{0,40}(?:vướng\s+mắc|khó\s+khăn))")
_DECIDING = ("QĐ", "NQ")
_BARE_POST = re.compile(r"(?:[Đđ]ồng\s+chí\s+)?(?:Chủ\s+tịch|Giám\s+đốc|Bộ\s+trưởng|Thủ\s+trưởng|Cục\s+trưởng|Trưởng\s+ban)")
# an item labelled with a name the grammar does not read, then its duty: "2. Tổ Kiểm tra, giám sát:
# phối hợp với ...", "Hội Cựu chiến binh huyện: vận động ..." (a name capitalises its head and its
# proper name; a topic does not: "Công tác tuyên truyền:", and "Về ...", "Đối với ..." are topics)
_LABELLED_UNIT = re.compile(r"[\s*]*(?!Về\s|Đối\s+với\s|Nội\s+dung\s|Thời\s+gian\s|Kinh\s+phí\s)[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+[A-ZĐÀ-Ỹ][^:;.\n]{0,60}:\s*[a-zđà-ỹA-ZĐÀ-Ỹ]")
# an item that names the owners it concerns: "5. Các chủ công trình hồ chứa nước ... tổ chức trực
# ban ...", "Các chủ cơ sở chăn nuôi, giết mổ gia súc tập trung trên địa bàn huyện" over its dashes
_OWNERS = re.compile(r"[\s*]*(?:Các\s+)?[Cc]hủ\s+(?:cơ\s+sở|công\s+trình|đầu\s+tư|vật\s+nuôi|hộ|rừng|dự\s+án|tàu|phương\s+tiện|doanh\s+nghiệp|hồ\s+chứa)")
# an item that asks a unit itself ("4. Đẩy mạnh ...: Khi nhà đầu tư ..., yêu cầu các sở, ngành, địa
# phương liên quan ... trả lời"): it names whom it asks, it is no duty of the lead-in's units
_ASKS_INSIDE = re.compile(r"(?<![\wÀ-ỹ])(?<!theo\s)(?<!xét\s)(?<!của\s)(?:đề\s+nghị|yêu\s+cầu|giao)\s+(?:(?:các\s+)?[A-ZĐÀ-Ỹ]|các\s+(?:bộ|ngành|cấp|cơ\s+quan|đơn\s+vị|địa\s+phương|sở|phòng|xã)(?![\wÀ-ỹ]))")
# who asks a group in lower case: the issuer named right before, a lead-in ending on a comma
# ("Trên cơ sở ..., ", "Với vai trò ..., ", "do vậy, "), or a connective opening the sentence
# ("Đồng thời", "Bên cạnh đó", "Ngoài ra"); not a noun ("đáp ứng yêu cầu các cơ quan ...")
_IF = re.compile(r"(?<![\wÀ-ỹ])(?:nếu|trường\s+hợp|khi)\s", re.I)
_GROUP_ASKED = re.compile(r"(?:^|,|(?:^|\s)(?:Đồng\s+thời|Bên\s+cạnh\s+đó|Ngoài\s+ra|[Dd]o\s+vậy|[Vv]ì\s+vậy|Tuy\s+nhiên)|(?:^|\s)(?:kính|cũng|đồng\s+thời))\s*$")
_named_giver = named_giver  # ("Thủ tướng Chính phủ", "Phó Thủ tướng", "Bộ trưởng Bộ X cũng" before "giao")
# a sentence's lead-in and nothing else before "giao": "a) Trên cơ sở kết quả thực hiện ..., giao Sở Y tế ..."
_LEAD_IN_ONLY = re.compile(r"(?:^|[;:.]\s+|(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s+)[\s*]*(?:Trên\s+cơ\s+sở|Căn\s+cứ)\s[^;:.]{3,200},\s*$")
# a sentence that opens with a rhythm and has no subject: "Định kỳ hằng năm (trước ngày 30/11) báo cáo ..."
_CARRIED_ON = re.compile(r"[\s.]*(?P<text>(?:Định\s+kỳ|Hằng\s+(?:năm|qu[ýí]|tháng)|Hàng\s+(?:năm|qu[ýí]|tháng))(?![\wÀ-ỹ]))")
# a scope of the subject's own, set off by commas: ", trong phạm vi chức năng, nhiệm vụ của mình, <verb>"
_OWN_SCOPE = re.compile(r",\s*(?:trong\s+phạm\s+vi|theo\s+chức\s+năng|theo\s+thẩm\s+quyền)[^;:.]{0,100}?(?:của\s+mình|được\s+giao)\s*,\s*(?=[a-zđà-ỹ])")
_SCOPE_AFTER_NAME = re.compile(r"\s*(?:trên\s+cơ\s+sở|căn\s+cứ|theo\s+chức\s+năng)[^,;:.]{3,160},\s*")
# a thông báo kết luận's topic and the conclusion on it: "Về đề nghị Bộ Nội vụ ...: Bộ Nội vụ nghiên cứu ..."
_TOPIC = re.compile(r"Về\s[^:.]{3,800}?:\s*(?=[A-ZĐÀ-Ỹ])")
# a thông báo kết luận's topic, then who is given what: "Về dự án X: Giao Bộ Xây dựng hướng dẫn ...",
# in lower case too where a unit's capital follows ("...: giao Bộ Tài chính chủ trì ...")
_AFTER_TOPIC = re.compile(r":\s+(?=(?:Giao|Đề\s+nghị|Yêu\s+cầu)\s|(?:giao|đề\s+nghị|yêu\s+cầu)\s+(?:các\s+)?[A-ZĐÀ-Ỹ])")
# an item's emphasised title, then its paragraph opening with a request: "**1. Công tác tham mưu**\nĐề nghị ..."
# (or the title's own paragraph, then a blank line: two spaces or more in the flattened text)
_AFTER_HEADING = re.compile(r"(?:\*\*\s+|(?<=[^\s.;:,])\s{2,})(?=(?:Đề\s+nghị|Giao|Yêu\s+cầu)\s)")
# (after "Trong quá trình thực hiện ...,": "... , nếu có phát sinh vướng mắc yêu cầu các Sở ... phản ánh ...")
_CONDITION = re.compile(r"\s*(?:\d{1,2}\.\s+)?(?:Trong\s+quá\s+trình\s[^,;:.]{0,80},\s*)?(?:Trường\s+hợp|Nếu|Khi)\s", re.I)

# "Tờ trình ... về việc đề nghị HĐND xem xét": what another text asked; "Văn bản đề nghị UBND tỉnh
# xem xét", "quy trình / hồ sơ đề nghị ...": the request is a noun, a paper of a procedure
# "Về đề nghị Bộ X ...: <conclusion>": a thông báo kết luận's heading restating another body's
# request; the duty is the conclusion after the colon
_NOT_ASKING = re.compile(r"(?:theo|xét|của|được|có|tại|việc|văn\s+bản|quy\s+trình|hồ\s+sơ|tờ\s+trình|đã|vừa|đã\s+được|sẽ|về)\s+(?:kính\s+)?$", re.I)


def _clause_starts(flat: str, s: int, e: int, doc_type: str | None = None):
    legal, letter = doc_type in LEGAL_TYPES, doc_type == "CV"
    at = flat.find(";", s, e)
    while at >= 0:
        yield at + 1 + (flat[at + 1 : at + 2] == " ")
        at = flat.find(";", at + 1, e)
    for m in _NUMBERED_CLAUSE.finditer(flat, s + 1, e):
        yield m.start()
    for m in _AFTER_TOPIC.finditer(flat, s, e):
        yield m.end()
    for m in _AFTER_HEADING.finditer(flat, s, e):
        yield m.end()  # "**1. Công tác tham mưu, chỉ đạo triển khai**\nĐề nghị Ủy ban ...": past the item's title
    if _CONDITION.match(flat, s, e):
        return  # "Trường hợp phát sinh vướng mắc ..., đề nghị ...": asked only if it happens
    for m in _ISSUER_ASKS.finditer(flat, s + 1, e) if doc_type in ("CT", "CĐ") else ():
        # "UBND tỉnh chỉ thị các sở, ban ngành, ... thực hiện ...", "Chủ tịch UBND huyện điện khẩn
        # Thủ trưởng các phòng, ...": the issuer's own verb of a chỉ thị or a công điện asks them
        # (only the text's own kind: "Bộ trưởng điện Chủ tịch UBND ..." reported in a decision is
        # another text's request)
        own_verb = m.group("lead").startswith("chỉ") == (doc_type == "CT")
        if own_verb and _named_giver(flat[max(s, m.start() - 40) : m.start()]):
            yield m.start()
    for m in _ASKED.finditer(flat, s + 1, e):
        before = flat[max(s, m.start() - 12) : m.start()]
        if m.group().startswith("giao") and (legal or not (_named_giver(flat[max(s, m.start() - 40) : m.start()]) or _LEAD_IN_ONLY.search(flat, max(s, m.start() - 260), m.start()))):
            # "Thủ tướng Chính phủ giao Bộ X ...": a giver named right before; in a legal text
            # "giao" inside a clause allots land or sets a rule ("Nhà nước giao đất ...")
            continue
        if m.group("group"):
            if legal:
                continue  # a legal text's request in a clause is a step of a procedure
            giver = flat[max(s, m.start() - 60) : m.start()]
            # (the sentence's own start counts as "^": the connective opens it)
            if not (_named_giver(giver, bodies=letter) or _GROUP_ASKED.search(flat[s : m.start()])) or _IF.search(flat, s, m.start()):
                continue  # ("... nếu có khó khăn, vướng mắc, đề nghị các cơ quan ... phản ánh": asked only if it happens)
        if not _NOT_ASKING.search(before):
            yield m.start() - (5 if before.endswith("kính ") else 0)


# the text's last sentence: nothing but its end mark ("./.") and the layout's marks after it
_CLOSES_TEXT = re.compile(r"[\s./*|_\\-]*$")
_END_MARK = re.compile(r"\.\s*/\s*\.?[\s*]*$")  # "./.", the mark that ends a text's body (Nghị định 30/2020)
_THIS_DOCUMENT = re.compile(rf"(?:{phrase_alternation(GRAMMAR['this_document_types'])})\s+này\s*$")
_NARRATED = re.compile(r"\sđã(?:\s+được)?\s*$")
# a lead-in whose object is a list: "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, | Bộ Tài chính
# khẩn trương ..." (the list goes on in lower case, not with "các": "..., các sở, ngành" is a subject)
_OF_A_LIST = r"[^,;:]{0,100}?\scủa\s[^,;:]{1,80}(?:,\s*(?!các\s)[a-zđà-ỹ][^,;:]{0,60})+(?=,\s*[A-ZĐÀ-Ỹ])"
# what may open a clause before its subject: an item's mark, emphasis, "Đồng thời,"
_CLAUSE_OPENING = re.compile(r"[\s*]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\)|[-+•])\s+)?[\s*]*(?:(?:Đồng\s+thời|Bên\s+cạnh\s+đó|Ngoài\s+ra)\s*,?\s*)?"
    rf"(?:(?:{phrase_alternation(GRAMMAR['lead_ins'])})(?:{_OF_A_LIST}|[^,;:]{{0,160}}),\s*)?")  # "Trên cơ sở Kế hoạch này, Sở Y tế chủ động ..."

# Where a clause starts, looking back from a cue: not at a comma inside a name ("Sở Văn hóa, Thể thao ...")
_CLAUSE_CUT = re.compile(r"[;:(]\s*|,\s*(?=[a-zđà-ỹ])|\s-\s(?![A-ZĐÀ-Ỹ])|\.\s+")
