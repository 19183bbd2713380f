"""Who gives a duty and who holds it: "Phó Thủ tướng giao Bộ X chủ trì ...", "Bộ trưởng Bộ Nội
vụ giao Vụ Y ...", "Chủ tịch UBND tỉnh giao Sở Z ...".

A thông báo kết luận reports what the leader who chaired the meeting concluded, and a plan or a
directive what its issuer orders, in the same form: the giver (a post or a body), "giao", the
unit given the duty, its verb. The duty is the given unit's; the giver holds none. A giver may
stand before an adverb ("Thủ tướng cũng giao ...", "đồng thời giao ...").
"""
from __future__ import annotations

import re

from .vocabulary import patterns

# the last word of a giver's name: a capitalised syllable ("Bộ trưởng Bộ Nội vụ", "Chính phủ"
# ends on "phủ"), a place ("UBND tỉnh"), or the post itself ("Bộ trưởng", "Thủ tướng",
# "Chủ tịch", "Giám đốc")
_GIVER_END = frozenset({"tỉnh", "phố", "huyện", "xã", "phường", "phủ", "trưởng", "tướng", "tịch", "đốc"})
# what may stand between the giver and "giao": an adverb of the report ("cũng", "đồng thời")
_ADVERBS = re.compile(r"(?:\s+(?:cũng|đồng\s+thời|tiếp\s+tục))+\s*$")
_GIVES = re.compile(r"(?<![\wÀ-ỹ])giao\s+(?:cho\s+|trách\s+nhiệm\s+cho\s+|nhiệm\s+vụ\s+cho\s+)?(?=[A-ZĐÀ-Ỹ])")


def named_giver(before: str) -> bool:
    """Whether the words before "giao" end on a body's or a post's name ("Thủ tướng Chính phủ",
    "Phó Thủ tướng", "Ủy ban nhân dân tỉnh", "Bộ trưởng Bộ Nội vụ cũng"), not on a verb or a
    conjunction ("đang giao", "và giao")."""
    before = _ADVERBS.sub("", before)
    words = before.split()
    return bool(words) and (words[-1][:1].isupper() or words[-1] in _GIVER_END)


def given_unit(assignee: str) -> tuple[str, str] | None:
    """ "Phó Thủ tướng giao Bộ Công an" read as a unit: (the given unit, the giver's words left
    over), or None when the name holds no giver. The giver opens with a unit's head and names
    itself whole before "giao"; the given unit opens with a head of its own."""
    p = patterns()
    if not p["head"].match(assignee):
        return None
    m = _GIVES.search(assignee)
    if not m or not named_giver(assignee[: m.start()]) or not p["head"].match(assignee, m.end()):
        return None
    return assignee[m.end() :].strip(), assignee[: m.start()].strip()
