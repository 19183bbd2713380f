"""The phrase tables of ``nlp/data/tasks.json`` compiled into the patterns every step shares.

The unit heads ("Sở", "Ủy ban nhân dân", "Giám đốc"), the duty cues that follow a unit, the
lead cues before one ("Giao", "Đề nghị"), what ends a name, the collective marks; and
:func:`names_unit`, whether a head that is also a common word ("Tổ chức", "Phòng") names a unit
where it stands. Kept below ``units`` and ``legal_subjects``, which both need them, so that
neither imports the other in a circle.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..tables import load_table, phrase_alternation
from .name_lists import numbered_part


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_table("tasks.json")


GRAMMAR = load_table("task_grammar.json")  # the word lists of the grammar around a unit and its duty


@lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern]:
    t = _table()
    return {
        # case as written, but a plural head may start in lower case inside a list ("và các tổ chức")
        # ("đề nghị thủ trưởng các phòng, đơn vị ...": a post in lower case inside a sentence)
        # (and a district's "phòng" in lower case before its name: "Giao phòng Tài nguyên và Môi
        # trường chủ trì", not "Văn phòng", "Trưởng phòng", "phòng, chống")
        "head": re.compile(rf"(?:{phrase_alternation(t['unit_heads'] + [h[0].lower() + h[1:] for h in t['unit_heads'] if h.startswith('Các ')] + t['lower_case_titles'])}|(?<![\wÀ-ỹ])(?<![Vv]ăn\s)(?<![Tt]rưởng\s)phòng(?=\s+[A-ZĐÀ-Ỹ]))(?![\wÀ-ỹ])"),
        # "..., người đứng đầu tổ chức ...": a title written in lower case still starts a unit
        "title_after_comma": re.compile(rf"(?:{phrase_alternation(t['lower_case_titles'])})\s"),
        "head_at_end": re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(t['unit_heads'])})$"),
        # (not after "các"/"những": "và các tổ chức thành viên" names bodies, it does not organise;
        # not "việc làm": "dịch vụ việc làm" is employment)
        "stop": re.compile(rf"\s(?<!,\s)(?<!các\s)(?<!những\s)(?<!việc\s)(?:{phrase_alternation(t['unit_stops'], ignore_case=True)})(?![\wÀ-ỹ])|\s*[:;.(]|\s+-\s(?![A-ZĐÀ-Ỹ])|,\s*trong\s+đó(?![\wÀ-ỹ])", re.I),
        "cue": re.compile(rf"\s*(?:\(?đề nghị\)?\s*)?(?:{phrase_alternation(t['duty_cues'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
        # at a sentence's start, after a space or a ". " left from the cut (matched, not searched)
        "lead": re.compile(rf"(?:\s|[.;:]\s)?(?:\(?(?:\d{{1,2}}|[ivx]{{1,4}})\)\s*)?(?P<lead>{phrase_alternation(t['lead_cues'], ignore_case=True)})\s+", re.I),
        "not_unit": re.compile(rf"(?:{phrase_alternation(t['not_units'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
        "group": re.compile(rf"(?:^|\s)(?:{phrase_alternation(t['groups'], ignore_case=True)})(?![\wÀ-ỹ])", re.I),
    }


_COORDINATION_NOUNS = ("công tác", "sự", "quan tâm", "cơ chế", "quy chế", "kế hoạch", "kết quả", "hoạt động", "chương trình", "tình hình", "mối quan hệ")


@lru_cache(maxsize=None)
def coordinator_pattern() -> re.Pattern:
    """ "phối hợp với <units>" up to the verb of the duty (any duty cue) or the clause's end."""
    # (and the verbs of two words a name may run into: "phối hợp với các đơn vị xác định chỉ tiêu ...")
    own = [v for v in GRAMMAR["name_ending"]["verbs"] if " " in v]
    verbs = phrase_alternation([c for c in _table()["duty_cues"] if c != "phối hợp"] + own + ["để", "trong", "nhằm", "theo"])
    # (no unit where a verb follows at once: "chủ trì, phối hợp triển khai ..."; "ngoại giao" is
    # one word, "Bộ Ngoại giao" no name cut before the verb "giao"; "TP. Hà Nội" goes on)
    # ("Phối hợp với Bộ Công an ...": an item or a sentence may open with it, its unit in the
    # heading above; not inside a name: "Trung tâm Phối hợp tìm kiếm cứu nạn hàng hải")
    # (nor the noun: "công tác phối hợp kiểm soát ...", "sự quan tâm phối hợp của các bộ", "cơ
    # chế phối hợp giữa ...": the work of coordinating, which names no partner of the duty; with
    # "với" it is the verb: "Cơ quan chủ trì kế hoạch phối hợp với lực lượng ...")
    noun = "".join(f"(?<!{w} )(?<!{w[:1].upper() + w[1:]} )" for w in _COORDINATION_NOUNS)
    noun = rf"(?:{noun}|(?=[Pp]hối\s+hợp\s+với(?![\wÀ-ỹ])))"
    # ("phối hợp, hỗ trợ X" / "phối hợp và hướng dẫn X": X, a body, is the partner of both verbs, as
    # annotated (CT 11's "Công an tỉnh phối hợp, hỗ trợ chính quyền địa phương, Sở Giao thông vận tải
    # ..."); not a verb's object that is no body: "phối hợp, hỗ trợ tuần tra, kiểm soát ...";
    # ``units.find_coordinators`` leaves it out where the unit only directs others to do it)
    shared = rf"(?P<shared>,|\s+và)\s+(?:hỗ\s+trợ|hướng\s+dẫn|giúp\s+đỡ)(?=\s+(?:{patterns()['head'].pattern}|chính\s+quyền(?![\wÀ-ỹ])))"
    return re.compile(rf"{noun}(?:phối|(?<![\wÀ-ỹ]\s)Phối)\s+hợp(?:\s+chặt\s+chẽ)?(?:{shared}|(?:\s+với)?)\s+(?!(?:{verbs})(?![\wÀ-ỹ]))(?P<who>.+?)(?=(?<!ngoại)(?<!Ngoại)\s+(?:{verbs})(?![\wÀ-ỹ])|[;:]|(?<!TP)(?<!Tp)\.|$)")


CLAUSE_WORD = re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(GRAMMAR['clause_words'])})(?![\wÀ-ỹ])")  # "Tổng cục Hải quan sẽ ...": a clause


@lru_cache(maxsize=None)
def lower_duty_verbs() -> str:
    """The duty verbs written in lower case, as one alternation ("tổ chức" left out: in "cơ quan, tổ
    chức, đơn vị" it is a noun)."""
    return phrase_alternation([c for c in _table()["duty_cues"] if c[:1].islower() and c != "tổ chức"])


@lru_cache(maxsize=None)
def free_verb() -> re.Pattern:
    """A duty verb in lower case: outside a relative clause it ends a subject, not extends it."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{lower_duty_verbs()})(?![\wÀ-ỹ])")


# Heads that are also common words ("Tổ chức tập huấn", "Báo cáo kết quả", "Cơ quan chủ trì:"):
# they name a unit only when a name follows (a capital, a list, or a few fixed words).
GENERIC_HEADS = frozenset(GRAMMAR["generic_heads"])
_GENERIC_NEXT = re.compile(
    rf"\s*(?:,|và\s+(?:[A-ZĐÀ-Ỹ]|(?:các\s+)?(?:{phrase_alternation(GRAMMAR['generic_head_next']['and'])}))|{phrase_alternation(GRAMMAR['generic_head_next']['words'])})"
)
_NEXT_CHAR = re.compile(r"\s*(\S)")

# Heads that are common words unless a proper name follows: "Phòng Quản lý Thương mại" (not
# "Phòng, chống thiên tai"), "Công ty Điện lực", "Công ty cổ phần ..." (not "Công ty đã ...")
_NAME_ONLY_HEADS = {
    head: re.compile(rf"\s*(?:{phrase_alternation(words)})") if words else None for head, words in GRAMMAR["name_only_heads"].items()
}


def names_unit(flat: str, head: re.Match) -> bool:
    key = head.group().lower()
    if key in _NAME_ONLY_HEADS:
        following = _NEXT_CHAR.match(flat, head.end())
        form = _NAME_ONLY_HEADS[key]
        if key == "phòng" and numbered_part(flat, head.end()):
            return True  # "Phòng 5, Cục Cảnh sát ..., Bộ Công an"
        return bool(following and following.group(1).isupper()) or bool(form and form.match(flat, head.end()))
    if key not in GENERIC_HEADS:
        return True
    following = _NEXT_CHAR.match(flat, head.end())
    if following and following.group(1).isupper():
        return True  # "Tổ chức Hội" ("[A-ZĐÀ-Ỹ]" would take "đ" and most small letters with marks too)
    return bool(_GENERIC_NEXT.match(flat, head.end()))


@lru_cache(maxsize=None)
def member_head() -> re.Pattern:
    """A post or member that takes the name of the body after it ("Giám đốc", "Tổ đại biểu")."""
    heads = _table()["shared_modifier_heads"]
    return re.compile(rf"(?:các\s+|Các\s+)?(?:{phrase_alternation(heads, ignore_case=True)})(?![\wÀ-ỹ])", re.I)


def is_group(unit: str) -> bool:
    return bool(patterns()["group"].search(unit))


# A request of courtesy only: "(đề nghị Quý Ủy ban) quan tâm, phối hợp./.", "quan tâm thực hiện".
_COURTESY_WORDS = ("quan tâm", "phối hợp", "tạo điều kiện", "giúp đỡ", "thực hiện")


@lru_cache(maxsize=4)
def _courtesy(also: tuple[str, ...]) -> re.Pattern:
    words = phrase_alternation(_COURTESY_WORDS + also)
    return re.compile(rf"(?:\((?:đề\s+nghị|yêu\s+cầu)\)\s*)?(?:(?:{words})(?:\s*,\s*|\s+và\s+|\s+)?)+[\s./]*", re.I)


def courtesy_only(action: str, also: tuple[str, ...] = ()) -> bool:
    """Whether an action asks nothing but courtesy; ``also``: more words that ask nothing of
    their own where the unit has a duty above ("chỉ đạo", "triển khai")."""
    return bool(_courtesy(also).fullmatch(action))
