"""Where a subject noun phrase ends and its predicate begins, for the subjects the closed
grammar of unit names cannot read.

Unit names follow a small grammar ("Sở" + name, "Ủy ban nhân dân" + place ...) that
``nlp/tasks/units.py`` reads up to a duty verb of its own list. A subject outside that grammar — a
company, a named official, a new body — or a duty verb outside that list ("Đề nghị Thường trực
HĐND tỉnh xem xét ...", "Các cơ quan, đơn vị gửi danh sách ...", "Yêu cầu các Bộ, cơ quan đổi
mới phương thức ...") leaves a phrase that runs into the predicate. underthesea's part-of-speech
tagger (a CRF model shipped inside the package: nothing is downloaded) then tells where the
first verb after the noun phrase stands. It is asked only about those phrases, never about the
whole text: a call costs about 1.5 ms.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .tables import relative_clause_words

# A verb after these belongs to a relative clause inside the noun phrase: "Cơ quan có thẩm
# quyền thành lập ...", "Cá nhân được giao quản lý ...", "đơn vị do Sở quản lý" (the words the
# tagger gives one at a time; the unit grammar's own are beside them in task_grammar.json)
_RELATIVE = frozenset(relative_clause_words()["tagged_words"])
# lower-case words that end a unit's name: its place or level
_NAME_ENDS = {"tỉnh", "thành phố", "huyện", "xã", "phường", "nhà nước", "trung ương", "cấp tỉnh", "cấp xã", "cấp huyện", "quốc gia"}
_WORD = re.compile(r"\S+")
_MAX_WORDS = 30


_enabled = False  # off in the batch path: see use_tagger()


def use_tagger(on: bool = True) -> bool:
    """Let :func:`subject_end` ask the tagger (the spaCy component does; the batch path does not:
    loading underthesea costs about 0.7 s of CPU in every worker process and its calls 3 ms a
    document, 40% more CPU for the whole text pipeline, for one more task in 334 on the dev set).
    Returns the previous setting."""
    global _enabled
    previous, _enabled = _enabled, on
    if previous != on:
        subject_end.cache_clear()
    return previous


def tagger_on() -> bool:
    return _enabled


@lru_cache(maxsize=1)
def _tagger():
    from underthesea import pos_tag  # imported on first use: the tagger's model loads in ~0.3 s

    return pos_tag


def available() -> bool:
    try:
        _tagger()
    except ImportError:
        return False
    return True


@lru_cache(maxsize=4096)
def subject_end(phrase: str, start: int = 0) -> int | None:
    """The offset in ``phrase`` of the verb that opens its predicate, or None when the tagger
    finds none (or is not installed): "Thường trực HĐND tỉnh xem xét, quyết định ..." gives the
    offset of "xem xét". ``start`` skips the unit's head, which the grammar has read.

    Only a verb right after the end of a name counts — a capitalised word, a proper noun, a
    place ("tỉnh", "nhà nước") — since a verb after a common noun is as often part of the
    name ("cơ sở nuôi trồng thủy sản", "Văn phòng đăng ký đất đai"), and a capitalised verb
    is a name's own word ("Ban Chỉ đạo", "Xổ số kiến thiết")."""
    if not _enabled:
        return None
    words = list(_WORD.finditer(phrase))
    if len(words) > _MAX_WORDS:  # a subject is near the start: tag no more than that
        phrase = phrase[: words[_MAX_WORDS].start()]
    try:
        tagged = _tagger()(phrase)
    except ImportError:
        return None
    at = 0
    relative = named = False
    for word, tag in tagged:
        found = phrase.find(word, at)
        if found < 0:  # the tagger respelled a word: give up rather than guess an offset
            return None
        at = found + len(word)
        if found < start:
            continue
        lower = word.lower()
        if lower in _RELATIVE:
            relative = True  # "Cơ quan có thẩm quyền thành lập ...": a verb of the relative clause
        elif tag == "V" and word[:1].islower() and named and not relative:
            return found
        named = (word[:1].isupper() and tag != "V") or tag == "Np" or lower in _NAME_ENDS
    return None
