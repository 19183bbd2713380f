"""Deadlines: the words that say by when, the day they give, the last day they allow.

A plan states time in a few closed forms: a day ("trước ngày 15/12/2025"), a period whose end
is the last day allowed ("Tháng 12/2025", "Quý III năm 2026", "Năm 2026", "trước tháng
12/2025", a range "Quý IV/2025 - Quý II/2026"), a span counted from the date of issue ("trong
15 ngày kể từ ngày ký", "trong 03 ngày làm việc" skipping Saturdays and Sundays), or a standing
or periodic duty ("Thường xuyên", "Hằng năm", "trước ngày 15 hằng tháng", "định kỳ 6 tháng").

:func:`read_deadline` finds the first such words in a clause; :func:`settle` reads words
already found. Both give a :class:`Deadline`: ``deadline`` only where the text names a day (or
one follows from the date of issue, as ``../shared/eval/FORMAT.md`` defines it), ``due_by`` the
last day the words allow (equal to ``deadline`` where that is set), ``recurrence`` for standing
and periodic duties, which never get a date their words do not give.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .normalize import collapse, fold


@dataclass(frozen=True)
class Deadline:
    deadline: str | None = None  # ISO: a day the text gives, or counted from the date of issue
    text: str | None = None  # the words as printed
    due_by: str | None = None  # ISO: the last day the words allow
    recurrence: str | None = None  # standing, yearly, quarterly, monthly, weekly, daily, every N months
    note: str | None = None  # why the words give no ``due_by`` though they name a day


NONE = Deadline()

# The words that make a day bound a duty; a day without them ("đã được duyệt trước ngày
# 01/7/2024", "đất ở trước ngày ...", "tính đến ngày ...") is one the duty speaks of.
# In the clause before the words: a condition, a scope, a past event, a participle.
_CONDITION = re.compile(
    r"(?:^|[\s(])(?:đã|trường\s+hợp|nếu|đối\s+với|tính|phát\s+sinh|hiệu\s+lực)(?=\s|$)"
    # the period a report or an assessment covers ("kỳ đánh giá từ ngày 15/12/2023 đến ngày 14/12/2024")
    r"|(?:^|\s)kỳ\s+(?:đánh\s+giá|báo\s+cáo|thống\s+kê|tổng\s+hợp)(?=\s)"
    r"|(?:^|\s)được\s+(?!giao\b)[^\s,;]+(?:\s+[^\s,;]+)?\s*$",
    re.I,
)
# after a day and month with no year: a yearly duty ("trước ngày 25 tháng 01 hằng năm",
# "trước ngày 10 tháng 01 năm sau", "trước ngày 31 tháng 3 của năm kế tiếp")
_YEARLY_AFTER = re.compile(r"\s*(?:(?:của\s+)?năm\s+(?:sau|kế\s+tiếp|tiếp\s+theo)|(?:hằng|hàng)\s+(?:năm|qu[ýí]|tháng))", re.I)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# ---------------------------------------------------------------------------- finding the words

_DAY = r"(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-])\s*(?P<m>\d{1,2})\s*(?:năm\s*|[/.-])\s*(?P<y>(?:19|20)\d{2})"
_DATE_DEADLINE = re.compile(
    r"(?P<text>(?:hoàn\s+thành\s+)?(?:trước|chậm\s+nhất|không\s+muộn\s+hơn|trong|vào|hạn\s+chót|đến)"
    # an hour of the day may come first: "trước 17 giờ ngày 27/11/2025", "chậm nhất 16h00 ngày ..."
    r"(?:\s+(?:lúc\s+)?\d{1,2}\s*(?:giờ|h)(?:\s*\d{2}(?:\s*phút)?)?(?:,)?)?"
    # and the day of the week before its date: "trước Thứ Tư ngày 03/12/2025", "chậm nhất thứ Sáu, ngày ..."
    r"(?:\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?)?"
    r"(?:\s+ngày)?\s+(?:ngày\s+)?"
    + _DAY + ")",
    re.I,
)
_RELATIVE = re.compile(
    r"(?P<text>(?:trong\s+(?:thời\s+hạn|vòng|thời\s+gian)\s+|trong\s+|chậm\s+nhất\s+(?:sau\s+)?)(?P<n>\d{1,3})(?:\s*\([^)]{1,20}\))?\s+ngày(?P<work>\s+làm\s+việc)?"
    r"(?:,?\s+(?:kể\s+từ|từ|sau)\s+(?:ngày|khi)\s+(?P<from>[^;.,]{0,60}))?)",
    re.I,
)
_PERIODIC = (
    r"định\s+kỳ\s+(?:hằng|hàng)\s+(?:năm|qu[ýí]|tháng|tuần|ngày)|định\s+kỳ\s+\d{1,2}\s+tháng(?:\s+(?:một|1)\s+lần)?"
    r"|định\s+kỳ(?:\s+(?:trước|vào)\s+ngày\s+[\d/ ,và]{1,30}?(?:\s*tháng\s+\d{1,2})?\s+(?:hằng|hàng)\s+(?:năm|qu[ýí]|tháng))?"
    r"|\d{1,2}\s+tháng\s+(?:một|1)\s+lần"
    r"|(?:hằng|hàng)\s+(?:năm|qu[ýí]|tháng|tuần|ngày)"
    r"|thường\s+xuyên(?:,?\s+liên\s+tục)?|(?:năm|từ\s+năm)\s+\d{4}\s+(?:và\s+các\s+năm\s+tiếp\s+theo|trở\s+đi)"
)
_PERIOD = (
    r"(?:tháng\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
    r"|qu[ýí]\s+(?:[IV]{1,3}|[1-4])(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
    r"|(?:\d\s+)?(?:6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?"
    r"|năm\s+\d{4})"
)
_WORDS_DEADLINE = re.compile(
    rf"(?P<text>{_PERIODIC}"
    rf"|(?:trước|trong|chậm\s+nhất|hoàn\s+thành|xong)\s+(?:{_PERIOD})(?:\s*[-–]\s*(?:{_PERIOD}))?"
    r"|trước\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})(?!\s*(?:/|năm)\s*\d))",
    re.I,
)


def read_deadline(text: str, issued_date: str | None = None) -> Deadline:
    """The first deadline of a clause of running text: a day first, then a span counted from
    a day, then a period or a rhythm (which need a preposition: "năm 2026" alone is a year
    the clause talks about, "trong năm 2026" a deadline)."""
    for m in _DATE_DEADLINE.finditer(text):
        if in_condition(text, m.start("text")) or _ends_period_only(text, m):
            continue
        words = collapse(m.group("text"))
        periodic = _WORDS_DEADLINE.search(text, m.end(), m.end() + 30)
        if periodic and re.match(r"\s*(?:hằng|hàng)\s", text[m.end() :]):
            words = collapse(text[m.start("text") : periodic.end()])  # "ngày 28/02 hằng năm"
        found = settle(words, issued_date)
        if found.deadline or found.recurrence or found.note:
            return found
    relative = _RELATIVE.search(text)
    m = next((w for w in _WORDS_DEADLINE.finditer(text) if not in_condition(text, w.start("text"))), None)
    if relative and (not m or relative.start() <= m.start()):  # the words that come first
        return settle(collapse(relative.group("text")).rstrip(" ,"), issued_date)
    if m:
        start = m.start("text")
        end = m.end("text")
        if m.group("text")[:1] in "hH":  # "hằng tháng": with the day before it, "trước ngày 15 hằng tháng"
            back = _DAY_BEFORE.search(text, max(0, start - 40), start)
            if back:
                start = back.start()
        elif re.match(r"trước\s+ngày", m.group("text"), re.I):  # "trước ngày 25 tháng 01 hằng năm / năm sau"
            rhythm = _YEARLY_AFTER.match(text, end)
            if rhythm:
                end = rhythm.end()
        if _BARE_YEARLY.fullmatch(m.group("text")):
            # "Hằng năm, Sở Nội vụ tổng hợp, báo cáo ... trước ngày 15/12": the day of the yearly duty
            day = _yearly_day(text, end)
            if day:
                return settle(f"{collapse(m.group('text'))}, {collapse(day)}", issued_date)
        return settle(collapse(text[start:end]), issued_date)
    return NONE


# A yearly rhythm with no day of its own ("Hằng năm, ...", "định kỳ hằng năm ..."), and the day
# without a year its clause names after it ("... báo cáo UBND tỉnh trước ngày 15/12", "trước ngày 20
# tháng 11"): the duty falls due that day every year. (Only within the clause: up to a ";", a
# sentence's end or a new item.)
_BARE_YEARLY = re.compile(r"(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+năm", re.I)
_YEARLY_DAY = re.compile(
    r"(?:trước|vào|chậm\s+nhất(?:\s+(?:là|vào))?|đến|không\s+muộn\s+hơn)\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})(?!\s*(?:/|năm|-)\s*\d)(?!\d)",
    re.I,
)
_CLAUSE_END = re.compile(r";|\.\s+(?=[A-ZĐÀ-Ỹ])|\n\s*(?:[-+•]|\d{1,2}[.)]|[a-zđ]\))")


def _yearly_day(text: str, at: int) -> str | None:
    end = _CLAUSE_END.search(text, at)
    stop = min(end.start() if end else len(text), at + 300)
    m = _YEARLY_DAY.search(text, at, stop)
    return m.group() if m else None


# Searched back from a "hằng ..." (a pattern that opened with these optional words was tried
# at every character of every clause).
_DAY_BEFORE = re.compile(
    r"(?:(?:trước|vào|chậm\s+nhất(?:\s+vào)?)\s+)?ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})?\s+$|(?:trước|vào)\s+$",
    re.I,
)


# A span "từ (ngày) X đến (ngày) Y" names the period a report covers or a plan runs; when the
# clause then says by when to send or finish ("kỳ 6 tháng (từ ngày 15/12/2025 đến ngày 14/6/2026,
# gửi trước ngày 20/6/2026)"; "số liệu từ ngày ... đến ngày ..., gửi về ... chậm nhất ngày ..."),
# that is the deadline, not the period's end.
_PERIOD_START = re.compile(r"\btừ\s+(?:ngày\s+)?\d{1,2}\s*(?:tháng\s*|[/.-])\s*\d{1,2}[^;]{0,30}$", re.I)
_FIRM = re.compile(r"^(?:hoàn\s+thành\s+)?(?:trước|chậm\s+nhất|không\s+muộn\s+hơn|hạn\s+chót)", re.I)


def _ends_period_only(text: str, m: re.Match) -> bool:
    """Whether the day at ``m`` ("đến ngày Y") only ends a "từ ngày X" period and a firm day
    ("trước / chậm nhất ngày ...") follows in the same clause (up to a ";" or a sentence's end)."""
    if not re.match(r"đến\b", m.group("text"), re.I) or not _PERIOD_START.search(text, max(0, m.start() - 60), m.start()):
        return False
    rest = re.split(r";|\.\s+(?=[A-ZĐÀ-Ỹ])", text[m.end() : m.end() + 300])[0]
    return any(_FIRM.match(later.group("text")) and not in_condition(rest, later.start("text")) for later in _DATE_DEADLINE.finditer(rest))


def in_condition(text: str, at: int) -> bool:
    """Whether the deadline words at ``at`` close a condition, a scope or a past event of the
    clause they stand in ("... đã được duyệt trước ngày 01/7/2024", "tính đến ngày ...")
    rather than bound its duty."""
    clause = text[max(0, at - 120) : at]
    clause = re.split(r"[,;:.()\n\]\[]", clause)[-1]  # (a site's note "[... có hiệu lực từ ...]" is no clause of it)
    return bool(_CONDITION.search(clause))


def find_deadline(text: str, issued_date: str | None = None) -> tuple[str | None, str | None]:
    """(deadline, words) of :func:`read_deadline`: what ``nlp.tasks`` puts in a task."""
    found = read_deadline(text, issued_date)
    return found.deadline, found.text


# ---------------------------------------------------------------------------- reading the words

_RECURRENCES = [
    (re.compile(r"dinh\s+ky\s+(?P<n>\d{1,2})\s+thang|(?P<n2>\d{1,2})\s+thang\s+(?:mot|1)\s+lan"), None),
    (re.compile(r"(?:hang|hàng)\s+nam|cac\s+nam\s+tiep\s+theo|tro\s+di|thang\s+\d{1,2}\s+(?:cua\s+)?nam\s+(?:sau|ke\s+tiep|tiep\s+theo)"), "yearly"),
    (re.compile(r"hang\s+qu[yi]"), "quarterly"),
    (re.compile(r"hang\s+thang"), "monthly"),
    (re.compile(r"hang\s+tuan"), "weekly"),
    (re.compile(r"hang\s+ngay"), "daily"),
    (re.compile(r"thuong\s+xuyen|dinh\s+ky|lien\s+tuc|khi\s+co\s+yeu\s+cau|theo\s+yeu\s+cau"), "standing"),
]
_F_DAY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*(?:thang\s*|[/.-])\s*(?P<m>\d{1,2})\s*(?:nam\s*|[/.-])\s*(?P<y>(?:19|20)\d{2})(?!\d)")
_F_DAY_MONTH = re.compile(r"(?:ngay\s+)(?P<d>\d{1,2})\s*(?:thang\s*|/)\s*(?P<m>\d{1,2})(?!\s*(?:/|nam)\s*\d)(?!\d)")
_F_QUARTER = re.compile(r"qu[yi]\s+(?P<q>iv|i{1,3}|[1-4])(?![a-z0-9])(?:\s*(?:/|nam)\s*(?P<y>\d{4}))?")
_F_HALF = re.compile(r"(?P<which>6|sau)\s+thang\s+(?P<half>dau|cuoi)\s+nam(?:\s+(?P<y>\d{4}))?")
_F_MONTH = re.compile(r"(?:thang\s+)(?P<m>\d{1,2})(?:\s*-\s*(?P<m2>\d{1,2}))?(?:\s*(?:/|nam)\s*(?P<y>\d{4}))?|(?<![\d/])(?P<mb>\d{1,2})\s*/\s*(?P<yb>(?:19|20)\d{2})(?!\d)")
_F_YEAR = re.compile(r"(?<![\d/])(?P<y>(?:19|20)\d{2})(?!\d)")
_F_RELATIVE = re.compile(r"(?P<n>\d{1,3})(?:\s*\([^)]{1,20}\))?\s+ngay(?P<work>\s+lam\s+viec)?(?:,?\s+(?:ke\s+tu|tu|sau)\s+(?:ngay|khi)\s+(?P<from>.*))?")
# "kể từ ngày ký", "kể từ ngày ban hành (Kế hoạch này)": this document's own date of issue
_FROM_ISSUE = re.compile(r"(?:ky|ban\s+hanh)(?:\s+(?:ke\s+hoach|quyet\s+dinh|chi\s+thi|cong\s+van|thong\s+bao|cong\s+dien|van\s+ban|nghi\s+quyet)\s+nay)?\s*[)\],;.]*$")
_BEFORE = re.compile(r"^(?:hoan\s+thanh\s+)?truoc\s+(?!ngay)")


def settle(words: str | None, issued_date: str | None = None) -> Deadline:
    """What deadline words mean: the day they give, the last day they allow, the rhythm of a
    standing duty. Words that give none of these are kept as text only."""
    if not words or not words.strip():
        return NONE
    text = collapse(words)[:160]
    f = fold(text).lower()
    issued = _iso_date(issued_date)
    recurrence = _recurrence(f)
    if recurrence:
        return Deadline(None, text, None, recurrence)
    m = next((d for d in _F_DAY.finditer(f) if not f[: d.start()].rstrip().endswith("thang")), None)  # not "Tháng 11-12/2025"
    if m:
        day = _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if day:
            ends = [day]
            # "từ 01/10/2025 đến 31/12/2025": the range's end
            for later in _F_DAY.finditer(f, m.end()):
                other = _day(int(later.group("y")), int(later.group("m")), int(later.group("d")))
                if other:
                    ends.append(other)
            last = max(ends)
            deadline = day if len(ends) == 1 else None
            return Deadline(deadline and deadline.isoformat(), text, last.isoformat(), None)
    m = _F_RELATIVE.search(f)
    if m and re.match(r"^(?:trong|chậm|cham|hoan|[0-9])", f.strip()):
        frm = m.group("from")
        if issued and frm is not None and _FROM_ISSUE.match(frm.strip()):
            n = int(m.group("n"))
            day = _add_working_days(issued, n) if m.group("work") else issued + timedelta(days=n)
            return Deadline(day.isoformat(), text, day.isoformat(), None)
        return Deadline(None, text, None, None)
    m = _F_DAY_MONTH.search(f)  # a day and month, no year: the next such day from the date of issue
    if m and issued and not _F_YEAR.search(f, m.end()):
        day = _day(issued.year, int(m.group("m")), int(m.group("d")))
        if day and day < issued:
            day = _day(issued.year + 1, day.month, day.day)
        if day:
            return Deadline(None, text, day.isoformat(), None)
    end = _period_end(f, issued)
    if end is None:
        return Deadline(None, text, None, None)
    return Deadline(None, text, end.isoformat(), None)


def bounded(found: Deadline, issued_date: str | None) -> Deadline:
    """A last day before the document's own date cannot bound a duty it gives (a table of what
    was due, a day of a condition read as a deadline): the words are kept, the days dropped,
    and the note says why."""
    if issued_date and found.due_by and found.due_by < issued_date:
        note = f"the day ({found.due_by}) is before the document's own date ({issued_date}): not a deadline it sets"
        return Deadline(None, found.text, None, found.recurrence, note)
    return found


def settle_task(task, issued_date: str | None) -> None:
    """Set a task's ``due_by``, ``recurrence`` and ``deadline_note`` from its deadline's words
    (and clear a ``deadline`` before the date of issue)."""
    read = settle(task.deadline_text, issued_date)
    found = bounded(Deadline(task.deadline, read.text, task.deadline or read.due_by, read.recurrence, read.note), issued_date)
    task.deadline, task.due_by, task.recurrence = found.deadline, found.due_by, found.recurrence
    task.deadline_note = found.note


_D_MONTH = re.compile(r"(?:ngay\s+)?(?P<d>\d{1,2})\s*(?:thang\s*|/)\s*(?P<m>\d{1,2})(?!\s*/\s*\d)")
_D_ONLY = re.compile(r"ngay\s+(?P<d>\d{1,2})(?!\s*(?:/|thang)\s*\d)")


def next_occurrence(words: str | None, recurrence: str | None, today: date | str) -> str | None:
    """The next day, from ``today`` on, a periodic duty's words name: "trước ngày 25 tháng 01
    hằng năm" the next 25 January, "trước ngày 15 hằng tháng" the next 15th; ``None`` where the
    words name no day."""
    if not words or recurrence not in ("yearly", "monthly"):
        return None
    today = date.fromisoformat(today) if isinstance(today, str) else today
    f = fold(collapse(words)).lower()
    if recurrence == "yearly":
        m = _D_MONTH.search(f)
        if not m:
            return None
        d, mo = int(m.group("d")), int(m.group("m"))
        for year in (today.year, today.year + 1):
            day = _day(year, mo, d) if 1 <= mo <= 12 else None
            if day and day >= today:
                return day.isoformat()
        return None
    m = _D_ONLY.search(f)
    if not m:
        return None
    d = int(m.group("d"))
    year, month = today.year, today.month
    for _ in range(3):
        day = _day(year, month, min(d, calendar.monthrange(year, month)[1]))
        if day and day >= today:
            return day.isoformat()
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _recurrence(f: str) -> str | None:
    for pattern, name in _RECURRENCES:
        m = pattern.search(f)
        if m:
            if name is None:
                n = int(m.group("n") or m.group("n2"))
                return {1: "monthly", 3: "quarterly", 12: "yearly"}.get(n, f"every {n} months")
            return name
    return None


_FROM_ONLY = re.compile(r"^\s*(?:bat\s+dau\s+)?tu\s+(?!nay\b|ngay\s+ky\b)")
_UNTIL = re.compile(r"\b(?:den|toi)\b")


def _period_end(f: str, issued: date | None) -> date | None:
    """The last day of the period the words name; of the later one for a range ("Quý IV/2025 -
    Quý II/2026", "2025-2026"); the day before it starts for "trước tháng/quý/năm ..."."""
    before = bool(_BEFORE.match(f))
    if _FROM_ONLY.match(f) and not _UNTIL.search(f):
        return None  # "Từ quý III/2012": when the duty starts, not when it must be done
    found: list[tuple[int, date, date]] = []  # (position, first day, last day)
    spans: list[tuple[int, int]] = []
    year_default = issued.year if issued else None
    for m in _F_QUARTER.finditer(f):
        y = int(m.group("y")) if m.group("y") else _later_year(f, m.end()) or year_default
        if y:
            q = _ROMAN[m.group("q")]
            found.append((m.start(), date(y, 3 * q - 2, 1), _month_end(y, 3 * q)))
            spans.append((m.start(), m.end()))
    for m in _F_HALF.finditer(f):
        y = int(m.group("y")) if m.group("y") else _later_year(f, m.end()) or year_default
        if y:
            first = m.group("half") == "dau"
            found.append((m.start(), date(y, 1 if first else 7, 1), _month_end(y, 6 if first else 12)))
            spans.append((m.start(), m.end()))
    for m in _F_MONTH.finditer(f):
        if any(s <= m.start() < s + 12 for s, _, _ in found):
            continue
        month = int(m.group("m") or m.group("mb"))
        last_month = int(m.group("m2")) if m.group("m2") else month
        y = m.group("y") or m.group("yb")
        y = int(y) if y else _later_year(f, m.end()) or year_default
        if y and 1 <= month <= 12 and 1 <= last_month <= 12:
            found.append((m.start(), date(y, month, 1), _month_end(y, last_month)))
            spans.append((m.start(), m.end()))
    periods = bool(found)
    for m in _F_YEAR.finditer(f):
        # a year of its own ("Từ quý I/2012 đến hết năm 2012": the range ends with that year),
        # not the year of a quarter or a month read above
        if not periods or (_UNTIL.search(f, 0, m.start()) and not any(a <= m.start() < b for a, b in spans)):
            y = int(m.group("y"))
            found.append((m.start(), date(y, 1, 1), date(y, 12, 31)))
    if not found:
        return None
    found.sort()
    if before:
        return found[0][1] - timedelta(days=1)
    return max(last for _, _, last in found)


def _later_year(f: str, at: int) -> int | None:
    """ "Quý III và quý IV năm 2026": the year written once, after the last period."""
    m = _F_YEAR.search(f, at, at + 40)
    return int(m.group("y")) if m else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _add_working_days(start: date, n: int) -> date:
    """``n`` working days after ``start``: Saturdays and Sundays skipped (public holidays are
    not known here, so a span across Tết ends a little early)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day
