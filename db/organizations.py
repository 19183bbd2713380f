"""Canonical units: one row per body, whatever spelling a document uses for it.

"UBND tỉnh", "Ủy ban nhân dân tỉnh" and "UBND Tỉnh" in a Quảng Ngãi document are all
"Ủy ban nhân dân tỉnh Quảng Ngãi"; "Sở Tài chính" in a Đắk Lắk plan is "Sở Tài chính tỉnh
Đắk Lắk". A body of the province (UBND, HĐND, a Sở, a Ban of the province, Công an tỉnh ...)
named without its locality takes the locality of the document that names it. Collective
assignees ("các sở, ban, ngành", "UBND các xã, phường") are kept as groups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nlp.normalize import collapse, fold

_EXPAND = [
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bTP\.?\s+(?=[A-ZĐÀ-Ỹ])"), "thành phố "),
]
_LOCAL_WORDS = re.compile(r"\s(?:Tỉnh|Thành phố|Huyện|Xã|Phường)(?=\s|$)")
# Bodies of a province, named in its documents without the province's name
_PROVINCIAL = re.compile(
    r"^(?:(?:Chủ tịch|Phó Chủ tịch|Chánh Văn phòng|Giám đốc|Thủ trưởng)\s+)?"
    r"(?:Ủy ban nhân dân|Hội đồng nhân dân|Sở|Văn phòng Ủy ban nhân dân|Công an|Bộ Chỉ huy Quân sự|Thanh tra|Ban Dân tộc|Ủy ban Mặt trận Tổ quốc Việt Nam|Tỉnh đoàn|Tỉnh ủy|Kho bạc Nhà nước|Đài Phát thanh)\b"
)
_HAS_LOCALITY = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|Tỉnh ủy|Thành ủy)\b\s*\S*")
_GROUP = re.compile(r"(?:^|\s)(?:các|những)\s|\bcấp\s+(?:xã|huyện|tỉnh)\b|^(?:tổ chức|cơ quan|đơn vị|cá nhân)(?:,|\s+và|\s+có liên quan|\s+liên quan)", re.I)


@dataclass(frozen=True)
class Organization:
    name: str  # canonical, with its locality
    key: str  # folded name: the identity of the row
    locality: str | None
    group: bool


def canonical(name: str, locality: tuple[str, str] | None = None, issuer: str | None = None) -> Organization:
    """The canonical form of a unit's name, given the naming document's locality
    (("tỉnh", "Quảng Ngãi")) and issuer ("Văn phòng Sở" of a Sở's plan is that Sở's)."""
    text = collapse(name).strip(" ,.;:-")
    own = re.search(r"\s(Sở|Bộ)$", text)
    if own and issuer and issuer.startswith(own.group(1) + " "):
        text = text[: own.start()] + " " + issuer
    for pattern, replacement in _EXPAND:
        text = pattern.sub(replacement, text)
    text = text.replace("Uỷ", "Ủy")
    text = _LOCAL_WORDS.sub(lambda m: m.group().lower(), text)  # "UBND Tỉnh" is "UBND tỉnh"
    group = bool(_GROUP.search(text))
    place = None
    if locality:
        kind, place_name = locality
        bare = re.search(rf"\s({kind})$", text)
        if bare:  # "Ủy ban nhân dân tỉnh" in a Quảng Ngãi document
            text = f"{text} {place_name}"
        elif _PROVINCIAL.match(text) and not _HAS_LOCALITY.search(text) and not group:
            text = f"{text} {kind} {place_name}"
        if fold(place_name) in fold(text):
            place = place_name
    text = text[:1].upper() + text[1:]
    if group and locality and not place:
        place = locality[1]  # "các sở, ban, ngành" of this province, not of every province
        return Organization(text, f"{fold(text)}@{fold(place)}", place, group)
    return Organization(text, fold(text), place, group)


@lru_cache(maxsize=8192)
def canonical_for(name: str, issuer: str | None) -> Organization:
    """:func:`canonical` of a unit named in a document of ``issuer`` (kept: a batch names
    the same units again and again)."""
    return canonical(name, locality_of(issuer), issuer)


def locality_of(issuer: str | None) -> tuple[str, str] | None:
    """ "Sở Công Thương tỉnh Quảng Ngãi" gives ("tỉnh", "Quảng Ngãi")."""
    if not issuer:
        return None
    m = re.search(r"\b(tỉnh|thành phố)\s+(?!ủy\b)([A-ZĐÀ-Ỹ].*)$", issuer)
    return (m.group(1), m.group(2).strip()) if m else None
