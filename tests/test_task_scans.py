"""Tasks of scanned documents, as OCR gives their text: lines Tesseract left out of a page,
marks it lost, and the forms scans of công văn, thông báo and QĐ xử phạt are written in.
The documents are written here, in the layout the OCR reader makes (no corpus text)."""
from __future__ import annotations

import pytest

from directives.ingest import ocr
from directives.nlp.extract import extract_text

PIL = pytest.importorskip("PIL")
from PIL import Image, ImageDraw  # noqa: E402

# ---------------------------------------------------------------------------- lines OCR left out

WIDTH, HEIGHT = 1650, 2340  # an A4 page at 200 dpi
LINES = [
    "4. Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan hướng dẫn UBND cấp huyện.",
    "5. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Bộ Chỉ huy Quân sự tỉnh, Tỉnh đoàn phối hợp chặt chẽ",
    "với UBND huyện trong công tác huy động nguồn lực thực hiện Chương trình.",
]


def _page() -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A page of twelve body lines drawn as runs of word blocks, and each line's box; and a
    signature stroke under them, which no word box covers."""
    page = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(page)
    boxes = []
    for i in range(12):
        top = 200 + 60 * i
        x = 270
        while x < 1420:
            draw.rectangle((x, top, x + 70, top + 28), fill=0)
            x += 90
        boxes.append((270, top, 1420 - 270, 28))
    draw.line((900, 1200, 1300, 1100), fill=0, width=6)  # the signer's stroke
    return page, boxes


def _tsv(boxes, texts) -> str:
    rows = [ocr._TSV_HEADER.rstrip("\n")]
    for n, ((left, top, width, height), text) in enumerate(zip(boxes, texts)):
        rows.append(f"5\t1\t1\t1\t{n + 1}\t1\t{left}\t{top}\t{width}\t{height}\t95\t{text}")
    return "\n".join(rows) + "\n"


def test_a_page_whose_mode_leaves_two_lines_out_is_read_again(monkeypatch):
    """Two lines of twelve lost are less than LOST_INK of the page's ink, but a band as wide
    as the text: the page is read again as one block, and the item's units come back."""
    page, boxes = _page()
    texts = [f"dòng {i}" for i in range(12)]
    texts[9:12] = LINES
    kept = [i for i in range(12) if i not in (10, 11)]
    first = _tsv([boxes[i] for i in kept], [texts[i] for i in kept])
    whole = _tsv(boxes, texts)
    modes = []

    def read(image, path="", dpi=ocr.DPI, mode=4):
        modes.append(mode)
        return first if mode == 4 else whole

    monkeypatch.setattr(ocr, "tesseract_words", read)
    share = ocr._ink_not_read(page, first)
    assert share is not None and share < ocr.LOST_INK  # the old test alone did not see it
    text = ocr.recognise(page)
    assert modes == [4, 6]
    assert "Bộ Chỉ huy Quân sự tỉnh" in text and "với UBND huyện" in text


def test_a_signature_left_unread_does_not_make_a_page_read_twice(monkeypatch):
    page, boxes = _page()
    tsv = _tsv(boxes, [f"dòng {i}" for i in range(12)])
    modes = []

    def read(image, path="", dpi=ocr.DPI, mode=4):
        modes.append(mode)
        return tsv

    monkeypatch.setattr(ocr, "tesseract_words", read)
    ocr.recognise(page)
    assert modes == [4]


# ---------------------------------------------------------------------------- white shading is no table

from .test_readers import FONT, needs_font  # noqa: E402

SHADED = [
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
    "Số: 12/TB-UBND",
    "THÔNG BÁO",
    "1. Yêu cầu Sở Tài chính khẩn trương rà soát, tổng hợp nhu cầu kinh phí",
    "của các địa phương, báo cáo UBND tỉnh trước ngày 30/11/2025.",
    "2. Sở Xây dựng chủ trì, phối hợp với UBND các huyện hướng dẫn thực hiện.",
]


@needs_font
def test_white_shading_behind_each_line_is_not_read_as_a_table(tmp_path):
    """A Word document exported with white shading draws a white rectangle behind each line,
    with white borders: the lines are read as lines, not as rows of cells closed by "|"."""
    from fpdf import FPDF

    from directives.ingest.registry import read_document

    pdf = FPDF(format="A4")
    pdf.add_font("body", fname=FONT)
    pdf.add_page()
    pdf.set_font("body", size=12)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(255, 255, 255)
    y = 30
    for line in SHADED:
        pdf.rect(20, y - 5, 170, 7, style="F")
        pdf.rect(60, y - 5, 50, 7, style="F")  # a run of the line shaded on its own
        pdf.line(20, y - 5, 190, y - 5)
        pdf.line(20, y - 5, 20, y + 2)
        pdf.line(60, y - 5, 60, y + 2)
        pdf.line(110, y - 5, 110, y + 2)
        pdf.line(190, y - 5, 190, y + 2)
        pdf.text(22, y, line)
        y += 7
    path = tmp_path / "tb-12.pdf"
    pdf.output(str(path))
    text = read_document(str(path), ocr="never").text
    assert "|" not in text
    assert "khẩn trương rà soát, tổng hợp nhu cầu kinh phí\ncủa các địa phương" in text


# ---------------------------------------------------------------------------- marks OCR lost

QD_HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc hỗ trợ kinh phí\n"


def _ocr_lines(lines: list[str]) -> str:
    """The text the OCR reader gives for these lines, read word by word from Tesseract's TSV."""
    rows = [ocr._TSV_HEADER.rstrip("\n")]
    for n, line in enumerate(lines):
        x = 270
        for k, word in enumerate(line.split()):
            rows.append(f"5\t1\t1\t1\t{n + 1}\t{k + 1}\t{x}\t{200 + 60 * n}\t{12 * len(word)}\t28\t90\t{word}")
            x += 12 * len(word) + 14
    return ocr.words_to_text("\n".join(rows) + "\n")


def test_a_title_read_without_its_tone_still_heads_its_unit():
    """"Giám đôc", "Quyêt định", "phôi hợp": the marks OCR lost come back on the phrases the
    extraction reads, so the Kho bạc's director is given the closing duty like the others."""
    text = _ocr_lines(
        [
            "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đôc Sở Tài chính; Giám đôc Kho bạc",
            "Nhà nước tỉnh chịu trách nhiệm thi hành Quyêt định này./.",
        ]
    )
    assert "Giám đốc Kho bạc" in text and "Quyết định này" in text
    units = [t["assignee"] for t in extract_text(QD_HEAD + text).tasks]
    assert units == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Giám đốc Kho bạc Nhà nước tỉnh"]


def test_marks_are_given_back_only_where_one_phrase_fits():
    assert ocr.restore_marks("Sở Y tế phôi hợp với các đơn vị tô chức") == "Sở Y tế phối hợp với các đơn vị tổ chức"
    assert ocr.restore_marks("CHU TỊCH") == "CHỦ TỊCH"
    # a word with another mark than the phrase's is another word, not a lost mark
    assert ocr.restore_marks("Bộ Tư lệnh Hải quân; Thứ trưởng") == "Bộ Tư lệnh Hải quân; Thứ trưởng"
    # one tone read as another in a phrase of two words: "để nghị" is "đề nghị", but "để" before
    # "nghị quyết" is "để" (so that), and a word of its own is left alone
    assert ocr.restore_marks("Bộ Thông tin và Truyền thông để nghị Quý cơ quan") == "Bộ Thông tin và Truyền thông đề nghị Quý cơ quan"
    assert ocr.restore_marks("Kính để nghị các thành viên") == "Kính đề nghị các thành viên"
    assert ocr.restore_marks("để nghị quyết sớm đi vào cuộc sống") == "để nghị quyết sớm đi vào cuộc sống"
    assert ocr.restore_marks("Sở Tư pháp để thực hiện") == "Sở Tư pháp để thực hiện"
    assert ocr.restore_marks("Chủ tịch ƯBND các huyện") == "Chủ tịch UBND các huyện"


# ---------------------------------------------------------------------------- "Đề nghị" of a thông báo


TB_HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 30/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n"


def test_a_request_to_the_front_and_the_unions_names_each_of_them():
    """"Đề nghị Ủy ban MTTQ ..., Tỉnh đoàn và các tổ chức chính trị - xã hội phối hợp ...":
    "tổ chức" after "các" is a noun, the unions, not the verb that ends the list."""
    text = TB_HEAD + (
        "3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Bộ Chỉ huy Quân sự tỉnh, Tỉnh đoàn\n"
        "và các tổ chức chính trị - xã hội phối hợp chặt chẽ với UBND huyện trong\n"
        "công tác huy động nguồn lực thực hiện Chương trình.\n"
    )
    units = [t["assignee"] for t in extract_text(text).tasks]
    assert units == ["Ủy ban MTTQ Việt Nam tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Tỉnh đoàn", "các tổ chức chính trị - xã hội"]


CV_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 88/UBND-KTTH\nV/v đăng ký bổ sung nội dung\n"
    "Kính gửi: Thường trực HĐND tỉnh\n"
)


def test_a_cong_van_closing_request_to_consider_names_the_body_asked():
    """"(Kính) đề nghị Thường trực HĐND tỉnh xem xét, quyết định.": the công văn's closing
    request; "xem xét" ends the name, whatever verb follows it."""
    text = CV_HEAD + (
        "UBND tỉnh đăng ký bổ sung nội dung trình HĐND tỉnh tại kỳ họp thứ 12, như sau:\n"
        "Nghị quyết về giao dự toán năm 2025 cho Sở Nội vụ.\n"
        "Đề nghị Thường trực HĐND tỉnh xem xét, quyết định./.\n"
    )
    tasks = extract_text(text).tasks
    assert [(t["assignee"], t["action"]) for t in tasks] == [("Thường trực HĐND tỉnh", "(đề nghị) xem xét, quyết định")]


def test_a_request_paper_of_a_procedure_asks_nothing():
    """"Văn bản đề nghị UBND tỉnh xem xét cấp giấy phép", "hồ sơ đề nghị Sở Y tế kiểm tra":
    the papers a procedure makes, not requests."""
    for paper in ("dự thảo Văn bản đề nghị UBND tỉnh xem xét cấp giấy phép", "lập hồ sơ đề nghị Sở Y tế kiểm tra, cấp giấy phép"):
        text = CV_HEAD + f"Bước 4. Chuyên viên {paper}, trình\nlãnh đạo phòng ký nháy.\n"
        assert extract_text(text).tasks == [], paper


# ---------------------------------------------------------------------------- QĐ xử phạt (Nghị định 118/2021)

SANCTION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 21/QĐ-XPHC
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 12 tháng 3 năm 2025
|
QUYẾT ĐỊNH
Xử phạt vi phạm hành chính
Căn cứ Luật Xử lý vi phạm hành chính;
QUYẾT ĐỊNH:
Điều 1.
1. Xử phạt vi phạm hành chính đối với tổ chức có tên sau đây:
Tên tổ chức: Công ty TNHH Chế biến gỗ Hoài Nhơn.
2. Đã thực hiện hành vi vi phạm hành chính: Xả khí thải vượt quy chuẩn kỹ thuật.
6. Bị áp dụng hình thức xử phạt, biện pháp khắc phục hậu quả như sau:
a) Hình thức xử phạt chính: Phạt tiền 90.000.000 đồng.
c) Biện pháp khắc phục hậu quả:
- Buộc lắp đặt hệ thống xử lý khí thải đạt quy chuẩn kỹ thuật;
- Buộc chi trả kinh phí quan trắc khí thải là 6.200.000 đồng.
Thời hạn thực hiện biện pháp khắc phục hậu quả là 60 (sáu mươi) ngày, kể
từ ngày nhận được Quyết định này.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho ông Lê Văn Tâm là người đại diện theo pháp luật của tổ chức bị
xử phạt có tên tại Điều 1 Quyết định này để chấp hành.
Công ty TNHH Chế biến gỗ Hoài Nhơn có tên tại Điều 1 phải nghiêm chỉnh chấp
hành Quyết định xử phạt này.
a) Công ty TNHH Chế biến gỗ Hoài Nhơn phải nộp tiền phạt tại Kho bạc Nhà nước
tỉnh trong thời hạn 10 (mười) ngày, kể từ ngày nhận được Quyết định này.
2. Gửi cho Kho bạc Nhà nước tỉnh Bình Định để thu tiền phạt.
3. Gửi cho Sở Nông nghiệp và Môi trường (Thanh tra Sở) đê tô chức thực hiện.
4. Gửi cho Ủy ban nhân dân thị xã Hoài Nhơn để biết và phối hợp thực hiện./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
|
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
|
"""


def test_a_sanction_decision_gives_its_duties_as_its_form_writes_them():
    """The one sanctioned obeys and pays, and carries out the remedies in their time limit;
    the Kho bạc collects the fine; the body sent the decision "để tổ chức thực hiện" carries
    it out with the one sent it "để biết và phối hợp"; that one has no duty of its own."""
    tasks = extract_text(SANCTION).tasks
    got = [(t["assignee"], t["action"].split(":")[0].split(";")[0]) for t in tasks]
    assert got == [
        ("Công ty TNHH Chế biến gỗ Hoài Nhơn", "thực hiện các biện pháp khắc phục hậu quả"),
        ("Công ty TNHH Chế biến gỗ Hoài Nhơn", "nghiêm chỉnh chấp hành Quyết định xử phạt"),
        ("Kho bạc Nhà nước tỉnh Bình Định", "thu tiền phạt"),
        ("Sở Nông nghiệp và Môi trường", "tô chức thực hiện Quyết định này"),
    ]
    remedies, obey = tasks[0], tasks[1]
    assert "lắp đặt hệ thống xử lý khí thải" in remedies["action"]
    assert remedies["deadline_text"].startswith("60 (sáu mươi) ngày")
    assert obey["deadline_text"].startswith("trong thời hạn 10 (mười) ngày") and "Kho bạc" in obey["action"]
    assert tasks[3]["coordinators"] == ["Ủy ban nhân dân thị xã Hoài Nhơn"]


def test_a_decision_without_that_article_is_read_by_the_grammar_alone():
    text = SANCTION.replace("Điều 3. Quyết định này được:", "Điều 3. Tổ chức thực hiện")
    assert [t["assignee"] for t in extract_text(text).tasks] == []


def test_directors_of_listed_departments_keep_names_that_hold_and_or_commas():
    """"Giám đốc các Sở: Tài chính, Lao động - Thương binh và Xã hội, Văn hóa, Thể thao và Du
    lịch; ...": one director per department, whose name may hold "và" and commas."""
    text = QD_HEAD + _ocr_lines(
        [
            "Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Lao",
            "động - Thương binh và Xã hội, Văn hóa, Thể thao và Du lịch, Xây dựng; Thủ",
            "trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ]
    )
    assert [t["assignee"] for t in extract_text(text).tasks] == [
        "Chánh Văn phòng UBND tỉnh",
        "Giám đốc Sở Tài chính",
        "Giám đốc Sở Lao động - Thương binh và Xã hội",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "Giám đốc Sở Xây dựng",
        "Thủ trưởng các đơn vị liên quan",
    ]


def test_a_request_that_units_must_act_names_them():
    """"... yêu cầu Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện cần phải nỗ lực ...": "(cần)
    phải" ends the names of those asked, as a duty verb would."""
    text = TB_HEAD + (
        "II. Nhiệm vụ trong thời gian tới\n"
        "Để đẩy nhanh tiến độ giải ngân vốn năm 2025, yêu cầu Thủ trưởng các sở, ngành tỉnh,\n"
        "Chủ tịch UBND các huyện cần phải nỗ lực hơn nữa, tháo gỡ khó khăn, vướng mắc.\n"
    )
    assert [t["assignee"] for t in extract_text(text).tasks] == ["Thủ trưởng các sở, ngành tỉnh", "Chủ tịch UBND các huyện"]


def test_the_meeting_a_thong_bao_ket_luan_reports_is_no_duty():
    """"Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh ... chủ trì cuộc họp ...":
    the event the thông báo opens with; its conclusions below give the duties."""
    text = TB_HEAD + (
        "Ngày 05/3/2025, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Trần Văn Nam chủ trì\n"
        "cuộc họp nghe báo cáo tiến độ giải ngân vốn đầu tư công. Tham dự có lãnh đạo các sở.\n"
        "1. Sở Tài chính chủ trì, phối hợp với các sở rà soát kế hoạch vốn.\n"
    )
    assert [t["assignee"] for t in extract_text(text).tasks] == ["Sở Tài chính"]


def test_a_capitalised_head_after_cac_starts_a_unit_of_the_list():
    """"Thủ trưởng các cơ quan, đơn vị, các Chủ đầu tư, các Ban Quản lý dự án": "các" before a
    capitalised head opens the next unit ("các sở, ban, ngành" in lower case stays one)."""
    text = TB_HEAD + (
        "1. Yêu cầu Thủ trưởng các sở, ban, ngành, các Chủ đầu tư, các Ban Quản lý dự án\n"
        "theo chức năng, nhiệm vụ được giao khẩn trương rà soát, đẩy nhanh tiến độ giải ngân.\n"
    )
    assert [t["assignee"] for t in extract_text(text).tasks] == [
        "Thủ trưởng các sở, ban, ngành",
        "các Chủ đầu tư",
        "các Ban Quản lý dự án",
    ]
