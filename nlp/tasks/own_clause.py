"""Where a duty's clause ends: at a ";" after which another unit is the subject of a duty of its own.

A sentence of a thông báo, kế hoạch or quyết định often gives two units their duties in turn,
clause after clause: "Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra ... ở địa
bàn dân cư; Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra ... ở các đơn vị thuộc quyền quản
lý". The ";" closes the first unit's duty; the second clause opens with a unit's name (capitalised)
and a duty verb of its own, and is read as that unit's task. A ";" that only lists more steps of
the same duty ("...; tổ chức kiểm tra ...") or more units of the same subject ("Chánh Văn phòng
UBND tỉnh; Chủ tịch UBND các xã tổ chức ...") does not end it.
"""
from __future__ import annotations

import re

from .context import SENTENCE_CUT
from .units import past_parenthesis, units_at
from .vocabulary import patterns


# the partners of the duty before the ";": "phối hợp với các Sở, ban, ngành; UBND các xã; ..." lists them
_PARTNERS = re.compile(r"(?:phối\s+hợp|cùng)(?:\s+với)?\s+[^;:.]*$")
# the closing article's executors listed over ";" ("...; Chủ tịch UBND các xã căn cứ Quyết định thi hành")
_EXECUTES = re.compile(r"thi\s+hành(?!\s+án)|thực\s+hiện\s+(?:Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Thông\s+báo)\s+này")


def clause_end(flat: str, start: int, end: int) -> int:
    """The first ";" between ``start`` and ``end`` that another unit's duty follows, or ``end``."""
    at = flat.find(";", start, end)
    p = patterns()
    while at >= 0:
        nxt = at + 1
        while nxt < end and flat[nxt] in " *\t\n":
            nxt += 1
        if flat[nxt : nxt + 1].isupper() and not _PARTNERS.search(flat, start, at):
            units, after = units_at(flat, nxt, end, tag=False)
            verb = past_parenthesis(flat, after, end)
            if units and p["cue"].match(flat, verb):
                stop = flat.find(";", verb, end)
                if not _EXECUTES.search(flat, verb, end if stop < 0 else stop):
                    return at
        at = flat.find(";", at + 1, end)
    return end


def next_clauses(flat: str, start: int, end: int) -> list[tuple[int, list[str], int, int]]:
    """The clauses after ";" between ``start`` and ``end`` that give another unit a duty of its
    own: (where the clause starts, its units, where its verb starts, where it ends)."""
    found = []
    at = clause_end(flat, start, end)
    while at < end:
        nxt = at + 1
        while nxt < end and flat[nxt] in " *\t\n":
            nxt += 1
        units, after = units_at(flat, nxt, end, tag=False)
        after = past_parenthesis(flat, after, end)
        stop = clause_end(flat, after, end)
        found.append((nxt, units, after, stop))
        at = stop
    return found


# a sentence whose subject is a unit bound by "phải" / "cần" ("Chủ đầu tư và các nhà thầu thi công
# ... phải đảm bảo ... hoàn thành trước thời điểm 30/4/2026"): another unit's duty, not the item's
_MUST = re.compile(r"\s*(?:phải|cần)\s+(?=[a-zđà-ỹ])")


def must_sentence(flat: str, start: int, end: int) -> int:
    """Where a later sentence between ``start`` and ``end`` opens with a unit and "phải" / "cần"
    (the next sentence's own subject), or ``end``."""
    for m in SENTENCE_CUT.finditer(flat, start, end):
        at = m.end()
        if not flat[at : at + 1].isupper():
            continue
        units, after = units_at(flat, at, end, tag=False)
        if units and _MUST.match(flat, after):
            return m.start() + 1
    return end
