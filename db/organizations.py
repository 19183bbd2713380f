"""Canonical units: one row per body, whatever spelling a document uses for it.

"UBND tỉnh", "Ủy ban nhân dân tỉnh" and "UBND Tỉnh" in a Quảng Ngãi document are all
"Ủy ban nhân dân tỉnh Quảng Ngãi"; "Sở Tài chính" in a Đắk Lắk plan is "Sở Tài chính tỉnh
Đắk Lắk". A body of the province (UBND, HĐND, a Sở, a Ban of the province, Công an tỉnh ...)
named without its locality takes the locality of the document that names it. Collective
assignees ("các sở, ban, ngành", "UBND các xã, phường") are kept as groups.

The head of a unit stands for the unit: "Giám đốc Sở Tài chính" is "Sở Tài chính ...",
"Chủ tịch UBND tỉnh X" is "Ủy ban nhân dân tỉnh X", "Chánh Văn phòng UBND tỉnh" is its
Văn phòng. A Nơi nhận's shorthand ("Như trên", "Như Điều 3", "Lưu: VT", "Website CT") and a
person ("PCTr. Đặng Ngọc Minh (để b/c)") are not units: :func:`canonical` gives None.
A document's issuer is its body named canonically (:func:`body_name`): "Bộ trưởng Bộ Tài
chính" issues as "Bộ Tài chính"; a name cut mid-way ("Bộ trưởng Bộ", "Chủ tịch Ủy") is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nlp.normalize import collapse, fold
from ..nlp.issuer import normal_case
from ..nlp.normalize import is_upper
from ..nlp.tables import central_bodies, issuer_codes, provinces, surnames, titles

_EXPAND = [
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bTP\.?\s+(?=[A-ZĐÀ-Ỹ])"), "thành phố "),
]
_LOCAL_WORDS = re.compile(r"\s(?:Tỉnh|Thành phố|Huyện|Xã(?!\s+[Hh]ội)|Phường)(?=\s|$)")  # not "Xã hội" of a name
# Bodies of a province, named in its documents without the province's name
_PROVINCIAL = re.compile(
    r"^(?:(?:Chủ tịch|Phó Chủ tịch|Chánh Văn phòng|Giám đốc|Thủ trưởng)\s+)?"
    r"(?:Ủy ban nhân dân|Hội đồng nhân dân|Sở|Văn phòng Ủy ban nhân dân|Công an|Bộ Chỉ huy Quân sự|Thanh tra|Ban Dân tộc|Ủy ban Mặt trận Tổ quốc Việt Nam|Tỉnh đoàn|Tỉnh ủy|Kho bạc Nhà nước|Đài Phát thanh)\b"
)
_HAS_LOCALITY = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|Tỉnh ủy|Thành ủy)\b\s*\S*")
_GROUP = re.compile(r"(?:^|\s)(?:các|những)\s|\bcấp\s+(?:xã|huyện|tỉnh)\b|^(?:tổ chức|cơ quan|đơn vị|cá nhân)(?:,|\s+và|\s+có liên quan|\s+liên quan)", re.I)


# A post before its unit: the unit is what follows ("Giám đốc Sở Tài chính"), or the office a
# "Chánh Văn phòng" / "Chánh Thanh tra" / "Trưởng phòng" heads. "Thủ tướng Chính phủ" is a
# body of its own (nlp/data/issuers.json), not a post.
_HEAD_OF = re.compile(
    r"^(?:(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Thủ trưởng|Bộ trưởng|Thứ trưởng|Tổng Cục trưởng|Cục trưởng|Chi cục trưởng"
    r"|Vụ trưởng|Viện trưởng|Chánh án|Thống đốc|Chủ nhiệm|Tổng Giám đốc|Hiệu trưởng|Tư lệnh|Người đứng đầu|Lãnh đạo"
    r"|Trưởng Công an|Chỉ huy trưởng|Bí thư|Thường trực|Tổng Kiểm toán|Tổng Thanh tra)"
    r"|(?:Chủ tịch|CT)\s*,\s*(?:các\s+)?(?:Phó Chủ tịch|PCT)|Thủ tướng\s*,\s*(?:các\s+)?Phó Thủ tướng|(?:các\s+)?Phó Thủ tướng|P?CT\.?(?=\s+(?:UBND|Ủy ban|HĐND|Hội đồng))|P?GĐ\.?(?=\s+Sở))\s+(?=\S)",
    re.I,
)
_HEAD_OF_OFFICE = re.compile(r"^(?:Phó\s+)?(?:Chánh\s+(?=Văn phòng|Thanh tra)|Trưởng\s+(?=[Pp]hòng|[Bb]an|Ban)|Trưởng(?=\s+[Bb]an\b))\s*", re.I)
# "Các PCVP UBND tỉnh": the deputy chiefs of an office stand for the office
_OFFICE_HEADS = re.compile(r"^(?:các\s+)?P?CVP\s+(?=\S)", re.I)
# "VPCP: BTCN, các PCN, Trợ lý TTg, ...": a body's code, then who in it
_CODE_LIST = re.compile(r"^(?P<code>[A-ZĐ]{2,8})\s*:\s*\S")
# Nơi nhận shorthand: the recipients above, those of an article, the file copy, a website.
_SHORTHAND = re.compile(r"^(?:như\s+(?:trên|điều|khoản|mục|phần|kính gửi|nơi nhận)|lưu\b|website\b|web\b|vt\b|lưu trữ\b)", re.I)
# A person: an abbreviated post or a form of address, then a name whose first word is a family name.
_PERSON_TITLE = re.compile(r"^(?:(?:Phó\s+)?(?:P?CTr?|PCT|CT|PGĐ|GĐ|TP|PTP|PVP|CVP|VP)(?:\.|\s)|(?:Đ/c|đ/c|đồng chí|Đồng chí|Ông|Bà|ông|bà)\b)\s*")
_NOTE = re.compile(r"\s*[(\[{][^()\[\]{}]*(?:b/c|biết|t/h|thực hiện|chỉ đạo|báo cáo|phối hợp|đăng|theo dõi|e-?mail)[^()\[\]{}]*[)\]}]?\s*$", re.I)


def _is_person(text: str) -> bool:
    titled = _PERSON_TITLE.match(text)
    rest = text[titled.end() :] if titled else text
    words = rest.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    return bool(titled) or words[0].lower() in surnames()


@lru_cache(maxsize=None)
def _codes() -> dict[str, str]:
    """Folded code of a central body ("vpcp") to its name."""
    return {code: v["name"] for code, v in issuer_codes().items() if v["level"] == "central"}


@lru_cache(maxsize=None)
def _posts() -> frozenset[str]:
    return frozenset(fold(t) for t in titles())


def is_unit(name: str) -> bool:
    """Whether a Nơi nhận line or an assignee names a unit (not shorthand, not a person)."""
    text = _NOTE.sub("", collapse(name)).strip(" ,.;:-+*")
    if not text or _SHORTHAND.match(text) or _is_person(text) or fold(text) in _posts():
        return False  # a post alone ("Chủ tịch") names a person too
    return any(c.isalpha() for c in text)


def unit_of(name: str) -> str:
    """The unit a head stands for: "Giám đốc Sở Tài chính" gives "Sở Tài chính"."""
    text = _NOTE.sub("", collapse(name)).strip(" ,.;:-+*")
    listed = _CODE_LIST.match(text)
    if listed and fold(listed.group("code")) in _codes():
        return _codes()[fold(listed.group("code"))]
    offices = _OFFICE_HEADS.match(text)
    if offices:
        text = "Văn phòng " + text[offices.end() :]
    for _ in range(2):  # "Thủ trưởng, Chủ tịch ..." rarely nests deeper
        m = _HEAD_OF.match(text)
        if m and len(text) > m.end():
            text = text[m.end() :]
            continue
        m = _HEAD_OF_OFFICE.match(text)
        if m and len(text) > m.end():
            rest = text[m.end() :]
            text = rest[:1].upper() + rest[1:]
            continue
        break
    return text


# A body's name in the forms a citation gives it. A central body is one of the table
# (nlp/data/issuers.json): a name that starts with one is it ("Chính phủ và Nghị định ..." is
# the citing sentence running on), a name that is the start of one is cut ("Bộ Xây", "Bộ Văn
# hóa" of "Bộ Văn hóa, Thể thao và Du lịch"); every ministry is in the table. A body of a
# province names where it sits ("Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Tư pháp tỉnh Hà Tĩnh",
# "Ban Pháp chế Hội đồng nhân dân tỉnh X"), and its name ends with the name of that place.
_PLACE_KIND = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
_CAP_WORD = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ'-]*"
_PLACED = re.compile(rf"(?:\b{_PLACE_KIND}|\b(?:Tỉnh|Thành|Huyện|Đảng) ủy)\s+{_CAP_WORD}(?:(?:\s*-\s*|\s+){_CAP_WORD})*")
_NEEDS_PLACE = re.compile(r"\b(?:Ủy ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy)\b|^(?:Sở|Ban|Ủy ban|Văn phòng|Công an|Thanh tra|Kho bạc)\s")
_BODY_HEAD = re.compile(
    r"^(?:Cục|Tổng cục|Chi cục|Văn phòng|Vụ|Viện|Tòa án|Viện kiểm sát|Kiểm toán|Ngân hàng|Thanh tra|Công an|Bộ Chỉ huy"
    r"|Bộ Tư lệnh|Ủy ban|Hội đồng|Trung tâm|Kho bạc|Bảo hiểm|Đài|Liên đoàn|Mặt trận|Học viện|Trường|Bệnh viện|Đảng ủy"
    r"|Đảng đoàn|Ban cán sự|Tỉnh đoàn|Hội|Phòng|Tổng công ty|Tập đoàn|Công ty|Quỹ|Sở|Ban|Tỉnh ủy|Thành ủy|Huyện ủy"
    r"|Ủy ban nhân dân|Hội đồng nhân dân)\s+\S"
)
_CUT_END = re.compile(r"\s(?:và|của|với|cho|tại|thuộc|về|các|nhân|dân|số|ngày|năm|khóa)$|[,\-–(&]$")


def _name_key(text: str) -> str:
    return " ".join(re.sub(r"[-–,.]", " ", fold(text)).split())


@lru_cache(maxsize=None)
def _central() -> tuple[tuple[str, str], ...]:
    """(key, canonical name) of each central body, longest first."""
    return tuple(sorted(((_name_key(n), n) for n in central_bodies()), key=lambda kn: -len(kn[0])))


def body_name(issuer: str | None) -> str | None:
    """The body an issuer text names, canonically ("Bộ trưởng Bộ Tài chính" gives "Bộ Tài
    chính", "UBND tỉnh Quảng Ngãi" gives "Ủy ban nhân dân tỉnh Quảng Ngãi"), or None when it
    names no complete body ("Bộ trưởng Bộ", "Thủ", "Chủ tịch Ủy", "Ủy ban nhân dân tỉnh")."""
    if not issuer:
        return None
    text = collapse(issuer)
    if is_upper(text):
        text = normal_case(text)
    text = unit_of(text)
    for pattern, replacement in _EXPAND:
        text = pattern.sub(replacement, text)
    text = collapse(text.replace("Uỷ", "Ủy")).strip(" ,.;:-")
    text = _LOCAL_WORDS.sub(lambda m: m.group().lower(), text)
    text = re.sub(r"\b(Hội đồng|Ủy ban) [Nn]hân [Dd]ân\b", r"\1 nhân dân", text)
    text = re.sub(r"\b[Tt]ỉnh [Ủủ]y\b", "Tỉnh ủy", text)
    text = re.split(r"\s(?:gửi|nay là|về việc|tại|theo)\s", text)[0]  # the citing sentence goes on
    key = _name_key(text)
    if key in ("thu tuong", "thu tuong chinh phu"):
        return "Thủ tướng Chính phủ"  # "của Thủ tướng": the Prime Minister
    for known_key, name in _central():
        if key == known_key or key.startswith(known_key + " "):
            return name
    for known_key, name in _central():
        if known_key == key + " viet nam":
            return name  # "Ngân hàng Nhà nước" is "Ngân hàng Nhà nước Việt Nam"
    if not key or any(k.startswith(key) for k, _ in _central()) or re.match(r"^bo (?!chi huy|tu lenh)", key):
        return None  # cut, or a ministry the table does not know
    text = text[:1].upper() + text[1:]
    if not _BODY_HEAD.match(text) or _HEAD_OF.match(text):
        return None
    if _NEEDS_PLACE.search(text):
        placed = None
        for placed in _PLACED.finditer(text):
            pass
        if placed is None:
            return None  # "Ủy ban nhân dân tỉnh", "Ban Pháp chế": of which province?
        text = text[: placed.end()]  # "... tỉnh Bắc Ninh quy định" ends with the place
        kind = re.match(r"(?:tỉnh|thành phố|Tỉnh ủy|Thành ủy)\s+", placed.group())
        if kind:  # a province: one of the table, the name ending there ("tỉnh Thừa" is cut)
            name = _name_key(placed.group()[kind.end() :])
            province = next((p for p in provinces() if name == _name_key(p) or name.startswith(_name_key(p) + " ")), None)
            if province is None:
                return None
            text = text[: placed.start() + kind.end()] + province
    if _CUT_END.search(text) or not any(w[:1].isupper() or w[:1].isdigit() for w in text.split()[1:]):
        return None  # ends on a connector; or no capitalised name after the head ("Ban thường")
    return text


@dataclass(frozen=True)
class Organization:
    name: str  # canonical, with its locality
    key: str  # folded name: the identity of the row
    locality: str | None
    group: bool


def canonical(name: str, locality: tuple[str, str] | None = None, issuer: str | None = None) -> Organization | None:
    """The canonical form of a unit's name, given the naming document's locality
    (("tỉnh", "Quảng Ngãi")) and issuer ("Văn phòng Sở" of a Sở's plan is that Sở's); a
    head is its unit; None for what is not a unit (shorthand, a person)."""
    text = unit_of(name)
    if not is_unit(name) or not is_unit(text):  # "Bộ trưởng Nguyễn Kim Sơn" is a person
        return None
    own = re.search(r"\s(Sở|Bộ)$", text)
    if own and issuer and issuer.startswith(own.group(1) + " "):
        text = text[: own.start()] + " " + issuer
    text = _spelled_out(text)
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


# "Sở TTTT", "Sở TT&TT", "Sở KH&ĐT": a Sở by the initials of its name, as a plan's tables write it
_SO_BY_INITIALS = re.compile(r"^Sở\s+(?P<code>[A-ZĐ][A-ZĐ&.\-]{1,11})(?=\s|$)")


def _spelled_out(text: str) -> str:
    """A Sở named by its initials, written out: the Sở's code (issuers.json, "STTTT") is "S"
    and those initials, so "Sở TTTT" and "Sở Thông tin và Truyền thông" are one unit."""
    m = _SO_BY_INITIALS.match(text)
    if not m:
        return text
    entry = issuer_codes().get(fold("S" + re.sub(r"[&.\-]", "", m.group("code"))))
    if not entry or not entry["name"].startswith("Sở "):
        return text
    return entry["name"] + text[m.end() :]


@lru_cache(maxsize=8192)
def canonical_for(name: str, issuer: str | None) -> Organization | None:
    """:func:`canonical` of a unit named in a document of ``issuer`` (kept: a batch names
    the same units again and again)."""
    return canonical(name, locality_of(issuer), issuer)


def locality_of(issuer: str | None) -> tuple[str, str] | None:
    """ "Sở Công Thương tỉnh Quảng Ngãi" gives ("tỉnh", "Quảng Ngãi")."""
    if not issuer:
        return None
    m = re.search(r"\b(tỉnh|thành phố)\s+(?!ủy\b)([A-ZĐÀ-Ỹ].*)$", issuer)
    return (m.group(1), m.group(2).strip()) if m else None
