"""The issuing body, per FORMAT.md: the lowest body of the header block, in normal case,
with the locality of a provincial parent ("UBND TỈNH QUẢNG NGÃI / SỞ CÔNG THƯƠNG" gives
"Sở Công Thương tỉnh Quảng Ngãi"). Without a header, the symbol, the place and the body
of the text tell it (a "Sở Công Thương ban hành Kế hoạch" dated in Quảng Ngãi).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import symbols
from .normalize import collapse, fold, title_case_words, fold_document
from .tables import central_bodies, centrally_run_cities

# A header line that opens a new body (folded, upper-case line start).
_HEAD = re.compile(
    r"^(?:uy ban|ubnd|hoi dong|hdnd|bo |so |cuc |tong cuc|chi cuc|van phong|ban |vu |vien |toa an|kiem toan"
    r"|thanh tra|kho bac|ngan hang|cong an|bo chi huy|bo tu lenh|quan khu|trung tam|phong |truong |benh vien"
    r"|dai hoc|hoc vien|chinh phu|thu tuong|quoc hoi|dang bo|tinh uy|thanh uy|huyen uy|quan uy|mat tran|doan "
    r"|hoi |lien doan|cong ty|tap doan|dai |bao hiem|chu tich|bch|mttq)"
)
_LOCALITY_START = re.compile(r"^(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\b(?! uy)")
_LOCALITY_IN = re.compile(
    r"\b(?P<kind>TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(?P<name>[^,;()]+)$",
    re.I,
)
_CONNECTOR_END = re.compile(r"(?:\b(?:va|cua|nhan|dan)|[,\-])$")
_CENTRAL_PARENT = re.compile(r"^(?:bo |chinh phu|thu tuong|quoc hoi|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao)")
_EXPAND = [
    (re.compile(r"\bUBND\b"), "ỦY BAN NHÂN DÂN"),
    (re.compile(r"\bHĐND\b"), "HỘI ĐỒNG NHÂN DÂN"),
    (re.compile(r"\bTP\.\s*|\bTP\b\s*"), "THÀNH PHỐ "),
    (re.compile(r"\bMTTQ\b"), "MẶT TRẬN TỔ QUỐC"),
]
# Normal case of the words that open a body's name, and of locality kinds.
_HEAD_CASE = [
    ("ủy ban nhân dân", "Ủy ban nhân dân"), ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("văn phòng", "Văn phòng"), ("tổng cục", "Tổng cục"), ("chi cục", "Chi cục"),
    ("trung tâm", "Trung tâm"), ("ban quản lý", "Ban Quản lý"), ("bộ chỉ huy", "Bộ Chỉ huy"),
]


@dataclass
class Bodies:
    all: list[str]
    issuer: str


def issuer_from_lines(lines: list[str], body_text: str) -> Bodies | None:
    """Group the header's upper-case lines into bodies; the lowest one is the issuer."""
    bodies: list[str] = []
    for text in (part for line in lines for part in _parent_apart(line)):
        for pattern, repl in _EXPAND:
            text = pattern.sub(repl, text)
        text = collapse(text)
        f = fold(text)
        if bodies and (_LOCALITY_START.match(f) or not _HEAD.match(f + " ") or _CONNECTOR_END.search(fold(bodies[-1]))):
            bodies[-1] = collapse(bodies[-1] + " " + text)
        else:
            bodies.append(text)
    bodies = [b for b in bodies if len(b) > 2]
    if not bodies:
        return None
    lowest = bodies[-1]
    if len(bodies) > 1 and not _LOCALITY_IN.search(lowest) and not _CENTRAL_PARENT.match(fold(bodies[-2])):
        loc = _LOCALITY_IN.search(bodies[-2])
        if loc:
            lowest = f"{lowest} {loc.group('kind')} {loc.group('name')}"
    return Bodies(all=[normal_case(b, body_text) for b in bodies], issuer=normal_case(lowest, body_text))


def _parent_apart(line: str) -> list[str]:
    """ "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN", a header's two lines on one (text copied from a
    page): the central body, then the body under it, where another body's head follows the
    central body's whole name."""
    words = collapse(line).split()
    folded = fold(" ".join(words))
    for key in _central_keys():
        size = len(key.split())
        if folded.startswith(key + " ") and len(words) > size and _HEAD.match(fold(" ".join(words[size:]))):
            return [" ".join(words[:size]), " ".join(words[size:])]
    return [line]


@lru_cache(maxsize=None)
def _central_keys() -> tuple[str, ...]:
    return tuple(sorted({fold(n) for n in central_bodies()}, key=len, reverse=True))


def normal_case(name: str, body_text: str = "") -> str:
    """An upper-case body name in the case the text itself writes it, else in a normal case
    built from rules ("SỞ CÔNG THƯƠNG TỈNH QUẢNG NGÃI" gives "Sở Công Thương tỉnh Quảng Ngãi")."""
    name = collapse(name)
    seen = _case_from_text(name, body_text)
    if seen:
        return seen
    central = _central_names().get(fold(name))
    if central:
        return central  # "BAN CHẤP HÀNH TRUNG ƯƠNG": a central body as nlp/data/issuers.json spells it
    loc = _LOCALITY_IN.search(name)
    main, locality = (name[: loc.start()].strip(), loc) if loc else (name, None)
    out = _case_main(main)
    if locality:
        kind = locality.group("kind").lower().replace("tp.", "thành phố").replace("tp", "thành phố")
        place = title_case_words(locality.group("name"))
        if fold(place) in centrally_run_cities() and kind == "thành phố" and fold(place) == "ho chi minh":
            kind = "Thành phố"
        out = f"{out} {kind} {place}" if out else f"{kind[:1].upper()}{kind[1:]} {place}"
    return out


@lru_cache(maxsize=None)
def _central_names() -> dict[str, str]:
    return {fold(n): n for n in central_bodies()}


def _case_main(text: str) -> str:
    lower = text.lower()
    for head, cased in _HEAD_CASE:
        if lower.startswith(head):
            rest = text[len(head) :].strip()
            return f"{cased} {_field_name(rest)}".strip()
    # Joint headers: "BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG".
    if " - " in text and all(_HEAD.match(fold(p.strip())) for p in text.split(" - ")):
        return " - ".join(_case_main(p.strip()) for p in text.split(" - "))
    words = text.split()
    if not words:
        return ""
    return f"{words[0][:1].upper()}{words[0][1:].lower()} {_field_name(' '.join(words[1:]))}".strip()


@lru_cache(maxsize=None)
def _ministry_fields() -> dict[str, str]:
    """The fields of the ministries as their names write them ("Công Thương", "Giáo dục và Đào
    tạo"): a Sở, a Vụ or a Cục of that field writes it the same ("Sở Công Thương")."""
    return {fold(name[3:]): name[3:] for name in central_bodies() if name.startswith("Bộ ") and len(name) > 4}


def _field_name(text: str) -> str:
    return _ministry_fields().get(fold(text)) or _case_name(text)


def _case_name(text: str) -> str:
    """The proper-name part of a body: first word capitalised ("Tài chính", "Văn hóa, Thể thao")."""
    if not text:
        return ""
    pieces = re.split(r"(,\s*|\s+và\s+|\s+VÀ\s+|\s+-\s+)", text)
    out = []
    for piece in pieces:
        if re.fullmatch(r",\s*|\s+(?:và|VÀ)\s+|\s+-\s+", piece):
            out.append(piece.lower())
        elif piece:
            words = piece.split()
            out.append(" ".join([words[0][:1].upper() + words[0][1:].lower()] + [w.lower() for w in words[1:]]))
    return "".join(out)


def _case_from_text(name: str, body_text: str) -> str | None:
    """The most frequent spelling of ``name`` in the text that is not all capitals."""
    if not body_text or len(name) < 4:
        return None
    key = fold(name)
    folded = fold_document(body_text)
    if len(folded) != len(body_text):
        return None
    counts: Counter[str] = Counter()
    start = folded.find(key)
    while start != -1:
        end = start + len(key)
        if (start == 0 or not folded[start - 1].isalnum()) and (end >= len(folded) or not folded[end].isalnum()):
            found = body_text[start:end]
            if not found.isupper() and "\n" not in found and found[:1].isupper():
                counts[found] += 1
        start = folded.find(key, start + 1)
    return counts.most_common(1)[0][0] if counts else None


_BODY_ISSUER = re.compile(
    r"(?P<body>(?:Sở|Ủy ban nhân dân|UBND|Bộ|Cục|Tổng cục|Chi cục|Ban|Văn phòng|Hội đồng nhân dân|Trung tâm)"
    r"(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*| và| -){1,8}?)(?: tỉnh| thành phố)?\s+(?:đã\s+|đồng thời\s+)?ban hành\b"
)
_PROVINCE_MENTION = re.compile(r"\b(?:tỉnh|thành phố)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){1,4})")


def issuer_from_symbol_and_body(symbol: str | None, place: str | None, body_text: str) -> str | None:
    """Without a header: the body's own "X ban hành", or the issuer code of the symbol,
    with the locality of the place (or of the province the text names most)."""
    name = None
    level = "central"
    m = _BODY_ISSUER.search(body_text[:6000])
    if m:
        name = collapse(m.group("body"))
        level = "province" if re.match(r"(?:Sở|Ủy ban|UBND|Hội đồng|Chi cục|Trung tâm|Văn phòng)", name) else "central"
        name = name.replace("UBND", "Ủy ban nhân dân")
    if symbol:
        known = symbols.issuer_code(symbol)
        if known and (name is None or fold(known["name"]).startswith(fold(name))):
            name, level = known["name"], known["level"]
    if not name:
        return None
    if level in {"province", "local", "party"}:
        locality = _locality(place, body_text)
        if locality and fold(locality) not in fold(name):
            # a party committee is "Tỉnh ủy Quảng Ngãi", not "Tỉnh ủy tỉnh Quảng Ngãi"
            name = f"{name} {locality.split(' ', 1)[1] if level == 'party' and locality.startswith('tỉnh') else locality}"
    return name


def _locality(place: str | None, body_text: str) -> str | None:
    if place:
        kind = "thành phố" if fold(place).replace("thanh pho ", "") in centrally_run_cities() else "tỉnh"
        return f"{kind} {place}" if not fold(place).startswith(("tinh", "thanh pho")) else place
    counts = Counter(collapse(m.group(1)) for m in _PROVINCE_MENTION.finditer(body_text[:20000]))
    if counts:
        best = counts.most_common(1)[0][0]
        kind = "thành phố" if fold(best) in centrally_run_cities() else "tỉnh"
        return f"{kind} {best}"
    return None
