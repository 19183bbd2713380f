"""A subject picked out by the duty it was given: "Các sở, ngành được phân công chủ trì thực
hiện nhiệm vụ tại Kế hoạch này | xây dựng kế hoạch chi tiết ...", "Các bộ, ngành và địa
phương được giao chủ trì các nhiệm vụ ... | cần chủ động thông tin ...".

A plan's or a resolution's closing part addresses the bodies its tasks were given to by that
relative clause ("được giao / được phân công chủ trì ..."), then says what they must do. The
clause names no duty of its own: it ends before a modal ("cần", "phải") or, after the text it
cites ("... tại Kế hoạch này", "... kèm theo"), before a duty verb. The unit is named without
the clause (it is kept, in brackets, at the head of the action); the duty is what follows it.
"""
from __future__ import annotations

import re

from .vocabulary import patterns

# the name ran on to the relative clause's participle: "Các sở, ngành được phân công"
_GIVEN_AT_END = re.compile(r"\s+(?P<words>được\s+(?:giao|phân\s+công))\s*$")
# the rest of the clause: its verb and object, to a modal or to the text it cites
_CLAUSE = re.compile(
    r"(?P<rest>(?:chủ\s+trì|thực\s+hiện|triển\s+khai|nhiệm\s+vụ|các\s+nhiệm\s+vụ)(?![\wÀ-ỹ])[^;:.()]{0,250}?"
    r"(?:(?=\s+(?:cần|phải)\s+[a-zđà-ỹ])|\snày|\skèm\s+theo))(?:\s+(?P<modal>cần|phải))?\s+"
)


def past_relative(assignee: str, action: str) -> tuple[str, str] | None:
    """(the unit without its relative clause, the action opening with the clause in brackets and
    then the duty), or None when the name does not end on "được giao / được phân công" followed
    by such a clause and a duty."""
    given = _GIVEN_AT_END.search(assignee)
    if not given or len(assignee[: given.start()].split()) < 2:
        return None
    clause = _CLAUSE.match(action)
    if not clause:
        return None
    duty = action[clause.end() :]
    if not clause.group("modal") and not patterns()["cue"].match(" " + duty):
        return None  # "... tại Kế hoạch này | đạt ...": no duty verb after the text it cites
    if len(duty.split()) < 3:
        return None
    return assignee[: given.start()].rstrip(" ,"), f"({given.group('words')} {clause.group('rest')}) {duty}"
