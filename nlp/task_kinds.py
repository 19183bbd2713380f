"""What kind of duty a task is, so that a planner's board shows the duties given to units.

- ``execution``: the closing clause, "<units> chịu trách nhiệm thi hành / tổ chức thực hiện
  <this document>", in any document;
- ``obligation``: a legal text's rule for anyone who falls under it ("tổ chức, cá nhân ...",
  "người khai hải quan", "chủ đầu tư"), and in any text the duties of anyone under a heading
  "Trách nhiệm của (cơ quan,) tổ chức, cá nhân ...": kept for search, never on a unit's board;
- ``responsibility``: a legal text's standing duty of a named body ("Trách nhiệm của Bộ X",
  "Bộ X có trách nhiệm ...");
- ``assignment``: a duty a directive, plan, công điện, công văn, thông báo or decision gives a
  unit.

A legal text is a Luật, Nghị định, Thông tư (joint ones too), a consolidated text, a quyết
định or nghị quyết numbered as a legal text ("12/2024/QĐ-TTg", "55/2025/NQ-HĐND": the year in
the number marks a văn bản quy phạm pháp luật, an administrative one has none, Nghị định
30/2020/NĐ-CP Phụ lục I), or the regulation a decision issues after its signature ("QUY CHẾ /
(Ban hành kèm theo Quyết định ...)"), or the administrative procedures a decision publishes: the
duties it states stand for as long as it is in force, they are not assigned.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .items import find_items, own_end, subtree_end
from .normalize import fold

KINDS = ("assignment", "responsibility", "execution", "obligation")

# the legal-normative types (Nghị định 30/2020/NĐ-CP, Phụ lục III, and Luật 80/2015/QH13)
LEGAL_TYPES = {"L", "LCT", "PL", "NĐ", "TT", "TTLT", "NQLT", "VBHN", "QyĐ"}
# the types that are a legal text when their number carries the year: a chỉ thị stays a
# directive whatever its number (before 2016 a Thủ tướng's chỉ thị was numbered so), its duties given
NUMBERED_LEGAL_TYPES = {"QĐ", "NQ"}
_LEGAL_NUMBER = re.compile(r"\d+[a-zA-Z]?/(?:19|20)\d\d/")


def is_legal(doc_type: str | None, symbol: str | None = None) -> bool:
    """A legal text by its type, or by a number of the form "12/2024/QĐ-TTg" on a QĐ or NQ."""
    if doc_type in LEGAL_TYPES:
        return True
    return doc_type in NUMBERED_LEGAL_TYPES and bool(symbol and _LEGAL_NUMBER.match(symbol))

_DOCUMENT = (
    r"(?:quyet\s+dinh|nghi\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+quyet|chi\s+thi|ke\s+hoach|luat|phap\s+lenh"
    r"|quy\s+che|quy\s+dinh|cong\s+van|cong\s+dien|van\s+ban|thong\s+bao)"
)
# "chịu trách nhiệm thi hành Quyết định này", "tổ chức triển khai thực hiện nghiêm Chỉ thị này",
# "có trách nhiệm tổ chức thi hành Nghị quyết này", "chấp hành và thực hiện Thông tư này", and
# "căn cứ Quyết định (này) thi hành / thực hiện"
_EXECUTION = re.compile(
    r"^\W*(?:(?:co|chiu)\s+trach\s+nhiem\s+)?(?:(?:to\s+chuc|huong\s+dan)\s+)?(?:trien\s+khai\s+)?"
    r"(?:thi\s+hanh|thuc\s+hien|trien\s+khai|chap\s+hanh(?:\s+va\s+thuc\s+hien)?)"
    rf"(?:\s+(?:nghiem\s+tuc|nghiem\s+chinh|nghiem))?\s+(?:cac\s+)?{_DOCUMENT}\s+(?:nay|tren)\b"
    rf"|^\W*can\s+cu\s+{_DOCUMENT}(?:\s+nay)?\s+(?:de\s+)?(?:thi\s+hanh|thuc\s+hien)\W*$"
)
# anyone who falls under a rule, not a named body
_ANYONE = re.compile(
    r"^\W*(?:cac\s+|moi\s+|nhung\s+)?(?:to\s+chuc(?!\s+chinh\s+tri)|ca\s+nhan|nguoi(?!\s+dung\s+dau)|doanh\s+nghiep|chu\s+dau\s+tu"
    r"|co\s+so|ho\s+gia\s+dinh|ho\s+kinh\s+doanh|nha\s+dau\s+tu|nha\s+thau|thuong\s+nhan|hop\s+tac\s+xa|chu\s+so\s+huu|chu\s+ho"
    r"|ben\s|doi\s+tuong|cong\s+ty|chu\s+phuong\s+tien|chu\s+tau|truong\s+tau|thuyen\s+truong|nguoi\s+nop\s+thue|to\s+chuc\s+tin\s+dung)"
    r"|(?:^|,\s*)ca\s+nhan\b"
)
# a regulation issued with a decision: its title in capitals, then "(Ban hành kèm theo ...)"
_REGULATION = re.compile(r"^[ \t*#]*(?:QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|QUY TRÌNH|HƯỚNG DẪN)\b[^\n]*\n(?:[^\n]*\n){0,6}?[ \t*_]*\(?[ \t*_]*Ban hành kèm theo", re.M)


# the administrative procedures a decision publishes (Nghị định 63/2010/NĐ-CP; Thông tư
# 02/2017/TT-VPCP's form): "Phần II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH", an internal
# process ("QUY TRÌNH NỘI BỘ"), or a procedure's fields ("a) Trình tự thực hiện") in an annex
_PROCEDURES = re.compile(r"NỘI\s+DUNG\s+(?:CỤ\s+THỂ\s+)?(?:CỦA\s+)?(?:TỪNG\s+|CÁC\s+)?THỦ\s+TỤC\s+HÀNH\s+CHÍNH|QUY\s+TRÌNH\s+NỘI\s+BỘ")
_ANNEX = re.compile(r"^[ \t*_(]*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+Quyết\s+định\s+(?:số|\d)", re.M)
_STEPS = re.compile(r"^[ \t*#|_-]*(?:(?:[a-zđ]|\d+)[.)]\s*)?Trình\s+tự(?:,?\s+thủ\s+tục)?\s+thực\s+hiện\b", re.M)
_PROCEDURE_SUBJECT = re.compile(r"thủ\s+tục\s+hành\s+chính", re.I)


def procedures_start(body: str) -> int | None:
    """Where the procedures a decision publishes begin, in its annex ("(Kèm theo Quyết định số
    ...)"): their steps ("Bộ phận một cửa tiếp nhận hồ sơ", "UBND cấp xã có trách nhiệm trả lời
    ...") stand while the procedure is in force, like a legal text's duties; they are not work
    given to a unit. (The decision's own articles, above the annex, give work.)"""
    annex = _ANNEX.search(body)
    if not annex:
        return None
    m = _PROCEDURES.search(body, annex.end())
    if not m and _PROCEDURE_SUBJECT.search(body[:2500]):
        m = _STEPS.search(body, annex.end())
    return m.start() if m else None


def regulation_start(body: str) -> int | None:
    """Where a regulation issued with the document begins in its body, if one is."""
    m = _REGULATION.search(body)
    return m.start() if m else None


_ARTICLE = re.compile(r"^[ \t*#]*Điều\s+\d+[a-zđ]?\s*[.:]\s*(?P<title>[^\n]*)", re.M)
_DUTY_TITLE = re.compile(r"trach\s+nhiem|nhiem\s+vu|to\s+chuc\s+thuc\s+hien")
_RESPONSIBLE = re.compile(r"^\W*(?:co|chiu)\s+trach\s+nhiem")


# a heading that gives duties to anyone of a kind: "Điều 7. Trách nhiệm của các tổ chức, cá nhân
# khác", "1. Trách nhiệm của tổ chức, cá nhân trả thu nhập", "Nghĩa vụ của cơ quan, tổ chức, cá nhân ..."
_DUTIES_OF = re.compile(r"^\W*(?:trach\s+nhiem|nghia\s+vu|nhiem\s+vu)(?:\s*,\s*(?:quyen\s+han|quyen|nghia\s+vu))*(?:\s+va\s+(?:quyen\s+han|quyen|nghia\s+vu))?\s+cua\s+(?P<who>.+)$")
_ANYONE_PAIR = re.compile(r"^(?:cac\s+)?(?:co\s+quan\s*,\s*)?(?:to\s+chuc\s*,\s*ca\s+nhan|ca\s+nhan\s*,\s*to\s+chuc)\b")


def anyone_sections(body: str) -> list[tuple[int, int]]:
    """The spans of the items (articles, numbered headings) whose title gives the duties under it
    to anyone of a kind ("Trách nhiệm của tổ chức, cá nhân ..."), not to a body."""
    spans = []
    if "nhân" not in body:  # (a literal test first: fast)
        return spans
    for item in find_items(body):
        title = body[item.text_start : own_end(item)].split("\n\n", 1)[0][:300]  # (a title may break over lines)
        duties = _DUTIES_OF.match(" ".join(fold(title).lower().split()).strip(" *.:"))
        if duties and _ANYONE_PAIR.match(duties.group("who")):
            spans.append((item.start, subtree_end(item)))
    return spans


def kind_of(task, doc_type: str | None, legal_from: int | None = None, article_title: str = "", anyone_heading: bool = False, symbol: str | None = None) -> str:
    """The kind of one task (a :class:`~nlp.tasks.Task`) of a document of ``doc_type`` numbered ``symbol``;
    ``legal_from``: where a regulation issued with it begins (its duties are a legal text's);
    ``article_title``: the title of the article the task is in.

    Anyone who falls under a rule ("tổ chức, cá nhân", "doanh nghiệp", "người khai hải quan")
    is given a responsibility where the text says so ("... có trách nhiệm", an article titled
    "Trách nhiệm của doanh nghiệp"); otherwise the rule is an obligation."""
    action = fold(task.action or "").lower()
    if _EXECUTION.match(action):
        return "execution"
    if anyone_heading and _ANYONE.search(fold(task.assignee or "").lower()):
        return "obligation"  # under "Trách nhiệm của tổ chức, cá nhân ...", in any text: anyone's rule
    legal = is_legal(doc_type, symbol) or (legal_from is not None and task.start >= legal_from)
    if not legal:
        return "assignment"
    if _ANYONE.search(fold(task.assignee or "").lower()) and not _RESPONSIBLE.match(action) and not _DUTY_TITLE.search(fold(article_title).lower()):
        return "obligation"
    return "responsibility"


def set_kinds(tasks: list, doc_type: str | None, body: str, symbol: str | None = None) -> None:
    standing = [] if is_legal(doc_type, symbol) else [at for at in (regulation_start(body), procedures_start(body)) if at is not None]
    start = min(standing, default=None)  # where a regulation or published procedures begin
    articles = list(_ARTICLE.finditer(body))
    starts = [m.start() for m in articles]
    anyone_spans = anyone_sections(body)
    for task in tasks:
        i = bisect_right(starts, task.start) - 1
        anyone = any(a <= task.start < b for a, b in anyone_spans)
        task.kind = kind_of(task, doc_type, start, articles[i].group("title") if i >= 0 else "", anyone, symbol)
