"""Tasks of a Quyết định xử phạt vi phạm hành chính, as the forms of Nghị định 118/2021/NĐ-CP
(Mẫu quyết định số 01, 02 ...) write them.

A sanction decision gives its duties in fixed sentences, not in the duty grammar of
``nlp.tasks``: the closing article "Quyết định này được: 1. Giao cho ông (bà)/tổ chức ... để
chấp hành. <Cá nhân/tổ chức> ... phải nghiêm chỉnh chấp hành Quyết định xử phạt này ... phải
nộp tiền phạt tại ... trong thời hạn ... 2. Gửi cho Kho bạc ... để thu tiền phạt. 3. Gửi cho
<cơ quan> để tổ chức thực hiện. 4. Gửi cho ... để biết và phối hợp thực hiện", and in Điều 1 the
"Biện pháp khắc phục hậu quả" with their "Thời hạn thực hiện ...". The one sanctioned gets the
decision and the remedies; each body sent the decision "để <việc>" gets that work, and those
sent it only "để biết (và phối hợp)" are its coordinators. Matched on the folded text, so a
mark OCR lost ("đê tô chức thực hiện") does not hide a sentence.
"""
from __future__ import annotations

import re

from .deadlines import find_deadline, settle_task
from .normalize import collapse, fold, fold_document
from .tasks import Task

# "Điều 3. Quyết định này được:" (the article of who gets the decision, and for what)
_SENT_TO = re.compile(r"dieu\s+(?P<n>\d+)\s*\.\s*quyet\s+dinh\s+nay\s+duoc\s*:?")
_ARTICLE_END = re.compile(r"\n\s*(?:dieu\s+\d+\s*\.|noi\s+nhan)")
# "Gửi cho <cơ quan> (<its office>) để <việc>."
_SEND = re.compile(r"gui\s+cho\s+(?P<who>[^.;]{3,200}?)\s+de\s+(?P<what>[^.;]{2,200}?)\s*(?:\.(?=\s|/|$)|;|$)")
_ITEM_NUMBER = re.compile(r"(\d{1,2})\s*[.)]\s*$")
# "<người/tổ chức bị xử phạt> (có tên tại Điều 1) phải nghiêm chỉnh chấp hành Quyết định xử phạt này"
_MUST_OBEY = re.compile(r"phai\s+nghiem\s+chinh\s+chap\s+hanh")
_GIVEN_TO = re.compile(r"giao\s+cho\s+(?P<who>[^.;]{3,200}?)\s+de\s+chap\s+hanh")
_PAY = re.compile(r"phai\s+nop\s+tien\s+phat[^.]*(?:\.\d[^.]*)*")
_REMEDIES = re.compile(r"(?:^|\n)[ \t]*(?:[a-zđ]\)\s*)?(?:cac\s+)?bien\s+phap\s+khac\s+phuc\s+hau\s+qua\s*:\s*")  # a heading of Điều 1
_REMEDY_TIME = re.compile(r"thoi\s+han\s+thuc\s+hien\s+(?:cac\s+)?bien\s+phap\s+khac\s+phuc\s+hau\s+qua\s+la\s+[^.]*")
_COMPELLED = re.compile(r"\n\s*[-+•]?\s*buoc\s+(?P<what>[^\n]*)")
# the words after a name that only point back to it: "có tên tại Điều 1", "bị xử phạt", "là người đại diện"
_POINTER = re.compile(r"\s+(?:bi\s+xu\s+phat|co\s+ten\s+tai|la\s+nguoi|la\s+dai\s+dien|nguoi\s+dai\s+dien)\b.*$")
_HONORIFIC = re.compile(r"^(?:ong|ba|ong\s*\(ba\)|ong/ba)\s+")
# "xử phạt" with whatever marks OCR left on it
_SANCTION_WORD = re.compile(r"x[uưứừửữựúùủũụ]\s*ph[aạảãáàăắằẳẵặâấầẩẫậ]t", re.I)
_SENTENCE_START = re.compile(r"[.:;]\s|\n(?=\s*[A-ZĐÀ-Ỹ])")


def sanction_tasks(text: str, start: int = 0, end: int | None = None, issued_date: str | None = None) -> list[Task]:
    """The duties of a sanction decision between ``start`` and ``end`` of ``text`` (none when
    the text has no "Quyết định này được:" article of that form)."""
    end = len(text) if end is None else end
    if not _SANCTION_WORD.search(text, start, end):
        return []  # (a fast test before folding the whole text: most documents sanction no one)
    folded = fold_document(text)
    article = _SENT_TO.search(folded, start, end)
    if not article or "xu phat" not in folded[start:end]:
        return []
    stop = _ARTICLE_END.search(folded, article.end(), end)
    article_end = stop.start() if stop else end
    number = article.group("n")
    tasks: list[Task] = []
    sent, informed = [], []
    for m in _SEND.finditer(folded, article.end(), article_end):
        who = _name(text, m.start("who"), m.end("who"))
        what = collapse(text[m.start("what") : m.end("what")]).rstrip(" ./")
        if not who:
            continue
        if fold(what) in ("to chuc thuc hien", "thuc hien", "chap hanh"):
            what += " Quyết định này"
        item = _ITEM_NUMBER.search(folded, max(article.end(), m.start() - 12), m.start())
        section = f"Điều {number}" + (f".{item.group(1)}" if item else "")
        if fold(what).startswith("biet"):
            informed.append(who)
        else:
            sent.append(Task(who, what, [], None, None, section, m.start(), m.end(), False))
    doing = [t for t in sent if "thuc hien" in fold(t.action)]
    for task in doing:
        task.coordinators = list(informed)
    tasks.extend(sent)
    sanctioned = _sanctioned(text, folded, article.end(), article_end)
    if sanctioned:
        who, at = sanctioned
        duty = "nghiêm chỉnh chấp hành Quyết định xử phạt"
        pay = _PAY.search(folded, article.end(), article_end)
        deadline = deadline_text = None
        if pay:
            paid = collapse(text[pay.start() : pay.end()])
            duty += "; " + paid[len("phải ") :]
            deadline, deadline_text = find_deadline(paid, issued_date)
        tasks.insert(0, Task(who, duty, [], deadline, deadline_text, f"Điều {number}.1", at, article_end, False))
        remedy = _remedies(text, folded, start, article.start(), who, issued_date)
        if remedy:
            tasks.insert(1, remedy)
    for task in tasks:
        settle_task(task, issued_date)
    return tasks


def _name(text: str, start: int, end: int) -> str:
    """A name as written, without the office in brackets after it or the words pointing back."""
    name = collapse(re.sub(r"\s*\([^()]*\)?", "", text[start:end])).strip(" ,.;:")
    folded = fold(name)
    cut = _POINTER.search(folded)
    if cut:
        name = name[: cut.start()].rstrip(" ,")
    honorific = _HONORIFIC.match(fold(name))
    if honorific:
        name = name[honorific.end() :]
    return name


def _sanctioned(text: str, folded: str, start: int, end: int) -> tuple[str, int] | None:
    """Who was sanctioned, as the article names them: the subject of "phải nghiêm chỉnh chấp
    hành", else the one the decision is handed to "để chấp hành"."""
    must = _MUST_OBEY.search(folded, start, end)
    if must:
        starts = [m.end() for m in _SENTENCE_START.finditer(text, start, must.start())]
        at = starts[-1] if starts else start
        at += len(text[at : must.start()]) - len(text[at : must.start()].lstrip())
        who = _name(text, at, must.start())
        if who and len(who.split()) <= 15:
            return who, at
    given = _GIVEN_TO.search(folded, start, end)
    if given:
        who = _name(text, given.start("who"), given.end("who"))
        if who:
            return who, given.start()
    return None


def _remedies(text: str, folded: str, start: int, end: int, who: str, issued_date: str | None) -> Task | None:
    """The remedies Điều 1 compels ("Biện pháp khắc phục hậu quả: - Buộc ..."), with their
    time limit, as one duty of the one sanctioned; none when the form says "Không"."""
    heading = _REMEDIES.search(folded, start, end)
    if heading is None or folded[heading.end() : heading.end() + 5].startswith("khong"):
        return None
    time = _REMEDY_TIME.search(folded, heading.end(), end)
    stop = time.start() if time else min(end, heading.end() + 3000)
    compelled = [collapse(text[m.start("what") : m.end("what")]) for m in _COMPELLED.finditer(folded, heading.end() - 1, stop)]
    if not compelled:
        return None
    action = "thực hiện các biện pháp khắc phục hậu quả: buộc " + "; buộc ".join(c.rstrip(" .;") for c in compelled)
    deadline = deadline_text = None
    if time:
        words = collapse(text[time.start() : time.end()])
        deadline, deadline_text = find_deadline(words, issued_date)
        if not deadline_text:
            deadline_text = re.sub(r"^.*?\slà\s+", "", words)[:120]
    return Task(who, action, [], deadline, deadline_text, None, heading.start(), stop, False)
