"""Where a text's duties end when its end mark is lost: the closing of Nghị định 30/2020/NĐ-CP.

A text's body ends with "./." (Nghị định 30/2020/NĐ-CP, Phụ lục I), then come the closing parts
that give no duty: the thanks ("Trân trọng./.", "<issuer> trân trọng cảm ơn sự quan tâm ..."),
the "Nơi nhận:" list (its first line "- Như trên;", the addressees) beside the signature block
("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"). A công văn or kế hoạch puts two more paragraphs before them:
the contact note ("Thông tin liên hệ: đồng chí ..., số điện thoại ...", "Mọi thông tin cần trao
đổi, đề nghị liên hệ ..."), the closing request ("Nhận được Công văn này, đề nghị ...") and the
paragraph on difficulties ("Trong quá trình thực hiện, nếu có
khó khăn, vướng mắc, ... phản ánh về ..."), which speak of the whole text, not of its last duty.

On a scan the OCR often garbles the "./." ("./", "./,", ".J", ".7", ".Ji") and the "Nơi nhận"
(run into the signer's title on one line), so the last duty ran into all of these.
:func:`closing_cuts` gives the offsets where a duty's text must stop on such a text: the end mark
as the OCR leaves it, and the start of each closing part. (A cut only ends a span: a sentence
after it is still read for a duty of its own.)
"""
from __future__ import annotations

import re

from .normalize import fold

# the end mark as the OCR leaves it: "./" not followed by "." ("./,&_ nhận", "...580)./ KIRD"),
# or "." then "J", "Ji", "7", "/7", "//", "l", "I" at a line's end ("thực hiện.J\n")
_MARK = re.compile(r"(?<=[a-z0-9)\]\"”'])[ \t]?\.[ \t]?/(?![.\d/])|(?<=[a-z)\]\"”'])\.[ \t]?(?:ji|j|7|/7|//|l|1/)(?=[ \t]*(?:\n|$))", re.M)
# the thanks: "trân trọng cảm ơn" (or "cám ơn"), "Trân trọng./" or "Trân trọng!" closing a sentence
_THANKS = re.compile(r"\btran\s+trong\s+ca[mn]\s+on\b|\bxin\s+(?:tran\s+trong\s+)?ca[mn]\s+on\b|(?:^|(?<=[.;:]\s))[ \t*]*tran\s+trong\s*(?:[./!]|$)", re.M)
# the contact note at a sentence's start: "Thông tin liên hệ:", "Mọi thông tin (chi tiết) (cần trao
# đổi), (xin / đề nghị ...) liên hệ", "(Thông tin) chi tiết (xin) liên hệ", "Đầu mối liên hệ:"
_CONTACT = re.compile(
    r"(?:moi\s+)?thong\s+tin\s+(?:chi\s+tiet\s+)?lien\s+he\b|moi\s+(?:thong\s+tin|chi\s+tiet|van\s+de)[^.;\n]{0,60}?\blien\s+he\b"
    r"|(?:thong\s+tin\s+)?chi\s+tiet\s+(?:xin\s+)?(?:vui\s+long\s+)?lien\s+he\b|dau\s+moi\s+lien\s+he\b|(?:so\s+)?dien\s+thoai\s+lien\s+he\b"
)
# the paragraph on difficulties: "(Trong) quá trình (tổ chức) (triển khai) thực hiện(,) nếu /
# trường hợp có / phát sinh (khó khăn,) vướng mắc"
_DIFFICULTIES = re.compile(
    r"(?:trong\s+)?qua\s+trinh\s+(?:to\s+chuc\s+)?(?:trien\s+khai\s+)?(?:thuc\s+hien|trien\s+khai)[^.;\n]{0,40}?,?\s*"
    r"(?:neu|truong\s+hop|khi)\s+(?:co|phat\s+sinh|gap)\s[^.;]{0,40}?vuong\s+mac"
)
# the closing request's paragraph (Nghị định 30/2020's last paragraph of a công văn, công điện or
# kế hoạch, after its items): "Nhận được Công văn này, đề nghị ...", "Nhận Công điện này, yêu cầu
# ...", "Trên đây là Kế hoạch ..., yêu cầu ...": it asks of the whole text, not of the last item
_ON_RECEIPT = re.compile(
    r"nhan\s+(?:duoc\s+)?(?:cong\s+van|cong\s+dien|van\s+ban|ke\s+hoach|chi\s+thi|thong\s+bao)\s+nay\s*,"
    r"|tren\s+day\s+la\s+(?:ke\s+hoach|chi\s+thi|cong\s+van|cong\s+dien)\b"
    # (or on what the text said above: "Căn cứ ý kiến chỉ đạo trên, các cơ quan ... triển khai thực hiện./.")
    r"|can\s+cu\s+(?:(?:cac\s+)?(?:y\s+kien\s+chi\s+dao|noi\s+dung(?:\s+chi\s+dao)?))\s+(?:neu\s+)?tren\s*,"
)
# the Nơi nhận list's first line, "- Như trên;" (the addressees), when its heading was garbled
# (a dashed line with another dashed recipient after it: a table's cell "Như trên" is no such list)
_AS_ABOVE = re.compile(r"^[ \t*]*[~•+-][ \t]*Như\s+trên\s*[;,.:]?[^\n]{0,40}\n(?=[ \t*]*[~•+-][ \t]*\S)", re.M)
_RECEIVED = re.compile(r"nh[aâậ]n\s*:", re.I)
# a clause's end: "." or ";" not inside a number ("1.000", "15.6"), or a blank line
_CLAUSE_END = re.compile(r"(?<![\d.])[.;](?!\d)|\n[ \t]*\n")
# a sentence's start: after ". ", "; ", ": " (not "TP. "), or a blank line
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]\"”'])[.;:!](?=\s)|\n[ \t]*\n")


def closing_cuts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets between ``start`` and ``end`` where the closing of a text begins (see the module)."""
    end = len(text) if end is None else end
    folded = _folded(text, start, end)
    if folded is None:
        return []
    cuts = [start + m.end() for m in _MARK.finditer(folded)]
    for m in _THANKS.finditer(folded):
        cuts.append(start + _sentence_start(folded, m.start()))
    for m in _CONTACT.finditer(folded):
        at = _sentence_start(folded, m.start())
        if not folded[at : m.start()].strip(" \t\n*-+•(") or re.fullmatch(r"[\s*-]*(?:de\s+nghi|xin)[^.;]{0,40}", folded[at : m.start()]):
            cuts.append(start + at)  # the note opens its sentence ("Mọi thông tin ...", "Đề nghị ... liên hệ")
    for m in _DIFFICULTIES.finditer(folded):
        at = _sentence_start(folded, m.start())
        if not folded[at : m.start()].strip(" \t\n*-+•") and _paragraph_start(folded, at):
            cuts.append(start + at)
    for m in _ON_RECEIPT.finditer(folded):
        at = _sentence_start(folded, m.start())
        if not folded[at : m.start()].strip(" \t\n*-+•") and _paragraph_start(folded, at):
            cuts.append(start + at)
    for m in _AS_ABOVE.finditer(text, start, end):
        line_start = m.start()
        before = text.rfind("\n", start, max(start, line_start - 1)) + 1
        if line_start > start and _RECEIVED.search(text, before, line_start):
            line_start = before  # "Nơi nhận: KT. CỤC TRƯỞNG" on the line above
        cuts.append(line_start)
    return sorted(set(cuts))


def contact_notes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the contact notes between ``start`` and ``end`` ("Mọi thông tin cần trao đổi, đề
    nghị các đơn vị liên hệ Cục ... (đồng chí ..., điện thoại: ...)"): no duty is read there."""
    folded = _folded(text, start, end)
    spans: list[tuple[int, int]] = []
    if folded is None:
        return spans
    for m in _CONTACT.finditer(folded):
        at = _sentence_start(folded, m.start())
        if folded[at : m.start()].strip(" \t\n*-+•(") and not re.fullmatch(r"[\s*-]*(?:de\s+nghi|xin)[^.;]{0,40}", folded[at : m.start()]):
            continue
        stop = _CLAUSE_END.search(folded, m.end())
        spans.append((start + at, start + (stop.end() if stop else len(folded))))
    return spans


# a thông báo kết luận's closing summary: "Trên đây là (nội dung) (ý kiến) kết luận (và chỉ đạo) của
# Đồng chí ..., Phó Chủ tịch UBND huyện, Trưởng ban ... tại Hội nghị ...": the speaker and the
# meeting, no duty (a request after it, "yêu cầu ...", "đề nghị ...", is read as before)
_SUMMARY = re.compile(r"\btren\s+day\s+la\s+(?:toan\s+van\s+|noi\s+dung\s+)?(?:y\s+kien\s+)?(?:ket\s+luan|chi\s+dao)\b")
_SUMMARY_END = re.compile(rf"{_CLAUSE_END.pattern}|\b(?:yeu\s+cau|de\s+nghi|giao)\b")


def conclusion_summaries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of a thông báo kết luận's closing summary ("Trên đây là kết luận của Đồng chí
    ..., Phó Chủ tịch UBND huyện, Trưởng ban ... tại Hội nghị ..."), up to the sentence's end or
    the request that follows it: the titles of the one who concluded are no units given work."""
    return _spans(text, start, end, _SUMMARY, _SUMMARY_END, through_stop=False)


# a thông báo's closing line: "<issuer> (xin) thông báo để <units> (được) biết, thực hiện", "Văn
# phòng Sở thông báo để các phòng, đơn vị ... căn cứ triển khai thực hiện./.": whom the notice goes
# to, no duty (its duties are the items above it)
# (the text's last line: its end mark, the Nơi nhận or the end follows; not "... thông báo cho các
# doanh nghiệp ... thực hiện" inside a duty)
_NOTICE_CLOSING = re.compile(
    r"\bthong\s+bao\s+de\s+(?=[^.;]{3,300}?\b(?:biet|can\s+cu|nam\s+duoc|thuc\s+hien|trien\s+khai|theo\s+doi)\b"
    r"[^.;]{0,60}?(?:\.[ \t]?/|\.?\s*\n[\s*]*noi\s+nhan|\.?\s*$))"
)


def notice_closings(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of a notice's closing line ("... thông báo để các cơ quan, đơn vị biết, thực
    hiện./."), up to its clause's end: the units it names are those informed, not given work."""
    return _spans(text, start, end, _NOTICE_CLOSING, _CLAUSE_END, through_stop=True)


def _spans(text: str, start: int, end: int | None, opening: re.Pattern, stop: re.Pattern, through_stop: bool) -> list[tuple[int, int]]:
    """Each span from a match of ``opening`` (on the folded text) to the next ``stop``, with the
    stop itself where ``through_stop``, or to the end."""
    folded = _folded(text, start, end)
    if folded is None:
        return []
    spans = []
    for m in opening.finditer(folded):
        found = stop.search(folded, m.end())
        close = (found.end() if through_stop else found.start()) if found else len(folded)
        spans.append((start + m.start(), start + close))
    return spans


def _folded(text: str, start: int, end: int | None) -> str | None:
    """The text between ``start`` and ``end`` (the text's end if None) without marks, offset for
    offset (None where the fold would not keep one character for one: never on NFC text)."""
    folded = fold(text[start:end])
    return folded if len(folded) == (len(text) if end is None else end) - start else None


def _sentence_start(folded: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (at most 400 characters back)."""
    lo = max(0, at - 400)
    last = None
    for m in _SENTENCE_END.finditer(folded, lo, at):
        last = m
    if last is None:
        line = folded.rfind("\n", lo, at)
        return at if line < 0 else line + 1
    start = last.end()
    while start < at and folded[start] in " \t\n":
        start += 1
    return start


def _paragraph_start(folded: str, at: int) -> bool:
    """Whether ``at`` opens a paragraph: a blank line or a sentence's end and a line break before it."""
    before = folded[max(0, at - 200) : at].rstrip(" \t*")
    return not before or before.endswith("\n") or bool(re.search(r"[.;:!][ \t*]*\n[ \t*]*$", folded[max(0, at - 200) : at]))
