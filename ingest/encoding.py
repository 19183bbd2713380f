"""Bytes of a text or HTML file to str, with the encoding that was found."""
from __future__ import annotations

import codecs
import re


class NotText(ValueError):
    """Bytes that no text encoding read here makes into text."""


# The high bytes of Vietnamese text in UTF-16: Basic Latin and Latin-1 (00), the letters ă đ ơ
# ư and their capitals (01), combining tone marks (03), the precomposed letters (1E) and
# typographic punctuation (20).
_UTF16_HIGH = frozenset(b"\x00\x01\x03\x1e\x20")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when every other byte is the high byte of a character a
    Vietnamese text uses (whatever the text starts with), else None."""
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(b in _UTF16_HIGH for b in high) >= 0.95 * len(high):
            try:
                data[: len(data) - len(data) % 2].decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


# Control characters that text files do not hold (tab, line and page breaks, and the old
# end-of-file mark are fine), and the code points Windows-1258 leaves undefined.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f\ufffd]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``: a BOM first, then UTF-16 without one (either byte order), then a
    declared charset, then UTF-8, then Windows-1258. Raises :class:`NotText` for bytes that
    are not text in any of them (binary data, random bytes)."""
    text, encoding = _decode(data)
    sample = text[:20000]  # random bytes make one character in ten a control: a sample tells
    if len(_NOT_TEXT.findall(sample)) > max(2, len(sample) // 200):
        raise NotText("not text (binary content, or an encoding that is not UTF-8, UTF-16 or Windows-1258)")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), "utf-16" if name == "utf-16" else "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data[: len(data) - len(data) % 2].decode(utf16), utf16
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "windows-1258"


# ---------------------------------------------------------------------------- legacy fonts
# Documents typed with TCVN3 (ABC) or VNI fonts hold Vietnamese in Latin-1 letters:
# "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3), "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI).

import json
import unicodedata
from functools import lru_cache
from importlib import resources

_LATIN1_LETTERS = re.compile(r"[\u00a1-\u00ff]")
_VIETNAMESE_LETTERS = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_WORD = re.compile(r"\w+")
_MARKS = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323", "": ""}


@lru_cache(maxsize=1)
def _tables() -> dict:
    data = json.loads(resources.files(__package__).joinpath("data", "legacy_vietnamese.json").read_text(encoding="utf-8"))
    tcvn3 = str.maketrans(data["tcvn3"])
    vni: dict[str, str] = {}
    spec = data["vni"]

    def compose(base: str, *marks: str) -> str:
        return unicodedata.normalize("NFC", base + "".join(marks))

    bases = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}
    for written, base in bases.items():
        for case in (0, 1):
            b_written = written.upper() if case else written
            b = base.upper() if case else base
            for tone, marks in spec["tones"].items():
                for mark in marks:  # either case of the mark
                    vni[b_written + mark] = compose(b, _MARKS[tone])
            if base in "aeo":
                for tone, marks in spec["circumflex"].items():
                    for mark in marks:
                        vni[b_written + mark] = compose(b, "\u0302", _MARKS[tone])
            if base == "a":
                for tone, marks in spec["breve"].items():
                    for mark in marks:
                        vni[b_written + mark] = compose(b, "\u0306", _MARKS[tone])
    singles = spec["single"]
    pattern = re.compile("|".join(re.escape(k) for k in sorted([*vni, *singles], key=len, reverse=True)))
    table = {**singles, **vni}
    return {"tcvn3": tcvn3, "vni": (pattern, table), "words": frozenset(data["words"])}


def _score(text: str) -> int:
    words = _tables()["words"]
    return sum(1 for w in _WORD.findall(text.lower()) if w in words)


def common_word_share(text: str, marks: bool = True) -> float:
    """The share of a text's words that are among the commonest Vietnamese words ("và",
    "của", "các" ...; with ``marks=False`` compared without their marks, as "So Tai chinh chu
    tri" is typed): a page of Vietnamese reads 0.11 or more (the least of the corpus's and the
    sets' PDF pages), a text layer of glyph numbers or of a bad OCR next to none."""
    words = [w for w in _WORD.findall(text[:20000].lower()) if not any(c.isdigit() for c in w)]  # numbers are no words here
    if not words:
        return 0.0
    if marks:
        common = _tables()["words"]
        return sum(1 for w in words if w in common) / len(words)
    bare = _bare_common_words()
    return sum(1 for w in words if _bare(w) in bare) / len(words)


def digit_word_share(text: str) -> float:
    """The share of a text's words that mix letters and digits: a text layer a bad OCR left
    ("t6 chric", "D6ng", "b5") holds a quarter of them, a page of the corpus 2 % at most."""
    words = _WORD.findall(text[:20000])
    if not words:
        return 0.0
    return sum(1 for w in words if any(c.isdigit() for c in w) and any(c.isalpha() for c in w)) / len(words)


# ---------------------------------------------------------------------------- syllables
# Vietnamese is written in syllables: an onset, a rhyme (a vowel or a run of two or three that the
# language allows, and a closing consonant) and a tone. Written as an office writes it (Nghị định
# 30/2020: Unicode, TCVN 6909), most syllables carry a mark: a tone or a letter of their own (ă â
# đ ê ô ơ ư). A scanner's OCR that knew no Vietnamese leaves them out ("Ket luan cua Giam doc")
# or makes words no syllable is ("Ttr do - Hanh phfic", "t6 chric HQi nghi").

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{_NUCLEI})(?:ch|ng|nh|c|m|n|p|t)?")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_MARKED = re.compile(r"[đ\u0300-\u036f]")  # in NFD: đ, a tone, or the hat, breve or horn of â ă ơ
_SPELLED = re.compile(r"[^\W_]+")


def toneless(word: str) -> str:
    """A lower-case word without its tone (its letters ă â ê ô ơ ư đ kept), NFC."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _spelled_words(text: str) -> list[str]:
    """The words of a text written as words are (lower case, or capitalised), not
    abbreviations ("UBND", "CNTT") or numbers."""
    words = []
    for word in _SPELLED.findall(text[:20000]):
        if word.isdigit():
            continue
        if word.islower() or (word[0].isupper() and (len(word) == 1 or word[1:].islower())):
            words.append(word)
    return words


def syllable_shares(text: str) -> tuple[float, float, int]:
    """(the share of a text's words that are Vietnamese syllables, the share of them that
    carry a mark, how many words were judged): a page the office typed reads most of them
    syllables and three in four marked or more (the corpus's and the sets' PDF pages); a
    scanner's layer without marks none marked, a garbled one few syllables."""
    words = _spelled_words(text)
    if not words:
        return 0.0, 0.0, 0
    syllables = [w for w in words if _SYLLABLE.fullmatch(toneless(w))]
    marked = sum(1 for w in syllables if _MARKED.search(unicodedata.normalize("NFD", w.lower())))
    return len(syllables) / len(words), (marked / len(syllables) if syllables else 0.0), len(words)


def _bare(word: str) -> str:
    """A word without its marks ("của" -> "cua"): text typed without them is Vietnamese too."""
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("đ", "d")) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _bare_common_words() -> frozenset[str]:
    return frozenset(_bare(w) for w in _tables()["words"])


def convert_legacy(text: str, encoding: str) -> str:
    """Text typed in a legacy font (``tcvn3`` or ``vni``) to Unicode NFC."""
    tables = _tables()
    if encoding == "tcvn3":
        return unicodedata.normalize("NFC", text.translate(tables["tcvn3"]))
    pattern, table = tables["vni"]
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group()], text))


def fix_legacy(text: str) -> tuple[str, str] | None:
    """(Unicode text, "tcvn3" or "vni") when the text reads as Vietnamese only once converted;
    None when it is Unicode already."""
    sample = text[:20000]
    latin1 = len(_LATIN1_LETTERS.findall(sample))
    if latin1 < 10 or len(_VIETNAMESE_LETTERS.findall(sample)) * 3 > latin1:
        return None
    best, best_score = None, _score(sample) * 1.5 + 3
    for encoding in ("tcvn3", "vni"):
        score = _score(convert_legacy(sample, encoding))
        if score > best_score:
            best, best_score = encoding, score
    return (convert_legacy(text, best), best) if best else None
