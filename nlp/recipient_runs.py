"""A Nơi nhận list whose heading the layout lost.

Nghị định 30/2020/NĐ-CP (Phụ lục I) ends a text with its "Nơi nhận:" list: one "- <recipient>;"
line each, notes in brackets ("(b/c)", "(để ph/h th/h)"), and last the file copy "- Lưu: VT, ...".
A web page or a scan often drops the heading (it stood in a table cell beside the signature) or
runs the lines into one ("- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các Bộ, ...; - Lưu: VT,
TCCV (2)."): the "Lưu: VT" line still ends the list, and the "- ...;" lines just above it are its
recipients, not duties. :func:`recipient_runs` finds them, so the body's last duty stops before.
"""
from __future__ import annotations

import re

# the file copy that closes the list: "- Lưu: VT, TCCV (2).", "- Lưu VT, KT.", "Lưu: VP"
_KEPT = re.compile(r"(?:^[ \t*|]*|(?<=;)[ \t]*)[-+•]?[ \t]*Lưu[ \t]*:?[ \t]*(?:VT|VP|HC|VPUB)(?![\wÀ-ỹ])[^\n]*", re.M)
# a recipient's line: a dash, a short name, ";" or "," or a bracketed note at its end
_ENTRY = re.compile(r"^[ \t*|]*[-+•][ \t]*[^\n]{1,150}?(?:;|,|\))[ \t*|]*$")
_NOTE = re.compile(r"^[ \t*|]*\([^()\n]{1,40}\)[ \t*|;]*$")  # "(để ph/h th/h)" on its own line
# several recipients run into one line: "- A; - B; ... - Lưu: VT"
_RUN_IN_LINE = re.compile(r"[-+•][ \t]*[^\n;]{1,150};[ \t]*[-+•][^\n]*?(?=[-+•][ \t]*Lưu\b)")


def recipient_runs(text: str, start: int, end: int, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of recipient lists closed by a "Lưu: VT" line and not inside ``blocks`` (the
    lists found by their heading)."""
    spans = []
    for kept in _KEPT.finditer(text, start, end):
        if any(a <= kept.start() < b for a, b in blocks):
            continue
        line_start = text.rfind("\n", start, kept.start()) + 1
        inline = _RUN_IN_LINE.search(text, line_start, kept.end())
        first = inline.start() if inline else None
        # the "- ...;" lines above it (and a note in brackets between them)
        at, lines = line_start, 0
        while at > start:
            prev_start = text.rfind("\n", start, at - 1) + 1
            line = text[prev_start : at - 1] if at - 1 >= prev_start else ""
            if not line.strip():
                if lines:
                    break
                at = prev_start
                if at <= start:
                    break
                continue
            if not (_ENTRY.match(line) or _NOTE.match(line)):
                break
            at, lines = prev_start, lines + 1
        if lines >= 2:
            first = at
        if first is not None:
            spans.append((first, kept.end()))
    return spans
