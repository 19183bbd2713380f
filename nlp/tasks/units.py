"""The unit-name grammar: where the names of units at a point end, and how a list of them splits.

A unit is named by a head ("Sở", "Ủy ban nhân dân", "Giám đốc", ...) and its name, up to a duty
verb, a punctuation mark or another stop (:func:`units_at`). A list splits only before another
unit's head, so "Sở Văn hóa, Thể thao và Du lịch" and "các sở, ban, ngành" stay whole
(:func:`split_units`); posts share the body named after the last of them ("Giám đốc, Phó Giám
đốc Sở X"; "Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh: A, B"), and "các Sở: Tài chính, Xây dựng"
gives one unit per name. The tagger (``nlp.subjects``) is asked only where the grammar cannot tell.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import collapse, fold
from ..subjects import subject_end, tagger_on
from ..tables import centrally_run_cities, load_table, phrase_alternation, relative_clause_words
from .firm_names import _FIRM_HEAD, trade_word
from .name_lists import element_start, without_scope_tail, part_of, per_place, qualifier_in_list, said_once
from .legal_subjects import NOT_SUBJECT_END, RESPONSIBLE_AHEAD, RESPONSIBLE_OBJECT, own_clause_only, without_scope
from .vocabulary import GRAMMAR, coordinator_pattern, free_verb, member_head, names_unit, patterns


# "Các sở: Nông nghiệp và Môi trường, Tài chính" (a Nơi nhận line, a list of names): no duty
_CAPITALISED = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*")
_NAME_TOKENS = re.compile(r"[,;]|[^\s,;]+")


def listed_names(text: str) -> bool:
    """ "Quốc phòng, Công an", "Giáo dục và Đào tạo, Y tế": the names after "Các Bộ:", each opening
    with a capital (its other syllables in lower case), short, and no duty verb among them."""
    pieces = [x.strip() for x in re.split(r",|\s+và\s+", text) if x.strip()]
    # (a firm's name runs longer: "Công nghiệp - Năng lượng Quốc gia Việt Nam"; its hyphen no word)
    # (a ministry's name may hold a verb's syllable: "Ngoại giao")
    return bool(pieces) and all(
        x[:1].isupper() and len(x.replace(" - ", " ").split()) <= 8 and (not free_verb().search(x) or f"Bộ {x}" in _known_departments())
        for x in pieces
    )


def is_name_list(text: str) -> bool:
    """Only capitalised words joined by "và", "-", commas: a list of names, not a duty.
    Read token by token: a single regular expression for this backtracks exponentially."""
    tokens = _NAME_TOKENS.findall(text)
    if not tokens or not _CAPITALISED.fullmatch(tokens[0]):
        return False
    return all(t in (",", ";", "và", "-") or _CAPITALISED.fullmatch(t) for t in tokens)


# a duty word right after "Ban" names the board ("Ban chỉ đạo", "Ban quản lý dự án", "Ban tổ
# chức"), and after "lĩnh vực" the field ("trong lĩnh vực xây dựng, giao thông"): no verb there
_FIELD_END = re.compile(r"(?<![\wÀ-ỹ])lĩnh\s+vực\s*$")
_BOARD_END = re.compile(r"(?<![\wÀ-ỹ])Ban\s*$")
# a bare "Bộ" or "Sở" (alone or after "các"), then "quản lý ngành, lĩnh vực": the ministry or
# department in charge of a sector, as the laws on prices and investment name it
# (and the construction laws' "Sở quản lý công trình xây dựng chuyên ngành", "Bộ quản lý
# nhà nước chuyên ngành": the whole phrase is the name, "xây dựng" in it no verb)
_MANAGING_BODY = re.compile(r"(?<![\wÀ-ỹ])(?:Bộ|Sở)(?=\s+quản\s+lý\s)")
_SECTOR_MANAGED = re.compile(r"\s*quản\s+lý\s+(?:(?:nhà\s+nước|công\s+trình\s+xây\s+dựng)\s+)?(?:chuyên\s+)?ngành(?![\wÀ-ỹ])")
_DUTY_NO_FIELD = re.compile(r"\s*(?:chủ\s+trì|(?:có|chịu)\s+trách\s+nhiệm|phối\s+hợp)(?![\wÀ-ỹ])")
# where a list's element ends: a comma, a semicolon, "và"
_LIST_ELEMENT_END = re.compile(r"(?:[,;]|(?<![\wÀ-ỹ])và)$")
# a post and the field it is in charge of: "Thứ trưởng Bộ Y tế phụ trách lĩnh vực", "Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực"
_IN_CHARGE_OF = re.compile(r"(?<![\wÀ-ỹ])phụ\s+trách\s+lĩnh\s+vực\s*$")


def _ends_whole(name: str) -> bool:
    """Whether a name cut before a verb ends where names end: on a capitalised word or the syllable
    after one ("Thuế thành phố Huế", "Sở Nội vụ"), a place ("UBND các tỉnh") or a unit noun ("các cơ quan, đơn vị"); not on a word
    that may be a verb the grammar does not list ("Thường trực HĐND tỉnh thẩm tra,": no guess)."""
    words = name.rstrip(" ,;").split()
    if not words or name.rstrip().endswith(","):
        return False
    if any(m.group().strip()[:1].islower() for m in _CUE_INSIDE.finditer(name)):
        return False  # "Bộ Nội vụ thẩm định, trình Thủ tướng Chính phủ | quyết định ...": a clause, not a name
    # (a proper name's later syllables are in lower case: "Sở Nội vụ", "Bộ Tài chính")
    return any(w[:1].isupper() for w in words[-2:]) or words[-1] in _PLACE_WORDS or bool(_UNIT_NOUN_END.search(" ".join(words)))


_CUE_INSIDE = re.compile(rf"(?<=[\s,])(?:{phrase_alternation(load_table('tasks.json')['duty_cues'])})(?![\wÀ-ỹ])")
_UNIT_NOUN_END = re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(GRAMMAR['list_nouns'], True)})$", re.I)


def _inside_hyphen(flat: str, before: list[str], word: str, stop: re.Match) -> bool:
    """A capitalised word after a hyphen inside a name ("Cục Kinh tế - Quản lý đầu tư xây
    dựng"), not the verb of a bullet after a heading ("Sở Nội vụ\n- Chủ trì, phối hợp ..."):
    that one is "chủ trì" or "phối hợp", or a comma follows it."""
    if before[-1] not in "-–" or fold(word) in ("chu tri", "phoi hop"):
        return False
    return not flat[stop.end() : stop.end() + 2].lstrip().startswith(",")


def _noun_before(flat: str, at: int, stop: int) -> bool:
    """Whether the duty word at ``stop`` is a noun of the name from ``at``: after "lĩnh vực", or
    after a "Ban" that opens the name or follows a head or a post ("Văn phòng Ban chỉ đạo",
    "Trưởng Ban quản lý"; not "... thành lập Ban | chỉ đạo": a verb's object)."""
    field = _FIELD_END.search(flat, at, stop)
    if field:
        # (not after a post's "phụ trách lĩnh vực": "Thứ trưởng phụ trách lĩnh vực | chỉ đạo ...")
        # (nor before the cue of a duty, which names no field: "Sở quản lý ngành, lĩnh vực | chủ trì ...")
        return not _IN_CHARGE_OF.search(flat, at, field.end()) and not _DUTY_NO_FIELD.match(flat, stop)
    body = None
    for found in _MANAGING_BODY.finditer(flat, at, stop + 12):  # (its lookahead reads past the stop)
        if found.end() <= stop:
            body = found
    managed = _SECTOR_MANAGED.match(flat, body.end()) if body else None
    if managed and body.end() <= stop < managed.end() and re.fullmatch(r"(?:.*[,;]\s*)?(?:[Cc]ác\s+)?", flat[at : body.start()], re.S):
        return True  # "Sở quản lý ngành, lĩnh vực", "các Bộ quản lý chuyên ngành": a body named by what it manages
    board = _BOARD_END.search(flat, at, stop)
    if not board:
        return False
    before = flat[at : board.start()].rstrip()
    # (or a "Ban" opening an element of a list: "..., Cục Viễn thông, Ban quản lý Chương trình ...")
    return not before or bool(patterns()["head_at_end"].search(before)) or before.endswith("Trưởng") or bool(_LIST_ELEMENT_END.search(before))
# "doanh nghiệp do Bộ Quốc phòng quản lý": a verb after it belongs to the name's own "do" clause
_AGENT_CLAUSE = re.compile(rf"\sdo\s+(?:{phrase_alternation(GRAMMAR['agents'])})[^,;:.()]{{0,60}}$")
_RELATIVE_END = re.compile(rf"\s(?:{phrase_alternation(relative_clause_words()['at_name_end'])})\s*$")  # (and "để": a purpose clause, its verb unknown)
_UNIT_NOUNS = re.compile(rf"^(?:{phrase_alternation(GRAMMAR['list_nouns'], True)})\b", re.I)
PARENTHESIS = re.compile(r"\s*\([^()]{1,160}\)")


def past_parenthesis(flat: str, at: int, end: int) -> int:
    """Past a short parenthesis right after a unit's name ("Sở Tài chính (mục II.2) chủ trì")."""
    m = PARENTHESIS.match(flat, at, end)
    return m.end() if m else at


# "Sở Thông tin và Truyền thông là cơ quan chịu trách nhiệm ...", "... Là đơn vị đầu mối ..." (a
# heading whose line break OCR lost): the body, then what it is; the name ends before "là"
# (not "Các đơn vị là đầu mối quy định tại khoản 1 ... có trách nhiệm": the units picked out so)
_COPULA = re.compile(r"\s[Ll]à\s+(?:cơ\s+quan|đơn\s+vị\s+đầu\s+mối)(?![\wÀ-ỹ])")


def units_at(flat: str, at: int, limit: int, tag: bool = True, asked: bool = False, heading: bool = False, lead: bool = False) -> tuple[list[str], int]:
    """The unit names starting at ``at`` ("Sở Tài chính, Sở Xây dựng và UBND các xã"), and
    where they end. ``tag``: ask the tagger where the grammar cannot tell (see ``subjects``).
    ``asked``: the names follow a lead cue ("Giao", "Đề nghị", "Yêu cầu"), so a verb follows
    them: a predicate ("Giao Trưởng Ban Chỉ đạo | quyết định ...") ends them, it does not make
    the phrase a clause of its own. ``lead``: the names follow any lead cue ("Đề nghị Thuế
    thành phố Huế | đối chiếu với ..."): they end before a verb of their own (``name_and_verb``). ``heading``: the names are a heading's whole line(s), the
    duties in the items under it: a group named by its field may run longer ("7. Các doanh
    nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, ... trên địa bàn Tỉnh")."""
    p = patterns()
    while at < limit and flat[at] in " *\t":
        at += 1
    head = p["head"].match(flat, at)
    if not head or p["not_unit"].match(flat, at) or not names_unit(flat, head):
        return [], at
    pair = flat[at : min(limit, at + 80)].split(",", 2)[:2]  # (the head and the words right after its comma)
    if flat[head.end() : head.end() + 1] == "," and len(pair) == 2 and fold(pair[0]).lower().strip() in _ROLE_WORDS and is_verb_list(",".join(pair)):
        return [], at  # "- Thường trực, chủ trì, phối hợp với Sở A ...": the role its heading's unit holds, then its verbs
    end = min(limit, at + 500)
    by_cue = False  # the name ends at a duty verb of the grammar's list, not at punctuation
    named_before_colon = False  # the names end at a colon: "b) Vụ A, Cục B, Ban quản lý Chương trình C: <duty>"
    for stop in p["stop"].finditer(flat, head.end(), end):
        word = stop.group().strip()
        before = flat[at : stop.start()].split()
        if word[:1].isupper() and before and (before[-1][:1].isupper() or _inside_hyphen(flat, before, word, stop) or p["head_at_end"].search(flat, at, stop.start()) or flat[at : stop.start()].strip() == head.group().strip()):
            continue  # "Ban Xây dựng Đảng", "và Ủy ban Kiểm tra Tỉnh ủy", "Cục Kinh tế - Quản lý ...", "phòng Quản lý đô thị": a capitalised cue word inside a name
        if word[:1].isalpha() and _noun_before(flat, at, stop.start()):
            continue  # "Văn phòng Ban chỉ đạo phòng thủ dân sự", "hoạt động trong lĩnh vực xây dựng": the word is a noun here
        named = element_start(flat, at, stop.start())  # (the firm this list element names: "Công ty A; Công ty B ...")
        if word[:1].isalpha() and _FIRM_HEAD.match(flat, named):
            following = p["stop"].search(flat, stop.end(), end)
            if trade_word(flat, named, stop, following.start() if following else end):
                continue  # "Ban Quản lý dự án đầu tư xây dựng ...", "Công ty Cổ phần tư vấn đầu tư xây dựng Hà Thành": the trade
        if word[:1].isalpha() and _AGENT_CLAUSE.search(flat, at, stop.start()):
            continue  # "doanh nghiệp do Bộ Quốc phòng quản lý": the verb of the name's own "do" clause
        if word == "(" and qualifier_in_list(flat, stop.start(), p["head"]):
            continue  # "Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B (cũ) có trách nhiệm ...": one name of a list
        after = stop.end() + (flat[stop.end() : stop.end() + 1] == " ")
        if word == ";" and (p["head"].match(flat, after) or _PLURAL_GROUP_START.match(flat, after)):
            continue  # "Chánh Văn phòng UBND tỉnh; Chủ tịch UBND các xã tổ chức ...", "Ủy ban MTTQ huyện; các Đoàn thể huyện ...": units listed with ";"
        if word == ":" and _PLACES_NAMED.search(flat, at, stop.start()):
            # "17. UBND các phường: Ba Đình, Hoàn Kiếm, ... và UBND xã Bát Tràng." over its duties:
            # the line names the places, each its own unit (``split_units``)
            listed = re.compile(r"\s*[:;.(]").search(flat, stop.end() + 1, min(limit, stop.end() + 300))
            named = flat[stop.end() : listed.start()].strip() if listed and listed.group().strip() == "." else ""
            if named and all(x.strip()[:1].isupper() for x in re.split(r",|\s+và\s+", named) if x.strip()):
                end = listed.start()
                break
        if word == ":" and _PLURAL_END.search(flat, at, stop.start()):
            # "Các Bộ: Tài chính, Quốc phòng, Công an chủ trì ...": the list names the units
            listed = p["stop"].search(flat, stop.end() + 1, min(limit, stop.end() + 300))
            scope = _SCOPE_AFTER_LIST.search(flat, stop.end(), listed.start()) if listed else None
            if scope and listed_names(flat[stop.end() : scope.start()].strip()):
                end = scope.start()  # "các Tập đoàn: A, B theo chức năng, nhiệm vụ ..., phối hợp ..."
                break
            if listed and listed.group().strip() not in ":;." and listed_names(flat[stop.end() : listed.start()].strip()):
                end = listed.start()
                break
            if listed and listed.group().strip() == ";" and listed_names(flat[stop.end() : listed.start()].strip()):
                # "Bộ trưởng các Bộ: Quốc phòng, Công an; Chủ tịch UBND các tỉnh ... tổ chức ...": the
                # list ends at ";" and the next unit of the same subject follows
                more, more_end = units_at(flat, listed.end(), limit, tag, asked)
                if more:
                    return split_units(flat[at : listed.start()]) + more, more_end
            if asked and _verb_before(flat, at, head.end(), stop.start()):
                # "Giao Sở Nội vụ tiếp thu ..., chủ trì, phối hợp với các Sở: Tài chính, ...": the
                # list is the object of the unit's verb (its partners), not the unit asked
                end = stop.start()
                break
            if not _PLACE_END.search(flat, at, stop.start()):
                return [], at
            # "3. Ủy ban nhân dân các tỉnh, thành phố:" heads the items under it
        end = stop.start()
        by_cue = stop.group().strip()[:1].isalpha()
        named_before_colon = word == ":"
        break
    phrase = flat[at:end]
    # "Chủ tịch UBND các tỉnh | trong tháng 8 năm 2008 quyết định ...": a time is no part of a name
    timed = _TIME_AFTER_NAME.search(phrase, len(head.group()))
    if timed:
        end = at + timed.start()
        phrase = flat[at:end]
    if asked:
        verb = _PREDICATE.search(phrase, len(head.group()))
        if verb and not MODAL.search(phrase[: verb.start()]):
            end = at + verb.start()
            phrase = flat[at:end]
        # "Giao Trung tâm Chuyển đổi số Thành phố | cấu hình ...", "Giao Công an thành phố | kịp
        # thời phát hiện ...": a whole name (a place or two capitalised syllables at its end),
        # then a lower-case verb the grammar does not list
        whole = name_before_verb(phrase, len(head.group()))
        if whole:
            end = at + len(phrase[:whole].rstrip())
            phrase = flat[at:end]
    # Where the grammar cannot tell (a verb outside its list, a subject outside it), the
    # tagger finds the first predicate verb: "Đề nghị Thường trực HĐND tỉnh | xem xét, ..."
    lower_words = _LOWER_WORD.findall(phrase, len(head.group())) if tag and tagger_on() else ()
    if lower_words and (not by_cue or (len(lower_words) >= 8 and len(p["head"].findall(phrase)) == 1)):
        cut = subject_end(phrase, len(head.group()))
        if cut is not None:
            end = at + len(phrase[:cut].rstrip())
            phrase = flat[at:end]
    if lead:  # (after the tagger: where it is on, it decides first)
        own = name_and_verb(phrase, tails=False)
        if own and _ends_whole(own[0]):
            end = at + len(own[0])
            phrase = flat[at:end]
        if not asked and not heading:
            # "Đề nghị Phòng Tư pháp huyện | thẩm định ...": after a request the unit's verb follows
            # its whole name, as after "Giao" (a verb the grammar does not list, or one OCR misspelt);
            # only a name already read is cut, none is made of a phrase the grammar does not read
            whole = name_before_verb(phrase, len(head.group()))
            if whole and _proper_name(phrase[len(head.group()) : whole]) and split_units(without_scope(phrase)):
                end = at + len(phrase[:whole].rstrip())
                phrase = flat[at:end]
    # "Cá nhân được giao quản lý sổ ... có trách nhiệm": the name runs on to "có trách nhiệm"
    ahead = None
    if flat.find("trách nhiệm", end, min(limit, at + 300)) >= 0 and "trách" not in flat[end : end + 16]:  # (a literal test first: fast)
        ahead = RESPONSIBLE_AHEAD.match(flat, at, min(limit, at + 300))
    if ahead:
        subject = flat[at : ahead.start("cue")].rstrip()
        if (
            not RESPONSIBLE_OBJECT.match(flat, ahead.end())
            and len(subject.split()) <= 25
            and not NOT_SUBJECT_END.search(subject)
            and not _COPULA.search(subject)
            and own_clause_only(subject[len(head.group()) :])
        ):
            return split_units(said_once(without_scope(subject))), at + len(subject)
    words = phrase.split()
    # (a heading's whole line names its group: "6. Đề nghị các tổ chức cung cấp dịch vụ chi trả")
    # (before an item's colon, a list of names whose each element opens with a capital is names
    # whole, a verb inside is a proper name's own: "Ban quản lý Chương trình cung cấp dịch vụ ...")
    names_listed = named_before_colon and "," in phrase and all(x.strip()[:1].isupper() for x in phrase.split(","))
    if len(words) > 100 or not words or MODAL.search(phrase) or (not heading and not names_listed and _PREDICATE.search(phrase, len(head.group()))):
        return [], at  # "Cơ sở kinh doanh phải ...": a plain obligation, not a duty given
    if _RELATIVE_END.search(phrase):
        return [], at  # "các đơn vị sự nghiệp có | tổ chức sản xuất ...": the verb is the name's own clause
    # "Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ, quyền hạn của mình | chủ động ...": the scope the
    # body acts in is no part of its name
    return split_units(without_scope(phrase), 30 if heading else 20), end


_ADVERB_AFTER_NAME = re.compile(r"\s+(?:trực\s+tiếp|quyết\s+liệt|tích\s+cực|nghiêm\s+túc|kịp\s+thời)\s*$")


# a role a unit holds, opening its duty under its heading ("- Thường trực, chủ trì, ...")
_ROLE_WORDS = frozenset({"thuong truc"})
_LEVEL_WORDS = frozenset("tỉnh thành phố huyện quận thị xã trấn phường cấp các".split())


def _proper_name(words: str) -> bool:
    """Whether the words after a head are a body's proper name and its place: each lower-case
    syllable follows a capitalised one ("Tư pháp", "Hà Nội") or names a level or place ("huyện",
    "thành phố"); no verb of a clause ("Bộ trưởng | tặng giải thưởng ...")."""
    tokens = words.split()
    return bool(tokens) and all(
        w[:1].isupper() or w in _LEVEL_WORDS or (i > 0 and tokens[i - 1][:1].isupper()) for i, w in enumerate(tokens)
    )


def adverb_after_name(unit: str) -> tuple[str, str] | None:
    """ "Bộ trưởng Bộ Xây dựng | trực tiếp" (chỉ đạo ...), "Ủy ban nhân dân tỉnh Đồng Tháp | quyết
    liệt" (chỉ đạo ...): after a name that ends on a proper name or a place, the adverb of its verb
    is no part of it (not "cơ quan trực tiếp quản lý": a name); the name and the adverb."""
    m = _ADVERB_AFTER_NAME.search(unit)
    if not m:
        return None
    words = unit[: m.start()].rstrip(" ,;").split()
    # (or on the rank of a supreme body: "Tòa án nhân dân tối cao | trực tiếp chỉ đạo ...")
    # (or on a level's places: "Chủ tịch UBND các xã, thị trấn | tích cực tuyên truyền ...")
    if len(words) >= 2 and (any(w[:1].isupper() for w in words[-2:]) or words[-1] in _PLACE_WORDS or words[-2:] in (["tối", "cao"], ["thị", "trấn"])):
        return unit[: m.start()].rstrip(), m.group().strip()
    return None


# An obligation, a past event or a definition, not a duty given: "Cơ sở kinh doanh phải ...",
# "... đã chủ trì", "Bộ phận điều phối là bộ phận ...", "Đoàn Hội thẩm bao gồm ...", "Cục có tư cách pháp nhân"
# ("Cảng hàng không" before a proper name is an airport, no negation: "Tổng công ty Cảng hàng không
# Việt Nam báo cáo ..."; not "Ngân hàng không ...": a bank does not. "Cục Hàng không Việt Nam" is
# left a negation: tried, it let a sanctioning power's list of Chánh Thanh tra read as duties)
MODAL = re.compile(rf"\s(?!(?<=[Cc]ảng\shàng\s)không\s+[A-ZĐÀ-Ỹ])(?:{phrase_alternation(GRAMMAR['modals'])})(?![\wÀ-ỹ])")
# "các tỉnh, thành phố trực thuộc Trung ương": the places a list after the colon names
_PLACES_OF = r"(?:\s+trực\s+thuộc\s+(?:Trung\s+ương|trung\s+ương|tỉnh))?"
# (and "các Tập đoàn: A, B", "các Bộ, cơ quan: Tài chính, Xây dựng, ..., Tập đoàn Điện lực Việt Nam":
# a kind of body, then the names of its bodies)
_PLURAL_END = re.compile(r"(?:các|Các)\s+(?:Bộ,\s*(?:cơ\s+quan|ngành)|Bộ|Sở|sở|bộ|cơ\s+quan|đơn\s+vị|Ban|Ủy\s+ban|Tập\s+đoàn|Tổng\s+công\s+ty|tỉnh|tỉnh,\s*thành\s+phố|thành\s+phố|huyện)" + _PLACES_OF + r"\s*$")
_PLACES_NAMED = re.compile(r"(?:các|Các)\s+(?:phường|xã|quận)\s*$")
# the scope a listed body acts in, after the list: "các Tập đoàn: A, B | theo chức năng, nhiệm vụ ..."
_SCOPE_AFTER_LIST = re.compile(r"\s(?:theo\s+(?:chức\s+năng|thẩm\s+quyền|phạm\s+vi)|trong\s+phạm\s+vi|trên\s+cơ\s+sở|căn\s+cứ)(?![\wÀ-ỹ])")

# a time after a subject, before its verb: "trong tháng 8 năm 2008", "trước ngày 15/12", "trong quý III"
# (and a role: "Bộ Xây dựng | với vai trò là cơ quan thường trực ..., chủ động ...")
_TIME_AFTER_NAME = re.compile(r"\s(?:(?:trong|trước|chậm\s+nhất|từ|ngay\s+trong)\s+(?:tháng|qu[ýí]|năm|ngày|tuần)\s+(?:\d|[IVX]+\b|này|tới|sau)|với\s+(?:vai\s+trò|tư\s+cách)(?![\wÀ-ỹ]))")

# verbs that never stand inside a unit's name, unless a relative clause holds them ("Trưởng Ban
# Chỉ đạo ... quyết định cụ thể những chủ trương ... và chịu trách nhiệm": a clause, not a unit)
_PREDICATE = re.compile(rf"(?<!được)(?<!có)(?<!do)\s(?:{phrase_alternation(GRAMMAR['predicates'])})\s(?!của)")


def _verb_before(flat: str, at: int, name_start: int, colon: int) -> bool:
    """Whether a predicate of the grammar stands between the unit's head and a list's colon."""
    phrase = flat[at:colon]
    verb = _PREDICATE.search(phrase, name_start - at)
    if verb and not MODAL.search(phrase[: verb.start()]):
        return True
    return name_before_verb(phrase, name_start - at) is not None  # a whole name, then a verb not listed


# the lower-case words of a unit's name other than "các", "và" ("Sở Văn hóa, Thể thao" has none)
_LOWER_WORD = re.compile(r"(?<![\wÀ-ỹ])(?!các\b|và\b)[a-zđà-ỹ][\wÀ-ỹ]*")
_PLACE_END = re.compile(r"các\s+(?:tỉnh|thành\s+phố|huyện)(?:,\s*(?:thành\s+phố|thị\s+xã))*" + _PLACES_OF + r"\s*$", re.I)

# a unit named by a head and a capitalised name ("Đài Phát thanh và Truyền hình", "Sở Tư pháp")
_PROPER_NAME = re.compile(rf"(?:{phrase_alternation(GRAMMAR['proper_name_heads'])})\s+[A-ZĐÀ-Ỹ]")

# a lower-case noun that only widens a list: "..., cá nhân có liên quan", "..., đơn vị liên quan"
_GENERIC_TAIL = re.compile(r"(?:có\s+)?liên\s+quan|khác$|trực\s+thuộc|trên\s+địa\s+bàn")
_PLURAL_CAPITAL = re.compile(r"(?:các|những)\s+(?=[A-ZĐÀ-Ỹ])")
# a person named by "ông/bà" and a full name of two to five capitalised syllables
_PERSON = re.compile(r"(?:ông|bà|Ông|Bà)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4}")


# "Thủ trưởng các cơ quan: ...", "Giám đốc các đơn vị: ..." (the names listed carry their own heads)
_POSTS_OF_LISTED = re.compile(r"^(?P<title>[^:,]{3,40}?)\s+(?:các|Các)\s+(?:cơ\s+quan|đơn\s+vị)(?:\s*,\s*(?:đơn\s+vị|ban|ngành|địa\s+phương))*\s*:\s*(?P<names>.+)$")
_HAS_PROPER = re.compile(r"\s[A-ZĐÀ-Ỹ]")
# a group that opens with its kind, in any case: "các Đoàn thể huyện", "Các Cơ quan"
_PLURAL_GROUP_START = re.compile(rf"(?:các|Các)\s+(?:{phrase_alternation(GRAMMAR['list_nouns'], True)})(?![\wÀ-ỹ])", re.I)
# a group named by its kinds, as far as its last noun: "Các Sở", "các Sở, Ban"
_PLURAL_GROUP = re.compile(rf"^(?:các|Các)\s+(?:{phrase_alternation(GRAMMAR['list_nouns'], True)})(?:\s*,\s*(?:{phrase_alternation(GRAMMAR['list_nouns'], True)}))*$", re.I)
_LOWER_UNIT_START = re.compile(rf"(?:{phrase_alternation(GRAMMAR['lower_case_unit_starts'])})(?![\wÀ-ỹ])")


# The office that serves two bodies is one unit (a district's "Văn phòng HĐND và UBND huyện", a
# province's "Văn phòng Đoàn ĐBQH và HĐND tỉnh"), as is its head ("Chánh Văn phòng HĐND và UBND").
_MERGED_OFFICE = re.compile(r"Văn\s+phòng\s+(?:Đoàn\s+(?:ĐBQH|đại\s+biểu\s+Quốc\s+hội)|HĐND|Hội\s+đồng\s+nhân\s+dân)$")
_ELECTED_BODY = re.compile(r"(?:HĐND|UBND|Hội\s+đồng\s+nhân\s+dân|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)(?![\wÀ-ỹ])")


def _split_at_heads(phrase: str) -> list[str]:
    """A list of units cut where another unit's head starts (after ";", "," or "và"): "Sở
    Khoa học và Công nghệ" and "Sở Văn hóa, Thể thao và Du lịch" stay whole."""
    p = patterns()
    phrase = collapse(phrase).strip(" ,;:.-")
    parts = [x for x in re.split(r"\s*;\s*", phrase) if x]
    units: list[str] = []
    for part in parts:
        # "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, ...": the post of each body listed
        posts = _POSTS_OF_LISTED.match(part)
        if posts and member_head().fullmatch(posts.group("title")) and p["head"].match(posts.group("names")):
            units.extend(f"{posts.group('title')} {u}" for u in _split_at_heads(posts.group("names")))
            continue
        pieces = re.split(r"(,\s*|\s+và\s+|\s+cùng\s+)(?=\S)", part)
        current = ""
        separator = ""
        for piece in pieces:
            if re.fullmatch(r",\s*|\s+và\s+|\s+cùng\s+", piece):
                separator = piece
                continue
            # after "và", a unit may start in lower case: "... các xã, phường và tổ chức, cá nhân có liên quan"
            capital = piece[:1].upper() + piece[1:] if "và" in separator else piece
            if p["title_after_comma"].match(piece):
                capital = piece[:1].upper() + piece[1:]  # "..., người đứng đầu tổ chức ...": a title starts a unit
            # a lower-case unit noun after a comma continues a list ("các sở, ban, ngành"), unless
            # it follows a proper name and has a name of its own ("Đài Phát thanh ..., cơ quan thông tấn báo chí")
            continues = piece[:1].islower() and _UNIT_NOUNS.match(piece) and "và" not in separator
            # (and capitalised as a group's words often are: "Các Sở, Ban, ngành", "các Sở, Ngành")
            if not continues and _PLURAL_GROUP.match(current) and _UNIT_NOUNS.fullmatch(piece.lower()) and "và" not in separator:
                continues = True
            if continues and _PROPER_NAME.match(current) and len(piece.split()) >= 3 and not _GENERIC_TAIL.search(piece):
                continues, capital = False, piece[:1].upper() + piece[1:]
            # "Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam, chi nhánh ngân hàng nước
            # ngoài": after a proper name, a unit's head in lower case starts the next unit
            if not continues and "và" not in separator and _LOWER_UNIT_START.match(piece) and _HAS_PROPER.search(current):
                capital = piece[:1].upper() + piece[1:]
            # "Các Bộ: Quốc phòng, Công an": a department's name inside the list, not the head "Công an"
            listing = _TITLE_LIST.match(current) if current else None
            if listing and f"{listing.group('kind')[:1].upper()}{listing.group('kind')[1:]} {piece}" in _known_departments():
                continues = True
            # "..., các Chủ đầu tư, các Cơ quan chủ trì Dự án": a capitalised head after "các" starts a unit
            plural = _PLURAL_CAPITAL.match(piece)
            person = _PERSON.fullmatch(piece)  # "Chủ tịch UBND thị xã A và ông Nguyễn Văn B": a person named
            if current and "và" in separator and _MERGED_OFFICE.search(current) and _ELECTED_BODY.match(piece):
                current = f"{current} và {piece}"  # "Văn phòng HĐND và UBND huyện": one office of two bodies
                continue
            if current and separator.strip() == "," and part_of(current, piece):
                current = f"{current}, {piece}"  # "Phòng 5, Cục ..., Bộ Công an": a part of a part, one unit
                continue
            if current and (p["head"].match(capital) or (plural and p["head"].match(piece, plural.end())) or person) and not continues:
                units.append(current)
                current = piece
            else:
                joiner = (" và " if "và" in separator else ", ") if current else ""  # as printed
                current = f"{current}{joiner}{piece}" if current else piece
        if current:
            units.append(current)
    return units


# A reference kept in a unit's name: "Các cơ quan quản lý các lĩnh vực trọng điểm | tại điểm d,
# khoản 1, mục III" names the bodies by the part of the text that lists them; the name ends
# before it (the reference belongs to the action or to nothing).
_REFERENCE_IN_NAME = re.compile(
    r"\s+(?:được\s+|đã\s+)?(?:(?:theo\s+)?(?:nêu|quy\s+định|ghi|liệt\s+kê)\s+)?(?:tại|theo|ở)\s+(?:các\s+)?"
    r"(?:[Đđ]iểm\s+[a-zđ](?![\wÀ-ỹ])|[Kk]hoản\s+\d|(?:[Tt]iểu\s+)?[Mm]ục\s+(?:[IVX]+|\d)(?![\wÀ-ỹ])|[Đđ]iều\s+\d|[Pp]hụ\s+lục(?:\s|$))"
)

_REFERENCE_NEEDED = re.compile(r"(?:\s(?:và|hoặc|có\s+tên|tên)|,)\s*$")

# One body named once for several levels, as plans assign a duty to each tier of a system ("Ban
# Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", "Ủy ban nhân dân cấp tỉnh, cấp huyện và cấp xã",
# "UBND cấp tỉnh, huyện, xã"): one unit per level. A list of places of one tier ("các xã,
# phường", "cấp xã, phường") and "các cấp" are one group, as written.
_LEVEL_TIERS = {"trung ương": 0, "bộ": 0, "tỉnh": 1, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3, "cơ sở": 3}
_LEVEL_WORD = r"(?:[Tt]rung\s+ương|bộ|tỉnh|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|cơ\s+sở)"
_LEVELS = re.compile(rf"^(?P<name>.*?\S)\s+cấp\s+(?P<levels>{_LEVEL_WORD}(?:\s*(?:,\s*và|,|và|hoặc)\s*(?:cấp\s+)?{_LEVEL_WORD})+)$")
_LEVEL_SEP = re.compile(r"\s*(?:,\s*và|,|và|hoặc)\s*")


def per_level(unit: str) -> list[str]:
    """ "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã": "... cấp tỉnh" and "... cấp xã"; a
    name of one level, or places of one tier, as it is."""
    m = _LEVELS.match(unit)
    if not m:
        return [unit]
    levels = [collapse(x) for x in _LEVEL_SEP.split(m.group("levels"))]
    bare = [re.sub(r"^cấp\s+", "", x) for x in levels]
    tiers = [_LEVEL_TIERS.get(x.lower()) for x in bare]
    each_named = all(x.startswith("cấp ") for x in levels[1:])  # "cấp tỉnh, cấp xã": the writer named each level
    if None in tiers or (not each_named and len(set(tiers)) < len(tiers)):
        return [unit]  # "cấp xã, phường": one tier
    return [f"{m.group('name')} cấp {x}" for x in bare]


def without_reference(unit: str) -> str:
    """A unit's name without a reference kept at its end (see above); read after the words of
    its duty are cut from it, so that a reference inside the duty stays there ("Cơ quan đại diện
    | lập hồ sơ theo quy định tại điểm b khoản 1 Điều này gửi ...")."""
    ref = _REFERENCE_IN_NAME.search(unit)
    head = patterns()["head"].match(unit[:1].upper() + unit[1:], 0, ref.start()) if ref else None
    # (not where the reference is all the name says: "Cơ quan | quy định tại điểm a", "Tổ chức,
    # cá nhân có tên | tại Điều 1", "... trong Kế hoạch và | tại Phụ lục")
    if head and head.end() < ref.start() and not _REFERENCE_NEEDED.search(unit, 0, ref.start()):
        return unit[: ref.start()].rstrip(" ,;")
    return unit


# A value in a plan's "Cơ quan chủ trì" place that is a duty, not a body ("Thành lập bộ máy quản
# lý Quỹ ... (khoản 4, Điều 51 Nghị định)", read there when a row's cells slip): it opens on a
# verb, or it cites the article it carries out; the name of a body does neither.
_ARTICLE_CITED = re.compile(r"\((?:[^()]*?\s)?(?:[Đđ]iểm\s+[a-zđ]|[Kk]hoản\s+\d|[Đđ]iều\s+\d)[^()]*\)")


@lru_cache(maxsize=1)
def _verb_opening() -> re.Pattern:
    verbs = set(_ENDING["verbs"]) | {c for c in load_table("tasks.json")["duty_cues"] if c[:1].islower() and c != "tổ chức"}
    return re.compile(rf"(?:{phrase_alternation(sorted(verbs))})(?![\wÀ-ỹ])")


def action_like(unit: str) -> bool:
    """Whether a value read as a unit is a duty: no head of a unit's name opens it, and it opens
    on a verb ("Thành lập bộ máy ...", "Triển khai ...") or cites an article ("(khoản 4, Điều 51
    Nghị định)")."""
    head = patterns()["head"].match(unit)
    if head and names_unit(unit, head):
        return False
    return bool(_ARTICLE_CITED.search(unit) or _verb_opening().match(unit[:1].lower() + unit[1:]))


# What a body is, said after its name (lower case, one body, its role): an apposition, no other unit
# ("cơ quan chuyên môn trong lĩnh vực ...", "cơ quan thường trực của ..."; not "; cơ quan chuyên
# môn, đơn vị sự nghiệp thuộc UBND thành phố", a group of a list)
_APPOSITION = re.compile(r"^cơ\s+quan\s+(?:chuyên\s+môn|thường\s+trực|đầu\s+mối|tham\s+mưu)\s+(?:trong|của|về|giúp)(?![\wÀ-ỹ])")


def split_units(phrase: str, max_words: int = 20) -> list[str]:
    """ "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính và các tổ chức liên quan" gives three
    units. A comma or "và" splits only before another unit's head: "Sở Văn hóa, Thể thao và Du
    lịch" and "các sở, ban, ngành" stay whole."""
    p = patterns()
    units = [name for unit in _share_modifiers(_split_at_heads(phrase)) for level in per_level(without_scope_tail(unit.strip(" *"))) for name in per_place(level)]
    expanded = []
    for unit in units:
        m = _TITLE_LIST.match(unit)
        if m:
            # (a Cục's or Vụ's name may hold "và": "Hàng hải và Đường thủy Việt Nam"; cut at commas)
            names = _listed_names(m.group("names")) if m.group("kind").lower() in ("sở", "bộ") else [x.strip() for x in m.group("names").strip(" .;").split(",") if x.strip()]
            title = (m.group("title") + " " if m.group("title") else "") + collapse(m.group("kind")).capitalize()
            # "các Bộ, cơ quan: ..., Tập đoàn Điện lực Việt Nam": a body listed with its own head
            expanded.extend(n.strip() if m.group("bodies") and p["head"].match(n.strip()) else f"{title} {n.strip()}" for n in names)
        else:
            expanded.append(unit)
    units = expanded
    cleaned = []
    for unit in units:
        if cleaned and _APPOSITION.match(unit) and cleaned[-1][:1].isupper():
            continue  # "Sở Thông tin và Truyền thông, cơ quan chuyên môn trong lĩnh vực ...": the body above, said again
        if "*" in unit:
            unit = collapse(unit.replace("*", " "))  # Markdown emphasis split across a heading's lines
        if _PERSON.fullmatch(unit.strip(" ,.;:-")):
            cleaned.append(unit.strip(" ,.;:-"))  # "ông Võ Văn Dương": a person an executive clause names
            continue
        unit = re.sub(r"^(?:đồng\s+chí|ông|bà)\s+", "", unit.strip(" ,.;:-"), flags=re.I)
        plural = _PLURAL_CAPITAL.match(unit)  # "các Chủ đầu tư"
        if unit and (p["head"].match(unit[:1].upper() + unit[1:]) or (plural and p["head"].match(unit, plural.end()))) and len(unit.split()) <= max_words:
            cleaned.append(unit[:1].upper() + unit[1:] if unit.startswith("các ") is False else unit)
    return cleaned


# "Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa"
_PLACE_LIST = re.compile(r"^(?P<title>.+?)\s+(?:các|Các)\s+(?P<kind>tỉnh,\s*thành\s+phố|tỉnh|thành\s+phố|huyện|quận|phường|xã)" + _PLACES_OF + r"\s*:\s*(?P<names>.+)$")


_LOCAL_BODY = re.compile(r"(?:các\s+|Các\s+)?(?P<body>Hội\s+đồng\s+nhân\s+dân|HĐND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND)(?![\wÀ-ỹ])")


_MEMBERS_OF = re.compile(r"^(?:các\s+)?thành\s+viên\s+(?P<body>(?:Ban|Hội\s+đồng|Tổ)\s.+)$", re.I)


def _share_modifiers(units: list[str]) -> list[str]:
    """Posts that share the name after the last of them, as offices write them:
    "các Tổ đại biểu, đại biểu HĐND Thành phố" (two units of the HĐND), "Giám đốc, Phó Giám
    đốc Sở X", and "Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh: A, B" (one unit per post and
    province: "Bí thư Tỉnh ủy A", "Chủ tịch UBND tỉnh A", ...)."""
    member = member_head()
    out: list[str] = []
    for unit in units:
        # "các Tổ đại biểu, đại biểu Hội đồng nhân dân Thành phố": one unit as split
        bare = member.fullmatch(unit.split(",")[0].strip()) if "," in unit else None
        if bare:
            tail = unit.split(",", 1)[1].strip()
            second = member.match(tail)
            if second and second.end() < len(tail):
                modifier = tail[second.end() :].strip()
                out.extend([f"{unit.split(',')[0].strip()} {modifier}", tail])
                continue
        out.append(unit)
    # "Giám đốc, Phó Giám đốc Sở X": a bare post before its deputy's takes the body's name (not
    # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": two posts of two bodies)
    for i in range(len(out) - 2, -1, -1):
        if member.fullmatch(out[i]):
            nxt = member.match(out[i + 1])
            own = re.sub(r"^(?:các\s+|phó\s+)+", "", out[i], flags=re.I).lower()
            other = re.sub(r"^(?:các\s+|phó\s+)+", "", nxt.group() if nxt else "", flags=re.I).lower()
            if nxt and nxt.end() < len(out[i + 1]) and own == other:
                out[i] = f"{out[i]} {out[i + 1][nxt.end():].strip()}"
    # "Chủ tịch và các thành viên Hội đồng tư vấn đặc xá": a bare post is of the body its members are
    for i in range(len(out) - 2, -1, -1):
        members = _MEMBERS_OF.match(out[i + 1])
        if members and member.fullmatch(out[i]):
            post, body = out[i].split(), members.group("body")
            if len(post) > 1 and post[-1].lower() == body.split()[0].lower():
                post = post[:-1]  # "Trưởng ban" of "Ban Chỉ đạo ...": "Trưởng Ban Chỉ đạo ..."
            out[i] = f"{' '.join(post)} {body}"
    # "Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang": a bare council takes the locality of the
    # committee named after it (and "HĐND, UBND các cấp")
    for i in range(len(out) - 2, -1, -1):
        bare = _LOCAL_BODY.fullmatch(out[i])
        nxt = _LOCAL_BODY.match(out[i + 1])
        if bare and nxt and nxt.end() < len(out[i + 1]) and fold(bare.group("body"))[:3] != fold(nxt.group("body"))[:3]:
            out[i] = f"{out[i]} {out[i + 1][nxt.end():].strip()}"
    # "Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: A, B": the posts before the list share it
    if out:
        m = _PLACE_LIST.match(out[-1])
        if m:
            posts = []
            i = len(out) - 1
            while i > 0 and member.match(out[i - 1]) and ":" not in out[i - 1]:
                i -= 1
            posts = out[i:-1] + [m.group("title")]
            kind = collapse(m.group("kind")).lower()
            names = [n.strip(" .;") for n in re.split(r",\s*|\s+và\s+", m.group("names")) if n.strip(" .;")]
            # (a place's name may hold a dash: "Văn Miếu – Quốc Tử Giám"; a unit with its own head
            # closes the list: "..., Từ Liêm và UBND xã Bát Tràng")
            own = [n for n in names if patterns()["head"].match(n)]
            if names and all(n[:1].isupper() and len(re.sub(r"\s[-–]\s", " ", n).split()) <= 4 for n in names):
                shared = []
                for name in names:
                    if name in own:
                        shared.append(name)
                        continue
                    for post in posts:
                        # "Bí thư Tỉnh ủy Gia Lai"; "Chủ tịch UBND tỉnh Gia Lai" (no kind for "tỉnh, thành phố")
                        # (for "tỉnh, thành phố", each place's own kind: "thành phố" for a centrally run city)
                        if post.lower().endswith(("ủy", "uỷ")):
                            place = name
                        elif "," in kind:
                            place = f"{'thành phố' if fold(name) in centrally_run_cities() else 'tỉnh'} {name}"
                        else:
                            place = f"{kind} {name}"
                        shared.append(f"{post} {place}")
                out = out[:i] + shared
    # "UBND các phường: Ba Đình, Hoàn Kiếm, Văn Miếu – Quốc Tử Giám và UBND xã Bát Tràng": a list
    # of named places before another unit is one unit per place, as at the end
    for i in range(len(out) - 2, -1, -1):
        m = _PLACE_LIST.match(out[i])
        if m and ":" not in m.group("title") and "," not in m.group("kind"):
            names = [n.strip(" .;") for n in re.split(r",\s*|\s+và\s+", m.group("names")) if n.strip(" .;")]
            if names and all(n[:1].isupper() and len(re.sub(r"\s[-–]\s", " ", n).split()) <= 6 for n in names):
                kind = collapse(m.group("kind")).lower()
                out[i : i + 1] = [f"{m.group('title')} {kind} {n}" for n in names]
    return out


def _listed_names(names: str) -> list[str]:
    """The names of "các Sở: Tài chính, Lao động - Thương binh và Xã hội, Văn hóa, Thể thao và
    Du lịch": cut at each comma and "và", except inside a department's name that holds them
    (the names of the Sở and Bộ in ``issuers.json``)."""
    parts = re.split(r"(,\s*|\s+và\s+)", names.strip(" .;"))
    words, joints = parts[0::2], parts[1::2]

    def joined(i: int, j: int) -> str:  # words i..j with the separators between them
        return "".join(w + sep for w, sep in zip(words[i:j], joints[i:j])) + words[j]

    known = _compound_departments()
    out, i = [], 0
    while i < len(words):
        j = next((j for j in range(min(len(words) - 1, i + 3), i, -1) if _department_key(joined(i, j)) in known), i)
        if joined(i, j).strip():
            out.append(joined(i, j).strip())
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _known_departments() -> frozenset[str]:
    """The Sở and Bộ of ``issuers.json`` by name ("Bộ Công an", "Sở Tư pháp")."""
    return frozenset(v["name"] for v in load_table("issuers.json")["codes"].values() if v["name"].startswith(("Sở ", "Bộ ")))


@lru_cache(maxsize=1)
def _compound_departments() -> frozenset[str]:
    """The names after "Sở"/"Bộ" that hold a comma or "và" ("Kế hoạch và Đầu tư"), as keys."""
    names = [v["name"].split(" ", 1)[1] for v in load_table("issuers.json")["codes"].values() if v["name"].startswith(("Sở ", "Bộ "))]
    return frozenset(_department_key(n) for n in names if "," in n or " và " in n)


def _department_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


# "Giám đốc các Sở: Tài chính, Xây dựng" is the director of each Sở named
# ("các Tập đoàn: A, B", "các Bộ, cơ quan: Tài chính, ..., Tập đoàn Điện lực Việt Nam": a name that
# carries its own head stays as written)
_TITLE_LIST = re.compile(r"^(?P<title>.*?)\s*(?:các|Các)\s+(?P<kind>Sở|Bộ|sở|bộ|Cục|Vụ|Tổng\s+cục|Tập\s+đoàn|Tổng\s+công\s+ty)(?P<bodies>,\s*(?:cơ\s+quan|ngành))?\s*:\s*(?P<names>.+)$")


_DIRECTS = re.compile(r"(?<![\wÀ-ỹ])[Cc]hỉ\s+đạo(?![\wÀ-ỹ])[^;.]*$")


# "phối hợp với X": X is a partner whatever it is; without "với" only a unit's name is one
_WITH = re.compile(r"[^Pp]*[Pp]hối\s+hợp(?:\s+chặt\s+chẽ)?\s+với(?![\wÀ-ỹ])")
_GROUP_OPENS = re.compile(r"(?:các|những|lực\s+lượng|chính\s+quyền)\s", re.I)


def find_coordinators(text: str) -> list[str]:
    m = coordinator_pattern().search(text)
    if not m:
        return []
    if m.group("shared") and _DIRECTS.search(text, max(0, m.start() - 200), m.start()):
        return []  # "Chỉ đạo các cơ quan liên quan phối hợp, hướng dẫn Bộ Y tế ...": the partners of those directed
    if not _WITH.match(m.group()) and not m.group("shared"):
        who = m.group("who").lstrip(" -*•+")
        if not (patterns()["head"].match(who[:1].upper() + who[1:]) or _GROUP_OPENS.match(who)):
            return []  # "Phối hợp cung cấp, rà soát thông tin ...": to work with others at it, no partner named
    who = _split_at_heads(m.group("who"))  # "Sở Khoa học và Công nghệ" is one unit, not two
    who = [re.sub(r"\s+và$", "", _GROUP_END.sub(r"\g<name>", collapse(w)).strip(" ,.;")) for w in who if len(w.split()) >= 2 or w[:1].isupper()][:8]
    return [w[:-1] if w.endswith(")") and "(" not in w else w for w in who]  # "(Bộ A, Bộ B)": no bracket left


def with_named(coordinators: list[str], action: str) -> list[str]:
    """A row's or a labelled item's coordinators (its "phối hợp" column or field) and those its
    action names after "phối hợp (với)" ("Chủ trì, phối hợp với Bộ Tư pháp, Văn phòng Chính phủ
    ..."), each once; units the action only mentions ("báo cáo Thủ tướng Chính phủ") are not."""
    m = coordinator_pattern().search(action)
    who = m.group("who") if m else ""
    if not (patterns()["head"].match(who) or patterns()["head"].match(who[:1].upper() + who[1:])):
        return coordinators  # "kết quả phối hợp giữa A và B", "phối hợp liên ngành (...)": no coordinators named
    seen = {fold(c).lower() for c in coordinators}
    out = list(coordinators)
    for c in find_coordinators(action):
        c = named_coordinator(c)
        if not c:
            continue
        if fold(c).lower() not in seen and not any(fold(c).lower() in s for s in seen):
            seen.add(fold(c).lower())
            out.append(c)
    return out


# "các cơ quan liên quan | bám sát ...": a group's name ends at "liên quan" but for its place
# ("... liên quan của thành phố Huế", "... tại khu vực biên giới")
_GROUP_END = re.compile(r"^(?P<name>.*?\b(?:liên\s+quan|có\s+liên\s+quan))\s+(?!(?:của|tại|thuộc|trên|ở|trong|cấp)\s)\S.*$")


def named_coordinator(name: str) -> str | None:
    """A coordinator read from an action, as a whole unit's name: it starts with a unit's head
    ("Bộ", "Sở", "các cơ quan"), ends where the name does ("các cơ quan liên quan | bám sát",
    "Bộ Công an | thống nhất giải pháp ..."), and is no clause ("hoàn thành số hóa ...")."""
    head = patterns()["head"].match(name) or patterns()["head"].match(name[:1].upper() + name[1:])
    if not head:
        return None
    group = _GROUP_END.match(name)
    if group:
        name = group.group("name")
    cut = name_and_verb(name, tails=False)
    if cut:
        name = cut[0]
    else:
        at = name_before_verb(name, head.end())
        if at:
            name = name[:at].rstrip(" ,")
    return name if len(name.split()) <= 10 else None


# Where a unit's name read too far ends (``task_grammar.json`` 'name_ending'): before a verb of
# its own ("Tổng cục Hải quan | quyết định kiểm tra ..."), not one inside a relative clause
# ("Hội đồng do Bộ trưởng thành lập") or a prepositional phrase ("theo quy định của ..."), nor a
# syllable of a capitalised word ("Bộ Ngoại giao"); and before a conjunction or preposition left
# at its end ("Ủy ban nhân dân cấp xã | khi thực hiện thủ tục ...").
_ENDING = GRAMMAR["name_ending"]
_OWN_VERB = re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(_ENDING['verbs'])})(?![\wÀ-ỹ])")
_TAIL = re.compile(rf"\s(?:{phrase_alternation(_ENDING['tails'])})$")
_RELATIVE_OPEN = re.compile(rf"(?<![\wÀ-ỹ])(?:{phrase_alternation(_ENDING['relative'])})(?![\wÀ-ỹ])")
_NOUN_USE = re.compile(r"(?:theo|tại|của|các|mọi|về|việc)\s+$")  # "theo quy định", "các cấp", "trong việc cử ...": not the name's verb
_RESOLVING_BODY = re.compile(r"(?<![\wÀ-ỹ])(?:[Cc]ơ\s+quan|[Hh]ội\s+đồng|[Bb]ộ\s+phận|[Nn]gười|[Tt]ổ|[Bb]an|[Tt]ổ\s+chức|[Cc]á\s+nhân)\s+$")
_COMPOUND_BEFORE = re.compile(r"(?:khẩn|công|độc|xác|ngoại|bàn|chuyển|cung|phân|thành|thiết|cao|thứ|sơ|trung|bầu|ứng|đề|tuyển|được|được\s+cử\s+đi|cắt)\s+$")
_COMPOUND_AFTER = re.compile(r"\s+(?:thông|dịch|bách|phát|nhận|tri)(?![\wÀ-ỹ])")
_LEVEL_AFTER = re.compile(r"\s*(?:tỉnh|xã|huyện|phường|ủy|uỷ|trung\s+ương|cơ\s+sở|có\s+thẩm\s+quyền|quốc\s+gia|bộ|trên|dưới|thành\s+phố)(?![\wÀ-ỹ])")


def name_and_verb(unit: str, tails: bool = True) -> tuple[str, str] | None:
    """A unit's name that ran into the words of its duty, cut where the name ends: (the name, the
    words that belong to the action); None when the name is whole. ``tails``: a conjunction or
    preposition left at the end is cut too."""
    p = patterns()
    head = p["head"].match(unit) or p["head"].match(unit[:1].upper() + unit[1:])
    if not head:
        return None
    for m in _OWN_VERB.finditer(unit, head.end()):
        before = unit[: m.start()]
        if _RELATIVE_OPEN.search(before, head.end()):
            break  # "... được giao quản lý", "do Giám đốc quyết định thành lập": the name's own clause
        words = before.split()
        if not words or m.group()[:1].isupper() or _NOUN_USE.search(before):
            continue
        if " " not in m.group() and words[-1][:1].isupper() and (m.group() != "cần" or words[-1] == "Hậu"):
            continue  # a syllable of a capitalised word: "Bộ Ngoại giao", "UBND tỉnh Lào Cai lập"?
        if m.group() == "cấp" and _LEVEL_AFTER.match(unit, m.end()):
            continue  # "cấp tỉnh", "cấp có thẩm quyền": a level, not the verb "to issue"
        if m.group() in ("giải quyết", "tiến hành") and _RESOLVING_BODY.search(before):
            continue  # "cơ quan giải quyết hồ sơ", "Tổ chức, cá nhân tiến hành công việc bức xạ": named by what they do
        if " " not in m.group() and (_COMPOUND_BEFORE.search(before) or _COMPOUND_AFTER.match(unit, m.end())):
            continue  # a syllable of a word: "khẩn cấp", "công lập", "giao thông", "giao dịch"
        name = before.rstrip(" ,")
        if len(name) > len(head.group()):
            return name, unit[m.start() :]
        return None
    tail = _TAIL.search(unit) if tails else None
    if tail and len(unit[: tail.start()]) > len(head.group()):
        return unit[: tail.start()], unit[tail.start() + 1 :]
    return None


def is_verb_list(unit: str) -> bool:
    """ "Tổ chức, chỉ đạo", "Thanh tra, kiểm tra, giám sát ...": verbs listed, not a unit (a head
    that is also a verb, then a duty verb after the comma)."""
    parts = [x.strip() for x in unit.split(",")]
    return len(parts) > 1 and any(free_verb().match(x) for x in parts[1:]) and fold(parts[0]).lower() in _VERB_HEADS


_VERB_HEADS = frozenset({"to chuc", "thanh tra", "kiem tra", "kiem toan", "bao cao", "lap", "giam sat", "thuong truc"})


# Where a unit's name is whole before a verb the grammar does not list: after a place or level
# ("... ở địa phương | dành thời lượng ...", "Ủy ban nhân dân tỉnh | ưu tiên ..."), or after a
# name of two capitalised syllables ("Đài Tiếng nói Việt Nam | dành ...", "Bộ Công Thương | hoàn
# thành ..."); one capitalised syllable may start a word of two ("Bộ Y | tế" is no end).
_PLACE_WORDS = frozenset({"tỉnh", "phố", "huyện", "xã", "phường", "ương", "phương", "quốc"})
_NAME_GOES_ON = frozenset(
    "và các cấp của thuộc trực ở tại trên có liên được do nhà cùng hoặc thành tỉnh huyện xã phường đóng trung địa toàn khác "
    "chuyên những mọi trong ngoài về với theo thị hội ty để bị nơi nêu".split()
)
_WORD_AT = re.compile(r"[^\s,;]+")


def _head_runs_past(phrase: str, start: int, end: int) -> bool:
    """Whether a unit's head starting at a word between ``start`` and ``end`` runs to ``end``
    ("Tổng Công | ty" is the head "Tổng Công ty")."""
    for m in _WORD_AT.finditer(phrase, start, end):
        head = patterns()["head"].match(phrase, m.start())
        if head and head.end() >= end:
            return True
    return False


def name_before_verb(phrase: str, start: int = 0) -> int | None:
    """The offset in ``phrase`` (past ``start``, a head) where a whole unit name ends and a
    lower-case verb outside the grammar's list begins, or None."""
    words = [(m.start(), m.group()) for m in _WORD_AT.finditer(phrase, start)]
    for i in range(1, len(words) - 1):
        at, word = words[i]
        if not word[:1].islower() or word in _NAME_GOES_ON:
            continue
        if words[i - 1][1] == "quốc" and word in ("tế", "gia", "phòng", "hội", "doanh"):
            continue  # "Vụ Hợp tác quốc tế": one word
        prev = words[i - 1][1]
        if phrase[words[i - 1][0] + len(prev) : at].strip():
            continue  # a comma between: a list goes on
        # (two capitalised syllables of the name, neither of them a head: "Đài Tiếng | nói" is no end)
        # (a legal form in capitals is none: "Công ty TNHH MTV Đầu | tư, Xây dựng ..." goes on, its trade
        # capitalised on the first syllable of each word, as Nghị định 30/2020/NĐ-CP writes a name)
        two_capitals = i >= 2 and all(w[:1].isupper() and not w.isupper() and not patterns()["head"].fullmatch(w) for w in (prev, words[i - 2][1]))
        # (of one name: not across a list's comma, "... Việt Nam, Công | nghiệp - Viễn thông ...")
        two_capitals = two_capitals and not phrase[words[i - 2][0] + len(words[i - 2][1]) : words[i - 1][0]].strip()
        in_charge = prev == "vực" and bool(_IN_CHARGE_OF.search(phrase, 0, at))  # "Thứ trưởng Bộ Y tế phụ trách lĩnh vực | tiếp tục ..."
        # "Bộ Tài chính | giải quyết ...", "Sở Y tế | hoàn thành ...": a ministry's or department's
        # whole name (``issuers.json``), its last syllable in lower case
        known = phrase[:at].strip() in _known_departments()
        if (prev in _PLACE_WORDS or prev == "Tỉnh" or two_capitals or in_charge or known) and not _head_runs_past(phrase, words[i - 2][0] if i >= 2 else 0, at + len(word)):
            return at
    return None
