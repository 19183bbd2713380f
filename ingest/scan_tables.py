"""Ruled tables of a scanned page, found from the rules drawn in its image.

A plan's duties are often a table ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời hạn"), and the annex of a scanned decision is that table on paper. Tesseract reads a
page as blocks of lines: across a table it joins the lines of neighbouring cells, whose
baselines differ, and reads them as one ("n Ngân vóc Việt hàng Nam: Nhà"), so no cell and
no row is left. A ruled table is found here the way ``pdf.py`` finds one in a text layer,
from its rules: long runs of dark pixels, across (rows) and down (columns), are the rules;
pdfplumber's ``TableFinder`` builds the cells from them (merged cells included) as it does
from a PDF's drawn lines, and ``ocr.py`` reads each cell on its own.
"""
from __future__ import annotations

import numpy as np

DARK = 140  # grey level under which a pixel is ink
RULE_INCH = 0.25  # a run of ink this long (and no gap wider than ``GAP`` pixels) is a rule
GAP = 2  # pixels: a scanned rule is broken by specks of white
MIN_COLUMNS = 3  # the header and the signature block are two columns without rules
MIN_ROWS = 2
# A table of duties runs across the text's width; the seal's ring and the strokes of the
# signature beside it make a few short rules that meet as a "table" a third of the page wide.
WIDEST_SHARE = 0.5


def ruled_tables(image, dpi: int) -> tuple[list, object]:
    """pdfplumber ``Table`` objects (boxes in points, as a text layer's) of the ruled tables
    of three columns or more on a page image, top to bottom, and the image they were found
    in: turned straight when its rules run askew (a sheet fed crooked: at 0.6 degrees the
    ends of a rule across a landscape page stand 8 points apart, and the cells along its
    ends were lost)."""
    ink = np.asarray(image.convert("L")) < DARK
    shortest = int(RULE_INCH * dpi)
    down = _segments(_runs(ink.T, shortest))
    if len(down) < MIN_COLUMNS + 1:  # most pages: no table, and the rules across are not looked for
        return [], image
    across = _segments(_runs(ink, shortest))
    if len(across) < MIN_ROWS + 1:
        return [], image
    angle = _skew(across, image.width)
    if abs(angle) > MAX_SKEW:
        from PIL import Image

        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        ink = np.asarray(image.convert("L")) < DARK
        down, across = _segments(_runs(ink.T, shortest)), _segments(_runs(ink, shortest))
    wide = WIDEST_SHARE * image.width * 72 / dpi
    return [t for t in _tables(across, down, dpi) if t.bbox[2] - t.bbox[0] >= wide], image


MAX_SKEW = 0.05  # degrees: less moves a rule's ends by less than a pixel across a page


def _skew(across: list, width: int) -> float:
    """The angle (degrees, anticlockwise) the page is turned by: the median slope of the
    rules across that span a third of the page or more."""
    slopes = sorted(s[3] for s in across if s[2] - s[1] >= width / 3 and s[3] is not None)
    if not slopes:
        return 0.0
    return float(np.degrees(np.arctan(slopes[len(slopes) // 2])))


def _tables(across: list, down: list, dpi: int) -> list:
    from pdfplumber.table import TableFinder

    scale = 72 / dpi
    horizontal = [_line(x0 * scale, y * scale, x1 * scale, y * scale) for y, x0, x1, _ in across]
    vertical = [_line(x * scale, y0 * scale, x * scale, y1 * scale) for x, y0, y1, _ in down]
    if len(vertical) < MIN_COLUMNS + 1 or len(horizontal) < MIN_ROWS + 1:
        return []
    # every line is an object of its own: TableFinder takes the page only for lines given
    # as bare numbers (a rule across the whole page), never here
    finder = TableFinder(
        None,
        {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        },
    )
    tables = [t for t in finder.tables if len(t.rows) >= MIN_ROWS and max(len(r.cells) for r in t.rows) >= MIN_COLUMNS]
    return sorted(tables, key=lambda t: t.bbox[1])


def _line(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top}


def _runs(ink: np.ndarray, shortest: int) -> list[tuple[int, int, int]]:
    """Runs of ink along each row, ``(row, start, end)``, at least ``shortest`` long; a gap of
    ``GAP`` pixels or less does not break a run."""
    before = np.zeros_like(ink)  # ink at most GAP pixels before (to the left)
    after = np.zeros_like(ink)  # ink at most GAP pixels after
    for shift in range(1, GAP + 1):
        before[:, shift:] |= ink[:, :-shift]
        after[:, :-shift] |= ink[:, shift:]
    bridged = ink | (before & after)
    edges = np.diff(np.pad(bridged, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order: each end follows its start
    long = (ends - starts) >= shortest
    return list(zip(rows[long].tolist(), starts[long].tolist(), ends[long].tolist()))


def _segments(runs: list[tuple[int, int, int]], tolerance: int = 3) -> list[tuple]:
    """Runs on neighbouring rows that touch along the row make one rule (a rule is a few
    pixels thick, and a skewed one steps from row to row): ``(mean row, start, end, slope)``,
    the slope (rows per pixel along) fitted to the runs' middles, None for a short rule."""
    open_: list[list] = []  # [runs, start, end, last row]
    done: list[list] = []
    for row, start, end in sorted(runs):
        still = []
        for segment in open_:
            (still if row - segment[3] <= tolerance else done).append(segment)
        open_ = still
        for segment in open_:
            if start <= segment[2] + tolerance and end >= segment[1] - tolerance:
                segment[0].append((row, start, end))
                segment[1], segment[2], segment[3] = min(segment[1], start), max(segment[2], end), row
                break
        else:
            open_.append([[(row, start, end)], start, end, row])
    return [_fitted(s[0], s[1], s[2]) for s in done + open_]


def _fitted(runs: list[tuple[int, int, int]], start: int, end: int) -> tuple:
    rows = np.array([r[0] for r in runs], dtype=float)
    middles = np.array([(r[1] + r[2]) / 2 for r in runs], dtype=float)
    weights = np.array([r[2] - r[1] for r in runs], dtype=float)
    row = float(np.average(rows, weights=weights))
    slope = None
    if len(runs) > 1 and np.ptp(middles) > 0:
        centred = middles - np.average(middles, weights=weights)
        slope = float(np.sum(weights * centred * (rows - row)) / np.sum(weights * centred**2))
    return row, start, end, slope
