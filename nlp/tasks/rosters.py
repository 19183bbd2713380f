"""A membership list is no duty (issue 21, fourteenth part).

A quyết định that sets up a council, a board or a working group lists its members, each a
person with a post: "1. Ông Trần Văn A, Phó Giám đốc Sở Nội vụ - Tổ trưởng", or under a body's
name ("a) Sở Tư pháp" then "- Bà Phạm Thị B - Phó Trưởng phòng ..."). The body's name over its
members is no unit given a duty, and the lines under it are no action: the duties of the group
are in the articles after the list ("Tổ giúp việc có trách nhiệm tham mưu ...").
"""
from __future__ import annotations

import re

from .task import Task

# one member: "Ông/Bà/Đồng chí <full name>", then the post after "-", ",", ":" or "(" (or nothing)
_MEMBER = re.compile(
    r"^\W*(?:\d+\.|[a-zđ]\))?\s*(?:[^:]{1,30}:\s*)?(?:Ông|Bà|ông|bà|Đồng\s+chí|đồng\s+chí|Đ/c|đ/c)\s+"
    r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,5}\s*(?:[-–,:(]|$)"
)
# where one member's line ends and the next begins, as the action joins them
_MEMBER_SPLIT = re.compile(r"(?:[.;]\s+|\n+\s*)(?=\W*(?:\d+\.|[a-zđ]\)|-|\+)?\s*(?:[^:.;]{1,30}:\s*)?(?:Ông|Bà|Đồng\s+chí|Đ/c)\s)")


def is_roster(action: str) -> bool:
    """Whether an action is only a list of members, each a person and a post."""
    parts = [x for x in _MEMBER_SPLIT.split(action.strip()) if x.strip()]
    return bool(parts) and all(_MEMBER.match(x.strip()) for x in parts)


# a body's make-up, not a duty: "b) Các phòng chuyên môn, nghiệp vụ gồm:" then the offices' names
_MADE_UP_OF = re.compile(r"\s(?:bao\s+)?gồm(?:\s+có)?\s*:?$")


def without_rosters(tasks: list[Task]) -> list[Task]:
    """The tasks, less those whose action is a membership list, or whose unit is a body said to be
    made up of what follows ("Các phòng chuyên môn, nghiệp vụ gồm | Phòng Hành chính ...")."""
    return [t for t in tasks if not is_roster(re.sub(r"^\(đề nghị\)\s*", "", t.action)) and not _MADE_UP_OF.search(t.assignee)]
