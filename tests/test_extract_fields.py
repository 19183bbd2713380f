"""Each field of the record, on documents written for the tests in the real layouts."""
from directives import extract_file
from directives.nlp.extract import extract_text

from .conftest import EXAMPLES


def test_markdown_table_header_with_breaks_inside_fields():
    r = extract_file(str(EXAMPLES / "qd-0457-ubnd-dak-lak.md"))
    assert r.source.format == "md"
    assert r.symbol == "0457/QĐ-UBND"  # "Số:\n0457/QĐ-UBND"
    assert r.doc_type == "QĐ"
    assert r.issued_date == "2025-03-07"  # "ngày 07\ntháng 3 năm 2025"
    assert r.place == "Đắk Lắk"
    assert r.issuer == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert r.subject.lower().startswith("về việc ban hành kế hoạch phòng, chống thiên tai")
    assert "Đắk Lắk" in r.subject  # capitals of names restored from the body
    assert r.signer == "Trương Công Thái"  # the name runs over two lines
    assert r.signer_title == "Phó Chủ tịch"  # KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    assert r.recipients == ["Như Điều 3", "Bộ Nông nghiệp và Môi trường", "TT Tỉnh ủy, TT HĐND tỉnh"]


def test_plain_text_with_department_under_provincial_committee():
    r = extract_file(str(EXAMPLES / "kh-0031-sct-quang-ngai.txt"))
    assert r.symbol == "31/KH-SCT"  # "Số: 31 /KH-SCT": spaces removed
    assert r.doc_type == "KH"
    assert r.issuer.lower() == "sở công thương tỉnh quảng ngãi"
    assert r.urgency == "Khẩn"
    assert r.secrecy is None
    assert r.subject.startswith("Bảo đảm cung ứng hàng hóa")  # "hoá" normalised
    assert (r.signer, r.signer_title) == ("Lê Thị Hồng Vân", "Phó Giám đốc")
    assert r.recipients == ["UBND tỉnh", "Bộ Công Thương", "Các phòng, đơn vị thuộc Sở"]


def test_html_cong_van_with_site_chrome():
    r = extract_file(str(EXAMPLES / "cv-2105-btc-cst.html"))
    assert r.source.format == "html"
    assert r.symbol == "2105/BTC-CST"
    assert r.doc_type == "CV"  # no type in the symbol, a V/v line
    assert r.subject == "V/v hướng dẫn chính sách thuế đối với hàng hóa nhập khẩu phục vụ phòng, chống dịch"
    assert r.issuer == "Bộ Tài chính"
    assert r.place == "Hà Nội" and r.issued_date == "2025-02-28"
    assert (r.signer, r.signer_title) == ("Cao Anh Tuấn", "Thứ trưởng")
    assert r.recipients == ["Như trên", "Lãnh đạo Bộ", "Cục Thuế"]
    assert "tracking" not in r.text and "Trang chủ" not in r.text


def test_squashed_header_and_signature():
    text = (
        "Thông tư 07/2024/TT-BXD\n"
        "BỘ XÂY DỰNG --------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 07/2024/TT-BXD\n"
        "Hà Nội, ngày 05 tháng 8 năm 2024 THÔNG TƯ HƯỚNG DẪN QUẢN LÝ CHI PHÍ BẢO TRÌ CÔNG TRÌNH "
        "BỘ TRƯỞNG BỘ XÂY DỰNG\n"
        "Căn cứ Nghị định số 52/2022/NĐ-CP ngày 08 tháng 8 năm 2022 của Chính phủ;\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Nơi nhận: - Văn phòng Chính phủ; - Các Bộ, cơ quan ngang Bộ; - Lưu: VT, KTXD.\n"
        "KT. BỘ TRƯỞNG THỨ TRƯỞNG (Đã ký) Nguyễn Văn Sinh\n"
    )
    r = extract_text(text)
    assert r.symbol == "07/2024/TT-BXD"
    assert r.doc_type == "TT"
    assert r.issued_date == "2024-08-05" and r.place == "Hà Nội"
    assert r.subject.lower() == "hướng dẫn quản lý chi phí bảo trì công trình"
    assert r.issuer == "Bộ Xây dựng" or r.issuer.lower() == "bộ xây dựng"
    assert (r.signer, r.signer_title) == ("Nguyễn Văn Sinh", "Thứ trưởng")
    assert r.recipients == ["Văn phòng Chính phủ", "Các Bộ, cơ quan ngang Bộ"]


def test_interleaved_columns_and_secrecy_mark():
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc\n"
        "MẬT\n"
        "Số: 12/CT-UBND Nghệ An, ngày 3 tháng 4 năm 2025\n"
        "CHỈ THỊ\n"
        "Về tăng cường công tác bảo vệ bí mật nhà nước\n"
        "Thời gian qua, công tác bảo vệ bí mật nhà nước được quan tâm.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nHoàng Văn Nam\n"
    )
    r = extract_text(text)
    assert r.symbol == "12/CT-UBND" and r.doc_type == "CT"
    assert r.issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    assert r.place == "Nghệ An" and r.issued_date == "2025-04-03"
    assert r.secrecy == "Mật"
    assert r.subject == "Về tăng cường công tác bảo vệ bí mật nhà nước"
    assert (r.signer, r.signer_title) == ("Hoàng Văn Nam", "Chủ tịch")


def test_missing_header_issuer_from_symbol_place_and_body():
    text = (
        "Số: 120/KH-SCT\n\nBến Tre, ngày 02 tháng 3 năm 2022\n\nKẾ HOẠCH\n\nTriển khai chương trình khuyến công\n\n"
        "Sở Công Thương ban hành Kế hoạch như sau:\n\nGIÁM ĐỐC\n\nPhan Văn Hòa\n"
    )
    r = extract_text(text)
    assert r.issuer == "Sở Công Thương tỉnh Bến Tre"
    assert r.symbol == "120/KH-SCT" and r.doc_type == "KH"


def test_news_page_is_not_a_document():
    text = (
        "TRANG CHỦ | GIỚI THIỆU\n\nHội nghị triển khai kế hoạch năm 2024\n\n(Cập nhật: 12/01/2024)\n"
        "Sở Công Thương đã ban hành kế hoạch thực hiện Quyết định số 55/QĐ-UBND ngày 05/01/2024 của UBND tỉnh Bến Tre.\n"
    )
    r = extract_text(text)
    assert r.symbol is None and r.doc_type is None and r.place is None
    assert r.issued_date == "2024-01-12"
    assert r.subject == "Hội nghị triển khai kế hoạch năm 2024"
    assert r.issuer == "Sở Công Thương tỉnh Bến Tre"


def test_document_that_lost_its_number_and_date_keeps_its_printed_type():
    # a notice copied without its header block: no "Số:" line, no date line, but the type
    # name printed as its title and a signature below: a document, not a page about one
    text = (
        "THÔNG BÁO\n\nKẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI BUỔI LÀM VIỆC VỚI HUYỆN A\n\n"
        "Ngày 03 tháng 4 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh đã làm việc với huyện A.\n"
        "1. Giao Sở Xây dựng chủ trì rà soát quy hoạch, báo cáo trước ngày 30 tháng 4 năm 2025.\n\n"
        "**KT. CHÁNH VĂN PHÒNG**\n**PHÓ CHÁNH VĂN PHÒNG**\n**Trần Văn Bình**\n"
    )
    r = extract_text(text)
    assert r.doc_type == "TB"
    assert r.symbol is None and r.issued_date is None


def test_a_sentence_about_a_day_is_not_the_place_and_date_line():
    # an article: "Từ ngày ..., ..." and "Thứ Tư, ngày ..." open sentences; neither word is a place
    for opening in ("Từ ngày 02/12/2025, tổng đài chính thức đi vào hoạt động.",
                    "Thứ Tư, ngày 02/9/2026, Bộ Nội vụ đã tổ chức hội nghị."):
        r = extract_text("Tổng đài tư vấn thủ tục đất đai là số mấy?\n\n" + opening + "\n")
        assert r.place is None and r.issued_date is None, opening


def test_site_boilerplate_is_cut_from_the_text():
    text = (
        "**Số hiệu:**\n|\n9/QĐ-UBND\n|\n**ỦY BAN NHÂN DÂN**\nTỈNH AN GIANG\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
        "Số: 9/QĐ-UBND\n|\n*An Giang, ngày 2 tháng 1 năm 2025*\n|\n**QUYẾT ĐỊNH**\nVề việc thử\n"
        "**Điều 1.** Nội dung.\n"
        "Văn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nNghị định 13/2023/NĐ-CP về bảo vệ dữ liệu\n"
    )
    r = extract_text(text)
    assert r.symbol == "9/QĐ-UBND"
    assert "13/2023" not in r.text and "Số hiệu" not in r.text
