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
