"""Readers for real inputs: PDF (text layer and scans), Word, legacy Vietnamese encodings.

Every document here is made by the test, in the standard layout of Nghị định 30: a two-column
header table (issuer and number left, motto and date right) and a two-column signature block
(Nơi nhận left, the signer right).
"""
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from directives import extract_file
from directives.cli import cli
from directives.ingest import ReadError, read_document
from directives.ingest.encoding import convert_legacy, fix_legacy

FONT_PLACES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
]
FONT = next((p for p in FONT_PLACES if Path(p).exists()), None)
needs_font = pytest.mark.skipif(FONT is None, reason="no TrueType font with Vietnamese letters (apt-get install fonts-dejavu-core)")

LEFT_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 125/QĐ-UBND"]
RIGHT_HEAD = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 05 tháng 3 năm 2025"]
BODY = [
    "QUYẾT ĐỊNH",
    "Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2025",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
    "Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
]
LEFT_SIGN = ["Nơi nhận:", "- Như Điều 2;", "- Sở Nông nghiệp và Môi trường;", "- Lưu: VT."]
RIGHT_SIGN = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Hùng"]


def check_fields(record):
    assert record.symbol == "125/QĐ-UBND"
    assert record.doc_type == "QĐ"
    assert record.issued_date == "2025-03-05"
    assert record.place == "Quảng Ngãi"
    assert record.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert record.subject == "Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2025"
    assert record.signer == "Trần Văn Hùng" and record.signer_title == "Phó Chủ tịch"
    assert record.recipients == ["Như Điều 2", "Sở Nông nghiệp và Môi trường"]
    assert [r["symbol"] for r in record.references] == ["66/2021/NĐ-CP"]


# ---------------------------------------------------------------------------- DOCX


def word_document(head: tuple[list, list], body: list, sign: tuple[list, list]):
    """A python-docx document laid out as offices write one: the header's two columns in a
    table, the body's paragraphs, the Nơi nhận and signature side by side in a table."""
    import docx

    document = docx.Document()

    def two_cells(left, right):
        table = document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (left, right)):
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)

    two_cells(*head)
    for line in body:
        document.add_paragraph(line)
    two_cells(*sign)
    return document


def make_docx(path):
    word_document((LEFT_HEAD, RIGHT_HEAD), BODY, (LEFT_SIGN, RIGHT_SIGN)).save(path)


def test_docx_header_and_signature_tables_are_read_by_column(tmp_path):
    path = tmp_path / "qd-125.docx"
    make_docx(path)
    record = extract_file(str(path))
    assert record.source.format == "docx"
    check_fields(record)


# ---------------------------------------------------------------------------- PDF with a text layer


def make_pdf(path, encrypt=False):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("body", fname=FONT)
    pdf.add_page()
    pdf.set_font("body", size=11)

    def two_columns(left, right, y):
        for i in range(max(len(left), len(right))):
            if i < len(left) and left[i]:
                pdf.text(20, y + 6 * i, left[i])
            if i < len(right) and right[i]:
                pdf.text(95, y + 6 * i, right[i])
        return y + 6 * max(len(left), len(right)) + 8

    y = two_columns(LEFT_HEAD, RIGHT_HEAD, 20)
    for line in BODY:
        pdf.text(20, y, line)
        y += 7
    two_columns(LEFT_SIGN, RIGHT_SIGN, y + 8)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))


@needs_font
def test_text_pdf_columns_are_rebuilt_from_word_positions(tmp_path):
    path = tmp_path / "qd-125.pdf"
    make_pdf(path)
    doc = read_document(str(path))
    # plain extraction would give "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..." on one line
    assert "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 125/QĐ-UBND\n|" in doc.text
    assert doc.pages[0][:2] == (1, False)  # page 1, read from its text layer
    record = extract_file(str(path))
    check_fields(record)
    assert record.ocr_pages == [] and record.read_by_ocr == []


@needs_font
def test_encrypted_and_corrupt_pdfs_fail_with_their_reason_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(folder / "a-good.pdf")
    make_pdf(folder / "b-locked.pdf", encrypt=True)
    whole = (folder / "a-good.pdf").read_bytes()
    (folder / "c-broken.pdf").write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ReadError, match="encrypted"):
        read_document(str(folder / "b-locked.pdf"))
    with pytest.raises(ReadError, match="damaged PDF"):
        read_document(str(folder / "c-broken.pdf"))
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--jobs", "1"])
    assert result.exit_code == 1
    assert "1 added" in result.output and "2 failed" in result.output
    assert "b-locked.pdf: the PDF is encrypted" in result.output


@needs_font
def test_a_page_number_is_no_word_of_a_sentence_that_runs_over_the_page(tmp_path):
    # page 2 prints its number "2" above the rest of item 2's sentence; the number is dropped,
    # and the item's closing time is its task's deadline
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("body", fname=FONT)
    pdf.set_font("body", size=11)
    pdf.add_page()
    y = 20
    for line in ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 25/TB-UBND", "Quảng Ngãi, ngày 10 tháng 01 năm 2025",
                 "", "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp",
                                 "", "2. Giao Sở Tài chính chủ trì rà soát, đề xuất phương án xử lý, bảo đảm việc"]:
        pdf.text(20, y, line)
        y += 7
    pdf.add_page()
    pdf.text(103, 12, "2")
    for i, line in enumerate(["thực hiện đúng quy định. Hoàn thành và báo cáo UBND tỉnh trước",
                              "ngày 20/02/2025.", "", "3. Giao Sở Nội vụ rà soát biên chế các đơn vị."]):
        pdf.text(20, 25 + 7 * i, line)
    path = tmp_path / "tb-25.pdf"
    pdf.output(str(path))
    doc = read_document(str(path))
    assert "\n2\n" not in doc.text and "bảo đảm việc" in doc.text
    task = next(t for t in extract_file(str(path)).tasks if t["assignee"] == "Sở Tài chính")
    assert "việc thực hiện đúng quy định" in task["action"]
    assert task["deadline"] == "2025-02-20"


# ---------------------------------------------------------------------------- scanned PDF


def make_scan(path):
    """A page of the standard layout rendered to an image, saved as an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 300 / 72
    page = Image.new("L", (int(595 * scale), int(842 * scale)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, int(12 * scale))

    def text(x, y, line):
        draw.text((x * scale, y * scale), line, fill=0, font=font)

    y = 60
    for i in range(3):
        text(55, y + 18 * i, LEFT_HEAD[i])
        text(290, y + 18 * i, RIGHT_HEAD[i])
    y += 80
    for line in BODY:
        text(55, y, line)
        y += 20
    page.save(path, "PDF", resolution=300)


needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


@needs_font
@needs_tesseract
def test_a_scanned_page_is_read_by_ocr_and_says_so(tmp_path):
    path = tmp_path / "scan.pdf"
    make_scan(path)
    record = extract_file(str(path))
    assert record.ocr_pages == [1]
    assert record.symbol == "125/QĐ-UBND"
    assert record.issued_date == "2025-03-05"
    assert record.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert {"symbol", "issued_date", "issuer"} <= set(record.read_by_ocr)


def make_sealed_scan(path):
    """A scanned QĐ as it leaves the office: the number written by hand (here a scribble no
    OCR reads), the signature block under a red seal whose rings cross the post and the
    signer's name (printed over them, as seal ink lets the black through)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    scale = 300 / 72
    page = Image.new("RGB", (int(595 * scale), int(842 * scale)), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, int(12 * scale))

    def text(x, y, line):
        draw.text((x * scale, y * scale), line, fill="black", font=font)

    left = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số:         /QĐ-UBND"]
    y = 60
    for i in range(3):
        text(55, y + 18 * i, left[i])
        text(290, y + 18 * i, RIGHT_HEAD[i])
    # the handwritten number: strokes between "Số:" and "/QĐ-UBND"
    draw.line([(80 * scale, 107 * scale), (85 * scale, 95 * scale), (89 * scale, 108 * scale), (95 * scale, 96 * scale)], fill=(20, 20, 120), width=6)
    y += 80
    for line in BODY:
        text(55, y, line)
        y += 20
    y += 20
    for i, line in enumerate(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Hoàng Minh"]):
        text(330, y + 18 * i, line)
    text(55, y, "Nơi nhận:")
    text(55, y + 18, "- Như Điều 2;")
    seal = Image.new("RGB", page.size, "white")
    rings = ImageDraw.Draw(seal)
    cx, cy, r = 330 * scale, (y + 40) * scale, 55 * scale
    rings.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(215, 30, 35), width=int(7 * scale))
    rings.ellipse((cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7), outline=(215, 30, 35), width=int(3 * scale))
    ImageChops.multiply(page, seal).save(path, "PDF", resolution=300)


@needs_font
@needs_tesseract
def test_a_sealed_scan_with_a_handwritten_number_is_read(tmp_path):
    path = tmp_path / "47 QĐ UB.signed_20250117_170630.pdf"  # how the office names its scans
    make_sealed_scan(path)
    record = extract_file(str(path))
    assert record.ocr_pages == [1]
    assert record.signer_title == "Chủ tịch"  # read through the seal: its red is taken out first
    assert record.signer == "Nguyễn Hoàng Minh"
    assert record.symbol == "47/QĐ-UBND"  # the number from the file name, the codes from the page
    assert record.from_file_name == ["symbol"] and "symbol" not in record.read_by_ocr
    # the same page under a name that gives no number keeps the number unknown, not guessed
    other = tmp_path / "scan.pdf"
    other.write_bytes(path.read_bytes())
    assert extract_file(str(other)).symbol is None


def test_a_file_name_gives_a_number_only_with_codes_that_agree():
    from directives.nlp.file_name import number_from_file_name

    assert number_from_file_name("574 UB.signed_20250510_124908.pdf", "UBND-KTTH") == "574"
    assert number_from_file_name("660TBUB.signed_20250219_234149.pdf", "TB-UBND") == "660"
    assert number_from_file_name("d37-47-Q-UB-signed-1-20250510-124908.pdf", "QĐ-UBND") == "47"
    assert number_from_file_name("84 QĐ UB.signed.pdf", "TB-UBND") is None  # other codes
    assert number_from_file_name("12 QĐ UB và 13 QĐ UB.pdf", "QĐ-UBND") is None  # two numbers
    assert number_from_file_name("scan_20250510.pdf", "QĐ-UBND") is None


@needs_font
def test_ocr_never_refuses_a_scan_with_a_clear_reason(tmp_path):
    path = tmp_path / "scan.pdf"
    make_scan(path)
    with pytest.raises(ReadError, match="OCR is off"):
        read_document(str(path), ocr="never")


@needs_font
def test_without_tesseract_a_scan_says_what_to_install(tmp_path, monkeypatch):
    from directives.ingest import ocr

    path = tmp_path / "scan.pdf"
    make_scan(path)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.available.cache_clear()
    try:
        with pytest.raises(ReadError, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
            read_document(str(path))
    finally:
        ocr.available.cache_clear()


# ---------------------------------------------------------------------------- encodings

TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nQuyÕt ®Þnh cña Uû ban nh©n d©n tØnh"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nQuyeát ñònh cuûa UÛy ban nhaân daân tænh"
UNICODE = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nQuyết định của Ủy ban nhân dân tỉnh"


def test_tcvn3_and_vni_are_detected_and_converted():
    text, encoding = fix_legacy(TCVN3)
    assert encoding == "tcvn3" and text.replace("hoà", "hòa").replace("Uỷ", "Ủy") == UNICODE
    text, encoding = fix_legacy(VNI)
    assert encoding == "vni" and text == UNICODE
    assert fix_legacy(UNICODE) is None
    assert fix_legacy("Café, naïve résumé, Ångström") is None  # plain Latin-1 text stays as it is
    assert convert_legacy("Tæng côc ThuÕ", "tcvn3") == "Tổng cục Thuế"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: the letter, then its tone mark apart."""
    import unicodedata

    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "name, data, encoding",
    [
        ("tcvn3.txt", TCVN3.encode("cp1252"), "tcvn3"),
        ("vni.txt", VNI.encode("cp1252"), "vni"),
        ("utf16.txt", UNICODE.encode("utf-16"), "utf-16"),
        ("cp1258.txt", to_cp1258(UNICODE), "windows-1258"),
        ("utf8.txt", UNICODE.encode("utf-8"), "utf-8"),
    ],
)
def test_text_files_in_every_encoding_read_as_unicode(tmp_path, name, data, encoding):
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(str(path))
    assert doc.encoding == encoding
    folded = doc.text.replace("hoà", "hòa").replace("Uỷ", "Ủy")
    import unicodedata

    assert unicodedata.normalize("NFC", folded) == UNICODE


def test_html_saved_as_doc_is_read_as_html(tmp_path):
    path = tmp_path / "old.doc"
    path.write_text("<html><body><p>ỦY BAN NHÂN DÂN</p><p>Số: 7/CT-UBND</p></body></html>", encoding="utf-8")
    doc = read_document(str(path))
    assert doc.format == "html" and "Số: 7/CT-UBND" in doc.text


def test_a_file_that_is_not_a_word_document_says_so(tmp_path):
    path = tmp_path / "fake.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError) as caught:
        read_document(str(path))
    assert caught.value.path == str(path) and "OLE" in caught.value.reason


def _rtf_escape(text: str) -> str:
    """Vietnamese letters as RTF writes them: \\'xx for the code page's bytes, \\uN? for the rest."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\par\n")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("".join(f"\\'{b:02x}" for b in ch.encode("cp1258")))
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def test_rtf_saved_as_doc_is_read_by_content(tmp_path):
    header = (
        "{\\trowd\\cellx4000\\cellx9000 " + _rtf_escape("ỦY BAN NHÂN DÂN\\line TỈNH NGHỆ AN\\line Số: 61/2003/QĐ-UB")
        + "\\cell " + _rtf_escape("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\line Độc lập - Tự do - Hạnh phúc\\line Nghệ An, ngày 04 tháng 7 năm 2003")
        + "\\cell\\row}\n"
    )
    body = _rtf_escape(
        "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nVề việc ban hành bảng giá tối thiểu\n"
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ Nghị định số 176/1999/NĐ-CP ngày 21/12/1999 của Chính phủ;\n"
        "QUYẾT ĐỊNH\nĐiều 1. Ban hành bảng giá.\nĐiều 2. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính "
        "chịu trách nhiệm thi hành Quyết định này./.\nTM. ỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    path = tmp_path / "61_2003_QĐ-UB.doc"
    path.write_bytes(("{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + header + body + "}").encode("ascii"))
    doc = read_document(path)
    assert doc.format == "rtf" and doc.encoding == "cp1258"
    record = extract_file(path)
    assert record.symbol == "61/2003/QĐ-UB"
    assert record.issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    assert record.issued_date == "2003-07-04"
    assert record.subject == "Về việc ban hành bảng giá tối thiểu"
    assert record.references[0]["symbol"] == "176/1999/NĐ-CP"


def test_a_number_ocr_read_differently_from_the_file_name_is_taken_from_the_name():
    from directives import extract_document
    from directives.ingest.document import RawDocument

    header = "\n".join(LEFT_HEAD[:2] + ["Số: 4 /QĐ-UBND", "|"] + RIGHT_HEAD + ["|"] + BODY)
    scanned = RawDocument("24 QĐ UB.signed_20250207.pdf", "pdf", "0" * 64, header, pages=[(1, True, header)])
    record = extract_document(scanned)
    assert record.symbol == "24/QĐ-UBND" and record.from_file_name == ["symbol"]
    typed = RawDocument("24 QĐ UB.signed_20250207.pdf", "pdf", "0" * 64, header, pages=[(1, False, header)])
    assert extract_document(typed).symbol == "4/QĐ-UBND"  # a text layer is what it says
