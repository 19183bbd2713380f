"""The header of a scanned document as Tesseract reads it: the left column (issuer, number,
V/v) before the motto's, a cell mark between, noise in the margin, a stamped number or a
handwritten day it cannot read. The type and the issuer must still be read: the task reader
chooses its forms by the type."""
from nlp.extract import extract_text


def test_noise_in_the_margin_does_not_hide_the_issuer_and_the_number():
    text = (
        "97-\n"
        "THỦ TƯỚNG CHÍNH PHỦ\n"
        "Số: 4@† /TTg-KTTH\n"
        "V/w thúc đẩy giải ngân vốn đầu tư công\n"
        "|\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 12 tháng 3 năm 2026\n"
        "|\n"
        "Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh, thành phố.\n"
        "Thủ tướng Chính phủ có ý kiến như sau:\n"
        "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo giải ngân hết vốn được giao.\n"
    )
    r = extract_text(text)
    assert r.doc_type == "CV"  # a number with no type code, a V/v line: a công văn
    assert r.issuer == "Thủ tướng Chính phủ"
    assert r.issued_date == "2026-03-12"
    assert r.symbol is None  # the number is not guessed


def test_a_number_and_a_day_ocr_cannot_read_still_make_a_document():
    text = (
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH QUẢNG NGÃI\n"
        "Số:4@` /TB-UBND\n"
        "|\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Quảng Ngãi, ngày 3⁄44 tháng 01 năm 2025\n"
        "THÔNG BÁO\n"
        "|\n"
        "Về việc thụ lý giải quyết khiếu nại\n"
        "Kính gửi: Ông Nguyễn Văn A\n"
        "Ủy ban nhân dân tỉnh thông báo đơn khiếu nại được thụ lý.\n"
    )
    r = extract_text(text)
    assert r.doc_type == "TB"
    assert r.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"


def test_a_forms_field_is_no_unreadable_number():
    text = (
        "Thủ tục cấp giấy chứng sinh\n"
        "**Bước 1.** Thân nhân của trẻ nộp tờ khai cho cơ sở khám bệnh, chữa bệnh.\n"
        "TỜ KHAI ĐỀ NGHỊ CẤP GIẤY CHỨNG SINH\n"
        "Họ và tên người mẹ: ……………………\n"
        "Số ĐDCN/Hộ chiếu: ……………………………\n"
        "** Số lượng hồ sơ**: 01 bộ\n"
    )
    r = extract_text(text)
    assert r.doc_type is None and r.symbol is None


def test_the_type_name_is_read_when_neither_the_number_nor_the_day_is():
    text = (
        "BỘ CÔNG THƯƠNG\n"
        "ˆ\n"
        "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP\n"
        "THÀNH PHÓ HÒ CHÍ MINH\n"
        "|\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phú\n"
        "——..=\n"
        "|\n"
        "Thành phó Hô Chí Minh, ngày\n"  # the day handwritten, its month and year on another line
        "số: ÄÉ/KH-ĐCN\n"  # a handwritten number, "Số" read in lower case
        "KẾ HOẠCH\n"
        "Khảo sát mức độ hài lòng của sinh viên năm 2026\n"
        "|\n"
        "tháng 6 năm 2026\n"
        "|\n"
        "Căn cứ Quyết định số 214/QĐ-ĐCN ngày 12 tháng 01 năm 2026 của Hiệu trưởng;\n"
        "Nhà trường ban hành Kế hoạch khảo sát như sau:\n"
        "1. Phòng Đào tạo cung cấp danh sách sinh viên trước ngày 27/6/2026.\n"
    )
    r = extract_text(text)
    assert r.doc_type == "KH"
    assert r.subject == "Khảo sát mức độ hài lòng của sinh viên năm 2026"


def test_an_addressed_letter_whose_number_and_day_are_unreadable_is_a_cong_van():
    text = (
        "BỘ CÔNG AN\n"
        "Số: 4H09 BCA-C04\n"  # the slash lost
        "'V/ tham gia ý kiến vào dự thảo\n"  # "V/v" garbled
        "|\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày tháng ⁄{0 năm 2025\n"
        "|\n"
        "Kính gửi: UBND các tỉnh, thành phố trực thuộc Trung ương\n"
        "Bộ Công an đề nghị UBND các tỉnh, thành phố tham gia ý kiến vào dự thảo và gửi về Bộ Công an.\n"
    )
    r = extract_text(text)
    assert r.doc_type == "CV"
    assert r.symbol is None


def test_a_page_reporting_on_a_document_stays_untyped():
    text = (
        "Tin tức - Sự kiện\n"
        "Tỉnh triển khai kế hoạch cải cách hành chính năm 2025\n"
        "Đăng ngày 12/3/2025\n"
        "Ủy ban nhân dân tỉnh vừa ban hành kế hoạch cải cách hành chính năm 2025, giao các sở, ngành thực hiện.\n"
    )
    assert extract_text(text).doc_type is None
