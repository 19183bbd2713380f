"""Task tables: a plan's "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
Sản phẩm" table, read row by row in every format a plan arrives in.

One plan is written here in Markdown, HTML, Word (made with python-docx, merged cells
included) and a text PDF (drawn with fpdf2, ruled, merged cells included). Its duties table
stands in a Phụ lục after the signature, with group rows ("I | Công tác tuyên truyền") and a
lead cell merged over two rows.
"""
from directives import extract_file
from directives.nlp.extract import extract_text
from directives.nlp.task_tables import split_units

from .test_readers import FONT, needs_font, word_document

LEFT_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 45/KH-UBND"]
RIGHT_HEAD = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 12 tháng 11 năm 2025"]
BODY = [
    "KẾ HOẠCH",
    "Triển khai thi hành Luật Phòng thủ dân sự trên địa bàn tỉnh",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Bảo đảm triển khai kịp thời, đồng bộ các quy định của Luật.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; báo cáo UBND tỉnh trước ngày 20 hằng tháng.",
    "2. Các sở, ban, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.",
]
LEFT_SIGN = ["Nơi nhận:", "- Bộ Quốc phòng;", "- Lưu: VT."]
RIGHT_SIGN = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hùng"]
APPENDIX = [
    "PHỤ LỤC",
    "NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT PHÒNG THỦ DÂN SỰ",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/11/2025 của UBND tỉnh)",
]
HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
# A row: its cells; "GROUP" rows span the columns after TT; None is the lead cell merged from above.
ROWS = [
    ["I", "Công tác tuyên truyền"],
    ["1", "Tổ chức hội nghị quán triệt Luật", "Sở Nội vụ", "Sở Tư pháp, UBND các xã, phường", "Quý I/2026", "Hội nghị"],
    ["2", "Xây dựng chuyên mục trên Cổng thông tin điện tử tỉnh", "Sở Văn hóa, Thể thao và Du lịch; Đài Phát thanh và Truyền hình tỉnh", "Các sở, ban, ngành", "Thường xuyên", "Chuyên mục"],
    ["II", "Hoàn thiện thể chế"],
    ["1", "Rà soát văn bản quy phạm pháp luật của tỉnh", "Sở Tư pháp", "Các sở, ban, ngành", "Trước ngày 15/12/2025", "Báo cáo"],
    ["2", "Tham mưu ban hành quy chế phối hợp", None, "Văn phòng UBND tỉnh", "Quý IV/2025 - Quý II/2026", "Quy chế"],
]


def check_table_tasks(tasks):
    """What a planner must see from the table, whatever the format."""
    by_section = {}
    for t in tasks:
        if t["action"].startswith(("Công tác tuyên truyền: ", "Hoàn thiện thể chế: ")):  # the table's rows
            by_section.setdefault(t["section"], []).append(t)
    assert set(by_section) == {"Phụ lục: I.1", "Phụ lục: I.2", "Phụ lục: II.1", "Phụ lục: II.2"}
    first = by_section["Phụ lục: I.1"]
    assert [t["assignee"] for t in first] == ["Sở Nội vụ"]
    assert first[0]["action"] == "Công tác tuyên truyền: Tổ chức hội nghị quán triệt Luật"
    assert first[0]["coordinators"] == ["Sở Tư pháp", "UBND các xã, phường"]
    assert (first[0]["deadline"], first[0]["deadline_text"], first[0]["due_by"]) == (None, "Quý I/2026", "2026-03-31")
    second = by_section["Phụ lục: I.2"]  # two lead units: two tasks, a standing duty without a date
    assert [t["assignee"] for t in second] == ["Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh và Truyền hình tỉnh"]
    assert all(t["recurrence"] == "standing" and t["due_by"] is None and t["deadline"] is None for t in second)
    assert second[0]["coordinators"] == ["Các sở, ban, ngành"]
    law = by_section["Phụ lục: II.1"][0]
    assert (law["assignee"], law["deadline"], law["due_by"]) == ("Sở Tư pháp", "2025-12-15", "2025-12-15")
    assert law["action"] == "Hoàn thiện thể chế: Rà soát văn bản quy phạm pháp luật của tỉnh"
    merged = by_section["Phụ lục: II.2"]  # the lead cell merged over two rows applies to both
    assert [t["assignee"] for t in merged] == ["Sở Tư pháp"]
    assert merged[0]["coordinators"] == ["Văn phòng UBND tỉnh"]
    assert merged[0]["due_by"] == "2026-06-30" and merged[0]["deadline"] is None
    # the text around the table still gives its own duty, and the table no junk
    body = [t for t in tasks if t["section"] == "II.1" and t["assignee"] == "Sở Nội vụ"]
    assert body and body[0]["recurrence"] == "monthly" and body[0]["due_by"] is None
    for t in tasks:
        assert "Nội dung" not in t["assignee"] and "Cơ quan" not in t["assignee"] and "TT" not in t["assignee"].split()
        assert "Cơ quan chủ trì" not in t["action"]


# ---------------------------------------------------------------------------- Markdown


def markdown_plan() -> str:
    """The header and signature as the site's exports write them (cells between "|" lines),
    the Phụ lục's table as GitHub pipe rows."""
    text = "|\n" + "\n".join(LEFT_HEAD[:2]) + "\n|\n" + "\n".join(RIGHT_HEAD[:2]) + "\n|\n|\n"
    text += f"{LEFT_HEAD[2]}\n|\n*{RIGHT_HEAD[2]}*\n|\n\n"
    text += "\n\n".join(f"**{line}**" if line.isupper() else line for line in BODY) + "\n\n"
    text += "|\n" + "\n".join(LEFT_SIGN) + "\n|\n**" + "\n".join(RIGHT_SIGN) + "**\n|\n\n"
    text += "\n\n".join(APPENDIX) + "\n\n"
    text += "| " + " | ".join(HEADER) + " |\n|" + "---|" * len(HEADER) + "\n"
    for row in ROWS:
        cells = row + [""] * (len(HEADER) - len(row))
        text += "| " + " | ".join("" if c is None else c for c in cells) + " |\n"
    return text


def test_markdown_table_after_the_signature_gives_one_task_per_lead_unit(tmp_path):
    path = tmp_path / "kh-45.md"
    path.write_text(markdown_plan(), encoding="utf-8")
    record = extract_file(str(path))
    assert record.symbol == "45/KH-UBND"
    check_table_tasks(record.tasks)


# ---------------------------------------------------------------------------- HTML


def html_plan() -> str:
    def cell(lines):
        return "<td>" + "<br>".join(lines) + "</td>"

    rows = []
    for row in ROWS:
        if len(row) == 2:
            rows.append(f"<tr><td>{row[0]}</td><td colspan='5'><b>{row[1]}</b></td></tr>")
            continue
        cells = []
        for i, value in enumerate(row):
            if value is None:
                continue  # covered by the rowspan above
            merged_below = i == 2 and ROWS[ROWS.index(row) + 1 :][:1] and ROWS[ROWS.index(row) + 1][2:3] == [None]
            cells.append(f"<td rowspan='2'>{value}</td>" if merged_below else f"<td>{value}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<html><body>"
        f"<table><tr>{cell(LEFT_HEAD)}{cell(RIGHT_HEAD)}</tr></table>"
        + "".join(f"<p>{line}</p>" for line in BODY)
        + f"<table><tr>{cell(LEFT_SIGN)}{cell(RIGHT_SIGN)}</tr></table>"
        + "".join(f"<p>{line}</p>" for line in APPENDIX)
        + "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>"
    )


def test_html_table_with_colspan_group_rows_and_a_rowspan_lead_cell(tmp_path):
    path = tmp_path / "kh-45.html"
    path.write_text(html_plan(), encoding="utf-8")
    record = extract_file(str(path))
    assert record.symbol == "45/KH-UBND" and record.signer == "Trần Văn Hùng"
    check_table_tasks(record.tasks)


# ---------------------------------------------------------------------------- Word


def make_docx(path):
    document = word_document((LEFT_HEAD, RIGHT_HEAD), BODY, (LEFT_SIGN, RIGHT_SIGN))
    for line in APPENDIX:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, HEADER):
        cell.text = name
    for r, row in enumerate(ROWS, start=1):
        cells = table.rows[r].cells
        if len(row) == 2:
            cells[0].text = row[0]
            merged = cells[1].merge(cells[-1])  # a group row: one cell across the columns
            merged.text = row[1]
            continue
        for c, value in enumerate(row):
            if value is not None:
                cells[c].text = value
    lead = HEADER.index("Cơ quan chủ trì")
    merged_at = next(i for i, row in enumerate(ROWS, start=1) if len(row) > 2 and row[lead] is None)
    above = table.rows[merged_at - 1].cells[lead]
    above.merge(table.rows[merged_at].cells[lead])  # one lead cell over two rows
    document.save(path)


def test_docx_table_with_merged_cells(tmp_path):
    path = tmp_path / "kh-45.docx"
    make_docx(path)
    record = extract_file(str(path))
    assert record.source.format == "docx" and record.symbol == "45/KH-UBND"
    check_table_tasks(record.tasks)


# ---------------------------------------------------------------------------- text PDF


def make_pdf(path):
    """The plan drawn as a PDF: header and signature as unruled columns, the Phụ lục's table
    ruled, its group rows one cell across the columns and one lead cell over two rows."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("body", fname=FONT)
    pdf.add_page()
    pdf.set_font("body", size=11)
    y = 20
    for i in range(3):
        pdf.text(20, y + 6 * i, LEFT_HEAD[i])
        pdf.text(95, y + 6 * i, RIGHT_HEAD[i])
    y += 26
    for line in BODY:
        for part in _wrap(line, 95):
            pdf.text(20, y, part)
            y += 7
    y += 6
    for i in range(3):
        pdf.text(20, y + 6 * i, LEFT_SIGN[i])
        pdf.text(120, y + 6 * i, RIGHT_SIGN[i])
    pdf.add_page()
    y = 20
    for line in APPENDIX:
        pdf.text(20, y, line)
        y += 7
    pdf.set_font("body", size=7)
    widths = [10, 52, 42, 38, 28, 20]
    xs = [10]
    for w in widths:
        xs.append(xs[-1] + w)
    y += 4
    height = 14
    lead = HEADER.index("Cơ quan chủ trì")

    def put(col_from, col_to, top, rows, text):
        pdf.rect(xs[col_from], top, xs[col_to] - xs[col_from], height * rows)
        for k, part in enumerate(_wrap(text, int((xs[col_to] - xs[col_from]) / 1.6))):
            pdf.text(xs[col_from] + 1, top + 4 + 3.2 * k, part)

    for c, name in enumerate(HEADER):
        put(c, c + 1, y, 1, name)
    y += height
    for r, row in enumerate(ROWS):
        if len(row) == 2:
            put(0, 1, y, 1, row[0])
            put(1, len(HEADER), y, 1, row[1])
        else:
            for c, value in enumerate(row):
                if value is None:
                    continue
                spans = 2 if c == lead and r + 1 < len(ROWS) and len(ROWS[r + 1]) > 2 and ROWS[r + 1][lead] is None else 1
                put(c, c + 1, y, spans, value)
        y += height
    pdf.output(str(path))


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return lines + [current]


@needs_font
def test_text_pdf_ruled_table_is_read_cell_by_cell(tmp_path):
    path = tmp_path / "kh-45.pdf"
    make_pdf(path)
    record = extract_file(str(path))
    assert record.source.format == "pdf" and record.symbol == "45/KH-UBND"
    check_table_tasks(record.tasks)


# ---------------------------------------------------------------------------- what is not a task table


def test_tables_that_are_not_duties_give_no_tasks():
    procedures = (
        "| STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện |\n|---|---|---|---|\n"
        "| 1 | Cấp giấy phép hoạt động | Môi trường | Sở Nông nghiệp và Môi trường |\n"
    )
    steps = (
        "| Bước thực hiện | Nội dung công việc | Đơn vị thực hiện | Thời gian thực hiện |\n|---|---|---|---|\n"
        "| Bước 1 | Tiếp nhận hồ sơ | Bộ phận một cửa | 0,5 ngày |\n"
    )
    for table in (procedures, steps):
        text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 7/QĐ-UBND\n\nQUYẾT ĐỊNH\nCông bố thủ tục hành chính\n\n" + table
        assert extract_text(_read_markdown(text)).tasks == []


def _read_markdown(text: str) -> str:
    from directives.ingest.text import read_markdown

    return read_markdown(text)


def test_a_lead_cell_names_its_units():
    assert split_units("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện") == ["Sở KH&CN", "Các sở, ngành", "UBND cấp xã"]
    assert split_units("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và UBND các xã, phường") == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
        "UBND các xã, phường",
    ]


def test_a_header_repeated_over_a_part_of_the_table_is_no_row():
    """Cells as Word 97 files and the site's exports give them: each closed by a "|" line, each
    row by one more; the column names written again over the table's second part."""
    header = ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"]
    rows = [
        ["1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Năm 2026"],
        header[1:],  # repeated (its TT cell merged with the one above)
        ["2", "Tập huấn kỹ năng số", "Sở Nội vụ", "", "6 tháng đầu năm 2026"],
    ]

    def cells(row):
        return "\n".join(f"{c}\n|" if c else "|" for c in row) + "\n|\n"

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
        "Số: 9/KH-UBND\n|\nQuảng Ngãi, ngày 05 tháng 01 năm 2026\n|\n|\nKẾ HOẠCH\nChuyển đổi số\n"
        + cells(header)
        + "".join(cells(r) for r in rows)
    )
    tasks = extract_text(text).tasks
    assert [(t["section"], t["assignee"], t["due_by"]) for t in tasks] == [
        ("1", "Sở Khoa học và Công nghệ", "2026-12-31"),
        ("2", "Sở Nội vụ", "2026-06-30"),
    ]
    assert tasks[1]["coordinators"] == []


def _cells_text(rows: list[list[str]]) -> str:
    """Rows in the readers' layout: each cell's lines closed by "|", each row by one more."""
    out = []
    for row in rows:
        for cell in row:
            out.extend(([cell] if cell else []) + ["|"])
        out.append("|")
    return "\n".join(out)


ACTION_PLAN_HEAD = "\n".join(
    LEFT_HEAD[:2] + ["Số: 71/QĐ-UBND"] + RIGHT_HEAD
    + ["QUYẾT ĐỊNH", "Ban hành Kế hoạch hành động phòng, chống rửa tiền", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động."]
    + RIGHT_SIGN + ["PHỤ LỤC", "KẾ HOẠCH HÀNH ĐỘNG"]
)
ACTION_PLAN_COLUMNS = ["STT", "Nội dung hành động", "Hành động cụ thể", "Bộ ngành chủ trì", "Bộ ngành phối hợp", "Thời hạn hoàn thành"]


def test_an_action_plan_table_takes_its_specific_actions():
    """ "Nội dung hành động | Hành động cụ thể": the column next to the units is the duty;
    the aim before it is shared by several rows."""
    rows = [
        ACTION_PLAN_COLUMNS,
        ["1.", "Hoàn thiện khuôn khổ pháp lý về phòng, chống rửa tiền", "Rà soát quy định về tương trợ tư pháp", "Sở Tư pháp", "Công an tỉnh", "12/2027"],
        ["1.", "Hoàn thiện khuôn khổ pháp lý về phòng, chống rửa tiền", "Ban hành quy trình phối hợp thu hồi tài sản", "Công an tỉnh", "Sở Tư pháp", "6/2027"],
    ]
    tasks = extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks
    assert [(t["assignee"], t["action"], t["deadline_text"]) for t in tasks if t["kind"] == "assignment"] == [
        ("Sở Tư pháp", "Rà soát quy định về tương trợ tư pháp", "12/2027"),
        ("Công an tỉnh", "Ban hành quy trình phối hợp thu hồi tài sản", "6/2027"),
    ]


def test_a_row_cut_by_a_page_break_goes_on_in_the_next_pages_row():
    """A scanned annex: the duty's sentence, and then the partners' list, go on at the top of
    the next page in a row of their own (no TT, no unit); the next duty's row, whose TT and
    aim are merged from above, keeps its cells in their columns."""
    rows = [
        ACTION_PLAN_COLUMNS,
        ["2.", "Tăng cường hợp tác quốc tế", "Nghiên cứu, đề xuất sửa đổi quy định về", "Sở Tư pháp", "Công an tỉnh;", "12/2027"],
        ["", "", "thu hồi tài sản ở nước ngoài", "", "Sở Tài chính", ""],
        ["", "", "Tổ chức tập huấn cho cán bộ", "Sở Nội vụ", "Các sở, ngành", "Liên tục"],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    assert [t["assignee"] for t in tasks] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert tasks[0]["action"] == "Nghiên cứu, đề xuất sửa đổi quy định về thu hồi tài sản ở nước ngoài"
    assert tasks[0]["coordinators"] == ["Công an tỉnh", "Sở Tài chính"]
    assert (tasks[1]["action"], tasks[1]["deadline_text"]) == ("Tổ chức tập huấn cho cán bộ", "Liên tục")


def test_a_units_cell_with_one_unit_a_line_and_notes_on_them():
    """A scanned plan's lead cell lists one body a line, a name wrapped over two lines, some
    with a note in parentheses and the courts "requested" (the Government directs neither):
    each body is a task of its own, named without the note or the request."""
    rows = [
        ACTION_PLAN_COLUMNS,
        [
            "1.",
            "Hoàn thiện khuôn khổ pháp lý",
            "Thực hiện đánh giá rủi ro quốc gia",
            "Ngân hàng Nhà\nnước Việt Nam (chủ trì\nnội dung về rửa tiền)\nBộ Công an\nĐề nghị Viện\nkiểm sát nhân dân tối cao",
            "Bộ Văn hóa,\nThể thao và\nDu lịch\nBộ Dân tộc và\nTôn giáo:\nBộ Ngoại giao",
            "12/2027",
        ],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    assert [t["assignee"] for t in tasks] == ["Ngân hàng Nhà nước Việt Nam", "Bộ Công an", "Viện kiểm sát nhân dân tối cao"]
    # the colon OCR read for a semicolon ends a unit too
    assert tasks[0]["coordinators"] == ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Dân tộc và Tôn giáo", "Bộ Ngoại giao"]


def test_a_units_cell_keeps_a_part_named_in_parentheses():
    assert split_units("Ngân hàng Nhà nước Việt Nam (Cục Phòng, chống rửa tiền); Bộ Công an") == [
        "Ngân hàng Nhà nước Việt Nam (Cục Phòng, chống rửa tiền)",
        "Bộ Công an",
    ]


def test_a_label_over_a_units_cell_is_no_unit():
    rows = [
        ACTION_PLAN_COLUMNS,
        ["1.", "Hoàn thiện khuôn khổ pháp lý", "Rà soát quy định về tương trợ tư pháp", "Chủ trì:\nSở Tư pháp", "Phối hợp:\nCông an tỉnh", "12/2027"],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    assert [(t["assignee"], t["coordinators"]) for t in tasks] == [("Sở Tư pháp", ["Công an tỉnh"])]


def test_a_parts_title_whose_numeral_ocr_misread_heads_its_rows():
    """ "II" read "1L" on a scan: the title across the columns is the part's, and its rows are
    headed by it (not by the part before it, nor by "1L")."""
    rows = [
        ACTION_PLAN_COLUMNS,
        ["I.", "Hoàn thiện khuôn khổ pháp lý"],
        ["1", "Sửa đổi quy định", "Rà soát quy định về tương trợ tư pháp", "Sở Tư pháp", "Công an tỉnh", "12/2027"],
        ["1L", "Nâng cao hiệu quả phối hợp"],
        ["1", "Đánh giá rủi ro", "Tổ chức đánh giá rủi ro của tỉnh", "Công an tỉnh", "Sở Tài chính", "6/2027"],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    assert [t["action"] for t in tasks] == [
        "Hoàn thiện khuôn khổ pháp lý: Rà soát quy định về tương trợ tư pháp",
        "Nâng cao hiệu quả phối hợp: Tổ chức đánh giá rủi ro của tỉnh",
    ]


def test_a_scanned_table_whose_duty_column_name_ocr_misread():
    """ "ội dung thực hiện" for "Nội dung thực hiện" on a scan: between the TT and the lead
    column stands the duty, whatever its name reads (Phụ lục III's order), and a lead cell
    wrapped after its head ("Văn phòng | UBND tỉnh,") is one office."""
    rows = [
        ["TT", "ội dung thực hiện", "Cơ quan\nchủ trì", "Đơn vị\nphối hợp", "Thời gian\nthực hiện"],
        ["1", "Xây dựng chuyên mục hỏi đáp trên Cổng thông tin điện tử tỉnh", "Sở Tư pháp", "Sở Nội vụ", "2027"],
        ["2", "Triển khai dịch vụ công trực tuyến toàn trình", "Văn phòng\nUBND tỉnh,\nSở Tài chính", "Các sở, ngành", "2027-2028"],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    assert [(t["assignee"], t["action"]) for t in tasks] == [
        ("Sở Tư pháp", "Xây dựng chuyên mục hỏi đáp trên Cổng thông tin điện tử tỉnh"),
        ("Văn phòng UBND tỉnh", "Triển khai dịch vụ công trực tuyến toàn trình"),
        ("Sở Tài chính", "Triển khai dịch vụ công trực tuyến toàn trình"),
    ]
    assert tasks[0]["coordinators"] == ["Sở Nội vụ"]


def test_a_row_of_words_under_an_unnamed_column_is_no_table():
    """Without a TT column before it, a cell of unknown words is no duty column: a header
    row needs the office's own names for what it holds."""
    rows = [
        ["Ghi nhận", "Cơ quan chủ trì", "Thời gian"],
        ["Ý kiến của cử tri xã", "Sở Tư pháp", "2027"],
    ]
    tasks = extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks
    assert not [t for t in tasks if t["assignee"] == "Sở Tư pháp"]


def test_sub_rows_whose_first_columns_are_merged_down():
    """A national plan's table: "STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ |
    Nội dung nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành". A numbered row lists several
    duties, each a row of its own whose first four cells are merged down; an export writes only
    the cells each row has. Each duty is the lead's, with its own time; the group is no duty,
    nor is the target reached."""
    rows = [
        ["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thuộc nhóm nhiệm vụ, hành động", "Nội dung nhiệm vụ", "Chỉ tiêu đạt được", "Thời hạn hoàn thành"],
        ["1", "Bộ Xây dựng", "Bộ Công Thương", "Hoàn thiện chính sách", "- Sửa đổi quy chuẩn về khí thải xe cơ giới.", "- Quy chuẩn được ban hành.", "Quý IV năm 2026"],
        ["- Ban hành hướng dẫn kiểm định khí thải.", "- Hướng dẫn được ban hành.", "Năm 2027"],
        ["- Tổ chức tập huấn cho các trạm đăng kiểm.", "- 100% trạm được tập huấn.", "Giai đoạn 2026 - 2028"],
        ["2", "Bộ Công an", "UBND các tỉnh", "Kiểm soát phương tiện", "- Kiểm tra, xử lý xe quá niên hạn.", "- Giảm số xe vi phạm.", "Thường xuyên"],
    ]
    tasks = [t for t in extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks if t["kind"] == "assignment"]
    got = [(t["assignee"], t["action"], t["deadline_text"], t["section"]) for t in tasks]
    assert got == [
        ("Bộ Xây dựng", "- Sửa đổi quy chuẩn về khí thải xe cơ giới.", "Quý IV năm 2026", "Phụ lục: 1"),
        ("Bộ Xây dựng", "- Ban hành hướng dẫn kiểm định khí thải.", "Năm 2027", "Phụ lục: 1"),
        ("Bộ Xây dựng", "- Tổ chức tập huấn cho các trạm đăng kiểm.", "Giai đoạn 2026 - 2028", "Phụ lục: 1"),
        ("Bộ Công an", "- Kiểm tra, xử lý xe quá niên hạn.", "Thường xuyên", "Phụ lục: 2"),
    ]
    assert all(t["coordinators"] == ["Bộ Công Thương"] for t in tasks[:3])


def test_a_table_of_work_done_in_past_years_gives_no_duty():
    """A plan's account of the projects of the years before it ("Các dự án giai đoạn 2008-2010",
    in a plan of 2025): every row's time is past, so the table reports, it assigns nothing."""
    rows = [
        ["STT", "Nội dung thực hiện", "Thời gian", "Đơn vị chủ trì", "Kinh phí"],
        ["1", "Xây dựng mạng diện rộng của tỉnh", "2021", "Sở Tư pháp", "1412"],
        ["2", "Nâng cấp Trung tâm tích hợp dữ liệu", "2022 - 2023", "Văn phòng UBND tỉnh", "955"],
    ]
    past = extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks
    assert not [t for t in past if t["assignee"] in ("Sở Tư pháp", "Văn phòng UBND tỉnh")]
    rows[2][2] = "2026"  # one row still to come: a table of duties
    ahead = extract_text(ACTION_PLAN_HEAD + "\n" + _cells_text(rows)).tasks
    assert [t["assignee"] for t in ahead if t["assignee"] in ("Sở Tư pháp", "Văn phòng UBND tỉnh")] == ["Sở Tư pháp", "Văn phòng UBND tỉnh"]


def test_a_table_under_the_plans_account_of_where_things_stand_gives_no_duty():
    """A plan's "II. THỰC TRẠNG" part lists the projects already carried out, with a "Đơn vị chủ
    trì" column: they were the units' duties once; the plan gives its own under "III."."""
    text = "\n".join(
        LEFT_HEAD[:2] + ["Số: 88/KH-UBND"] + RIGHT_HEAD
        + ["KẾ HOẠCH", "Ứng dụng công nghệ thông tin giai đoạn 2026-2030",
           "II. THỰC TRẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN", "1. Hạ tầng kỹ thuật", "Các cơ quan đã có mạng nội bộ.",
           "2. Hiện trạng ứng dụng", "c) Các dự án đã triển khai:"]
    ) + "\n" + _cells_text([
        ["STT", "Nội dung thực hiện", "Thời gian", "Đơn vị chủ trì", "Kinh phí"],
        ["1", "Xây dựng mạng diện rộng của tỉnh", "2024 - 2025", "Sở Tư pháp", "1412"],
        ["2", "Nâng cấp Trung tâm tích hợp dữ liệu", "2025 - 2026", "Văn phòng UBND tỉnh", "955"],
    ]) + "\nIII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì xây dựng cơ sở dữ liệu cán bộ, hoàn thành trong năm 2026.\n"
    tasks = extract_text(text).tasks
    assert [t["assignee"] for t in tasks] == ["Sở Nội vụ"]


def test_work_done_is_told_by_the_year_when_the_day_is_handwritten():
    """ "Quảng Ngãi, ngày    tháng 11 năm 2026": the day was left for the pen, the year still
    tells that a table whose times all precede it lists work done."""
    head = "\n".join(LEFT_HEAD[:2] + ["Số: 88/KH-UBND", RIGHT_HEAD[0], RIGHT_HEAD[1], "Quảng Ngãi, ngày     tháng 11 năm 2026", "KẾ HOẠCH", "Ứng dụng công nghệ thông tin"])
    rows = [
        ["STT", "Nội dung thực hiện", "Thời gian", "Đơn vị chủ trì", "Kinh phí"],
        ["1", "Xây dựng mạng diện rộng của tỉnh", "2023", "Sở Tư pháp", "1412"],
        ["2", "Nâng cấp Trung tâm tích hợp dữ liệu", "2024 - 2025", "Văn phòng UBND tỉnh", "955"],
    ]
    record = extract_text(head + "\n" + _cells_text(rows))
    assert record.issued_date is None
    assert not [t for t in record.tasks if t["assignee"] in ("Sở Tư pháp", "Văn phòng UBND tỉnh")]
