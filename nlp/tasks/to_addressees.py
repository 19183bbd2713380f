"""A công văn's request to a group its "Kính gửi:" names member by member.

A công văn names its addressees after "Kính gửi:" (Nghị định 30/2020/NĐ-CP, Phụ lục: the "nơi
nhận" at the letter's head). Bodies of one kind sent the same letter are named once, the kind in
the plural and their names after a colon, as a list in the text is ("Kính gửi: Ủy ban nhân dân
các tỉnh, thành phố: An Giang, Cần Thơ, Cà Mau, ..."; "Công an các tỉnh: A, B"; "Các Bộ: Công an,
Tài chính"). The letter then asks them by the kind alone ("trân trọng đề nghị UBND các tỉnh,
thành phố trực thuộc Trung ương một số nội dung sau:"). The request is each named body's task: the
letter went to them and to no other member of the kind, so its group task becomes one task per
body the address names (the convention of named lists: a list of named provinces gives one task
each; a fixed group not named member by member stays one assignee).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..normalize import fold
from .context import Context
from .from_letter import _CONDITION, _sentence_end, addressees
from .vocabulary import courtesy_only
from .task import Task, action_text, tasks_for
from .units import split_units

# "<head> các <kind>[, <kind>] [trực thuộc Trung ương]: <names>" (the head may be empty: "Các Bộ: ...")
_NAMED = re.compile(r"^(?P<group>(?P<head>.*?)\b[Cc]ác\s+(?P<kinds>[^:]{2,60}?))\s*:\s*(?P<names>\S.+)$")
_SHORT = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}


def _key(words: str) -> str:
    text = fold(words).replace(",", " ")
    for short, whole in _SHORT.items():
        text = re.sub(rf"\b{short}\b", whole, text)
    return " ".join(text.split())


def named_groups(text: str) -> list[tuple[str, str, list[str]]]:
    """(head, kinds, members) of each address entry that names a group's members."""
    found = []
    for entry in addressees(text):
        entry = _colon_after_kinds(entry)
        m = _NAMED.match(entry)
        if not m:
            continue
        members = split_units(entry)
        if len(members) >= 2:
            found.append((_key(m.group("head")), _key(m.group("kinds")), members))
    return found


# the words a letter calls its addressees by, naming no unit, then the verb (lower case)
_THEM = r"(?:[Qq]uý\s+(?:cơ\s+quan|đơn\s+vị|Bộ|Ủy\s+ban|Uỷ\s+ban|Sở|Cục|Ban)|các\s+đồng\s+chí|các\s+đơn\s+vị|các\s+cơ\s+quan(?:,\s*đơn\s+vị)?)"
# (after the sender's own name too: "Bộ Thông tin và Truyền thông đề nghị Quý cơ quan ...";
# "Quý ..." is always the addressee, whoever the sentence opens on)
_ASKS_THEM = re.compile(
    rf"(?:^|(?<=[.;:\n])|(?<=,))\s*(?:[A-ZĐ][^.;:\n]{{0,80}}?\s(?=[Đđ]ề\s+nghị\s+[Qq]uý\s))?(?P<lead>[Đđ]ề\s+nghị)\s+{_THEM}\s+(?=[a-zđà-ỹ])", re.M
)
_THEM_WHOLE = re.compile(rf"{_THEM}$")


def every_addressee(text: str) -> list[str]:
    """Each body a letter's "Kính gửi:" names, a group named member by member as its members."""
    names = []
    for entry in addressees(text):
        members = split_units(_colon_after_kinds(entry)) if ":" in entry or _KINDS_THEN_NAMES.match(entry) else []
        names.extend(m for m in (members if len(members) >= 2 else [entry]) if m not in names)
    return names


def addressee_requests(doc: Context, found: list[Task], text: str) -> list[Task]:
    """The requests of a công văn to its addressees by a word standing for them ("đề nghị Quý cơ
    quan ..."), that no task read: one task per addressee."""
    if doc.doc_type not in ("CV", None):
        return []
    tasks: list[Task] = []
    names = None
    for m in _ASKS_THEM.finditer(doc.flat, doc.start, doc.end):
        if any(t.start <= m.start("lead") < t.end for t in found):
            continue  # read already
        sentence_start = max(doc.flat.rfind(".", 0, m.start()), doc.flat.rfind(";", 0, m.start()), doc.flat.rfind(":", 0, m.start()))
        if _CONDITION.search(doc.flat, sentence_start + 1, m.start("lead")):
            continue
        names = every_addressee(text) if names is None else names
        if not names:
            return []
        end = _sentence_end(doc.flat, m.end(), doc.end)
        action = action_text(doc.flat[m.end() : end])
        if action and not courtesy_only(action):  # "đề nghị Quý Ủy ban quan tâm, phối hợp./.": the close
            tasks.extend(tasks_for(names, "(đề nghị) " + action, doc.flat[m.end() : end], doc.issued_date, None, m.start("lead"), end))
    return tasks


def to_named_addressees(doc: Context, tasks: list[Task], text: str) -> list[Task]:
    """Each group task of a công văn whose group its address names member by member, as one task
    per member (see the module's note); every other task as it is."""
    if doc.doc_type not in ("CV", None):
        return tasks
    groups = named_groups(text)
    generic = [t for t in tasks if _THEM_WHOLE.fullmatch(t.assignee)]
    if generic:  # "đề nghị các đơn vị nghiên cứu ...", read as a group: the bodies addressed
        names = every_addressee(text)
        if names:
            tasks = [u for t in tasks for u in (_to_each(t, names, tasks) if t in generic else [t])]
    if not groups:
        return tasks
    out: list[Task] = []
    for task in tasks:
        members = _members(task.assignee, groups) if task.group or " các " in f" {task.assignee} " else None
        if members:
            out.extend(replace(task, assignee=m, group=False) for m in members)
        else:
            out.append(task)
    return out


def _members(assignee: str, groups: list[tuple[str, str, list[str]]]) -> list[str] | None:
    """The members an address entry names for the group ``assignee`` ("UBND các tỉnh, thành phố
    trực thuộc Trung ương"): the same head before "các", and a kind in common."""
    m = re.match(r"^(?P<head>.*?)\bcac\s+(?P<kinds>.+)$", _key(assignee))
    if not m:
        return None
    head, kinds = m.group("head").strip(), set(m.group("kinds").split()[:3])
    for g_head, g_kinds, members in groups:
        if g_head.strip() == head and kinds & set(g_kinds.split()[:3]):
            return members
    return None


# "Uỷ ban nhân dân các tỉnh, thành phố An Giang, Cần Thơ, ...": the names right after the kinds,
# with no colon (a scan may also read a comma between two names as "."): read as "...: A, B, ..."
_KINDS_THEN_NAMES = re.compile(
    r"^(?P<group>.*?\b[Cc]ác\s+(?:tỉnh|thành\s+phố)(?:\s*,\s*(?:tỉnh|thành\s+phố))*)\s+(?P<names>[A-ZĐÀ-Ỹ][^:]*,[^:]*)$"
)


def _colon_after_kinds(entry: str) -> str:
    m = _KINDS_THEN_NAMES.match(entry)
    if not m:
        return entry
    names = re.sub(r"\.\s+(?=[A-ZĐÀ-Ỹ])", ", ", m.group("names"))
    return f"{m.group('group')}: {names}"


# a closing request that only repeats the duties above ("... triển khai thực hiện đầy đủ các nội
# dung chỉ đạo nêu trên"): a task only of a body no duty above names (as a closing article's is)
_ABOVE = re.compile(r"(?:nêu\s+trên|trên\s+đây|tại\s+văn\s+bản\s+này|tại\s+Công\s+văn\s+này)(?![\wÀ-ỹ])")


def _to_each(task: Task, names: list[str], tasks: list[Task]) -> list[Task]:
    named = {t.assignee.casefold() for t in tasks if t is not task}
    repeats = bool(_ABOVE.search(task.action))
    return [replace(task, assignee=n, group=False) for n in names if not (repeats and n.casefold() in named)]
