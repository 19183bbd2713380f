"""A công văn's request to the body it answers: "Đề nghị Công ty nghiên cứu ... để thực hiện đúng
quy định".

A công văn names its addressee in full once, after "Kính gửi:" (Nghị định 30/2020/NĐ-CP, the
letter's "nơi nhận" at its head: "Kính gửi: Chi nhánh Công ty TNHH KGL Việt Nam tại TP. HCM."), and
then calls it by its head alone ("Công ty", "Doanh nghiệp", "Chi nhánh", "Ngân hàng"). A reply
from a tax or customs office explains the law and often ends asking the addressee to act on it:
"Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện đúng quy định", "... để Công ty X
biết và đề nghị Công ty liên hệ với cơ quan Thuế quản lý trực tiếp để được hướng dẫn". That
request is the addressee's task, its unit the name the letter gave it in full. A request under a
condition ("trường hợp Công ty có nhu cầu ... đề nghị Công ty thực hiện thủ tục ...") asks nothing
unless the case arises, and a reply that only explains the law asks nothing: both give no task.
"""
from __future__ import annotations

import re

from ..normalize import fold
from .context import Context
from .task import Task, action_text, tasks_for
from .vocabulary import patterns

# the heads a letter calls its addressee by ("Quý Công ty" is the same)
_HEADS = r"(?:Công\s+ty|Doanh\s+nghiệp|Chi\s+nhánh|Ngân\s+hàng|Hợp\s+tác\s+xã)"
# the request: "đề nghị (Quý) <head>" then the verb (lower case), at a clause's start or after "biết và"
_REQUEST = re.compile(
    rf"(?:^|(?<=[.;:\n])|(?<=\bvà)|(?<=\bnên)|(?<=vậy,))\s*(?P<lead>[Đđ]ề\s+nghị)\s+(?:[Qq]uý\s+)?(?P<head>{_HEADS})\s+",
    re.M,
)
_VERB_NEXT = re.compile(r"[a-zđà-ỹ]")
# The list ends at a blank line, at the body's opening words, or after the entry closed by a
# full stop when a paragraph follows ("... trực thuộc TW.\n+\nNgày 30/12/2014, Thủ tướng ...").
_ADDRESS = re.compile(
    r"Kính\s+gửi\s*:?[\s*|]*:?[\s*]*(?P<block>.{3,400}?)(?:\n\s*\n|\n\s*\*?\(|\n\s*(?:Trả\s+lời|Cục|Về|Căn\s+cứ|Thực\s+hiện|Xét|Để)\b"
    r"|\.[ \t]*\n(?=(?:[ \t]*[-+•*][ \t]*\n)?[ \t]*(?:Ngày\s+\d|[^\n]{70,})))",
    re.S,
)
# marks a scan left before the first name ("3-40 Nty, A6 -24£- Các Bộ, ..."): a number or a
# sign in a few characters, then a unit's head
_MARK_SIGN = re.compile(r"[\d£$#@&*=~^]")
# a condition before the request in its sentence: "trường hợp ...", "nếu ..."
_CONDITION = re.compile(r"(?:\b[Tt]rường\s+hợp\b|\b[Nn]ếu\b)[^.;]*$")


# A scan read column by column puts the header's right column (Quốc hiệu, Tiêu ngữ, the place and
# day) between "Kính gửi:" and the names below it; those lines, and a stray mark of ink read as a
# letter, name no one (on the folded line).
_NOT_A_NAME = re.compile(r"^(?:cong\s+hoa\s+xa\s+hoi|doc\s+lap\b|[^,;]{0,40},?\s*ngay\b.{0,12}\bthang\b.{0,12}\bnam\b|\W*\w?\W*$)")
# a dash, or the dash and underscore OCR reads a scan's bullet as ("-_ UBND các xã")
_ENTRY_CUT = re.compile(r";|\.\s*\n|\n\s*[-+•]_?\s*(?=\S)")


def _without_leading_marks(name: str) -> str:
    """The name after the marks a scan left before it, where they hold a number or a sign."""
    if patterns()["head"].match(name):
        return name
    for space in re.finditer(r"\s+(?=[A-ZĐÀ-Ỹ])", name[:40]):
        if _MARK_SIGN.search(name, 0, space.start()) and patterns()["head"].match(name, space.end()):
            return name[space.end() :]
    return name


def addressees(text: str) -> list[str]:
    """The bodies a letter is addressed to ("Kính gửi: ..."), each name whole (a name wraps lines)."""
    m = _ADDRESS.search(text, 0, min(len(text), 8000))
    if not m:
        return []
    block = "\n".join(line for line in m.group("block").split("\n") if not _NOT_A_NAME.match(fold(line).strip(" |*")))
    names = []
    for entry in _ENTRY_CUT.split(block):
        name = " ".join(entry.replace("*", " ").replace("|", " ").replace("_", " ").split()).strip(" -.;,:")
        name = _without_leading_marks(name)
        if name and not name.startswith("("):
            names.append(name)
    return names


def letter_tasks(doc: Context, found: list[Task], text: str) -> list[Task]:
    """The requests of a công văn to the body it answers, that no task read already."""
    if doc.doc_type not in ("CV", None):
        return []
    names = addressees(text)  # (a page that lost its header still opens with "Kính gửi:")
    if not names:
        return []
    starts = sorted(t.start for t in found)
    tasks: list[Task] = []
    for m in _REQUEST.finditer(doc.flat, doc.start, doc.end):
        head = " ".join(m.group("head").split()).lower()
        whose = [n for n in names if head in n.lower()]
        if len(whose) != 1:
            continue  # no one addressed by that head, or several: whose the request is is not said
        verb = m.end()
        rest = doc.flat[m.start("head") : m.start("head") + len(whose[0]) + 1]
        if " ".join(rest.split()).lower().startswith(whose[0].lower()):
            verb = m.start("head") + len(whose[0])  # the name given in full again
            while verb < len(doc.flat) and doc.flat[verb] == " ":
                verb += 1
        if not _VERB_NEXT.match(doc.flat, verb):
            continue  # another body of that kind, named ("đề nghị Công ty Điện lực ...")
        sentence_start = max(doc.flat.rfind(".", 0, m.start()), doc.flat.rfind(";", 0, m.start()), doc.flat.rfind(":", 0, m.start()))
        if _CONDITION.search(doc.flat, sentence_start + 1, m.start()):
            continue
        end = _sentence_end(doc.flat, verb, doc.end)
        if any(m.start() - 200 <= s < end for s in starts if s >= sentence_start):
            continue  # read already
        action = action_text(doc.flat[verb:end])
        if not action:
            continue
        tasks.extend(tasks_for(whose, "(đề nghị) " + action, doc.flat[verb:end], doc.issued_date, None, m.start("lead"), end))
    return tasks


def _sentence_end(flat: str, at: int, end: int) -> int:
    """Where the request's sentence ends: its full stop (not the one of "TP. HCM") or the body's end."""
    for m in re.finditer(r"\.(?:/\.)?(?=\s+[A-ZĐÀ-Ỹ*\d]|\s*$)", flat[at:end]):
        if not flat[max(0, at + m.start() - 3) : at + m.start()].endswith(("TP", "Tp")):
            return at + m.start()
    return end
