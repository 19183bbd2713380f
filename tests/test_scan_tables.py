"""Ruled tables on scanned pages: a plan's table of duties on paper is found from the rules
drawn in the page image and read cell by cell, so each row gives its lead unit's task.
The pages are drawn here (rules, and text in a font with Vietnamese marks)."""
from __future__ import annotations

import os

import pytest

from directives.ingest import ocr, scan_tables
from directives.ingest.pdf import Page, PdfText

from .task_reading import tasks_read

PIL = pytest.importorskip("PIL")
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

DPI = 200
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
COLUMNS = [150, 260, 1000, 1400, 1800, 2100]  # x of the rules down: TT | Nội dung | chủ trì | phối hợp | thời hạn
ROWS = [300, 420, 640, 860]  # y of the rules across: the header row and two rows of duties


def _table_page(cells: dict[tuple[int, int], list[str]] | None = None, turn: float = 0.0) -> Image.Image:
    """A landscape page at 200 dpi with a ruled table of five columns and three rows, and the
    text of ``cells`` ((row, column) -> lines) written in it, turned by ``turn`` degrees."""
    page = Image.new("L", (2340, 1650), 255)
    draw = ImageDraw.Draw(page)
    for x in COLUMNS:
        draw.line((x, ROWS[0], x, ROWS[-1]), fill=0, width=3)
    for y in ROWS:
        draw.line((COLUMNS[0], y, COLUMNS[-1], y), fill=0, width=3)
    if cells:
        font = ImageFont.truetype(FONT, 30)
        for (row, column), lines in cells.items():
            for n, line in enumerate(lines):
                draw.text((COLUMNS[column] + 14, ROWS[row] + 14 + 42 * n), line, fill=0, font=font)
    if turn:
        page = page.rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    return page


def test_the_rules_of_a_table_give_its_rows_and_columns():
    tables, _ = scan_tables.ruled_tables(_table_page(), DPI)
    assert len(tables) == 1
    assert len(tables[0].rows) == 3
    assert all(len(row.cells) == 5 for row in tables[0].rows)


def test_a_page_fed_crooked_is_turned_straight_and_keeps_its_cells():
    """At half a degree the ends of a rule across a landscape page stand 20 pixels apart: the
    cells along the ends were lost before the page was turned straight."""
    tables, straight = scan_tables.ruled_tables(_table_page(turn=0.5), DPI)
    assert len(tables) == 1
    assert [len([c for c in row.cells if c]) for row in tables[0].rows] == [5, 5, 5]
    assert straight.size == (2340, 1650)


def test_a_page_without_a_ruled_table_has_none():
    """The header's short rules (under the motto and the issuer) and a two-column text make
    no table: the page is read as lines, as before."""
    page = Image.new("L", (1650, 2340), 255)
    draw = ImageDraw.Draw(page)
    draw.line((250, 260, 520, 260), fill=0, width=3)
    draw.line((1000, 260, 1400, 260), fill=0, width=3)
    for i in range(20):
        draw.rectangle((250, 500 + 60 * i, 1400, 528 + 60 * i), fill=0)  # lines of text
    assert scan_tables.ruled_tables(page, DPI)[0] == []


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(FONT), reason="needs the DejaVu fonts to draw the page")
@pytest.mark.skipif(ocr.available() is not None, reason="needs Tesseract with its Vietnamese data")
def test_a_scanned_table_of_duties_gives_each_row_its_unit(tmp_path):
    """A scanned plan's table: each row's lead unit gets its row's duty, the partners' cell
    its coordinators and the time cell its deadline words; the cells of one row are no
    longer read into the lines of their neighbours."""
    from directives.ingest import read_document

    cells = {
        (0, 0): ["TT"],
        (0, 1): ["Nội dung"],
        (0, 2): ["Cơ quan chủ trì"],
        (0, 3): ["Cơ quan phối hợp"],
        (0, 4): ["Thời gian"],
        (1, 0): ["1"],
        (1, 1): ["Rà soát quy định về phòng,", "chống cháy nổ tại các chợ"],
        (1, 2): ["Sở Công Thương"],
        (1, 3): ["Công an tỉnh"],
        (1, 4): ["Quý III/2026"],
        (2, 0): ["2"],
        (2, 1): ["Tập huấn nghiệp vụ cho", "cán bộ quản lý chợ"],
        (2, 2): ["Sở Nội vụ"],
        (2, 3): ["Các sở, ngành"],
        (2, 4): ["12/2026"],
    }
    page = _table_page(cells)
    font = ImageFont.truetype(FONT, 34)
    draw = ImageDraw.Draw(page)
    draw.text((150, 120), "PHỤ LỤC: NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH", fill=0, font=font)
    pdf = tmp_path / "phu-luc.pdf"
    page.convert("RGB").save(pdf, resolution=DPI)

    text = read_document(str(pdf)).text
    tasks = {t["assignee"]: t for t in tasks_read(text)}

    assert set(tasks) == {"Sở Công Thương", "Sở Nội vụ"}
    assert "chống cháy nổ tại các chợ" in tasks["Sở Công Thương"]["action"]
    assert tasks["Sở Công Thương"]["coordinators"] == ["Công an tỉnh"]
    assert tasks["Sở Nội vụ"]["deadline_text"] == "12/2026"


def test_an_annex_numbers_its_pages_from_one():
    """The numbers printed at the top of an annex's pages (from 2, its title lost under the
    seal, one under a speck of the scan) are no text of the table under them: each split
    the row it fell into. A row's TT at the top of a page stays."""
    pages = [
        Page(1, "QUYẾT ĐỊNH\nĐiều 1. Ban hành Kế hoạch."),
        Page(2, "Điều 2. Quyết định này có hiệu lực.\n2"),
        Page(3, "NHIỆM VỤ\n|\nTT\n|"),
        Page(4, "2\n|\n|\nthực hiện các yêu cầu\n|"),
        Page(5, "3\n|\n|\ncủa Bộ Công an\n|"),
        Page(6, "*,o.\n4\n|\n|\nvà thu hồi tài sản\n|"),
        Page(7, "5\n|\n|\nphạm tội ở nước ngoài\n|"),
        Page(8, "4\n|\nTổ chức tập huấn\n|"),
    ]
    text = PdfText(pages=pages).text
    for folio in ("2", "3", "5"):
        assert f"\n{folio}\n" not in text
    assert "*,o.\n4" not in text
    assert "|\n|\nthực hiện các yêu cầu" in text
    assert "\n4\n|\nTổ chức tập huấn" in text  # page 8 would print 6: this "4" is a row's TT


def test_a_page_number_read_with_an_i_for_a_one_is_dropped():
    text = PdfText(pages=[Page(10, "đảm bảo việc\n10"), Page(11, "I1\nthực hiện")]).text
    assert text.split() == ["đảm", "bảo", "việc", "thực", "hiện"]
