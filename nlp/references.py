"""References: every other document a text names, and how this one relates to it.

Three steps with data classes between them, after the citation extractors that do this
well (eyecite): :func:`find_clauses` cuts the text into clauses and reads the cue that opens
each one; :func:`find_mentions` finds every place that names a document (by số ký hiệu, by a
law's title with its date or year, or by "Kế hoạch nêu trên"), with its span, type, date,
issuer and relation; :func:`resolve` merges the mentions of one document into one
:class:`Reference`, attaches short second mentions to the full one before them, drops the
document itself, and fills the citing province into "của UBND tỉnh".

The phrases it looks for are data (``nlp/data/references.json``); the text is searched in
its folded form, which keeps one character per character, so spans agree.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import blank_spans, collapse, fold, fold_document, symbol_key
from .symbols import CITED_RE, SYMBOL_RE, clean_symbol, issuer_code, symbol_length, type_code, well_formed
from .symbols import year as symbol_year
from .tables import load_table, phrase_alternation, starting_words, type_by_name

RELATIONS = ("based_on", "implements", "amends", "replaces", "repeals", "responds_to", "cites")
# the unscored ``relations`` of a reference: every act the text states on that document, the
# seven above and ``guides``; a consolidation note saying the cited document acts on this one
# gives the act with "_by" ("amended_by": the cited document amends this one)
ACTS = (*RELATIONS, "guides", "amended_by", "repealed_by", "replaced_by", "guided_by")


@dataclass(frozen=True)
class Clause:
    """A stretch of text between ";", a sentence end or a paragraph break."""

    start: int
    end: int
    cue: str | None  # the relation its opening words give ("Căn cứ" gives based_on)
    cue_end: int  # where the opening cue stops (= start when there is none)
    paragraph: int  # index of the paragraph it belongs to
    bullet: bool = False  # the paragraph is a list item ("-", "a)", "1.")
    carried: str | None = None  # a Căn cứ / Thực hiện carried over from the paragraph before
    intro: str | None = None  # "Các quyết định sau hết hiệu lực:" before this list item


@dataclass
class Mention:
    """One place in the text that names a document."""

    start: int
    end: int  # end of the whole citation: type name, number, date and issuer
    kind: str  # "symbol", "title" or "anaphor"
    doc_type: str | None = None
    symbol: str | None = None
    title: str | None = None
    date: str | None = None
    year: int | None = None
    issuer: str | None = None
    relation: str = "cites"
    text: str = ""
    acts: list[str] = field(default_factory=list)  # the acts it states, where not just ``relation``
    scope: str | None = None  # the part acted on ("Điều 5"; of this document for a note)
    note: bool = False  # inside a consolidation note ("[Khoản này được sửa đổi bởi ...]")
    effective_date: str | None = None  # a note's "có hiệu lực từ ngày ..." of the acting text
    name: str | None = None  # a law's name before its number ("Luật Đất đai số 31/2024/QH15")


@dataclass
class Reference:
    """One cited document, with every mention of it."""

    symbol: str | None
    doc_type: str | None
    date: str | None
    issuer: str | None
    relation: str
    text: str
    start: int
    end: int
    title: str | None = None
    year: int | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    issuer_from: str | None = None  # "text" (it says "của ..."), "symbol" (read from its code) or None
    relations: list[str] = field(default_factory=list)  # every act stated on it (not scored)
    scope: str | None = None  # the part acted on, where only a part is
    effective_date: str | None = None  # when a consolidation note says the acting text took effect
    name: str | None = None  # a law's name given with its number ("Luật Đất đai số 31/2024/QH15")
    notes_only: bool = False  # named only in consolidation notes so far
    acts: list[dict] = field(default_factory=list)  # each act stated with its scope and date (for the status)

    @property
    def key(self) -> str:
        return symbol_key(self.symbol) if self.symbol else "title:" + fold(self.title)

    def to_dict(self) -> dict:
        data = {
            "symbol": self.symbol,
            "doc_type": self.doc_type,
            "date": self.date,
            "issuer": self.issuer,
            "relation": self.relation,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if not self.symbol:
            data["title"] = self.title
        if self.year:
            data["year"] = self.year
        if self.issuer_from:
            data["issuer_from"] = self.issuer_from
        if len(self.mentions) > 1:
            data["mentions"] = [list(span) for span in self.mentions]
        data["relations"] = list(self.relations) or [self.relation]
        if self.scope:
            data["scope"] = self.scope
        if self.effective_date:
            data["effective_date"] = self.effective_date
        if self.name:
            data["name"] = self.name
        if any(d["scope"] or d["effective_date"] or d["act"] != self.relation for d in self.acts):
            data["acts"] = [{k: v for k, v in d.items() if v} for d in self.acts]
        return data


# ---------------------------------------------------------------------------- tables


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_table("references.json")


@lru_cache(maxsize=None)
def _names() -> dict[str, str]:
    """Folded type name ("nghi dinh", "to trinh", "van ban") to its abbreviation."""
    names = {fold(name): abbr for name, abbr in type_by_name().items()}
    names.update(_table()["names"])
    return names


def _alternation(phrases) -> str:
    """Phrases (folded, so matched as they are) as one regex group body."""
    return phrase_alternation(phrases)


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    t = _table()
    names = _alternation(_names())
    clause_cues = [(c["relation"], p) for c in t["clause_cues"] for p in c["phrases"]]
    return {
        # a type name, then "số" / "số hiệu" / nothing, right before a symbol
        "name_before": re.compile(rf"(?:^|[^a-z])(?P<name>{names})\s*(?:so(?:\s*hieu)?\s*)?[:.]?\s*$"),
        "so_before": re.compile(r"(?:^|[^a-z])so\s*[:.]?\s*$"),
        "plural_name": re.compile(rf"(?:^|[^a-z])(?P<name>{names})(?![a-z])"),
        "clause_cue": re.compile(rf"[\s\-+*•.)(\da-z]{{0,6}}?\b(?P<cue>{_alternation(p for _, p in clause_cues)})\b(?! phap ly)"),
        "date_after": re.compile(
            r"^\s*,?\s*(?:\(|(?:duoc\s+)?(?:ban hanh|ky|thong qua)\s+)?ngay\s*(?P<d>\d{1,2})\s*(?:thang|[/.-])\s*"
            r"(?P<m>\d{1,2})\s*(?:nam|[/.-])\s*(?P<y>(?:19|20)\d{2})"
        ),
        "year_after": re.compile(r"^\s*,?\s*\(?nam\s+(?P<y>(?:19|20)\d{2})\b"),
        # the issuer may run over one line break ("của Bộ trưởng Bộ\nTài chính"), not into the next item
        "issuer_after": re.compile(r"\s*\)?\s*,?\s*(?:cua|do)\s+(?P<issuer>(?:[^;:()\n]|\n(?![ \t*]*(?:\n|[-+•|]|\d+[.)]|[a-z]\)|can cu|dieu \d)))(?:[^;:()\n]|\n(?![ \t*]*(?:\n|[-+•|]|\d+[.)]|[a-z]\)|can cu|dieu \d))){1,159})"),
        "issuer_stop": re.compile(rf"\s(?:{_alternation(t['issuer_stops'])})(?![a-z])|,\s|\.(?:\s|$)"),
        # "của Thủ tướng Chính phủ và Nghị quyết số 380/NQ-CP": the next document cited, not the issuer's name
        "next_citation": re.compile(rf"\s(?:va|hoac)\s+(?:cac\s+)?(?:{names})\s+(?:so\s*(?:hieu\s*)?)?[:.]?\s*\d"),
        "title": re.compile(rf"(?P<name>{_alternation(t['title_names'])})\s+"),  # at a word's start: starting_words
        "anaphor": re.compile(rf"(?<![a-z])(?P<name>{names})\s+(?P<which>{_alternation(t['anaphors'])})(?![a-z])"),
        "acting_anywhere": re.compile(
            rf"(?<![a-z])(?P<cue>{_alternation([p for c in t['before_cues'] for p in c['phrases']] + [p for c in t['after_cues'] for p in c['phrases']])})(?![a-z])"
        ),
        "proposal": re.compile(rf"(?<![a-z])(?:{_alternation(t['proposal_verbs'])})(?![a-z])"),
        "described": re.compile(r"(?<![a-z])(?:cua|thi hanh)\s+(?:cac\s+)?$"),
        "list_gap": re.compile(r"[\s)*]*(?:,|va|hoac|;)?[\s*]*(?:cac\s+)?"),
        "implements_near": re.compile(r"(?<![a-z])(?:thuc hien|trien khai|quan triet|thi hanh)(?:\s+[^\s;,.]+){0,3}\s+(?:cac\s+)?$"),
        "after_cue": re.compile(rf"(?<![a-z])(?P<cue>{_alternation(p for c in t['after_cues'] for p in c['phrases'])})(?![a-z])"),
        "guides": re.compile(rf"(?<![a-z])(?:{names})\s+nay\s+(?:quy dinh chi tiet|huong dan(?:\s+thi hanh|\s+thuc hien|\s+chi tiet)?)(?![a-z])"),
        "passive": re.compile(rf"(?:{_alternation(t['passive_before'])})\s*(?:cac\s+)?$"),
    }


@lru_cache(maxsize=None)
def _relation_of() -> dict[tuple[str, str], str]:
    t = _table()
    table = {}
    for group in ("clause_cues", "before_cues", "after_cues"):
        for cue in t[group]:
            for phrase in cue["phrases"]:
                table[(group, phrase)] = cue["relation"]
    return table


@lru_cache(maxsize=None)
def _spreading() -> frozenset[str]:
    return frozenset(c["relation"] for c in _table()["clause_cues"] if c.get("spread"))


# ---------------------------------------------------------------------------- step 1: clauses

# Only the ends of the matches are used: the first branch takes the punctuation in rather
# than looking behind for it, which lets the engine skip to candidate characters.
_PARAGRAPH_BREAK = re.compile(
    r"(?:[.;:][ \t*]*\n|\n(?=[ \t*]*(?:[-+•]|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)|[IVX]+\.|Điều\s+\d|Căn cứ|CĂN CỨ|Xét|Thực hiện|Triển khai|Theo đề nghị|Phúc đáp|Trả lời|Để|Nhằm)))|\n\s*\n|\||(?<=[A-ZĐÀ-Ỹ]{2}) (?=Căn cứ\s)"
)  # the last: a header squashed onto one line ("... GẮN LIỀN VỚI ĐẤT Căn cứ Luật ...")
_CLAUSE_BREAK = re.compile(r";|\.(?=\s+[A-ZĐÀ-Ỹ])")


_BULLET = re.compile(r"[\s*]*(?:[-+•]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)\s")


def find_clauses(text: str, folded: str, near: list[int] | None = None) -> list[Clause]:
    """Paragraphs, then clauses inside them, each with the cue its first words give.

    A paragraph without a cue of its own that follows one ending in ";" carries that
    paragraph's Căn cứ or Thực hiện; list items under a line such as "Các văn bản sau hết
    hiệu lực:" carry its relation. With ``near`` (sorted offsets, such as where documents
    are named), only the paragraphs holding one of them are cut into clauses: the others
    are read only for what they carry over, which is most of the cost saved.
    """
    breaks = sorted({m.end() for m in _PARAGRAPH_BREAK.finditer(text)} | {0, len(text)})
    clauses: list[Clause] = []
    cue_pattern = _patterns()["clause_cue"]
    acting = _patterns()["acting_anywhere"]
    relation = _relation_of()
    spreading = _spreading()
    carried: str | None = None
    intro: str | None = None
    wanted = 0  # index into ``near`` of the next offset still to be reached
    for index, (p_start, p_end) in enumerate(zip(breaks, breaks[1:])):
        if not text[p_start:p_end].strip(" \t\n*|"):
            continue
        bullet = bool(_BULLET.match(text, p_start, p_end))
        if not bullet:
            intro = None
        if near is not None:
            while wanted < len(near) and near[wanted] < p_start:
                wanted += 1
            cut = wanted < len(near) and near[wanted] < p_end
        else:
            cut = True
        if cut:
            cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text, p_start, p_end)] + [p_end]
        else:
            first = _CLAUSE_BREAK.search(text, p_start, p_end)
            cuts = [first.end() if first else p_end]
        start = p_start
        first_cue = None
        for end in cuts:
            if end <= start:
                continue
            m = cue_pattern.match(folded, start, end)
            cue = relation[("clause_cues", " ".join(m.group("cue").split()))] if m else None
            if cut:
                clauses.append(Clause(start, end, cue, m.end() if m else start, index, bullet, carried, intro))
            if start == p_start:
                first_cue = cue
                if cue:  # "Căn cứ A; B; C" all rest on what they name; "Xét A; B" answers A only
                    carried = cue if cue in spreading else None
            start = end
        paragraph = text[p_start:p_end].rstrip(" \t\n*|")
        own = first_cue if first_cue in spreading else None
        carried = (own or (carried if first_cue is None else None)) if paragraph.endswith((";", ",")) else None
        if paragraph.endswith(":"):
            found = None
            for found in acting.finditer(folded, max(p_start, p_end - 200), p_end):
                pass
            if found:
                intro = _acting_relation(" ".join(found.group("cue").split()))
    return clauses


_PURPOSE = re.compile(r"(?<![a-z])(?:de|nham|bao dam|phu hop|khong trai|theo quy dinh|doi voi|cho phu hop)(?![a-z])")
_TITLE_OF_CITED = re.compile(r"(?<![a-z])(?<!ban hanh )(?:bo luat|luat|nghi dinh|thong tu(?: lien tich)?|quyet dinh|nghi quyet|phap lenh)[\s*]+$")
_JOINED = re.compile(r"(?:,|(?<![a-z])va|(?<![a-z])hoac)[\s*]*(?:cac\s+)?$")


def _only_listed_or_described(mentions: list[Mention], mention: Mention, until: int, folded: str, clause_start: int) -> bool:
    """Whether every document named between ``mention`` and ``until`` is listed with it ("và
    Nghị định ...") or only describes one of the list ("... của Nghị định ...")."""
    between = [m for m in mentions if mention.end <= m.start < until and m.kind == "symbol"]
    if not between:
        return False
    for m in between:
        before = folded[max(clause_start, m.start - 16) : m.start]
        if not (_JOINED.search(before) or re.search(r"(?<![a-z])(?:cua|tai|theo)\s+(?:cac\s+)?$", before)):
            return False
    return True


def _quoted(text: str, at: int) -> bool:
    """Inside a quoted phrase on its line (“...” or "...")."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _paragraph_start(clauses: list[Clause], index: int) -> int | None:
    """Where the paragraph of clause ``index`` starts (its first clause's start)."""
    if not clauses:
        return None
    paragraph = clauses[index].paragraph
    while index > 0 and clauses[index - 1].paragraph == paragraph:
        index -= 1
    return clauses[index].start


def _acting_relation(phrase: str) -> str:
    table = _relation_of()
    return table.get(("before_cues", phrase)) or table[("after_cues", phrase)]


# ---------------------------------------------------------------------------- step 2: mentions


def find_mentions(text: str, folded: str | None = None) -> list[Mention]:
    """Every mention of a document, in text order, each with its relation."""
    folded = folded if folded is not None else fold_document(text)
    mentions = _symbol_mentions(text, folded) + _title_mentions(text, folded)
    mentions.sort(key=lambda m: m.start)
    mentions = [m for i, m in enumerate(mentions) if not (i and m.start < mentions[i - 1].end and m.kind == "title")]
    kept = []
    for m in mentions:
        opened = _in_site_note(text, m.start)
        if opened is None:
            line = text.rfind("\n", 0, m.start)
            if not (_NOTE_LINE.match(folded, line + 1, m.start) and _note_act(text, folded, line, m)):
                pass  # a plain mention; or the same note without its brackets ("Điều này bị bãi bỏ bởi ...")
            kept.append(m)
        elif _note_act(text, folded, opened, m):
            kept.append(m)  # the document the note says acts on this one; other names in notes are not this text's
    mentions = kept
    if mentions:
        _assign_relations(mentions, find_clauses(text, folded, [m.start for m in mentions]), folded, text)
    for m in mentions:
        if m.kind == "symbol" and m.doc_type in ("L", "PL"):
            name = _law_name(text, m.start)
            if name:  # the mention spans the law's name too: "Luật Đất đai số 31/2024/QH15"
                m.name = name
                at = text.rfind(name.split()[0], max(0, m.start - 400), m.start)
                if at != -1 and collapse(text[at : m.start]).startswith(name):
                    m.start, m.text = at, collapse(text[at : m.end])
    anaphors = _anaphor_mentions(text, folded, mentions)
    return sorted(mentions + anaphors, key=lambda m: m.start)


# a consolidation note: "[" ... a passive act "bởi" / "theo" ... "]" on one line
_NOTE_SPAN = re.compile(
    r"\[[^\[\]\n]{0,400}?(?:(?:được|bị|đã được)\s+(?:sửa đổi|bổ sung|bãi bỏ|thay thế|hướng dẫn|đính chính|hủy bỏ|quy định chi tiết)|hết hiệu lực)"
    r"[^\[\]\n]{0,60}?\s(?:bởi|theo)\s[^\[\]\n]*\]"
)


def blank_notes(text: str) -> str:
    """``text`` with each consolidation note a legal website inserts ("[Khoản này được sửa đổi
    bởi Khoản 11 Điều 1 Nghị định 59/2018/NĐ-CP ...]") turned into spaces, same length."""
    return blank_spans(text, note_spans(text))


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where the consolidation notes of ``text`` are (on one line each)."""
    if "[" not in text:
        return []
    return [m.span() for m in _NOTE_SPAN.finditer(text)]


_LAW_NAME = re.compile(r"(?:^|(?<=[\s(*]))(?:Bộ luật|Luật|Pháp lệnh)\s+[A-ZĐÀ-Ỹa-zđà-ỹ][^;:()\[\]\n“”\"]{1,150}$")


def _law_name(text: str, at: int) -> str | None:
    """The name written before a law's number: "Luật Đất đai số 31/2024/QH15" gives "Luật Đất
    đai", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 43/2024/QH15" the whole
    name; a list of names sharing one number ("Luật Đầu tư, Luật Đầu tư công ... số 90/2025/QH15")
    gives none."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[max(line_start, at - 200) : at].rstrip()
    before = re.sub(r"\s*(?:số|Số)\s*:?\s*$", "", before)
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind(")"), before.rfind("]"))
    before = before[cut + 1 :]
    first = re.search(r"(?:^|(?<=[\s(*]))(?:Bộ luật|Luật|Pháp lệnh)\s", before)
    if not first:
        return None
    if re.search(r"(?:sửa đổi|bổ sung)\s+(?:một số điều\s+)?của\s*$", before[: first.start()]):
        return None  # "(Luật sửa đổi,\n) bổ sung một số điều của Luật X số N": the amending law's number, a line cut its name
    name = collapse(before[first.start() :]).strip(" ,*")
    if re.search(r",\s*(?:Bộ luật|Luật|Pháp lệnh)\s|\svà\s+(?:Bộ luật|Luật|Pháp lệnh)\s", name) or len(name.split()) < 2:
        return None
    if re.search(r"\s(?:của|tại)\s+(?:Bộ luật|Luật|Pháp lệnh)\s", name):
        return None  # "Luật sửa đổi ... của Luật Đất đai số 31/2024/QH15": whose number it is, the text does not say
    if not (name.split()[1][:1].isupper() or fold(name).startswith(("luat sua doi", "bo luat sua doi"))):
        return None  # "luật" as a plain word
    if re.search(r"\b(?:năm|ngày)\s+\d|\d/", name) or len(name) > 150:
        return None
    return name


def _in_site_note(text: str, at: int) -> int | None:
    """Where the legal database's bracketed note ("[Điểm này được đính chính bởi Thông báo ...]")
    holding ``at`` opens; None outside one."""
    line_start = text.rfind("\n", 0, at) + 1
    opened = text.rfind("[", line_start, at)
    line_end = text.find("\n", at)
    line_end = len(text) if line_end == -1 else line_end
    return opened if opened != -1 and "]" not in text[opened:at] and "]" in text[at:line_end] else None


# "[Khoản này được sửa đổi bởi Khoản 11 Điều 1 Nghị định 59/2018/NĐ-CP có hiệu lực từ ngày ...]":
# the verb of a consolidation note, then the acting text's own part, right before its name
_NOTE_VERB = re.compile(
    r"(?P<verb>(?:da\s+)?duoc\s+(?:sua doi,?\s*bo sung|sua doi|bo sung|dinh chinh|huong dan(?: thi hanh)?|quy dinh chi tiet)|"
    r"bi\s+(?:bai bo|huy bo|thay the|dinh chi(?: thi hanh| hieu luc)?)|het hieu luc)"
    r"\s+(?:boi|theo(?:\s+quy dinh)?(?:\s+tai)?)\s+"
    r"(?P<part>(?:(?:diem|khoan|dieu|muc|chuong|phan|phu luc|mau)\s+[0-9a-zđ.]+\s*,?\s*(?:va\s+)?(?:cua\s+)?)*)$"
)
_NOTE_LINE = re.compile(r"[ \t*]*(?:ten\s+)?(?:dieu|khoan|diem|cum tu|tu|mau|phu luc|chuong|muc|noi dung)\s+(?:nay|\d+[a-z]?)\b[^\n]{0,40}?(?:duoc|bi)\s+[a-z ,]{0,30}?\s(?:boi|theo quy dinh tai)\s")
_NOTE_ACT = {"sua": "amended_by", "bo": "amended_by", "din": "amended_by", "huo": "guided_by", "quy": "guided_by",
             "bai": "repealed_by", "huy": "repealed_by", "the": "replaced_by", "het": "repealed_by"}
_NOTE_EFFECTIVE = re.compile(r"^\s*,?\s*(?:co hieu luc|hieu luc)(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s+(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})")
_STATEMENT_END = re.compile(r"co hieu luc(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s+[\d/.-]+(?:\s*\([^)]*\))?|\]")


def _note_act(text: str, folded: str, opened: int, mention: Mention) -> bool:
    """Whether a note names ``mention`` as the text that acts on this one ("Khoản này được sửa
    đổi bởi ..."); if so, its act (``amended_by`` ...) and the part of this document it touches
    (``scope``) are set on it. A note about another document ("... tại Thông tư 38/2015/TT-BTC
    nay được sửa đổi bởi ...") is not about this one."""
    before = folded[opened + 1 : mention.start]
    m = _NOTE_VERB.search(before)
    if not m:
        return False
    verb = " ".join(m.group("verb").split()).removeprefix("da ").split()
    if verb[:3] == ["duoc", "dinh", "chinh"]:
        return False  # a corrigendum (đính chính) corrects a clerical slip: no act on the rule, no reference
    key = verb[-1][:3] if verb[0] in ("bi", "het") else verb[1][:3]
    if verb[0] == "het":
        key = "het"
    elif verb[0] == "bi":
        key = {"bai": "bai", "huy": "huy", "tha": "the", "din": "bai"}[verb[1][:3]]
    act = _NOTE_ACT[key]
    # the subject: from the note's start or the end of the statement before, to the verb
    start = 0
    for end in _STATEMENT_END.finditer(before, 0, m.start()):
        start = end.end()
    subject_at = opened + 1 + start
    subject = text[subject_at : opened + 1 + m.start()].strip(" ,;")
    if CITED_RE.search(subject) or not subject:
        return False
    whole = re.fullmatch(r"(?:văn bản|nghị định|thông tư|quyết định|nghị quyết|luật)\s+này", subject.lower())
    if act in ("replaced_by", "repealed_by") and not whole:
        act = "amended_by" if act == "replaced_by" else act  # a phrase or an article replaced: amended
    mention.relation = "cites"
    mention.acts = [act]
    mention.note = True
    mention.scope = None if whole else _scope_here(text, opened, subject)
    eff = _NOTE_EFFECTIVE.match(folded, mention.end, mention.end + 80)
    if eff is None:  # the tail may have taken the words up to the date
        eff = re.search(r"(?:co hieu luc|hieu luc)(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s+(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})", folded[mention.start : mention.end + 80])
    if eff:
        d, mo, y = int(eff.group(1)), int(eff.group(2)), int(eff.group(3))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            mention.effective_date = f"{y:04d}-{mo:02d}-{d:02d}"
    return True


_ARTICLE_LINE = re.compile(r"^[ \t*#]*Điều\s+(\d+[a-zđ]?)\s*[.:]", re.M)
_CLAUSE_LINE = re.compile(r"^[ \t*]*(\d+)\.\s", re.M)
_POINT_LINE = re.compile(r"^[ \t*]*([a-zđ])\)\s", re.M)


def _scope_here(text: str, at: int, subject: str) -> str:
    """The part of this document a note stands in, in its words: "Khoản này" after clause 2 of
    Article 5 is "Khoản 2 Điều 5"; "Khoản 6, Khoản 7" there is "Khoản 6, Khoản 7 Điều 5"."""
    article = None
    for article in _ARTICLE_LINE.finditer(text, max(0, at - 60000), at):
        pass
    base = article.end() if article else 0
    clause = point = None
    for clause in _CLAUSE_LINE.finditer(text, base, at):
        pass
    for point in _POINT_LINE.finditer(text, clause.end() if clause else base, at):
        pass
    parts = {"dieu": f"Điều {article.group(1)}" if article else None,
             "khoan": f"Khoản {clause.group(1)}" if clause else None,
             "diem": f"Điểm {point.group(1)}" if point else None}
    low = fold(subject)
    if re.search(r"\b(?:khoan|diem|dieu|muc)\s+\d", low) and "nay" not in low.split():
        own = collapse(subject)
        return f"{own} {parts['dieu']}" if parts["dieu"] and "dieu" not in low else own
    if "diem nay" in low:
        chain = [parts["diem"], parts["khoan"], parts["dieu"]]
    elif "khoan nay" in low:
        chain = [parts["khoan"], parts["dieu"]]
    elif "dieu nay" in low:
        chain = [parts["dieu"]]
    else:  # a phrase, a form, an appendix: the smallest part around it
        chain = [parts["diem"], parts["khoan"], parts["dieu"]] if not re.search(r"\b(?:mau|phu luc|chuong|muc)\b", low) else []
        subject = collapse(subject)
        word = re.match(r"(?:cum tu|tu|mau|phu luc|chuong|muc|ten|tieu de|noi dung|vi du|bang|bieu mau)(?![a-z])", fold(subject))
        head = subject[: word.end()] if word else None
        inside = " ".join(p for p in chain if p)
        if not inside:
            return subject[:120]
        return f"{head} tại {inside}" if head else inside
    return " ".join(p for p in chain if p) or collapse(subject)


def _symbol_mentions(text: str, folded: str) -> list[Mention]:
    p = _patterns()
    found: list[Mention] = []
    previous_end = 0
    for m in CITED_RE.finditer(text):
        symbol = clean_symbol(m.group())
        window_start = max(previous_end, m.start() - 60)
        before = folded[window_start : m.start()]
        if not _looks_like_symbol(symbol, text, m.start(), explicit=bool(p["so_before"].search(before))):
            continue
        start, doc_type = m.start(), None
        named = p["name_before"].search(before)
        if named:
            start = window_start + named.start("name")
            doc_type = _names()[" ".join(named.group("name").split())]
        elif so := p["so_before"].search(before):
            start = window_start + so.start() + (0 if before[so.start()] == "s" else 1)
            doc_type = _list_head_type(folded, max(previous_end, m.start() - 250), m.start())
        elif not _standalone_ok(symbol):
            continue
        doc_type = _type_of(symbol, doc_type)
        end, date, year, issuer = _tail(text, folded, m.start() + symbol_length(m.group()))
        found.append(
            Mention(start=start, end=end, kind="symbol", doc_type=doc_type, symbol=symbol, date=date,
                    year=symbol_year(symbol) or year, issuer=issuer, text=collapse(text[start:end]))
        )
        previous_end = m.end()
    return found


def _looks_like_symbol(symbol: str, text: str, at: int, explicit: bool) -> bool:
    """A number with a lettered part; not a date, a unit ("đồng/bản") or an article number.
    One typed in lower case counts only after "số" and with a known code; every one follows
    the grammar of ``nlp/symbols.py``."""
    if not well_formed(symbol):
        return False
    if text[at:at + len(symbol) + 4].lower() == text[at:at + len(symbol) + 4] and not (explicit and (type_code(symbol) or issuer_code(symbol))):
        return False
    if not re.search(r"[A-ZĐ]{2,}|[A-ZĐ][a-zđ]?[A-ZĐ]|/[A-ZĐ]{1,2}$|[A-Z]{2}\d", symbol):
        return False
    if at and (text[at - 1].isalnum() or text[at - 1] in "/.-"):
        return False  # the middle of a longer token
    return True


def _standalone_ok(symbol: str) -> bool:
    """A symbol with no type name or "số" before it counts when it says what it is."""
    return bool(type_code(symbol) or re.search(r"/(?:19|20)\d{2}/|/TW$|-(?:TB|KL|NQ|CT|KH|QĐ)/", symbol))


def _list_head_type(folded: str, start: int, end: int) -> str | None:
    """The type named before a list ("các Nghị định của Chính phủ: số 101/..., số 102/...")."""
    last = None
    for m in _patterns()["plural_name"].finditer(folded, start, end):
        last = m
    return _names()[" ".join(last.group("name").split())] if last else None


def _type_of(symbol: str, named: str | None) -> str | None:
    coded = type_code(symbol)
    if named == "CV" and coded and coded != "CV":
        return coded  # "văn bản số 12/KH-UBND" is a plan
    if named:
        return named
    if coded == "L" and re.search(r"/QH\d+$", symbol):
        return "L"
    return coded


def _tail(text: str, folded: str, at: int) -> tuple[int, str | None, int | None, str | None]:
    """The date, year and issuer written after a document's number; where they stop."""
    p = _patterns()
    end, date, year, issuer = at, None, None, None
    window = folded[at : at + 80]
    m = p["date_after"].match(window)
    if m:
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            date, year = f"{y:04d}-{mo:02d}-{d:02d}", y
        end = at + m.end()
    else:
        m = p["year_after"].match(window)
        if m:
            year = int(m.group("y"))
            end = at + m.end()
    m = p["issuer_after"].match(folded, end, end + 200)
    if m:
        raw = folded[m.start("issuer") : m.end("issuer")]
        following = p["next_citation"].search(raw)
        raw = raw[: following.start()] if following else raw
        length = len(raw)
        for stop in p["issuer_stop"].finditer(raw):
            word = text[m.start("issuer") + stop.start() :].lstrip()[:1]
            if not word.isupper():  # "Tài chính" of a name folds like the stop "tại"
                length = stop.start()
                break
        if length > 2:
            words = text[m.start("issuer") : m.start("issuer") + length].split()
            if len(words) <= 14:
                issuer = " ".join(words).rstrip(".,")
                end = m.start("issuer") + length
    return end, date, year, issuer


# words that show a phrase runs on past a law's name ("Bộ luật Dân sự và văn bản hướng dẫn ... năm 2015")
_NOT_A_TITLE = re.compile(r"(?<![a-z])(?:van ban|quy dinh|huong dan|ap dung|tai|duoc|nay|nhu)(?![a-z])")


_LETTER = re.compile("[a-z]")  # in the folded text


def _title_mentions(text: str, folded: str) -> list[Mention]:
    """Laws named by title with a date or year: "Luật Đầu tư ngày 17 tháng 6 năm 2020"."""
    p = _patterns()
    found = []
    for m in starting_words(p["title"], folded, inside=_LETTER):
        if m.end() >= len(text) or not (text[m.end()].isupper() or folded.startswith("sua doi", m.end())):
            continue  # "luật" as a plain word; a law's name is capitalised
        limit = min(len(text), m.end() + 260)
        stop = re.search(r"[;:\n]\s*(?:\n|[-+]|căn cứ|Căn cứ)|;|\n\s*\n", text[m.end() : limit])
        limit = m.end() + stop.start() if stop else limit
        span = folded[m.end() : limit]
        when = re.search(r"\s*,?\s*(?:(?:duoc\s+)?(?:ban hanh|thong qua)\s+)?ngay\s*\d{1,2}\s*(?:thang|[/.-])\s*\d{1,2}\s*(?:nam|[/.-])\s*(?:19|20)\d{2}|\bnam\s+(?:19|20)\d{2}\b|\bso\s+\d", span)
        if not when or when.group().strip().startswith("so"):
            continue
        if "ngay" in when.group():
            title_end = m.end() + when.start()
        else:
            title_end = m.end() + when.end()
            close = text.find(")", title_end, title_end + 2)
            if text[m.start() : title_end].count("(") > text[m.start() : title_end].count(")") and close != -1:
                title_end = close + 1
        title = collapse(text[m.start() : title_end]).rstrip(" ,")
        if SYMBOL_RE.search(title) or len(title.split()) < 2 or _NOT_A_TITLE.search(fold(title)):
            continue
        end, date, year, issuer = _tail(text, folded, title_end)
        if year is None:
            year = int(re.search(r"(?:19|20)\d{2}", when.group()).group())
        found.append(
            Mention(start=m.start(), end=max(end, title_end), kind="title", doc_type=_names().get(" ".join(m.group("name").split()), "L"),
                    title=title, date=date, year=year, issuer=issuer, text=collapse(text[m.start() : max(end, title_end)]))
        )
    return found


def _anaphor_mentions(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """ "Kế hoạch nêu trên", "Quyết định này": short second mentions, resolved later."""
    found = []
    for m in _patterns()["anaphor"].finditer(folded):
        found.append(
            Mention(start=m.start(), end=m.end(), kind="anaphor", doc_type=_names()[" ".join(m.group("name").split())],
                    title=m.group("which"), text=text[m.start() : m.end()])
        )
    return found


def _assign_relations(mentions: list[Mention], clauses: list[Clause], folded: str, text: str | None = None) -> None:
    """The relation of each mention from the words of its clause.

    - A clause opened by "Căn cứ" or "Thực hiện" (or carrying one over a ";") gives its
      relation to every document it names, except those that only describe another one
      ("hướng dẫn ... của Nghị định số ..."): those are cited. Inside a list item the cue
      must stand right before the document ("- Thực hiện tốt ... theo Nghị định" cites it).
    - "Xét đề nghị ... tại Tờ trình số ..." answers the first document of its clause.
    - A verb this document acts with ("bãi bỏ", "thay thế", "sửa đổi") before a document,
      or "... hết hiệu lực" after it, holds when no other document stands before it in the
      clause and no one is only asked to propose it ("tham mưu sửa đổi Quyết định ...").
    - A list ("Bãi bỏ Quyết định A và Quyết định B") shares its first item's relation.
    """
    p = _patterns()
    starts = [c.start for c in clauses]
    previous: Mention | None = None
    previous_clause = -1
    for mention in mentions:
        if mention.note:
            continue  # a consolidation note's actor: its act is set, and it is this text's to cite only
        index = max(0, bisect.bisect_right(starts, mention.start) - 1)
        clause = clauses[index] if clauses else Clause(0, len(folded), None, 0, 0)
        first_in_clause = previous_clause != index
        described = bool(p["described"].search(folded, max(clause.start, mention.start - 16), mention.start))
        # "bãi bỏ Điều 5 của Quyết định ...": the part acted on, not a description
        part_of = described and bool(_PART_OF.search(folded, max(clause.start, mention.start - 40), mention.start))
        chosen = None
        if not first_in_clause and previous is not None and previous.relation != "cites" and p["list_gap"].fullmatch(folded, previous.end, mention.start):
            chosen = previous.relation
        if chosen is None and first_in_clause and (not described or part_of):
            chosen = _acting_before(folded, clause, mention, text, _paragraph_start(clauses, index))
            if chosen:
                chosen, mention.acts, mention.scope = chosen
        elif chosen is not None and previous is not None:
            mention.acts, mention.scope = list(previous.acts), None
        if (first_in_clause or mention.acts) and p["guides"].search(folded, clause.start, mention.start):
            gap = folded[p["guides"].search(folded, clause.start, mention.start).end() : mention.start]
            if len(gap.split()) <= 25 and "guides" not in mention.acts:
                mention.acts = [*(mention.acts or ([chosen] if chosen else [])), "guides"]
        cue = clause.cue or clause.carried
        if chosen is None and cue in _spreading() and not described:
            near = len(folded[clause.cue_end : mention.start].split()) <= 4
            if near or not clause.bullet or not clause.cue:
                chosen = cue
        if chosen is None and cue == "responds_to" and first_in_clause:
            if len(folded[clause.cue_end : mention.start].split()) <= 12:
                chosen = cue
        if chosen is None and first_in_clause and not described:
            near = p["implements_near"].search(folded, clause.start, mention.start)
            if near and not folded[max(0, near.start() - 12) : near.start()].rstrip().endswith(("huong dan", "quy dinh chi tiet")):
                chosen = "implements"  # "hướng dẫn thực hiện Nghị định ..." guides it
        joined = bool(_JOINED.search(folded, max(clause.start, mention.start - 12), mention.start))
        if chosen is None and (first_in_clause or joined):
            after = p["after_cue"].search(folded, mention.end, clause.end)
            if after and not re.search(r"\d/", folded[mention.end : after.start()]):
                chosen = _acting_relation(" ".join(after.group("cue").split()))
            elif after and _only_listed_or_described(mentions, mention, after.start(), folded, clause.start):
                # "Nghị định A ... và Nghị định B ... sửa đổi ... của Nghị định A hết hiệu lực": A and B
                chosen = _acting_relation(" ".join(after.group("cue").split()))
        if chosen is None and clause.intro and first_in_clause:
            chosen = clause.intro
            if chosen in ("replaces", "repeals") and text is not None:
                opening = _BULLET_OR_SPACE.match(folded, clause.start)
                scope = _scope_of(folded, opening.end() if opening else clause.start, mention.start, text)
                if scope:  # "- Mẫu ... tại Phụ lục ban hành kèm theo Nghị định số X bằng ...": a part of X
                    chosen, mention.acts, mention.scope = "amends", ["amends" if chosen == "replaces" else "repeals"], scope
        if text is not None and _quoted(text, mention.start):
            chosen, mention.acts, mention.scope = None, [], None  # named inside a quoted phrase: "bằng cụm từ “... Nghị định số X”"
        mention.relation = chosen or "cites"
        previous, previous_clause = mention, index


_PART_OF = re.compile(r"(?<![a-z])(?:(?:dieu|khoan|diem|muc|chuong|phu luc)\s+[0-9a-z.]+|mot so (?:dieu|noi dung|quy dinh)|mot phan)[\s*]+(?:cua|tai)\s+(?:cac\s+)?$")
_BULLET_OR_SPACE = re.compile(r"[\s*]*(?:(?:[-+•]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[ivx]+\.|dieu\s+\d+[a-z]?\s*[.:])[\s*]*)?")
_QUOTED = re.compile(r"[“\"][^”\"\n]{0,300}[”\"]")
_PARTS_ONLY = re.compile(r"(?:[\s,;.*]*(?:(?:cum tu|tu|diem|khoan|dieu|muc|chuong|phu luc|mau|tieu de|ten)\s*(?:so\s*)?[0-9a-z.]{0,6}|va|tai|cua|thuoc|cac)[\s,;.*]*)*")


def _acting_before(folded: str, clause: Clause, mention: Mention, text: str | None = None, paragraph_start: int | None = None) -> tuple[str, list[str], str | None] | None:
    """The relation a verb of this document's own gives the document after it."""
    p = _patterns()
    if (clause.cue or clause.carried) == "based_on":
        return None  # "Căn cứ Luật sửa đổi, bổ sung ... số 87/2025/QH15" rests on that law, it does not amend
    last = None
    for found in p["acting_anywhere"].finditer(folded, clause.start, mention.start):
        if text is None or _in_site_note(text, found.start()) is None:  # a note's "được đính chính" is not this text's act
            last = found
    if last is None and paragraph_start is not None and paragraph_start < clause.start:
        # "Bãi bỏ Điều 7; Điều 8; ... Điều 92 Nghị định số X": the verb opens the paragraph,
        # the parts it names run over ";" up to the document
        opening = _BULLET_OR_SPACE.match(folded, paragraph_start)
        last = p["acting_anywhere"].match(folded, opening.end() if opening else paragraph_start, clause.start)
        if last is not None:
            gap = _QUOTED.sub(" ", folded[last.end() : mention.start])
            names = _patterns()["plural_name"]
            tail = list(names.finditer(gap))
            if tail:
                gap = gap[: tail[-1].start("name")]
            if not _PARTS_ONLY.fullmatch(gap):
                return None
            relation = _acting_relation(" ".join(last.group("cue").split()))
            scope = _scope_of(folded, last.end(), mention.start, text)
            if relation == "repeals":
                return "amends", ["repeals"], scope
            if relation in ("amends", "replaces"):
                return "amends", ["amends"], scope
            return None
        return None
    if last is None or p["proposal"].search(folded, clause.start, last.start()):
        return None
    if _TITLE_OF_CITED.search(folded, max(clause.start, last.start() - 30), last.start()):
        return None  # "Luật sửa đổi, bổ sung ... của Luật Đất đai số ...": a cited title's words, not this text's act
    if p["passive"].search(folded, clause.start, mention.start):
        return None
    gap = folded[last.end() : mention.start]
    words = len(gap.split())
    relation = _acting_relation(" ".join(last.group("cue").split()))
    if relation in ("replaces", "amends") and _PURPOSE.search(gap):
        return None  # "kịp thời sửa đổi, bổ sung, thay thế để bảo đảm không trái với quy định của Luật ...": not on it
    scope = _scope_of(folded, last.end(), mention.start, text)
    if relation == "repeals":
        if words == 0 or ":" in gap:
            return relation, [], None
        if " ".join(last.group("cue").split()).startswith(("bai bo", "huy bo")) and words <= 20:
            # "bãi bỏ mục 5 tại Phụ lục kèm theo Quyết định ...": a part of it repealed, which amends it
            return "amends", ["repeals"], scope or "một phần"
        return None
    if relation == "replaces" and words <= 20:
        if scope:  # "thay thế cụm từ ... tại Điều 5 của Quyết định ...": a part replaced
            return "amends", ["amends"], scope
        return relation, [], None
    if relation == "amends":
        return (relation, [], scope) if words <= 20 else None
    return (relation, [], None) if words <= 6 else None


_SCOPE_WORDS = re.compile(r"(?<![a-z])(?:dieu|khoan|diem|cum tu|tu ngu|phu luc|mau|muc|chuong|noi dung|bieu mau|danh muc|mot so|mot phan|tieu de|ten)(?![a-z])")
_SCOPE_TAIL = re.compile(r"[\s,;:]*(?:(?:ban hanh\s+)?kem theo|cua|tai|trong|quy dinh tai|thuoc)?[\s,;:]*(?:cac\s+)?$")


def _scope_of(folded: str, start: int, end: int, text: str | None = None) -> str | None:
    """The part of a document an act names before it ("Điều 5 của", "khoản 2 Điều 3 tại"),
    as written (``text``; the folded words without it), kept short; None when the act is on
    the whole document."""
    gap = folded[start:end]
    if not _SCOPE_WORDS.search(gap):
        return None
    cut = len(gap)
    last = None
    for last in _patterns()["plural_name"].finditer(gap):
        pass
    if last is not None and not re.sub(r"\bso\b", "", gap[last.end():]).strip(" .:*"):
        cut = last.start("name")  # the cited document's own type name
    tail = _SCOPE_TAIL.search(gap, 0, cut)
    cut = tail.start() if tail else cut
    lead = len(gap) - len(gap.lstrip(" ,;:-*"))
    words = (text or folded)[start + lead : start + cut]
    return collapse(words).strip(" ,;:-*")[:300] or None


# ---------------------------------------------------------------------------- step 3: resolve

_PROVINCIAL = re.compile(
    r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chu tich ubnd|chu tich uy ban nhan dan|tinh uy|thanh uy|so [a-z ,]+|ban thuong vu tinh uy)\s+(?:tinh|thanh pho)$"
)


_CHANGES = ("amends", "replaces", "repeals")


def resolve(mentions: list[Mention], own_symbol: str | None = None, own_issuer: str | None = None) -> list[Reference]:
    """One reference per distinct document, in order of first mention; not the document itself."""
    own = symbol_key(own_symbol) if own_symbol else None
    locality = _locality(own_issuer)
    refs: dict[str, Reference] = {}
    last_of_type: dict[str, Reference] = {}
    for m in mentions:
        if m.kind == "anaphor":
            target = last_of_type.get(m.doc_type) if m.title != "nay" else None
            if target is not None:
                target.mentions.append((m.start, m.end))
            continue
        if m.kind == "symbol" and own and symbol_key(m.symbol) == own:
            continue
        issuer = _with_locality(m.issuer, locality)
        issuer_from = "text" if issuer else None
        if issuer is None and m.kind == "symbol":
            issuer = _issuer_from_symbol(m.symbol, locality)
            issuer_from = "symbol" if issuer else None
        key = symbol_key(m.symbol) if m.symbol else "title:" + fold(m.title)
        ref = refs.get(key)
        if ref is None:
            ref = refs[key] = Reference(
                symbol=m.symbol, doc_type=m.doc_type, date=m.date, issuer=issuer, relation=m.relation,
                text=m.text, start=m.start, end=m.end, title=m.title, year=m.year, mentions=[(m.start, m.end)],
                issuer_from=issuer_from, notes_only=m.note, name=m.name,
            )
        else:  # the first mention says how this document relates to it, unless a later one changes it
            ref.mentions.append((m.start, m.end))
            if ref.notes_only and not m.note:
                ref.relation, ref.notes_only = m.relation, False  # the text's own words, not a note's
            elif m.relation in _CHANGES and ref.relation not in _CHANGES:
                ref.relation = m.relation
            ref.date = ref.date or m.date
            ref.year = ref.year or m.year
            ref.name = ref.name or m.name
            if ref.issuer_from != "text" and issuer_from == "text":
                ref.issuer, ref.issuer_from = issuer, issuer_from
            ref.issuer = ref.issuer or issuer
            ref.doc_type = ref.doc_type or m.doc_type
        for act in m.acts or [m.relation]:
            if act not in ref.relations:
                ref.relations.append(act)
            detail = {"act": act, "scope": m.scope, "effective_date": m.effective_date}
            if act != "cites" and not any(d["act"] == act and d["scope"] == m.scope for d in ref.acts):
                ref.acts.append(detail)
        if m.scope and (act_scope := f"{m.scope}") not in (ref.scope or "").split("; "):
            ref.scope = f"{ref.scope}; {act_scope}" if ref.scope else act_scope
        ref.effective_date = ref.effective_date or m.effective_date
        if ref.doc_type and not m.note:
            last_of_type[ref.doc_type] = ref
    for ref in refs.values():
        if len(ref.relations) > 1 and "cites" in ref.relations:
            ref.relations.remove("cites")  # "cites" says only that nothing else is stated
    return list(refs.values())


def _locality(issuer: str | None) -> tuple[str, str] | None:
    """ "Sở Công Thương tỉnh Quảng Ngãi" gives ("tỉnh", "Quảng Ngãi")."""
    if not issuer:
        return None
    m = re.search(r"\b(tỉnh|thành phố|Tỉnh|Thành phố)\s+(.+)$", issuer)
    return (m.group(1).lower(), m.group(2).strip()) if m else None


def _with_locality(issuer: str | None, locality: tuple[str, str] | None) -> str | None:
    """ "của UBND tỉnh" in a Quảng Ngãi document is "UBND tỉnh Quảng Ngãi"."""
    if issuer and locality and _PROVINCIAL.search(fold(issuer)):
        return f"{issuer} {locality[1]}"
    return issuer


def _issuer_from_symbol(symbol: str | None, locality: tuple[str, str] | None) -> str | None:
    """ "88/TTr-SNNMT" cited by a Đắk Lắk decision: Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk."""
    known = issuer_code(symbol) if symbol else None
    if not known:
        return None
    if known["level"] == "central":
        return known["name"]
    if not locality:
        return None
    if known["level"] == "party":
        return f"{known['name']} {locality[1]}"
    return f"{known['name']} {locality[0]} {locality[1]}"


# The act a title states on the documents it names: "Nghị định sửa đổi, bổ sung một số điều của
# Nghị định X", "Quyết định bãi bỏ Quyết định X", "... thay thế ...", "Thông tư hướng dẫn ...".
_TITLE_ACT = re.compile(
    r"(?<![a-z])(?P<verb>sua doi,?\s*bo sung|sua doi|bo sung|dinh chinh|bai bo|huy bo|thay the|"
    r"quy dinh chi tiet(?:\s+va\s+huong dan(?:\s+thi hanh)?)?(?:\s+va\s+bien phap thi hanh)?|huong dan(?:\s+thi hanh|\s+thuc hien|\s+chi tiet)?)(?![a-z])"
)
_TITLE_RELATION = {"sua": "amends", "bo ": "amends", "din": "amends", "bai": "repeals", "huy": "repeals", "tha": "replaces",
                   "quy": "guides", "huo": "guides"}


def title_acts(subject: str | None, refs: list[Reference]) -> dict[str, tuple[str, str | None] | None]:
    """The act the title (trích yếu) states on each document it names, by reference key, with
    its scope ("một số điều"). Only a verb that is the title's own counts: one before the first
    document named, or after a comma or "và" ("..., thay thế Quyết định ..."); "Nghị định X
    ... quy định chi tiết Luật Y" describes X. Documents listed after one share its act."""
    if not subject:
        return {}
    folded = fold(subject)
    found = []
    for ref in refs:
        if ref.symbol:
            key = fold(ref.symbol)
            at = folded.find(key)
            if at == -1 or (at and (folded[at - 1].isalnum() or folded[at - 1] in "/.-")):
                continue
        else:
            key = fold(ref.title or "")
            at = folded.find(key) if len(key) > 6 else -1
        if at != -1:
            found.append((at, at + len(key), ref))
    found.sort(key=lambda f: f[0])
    acts: dict[str, tuple[str, str | None] | None] = {}
    previous_end, previous_act = 0, None
    for at, end, ref in found:
        gap = folded[previous_end:at]
        verbs = list(_TITLE_ACT.finditer(gap))
        act = None
        if verbs:
            verb = verbs[-1]
            own = previous_end == 0 or re.search(r"(?:[,;(]|\bva|\bdong thoi)\s*$", gap[: verb.start()])
            if own and len(gap[verb.end():].split()) <= 25:
                relation = _TITLE_RELATION[verb.group("verb")[:3]]
                scope = _scope_of(folded, previous_end + verb.end(), at, subject)
                act = (relation, scope)
        elif previous_act and re.search(r"(?:,|;|\bva\b|\bhoac\b)", gap) and len(gap.split()) <= 30:
            act = previous_act
        acts[ref.key] = act
        previous_end, previous_act = end, act
    return acts


def _apply_title_acts(refs: list[Reference], subject: str | None) -> None:
    """The title's act is what this document does to the one it names: it decides ``relation``
    (a document named in a Căn cứ line stays ``based_on``: "Căn cứ Luật sửa đổi ..." does not
    amend) and joins ``relations``."""
    stated = title_acts(subject, refs)
    for ref in refs:
        act = stated.get(ref.key)
        if ref.key in stated and "based_on" in ref.relations and ref.relation in ("cites", "implements"):
            ref.relation = "based_on"  # "Hướng dẫn thi hành Nghị định X", then "Căn cứ Nghị định X": it rests on X
        if not act:
            continue
        relation, scope = act
        if relation == "repeals" and scope:  # part of it repealed: amended, and partly repealed
            relation, acts = "amends", ["repeals"]
        else:
            acts = [relation]
        if relation in _CHANGES and ref.relation != "based_on":
            ref.relation = relation
        for a in acts:
            if a not in ref.relations:
                ref.relations.append(a)
            if not any(d["act"] == a and d["scope"] == scope for d in ref.acts):
                ref.acts.append({"act": a, "scope": scope, "effective_date": None})
        if "cites" in ref.relations and len(ref.relations) > 1:
            ref.relations.remove("cites")
        if scope and scope not in (ref.scope or "").split("; "):
            ref.scope = f"{ref.scope}; {scope}" if ref.scope else scope


def extract_references(
    text: str, own_symbol: str | None = None, own_issuer: str | None = None, own_number: tuple[int, int] | None = None,
    subject: str | None = None,
) -> list[Reference]:
    """All three steps. ``own_number``: the span of the document's own "Số: ...", which
    names the document itself even where OCR garbled the number ("Số:4B /QĐ-XPHC");
    ``subject``: the document's title, whose act decides the relation to what it names."""
    mentions = find_mentions(text)
    if own_number:
        mentions = [m for m in mentions if not own_number[0] <= m.start < own_number[1]]
    refs = resolve(mentions, own_symbol, own_issuer)
    _apply_title_acts(refs, subject)
    return refs
