"""Rules quoted, not given: a law or another body's text that a document cites states the law or
the facts, it assigns nothing of this document's.

A công văn, thông báo, kế hoạch or chỉ thị (an administrative text: Nghị định 30/2020/NĐ-CP)
often cites the rule it applies. It quotes it in quotation marks after the article it names
("tại khoản 2 Điều 36 Nghị định số 104/2025/NĐ-CP ..., quy định: “Sở Tư pháp chủ trì, phối hợp
với Sở Nội vụ ...”"), or opens a paragraph with the article and a colon and gives the rule after
it ("Theo khoản 7 Điều 57 Luật Bầu cử ...:" then "Ủy ban bầu cử ở tỉnh công bố danh sách ...").
The units named there have their duty from that law, not from this text: no task is read there.
A page about a document (a legal site's article) quotes the laws it answers from so ("Khoản 1
Điều 17 Thông tư 41/2017/TT-BTTTT quy định:", "... được quy định tại Điều 10 Luật ..., cụ thể như
sau:" then the law's items, up to the writer's "Như vậy, ..."); the document it is about, and a
text's own request after the law it cites ("..., Cục X đề nghị các đơn vị thực hiện các nội dung
sau:"), are not such quotations. The basis of a letter ("Thực hiện ...; Công văn số ... của Văn
phòng Chính phủ thông báo ý kiến chỉ đạo của Phó Thủ tướng ... giao Bộ X ...") and its purpose
("... để Sở X tổng hợp") give no duty either (:func:`not_given`).

Not in a legal text or a decision: an amending Nghị định, Thông tư or Quyết định quotes the new
wording of an article ("Điều 7 được sửa đổi, bổ sung như sau: “Điều 7. ... 1. Cục Hải quan kiểm
tra ...”"), and that wording is its own rule (as an amendment's "như sau:" is anywhere).
"""
from __future__ import annotations

import re

from ..normalize import fold
from ..task_kinds import LEGAL_TYPES, NUMBERED_LEGAL_TYPES

# the quotation marks: a typographic pair, or two straight ones
# (paired in order, then the short ones left: a slogan, a title; "..." pairs only with the next ")
_QUOTE = re.compile(r"“[^“”]{0,3000}”|\"[^\"]{0,3000}\"")
_QUOTED_LENGTH = 40
# an amendment's new wording is introduced so ("sửa đổi, bổ sung Điều 7 như sau:", "thay thế
# cụm từ ... bằng ...", "bổ sung khoản 5 vào sau khoản 4 như sau:")
_AMENDS = re.compile(r"(?:sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo|dieu\s+chinh|dinh\s+chinh)[^“\"]{0,300}$")
# a paragraph that opens on the article it applies: "Theo (quy định tại) (điểm a) (khoản 7) Điều
# 57 Luật Bầu cử ... (có cụm từ bị thay thế ...):" - the rule after the colon is the law's
_CITED = re.compile(
    r"(?:^|(?<=\n))[ \t*#>]*theo\s+(?:quy\s+dinh\s+(?:tai|cua)\s+)?(?:diem\s+[a-zđ]\s*,?\s*)?(?:khoan\s+\d+[^\n:]{0,80}?)?dieu\s+\d+[a-z]?\s"
    r"[^\n:]{0,60}?(?:luat|bo\s+luat|nghi\s+dinh|thong\s+tu|nghi\s+quyet|phap\s+lenh)\b[^\n:]{0,400}?:",
    re.M,
)
# a paragraph that ends on the article it quotes and a colon: "Khoản 1 Điều 17 Thông tư 41/2017/TT-BTTTT
# quy định:", "Hồ sơ ... được quy định tại Điều 10 Luật Tổ chức chính quyền địa phương 2025, cụ thể
# như sau:" (a law's article: not "Mục II Thông báo 416/TB-VPCP ... như sau:", a directive reported,
# whose duties an article about it gives; nor a Quyết định, often the very text the article is about)
_QUOTES_ARTICLE = re.compile(
    r"(?:^|(?<=\n))(?=[^\n]{0,300}?\bdieu\s+\d+[a-z]?\b[^\n:]{0,80}?\b(?:luat|bo\s+luat|nghi\s+dinh|thong\s+tu|phap\s+lenh)\b)"
    r"(?=[^\n]{0,500}?\b(?:quy\s+dinh|neu\s+ro)\b)[^\n]{0,600}?:[ \t*]*(?=\n)",
    re.M,
)
# the text's own words after the article it cites: a request or a conclusion ("..., Cục An toàn thực
# phẩm đề nghị các đơn vị thực hiện các nội dung sau:", "..., Phó Thủ tướng kết luận như sau:")
_OWN_WORDS = re.compile(r"\b(?:de\s+nghi|yeu\s+cau|giao|chi\s+dao|ket\s+luan|thong\s+bao|huong\s+dan)\b")
_RULE_WORD = re.compile(r"\b(?:quy\s+dinh|neu\s+ro)\b")


def _last_rule_word(folded: str, start: int, end: int) -> int:
    """Where the last "quy định" / "nêu rõ" of a citing line ends (its own words come after it)."""
    last = start
    for m in _RULE_WORD.finditer(folded, start, end):
        last = m.end()
    return last


# a list's items after the colon: the quotation goes on while the paragraphs are items
_ITEM = re.compile(r"[ \t]*(?:[-+•]|\d+[.)]|\(\d+\)|[a-zđ]\)|\*\*\(?\d+[.)]?[ \t]*\*\*)\s*")
# where an article's quotation ends: a heading (a whole bold line, a line opening on a bold title,
# "#"; not "**(2) **", a quoted item's bold number), a caption, or the writer's
# own words again ("Như vậy, ...", "Căn cứ quy định trên, ...", "Trên đây là ...")
_QUOTATION_END = re.compile(
    r"\n(?=[ \t]*(?:\*\*[^*\n]+\*\*[ \t]*\n|\*\*[^*\n]{12,}\*\*|#|\*[^*\n]+\*[ \t]*\n|(?:nhu\s+vay|can\s+cu\s+(?:vao\s+)?(?:cac\s+)?quy\s+dinh\s+tren|theo\s+(?:cac\s+)?quy\s+dinh\s+tren"
    r"|tu\s+(?:cac\s+)?quy\s+dinh\s+tren|tren\s+day|do\s+do|vi\s+vay)\b))"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# where the rule after the colon ends: the paragraph's end (a blank line), or a numbered or bold
# heading's line
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:\*\*|#|\d+[.)]\s|[IVX]+\.\s|[a-zđ]\)\s))")


def quoted_spans(text: str, start: int, end: int, doc_type: str | None) -> list[tuple[int, int]]:
    """The spans between ``start`` and ``end`` that quote or state a rule of another text (see
    the module); none in a legal text or a decision."""
    if doc_type in LEGAL_TYPES or doc_type in NUMBERED_LEGAL_TYPES:
        return []
    spans = []
    body = text[start:end]
    for m in _QUOTE.finditer(body):
        if m.end() - m.start() < _QUOTED_LENGTH:
            continue
        if _AMENDS.search(fold(body[max(0, m.start() - 300) : m.start()])):
            continue
        spans.append((start + m.start(), start + m.end()))
    folded = fold(body)
    for m in _CITED.finditer(folded):
        rest = folded[m.end() :]
        lead = len(rest) - len(rest.lstrip())  # the rule on the next paragraph when the colon ends its line
        stop = _PARAGRAPH_END.search(rest, lead + 1)
        spans.append((start + m.start(), start + m.end() + (stop.start() if stop else len(rest))))
    for m in _QUOTES_ARTICLE.finditer(folded):
        if _OWN_WORDS.search(folded, _last_rule_word(folded, m.start(), m.end()), m.end()):
            continue  # "... quy định tại Điều 38 Nghị định ..., Cục X đề nghị các đơn vị thực hiện các nội dung sau:"
        stop = _QUOTATION_END.search(folded, m.end() + 1, m.end() + 6000)
        if not stop:  # no end to be seen: the next paragraph, and the items after it
            at = m.end()
            while True:
                rest = folded[at:]
                lead = len(rest) - len(rest.lstrip())
                para = _BLANK_LINE.search(rest, lead + 1)
                if not para:
                    at = len(folded)
                    break
                at += para.start()
                if not _ITEM.match(folded, at + para.end() - para.start()):
                    break
            spans.append((start + m.start(), start + at))
            continue
        spans.append((start + m.start(), start + stop.start()))
    return spans


def _found(text: str, words: str, start: int, end: int) -> int | None:
    """Where ``words`` (a unit's name, an action's opening) stand in ``text`` from ``start``: the
    record's words are the text's with its line breaks and spaces folded."""
    parts = re.sub(r"^\(đề nghị\)\s*|^\([^)]{0,80}\)\s*", "", words).split()[:8]
    if not parts:
        return None
    m = re.compile(r"\s+".join(map(re.escape, parts))).search(text, start, end)
    return m.start() if m else None


def without_quoted(tasks: list, text: str, spans: list[tuple[int, int]]) -> list:
    """The tasks but those whose unit is named inside a quoted rule, or whose whole duty is such a
    rule (a heading over the law's paragraph)."""
    if not spans:
        return tasks
    kept = []
    for task in tasks:
        stop = max(task.end, task.reach, task.start + 1)
        unit = _found(text, task.assignee, task.start, stop)
        action = _found(text, task.action, task.start, stop)
        if unit is not None and any(a <= unit < b for a, b in spans):
            continue
        if action is not None and any(a <= action < b and not text[b : task.end].strip(" \t\n*#.;") for a, b in spans):
            continue
        kept.append(task)
    return kept


# Gifts and purposes that are not this document's (on the folded text before the unit, in its
# sentence):
# - a gift of a cited text ("Thực hiện ...; Công văn số 6785/VPCP-KGVX ... thông báo ý kiến chỉ
#   đạo của Phó Thủ tướng ... giao Bộ Công an ..."): the basis of the letter, its request follows;
# - a purpose ("... gửi về Sở Tư pháp chậm nhất ngày 10/9/2025 để Sở Tư pháp chủ trì ..."): what
#   the issuer will do with what it asks for.
# (A citizen's request a notice reports, "gia đình bà đề nghị UBND huyện có phương án ...", was
# tried: one instance in the seen sets, unseen10 TB 267, none on the corpus or the pool; left out.)
_BASIS = re.compile(r"^[\s*\-+•]*(?:thuc\s+hien|can\s+cu|theo|tiep\s+theo|trien\s+khai)\s")
_CITED_GIFT = re.compile(r"\bcua\s+[^,;.]{2,120}?\s(?:giao|yeu\s+cau|de\s+nghi)\s+(?:cho\s+)?$")
_OWN_SUBJECT = re.compile(r",\s+[A-ZĐÀ-Ỹ]")
_PURPOSE = re.compile(r"\b(?:de|nham)\s+$")
_SENTENCE_START = re.compile(r".*(?:[.;!?:]\s|\n[ \t]*\n)", re.S)
_PERIOD_START = re.compile(r".*(?:(?<!\d)[.!?]\s|\n[ \t]*\n)", re.S)  # (a basis lists its texts with ";")
_NAME_PURPOSE = re.compile(r"\s(?:để|nhằm)\s+[A-ZĐÀ-Ỹ]")


def not_given(tasks: list, text: str) -> list:
    """The tasks but those whose unit is given work by a cited text, or named in a purpose (see
    above)."""
    kept = []
    for task in tasks:
        if _NAME_PURPOSE.search(task.assignee):
            continue  # "Sở Tư pháp chậm nhất ngày 10/9/2025 để Sở Tư pháp": a purpose read as a name
        unit = _found(text, task.assignee, task.start, max(task.end, task.reach, task.start + 1))
        if unit is not None:
            before = text[max(0, unit - 900) : unit]
            m = _SENTENCE_START.match(before)
            sentence = fold(before[m.end() :] if m else before)
            if _PURPOSE.search(sentence):
                continue
            m = _PERIOD_START.match(before)
            basis = before[m.end() :] if m else before
            # (the basis ends at the sentence's own subject: "Thực hiện Kết luận ... ngày 14/11/2025, Ban Chỉ
            # đạo ... yêu cầu Chủ tịch ...": the request is the letter's)
            if _CITED_GIFT.search(sentence) and _BASIS.match(fold(basis)) and not _OWN_SUBJECT.search(basis):
                continue
        kept.append(task)
    return kept
