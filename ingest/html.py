"""HTML pages: the text of the page, one line per block, a ``|`` line after each table cell
and one more after each table row (a cell merged over several rows is written in each).

Scripts, styles, navigation and forms are dropped; what is left of the site around the
document is recognised later (``nlp.layout``), never read as fields. The page is parsed with
lxml's HTML parser directly (about ten times faster than walking a BeautifulSoup tree, which
was the largest cost of ingesting HTML).
"""
from __future__ import annotations

import lxml.html
from lxml import etree

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "center",
    "form", "hr", "address", "figure", "figcaption", "caption", "body", "html",
}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select", "input", "nav", "head"}
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 100))
    except (TypeError, ValueError):
        return 1


def read_html(markup: str) -> str:
    # Bytes, so that an encoding declaration left in a decoded page does not stop lxml.
    data = markup.encode("utf-8", "surrogatepass")
    if not data.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(node) -> None:
        if node.text:
            current.append(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                name = tag.lower().rpartition("}")[2]
                if name == "br":
                    flush()
                elif name == "tr":
                    flush()
                    row(child)
                elif name in ("td", "th"):
                    flush()
                    walk(child)
                    flush()
                    lines.append("|")
                elif name not in _DROP:
                    block = name in _BLOCKS
                    if block:
                        flush()
                    walk(child)
                    if block:
                        flush()
            if child.tail:
                current.append(child.tail)

    spans: dict = {}  # per row group (tbody): column -> [rows left, the merged cell's lines]

    def row(tr) -> None:
        """A table row: its cells, each closed by ``|``, and one more ``|`` closing the row
        (as Markdown exports write rows). A cell merged down from a row above (rowspan) is
        written again in each row it covers, so that every row holds its own cells."""
        pending = spans.setdefault(tr.getparent(), {})
        column = 0

        def carry() -> None:
            nonlocal column
            while column in pending:
                left, text = pending[column]
                lines.extend(text + ["|"])
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = [left - 1, text]
                column += 1

        if tr.text and tr.text.strip():
            current.append(tr.text)
        for cell in tr:
            tag = cell.tag if isinstance(cell.tag, str) else ""
            name = tag.lower().rpartition("}")[2]
            if name not in ("td", "th"):
                if name and name not in _DROP:
                    walk(cell)
                continue
            carry()
            flush()
            at = len(lines)
            walk(cell)
            flush()
            text = lines[at:]
            lines.append("|")
            width = _span(cell.get("colspan"))
            down = _span(cell.get("rowspan"))
            if down > 1:
                for c in range(column, column + width):
                    pending[c] = [down - 1, text if c == column else []]
            column += width
        carry()
        lines.append("|")

    walk(root)
    flush()
    # Keep at most one blank line in a row.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)
