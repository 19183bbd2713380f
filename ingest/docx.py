"""Word 2007+ (.docx) through python-docx: paragraphs and tables in document order.

The header and the signature block are tables; each cell's paragraphs are emitted together,
followed by a ``|`` line, as the HTML reader does, so a field is read from its own column.
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
                for row in child.iterchildren(qn("w:tr")):
                    for cell in row.iterchildren(qn("w:tc")):
                        walk(cell)
                        lines.append("|")
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return "\n".join(lines)
