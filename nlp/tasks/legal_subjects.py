"""The subject of "có/chịu trách nhiệm" in legal texts: a noun phrase with a clause of its own.

A Luật, a Nghị định or a Thông tư gives duties as "<subject> có trách nhiệm ...", where the
subject is often no unit name of the closed grammar but a general head with a relative clause
("Cá nhân được giao quản lý sổ theo dõi", "Các đơn vị là đầu mối quy định tại khoản 1"), after a
time clause ("Trong thời hạn 05 ngày ..., Cơ quan có thẩm quyền ..."). :func:`responsible_subject`
finds where such a subject starts; :func:`own_clause_only` tells a name with its relative clause
from a clause with a verb of its own; :func:`without_scope` drops the scope a subject acts in.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..tables import phrase_alternation, relative_clause_words
from .vocabulary import CLAUSE_WORD, GRAMMAR, GENERIC_HEADS, free_verb, lower_duty_verbs, names_unit, patterns


SCOPE = re.compile(r"\s+(?:trong\s+phạm\s+vi|theo)\s+(?:chức\s+năng|thẩm\s+quyền|nhiệm\s+vụ)[^;.]{0,60}?(?:của\s+mình|được\s+giao)")

# "có trách nhiệm" / "chịu trách nhiệm" is said of the subject right before it: in a legal
# text that subject is often a noun phrase with a clause of its own ("Cá nhân được giao quản lý
# sổ theo dõi có trách nhiệm ...", "Các đơn vị là đầu mối quy định tại Khoản 1 có trách nhiệm
# ...") or comes after a time clause ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ
# sơ, Cơ quan có thẩm quyền có trách nhiệm ..."). Not accountability to someone ("chịu trách
# nhiệm trước pháp luật"), not a second predicate ("..., chịu trách nhiệm", "và có trách nhiệm").
RESPONSIBLE_OBJECT = re.compile(r"\s*(?:(?:toàn\s+diện|hoàn\s+toàn|cá\s+nhân|chính)\s+)?(?:trước|trong|:)(?![\wÀ-ỹ])")

# a noun that a comma may follow inside a list ("cơ quan, tổ chức, đơn vị có trách nhiệm"): no subject starts there
_NOUN_AT_END = re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(GRAMMAR['comma_nouns'], True)})$", re.I)
_ITEM_START = re.compile(r"\s(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.)\s+(?=[A-ZĐÀ-Ỹ])")  # "... sử dụng. b) Cơ quan ..."
# where the clause holding the subject starts: a ";", ":", "(", a sentence's end, the end of
# a heading in bold ("** "), and "thì", which opens the main clause ("Đối với ... thì Sở X có ...")
_HARD_CUT = re.compile(r"[;:(]\s*|\.\s+|\*\*\s+|\sthì\s+")
_SOFT_CUT = re.compile(r",\s*")
_ITEM_MARK = re.compile(r"[\s*]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•]|Điều\s+\d+\s*\.?)\s+)?[\s*]*")

# words after which a verb belongs to the subject's own clause ("được giao quản lý", "là", "thuộc")
_RELATIVE = re.compile(rf"\s(?:{phrase_alternation(relative_clause_words()['after_head'])})(?![\wÀ-ỹ])")

# what a subject never ends with before "có trách nhiệm": a comma or "và" (a second predicate:
# "..., chịu trách nhiệm", "và có trách nhiệm"), a negation or a modal ("không có trách nhiệm")
NOT_SUBJECT_END = re.compile(rf"(?:,|(?:^|\s)(?:{phrase_alternation(GRAMMAR['not_subject_end'])}))$")


def responsible_subject(flat: str, s: int, cue: re.Match, paragraphs: list[int] = ()) -> int | None:
    """Where the subject of "có/chịu trách nhiệm" at ``cue`` starts, or None: the farthest
    comma-separated start of the clause that opens with a unit's head and whose words before
    any relative clause hold no duty verb of their own."""
    if RESPONSIBLE_OBJECT.match(flat, cue.end()):
        return None
    before = flat[max(s, cue.start() - 300) : cue.start()].rstrip()
    if not before or NOT_SUBJECT_END.search(before):
        return None
    region = max(s, cue.start() - 300)
    # "cơ quan có thẩm quyền cấp Giấy phép (sau đây viết tắt là Cơ quan có thẩm quyền) có trách nhiệm"
    named = _NAMED_AFTER.search(flat, region, cue.start())
    stop = named.start() if named else cue.start()
    hard = [m.end() for m in _HARD_CUT.finditer(flat, region, stop)]
    hard += [m.start() + 1 for m in _ITEM_START.finditer(flat, region, stop)]
    i = bisect_left(paragraphs, stop)
    if i and paragraphs[i - 1] > region:
        hard.append(paragraphs[i - 1])  # a heading on its own paragraph ends before the subject
    first = max(hard) if hard else s
    # a comma inside a list of nouns ("giao cho cơ quan, tổ chức, đơn vị có trách nhiệm ...") starts no subject
    starts = [_ITEM_MARK.match(flat, first).end()] + [
        m.end() for m in _SOFT_CUT.finditer(flat, first, stop) if not _NOUN_AT_END.search(flat, first, m.start())
    ]
    p = patterns()
    for at in starts:
        phrase = flat[at:stop]
        if not phrase.strip() or len(phrase.split()) > 25:
            continue
        capital = phrase[:1].upper() + phrase[1:]
        head = p["head"].match(capital)
        if not head or p["not_unit"].match(capital):
            continue
        own = phrase[head.end() :]
        if not own.strip():
            return at  # "..., doanh nghiệp có trách nhiệm nộp lại Giấy phép": the head alone is the subject
        # "Đơn vị quản lý Cổng thông tin", "các cơ quan phối hợp": a general head and a verb make one name
        compound = head.group().lower().removeprefix("các ") in GENERIC_HEADS and free_verb().match(own, 1)
        if compound:
            own = own[compound.end() :]
        elif not (names_unit(capital, head) or _RELATIVE.match(capital, head.end())):
            continue
        if not own_clause_only(own):
            continue
        return at
    return None


# "Các sở, ban, ngành theo chức năng, nhiệm vụ và quyền hạn", "Tổ chức, cá nhân trong phạm vi nhiệm vụ"
_SCOPE_AT_END = re.compile(r"\s+(?:trong\s+phạm\s+vi|theo|căn\s+cứ(?:\s+vào)?)\s+(?:phạm\s+vi\s+)?(?:chức\s+năng|thẩm\s+quyền|nhiệm\s+vụ|quản\s+lý|quyền\s+hạn)[^;.]{0,80}$")
_NAMED_AFTER = re.compile(r"\s*\((?:sau\s+đây\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s[^()]{1,80}\)\s*$")


def without_scope(subject: str) -> str:
    """A subject without the scope it acts in ("..., theo chức năng, nhiệm vụ được giao") and
    without the short name it is given ("(sau đây gọi là ...)")."""
    return _SCOPE_AT_END.sub("", SCOPE.sub("", _NAMED_AFTER.sub("", subject.rstrip())))


def own_clause_only(words: str) -> bool:
    """The words after a subject's head hold no verb of their own outside a relative clause
    ("được giao quản lý sổ", "là đầu mối quy định tại khoản 1"): they name, they do not say."""
    relative = _RELATIVE.search(words)
    main = _compound_names().sub(" ", words[: relative.start() if relative else len(words)])
    main = re.sub(r"(?<![\wÀ-ỹ])việc\s+làm(?![\wÀ-ỹ])", " ", main)  # "dịch vụ việc làm": employment, no verb
    return not (free_verb().search(main) or CLAUSE_WORD.search(main))


@lru_cache(maxsize=None)
def _compound_names() -> re.Pattern:
    """A general head and a verb that make one name inside a list ("..., cơ quan quản lý tạm giữ")."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(sorted(GENERIC_HEADS), ignore_case=True)})\s+(?:{lower_duty_verbs()})(?![\wÀ-ỹ])", re.I)


# (not past the end of a bold title or a blank line: "Trách nhiệm của các cơ quan**\n\nCác cơ quan ... có trách nhiệm")
RESPONSIBLE_AHEAD = re.compile(r"(?:[^;:.()*\s]|\s(?!\s)){0,240}?\s(?P<cue>(?:có|chịu)\s+trách\s+nhiệm)(?![\wÀ-ỹ])")
RESPONSIBLE_CUE = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?![\wÀ-ỹ])(?!\s*:)")
