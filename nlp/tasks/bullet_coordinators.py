"""The coordinators of each bullet a unit's heading takes in.

A kế hoạch, a chỉ thị or a thông báo kết luận sets a unit's name as a heading and its duties as
the bullets under it ("1. Sở Khoa học và Công nghệ" then "a) Chủ trì, phối hợp với các bộ,
ngành ...", "b) Chủ trì, phối hợp với doanh nghiệp ...", "- Phối hợp với Sở Tư pháp ..."): each
bullet is a clause whose subject is the heading's unit, left out, and the bullet's own "phối hợp
(với) X" names who helps with that duty. The heading's task takes all its bullets, so all their
coordinators are its coordinators, not only the first bullet's.

Only a bullet that opens with its verb (no subject of its own) and whose verb chain says "phối
hợp" ("Chủ trì, phối hợp với ...", "Phối hợp (chặt chẽ) với ...", "Chủ động phối hợp với ...")
counts: a "phối hợp" further on may be another subject's ("khuyến khích các cơ sở giáo dục
phối hợp với ..."), or a noun ("Quy chế phối hợp ...").
"""
from __future__ import annotations

import re

from ..normalize import fold
from .units import named_coordinator, find_coordinators
from .vocabulary import coordinator_pattern

# the verbs that may come before "phối hợp" in a duty's opening chain, each with its comma
_OPENING = re.compile(
    r"[\s*]*(?:(?:chủ\s+trì|chủ\s+động|tích\s+cực|tiếp\s+tục|khẩn\s+trương|thường\s+xuyên|kịp\s+thời)\s*,?\s*(?:và\s+)?)*"
    r"(?=phối\s+hợp(?![\wÀ-ỹ]))",
    re.I,
)


# a name the list reader did not close: a bare head after a comma ("Ủy ban Mặt trận Tổ quốc Việt
# Nam, cơ quan", "Bộ Tài chính, cơ quan") or a bare head alone ("cơ quan")
_UNCLOSED = re.compile(r"(?:^|,\s*)(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|cấp)$", re.I)


def _key(name: str) -> str:
    """A coordinator's name as compared: folded, without "các", "có" and commas ("các đơn vị có
    liên quan" and "đơn vị liên quan" are one group, "các bộ, ngành, địa phương" and "các bộ, ngành
    địa phương" one list)."""
    words = re.sub(r"[^\w\s]", " ", fold(name).lower()).split()
    return " ".join(w for w in words if w not in ("cac", "co"))


def bullet_coordinators(flat: str, spans: list[tuple[int, int]], coordinators: list[str], read_in_bullet: bool = False) -> list[str]:
    """``coordinators`` (those read from the duty's words so far: its first "phối hợp") and those
    of each bullet of ``spans`` that opens with a verb chain saying "phối hợp", each once, each a
    unit's whole name (as ``units.with_named`` reads those of an action). ``read_in_bullet``: the
    first "phối hợp" lay in a bullet, the first having one, which is then not read again."""
    out = list(coordinators)
    seen = {_key(c) for c in out}
    skip = read_in_bullet
    for start, end in spans:
        if skip and coordinator_pattern().search(flat, start, end):
            skip = False
            continue  # (read already)
        opening = _OPENING.match(flat, start, end)
        if not opening:
            continue
        for c in find_coordinators(flat[opening.end() : end]):
            c = named_coordinator(c)  # whole, not run into its verb ("Sở A | phát động phong trào ...")
            if not c or _UNCLOSED.search(c):
                continue
            key = _key(c)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out
