"""Words placed by their positions (a PDF's text layer, Tesseract's boxes) laid out as lines
of text: the two-column header and signature block of a directive read one column after
the other. Used by the PDF reader (``pdf.py``) and by OCR (``ocr.py``) alike.

A word is a dict with its ``text`` and box: ``x0``, ``x1``, ``top``, ``bottom``, in points.
"""
from __future__ import annotations

_GAP = 18.0  # points between two words that make them two cells (a tab stop, a table column)


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their vertical position, each line left to right. Two
    words share a line when their boxes overlap for most of the smaller one's height."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        if lines:
            last = lines[-1]
            top, bottom = min(w["top"] for w in last), max(w["bottom"] for w in last)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= 0.5 * min(bottom - top, word["bottom"] - word["top"]) or abs(word["top"] - last[0]["top"]) <= 3.0:
                last.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _segments(line: list[dict]) -> list[list[dict]]:
    """A line cut where two words stand far apart. Cut in three or more, it is cut only at
    its widest gap when that gap is twice as wide as any other: "Số:      /BC-UBND" (the
    blank left for a number written by hand) beside "Quảng Ngãi, ngày ..." is two cells."""
    gaps = [word["x0"] - before["x1"] for before, word in zip(line, line[1:])]
    cuts = [i for i, gap in enumerate(gaps) if gap > _GAP]
    if len(cuts) >= 2:
        widest = max(cuts, key=lambda i: gaps[i])
        if all(gaps[widest] >= 2 * gaps[i] for i in cuts if i != widest):
            cuts = [widest]
    segments, start = [], 0
    for i in cuts:
        segments.append(line[start : i + 1])
        start = i + 1
    segments.append(line[start:])
    return segments


def join_words(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def layout_lines(lines: list[list[dict]]) -> list[str]:
    """Lines of text. A run of lines that split into two segments at about the same place
    (with lines of only one side between them) is a two-column table: its left column comes
    first, then its right, each closed by a ``|`` line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        segments = _segments(lines[i])
        if len(segments) == 2:
            left, right = [join_words(segments[0])], [join_words(segments[1])]
            left_end, right_start = segments[0][-1]["x1"], segments[1][0]["x0"]
            j = i + 1
            bottom = lines[i][0]["bottom"]
            while j < len(lines):
                line = lines[j]
                height = max(w["bottom"] - w["top"] for w in line)
                if line[0]["top"] - bottom > 2.2 * height:
                    break  # a gap: the table ended
                parts = _segments(line)
                if len(parts) == 2 and parts[1][0]["x0"] > left_end - 5 and parts[0][-1]["x1"] < right_start + 60:
                    left.append(join_words(parts[0]))
                    right.append(join_words(parts[1]))
                    left_end, right_start = max(left_end, parts[0][-1]["x1"]), min(right_start, parts[1][0]["x0"])
                elif len(parts) == 1 and line[-1]["x1"] < right_start:
                    left.append(join_words(line))
                    left_end = max(left_end, line[-1]["x1"])
                elif len(parts) == 1 and line[0]["x0"] > left_end:
                    right.append(join_words(line))
                    right_start = min(right_start, line[0]["x0"])
                else:
                    break
                bottom = line[0]["bottom"]
                j += 1
            out.extend(left + ["|"] + right + ["|"])
            i = j
            continue
        out.append("   ".join(join_words(s) for s in segments))
        i += 1
    return out


def table_lines(table, text_of) -> list[str]:
    """A ruled table (pdfplumber's ``Table``) as lines: each row's cells, each closed by ``|``,
    and one more ``|`` closing the row, as the HTML and Word readers write tables. A cell
    merged down over several rows is written in each row it covers; one merged across
    columns once. ``text_of(box)`` gives a cell's text: the text layer's words inside its box
    (``pdf.py``), or the cell's image read by OCR (``ocr.py``)."""
    out: list[str] = []
    above: dict[int, tuple[tuple, str]] = {}  # column -> (bbox, text) of the last cell there
    for row in table.rows:
        cells: list[str] = []
        for column, bbox in enumerate(row.cells):
            if bbox is None:
                merged = above.get(column)
                row_top = min((b[1] for b in row.cells if b is not None), default=None)
                if merged and row_top is not None and merged[0][3] > row_top + 1:
                    cells.append(merged[1])  # the cell above reaches down over this row
                continue
            text = text_of(bbox)
            above[column] = (bbox, text)
            cells.append(text)
        if any(cells):  # a row of empty cells says nothing, and its "|" lines blur where rows end
            for text in cells:
                out.extend([text, "|"] if text else ["|"])
            out.append("|")
    return out
