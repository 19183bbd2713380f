"""HTML pages: the text of the page, one line per block, a ``|`` line after each table cell.

Scripts, styles, navigation and forms are dropped; what is left of the site around the
document is recognised later (``nlp.layout``), never read as fields.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "center",
    "form", "hr", "address", "figure", "figcaption", "caption",
}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select", "input", "nav", "head"}


def read_html(markup: str) -> str:
    soup = BeautifulSoup(markup, "lxml")
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in {"Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"}:
                    continue
                current.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower() if child.name else ""
            if name in _DROP:
                continue
            if name == "br":
                flush()
                continue
            if name in {"td", "th"}:
                flush()
                walk(child)
                flush()
                lines.append("|")
                continue
            block = name in _BLOCKS
            if block:
                flush()
            walk(child)
            if block:
                flush()

    walk(soup)
    flush()
    # Keep at most one blank line in a row.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)
