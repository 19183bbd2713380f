"""Lines of a document, with the cell boundaries of its two-column tables, and where
the document proper starts and ends inside a scraped web page.

Readers hand over text in which a table cell boundary is a line holding only ``|``
(the Markdown exports already look like that; the HTML and Word readers write it).
Extractors read fields from :class:`Layout`, never from the page's boilerplate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .normalize import fold, fold_document, remember_fold

CELL = "|"

# The national motto (and the Party's) that stands on the right of every header.
_MOTTO = re.compile(
    r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam|doc\s+lap\s*-\s*tu\s+do\s*-\s*hanh\s+phuc"
    r"|dang\s+cong\s+san\s+viet\s+nam"
)
# "Số: 12/QĐ-UBND", "Luật số: ...", and a Party document's "Số 57-NQ/TW" without the colon
_SO_LINE = re.compile(r"^(?:[\w ]{0,20})?so\s*(?:hieu)?\s*(?::|\d+\s*-\s*[a-z])", re.I)

# Lines that open the boilerplate after a scraped document (matched on folded text). Two
# patterns that each start with a literal, which the regex engine finds fast; one pattern of
# all the alternatives was tried at every character of the text.
_END_LINES = re.compile(
    r"\n(?:(?:#+\s*)?van ban lien quan\b"
    r"|van ban nay chua cap nhat noi dung tieng anh"
    r"|ban dich nay thuoc quyen so huu"
    r"|su menh cua\b"
    r"|cam on da dung\b"
    r"|ban chua dang nhap"
    r"|(?:luu tru|tai ve|in trang|chia se)$"
    r"|nguon\s*:)",
    re.M,
)
_SITE_NAME = re.compile(r"thu(?:vienphapluat\.vn| vien phap luat\b)")


def _end_marker(joined: str, offset: int) -> int | None:
    """Where the first end marker at or after ``offset`` (a line start) begins."""
    found = [m.start() + 1 for m in [_END_LINES.search(joined, offset - 1)] if m]
    found += [m.start() for m in [_SITE_NAME.search(joined, offset)] if m]
    return min(found) if found else None


def split_cells(text: str) -> list[str]:
    """Lines of ``text``, with every ``|`` (inline or alone) turned into a line of its own."""
    lines: list[str] = []
    for raw in text.split("\n"):
        if CELL not in raw:
            lines.append(raw.strip())
            continue
        parts = raw.split(CELL)
        for i, part in enumerate(parts):
            part = part.strip()
            if part:
                lines.append(part)
            if i < len(parts) - 1:
                lines.append(CELL)
    return lines


@dataclass
class Layout:
    """The lines of one document and the span [start, end) that is the document itself."""

    lines: list[str]
    start: int
    end: int
    motto: int | None  # index of the motto line, when there is one
    folded: list[str] | None = None  # fold() of each line, made once for every step that needs it

    @classmethod
    def from_text(cls, text: str) -> "Layout":
        lines = split_cells(text)
        joined = fold("\n".join(lines))  # one pass; fold keeps every character's place
        folded = joined.split("\n")
        motto = _find_motto(folded)
        start = _find_start(lines, folded, motto)
        end = _find_end(lines, folded, joined, start)
        layout = cls(lines=lines, start=start, end=end, motto=motto, folded=folded)
        # Every step that looks words up in the body (header, references, tasks) then finds
        # its fold through fold_document() without folding it again.
        remember_fold(layout.body_text, layout.body_folded)
        return layout

    @cached_property
    def body(self) -> list[str]:
        return self.lines[self.start : self.end]

    @cached_property
    def body_text(self) -> str:
        """The document proper as text, cell markers dropped."""
        return "\n".join(line for line in self.body if line != CELL)

    def line_span(self, index: int, pattern: re.Pattern | None = None) -> tuple[int, int] | None:
        """Where line ``index`` of :attr:`lines` (or the first match of ``pattern`` in it)
        stands in :attr:`body_text`."""
        if not self.start <= index < self.end or self.lines[index] == CELL:
            return None
        at = sum(len(line) + 1 for line in self.lines[self.start : index] if line != CELL)
        if pattern is None:
            return at, at + len(self.lines[index])
        m = pattern.search(self.lines[index])
        return (at + m.start(), at + m.end()) if m else None

    @cached_property
    def body_folded(self) -> str:
        """:func:`fold` of :attr:`body_text` (same length, same offsets)."""
        if self.folded is None:
            return fold_document(self.body_text)
        return "\n".join(f for line, f in zip(self.body, self.folded[self.start : self.end]) if line != CELL)


def _find_motto(folded: list[str]) -> int | None:
    limit = min(len(folded), 400)
    for i in range(limit):
        window = folded[i] if i + 1 >= limit else folded[i] + " " + folded[i + 1]
        if _MOTTO.search(folded[i]) or (_MOTTO.search(window) and "cong" in folded[i]):
            return i
    return None


def _find_start(lines: list[str], folded: list[str], motto: int | None) -> int:
    """The first line of the header: the issuer cell just before the motto."""
    if motto is None:
        for i, f in enumerate(folded[:200]):
            if _SO_LINE.match(f) and re.search(r"\d", f):
                return max(0, _back_over_caps(lines, i))
        return 0
    start = _back_over_caps(lines, motto)
    if motto >= 2 and lines[motto - 1] == CELL:
        # The left column read as a whole before the motto's (PDF, Word): the cell above,
        # from its capitalised first line, holds the issuer, the number and the V/v lines.
        i = motto - 2
        while i > 0 and lines[i - 1] != CELL and motto - i < 15:
            i -= 1
        while i < motto - 2 and not any(c.isalpha() for c in lines[i]):
            i += 1  # OCR's noise above the issuer: a page number, a "97-" of the margin
        letters = [c for c in lines[i] if c.isalpha()]
        if i < start and letters and all(c.isupper() for c in letters):
            start = i
    return start


def _back_over_caps(lines: list[str], index: int) -> int:
    """Walk back from ``index`` over the upper-case lines and cell marks of a header."""
    start = index
    i = index - 1
    while i >= 0 and index - i <= 8:
        line = lines[i]
        if line == CELL or not line or set(line) <= set("-_=*. "):
            i -= 1
            continue
        letters = [c for c in line if c.isalpha()]
        if (letters and all(c.isupper() for c in letters)) or _SO_LINE.match(fold(line)):
            # the issuer's lines, and its "Số: ..." when the left column is read before the right
            start = i
            i -= 1
            continue
        break
    return start


def _find_end(lines: list[str], folded: list[str], joined: str, start: int) -> int:
    """The first line of the site's boilerplate after the document, found in one search."""
    offset = sum(len(line) + 1 for line in folded[: start + 1])
    found = _end_marker(joined, offset) if offset <= len(joined) else None
    if found is not None:
        i = joined.count("\n", 0, found)
        # The site repeats the document's title just above its notices.
        if i - 1 > start and re.match(r"^[A-ZĐÂƯ][\w ]+ \d+[\w/.-]*\b", lines[i - 1]) and "chua cap nhat" in folded[i]:
            return i - 1
        return i
    return len(lines)
