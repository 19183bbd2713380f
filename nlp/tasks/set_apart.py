"""A subject set apart from its verb by a phrase of its own (issue 21, tenth part).

Plans, chỉ thị, công điện and thông báo kết luận often put, between the unit and its duty, the
frame the unit acts in: the formula of its remit ("Ủy ban nhân dân tỉnh Ninh Bình theo chức
năng, nhiệm vụ, thẩm quyền chỉ đạo ...", "Tập đoàn X, theo chức năng, nhiệm vụ và thẩm quyền,
trao đổi, phối hợp ...") or the ground it acts on, set off by commas ("Sở Tài chính, trên cơ sở
đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp ..."). The unit is the name before
the phrase; the duty is the predicate after it, the phrase kept at its head (it says how the
unit acts). The ground's own list ("các cơ quan, đơn vị, địa phương") is no part of the unit.
"""
from __future__ import annotations

import re

from .units import units_at
from .vocabulary import patterns

_REMIT_WORD = r"(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|quyền\s+hạn|trách\s+nhiệm)"
# the formula of a unit's remit: "theo chức năng, nhiệm vụ(,| và) thẩm quyền (được giao | của mình)"
_REMIT = re.compile(
    rf"(?P<comma>\s*,)?\s+(?:theo|trong\s+phạm\s+vi)\s+{_REMIT_WORD}(?:\s*(?:,|và|,\s*và)\s*{_REMIT_WORD})*"
    r"(?:\s+(?:được\s+(?:giao|phân\s+công)|của\s+mình|theo\s+quy\s+định))?(?P<after>\s*,)?\s*(?=[a-zđà-ỹ])"
)
# the ground a unit acts on, set off by commas: ", trên cơ sở đề xuất của ..., ", ", căn cứ ..., "
_GROUND = re.compile(r"\s*,\s*(?:trên\s+cơ\s+sở|căn\s+cứ(?:\s+vào)?|với\s+vai\s+trò)\s")
_ASIDE_END = re.compile(r",\s*(?=[a-zđà-ỹ])")


def set_apart(flat: str, at: int, limit: int) -> tuple[list[str], int] | None:
    """The units that open the clause at ``at`` when a phrase of their remit or their ground
    stands between them and their verb, and where that phrase starts (the duty's start: the
    phrase is part of it); None when the clause has no such form."""
    window = min(limit, at + 400)
    # (a literal test first: most clauses have neither)
    text = flat[at:window]
    if "theo " not in text and "phạm vi" not in text and "cơ sở" not in text and "căn cứ" not in text and "vai trò" not in text:
        return None
    cue = patterns()["cue"]
    for m in _REMIT.finditer(flat, at, window):
        # "X theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo ...": with no comma after the formula its
        # verb must be a duty verb ("theo chức năng quản lý nhà nước" is no formula)
        if not m.group("after") and not cue.match(flat, m.end()):
            continue
        found = _named_before(flat, at, m.start())
        if found:
            return found, m.start() + len(m.group("comma") or "")
    for m in _GROUND.finditer(flat, at, window):
        # the ground ends at the comma its verb follows ("..., đơn vị, địa phương, | chủ trì ...")
        for end in _ASIDE_END.finditer(flat, m.end(), min(window, m.end() + 250)):
            if re.search(r"[;:.]", flat[m.end() : end.start()]):
                break
            if cue.match(flat, end.end()):
                found = _named_before(flat, at, m.start())
                if found:
                    return found, m.start() + flat[m.start() : m.end()].index(",") + 1
                break
    return None


def _named_before(flat: str, at: int, phrase_at: int) -> list[str]:
    """The units named from ``at`` whose names end right at ``phrase_at``."""
    if phrase_at <= at:
        return []
    units, after = units_at(flat, at, phrase_at, tag=False)
    if not units or flat[after:phrase_at].strip(" ,"):
        return []
    return units
