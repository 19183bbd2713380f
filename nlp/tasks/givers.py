"""Who gives a duty and who holds it: "Phó Thủ tướng giao Bộ X chủ trì ...", "Bộ trưởng Bộ Nội
vụ giao Vụ Y ...", "Chủ tịch UBND tỉnh giao Sở Z ...".

A thông báo kết luận reports what the leader who chaired the meeting concluded, and a plan or a
directive what its issuer orders, in the same form: the giver (a post or a body), "giao", the
unit given the duty, its verb. The duty is the given unit's; the giver holds none. A giver may
stand before an adverb ("Thủ tướng cũng giao ...", "đồng thời giao ...").
"""
from __future__ import annotations

import re

from .units import name_and_verb
from .vocabulary import patterns

# the last word of a giver's name: a capitalised syllable ("Bộ trưởng Bộ Nội vụ", "Chính phủ"
# ends on "phủ"), a place ("UBND tỉnh"), or the post itself ("Bộ trưởng", "Thủ tướng",
# "Chủ tịch", "Giám đốc")
_GIVER_END = frozenset({"tỉnh", "phố", "huyện", "xã", "phường", "phủ", "trưởng", "tướng", "tịch", "đốc"})
# what may stand between the giver and "giao": an adverb of the report ("cũng", "đồng thời")
_ADVERBS = re.compile(r"(?:\s+(?:cũng|đồng\s+thời|tiếp\s+tục|trân\s+trọng))+\s*$")
# (or asks it: "Chủ tịch UBND huyện đề nghị Trưởng phòng Kinh tế - Hạ tầng huyện | khẩn trương ...",
# "Thường trực Hội đồng nhân dân cấp tỉnh yêu cầu Ban của Hội đồng nhân dân | thực hiện ...")
# (or delegates to it: "Ủy ban nhân dân tỉnh phân cấp cho Sở Xây dựng, Sở ... | chủ trì ...")
_GIVES = re.compile(
    r"(?<![\wÀ-ỹ])(?:giao\s+(?:cho\s+|trách\s+nhiệm\s+cho\s+|nhiệm\s+vụ\s+cho\s+)?|đề\s+nghị\s+|yêu\s+cầu\s+"
    r"|(?:phân\s+cấp|phân\s+quyền|[Ủủ]y\s+quyền|[Uu]ỷ\s+quyền)\s+cho\s+)(?=[A-ZĐÀ-Ỹ])"
)


def named_giver(before: str, bodies: bool = False) -> bool:
    """Whether the words before "giao" end on a body's or a post's name ("Thủ tướng Chính phủ",
    "Phó Thủ tướng", "Ủy ban nhân dân tỉnh", "Bộ trưởng Bộ Nội vụ cũng", "Bộ Công an trân
    trọng"), not on a verb or a conjunction ("đang giao", "và giao"). ``bodies``: any body's whole
    name counts ("Bộ Nội vụ đề nghị các bộ ..."); a request's giver, where "các nội dung Hội đồng
    nhân dân giao ..." (a relative clause before "giao") is not in question."""
    before = _ADVERBS.sub("", before)
    words = before.split()
    if not words or words[-1] in _NOT_A_NAME_END:
        return False
    return words[-1][:1].isupper() or words[-1] in _GIVER_END or (bodies and _ends_on_a_body(before))


# a name never ends on these: the giver's verb comes after them ("Bộ Tài chính đã đề nghị ...")
_NOT_A_NAME_END = frozenset({"đã", "đang", "sẽ", "và", "hoặc", "thì", "mà", "được", "bị", "có", "không", "chưa", "để"})


def _ends_on_a_body(before: str) -> bool:
    """Whether ``before`` ends on a body's whole name: a ministry's or an office's name ends on a
    lower-case syllable ("Bộ Nội vụ", "Bộ Công an", "Cục Cảnh sát điều tra tội phạm về ma túy")."""
    p = patterns()
    heads = [m.start() for m in _CAPITAL_WORD.finditer(before, max(0, len(before) - 90)) if p["head"].match(before, m.start())]
    if not heads:
        return False
    phrase = before[heads[-1] :].strip()  # from the last head: "Để ..., Bộ Nội vụ"
    return len(phrase.split()) <= 12 and "," not in phrase and name_and_verb(phrase) is None


_CAPITAL_WORD = re.compile(r"(?<![\wÀ-ỹ])[A-ZĐÀ-Ỹ]")


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
