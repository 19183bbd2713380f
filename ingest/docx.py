"""Word 2007+ (.docx) through python-docx: paragraphs and tables in document order.

The header and the signature block are tables; each cell's paragraphs are emitted together,
followed by a ``|`` line, and each row by one more, as the HTML reader does, so a field is
read from its own column; a cell merged over several rows is written in each of them.
"""
from __future__ import annotations

import io


def read_docx(data: bytes) -> str:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []

    def paragraph_text(element) -> str:
        parts = []
        for node in element.iter():
            if node.tag == qn("w:t") and node.text:
                parts.append(node.text)
            elif node.tag in (qn("w:tab"),):
                parts.append(" ")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
        return "".join(parts)

    def walk(container) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                lines.extend(paragraph_text(child).split("\n"))
            elif child.tag == qn("w:tbl"):
                table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    def table(tbl) -> None:
        """Each row's cells, each closed by ``|``, and one more ``|`` closing the row. A cell
        merged down over several rows (``w:vMerge``) is written again in each row it covers."""
        above: dict[int, list[str]] = {}  # grid column -> lines of the merged cell starting there
        for row in tbl.iterchildren(qn("w:tr")):
            column = 0
            for cell in row.iterchildren(qn("w:tc")):
                props = cell.find(qn("w:tcPr"))
                span, merge = 1, None
                if props is not None:
                    grid = props.find(qn("w:gridSpan"))
                    if grid is not None:
                        try:
                            span = max(1, int(grid.get(qn("w:val"))))
                        except (TypeError, ValueError):
                            span = 1
                    vmerge = props.find(qn("w:vMerge"))
                    if vmerge is not None:
                        merge = vmerge.get(qn("w:val")) or "continue"
                if merge == "continue":
                    lines.extend(above.get(column, []))
                else:
                    at = len(lines)
                    walk(cell)
                    above[column] = lines[at:]
                lines.append("|")
                column += span
            lines.append("|")

    walk(document.element.body)
    return "\n".join(lines)
