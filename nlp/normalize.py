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
_REPLACEMENTS = {**_HOMOGLYPHS, **dict.fromkeys(_DASHES, "-")}
_TRANSLATE = str.maketrans(_REPLACEMENTS)
_TRANSLATED = re.compile("[" + re.escape("".join(_HOMOGLYPHS) + _DASHES) + "]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_DOUBLE_SPACES = re.compile("  +")  # a literal start, which the engine searches fast
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Old style puts the tone on the second vowel of a word-final "oa", "oe", "uy":
# "hoà", "khoẻ", "uỷ". The form most text uses today has it on the first: "hòa",
# "khỏe", "ủy". Only word-final clusters move ("hoàn" is right as it is), and "qu"
# is a consonant, so "quý" stays.
_OA_TONES = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_UY_TONES = "ỳýỷỹỵỲÝỶỸỴ"
# The marked vowel first (a single character class the engine can skip to), then a look back
# at the "o"/"u" before it: much faster than starting the pattern at every "o" and "u".
_OLD_TONE = re.compile(rf"[{_OA_TONES}{_UY_TONES}](?<=[oOuU].)(?![\w\u0300-\u036f])")


def fix_tone_placement(text: str) -> str:
    """Move old-style tone marks ("hoà", "uỷ") to the modern place ("hòa", "ủy"). Works on
    the composed text, touching only the matches (decomposing the whole text was slow)."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    done = 0
    for m in _OLD_TONE.finditer(text):
        at = m.start() - 1  # the "o" or "u"
        vowel, marked = text[at], m.group()
        if (vowel in "oO") != (marked in _OA_TONES):
            continue  # "uà", "oỳ": not one of the clusters
        if at and text[at - 1] in "qQ":
            continue  # "quý": "qu" is a consonant
        base, tone = unicodedata.normalize("NFD", marked)[:2]
        pieces += [text[done:at], unicodedata.normalize("NFC", vowel + tone), base]
        done = m.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def normalize_line(line: str) -> str:
    """One line: NFC, tone placement, look-alike letters, dashes, spaces."""
    line = unicodedata.normalize("NFC", line).translate(_TRANSLATE)
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line)
    return fix_tone_placement(line).strip()


def normalize_text(text: str) -> str:
    """Whole text, as :func:`normalize_line` does each line (in one pass, which is much
    faster), line ends unified, runs of blank lines kept short."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\f", "\n")
    text = unicodedata.normalize("NFC", text)
    if _TRANSLATED.search(text):  # a few characters: replacing them is faster than translating all
        text = _TRANSLATED.sub(lambda m: _REPLACEMENTS[m.group()], text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    elif "  " in text:
        text = _DOUBLE_SPACES.sub(" ", text)
    lines = [line.strip() for line in fix_tone_placement(text).split("\n")]
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


def _fold_table() -> dict[int, str]:
    """Every precomposed letter a document may hold, to its bare lower-case letter."""
    table: dict[int, str] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00), *map(ord, _HOMOGLYPHS), *map(ord, _DASHES)]:
        char = chr(code)
        bare = unicodedata.normalize("NFD", char.translate(_TRANSLATE))
        bare = "".join(c for c in bare if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D").lower()
        if len(bare) == 1 and bare != char:
            table[code] = bare
    return table


# As a string indexed by code point: str.translate looks it up faster than a dict.
_FOLD_MAP = _fold_table()
_FOLD = "".join(_FOLD_MAP.get(code, chr(code)) for code in range(0x10000))
del _FOLD_MAP


def fold(text: str | None) -> str:
    """Lower case without any diacritic, "đ" included: the search key of a text.
    Keeps one character per character of NFC input, so offsets agree."""
    if not text:
        return ""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD)


_FOLDED_DOCUMENTS: dict[str, str] = {}  # the last few, in the order they came


def fold_document(text: str) -> str:
    """:func:`fold` of a whole document text, kept for the steps that each need it."""
    folded = _FOLDED_DOCUMENTS.get(text)
    if folded is None:
        folded = fold(text)
        remember_fold(text, folded)
    return folded


def remember_fold(text: str, folded: str) -> None:
    """Keep ``folded`` as the fold of ``text`` for :func:`fold_document`."""
    if len(_FOLDED_DOCUMENTS) >= 6:
        del _FOLDED_DOCUMENTS[next(iter(_FOLDED_DOCUMENTS))]
    _FOLDED_DOCUMENTS[text] = folded


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but a line break turned into a space (same
    length). Blanking commutes with :func:`fold` (one character for one, a space for a space):
    the fold of a blanked text is its text's fold blanked alike, and is not folded again."""
    for a, b in spans:
        part = text[a:b]
        text = text[:a] + ("\n".join(" " * len(line) for line in part.split("\n")) if "\n" in part else " " * len(part)) + text[b:]
    return text


def fold_blanked(text: str, blanked: str, spans: list[tuple[int, int]]) -> str:
    """The fold of ``blanked`` (``text`` with ``spans`` blanked by :func:`blank_spans`), from
    the fold of ``text`` already made; kept for :func:`fold_document`."""
    if not spans:
        return fold_document(text)
    if not text.isascii() and not (unicodedata.is_normalized("NFC", text) and unicodedata.is_normalized("NFC", blanked)):
        return fold_document(blanked)  # (fold normalises first: not one character for one)
    folded = _FOLDED_DOCUMENTS.get(blanked)
    if folded is None:
        folded = blank_spans(fold_document(text), spans)
        remember_fold(blanked, folded)
    return folded


def d_bar_words(text: str | None) -> str:
    """The words of ``text`` that hold "đ", folded ("Quyết định số 12/QĐ-UBND" gives
    "dinh qd"). Full-text search folds every other diacritic itself (FTS5's
    ``remove_diacritics``) but keeps "đ": indexing these words beside the text lets "quyet
    dinh" find "quyết định" without indexing a folded copy of the whole text."""
    if not text:
        return ""
    return fold(" ".join([w for w in text.split() if "đ" in w or "Đ" in w]))  # faster than a regex


def symbol_key(symbol: str | None) -> str:
    """A symbol in any spelling to one key: "1477/qd-ubnd" and "1477 / QĐ–UBND" agree, and
    codes compare without their dashes, dots, spaces and "&" ("NĐCP" is "NĐ-CP",
    "QĐ-BVHTT&DL" is "QĐ-BVHTTDL"); the "/" between the parts stays."""
    if not symbol:
        return ""
    key = fold(symbol)
    key = re.sub(r"^so\s*:?", "", key.strip())
    return re.sub(r"[\s.&_\-\u2010-\u2015]+", "", key)


def title_case_words(text: str) -> str:
    """ "HỒ CHÍ MINH" to "Hồ Chí Minh": each word capitalised (for names and places)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def is_upper(text: str) -> bool:
    """True when every letter of ``text`` is upper case (and there is at least one)."""
    if not text.isupper():  # in C: a small letter, or no cased letter at all
        return False
    return text.isascii() or all(map(str.isupper, filter(str.isalpha, text)))  # letters without case
