"""Plain text and Markdown exports.

Markdown emphasis is dropped ("**QUYẾT ĐỊNH**" is a type name, not bold text), table
pipes are kept as cell boundaries, and a bold run glued to the next word
("**NGHỊ ĐỊNH**Quy định ...") is split at the marker.
"""
from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*+|__(?=\S)|__(?<=\S__)")  # the look-behind last: see _STARS below
_HEADING = re.compile(r"^#{1,6}\s*", re.M)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)


def read_text(text: str) -> str:
    return text


# The markers are found by their literal "*" and their neighbours looked at in Python: a
# pattern that starts with a look-behind is tried at every character of the text.
_STARS = re.compile(r"\*\*+")
_STAR = re.compile(r"\*")
_WORD = re.compile(r"\w")


def _join_or_split(m: re.Match) -> str:
    """A bold marker between two word characters: inside a word ("H**òa", "TRƯ**Ở**NG",
    "1**1**") it goes; between a type name and its title ("ĐỊNH**Quy") it becomes a space."""
    text, at, end = m.string, m.start(), m.end()
    before, after = text[at - 1 : at], text[end : end + 1]
    if not (_WORD.fullmatch(before or "-") and _WORD.fullmatch(after or "-")):
        return m.group()
    after2 = text[end + 1 : end + 2]
    after2 = after2 if _WORD.fullmatch(after2 or "-") else ""
    if after.islower() or (before.isdigit() and after.isdigit()):
        return ""
    if before.isupper() and after.isupper() and not after2.islower():
        return ""
    return " "


def _italic(m: re.Match) -> str:
    """A single "*" that opens emphasis (after a space, "(" or a line start, before a word)
    or closes it (after a word, before a space, punctuation or a line end) goes."""
    text, at = m.string, m.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    opens = (not before or before.isspace() or before in "([") and after and not after.isspace()
    closes = before and not before.isspace() and (not after or after.isspace() or after in ".,;:)]")
    return "" if opens or closes else "*"


def read_markdown(text: str) -> str:
    text = _TABLE_RULE.sub("", text)
    text = _STARS.sub(_join_or_split, text)
    text = _BOLD.sub(" ", text)
    text = _STAR.sub(_italic, text)
    text = _HEADING.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text
