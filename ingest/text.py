"""Plain text and Markdown exports.

Markdown emphasis is dropped ("**QUYẾT ĐỊNH**" is a type name, not bold text), table
pipes are kept as cell boundaries, and a bold run glued to the next word
("**NGHỊ ĐỊNH**Quy định ...") is split at the marker.
"""
from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*+|__(?=\S)|(?<=\S)__")
_ITALIC = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))\*(?=\S)|(?<=\S)\*(?=[\s.,;:)\]]|$)", re.M)
_HEADING = re.compile(r"^#{1,6}\s*", re.M)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)


def read_text(text: str) -> str:
    return text


_MARK_IN_WORD = re.compile(r"(?<=(\w))\*\*+(?=(\w)(\w?))")


def _join_or_split(m: re.Match) -> str:
    """A bold marker between two word characters: inside a word ("H**òa", "TRƯ**Ở**NG",
    "1**1**") it goes; between a type name and its title ("ĐỊNH**Quy") it becomes a space."""
    before, after, after2 = m.group(1), m.group(2), m.group(3)
    if after.islower() or (before.isdigit() and after.isdigit()):
        return ""
    if before.isupper() and after.isupper() and not after2.islower():
        return ""
    return " "


def read_markdown(text: str) -> str:
    text = _TABLE_RULE.sub("", text)
    text = _MARK_IN_WORD.sub(_join_or_split, text)
    text = _BOLD.sub(" ", text)
    text = _ITALIC.sub("", text)
    text = _HEADING.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text
