"""A trích yếu printed in capitals, in sentence case with what must stay capitalised put back:
the numbers and codes of documents ("08/2015/NĐ-CP", as the body spells them), the bodies of
the project's tables ("Chính phủ", "Bộ Tư pháp", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân"),
provinces after "tỉnh" or "thành phố" ("tỉnh Đồng Nai": a bare "hòa bình" is peace),
abbreviations the body writes in capitals ("5G", "UBND"), and proper names the body only ever
writes with a capital.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import tables
from .normalize import fold

# a document's number and codes, lowercased ("08/2015/nđ-cp", "57-nq/tw", "1477/qđ-ubnd")
_SYMBOL = re.compile(r"(?<![\w/])\d+[a-z]?(?:[/.]\d{2,4})?(?:/|-)[a-zđ][a-zđ0-9&.\-/]*[a-zđ0-9]", re.I)


_NAMED_TYPE = re.compile(
    r"(?<!\w)(nghị định|quyết định|thông tư liên tịch|thông tư|nghị quyết|chỉ thị|kế hoạch|công văn|công điện|thông báo"
    r"|pháp lệnh|luật|bộ luật|văn bản hợp nhất)(?=\s+(?:số\s+)?\d+[a-z]?(?:/\d{4})?[/-][A-ZĐ])"
)


# a Vietnamese syllable, folded: an abbreviation ("ubnd", "5g", "tod") is none
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?$")
# codes printed in mixed case (Nghị định 30/2020/NĐ-CP, Phụ lục III; the Prime Minister's "TTg")
_MIXED = {"TTG": "TTg", "TTR": "TTr", "CTR": "CTr", "QYĐ": "QyĐ"}
_MIXED_CODES = re.compile(r"(?<=[-/])(?:TTG|TTR|CTR|QYĐ)(?![A-ZĐ])")


@lru_cache(maxsize=None)
def _names() -> tuple[re.Pattern, dict[str, str]]:
    """The names to put back, lowercased, in one pattern (longest first)."""
    names: dict[str, str] = {}
    for body in tables.central_bodies():
        names[body.lower()] = body
        if body.startswith("Bộ ") and "," not in body:
            names[("sở " + body[3:]).lower()] = "Sở " + body[3:]
    for body in ("Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam",
                 "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ", "Sở Kế hoạch và Đầu tư",
                 "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Sở Giao thông vận tải",
                 "Kho bạc Nhà nước", "Đảng Cộng sản Việt Nam", "Việt Nam"):
        names[body.lower()] = body
    for place in tables.provinces():
        for lead in ("tỉnh ", "thành phố ", "tp. ", "tp "):
            names[(lead + place).lower()] = lead + place
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)", re.I)
    return pattern, names


def _count(word: str, text: str) -> int:
    """How often ``word`` stands in ``text`` as a whole word."""
    n, at = 0, text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            n += 1
        at = text.find(word, at + 1)
    return n


def restore_capitals(text: str, body: str, printed: str = "") -> str:
    """``text``, a trích yếu lowered from ``printed`` capitals, with the capitals a reader
    expects put back from the project's tables and from how ``body`` writes the same words
    (outside the printed trích yếu itself, which the body holds too)."""
    sample = body[:20000]
    lowered = sample.lower()

    def symbol(m: re.Match) -> str:
        found = lowered.find(m.group(0).lower())
        if found != -1:
            return sample[found : found + len(m.group(0))]
        return _MIXED_CODES.sub(lambda c: _MIXED[c.group(0)], m.group(0).upper())

    text = _SYMBOL.sub(symbol, text)
    pattern, names = _names()

    def name(m: re.Match) -> str:
        canonical = names.get(m.group(0).lower(), m.group(0))
        return m.group(0)[:1] + canonical[1:] if m.group(0)[:1].isupper() else canonical

    text = pattern.sub(name, text)
    # a type named with its number is a name: "Nghị định số 08/2015/NĐ-CP", "Luật Đất đai"
    text = _NAMED_TYPE.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:], text)

    def abbreviation(m: re.Match) -> str:
        word = m.group(0)
        upper = word.upper()
        if upper == word or len(word) < 2 or word != word.lower() or not (len(word) <= 6 or any(c.isdigit() for c in word)):
            return word
        if _SYLLABLE.match(fold(word)):
            return word  # a Vietnamese syllable ("xã", "tỉnh"): a heading's capitals, not an abbreviation
        # the body writes it in capitals (beyond the printed trích yếu it repeats), never otherwise
        if _count(upper, sample) > _count(upper, printed) and not _count(word, sample) and not _count(word[:1].upper() + word[1:], sample):
            return upper
        return word

    return re.sub(r"(?<![\w/])[^\W_]+(?![\w/])", abbreviation, text)
