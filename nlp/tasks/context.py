"""A document's state as every step reads it, found once per document.

:class:`Context` holds the body's text (as cut at its end marks, flattened to one line and
folded), its items, and the cues that several steps ask for by span (closing articles, "chủ
trì / có trách nhiệm", blank lines, table-row labels): the readers of items and of sentences
take it whole instead of eight or nine arguments. :class:`Matches` finds a pattern once over the
document and answers by span; :func:`sentences` cuts running text into sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..items import Item, blanked_boundaries, find_items
from ..normalize import fold_blanked
from ..tables import starting_words


# Matched on the folded text, so OCR's misplaced marks ("Quyêt định") do not hide it. The
# convention, not one wording: "<units> chịu/có trách nhiệm (tổ chức) (triển khai) thi hành /
# thực hiện / chấp hành <this document>", "<units> tổ chức thực hiện <this document>", and
# "<units> căn cứ Quyết định (này) thi hành / thực hiện" (a closing many provinces write).
_THIS = (
    r"(?:quyet\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+dinh|chi\s+thi|nghi\s+quyet|ke\s+hoach|quy\s+che"
    r"|quy\s+dinh|luat|cong\s+dien)"
)
CLOSING = re.compile(
    r"(?P<cue>(?:(?:chiu|co)\s+trach\s+nhiem\s+(?:to\s+chuc\s+)?(?:trien\s+khai\s+)?"
    r"(?:thi\s+hanh|thuc\s+hien|chap\s+hanh(?:\s+va\s+thuc\s+hien)?)|to\s+chuc\s+(?:trien\s+khai\s+)?thuc\s+hien)"
    rf"\s+{_THIS}\s+nay"
    # (its verb ends the clause: "Căn cứ Luật Thực hiện dân chủ ..." is a preamble)
    r"|can\s+cu\s+(?:quyet\s+dinh|nghi\s+quyet|chi\s+thi|ke\s+hoach)(?:\s+nay)?\s+(?:de\s+)?(?:thi\s+hanh|thuc\s+hien)(?=\s*(?:[./;]|$)))"
)


class Matches:
    """The matches of one pattern over a whole document, found once and then asked for by
    span: searching every sentence and item again cost a fifth of the tasks step."""

    def __init__(self, matches):
        self.matches = list(matches)
        self.starts = [m.start() for m in self.matches]

    def within(self, start: int, end: int) -> list[re.Match]:
        """The matches lying wholly between ``start`` and ``end``."""
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.matches) and self.starts[i] < end:
            if self.matches[i].end() <= end:
                found.append(self.matches[i])
            i += 1
        return found

    def first(self, start: int, end: int) -> re.Match | None:
        found = self.within(start, end)
        return found[0] if found else None


# Matched on the folded text (so "Co quan chu tri:" typed without marks counts too).
# The label's meaning, not its exact words: "Cơ quan chủ trì, tham mưu:", "Đơn vị thực hiện chính:",
# "Cơ quan chủ trì thực hiện:", "**Cơ quan chủ trì**:" (emphasis inside), a line break inside it.
LABEL = re.compile(
    r"(?:[*_]+\s*)?(?P<label>(?:co\s+quan|don\s+vi)\s+(?:chu\s+tri|thuc\s+hien|phoi\s+hop)|thoi\s+gian[\s-]+(?:thuc\s+hien|hoan\s+thanh)"
    r"|(?<=[-+•]\s)(?:chu\s+tri|phoi\s+hop)\s+thuc\s+hien)"  # the role alone, opening a bullet: "- Chủ trì thực hiện: Sở Nội vụ"
    # the role's qualifiers, one or more, in any order: "Đơn vị chủ trì tham mưu thực hiện:",
    # "Cơ quan chủ trì, tham mưu:", "Cơ quan thực hiện chính:"
    # (a letter OCR glued to one, "phối hợp lthực hiện", from a stroke of the scan)
    r"(?:(?:\s*,\s*|\s+)(?:chinh|[a-z]?thuc\s+hien|tham\s+muu|trien\s+khai)){0,3}[\s*_]*:[\s*_]*"
)
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# at a word's start (starting_words); "chủ động", "khẩn trương", "là đầu mối" are weaker: they
# make a duty only of the subject that opens its clause ("Sở Y tế chủ động ...", not "để Nhân dân chủ động")
LEAD_CUE = re.compile(r"(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|chủ\s+động|khẩn\s+trương|là\s+đầu\s+mối)(?![\wÀ-ỹ])(?!\s*:)")
# the texts that assign work (a chỉ thị, a công điện, a kế hoạch, a thông báo kết luận), not
# legal texts: a unit that opens a sentence with a duty verb is given the duty
# (``from_sentences.subject_duty``)
ASSIGNING_TYPES = frozenset({"CT", "CĐ", "KH", "TB"})
WEAK_CUE = ("chủ", "khẩn", "là")  # how the weaker cues start ("chủ trì" is told apart by its second word)
SENTENCE_CUT = re.compile(r"[.:!?]\s+(?=[A-ZĐÀ-Ỹ(\-+•\d]|[a-zđ]\)\s)")  # "... chính xác. b) Cơ quan ..."


def sentences(flat: str, start: int, end: int, text: str | None = None, cuts: list[int] | None = None):
    """Sentences of running text: split at ". " or ": " before a capital (";" keeps the list
    of a closing article together), and at ``cuts``."""
    at = start
    splits = [(m.start() + 1, m.end()) for m in SENTENCE_CUT.finditer(flat, start, end)]
    if cuts:
        splits = sorted(splits + [(c, c) for c in cuts[bisect_left(cuts, start) : bisect_left(cuts, end)]])
    for cut, after in splits:
        if cut < at:
            continue
        if flat[cut - 1] == ":" and text is not None and after > cut and "\n" not in text[cut:after]:
            continue  # "Giám đốc các Sở: Tài chính, ...": a colon inside a line opens a list
        if flat[at:cut].strip():
            yield at, cut
        at = after
    if at < end and flat[at:end].strip():
        yield at, end


@dataclass
class Context:
    """One document's body between ``start`` and ``end``, and what is found in it once."""

    text: str  # the text, cut where a "./.", a Nơi nhận or an appendix ends the body (``items.boundaries``)
    flat: str  # the same, one line: offsets agree with ``text``
    folded: str  # the same, folded (no marks, lower case): OCR's misplaced marks hide nothing
    start: int
    end: int
    cuts: list[int]  # where the body's parts end
    issued_date: str | None  # the document's date, for deadlines written as words
    items: list[Item]
    starts: list[int]  # each item's start, for bisect
    closings: Matches  # "chịu trách nhiệm thi hành Quyết định này", on the folded text
    cues: Matches  # "chủ trì", "có/chịu trách nhiệm" at a word's start
    responsible: Matches  # those of ``cues`` that say "có/chịu trách nhiệm"
    blank_lines: list[re.Match]  # where a name stops, where a subject starts
    blanks: list[int]  # where each blank line starts
    paragraphs: list[int]  # where each blank line ends
    labels: list[re.Match]  # table-row labels ("Cơ quan chủ trì:"), on the folded text
    label_starts: list[int]
    doc_type: str | None = None  # "CT", "CĐ", "KH" ...: what kind of text gives the duties

    @classmethod
    def read(cls, text: str, start: int, end: int, issued_date: str | None, doc_type: str | None = None) -> Context:
        original = text
        text, cuts, blanked = blanked_boundaries(text, start, end)
        flat = text.replace("\n", " ")
        folded = fold_blanked(original, text, blanked).replace("\n", " ")  # the document's fold, blanked alike
        items = find_items(text, start, end, cuts)
        closings = Matches(CLOSING.finditer(folded, start, end))  # once, not per sentence
        cues = Matches(starting_words(LEAD_CUE, flat, start, end))
        blank_lines = list(PARAGRAPH.finditer(text, start, end))  # once: where a name stops, where a subject starts
        labels = list(LABEL.finditer(folded, start, end))  # once, not per item
        return cls(
            text=text,
            flat=flat,
            folded=folded,
            start=start,
            end=end,
            cuts=cuts,
            issued_date=issued_date,
            items=items,
            starts=[item.start for item in items],
            closings=closings,
            cues=cues,
            responsible=Matches(m for m in cues.matches if "trách" in m.group()),  # "có/chịu trách nhiệm"
            blank_lines=blank_lines,
            blanks=[m.start() for m in blank_lines],
            paragraphs=[m.end() for m in blank_lines],  # where a blank line ends
            labels=labels,
            label_starts=[m.start() for m in labels],
            doc_type=doc_type,
        )

    def item_at(self, offset: int) -> Item | None:
        """The innermost item at ``offset``: items end where the next one starts, so it is the
        last item starting at or before it."""
        i = bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.items[i].end:
            return None
        return self.items[i]

    def section_at(self, offset: int) -> str | None:
        """The path of the innermost item at ``offset``."""
        item = self.item_at(offset)
        return item.path or None if item else None
