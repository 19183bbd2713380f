"""Where a duty ends when a scan's OCR garbled the "./." that closes the text (``nlp.closing``):
the contact note, the paragraph on difficulties, the thanks, the Nơi nhận and the signature
block are no part of the last duty."""
from .task_reading import tasks_read

# a công văn as the OCR reads it: the end mark read "./,", "Nơi nhận" run into the signer's title
LETTER = """BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC CẢNH SÁT ĐIỀU TRA Độc lập - Tự do - Hạnh phúc
TỘI PHẠM VỀ MA TÚY
Số: 1234/C04-P6 Hà Nội, ngày 20 tháng 4 năm 2026

V/v triển khai Chương trình mục tiêu quốc gia

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Để triển khai thực hiện Chương trình theo đúng quy định, Cục Cảnh sát điều tra tội phạm về
ma túy đề nghị Ủy ban nhân dân các tỉnh, thành phố thực hiện một số nội dung sau:

1. Chỉ đạo Công an tỉnh rà soát, tổng hợp nhu cầu kinh phí thực hiện Chương trình
năm 2026, gửi về Cục Cảnh sát điều tra tội phạm về ma túy trước ngày 15/5/2026.

2. Bố trí ngân sách địa phương đối ứng để thực hiện các dự án của Chương trình
trên địa bàn.

Thông tin liên hệ: đồng chí Nguyễn Văn An, Phòng 6, số điện thoại 0988.123.456.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các địa phương phản
ánh về Cục Cảnh sát điều tra tội phạm về ma túy để phối hợp giải quyết.

Cục Cảnh sát điều tra tội phạm về ma túy trân trọng cảm ơn sự quan tâm phối hợp của
Quý cơ quan./,

Nơi nhận: KT. CỤC TRƯỞNG
- Như trên; PHÓ CỤC TRƯỞNG
- Lưu: VT, P6.

Nguyễn Văn Cường
"""


def test_the_last_duty_stops_before_the_contact_note_and_the_closing():
    tasks = tasks_read(LETTER)
    last = [t for t in tasks if "ngân sách địa phương đối ứng" in t["action"]]
    assert last, tasks
    for task in last:
        action = task["action"]
        assert action.rstrip(" .").endswith("trên địa bàn"), action
        for closing in ("Thông tin liên hệ", "vướng mắc", "cảm ơn", "Như trên", "CỤC TRƯỞNG"):
            assert closing not in action


def test_a_garbled_end_mark_ends_a_plans_last_duty():
    plan = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 88/KH-UBND Lâm Đồng, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác phòng, chống ma túy năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra các cơ sở kinh doanh thuốc
gây nghiện, báo cáo kết quả về Ủy ban nhân dân tỉnh.

2. Công an tỉnh chủ trì tổng hợp, theo dõi việc thực hiện Kế hoạch này.
Mọi thông tin cần trao đổi, đề nghị các đơn vị liên hệ Công an tỉnh (đồng chí
Trần Văn Bình, điện thoại: 0988.688.580).J
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""
    tasks = tasks_read(plan)
    police = [t for t in tasks if t["assignee"] == "Công an tỉnh" and "tổng hợp" in t["action"]]
    assert police, tasks
    assert "liên hệ" not in police[0]["action"]
    assert "CHỦ TỊCH" not in police[0]["action"]
    # the contact note asks nobody to do anything
    assert not any("liên hệ" in t["assignee"] + t["action"] for t in tasks), tasks


def test_a_request_closing_in_the_same_paragraph_keeps_its_difficulties():
    """Written in one paragraph ("... triển khai thực hiện. Trường hợp phát sinh vướng mắc, kịp
    thời phản ánh ..."), the difficulties are the closing request's own words (as annotated)."""
    directive = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 05/CT-UBND Quảng Ngãi, ngày 10 tháng 3 năm 2025

CHỈ THỊ
Về việc triển khai nộp thuế điện tử

1. Cục Thuế tỉnh chủ trì xây dựng Kế hoạch triển khai nộp thuế điện tử trên địa bàn tỉnh.

2. Yêu cầu Thủ trưởng các cơ quan, đơn vị và địa phương nghiêm túc triển khai thực hiện. Trường hợp phát sinh vướng mắc, khó khăn, kịp thời phản ánh về Cục Thuế tỉnh để tổng hợp./.
"""
    tasks = tasks_read(directive)
    closing = [t for t in tasks if t["assignee"].startswith("Thủ trưởng")]
    assert closing, tasks


# ---------------------------------------------------------------- a time limit before the unit

DECISION = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 2536/QĐ-UBND Lâm Đồng, ngày 10 tháng 3 năm 2026

QUYẾT ĐỊNH
Về việc hợp nhất Đoàn Luật sư

Điều 1. Hợp nhất Đoàn Luật sư tỉnh Đắk Nông và Đoàn Luật sư tỉnh Bình Thuận.

Điều 2. Trong thời hạn 60 ngày làm việc kể từ ngày Quyết định này có hiệu lực, Ban Chủ nhiệm Đoàn Luật sư lâm thời có trách nhiệm tổ chức Đại hội theo quy định của pháp luật.

Điều 3. Chậm nhất ngày 15/5/2026, Sở Nội vụ có trách nhiệm trình Ủy ban nhân dân tỉnh phê duyệt Điều lệ.

Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này./.
"""


def test_a_time_limit_written_before_the_unit_is_its_duty_s():
    tasks = {t["assignee"]: t for t in tasks_read(DECISION)}
    board = tasks["Ban Chủ nhiệm Đoàn Luật sư lâm thời"]
    assert board["deadline_text"].startswith("Trong thời hạn 60 ngày làm việc")
    assert board["action"].startswith("có trách nhiệm tổ chức Đại hội")
    home = tasks["Sở Nội vụ"]
    assert home["deadline_text"] == "Chậm nhất ngày 15/5/2026" and home["due_by"] == "2026-05-15"
    assert tasks["Giám đốc Sở Tư pháp"]["deadline_text"] is None  # no time before it


# ---------------------------------------------------------------- a report's period and its day

def test_a_reports_period_is_not_its_deadline():
    plan = """BỘ CÔNG AN
Số: 996/KH-BCA Hà Nội, ngày 24 tháng 3 năm 2026

KẾ HOẠCH
Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026

III. TỔ CHỨC THỰC HIỆN

1. Các đơn vị, địa phương báo cáo kết quả công tác phối hợp kỳ 6 tháng (từ ngày 15/12/2025 đến ngày 14/6/2026, gửi trước ngày 20/6/2026) và kỳ 12 tháng (từ ngày 15/12/2025 đến ngày 14/12/2026, gửi trước ngày 20/12/2026) về Cục Cảnh sát điều tra tội phạm về ma túy.

2. Sở Y tế tổ chức kiểm tra các cơ sở kinh doanh thuốc từ ngày 01/4/2026 đến ngày 30/6/2026./.
"""
    tasks = tasks_read(plan)
    report = next(t for t in tasks if "kỳ 6 tháng" in t["action"])
    assert report["due_by"] == "2026-06-20", report
    check = next(t for t in tasks if t["assignee"] == "Sở Y tế")
    assert check["due_by"] == "2026-06-30"  # a period with no day to send by: its end bounds it


# ---------------------------------------------------------------- "phối hợp, hỗ trợ X"

def test_partners_after_phoi_hop_ho_tro():
    directive = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 11/CT-UBND Quảng Ngãi, ngày 11 tháng 9 năm 2024

CHỈ THỊ
Về việc bảo đảm an toàn các công trình cầu

1. Công an tỉnh phối hợp, hỗ trợ chính quyền địa phương, Sở Giao thông vận tải trong công tác phân luồng, đảm bảo an toàn giao thông.

2. Bộ Chỉ huy Quân sự tỉnh phối hợp, hỗ trợ tuần tra, kiểm soát tại các công trình cầu trên địa bàn.

3. Sở Xây dựng chỉ đạo các đơn vị trực thuộc phối hợp, hướng dẫn Ủy ban nhân dân các xã trong công tác kiểm tra cầu.

4. Sở Tài chính chủ trì, phối hợp và hướng dẫn các sở, ngành lập dự toán kinh phí sửa chữa cầu./.
"""
    tasks = {t["assignee"]: t for t in tasks_read(directive)}
    assert tasks["Công an tỉnh"]["coordinators"] == ["chính quyền địa phương", "Sở Giao thông vận tải"]
    assert tasks["Bộ Chỉ huy Quân sự tỉnh"]["coordinators"] == []  # "tuần tra" is what is supported, no body
    assert tasks["Sở Xây dựng"]["coordinators"] == []  # the partners of the units it directs, not its own
    assert tasks["Sở Tài chính"]["coordinators"] == ["các sở, ngành"]


# ---------------------------------------------------------------- a công điện summoning a meeting

SUMMONS = """VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 58/CĐ-VPCP Hà Nội, ngày 08 tháng 01 năm 2026

CÔNG ĐIỆN
mời dự Phiên họp Ban Chỉ đạo

VĂN PHÒNG CHÍNH PHỦ điện:
- Các Bộ: Công an, Tài chính;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Văn phòng Chính phủ trân trọng kính mời Đồng chí dự Phiên họp lần thứ nhất Ban Chỉ đạo.
I. Thời gian: 14 giờ 00, ngày 12 tháng 01 năm 2026.
II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ và kết nối trực tuyến đến Trụ sở
Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
1. Dự tại điểm cầu Trụ sở Chính phủ (Phòng Hội đàm, Tầng 2, Nhà 9 tầng):
- Lãnh đạo các Bộ: Công an, Tài chính.
- Các cơ quan thuộc Chính phủ: Đài Truyền hình Việt Nam, Đài Tiếng nói
Việt Nam, Thông tấn xã Việt Nam.
- Các tổ chức chính trị - xã hội: Tổng Liên đoàn Lao động Việt Nam, Trung ương
Hội Nông dân Việt Nam, Trung ương Hội Cựu chiến binh Việt Nam.
2. Dự tại điểm cầu Trụ sở Ủy ban nhân dân các tỉnh, thành phố trực
thuộc Trung ương:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
- Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm kết nối đường truyền
trực tuyến đến Trụ sở Ủy ban nhân dân cấp xã.
IV. Văn phòng Chính phủ trân trọng đề nghị:
1. Bộ Công an báo cáo kết quả thực hiện và gửi báo cáo về Văn phòng Chính phủ trong ngày 10 tháng 01 năm 2026.
2. Các đại biểu dự họp đúng thành phần được mời, đăng ký đại biểu tham dự họp qua hộp thư điện tử trước 14 giờ, ngày 11 tháng 01 năm 2026./.
"""


def test_a_summons_attendee_list_is_no_task_and_its_delegates_are_asked():
    tasks = tasks_read(SUMMONS)
    names = [t["assignee"] for t in tasks]
    assert "Các cơ quan thuộc Chính phủ" not in names and "Các tổ chức chính trị - xã hội" not in names
    assert not any("đề nghị" in n for n in names), names
    delegates = next(t for t in tasks if t["assignee"].startswith("Các đại biểu"))
    assert delegates["action"].startswith("dự họp đúng thành phần")
    assert delegates["due_by"] == "2026-01-11"
    assert any(t["assignee"].startswith("Ủy ban nhân dân các tỉnh") and "kết nối" in t["action"] for t in tasks)
    assert any(t["assignee"] == "Bộ Công an" for t in tasks)


# ---------------------------------------------------------------- a request and its list past a page's foot

REQUEST_OVER_A_PAGE = """BỘ CÔNG AN
CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY
Số: 2388/C04-P6 Hà Nội, ngày 20 tháng 4 năm 2026

V/v tham mưu HĐND cấp tỉnh ban hành Nghị quyết

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Để đảm bảo triển khai thực hiện Chương trình theo đúng quy định, Cục Cảnh sát điều tra tội phạm về ma túy kính đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo đơn vị chức năng tập trung, khẩn trương thực hiện:
1 Theo yêu cầu của Chính phủ tại Nghị quyết số 23/NQ-CP ngày 07/02/2026 về phiên họp Chính phủ thường kỳ
tháng 01/2026.
2 Văn bản số 477/BCA-H01 ngày 04/02/2026 của Bộ Công an.

(1) Đối với các địa phương tự bảo đảm kinh phí thực hiện Chương trình: tham mưu UBND tỉnh trình Hội đồng nhân dân cùng cấp quyết định bố trí ngân sách địa phương.
(2) Đối với các địa phương nhận hỗ trợ từ ngân sách trung ương: tham mưu UBND tỉnh trình HĐND cùng cấp ban hành quy định về nguyên tắc phân bổ.

Cục Cảnh sát điều tra tội phạm về ma túy trân trọng cảm ơn sự quan tâm chỉ đạo của Quý cơ quan./.
"""


def test_a_request_keeps_its_list_past_the_pages_footnotes():
    tasks = tasks_read(REQUEST_OVER_A_PAGE)
    assert len(tasks) == 1, tasks
    action = tasks[0]["action"]
    assert action.startswith("(đề nghị) chỉ đạo đơn vị chức năng tập trung, khẩn trương thực hiện: Đối với các địa phương tự bảo đảm")
    assert "nhận hỗ trợ từ ngân sách trung ương" in action
    assert "Nghị quyết số 23/NQ-CP" not in action and "cảm ơn" not in action
