"""Duties read from items: an item led by a unit, a heading whose unit does the items under
it, and an item laid out as a table row.

"2. Sở Tài chính: ...", "a) Công an tỉnh chủ trì ...", "3. Trách nhiệm của Sở Y tế" with its
items, "Điều 20. ... Cơ quan xử lý có trách nhiệm:" with its items, "Các Sở, ngành chủ trì ..."
as a group's heading, and "Cơ quan chủ trì: Sở A. Thời gian thực hiện: ..." (:func:`labelled`).
:func:`item_tasks` reads them all; the sentences these duties leave are read by ``from_sentences``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..deadlines import find_deadline
from ..items import Item, descendants, own_end, subtree_end
from ..normalize import collapse, fold
from ..tables import phrase_alternation, starting_words
from .code_heading import code_heading
from .context import ASSIGNING_TYPES, SENTENCE_CUT, Context, Matches, sentences
from .plan_fields import carriers, plan_subject, roles_title, field_end, field_key, field_labels, field_units, paragraph_rows
from .principles import AIMS_HEADING
from .legal_subjects import RESPONSIBLE_CUE, SCOPE, responsible_subject, without_scope
from .task import CRITERIA, NOT_DUTY, ONLY_REPEATS, Task, action_text
from ..task_kinds import LEGAL_TYPES
from .lead_ins import GROUND
from .own_clause import clause_end, must_sentence
from .set_apart import set_apart
from .scoped_heading import scoped_heading
from .bullet_coordinators import bullet_coordinators
from .units import find_coordinators, is_name_list, is_verb_list, with_named, past_parenthesis, split_units, units_at
from .vocabulary import CLAUSE_WORD, GRAMMAR, coordinator_pattern, free_verb, is_group, names_unit, patterns


# "Trách nhiệm của Sở X", "Giao Sở X", "Điều 9. Nội dung Sở X có trách nhiệm chủ trì" (a Quy chế's article titles)
_ITEM_LEAD = re.compile(r"(?:(?:thẩm\s+quyền|quyền\s+hạn|quyền|nhiệm\s+vụ)\s+và\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+và\s+quyền\s+hạn)?\s+(?:của\s+)?|(?:giao|đề\s+nghị|yêu\s+cầu|nội\s+dung)\s+", re.I)


# A heading "Đối với X:" over items that name no unit (Nghị định 30/2020's công văn and thông báo
# sort their requests by whom they concern: "3.1. Đối với Đảng ủy - UBND các xã, thị trấn:", "c)
# Đối với UBND cấp xã có dịch:"): X does the items when the unit grammar reads it as a unit; a
# subject matter ("Đối với đất nông nghiệp:", "Đối với các dự án chậm tiến độ ...:") names none.
_FOR = re.compile(r"[\s*]*[Đđ]ối\s+với\s+")
_FOR_HEADING = re.compile(r"[\s*]*[Đđ]ối\s+với\s+[^:;.\n]{2,80}:?[\s*]*$")


# a part that sets criteria, targets or who may be rewarded ("2. Tiêu chí thi đua" then "a) Đối với
# các sở, ban, ngành, UBND các xã, phường" and what they are judged on): no duties are given there
_CRITERIA_PART = re.compile(r"tieu\s+chi|tieu\s+chuan|doi\s+tuong|muc\s+tieu|chi\s+tieu|khen\s+thuong|dieu\s+kien")


def _under_criteria(doc: Context, item: Item) -> bool:
    """Whether an item lies under a heading of criteria, targets or awards (its own title's first line)."""
    for outer in doc.items:
        if outer.start >= item.start:
            break
        if item.start < subtree_end(outer):
            line_end = doc.text.find("\n", outer.text_start, own_end(outer))
            title_end = min(own_end(outer) if line_end < 0 else line_end, outer.text_start + 120)
            if _CRITERIA_PART.search(doc.folded, outer.text_start, title_end):
                return True
    return False


def item_tasks(doc: Context) -> list[Task]:
    """The duties of the items: an item led by a unit (with the items under a heading it takes
    in), then the items laid out as table rows ("Cơ quan chủ trì: ..."), whose fields may be
    written as the bullets under a heading."""
    labels, label_starts, cuts = doc.labels, doc.label_starts, doc.cuts
    tasks: list[Task] = []
    used: set[int] = set()  # items whose text went into a parent's task
    spread: dict[int, list[re.Match]] = {}  # items whose fields are their bullets (see below)
    for item in doc.items:
        if item.children and bisect_left(label_starts, item.text_start) == bisect_left(label_starts, own_end(item)):
            # "2. Tổ chức tập huấn ...\n- Cơ quan chủ trì: Sở A, Sở B.\n- Thời gian thực hiện: ...":
            # a table row's fields written as the heading's bullets
            own = field_labels(doc.flat, item, labels, label_starts)  # (a field of two values: its bullets)
            beyond = bisect_right(cuts, item.text_start)  # not past a "./.", a Nơi nhận, an appendix
            if own and beyond < len(cuts) and cuts[beyond] <= own[-1].start():
                continue
            if any(field_key(m.group("label")) in ("tri", "hien") for m in own):
                spread[id(item)] = own
                used.update(id(c) for c in item.children)
                fielded = {m.start() for m in own}  # and the bullets of a field of two values
                used.update(id(d) for c in item.children for d in c.children if d.text_start in fielded)
    if doc.doc_type == "KH":
        for item in doc.items:
            if item.children and AIMS_HEADING.fullmatch(doc.folded, item.text_start, own_end(item)):
                # "2. Yêu cầu\n- Các doanh nghiệp viễn thông phối hợp ...": what the plan expects,
                # its duties come in its part of assignments ("Tổ chức thực hiện")
                used.update(id(d) for d in descendants(item))
    for item in doc.items:
        if id(item) in used or id(item) in spread:
            continue
        tasks.extend(unit_led(doc, item, used))
    tasks.extend(paragraph_rows(doc, used))  # "(1) <duty>" then "- Chủ trì thực hiện: ..." bullets
    for item in doc.items:
        if id(item) in spread:
            tasks.extend(labelled(doc.flat, item, spread[id(item)], doc.issued_date, doc.text))
        elif id(item) not in used:
            own = labels[bisect_left(label_starts, item.text_start) : bisect_left(label_starts, own_end(item))]
            tasks.extend(labelled(doc.flat, item, own, doc.issued_date))
    return tasks


WHOLE_ITEM_TYPES = ASSIGNING_TYPES | {"CV"}


# the honorific before a post, in a thông báo kết luận or a công điện: "Giao đồng chí Bộ trưởng Bộ
# Xây dựng ...", "1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ ... đề cao trách nhiệm ..."
HONORIFIC = re.compile(r"(?:[Cc]ác\s+)?đồng\s+chí\s+(?=[A-ZĐÀ-Ỹ])")


def unit_led(doc: Context, item: Item, used: set[int]) -> list[Task]:
    """ "2. Sở Tài chính: ...", "a) Công an tỉnh chủ trì ...", "3. Trách nhiệm của Sở Y tế".
    ``used`` gathers the items whose text went into this item's duty."""
    flat, issued_date = doc.flat, doc.issued_date
    p = patterns()
    at = item.text_start
    if doc.closings.first(at, own_end(item)):
        first_sentence_end = next((e for s_, e in sentences(flat, at, own_end(item))), own_end(item))
        closing = doc.closings.first(at, first_sentence_end)
        if closing and not (closing.group("cue").startswith("to") and closing_is_an_object(flat, at, closing.start())):
            return []  # the closing article: read unit by unit in in_sentence
    lead = _ITEM_LEAD.match(flat[at : at + 50])
    if not lead and item.children and doc.doc_type not in LEGAL_TYPES and _FOR_HEADING.match(flat, at, own_end(item)) and not _under_criteria(doc, item):
        lead = _FOR.match(flat[at : at + 50])  # "3.1. Đối với Đảng ủy - UBND các xã, thị trấn:" then its items
    if lead:
        at += lead.end()
    honorific = HONORIFIC.match(flat, at, item.end)
    if honorific:
        at = honorific.end()  # "b) Giao đồng chí Bộ trưởng Bộ Xây dựng ...": the post is the unit
    # "1. Sở Tài chính, trên cơ sở đề xuất của ..., chủ trì tổng hợp ...", "(6) UBND tỉnh X theo
    # chức năng, nhiệm vụ, thẩm quyền chỉ đạo ...": the unit, then the frame it acts in
    # (only where the names read otherwise run into the frame, or none were read, or no duty
    # follows them: "Bộ Tài chính trong phạm vi chức năng, nhiệm vụ của mình có trách nhiệm ..."
    # was read right)
    units, after, titled = _leading_units(doc, item, at, lead)
    scoped = scoped_heading(flat, item, at) if lead and "của" in lead.group() else None
    if scoped:  # "II. Trách nhiệm của các sở, ban, ngành trong ...:": a heading alone (``scoped_heading``)
        units, after, titled = scoped[0], scoped[1], False
    apart = set_apart(flat, at, own_end(item)) if not lead and doc.doc_type not in LEGAL_TYPES else None
    if apart and units and not any(_FRAME.search(u) for u in units):
        old_rest = flat[past_parenthesis(flat, after, item.end) : item.end]
        if p["cue"].match(old_rest) or _QUALIFIER.match(old_rest) or _based_duty(old_rest):
            apart = None  # (read as before)
    if apart:
        units, after, titled = apart[0], apart[1], False
    if not units:
        return []
    # a later sentence with a unit of its own as subject ("Điều 3. Sở A có trách nhiệm ... Văn
    # phòng UBND tỉnh có trách nhiệm chủ trì ...") is its own duty, read sentence by sentence
    item_end = next_subject(flat, after, item.end, units, doc.responsible)
    if doc.doc_type not in LEGAL_TYPES:
        item_end = clause_end(flat, after, item_end)  # "...; Thủ trưởng các cơ quan chỉ đạo ...": another unit's clause
        item_end = must_sentence(flat, after, item_end)  # "... . Chủ đầu tư và các nhà thầu phải ...": another's
    after = past_parenthesis(flat, after, item_end)
    rest = flat[after:item_end]
    # "1. Chủ tịch UBND các tỉnh ..., trong đó trọng tâm là các tỉnh: A, B:" heads the items under
    # it, and so does "Nội dung Sở X có trách nhiệm chủ trì" (a duty whose content is the items)
    heading_only = (
        not rest.strip(" :.")
        or bool(ASIDE.match(rest) and rest.rstrip().endswith(":"))
        or bool(item.children and _BARE_DUTY.fullmatch(rest.strip(" :.")))
    )
    if rest.lstrip().startswith(":"):
        rest = rest.lstrip()[1:]
    elif titled and not heading_only:
        # "5. Sở Văn hóa, Thể thao và Du lịch\n\nSở Văn hóa, Thể thao và Du lịch quản lý ...": the
        # paragraph under the heading is its duty, its subject said again or not
        start = len(rest) - len(rest.lstrip(" *"))
        own, own_after = units_at(flat, after + start, item_end, tag=False)
        if own and p["cue"].match(flat, own_after):
            units, rest = own, flat[own_after:item_end]  # "2. Sở A, Sở B\n\nSở A chủ trì, phối hợp với Sở B ..."
        else:
            rest = rest.strip(" *")
            if rest.lower().startswith(units[0].lower()):
                rest = rest[len(units[0]) :]
    elif not (lead or apart or heading_only or p["cue"].match(rest) or _QUALIFIER.match(rest) or _based_duty(rest)):
        return []  # "1. Sở ... là ..." without a duty
    if CRITERIA.search(flat, item.text_start, own_end(item)) or CRITERIA.search(rest):
        return []  # "Các cơ quan, đơn vị ... đạt các tiêu chuẩn sau:": who may be rewarded, not a duty
    bullets: list[tuple[int, int]] = []  # the spans of the items under it that it takes in
    own_rest = rest  # (its own words, before the items it takes in)
    taken = _with_items_under(doc, item, rest, heading_only, item_end, used, bullets)
    if taken is None:
        return []
    rest, reach = taken  # ``reach``: where the text it read ends, past the items under a heading it took
    # A numbered duty of a text that assigns work (a kế hoạch, chỉ thị, công điện, thông báo kết
    # luận, công văn) is one duty whole: its later sentences with no subject of their own
    # (``next_subject`` ends it at one that has) say when, how, to whom it reports ("2. Sở Nội vụ
    # chủ trì rà soát ... Thời gian hoàn thành trước ngày ..."). Not a decision's: its items are
    # often a regulation's or a procedure's, whose next sentences are rules, forms and table cells.
    whole = doc.doc_type in WHOLE_ITEM_TYPES
    action = action_text(rest, items=heading_only or reach > item_end or whole)
    if not action or ONLY_REPEATS.match(action) or NOT_DUTY.search(action[:80]) or is_name_list(action):
        return []
    if lead and fold(lead.group()).startswith("de nghi"):
        action = "(đề nghị) " + action  # asked of a body this one does not direct
    elif not lead and _parenthesized(doc, item):
        # "Ủy ban nhân dân tỉnh đề nghị:" then "(1) Sở A ...", "(2) Sở B ...": each item is asked;
        # in a công văn or a legal text such items are a duty only where they are asked ("các
        # yêu cầu:" then "(1) Sở A tổng hợp ..." lists what is required)
        asked = _asked_items(doc, item)
        if asked is None and doc.doc_type is not None and doc.doc_type not in ASSIGNING_TYPES:
            return []
        if asked == "đề nghị":
            action = "(đề nghị) " + action
    deadline, deadline_text = find_deadline(rest, issued_date)
    coordinators = find_coordinators(rest)
    if bullets:
        # and each other bullet's own "Chủ trì, phối hợp với X ..." (``bullet_coordinators``); the
        # first "phối hợp" read above lies in the heading's words or in the first bullet having one
        in_bullet = bool(coordinators) and not coordinator_pattern().search(own_rest)
        coordinators = bullet_coordinators(flat, bullets, coordinators, in_bullet)
    # a heading that is a unit's name alone, on its line(s) without a stop ("6. Các doanh nghiệp
    # thứ cấp\nđang hoạt động trong KCN"), its duties in the items under it: the name is whole
    titled_line = heading_only and not lead and bool(item.children) and not re.search(r"[.;:]", flat[at : own_end(item)])
    return [
        Task(unit, action, coordinators, deadline, deadline_text, item.path or None, item.start, item_end, is_group(unit), reach=reach, titled=titled_line)
        for unit in units
    ]


# a line that opens on a duty's first word, capitalised (a heading's unit stands on the line above)
_DUTY_LINE = re.compile(r"\n[ \t*]*(?:[-+•][ \t]*)?(?=(?:Chủ\s+trì|Phối\s+hợp|Chủ\s+động|Tham\s+mưu)(?![\wÀ-ỹ]))")


def _leading_units(doc: Context, item: Item, at: int, lead: re.Match | None) -> tuple[list[str], int, bool]:
    """The units an item opens with (from ``at``, past its lead "Trách nhiệm của", "Giao" ...),
    where their names end, and whether the name is the heading's own line (the paragraph under
    it is then the duty); no units when the item names none."""
    flat, text, blanks = doc.flat, doc.text, doc.blanks
    units: list[str] = []
    titled = False
    if lead and "của" in lead.group() and item.children:
        units, after = _titled(text, item, at)  # "Điều 66. Nhiệm vụ và quyền hạn của Bộ, ..., Cơ quan quản lý công chức khác"
    elif not lead and item.children:
        units, after = _group_title(flat, item, at)
    if not units:
        # a name stops at a blank line: "Trách nhiệm của các cơ quan\n\nCác cơ quan ... có trách nhiệm ..."
        j = bisect_left(blanks, at) if blanks else 0
        blank = blanks[j] if blanks and j < len(blanks) and blanks[j] < item.end else None
        own = flat[at : own_end(item)]
        heading = bool(item.children) and not re.search(r"[.;:]", own) and len(own.split()) <= 40
        if blank is not None and heading:
            blank = None  # a heading the export broke into two paragraphs: "... Hội Liên hiệp\n\nPhụ nữ Thành phố ..."
        asked = bool(lead) and fold(lead.group()).startswith("giao")  # a verb follows "Giao X"
        # (a name never runs into the items under it: "1. Sở Nội vụ\n- Chủ trì, ...")
        limit = (own_end(item) if item.children else item.end) if blank is None else blank
        # (nor into the next line's duty: "13. Tổng Công ty Điện lực Hà Nội\nChủ trì, xây dựng ...",
        # where a capitalised cue would read as one more word of a proper name)
        duty_line = _DUTY_LINE.search(text, at, limit)
        if duty_line:
            limit = duty_line.start()
        units, after = units_at(flat, at, limit, tag=bool(lead), asked=asked, heading=heading and doc.doc_type in ASSIGNING_TYPES)  # the tagger only after "Giao", "Đề nghị" ...
        titled = bool(units and blank is not None and not flat[after:blank].strip(" *"))  # the name is the heading's line
    if not units:
        # "1. Căn cứ Kế hoạch này, Giám đốc các Sở, ... xây dựng kế hoạch ...": past the lead-in
        lead_in = _LEAD_IN.match(flat, at, item.end)
        past = lead_in.end() if lead_in else _past_title(flat, at, item.end)
        if past is not None and not lead_in and _AIMS_TITLE.match(doc.folded, at, past):
            past = None  # "I. MỤC ĐÍCH, YÊU CẦU\nCác sở, ban, ngành triển khai ...": a plan's aims, not a duty
        if past is not None:
            # "VII. CHẾ ĐỘ BÁO CÁO\nCác sở, ban, ngành ... gửi báo cáo ...": past the heading's title
            units, after = units_at(flat, past, item.end)
        if not units and not lead:
            units, after = code_heading(flat, at, item.end)  # "1. C04:", "2. V01: Phối hợp ..." (Bộ Công an's codes)
        if not units and item.children:
            # "Điều 20. Xử lý thông tin\nCơ quan xử lý có trách nhiệm:", "Điều 13. Trách nhiệm của
            # Đơn vị quản lý Cổng thông tin": the items under it are the duties of the unit named
            units, after = _announced(text, item)
    return (units, after, titled) if units else ([], at, False)


def _with_items_under(doc: Context, item: Item, rest: str, heading_only: bool, item_end: int, used: set[int], spans: list | None = None) -> tuple[str, int] | None:
    """The duty's words with those of the items under the item that it takes in, and where they
    end (``item_end`` when it takes none); None for a heading whose items all name their own unit.
    ``spans``, when given, gets the span of each item taken in."""
    flat = doc.flat
    if heading_only or not rest.strip():
        # the heading's unit does the items under it that name no unit of their own ("1. Trách
        # nhiệm của Sở Tư pháp ...", "- Yêu cầu các cơ quan báo chí ..." are read on their own)
        children = [c for c in item.children if not starts_with_unit(flat, c) and not _names_own_subject(doc.text, c)]
        if not children:
            return None
        for child in children:
            used.add(id(child))
            used.update(id(d) for d in descendants(child))
        # (the last item ends where a paragraph after it opens with a request or a unit of its own:
        # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ... thực hiện nghiêm túc Chỉ thị này")
        # (in a text that assigns work, each with the items under it: "- Chủ trì ..., bao gồm các
        # nội dung sau" and its "+" lines; ``_item_end``)
        ends = [next_subject(flat, c.text_start, _item_end(doc, c)) for c in children]
        if spans is not None:
            spans.extend((c.text_start, e) for c, e in zip(children, ends))
        return " ".join(flat[c.text_start : e] for c, e in zip(children, ends)), max(ends)
    if item.children and rest.rstrip().endswith(":") and not any(starts_with_unit(flat, c) for c in item.children):
        # "Sở X: chỉ đạo Chi cục Y thực hiện các nội dung sau:" and its bullets are one duty
        for child in descendants(item):
            used.add(id(child))
        ends = [next_subject(flat, c.text_start, _item_end(doc, c)) for c in item.children]
        if spans is not None:
            spans.extend((c.text_start, e) for c, e in zip(item.children, ends))
        return rest + " " + " ".join(flat[c.text_start : e] for c, e in zip(item.children, ends)), max(ends)
    return rest, item_end


def _item_end(doc: Context, item: Item) -> int:
    """Where an item taken into a unit's duty ends: in a text that assigns work, past the items
    under it (they are taken with it, and were left out of the action); elsewhere at its own
    text's end, as before (a decision's closing article may still read an appendix's procedure
    as items, and would take all of it)."""
    return subtree_end(item) if doc.doc_type in WHOLE_ITEM_TYPES else item.end


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
    head = patterns()["head"].match(who)
    # (a compound such as "Cơ quan xử lý", "Đơn vị quản lý" is a name here: the line says who)
    if not head or CLAUSE_WORD.search(who) or len(who.split()) > 20:
        return [], item.text_start
    return split_units(without_scope(who)), m.start("who") + len(who)


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
        or patterns()["not_unit"].match(who)
        or re.match(r"(?:các\s+)?bên\b", who, re.I)
        or CLAUSE_WORD.search(who)
        or 2 * sum(_names_own_subject(text, c) for c in item.children) > len(item.children)
    ):
        return [], at  # "Trách nhiệm của các cơ quan ...\n1. Cơ quan tài chính: ...\n2. Cơ quan thuế: ...": a grouping
    capital = who[:1].upper() + who[1:]
    head = patterns()["head"].match(capital)
    units = split_units(who) if head and names_unit(capital, head) else []
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
    if not free_verb().match(title, head.end()) or any(starts_with_unit(flat, c) for c in item.children):
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
    head = patterns()["head"].match(text, at, item.end)
    return bool(head and _OWNER_THEN.match(text, head.end(), item.end))


def next_subject(flat: str, start: int, end: int, units: list[str] = (), responsible: "Matches | None" = None) -> int:
    """Where a sentence between ``start`` and ``end`` opens with a unit and a duty cue, or ``end``."""
    p = patterns()
    for m in SENTENCE_CUT.finditer(flat, start, end):
        if _SUMS_UP.match(flat, m.end(), end):
            return m.start() + 1  # "Trên đây là Kế hoạch ...": the document's closing paragraph, no part of the last item
        units, after = units_at(flat, m.end(), end, tag=False)
        if units and is_verb_list(flat[m.end() : min(end, m.end() + 80)]):
            continue  # "7. Thanh tra tỉnh: Thanh tra, kiểm tra ...": verbs listed after the heading's colon, no subject
        ground = None if units else GROUND.match(flat, m.end(), end)
        if ground:  # "... ngày 30 tháng 4. Trên cơ sở đó, Bộ Tư pháp chủ trì tổng hợp ...": another unit's duty
            units, after = units_at(flat, ground.end(), end, tag=False)
            # "... . Để tăng cường phối hợp ..., đề nghị các bộ, ngành, địa phương cử ...": the aim,
            # then a request of its own to other units
            # (the aim may run over commas: "Để tăng cường phối hợp, bảo đảm tiến độ, đề nghị ...")
            asked = None if units else _AIM_THEN_ASKS.match(flat, m.end(), end)
            if asked and units_at(flat, asked.end(), end, tag=False)[0]:
                return m.start() + 1
        if units and p["cue"].match(flat, after):
            return m.start() + 1
        # "... Chỉ thị này. Yêu cầu Giám đốc các sở ...; Chủ tịch UBND các xã ... triển khai thực
        # hiện nghiêm túc Chỉ thị này": a request of its own after the last item, not its text
        asked = _ASKS.match(flat, m.end(), end)
        if asked and units_at(flat, asked.end(), end, tag=False)[0]:
            return m.start() + 1
        # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ...": the issuer's request after the items
        asked = _ASKS.match(flat, after + 1, end) if units else None
        if asked and flat[after : after + 1] == " " and units_at(flat, asked.end(), end, tag=False)[0]:
            return m.start() + 1
    # "..., các cơ quan phối hợp có trách nhiệm phối hợp ...": a clause with a subject of its own
    for cue in responsible.within(start, end) if responsible is not None else starting_words(RESPONSIBLE_CUE, flat, start, end):
        subject = responsible_subject(flat, start, cue)
        if (
            subject is not None
            and flat[max(start, subject - 2) : subject].strip() in (",", ";")
            and len(flat[start:subject].split()) >= 4  # not "Hằng năm, Tòa án ... có trách nhiệm"
            and collapse(flat[subject : cue.start()]).strip().casefold() not in {u.casefold() for u in units}
        ):
            return subject
    return end


_ASKS = re.compile(r"(?:(?:kính\s+)?(?:[Yy]êu\s+cầu|[Đđ]ề\s+nghị)|Giao|giao)\s+")
# a lead-in of several phrases, then a request: "Để tăng cường phối hợp, bảo đảm tiến độ, đề nghị "
_AIM_THEN_ASKS = re.compile(rf"[\s*]*(?:{phrase_alternation(GRAMMAR['lead_ins'])})\s[^.;:]{{0,250}}?,\s*(?:kính\s+)?(?:đề\s+nghị|yêu\s+cầu)\s+")
# The closing paragraphs of a text that assigns work, no part of its last item: "Trên đây là Kế
# hoạch ...", the notice's own closing ("Văn phòng Chính phủ thông báo để Bộ X và các cơ quan
# liên quan biết, thực hiện"; "Nay thông báo kết luận của ... để các cơ quan ... biết, triển khai
# thực hiện"), a letter's "trân trọng thông báo", a công điện's "Đây là nhiệm vụ rất quan trọng,
# cấp bách ..." (Nghị định 30/2020/NĐ-CP: the body ends, then its closing), and the request made only if something happens ("Trong quá trình
# thực hiện, nếu có khó khăn, vướng mắc, đề nghị ... phản ánh ...")
_SUMS_UP = re.compile(
    r"Trên\s+đây\s+là\s"
    r"|(?:[A-ZĐÀ-Ỹ][^.;:,]{0,60}?\s)?(?:xin\s+)?thông\s+báo(?:\s+(?:kết\s+luận|ý\s+kiến)\s[^.;:]{0,200}?)?\s+để\s[^.;:]{0,160}?\sbiết"
    r"(?:\s*,\s*(?:phối\s+hợp\s+|triển\s+khai\s+)?thực\s+hiện)?\s*(?:\./\.|\.|$)"
    r"|Trong\s+quá\s+trình\s[^,;:.]{0,80}?,?\s*(?:nếu|trường\s+hợp|khi)\s"
    # a letter's closing formula ("Văn phòng Chính phủ trân trọng thông báo đến các bộ, cơ quan ...")
    r"|(?:[A-ZĐÀ-Ỹ][^.;:,]{0,60}?\s)?(?:xin\s+)?trân\s+trọng\s+thông\s+báo(?=\s*(?:\./\.|\.|$)|\s+(?:đến|để|tới)\s)"
    # a công điện's or chỉ thị's closing emphasis ("Đây là nhiệm vụ rất quan trọng, cấp bách, ...")
    r"|Đây\s+là\s+(?:những\s+|các\s+)?nhiệm\s+vụ\s+(?:rất\s+|hết\s+sức\s+)?(?:quan\s+trọng|cấp\s+bách|trọng\s+tâm)"
)


# a field the task does not read, after the helpers' full stop: "Kinh phí:", "Địa điểm tổ chức:"
# (its bullet's mark, or what a scan left of it, before it: ".\n:_- + Thời gian thực hiện:")
_OTHER_FIELD = re.compile(r"[.;](?:\s|[^\w\s]|_)*?\s[^\w\s]*[A-ZĐÀ-Ỹ][^\s:.;,]*(?:\s+[^\s:.;,]+){0,3}\s*:")


def labelled(flat: str, item: Item, labels: list[re.Match], issued_date: str | None, text: str | None = None) -> list[Task]:
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
            stop = field_end(item, m.start(), stop)
        label = m.group("label")
        value = flat[m.end() : stop]
        other = _OTHER_FIELD.search(value) if field_key(label) in ("hop", "time") else None
        if other:  # "Đơn vị phối hợp: ... có liên quan. Kinh phí: Ngân sách ...": a field of its own
            value = value[: other.start()]
        value = value.strip(" ;.")
        if value or not spread:  # ("Cơ quan thực hiện:" whose value is its bullets' fields)
            fields[field_key(label)] = value
    lead = fields.get("tri") or fields.get("hien")
    if not lead or "thoi gian" in fold(lead[:12]):
        return []
    if spread:
        first = item.children[0]
        first_end = subtree_end(first)  # "- Nội dung:" and its "+" bullets
        content = _CONTENT_LABEL.match(flat, first.text_start, first_end)
        action = action_text(flat[content.end() : first_end] if content else flat[item.text_start : own_end(item)], items=True)
        if not content and text is not None and roles_title(action):
            # "II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN" over "Đơn vị chủ trì thực hiện: Sở X": the
            # title names the roles, not a duty; the lead carries out the plan, as its title says
            action = plan_subject(text, item.start) or action
    else:
        action = action_text(flat[item.text_start : labels[0].start()])
    when = fields.get("time")
    deadline, deadline_text = find_deadline(when or "", issued_date)
    if when and not deadline_text:
        deadline_text = collapse(when)[:120]
    clauses = _clause_duties(flat, lead, action)
    if clauses:
        # "Cơ quan thực hiện: Sở A chủ trì ...; Sở B và Sở C chủ động ...": each clause its own duty
        return [Task(u, a, find_coordinators(a), deadline, deadline_text, item.path or None, item.start, span_end, is_group(u)) for u, a in clauses]
    lead = SCOPE.sub("", lead)  # "..., các sở trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan ..."
    units = split_units(re.split(r"\s+(?:chủ\s+trì|trong\s+phạm\s+vi)", lead)[0])
    units += carriers(fields, units)  # "Đơn vị chủ trì: Sở A. Đơn vị thực hiện: Trung tâm B.": both
    coordinators = field_units(fields.get("hop", ""))
    coordinators = with_named(coordinators, action)  # "... phối hợp với Bộ Tư pháp ..." in the action, no field for it
    return [Task(u, action, coordinators, deadline, deadline_text, item.path or None, item.start, span_end, is_group(u)) for u in units if action]


_OPEN_END = re.compile(r"\s(?:về|của|và|với|cho|đối\s+với|trong)$")  # a name cut before its last words
_CONTENT_LABEL = re.compile(r"\s*(?:Nội\s+dung(?:\s+thực\s+hiện|\s+công\s+việc)?|Nhiệm\s+vụ)\s*:\s*", re.I)


def _clause_duties(flat: str, lead: str, action: str) -> list[tuple[str, str]]:
    """A lead field that is itself written as duties, clause by clause: "Sở A chủ trì tham mưu
    ...; Sở B và các sở, ban, ngành chủ động triển khai ..." gives each unit its clause's duty.
    Empty unless every clause reads as units then a duty verb."""
    if ";" not in lead and not patterns()["cue"].search(lead):
        return []
    found = []
    for clause in re.split(r"\s*;\s*", lead):
        if not clause.strip():
            continue
        units, after = units_at(clause, 0, len(clause), tag=False)
        if not units or not patterns()["cue"].match(clause, after) or _OPEN_END.search(units[-1]):
            return []  # "Đơn vị chủ trì: Vụ Các vấn đề chung về xây dựng pháp luật" is one name
        found.extend((u, action_text(clause[after:])) for u in units)
    return found


def _parenthesized(doc: Context, item: Item) -> bool:
    """ "(1) Sở A ...": an item marked in brackets (``nlp.items``)."""
    return item.label.isdigit() and doc.flat.startswith("(", item.start)


# a request naming no unit, its items after it: "Ủy ban nhân dân tỉnh đề nghị:", "Thủ tướng Chính
# phủ yêu cầu:" (not the noun: "đáp ứng các yêu cầu:", "theo đề nghị:")
_ASKS_ITEMS = re.compile(r"(?<![\wÀ-ỹ])(?<!các\s)(?<!những\s)(?<!theo\s)(?<!của\s)(?P<cue>đề\s+nghị|yêu\s+cầu|giao)(?:\s+như\s+sau)?[\s*]*:[\s*]*$", re.I)


def _asked_items(doc: Context, item: Item) -> str | None:
    """The cue ("đề nghị", "yêu cầu", "giao") of the request that the run of bracketed items
    ``item`` belongs to opens with, or None."""
    i = doc.items.index(item)
    while i > 0 and _parenthesized(doc, doc.items[i - 1]) and doc.items[i - 1].level == item.level:
        i -= 1
    first = doc.items[i]
    before = doc.flat[max(doc.start, first.start - 300) : first.start]
    m = _ASKS_ITEMS.search(before)
    return collapse(m.group("cue")).lower() if m else None


def starts_with_unit(flat: str, item: Item, ground: bool = False) -> bool:
    """ "- UBND huyện Trà Bồng tiếp tục ...": an item that names its own unit; where ``ground``,
    also after the ground it acts on ("Trên cơ sở ..., Sở X ..."): asked of the items after a
    lead-in, which gives no duty of its own when each item names its unit (under a unit's
    heading such an item names the heading's unit again, and stays the heading's)."""
    p = patterns()
    at = item.text_start
    lead = _ITEM_LEAD.match(flat, at, at + 30)
    if lead:
        at = lead.end()
    head = p["head"].match(flat, at)
    if not head and ground:
        # "2. Trên cơ sở báo cáo của các xã, phường, Sở Tài chính theo dõi ...": the ground first
        ground_ = GROUND.match(flat, at, item.end)
        if ground_:
            at = ground_.end()
            head = p["head"].match(flat, at)
    if head and " " not in head.group().strip() and flat[head.end() + 1 : head.end() + 2].islower() and p["cue"].match(flat, head.end()):
        # "3. Bộ Chỉ huy Quân sự tỉnh:\na) Bộ chủ trì, phối hợp ...": the head alone, its verb next,
        # is the heading's unit said again, not a unit of its own
        return False
    return bool(head and names_unit(flat, head) and not p["not_unit"].match(flat, at))


# "Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ được giao chủ trì ...": the duty follows
_QUALIFIER = re.compile(r"\s*(?:theo|trong\s+phạm\s+vi)\s+(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền)", re.I)
# a basis before the verb: "đ) Bộ Tài nguyên và Môi trường | trên cơ sở báo cáo của ..., tổng hợp báo cáo ..."
_BASIS = re.compile(r"\s*trên\s+cơ\s+sở\s[^;:.]{3,160},\s*", re.I)
_WORD = re.compile(r"\s*(\S+)")


def _based_duty(rest: str) -> bool:
    """ "trên cơ sở ..., <duty verb> ...": a basis, then the duty."""
    basis = _BASIS.match(rest)
    return bool(basis and patterns()["cue"].match(rest, basis.end()))


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


# the parts of a plan that state its aims, not who does what ("I. MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "QUAN ĐIỂM")
_AIMS_TITLE = re.compile(r"[\s*]*(?:muc\s+dich|yeu\s+cau|muc\s+tieu|quan\s+diem)(?![a-z])")
_FRAME = re.compile(r"(?:trên\s+cơ\s+sở|căn\s+cứ|theo\s+chức\s+năng|trong\s+phạm\s+vi|với\s+vai\s+trò)(?![\wÀ-ỹ])")  # a frame read into a name
_LEAD_IN = re.compile(rf"\s*(?:{phrase_alternation(GRAMMAR['lead_ins'])})[^,;:]{{0,160}},\s*")
# a duty with no object of its own: the items under it are its content ("2. Sở Công Thương chủ
# trì, phối hợp thực hiện" then a), b), c), as a scan reads it, its colon lost or never printed)
_BARE_DUTY = re.compile(
    r"(?:(?:có|chịu)\s+trách\s+nhiệm(?:\s+chủ\s+trì)?|chủ\s+trì(?:\s*,?\s*phối\s+hợp)?|thực\s+hiện|phối\s+hợp)(?:\s+(?:thực\s+hiện|triển\s+khai))?"
    r"(?:\s+(?:các|những|một\s+số)\s+(?:nội\s+dung|nhiệm\s+vụ)(?:\s+(?:chủ\s+yếu|cụ\s+thể|trọng\s+tâm))?(?:\s+(?:như\s+)?sau(?:\s+đây)?)?)?",
    re.I,
)
ASIDE = re.compile(r",\s*trong\s+đó\s")


_ITEM_MARK = re.compile(r"[\s*]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•])\s+)?")


def closing_is_an_object(flat: str, s: int, cue_at: int) -> bool:
    """Whether "tổ chức thực hiện Nghị quyết này" ends a duty of its own rather than closing the
    text: a unit, then a duty verb of its own before it ("Giao UBND tỉnh xây dựng kế hoạch và ...")."""
    p = patterns()
    at = s + len(flat[s:cue_at]) - len(flat[s:cue_at].lstrip())
    at = _ITEM_MARK.match(flat, at, cue_at).end()  # "1. Sở A làm đầu mối, tham mưu ... tổ chức thực hiện Quy định này"
    lead = p["lead"].match(flat, at, cue_at)
    if lead:
        at = lead.end()
    units, after = units_at(flat, at, cue_at, tag=False)
    return bool(units) and bool(flat[after:cue_at].strip(" ,;")) and bool(p["cue"].match(flat, after))
