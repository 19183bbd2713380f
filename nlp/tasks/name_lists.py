"""Names that hold their hierarchy, and lists that are several (issue 21, fourteenth part).

Vietnamese offices write a unit that is a part of a part from the smaller to the larger, each
level after a comma: "Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an" is the
fifth Phòng of that Cục of Bộ Công an, one unit ("Cục Thống kê, Bộ Tài chính", "Vụ Pháp chế, Bộ
Nội vụ", "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ"). A list of peers repeats the same level
("Cục Thuế, Cục Hải quan") or goes down, never up.

A list may also share one head over several proper names: "UBND tỉnh Điện Biên, Nghệ An và Tây
Ninh" is the committee of each of the three provinces; "Hội công chứng viên tỉnh Lâm Đồng, Bình
Thuận, Đắk Nông" three associations. The head ends on the kind of place (tỉnh, thành phố, huyện
...), the names after it are capitalised place names with no head of their own.

And a name qualified by a short parenthesis ("Đoàn Luật sư tỉnh Lâm Đồng (cũ), Đoàn Luật sư tỉnh
Bình Thuận (cũ) có trách nhiệm ...") goes on past it to the next unit of the list.
"""
from __future__ import annotations

import re

# the level a part's head names, and the heads of the levels it may be a part of
_PARENTS = {
    "Phòng": ("Cục", "Vụ", "Sở", "Tổng cục", "Bộ", "Chi cục"),
    "Đội": ("Phòng", "Công an", "Cục", "Chi cục"),
    "Chi cục": ("Cục", "Sở", "Tổng cục"),
    "Cục": ("Tổng cục", "Bộ"),
    "Vụ": ("Bộ", "Tổng cục"),
    "Tổng cục": ("Bộ",),
}
_PART_HEAD = re.compile(r"(?P<head>Tổng\s+cục|Chi\s+cục|Cục|Vụ|Phòng|Đội)\s+(?=[A-ZĐÀ-Ỹ0-9])")
# a larger level's head, then its proper name ("Bộ Công an"; "Công an tỉnh Lâm Đồng")
_PARENT_HEAD = re.compile(
    r"(?P<head>Tổng\s+cục|Chi\s+cục|Cục|Vụ|Phòng|Sở|Bộ(?!\s+(?:trưởng|Chỉ\s+huy|Tư\s+lệnh))|Công\s+an)\s+"
    r"(?:(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s+)?[A-ZĐÀ-Ỹ0-9]"
)


def _head(match: re.Match | None) -> str | None:
    return re.sub(r"\s+", " ", match.group("head")) if match else None


def part_of(current: str, piece: str) -> bool:
    """Whether ``piece``, after a comma, names the larger unit that the last level of
    ``current`` is a part of ("Phòng 5" then "Cục Cảnh sát ...", "Cục Thống kê" then "Bộ Tài
    chính")."""
    last = current.rsplit(",", 1)[-1].strip()
    part = _head(_PART_HEAD.match(last))
    parent = _head(_PARENT_HEAD.match(piece))
    return bool(part and parent and parent in _PARENTS[part])


# a head that ends on the kind of place, then its place names: "UBND tỉnh | Điện Biên, Nghệ An và
# Tây Ninh"
_PLACE_KIND = re.compile(r"^(?P<prefix>.*?\S\s(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường))\s+(?P<names>[A-ZĐÀ-Ỹ].*)$")
_NAME_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
_PLACE_NAME = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}(?:\s*\([^()]{1,12}\))?")


# the count of the bodies a list names, before their common name: "Ban Chấp hành 03 Hội công
# chứng viên | Lâm Đồng, Đắk Nông, Bình Thuận" (their head, then lower-case words)
_COUNTED = re.compile(r"^(?P<before>.*?)\s*(?<![\wÀ-ỹ])0?(?P<n>[2-9])\s+(?P<kind>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[a-zđà-ỹ][\wÀ-ỹ]*)+)\s+(?P<names>[A-ZĐÀ-Ỹ].*)$")


def per_place(unit: str) -> list[str]:
    """ "UBND tỉnh Điện Biên, Nghệ An và Tây Ninh": one unit per place ("UBND tỉnh Điện Biên",
    "UBND tỉnh Nghệ An", "UBND tỉnh Tây Ninh"); "Ban Chấp hành 03 Hội công chứng viên Lâm Đồng,
    Đắk Nông, Bình Thuận": one per body counted; any other name as it is."""
    if "," not in unit and " và " not in unit:
        return [unit]
    counted = _COUNTED.match(unit)
    if counted:
        names = [n for n in _NAME_SEP.split(counted.group("names").strip()) if n]
        if len(names) == int(counted.group("n")) and all(_PLACE_NAME.fullmatch(n) for n in names):
            before = f"{counted.group('before')} " if counted.group("before") else ""
            return [f"{before}{counted.group('kind')} {n}" for n in names]
    m = _PLACE_KIND.match(unit)
    # (not "... các tỉnh A, B": the places of a group, read with their colon or as written)
    if not m or re.search(r"[,;]|(?<![\wÀ-ỹ])[Cc]ác\s+\S+(?:\s+phố|\s+xã)?$", m.group("prefix")):
        return [unit]
    names = [n for n in _NAME_SEP.split(m.group("names").strip()) if n]
    if len(names) < 2 or not all(_PLACE_NAME.fullmatch(n) for n in names):
        return [unit]
    return [f"{m.group('prefix')} {n}" for n in names]


# a short qualifier of a name ("(cũ)", "(mới)", "(BTC)", "(sau đây gọi là Tổ)")
_QUALIFIER = re.compile(r"\s*\((?P<words>[^()]{1,40})\)(?P<sep>\s*,\s*|\s+và\s+)")


def qualifier_in_list(flat: str, at: int, head: re.Pattern) -> bool:
    """Whether the parenthesis at ``at`` qualifies one name of a list: a few words, then a
    comma or "và" and another unit's head ("Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B")."""
    m = _QUALIFIER.match(flat, at)
    if not m or len(m.group("words").split()) > 6:
        return False
    nxt = m.end()
    if flat.startswith("các ", nxt):
        nxt += 4
    # (a named unit, capitalised: not "..., cơ quan | giám sát thi công", a common noun of the clause)
    return flat[nxt : nxt + 1].isupper() and bool(head.match(flat, nxt, nxt + 80))


_NUMBERED = re.compile(r"\s*\d{1,2}\s*,\s*")


def numbered_part(flat: str, at: int) -> bool:
    """A numbered part named with the unit it is a part of ("Phòng | 5, Cục Cảnh sát ...": Bộ
    Công an's Cục number their Phòng); a bare "Phòng 5" is no name."""
    m = _NUMBERED.match(flat, at)
    return bool(m and _PARENT_HEAD.match(flat, m.end()))


def said_once(name: str) -> str:
    """A name said twice, as a heading and its paragraph's subject run together ("Điều 2. Nhiệm
    vụ của Tổ công tác" | "Tổ công tác có trách nhiệm ..."): the name once."""
    words = name.split()
    for k in range(len(words) // 2, 1, -1):
        if words[:k] == words[k : 2 * k]:
            return " ".join(words[k:])
    return name


def element_start(flat: str, at: int, end: int) -> int:
    """Where the last element of a list of names separated by ";" opens, before ``end`` (a
    firm's trade is read from its own head: "Công ty A; Công ty cổ phần Tư vấn đầu tư xây dựng
    Hà Thành; ...")."""
    cut = flat.rfind(";", at, end)
    if cut < 0:
        return at
    cut += 1
    while cut < end and flat[cut] == " ":
        cut += 1
    return cut


# the scope a list of units acts in, written after the last name ("...; Công ty G | theo địa bàn
# quản lý, duy tu, duy trì có trách nhiệm:"): no part of the name
_SCOPE_TAIL = re.compile(r"\s+theo\s+(?:địa\s+bàn|chức\s+năng|thẩm\s+quyền|phạm\s+vi)(?![\wÀ-ỹ]).*$")


def without_scope_tail(unit: str) -> str:
    """A unit's name without the scope written after it."""
    return _SCOPE_TAIL.sub("", unit) or unit


def _bare(name: str) -> str:
    return re.sub(r"(?<![\wÀ-ỹ])các\s+", "", name.casefold()) + " "


def without_said_again(tasks: list) -> list:
    """No task for a request inside the duty already given to the same body, named again by its
    common name ("đề nghị Ban chấp hành các Hội công chứng viên tỉnh A, B, C thực hiện ... sau:"
    then, in an item, "Đề nghị Ban chấp hành Hội công chứng viên vận dụng ..."): the item is in
    that duty's words already."""
    inside = set()
    for task in tasks:
        name = _bare(task.assignee)
        if len(name.split()) < 4 or not task.action.startswith("(đề nghị)"):
            continue  # (shorter names: ``_without_repeats``; only a request names the bodies again)
        if any(
            o is not task and o.start < task.start < max(o.end, o.reach) and _bare(o.assignee) != name and _bare(o.assignee).startswith(name)
            for o in tasks
        ):
            inside.add(id(task))
    return [t for t in tasks if id(t) not in inside]
