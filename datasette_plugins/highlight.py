"""A document's text with its references and tasks marked, rendered by spaCy's displaCy from
the stored offsets (``manual=True``: no model runs). displaCy escapes the text; what this
module adds to its template (links, titles) is built from integers and escaped strings.

displaCy's entity style takes spans that do not overlap, and a task (a whole item) often
holds a reference: the references are kept whole and each task is cut around them (and at
line ends, so lines stay lines); only a task's last piece carries its label.
"""
from __future__ import annotations

import html
import warnings

from spacy import displacy

from .document_data import RELATION_LABELS

# One template for every mark; {tag} and {attrs} come from ``_mark`` below, never from the text.
TEMPLATE = '<{tag} class="dx dx-{kind}"{attrs}>{head}{text}{tail}</{tag}>'


def _attr(name: str, value: str) -> str:
    return f' {name}="{html.escape(value, quote=True)}"'


def spans(text: str, references: list[dict], tasks: list[dict], url_for) -> list[dict]:
    """displaCy's manual spans: references (links to the cited document) and task pieces."""
    n = len(text)
    refs, taken = [], []
    for ref in sorted(references, key=lambda r: (r.get("start") or 0)):
        start, end = ref.get("start"), ref.get("end")
        if start is None or end is None or not (0 <= start < end <= n):
            continue
        if taken and start < taken[-1][1]:
            continue  # two links on one mention: the first wins
        taken.append((start, end))
        label = RELATION_LABELS.get(ref["relation"], ref["relation"])
        title = f"{label}: {ref.get('symbol') or ''}{' (chưa có trong CSDL)' if ref.get('placeholder') else ''}"
        refs.append({
            "start": start, "end": end, "label": label,
            "params": {"tag": "a", "kind": "ref" + (" dx-missing" if ref.get("placeholder") else ""),
                       "attrs": _attr("href", url_for(int(ref["target_id"]))) + _attr("title", title),
                       "head": "", "tail": f'<span class="dx-label">{html.escape(label)}</span>'},
        })
    # tasks sharing a span (one closing article for three units) are one mark
    merged: list[list] = []
    for task in sorted(tasks, key=lambda t: (t.get("start") or 0, t.get("end") or 0)):
        start, end = task.get("start"), task.get("end")
        if start is None or end is None or not (0 <= start < end <= n):
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(task)
        else:
            merged.append([start, end, [task]])
    pieces = []
    for start, end, group in merged:
        units = "; ".join(dict.fromkeys(t.get("unit") or t.get("assignee") or "" for t in group))
        due = next((t.get("deadline_text") or t.get("deadline") for t in group if t.get("deadline_text") or t.get("deadline")), None)
        title = f"Nhiệm vụ: {units}" + (f" — thời hạn: {due}" if due else "")
        overdue = any(t.get("overdue") for t in group)
        cut = list(_cut(text, start, end, taken))
        for n, (a, b) in enumerate(cut):
            first, last = n == 0, n == len(cut) - 1
            attrs = _attr("title", title) + (_attr("id", f"text-task-{int(group[0]['id'])}") if first else "")
            # the other tasks of the same words get their anchors too (the task table links to each)
            head = "".join(f'<span id="text-task-{int(t["id"])}"></span>' for t in group[1:]) if first else ""
            kind = "task" + (" dx-overdue" if overdue else "")
            # the label closes the task's words: after a heading line it would cut the task in two
            pieces.append({
                "start": a, "end": b, "label": "nhiệm vụ",
                "params": {"tag": "mark", "kind": kind, "attrs": attrs, "head": head,
                           "tail": '<span class="dx-label">nhiệm vụ</span>' if last else ""},
            })
    return sorted(refs + pieces, key=lambda s: s["start"])


def _cut(text: str, start: int, end: int, taken: list[tuple[int, int]]):
    """The parts of [start, end) outside the references, split at line ends, without blanks."""
    parts, at = [], start
    for a, b in taken:
        if b <= at or a >= end:
            continue
        parts.append((at, max(at, a)))
        at = max(at, b)
    parts.append((at, end))
    for a, b in parts:
        line_start = a
        while line_start < b:
            line_end = text.find("\n", line_start, b)
            line_end = b if line_end < 0 else line_end
            s, e = line_start, line_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                yield s, e
            line_start = line_end + 1


def render(text: str, references: list[dict], tasks: list[dict], url_for) -> str:
    """The text as HTML with its marks (displaCy escapes every piece of the text)."""
    marks = spans(text, references, tasks, url_for)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # displaCy warns when a text has no marks
        return displacy.render(
            {"text": text, "ents": marks, "title": None},
            style="ent", manual=True, page=False, jupyter=False,
            options={"template": TEMPLATE},
        )
