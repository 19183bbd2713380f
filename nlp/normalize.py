"""Vietnamese text normalisation, shared by every later step.

Real documents arrive in NFD from some Macs, with old-style tone placement ("hoà",
"uỷ"), typographic dashes, non-breaking spaces, a Cyrillic letter typed inside a
symbol, or an Icelandic "Ð" for "Đ". Every extractor works on the output of
:func:`normalize_text`, so each of them sees one spelling of each thing.

:func:`fold` goes further and drops all diacritics, "đ" included, for search.
"""
from __future__ import annotations

import re
import unicodedata

# Letters that look Latin but are Cyrillic or Greek; documents never use them on purpose.
_HOMOGLYPHS = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d",
    "Α": "A", "Β": "B", "Ε": "E", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y", "ο": "o",
    # Icelandic eth and the African D are the usual stand-ins for Đ/đ.
    "Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ",
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = str.maketrans({**_HOMOGLYPHS, **dict.fromkeys(_DASHES, "-")})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_MARKS = "\u0300-\u036f"
# Old style puts the tone on the second vowel of a word-final "oa", "oe", "uy":
# "hoà", "khoẻ", "uỷ". The form most text uses today has it on the first: "hòa",
# "khỏe", "ủy". Only word-final clusters move ("hoàn" is right as it is), and "qu"
# is a consonant, so "quý" stays.
_OLD_TONE_OA = re.compile(rf"([oO])([aAeE])([{_TONES}])(?![\w{_MARKS}])")
_OLD_TONE_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}])(?![\w{_MARKS}])")


def fix_tone_placement(text: str) -> str:
    """Move old-style tone marks ("hoà", "uỷ") to the modern place ("hòa", "ủy")."""
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _OLD_TONE_OA.sub(r"\1\3\2", decomposed)
    decomposed = _OLD_TONE_UY.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", decomposed)


def normalize_line(line: str) -> str:
    """One line: NFC, tone placement, look-alike letters, dashes, spaces."""
    line = unicodedata.normalize("NFC", line).translate(_TRANSLATE)
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line)
    return fix_tone_placement(line).strip()


def normalize_text(text: str) -> str:
    """Whole text: line by line, line ends unified, runs of blank lines kept short."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\f", "\n")
    lines = [normalize_line(line) for line in text.split("\n")]
    out: list[str] = []
    blank = 0
    for line in lines:
        blank = blank + 1 if not line else 0
        if blank <= 2:
            out.append(line)
    return "\n".join(out).strip("\n")


def collapse(text: str) -> str:
    """All white space, line breaks included, to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


_STRIP_MARKS = dict.fromkeys(range(0x300, 0x370))


def fold(text: str | None) -> str:
    """Lower case without any diacritic, "đ" included: the search key of a text.
    Keeps one character per character of NFC input, so offsets agree."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.translate(_TRANSLATE)).translate(_STRIP_MARKS)
    return text.replace("đ", "d").replace("Đ", "D").casefold()


def symbol_key(symbol: str | None) -> str:
    """A symbol in any spelling to one key: "1477/qd-ubnd" and "1477 / QĐ–UBND" agree."""
    if not symbol:
        return ""
    key = fold(symbol)
    key = re.sub(r"^so\s*:?", "", key.strip())
    return re.sub(r"\s+", "", key)


def title_case_words(text: str) -> str:
    """ "HỒ CHÍ MINH" to "Hồ Chí Minh": each word capitalised (for names and places)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def is_upper(text: str) -> bool:
    """True when every letter of ``text`` is upper case (and there is at least one)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
