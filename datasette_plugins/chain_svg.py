"""The chain as a picture: Graphviz ``dot`` lays out the documents in layers (what a document
rests on above it, what carries it out below) and draws SVG on the server, so nothing loads
in the browser. Every label is data: it is escaped for Graphviz's HTML-like labels (an XML
parser) and Graphviz escapes it again in the SVG. Without ``dot`` (or when it fails or takes
too long) the page shows the chain as a list instead, saying why.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from functools import lru_cache

from ..nlp import vietnamese as vn
from .document_data import RELATION_LABELS

DOT_TIMEOUT = 10  # seconds: a layout of a hundred boxes takes well under one
FONT = "DejaVu Sans"  # installed with Tesseract by scripts/system-packages; the page's CSS names it too
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORDS = {"Ủy ban nhân dân": "UBND", "Uỷ ban nhân dân": "UBND", "Hội đồng nhân dân": "HĐND"}


class GraphError(Exception):
    """dot is missing, failed or took too long: the reason, for the page."""


def _clean(text: str | None) -> str:
    """Control characters out; backslashes drawn as "⧵": Graphviz reads \\N, \\G ... as the node's
    or graph's name in labels and tooltips, HTML-like ones and entities included."""
    return _CONTROL.sub(" ", text or "").replace("\\", "\u29f5").strip()


def _label_text(text: str | None) -> str:
    """For an HTML-like label: Graphviz reads it as XML."""
    return html.escape(_clean(text), quote=True)


def _dot_string(text: str) -> str:
    """A quoted DOT string: no backslash in it at all (quotes as &quot;, which Graphviz keeps
    as an entity in the SVG)."""
    return '"' + _clean(text).replace("&", "&amp;").replace('"', "&quot;").replace("\n", " ") + '"'


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """At most ``lines`` lines of about ``width`` characters, an ellipsis where text is cut."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
            if len(out) == lines:
                out[-1] = out[-1][: width - 1].rstrip() + "…"
                return out
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line if len(line) <= width else line[: width - 1] + "…")
    return out


def _short(issuer: str | None) -> str:
    issuer = _clean(issuer)
    for long, short in _WORDS.items():
        issuer = issuer.replace(long, short)
    return issuer


def display_date(iso: str | None) -> str:
    if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
    return iso or ""


def node_label(node: dict) -> str:
    head = node.get("symbol") or _wrap(_clean(node.get("subject")), 38, 1)[:1] or ["(không số)"]
    head = head if isinstance(head, str) else head[0]
    kind = " · ".join(filter(None, [node.get("doc_type_name"), display_date(node.get("issued_date"))]))
    rows = [f'<B>{_label_text(head)}</B>']
    if kind:
        rows.append(_label_text(kind))
    for line in _wrap(_short(node.get("issuer")), 36, 1):
        rows.append(f'<FONT COLOR="#475569">{_label_text(line)}</FONT>')
    if node.get("status") in ENDED:  # replaced, repealed: drawn as such
        rows.append(f'<FONT COLOR="#b91c1c"><B>{_label_text(node["status"])}</B></FONT>')
    if node.get("placeholder"):
        n = node.get("cited_by_count", 0)
        rows.append(f'<FONT COLOR="#9a3412"><I>chưa có trong CSDL · {n} văn bản dẫn</I></FONT>')
    else:
        for line in _wrap(_clean(node.get("subject")), 38, 2):
            rows.append(f'<FONT POINT-SIZE="9" COLOR="#334155">{_label_text(line)}</FONT>')
    cells = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">{cells}</TABLE>>'


ENDED = ("hết hiệu lực toàn bộ", "hết hiệu lực một phần")  # db/status.py's EXPIRED, PARTLY


def node_tooltip(node: dict) -> str:
    parts = [node.get("symbol") or "", node.get("doc_type_name") or "", display_date(node.get("issued_date")), node.get("issuer") or ""]
    if node.get("placeholder"):
        cited = ", ".join(node.get("cited_by_symbols") or [])
        extra = node.get("cited_by_count", 0) - len(node.get("cited_by_symbols") or [])
        parts.append(f"chưa có trong CSDL; được dẫn bởi: {cited}{f' và {extra} văn bản khác' if extra > 0 else ''}")
    else:
        parts.append(node.get("subject") or "")
    return " · ".join(p for p in parts if p)[:400]


def dot_source(chain: dict, url_for, more_url_for) -> str:
    """The chain (``document_data.chain``) as a DOT graph; ``url_for(id)`` and
    ``more_url_for(id, direction)`` give the links (built by the page from integers)."""
    out = [
        "digraph chain {",
        f'graph [rankdir=TB, nodesep=0.25, ranksep=0.5, bgcolor="transparent", fontname="{FONT}", tooltip=" "];',
        f'node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=10, margin="0.14,0.08", '
        'fillcolor="#ffffff", color="#64748b", fontcolor="#0f172a", penwidth=1];',
        f'edge [fontname="{FONT}", fontsize=9, color="#64748b", fontcolor="#475569", arrowsize=0.7, dir=back];',
    ]
    root = chain["root"]
    for node in chain["nodes"]:
        attrs = {
            "label": node_label(node),
            "URL": url_for(node["id"]),
            "tooltip": node_tooltip(node),
            "id": f"doc-{node['id']}",
            "class": "chain-node" + (" placeholder" if node.get("placeholder") else "") + (" root" if node["id"] == root else ""),
        }
        if node["id"] == root:
            attrs.update(fillcolor="#fde68a", color="#b45309", penwidth="2")
        elif node.get("placeholder"):
            attrs.update(style="rounded,dashed,filled", fillcolor="#f8fafc", color="#94a3b8", fontcolor="#475569")
        if node["id"] != root and node.get("status") == ENDED[0]:
            attrs.update(fillcolor="#fee2e2", color="#b91c1c")  # no longer in force
        out.append(f"d{node['id']} [{_attrs(attrs)}];")
    for m in chain["more"]:
        name = f"m{m['parent']}{m['direction'][0]}"
        attrs = {"label": f"+ {'' if m.get('exact', True) else 'hơn '}{m['count']} văn bản nữa…", "URL": more_url_for(m["parent"], m["direction"]),
                 "tooltip": "Xem danh sách đầy đủ", "id": f"more-{m['parent']}-{m['direction']}", "class": "chain-more"}
        out.append(f'{name} [{_attrs(attrs)}, style="rounded,dotted", color="#64748b", fontcolor="#1d4ed8"];')
        # the summary box sits on the side of its parent the hidden documents are on
        edge = f"{name} -> d{m['parent']}" if m["direction"] == "up" else f"d{m['parent']} -> {name}"
        out.append(f'{edge} [style=dotted, arrowhead=none, arrowtail=none];')
    for e in chain["edges"]:
        label = RELATION_LABELS.get(e["relation"], e["relation"])
        tooltip = label
        if e["confidence"] is not None and e["confidence"] < 1:
            label += f" (tin cậy {vn.number(round(e['confidence'], 1))})"
            tooltip = f"{label}: tỉnh hoặc năm của văn bản được dẫn phải suy ra, nên liên kết có thể sai"
        attrs = {"label": label, "tooltip": tooltip}
        style = ""
        if e["relation"] == "implements":
            style = ', color="#1d4ed8", fontcolor="#1d4ed8", penwidth=1.4'
        # drawn from the cited document (above) to the citing one, the arrow pointing up at the cited
        out.append(f"d{e['target']} -> d{e['source']} [{_attrs(attrs)}{style}];")
    out += _rows_of_siblings(chain["edges"])
    out.append("}")
    return "\n".join(out)


ROW = 4  # boxes side by side under (or over) one document before another row begins


def _rows_of_siblings(edges: list[dict]) -> list[str]:
    """Invisible edges that lay out more than ``ROW`` documents citing, or cited by, one
    document in rows of ``ROW``: ten căn cứ in three rows rather than one line too wide to read."""
    groups: dict[tuple[int, str], list[int]] = {}
    for e in edges:
        if e["direction"] == "up":  # the document (source) rests on its siblings (targets), drawn above it
            groups.setdefault((e["source"], "up"), []).append(e["target"])
        else:
            groups.setdefault((e["target"], "down"), []).append(e["source"])
    out = []
    for siblings in groups.values():
        for i in range(ROW, len(siblings)):
            out.append(f"d{siblings[i - ROW]} -> d{siblings[i]} [style=invis];")
    return out


def _attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={v if k == 'label' and v.startswith('<') else _dot_string(str(v))}" for k, v in attrs.items())


def dot_available() -> bool:
    return shutil.which("dot") is not None


@lru_cache(maxsize=512)
def render_svg(source: str) -> str:
    """SVG markup of a DOT graph (cached: the same chain draws the same picture)."""
    dot = shutil.which("dot")
    if not dot:
        raise GraphError("Graphviz (dot) is not installed: apt-get install graphviz, or run scripts/system-packages")
    try:
        done = subprocess.run([dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=DOT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise GraphError(f"Graphviz took longer than {DOT_TIMEOUT} s to lay out the chain") from None
    if done.returncode != 0:
        raise GraphError("Graphviz could not lay out the chain: " + done.stderr.decode("utf-8", "replace").strip()[:300])
    svg = done.stdout.decode("utf-8")
    start = svg.find("<svg")
    if start < 0:
        raise GraphError("Graphviz gave no SVG")
    # the prolog and doctype are for a file of its own; inline, the <svg> element is enough
    return svg[start:]


def width_pt(svg: str) -> float:
    """The drawing's width in points, as Graphviz wrote it on the <svg> element."""
    found = re.match(r'<svg width="([\d.]+)pt"', svg)
    return float(found.group(1)) if found else 0.0
