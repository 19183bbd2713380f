"""Two errors the spot-checks kept finding, read from their conventions on documents written here.

- A thông báo kết luận assigns in its body and in its appendix of "nhiệm vụ giao"; an appendix
  that reports on an earlier notice's tasks ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO SỐ ...",
  a column "Kết quả thực hiện" with "Đã hoàn thành", "Đang thực hiện") gives no duty.
- Coordinators named in a table row's or a labelled item's action ("Chủ trì, phối hợp với Bộ Tư
  pháp, Văn phòng Chính phủ ...") are its coordinators, as an item's "phối hợp với" always was;
  units the action only mentions ("báo cáo Thủ tướng Chính phủ") are not.
"""
from directives import extract_file

HEAD = (
    "|\nVĂN PHÒNG CHÍNH PHỦ\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
    "Số: 701/TB-VPCP\n|\n*Hà Nội, ngày 20 tháng 11 năm 2025*\n|\n\n"
    "**THÔNG BÁO**\n\n**Kết luận của Phó Thủ tướng tại cuộc họp về chuyển đổi số**\n\n"
    "Ngày 15 tháng 11 năm 2025, Phó Thủ tướng chủ trì cuộc họp. Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:\n\n"
    "1. Các bộ, ngành khẩn trương hoàn thành các nhiệm vụ chậm tiến độ tại Phụ lục I kèm theo; hoàn thành trước ngày 31 tháng 12 năm 2025.\n\n"
    "2. Bộ Nội vụ chủ trì, phối hợp với Bộ Công an, Văn phòng Chính phủ rà soát quy chế làm việc; báo cáo Thủ tướng Chính phủ trong tháng 12 năm 2025.\n\n"
    "|\n**Nơi nhận:**\n- Như trên;\n- Lưu: VT.\n|\n**KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM**\nNguyễn Văn An\n|\n\n"
)


def _table(header, rows):
    text = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    return text + "".join("| " + " | ".join(r) + " |\n" for r in rows)


ASSIGNED = (
    "**PHỤ LỤC I**\n\nNHIỆM VỤ CHẬM TIẾN ĐỘ\n\n*(Kèm theo Thông báo số 701/TB-VPCP)*\n\n"
    + _table(
        ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
        [
            ["1", "Chủ trì, phối hợp với Bộ Tư pháp, Văn phòng Chính phủ xây dựng Nghị định về dữ liệu mở, báo cáo Thủ tướng Chính phủ", "Bộ Khoa học và Công nghệ", "30/12/2025"],
            ["2", "Hoàn thiện cơ sở dữ liệu hộ tịch", "Bộ Tư pháp", "31/12/2025"],
        ],
    )
)
REPORTED = (
    "\n\n**PHỤ LỤC II**\n\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO SỐ 552/TB-VPCP NGÀY 13/10/2025\n\n"
    "*(Kèm theo Thông báo số 701/TB-VPCP)*\n\n"
    + _table(
        ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện", "Tiến độ"],
        [
            ["1", "Xây dựng bộ chỉ số đánh giá chuyển đổi số", "Bộ Khoa học và Công nghệ", "10/10/2025", "Đã báo cáo Chính phủ tại Công văn số 6001/BKHCN", "Đã hoàn thành"],
            ["2", "Chủ trì, phối hợp với Bộ Nội vụ đề xuất khen thưởng", "Bộ Công an", "31/10/2025", "Đang lấy ý kiến các bộ", "Chưa hoàn thành"],
        ],
    )
)


def _tasks(tmp_path, text, name="tb-701.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(str(path)).tasks


def test_an_appendix_that_reports_progress_gives_no_duties(tmp_path):
    tasks = _tasks(tmp_path, HEAD + ASSIGNED + REPORTED)
    actions = [t["action"] for t in tasks]
    assert not any("bộ chỉ số" in a or "khen thưởng" in a for a in actions)  # Phụ lục II: what was done
    assert any(a.startswith("Hoàn thiện cơ sở dữ liệu hộ tịch") for a in actions)  # Phụ lục I: overdue, ordered done
    assert any(t["assignee"] == "Bộ Nội vụ" for t in tasks)  # the body's own duty


def test_a_report_column_alone_marks_the_table_a_report(tmp_path):
    """No title above it: the column of what was done ("Tình hình, kết quả thực hiện") says so."""
    header = ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình hình, kết quả thực hiện"]
    rows = [
        ["1", "Chủ trì, phối hợp với Bộ Tư pháp xây dựng Nghị định về dữ liệu mở", "Bộ Khoa học và Công nghệ", "30/12/2025", "Đang thực hiện"],
        ["2", "Hoàn thiện cơ sở dữ liệu hộ tịch", "Bộ Tư pháp", "31/12/2025", "Đã hoàn thành"],
    ]
    title = "**PHỤ LỤC I**\n\nNHIỆM VỤ CHẬM TIẾN ĐỘ\n\n*(Kèm theo Thông báo số 701/TB-VPCP)*\n\n"
    plain = _tasks(tmp_path, HEAD + title + _table(header[:4], [r[:4] for r in rows]))
    assert any("dữ liệu mở" in t["action"] for t in plain)  # without it: tasks given, read
    tasks = _tasks(tmp_path, HEAD + title + _table(header, rows))
    assert not any("dữ liệu mở" in t["action"] or "hộ tịch" in t["action"] for t in tasks)


def test_coordinators_named_in_a_rows_action(tmp_path):
    tasks = _tasks(tmp_path, HEAD + ASSIGNED)
    row = next(t for t in tasks if "dữ liệu mở" in t["action"])
    assert row["assignee"] == "Bộ Khoa học và Công nghệ"
    assert row["coordinators"] == ["Bộ Tư pháp", "Văn phòng Chính phủ"]  # not "Thủ tướng Chính phủ", only reported to
    plain = next(t for t in tasks if t["action"].startswith("Hoàn thiện cơ sở dữ liệu hộ tịch"))
    assert plain["coordinators"] == []


def test_coordinators_named_in_a_labelled_items_action(tmp_path):
    body = (
        "**KẾ HOẠCH**\n\n**Triển khai chuyển đổi số năm 2026**\n\n**II. NHIỆM VỤ**\n\n"
        "1. Chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và các cơ quan liên quan bám sát tiến độ xây dựng kho dữ liệu dùng chung.\n\n"
        "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n\n- Thời gian hoàn thành: Quý II/2026.\n\n"
        "2. Tổ chức tập huấn kỹ năng số, báo cáo Ủy ban nhân dân tỉnh kết quả.\n\n"
        "- Cơ quan chủ trì: Sở Nội vụ.\n\n- Cơ quan phối hợp: Sở Tư pháp.\n\n- Thời gian hoàn thành: Quý III/2026.\n\n"
    )
    text = (
        "|\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
        "Số: 88/KH-UBND\n|\n*Quảng Ngãi, ngày 12 tháng 11 năm 2025*\n|\n\n" + body
    )
    tasks = _tasks(tmp_path, text, "kh-88.md")
    first = next(t for t in tasks if t["assignee"] == "Sở Khoa học và Công nghệ")
    assert first["coordinators"] == ["Sở Tài chính", "Sở Nội vụ", "các cơ quan liên quan"]
    second = next(t for t in tasks if t["assignee"] == "Sở Nội vụ")
    assert second["coordinators"] == ["Sở Tư pháp"]  # the field only; "Ủy ban nhân dân tỉnh" is reported to
