"""The marks of secrecy and urgency in a document's header, and the one list of secrecy marks
every part of the project reads (storage, the public views, the plugin).

Nghị định 30/2020/NĐ-CP (Phụ lục I, ô 10a and 10b) and Luật Bảo vệ bí mật nhà nước
(29/2018/QH14, with Thông tư 24/2020/TT-BCA's dấu chỉ độ mật) let an office print the
marks "MẬT", "TỐI MẬT", "TUYỆT MẬT" and "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" below the number.
Offices print them in more ways than one line holding one word: both marks on one line
("KHẨN, MẬT", "MẬT - KHẨN"), with a label ("ĐỘ MẬT: MẬT", a form's field), spaced out
("M Ậ T"), in a cell of the header table ("| MẬT |"), or stamped and read back by OCR without
its marks ("MAT", "TOI MAT"). A line of the header is split at the separators offices put
between marks, and each piece is a mark when it is one of these words and nothing else.

A wrong "secret" costs a reader a sign-in; a wrong "public" is a leak. So a probable mark
counts: a lower-case "Mật" alone on a header line, or a piece that OCR left with a stray
character ("MẬT'", "[MẬT]"), marks the document secret as well.
"""
from __future__ import annotations

import re

from .normalize import fold, is_upper

SECRET_MARKS = ("Mật", "Tối mật", "Tuyệt mật")  # the degrees of Luật Bảo vệ bí mật nhà nước, lowest first
URGENCY_MARKS = ("Khẩn", "Thượng khẩn", "Hỏa tốc")

_SECRECY = {fold(m): m for m in SECRET_MARKS}
_URGENCY = {fold(m): m for m in URGENCY_MARKS}
_MARKS = {**_SECRECY, **_URGENCY}
HEADER_LINES = 25  # the marks stand under the number, within the header

# Where offices separate two marks on a line, or a label from its mark, or table cells.
_SEPARATORS = re.compile(r"\s*[,;/:\-–—+&]\s*|\s+(?:và|va|and)\s+", re.I)
# Letters spaced out one by one ("M Ậ T", "T Ố I  M Ậ T"): joined back.
_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){1,}[^\W\d_](?![^\W\d_])")
# What OCR and typists leave around a mark: brackets, stars, quotes, dots.
_NOISE = re.compile(r"^[\s()\[\]{}*'\"`.!_=~«»]+|[\s()\[\]{}*'\"`.!_=~«»]+$")
_LABELS = {"do mat", "do khan", "muc do mat", "muc do khan", "dau mat", "dau khan"}


def _unspace(text: str) -> str:
    """"M Ậ T" -> "MẬT", "T Ố I  M Ậ T" -> "TỐI MẬT": letters one space apart are one word,
    two or more spaces apart two words."""
    words = re.split(r"\s{2,}", text)
    return " ".join(_SPACED.sub(lambda m: m.group(0).replace(" ", ""), w) for w in words)


def _pieces(line: str) -> list[tuple[str, str]]:
    """Each piece of a header line between separators: (as printed, folded)."""
    out = []
    for piece in _SEPARATORS.split(_unspace(line.strip())):
        piece = _NOISE.sub("", piece)
        if piece:
            out.append((piece, " ".join(fold(piece).split())))
    return out


def read_marks(lines: list[str]) -> tuple[str | None, str | None]:
    """(urgency, secrecy) marked in the header ``lines``; the highest degree of each when a
    header prints more than one."""
    urgency = secrecy = None
    cells = [cell for line in lines[:HEADER_LINES] for cell in line.split("|")]  # a table row on one line
    for line in cells:
        pieces = _pieces(line)
        if not pieces or not any(folded in _MARKS for _, folded in pieces):
            continue
        # every piece of the line is a mark or a label: a line of marks, not a sentence
        if not all(folded in _MARKS or folded in _LABELS for _, folded in pieces):
            continue
        for printed, folded in pieces:
            if folded in _SECRECY:
                # an upper-case mark is certain; a lower-case one alone on its line probable: both count
                if is_upper(printed) or len(pieces) <= 2:
                    secrecy = _higher(secrecy, _SECRECY[folded], SECRET_MARKS)
            elif folded in _URGENCY and (is_upper(printed) or len(pieces) <= 2):
                urgency = _higher(urgency, _URGENCY[folded], URGENCY_MARKS)
    return urgency, secrecy


def _higher(current: str | None, new: str, order: tuple[str, ...]) -> str:
    return new if current is None or order.index(new) > order.index(current) else current


def is_mark_line(line: str) -> bool:
    """Whether a header line holds only marks (so that it is no part of the issuer or the title)."""
    pieces = _pieces(line.strip(" |"))
    return bool(pieces) and any(f in _MARKS for _, f in pieces) and all(f in _MARKS or f in _LABELS for _, f in pieces)


def is_secret(secrecy: str | None) -> bool:
    """Whether a stored ``secrecy`` value is one of the marks that close a document."""
    return bool(secrecy) and fold(secrecy.strip()) in _SECRECY


def secret_sql(alias: str = "d") -> str:
    """The SQL test of a document row ``alias`` being secret (values are this module's constants)."""
    marks = ", ".join("'" + m + "'" for m in SECRET_MARKS)
    return f"coalesce({alias}.secrecy, '') IN ({marks})"
