"""The extractor as a spaCy pipeline component, for Vietnamese NLP users' own pipelines.

After ``pip install directives`` the factory is found through the ``spacy_factories`` entry
point::

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})  # or "xx"
    nlp.add_pipe("directives")
    doc = nlp(text)
    doc._.directive                    # the record: symbol, doc_type, ..., references, tasks, recipients
    doc.spans["references"]            # each cited document, labelled with its relation ("based_on" ...)
    doc.spans["tasks"]                 # each duty's item, labelled with its assignee
    doc.spans["units"]                 # the units named in the duties: "assignee" or "coordinator"

``nlp.add_pipe("directives", config={"tagger": False})`` leaves underthesea's tagger out (as the
batch path does): faster, one unit in a few hundred less.

The record's offsets are in the normalised text the extractor reads; they are mapped back to
``doc.text`` by aligning the letters and digits of both (white space, line breaks and the
page around the document may differ), and spans are cut with ``alignment_mode="expand"``.
Only this module imports spaCy: the batch path (``directives extract``/``ingest``) never does.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import extract_text
from .normalize import fold
from .subjects import use_tagger


@Language.factory("directives", default_config={"tagger": True})
def make_directives(nlp: Language, name: str, tagger: bool) -> "DirectivesComponent":
    """``tagger``: let underthesea's tagger find where a subject outside the unit grammar ends
    (``nlp/subjects.py``); the batch path leaves it off for speed."""
    return DirectivesComponent(name, tagger)


class DirectivesComponent:
    """Sets ``doc._.directive`` and the span groups "references", "tasks" and "units"."""

    def __init__(self, name: str = "directives", tagger: bool = True):
        self.name = name
        self.tagger = tagger
        if not Doc.has_extension("directive"):
            Doc.set_extension("directive", default=None)

    def __call__(self, doc: Doc) -> Doc:
        previous = use_tagger(self.tagger)
        try:
            fields = extract_text(doc.text)
        finally:
            use_tagger(previous)
        record = asdict(fields)
        body = record.pop("text")
        record.pop("symbol_codes", None)
        doc._.directive = record
        to_doc = _Alignment(body, doc.text)
        references, tasks, units = [], [], []
        for ref in record["references"]:
            span = to_doc.span(doc, ref.get("start"), ref.get("end"), ref.get("relation") or "cites")
            if span is not None:
                references.append(span)
        for task in record["tasks"]:
            span = to_doc.span(doc, task["start"], task["end"], task["assignee"])
            if span is None:
                continue
            tasks.append(span)
            names = [(task["assignee"], "assignee")] + [(c, "coordinator") for c in task["coordinators"]]
            for name, label in names:
                at = body.find(name, task["start"], task["end"]) if name else -1
                unit = to_doc.span(doc, at, at + len(name), label) if at >= 0 else None
                if unit is not None and not any(u.start == unit.start and u.end == unit.end and u.label_ == label for u in units):
                    units.append(unit)
        doc.spans["references"] = references
        doc.spans["tasks"] = tasks
        doc.spans["units"] = units
        return doc


class _Alignment:
    """Maps offsets of the extractor's normalised body text to offsets of the original text.

    Both are folded (marks off, lower case: "Uỷ"/"Ủy" and NFD/NFC agree) and only their letters
    and digits compared, walking both at once; where they part (a dropped cell marker, an
    invisible character), the walk finds its place again a little further on."""

    _RESYNC = 12  # letters that must agree to take up the walk again
    _LOOKAHEAD = 400

    def __init__(self, body: str, text: str):
        a = [(i, c) for i, c in enumerate(fold(body)) if c.isalnum()]
        b = [(i, c) for i, c in enumerate(_fold_each(text)) if c.isalnum()]
        a_chars = "".join(c for _, c in a)
        b_chars = "".join(c for _, c in b)
        self.body_at: list[int] = []
        self.text_at: list[int] = []
        j = b_chars.find(a_chars[:40]) if a_chars else -1
        j = max(j, 0)
        i = 0
        while i < len(a) and j < len(b):
            if a_chars[i] == b_chars[j]:
                self.body_at.append(a[i][0])
                self.text_at.append(b[j][0])
                i += 1
                j += 1
                continue
            found = b_chars.find(a_chars[i : i + self._RESYNC], j, j + self._LOOKAHEAD)
            if found >= 0:
                j = found
            else:
                i += 1  # a letter of the body the text lacks

    def offset(self, at: int, end: bool = False) -> int | None:
        """The text offset of body offset ``at`` (of the last letter before it when ``end``)."""
        if not self.body_at:
            return None
        if end:
            k = bisect_left(self.body_at, at) - 1
            return self.text_at[k] + 1 if k >= 0 else None
        k = bisect_left(self.body_at, at)
        return self.text_at[k] if k < len(self.body_at) else None

    def span(self, doc: Doc, start: int | None, end: int | None, label: str) -> Span | None:
        if start is None or end is None or end <= start:
            return None
        a, b = self.offset(start), self.offset(end, end=True)
        if a is None or b is None or b <= a:
            return None
        return doc.char_span(a, b, label=label, alignment_mode="expand")


def _fold_each(text: str) -> str:
    """:func:`fold` one character at a time, so each keeps its place even where the text is
    decomposed (a mark folds to nothing and is then not a letter)."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold(c) or " ")[:1] for c in text)
