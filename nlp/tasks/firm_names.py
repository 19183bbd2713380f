"""A firm's or a project board's name runs on through the words of its trade.

Vietnamese names an enterprise by its legal form, then its trade, then its proper name (Luật
Doanh nghiệp 2020, Điều 37-38: "loại hình doanh nghiệp" + "tên riêng"; the trade is written in
as part of the name): "Công ty Cổ phần tư vấn đầu tư xây dựng Hà Thành", "Công ty TNHH MTV Đầu tư
phát triển thủy lợi Hà Nội", "Công ty TNHHNN một thành viên quản lý khai thác công trình thủy lợi
tỉnh". A project board is named so too (Nghị định 15/2021/NĐ-CP, Điều 21-22): "Ban Quản lý dự án
đầu tư xây dựng công trình hạ tầng kỹ thuật và nông nghiệp Thành phố", "Ban Quản lý dự án đầu tư
xây dựng khu vực ...". The trade holds words that are also duty verbs ("xây dựng", "quản lý"),
where the unit grammar ended the name ("Ban Quản lý dự án đầu tư | xây dựng ...").

A duty verb inside such a name is part of it while the name has not yet reached its proper name:
the words before the verb after the head are in lower case (the trade still running, or the
legal form: "TNHH", "MTV", "một thành viên"), and the words after it, up to the next stop of the
grammar, reach a capitalised word or a place ("... Hà Thành", "... thủy lợi tỉnh"). "Công ty TNHH
MTV Thoát nước Hà Nội | xây dựng kế hoạch ..." is whole before its verb: its name ended on "Hà Nội".
"""
from __future__ import annotations

import re

# the heads: a firm (its legal form may follow) and a project board
_FIRM_HEAD = re.compile(
    r"(?:[Cc]ác\s+)?(?:(?:Tổng\s+)?[Cc]ông\s+ty|Ban\s+[Qq]uản\s+lý\s+(?:các\s+)?dự\s+án)(?![\wÀ-ỹ])"
)
# the words of a trade the grammar reads as duty verbs
_TRADE_VERBS = frozenset({"xây dựng", "quản lý"})
# the legal form, written in capitals or in lower case: no proper name yet
_FORM_WORDS = frozenset({"TNHH", "MTV", "TNHHNN", "NN", "HĐTV", "CP"})
_WORD = re.compile(r"[\wÀ-ỹ]+")
_PLACE_WORDS = frozenset({"tỉnh", "phố", "huyện", "xã", "phường", "quận"})


def trade_word(flat: str, at: int, stop: re.Match, next_stop: int) -> bool:
    """Whether the duty word ``stop`` (found in ``flat`` after a name opened at ``at``) is a word of
    a firm's or a project board's trade: its name goes on past it, to ``next_stop`` at most."""
    word = " ".join(stop.group().split()).lower()
    if word not in _TRADE_VERBS:
        return False
    head = _FIRM_HEAD.match(flat, at)
    if not head or head.end() > stop.start():
        return False
    before = _WORD.findall(flat[head.end() : stop.start()])
    if not before and not head.group().lower().startswith("ban"):
        return False  # "Công ty | xây dựng ...": a bare head and its verb
    caps = [w[:1].isupper() and w not in _FORM_WORDS for w in before]
    # (a capital that opens the trade, lower-case words after it, is not yet the proper name:
    # "Công ty cổ phần Tư vấn đầu tư | xây dựng Hà Thành")
    if "," in flat[head.end() : stop.start()] or any(caps[i] and caps[i + 1] for i in range(1, len(caps) - 1)):
        return False  # the proper name has been reached ("Công ty Điện lực Hà Nội | quản lý ...")
    if before and before[-1][:1].isupper() and before[-1] not in _FORM_WORDS and len(before) > 1:
        return False
    after = flat[stop.end() : next_stop]
    words = _WORD.findall(after)
    if not words or len(words) > 16:
        return False
    return any(w[:1].isupper() for w in words) or words[-1] in _PLACE_WORDS
