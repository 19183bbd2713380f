"""A unit heading that is a code (issue 21, fourteenth part).

Bộ Công an names its own units by code in its plans and letters: a letter and two digits (C04,
V01, X08, A03, H01, K02; "C04-P6" is a Phòng of C04). A numbered item whose heading is only such a
code and a colon ("1. C04:" then "- Chủ trì ...", "2. V01: Phối hợp ...") is that unit's heading,
as "1. Sở Y tế:" is. Anywhere else the same letters name forms and procedures ("Mẫu B12",
"(1.000983. H42)"): only the heading is read.
"""
from __future__ import annotations

import re

_CODE_HEADING = re.compile(r"[ \t*]*(?P<code>[ABCHKVX]\d{2}(?:-P\d{1,2})?)[ \t*]*(?=:)")


def code_heading(flat: str, at: int, end: int) -> tuple[list[str], int]:
    """ "C04:" at ``at``: the code as the unit, and where it ends (at the colon)."""
    m = _CODE_HEADING.match(flat, at, end)
    return ([m.group("code")], m.end()) if m else ([], at)
