"""Forms of issue 21 that the first unseen documents showed missed, each written from the
convention of a chỉ thị, a công điện or a kế hoạch and tested on a document written here in
a real layout: a sentence with its own subject after a numbered duty, the closing line that
gives the follow-up to an office, "X có trách nhiệm:" with a delegation among its items, a
time between a unit and its verb, the closing list ending "X và các Y", award quotas and
criteria, and a lead-in whose parts name their own units."""
from tests.task_reading import assignees as _units, tasks_read as _tasks
from directives.nlp.deadlines import find_deadline




CONG_DIEN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 301/CĐ-TTg
Hà Nội, ngày 10 tháng 12 năm 2025

CÔNG ĐIỆN
Về việc khắc phục hậu quả bão số 9

THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế;
- Bộ trưởng các Bộ: Xây dựng, Y tế.
Để sớm ổn định đời sống Nhân dân, Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế chỉ đạo chính quyền cơ sở rà soát các nội dung sau:
(1) Số trường học bị tốc mái.
(2) Số trạm y tế phải sửa chữa.
Ủy ban nhân dân các tỉnh: Quảng Trị, Huế khẩn trương gửi báo cáo về Bộ Xây dựng trước 16 giờ ngày 12/12/2025 để tổng hợp.
2. Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tiếp nhận người bị thương.
Văn phòng Chính phủ theo dõi, đôn đốc các Bộ, địa phương thực hiện Công điện này, kịp thời báo cáo Thủ tướng Chính phủ./.
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
Nguyễn Văn A
"""


def test_a_sentence_with_its_own_subject_after_a_numbered_duty_is_that_subjects_duty():
    tasks = _tasks(CONG_DIEN)
    sent = [t for t in tasks if "gửi báo cáo" in t["action"]]
    assert _units(sent) == ["Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Huế"]
    assert sent[0]["action"].startswith("khẩn trương gửi báo cáo về Bộ Xây dựng")
    assert {t["due_by"] for t in sent} == {"2025-12-12"}  # the hour before the day does not hide it
    # the numbered duty keeps its own items, not the sentence after them
    first = [t for t in tasks if t["assignee"] == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị"]
    assert len(first) == 1 and "trạm y tế" in first[0]["action"] and "gửi báo cáo" not in first[0]["action"]


def test_the_closing_line_that_gives_the_follow_up_to_an_office_is_its_duty():
    follow = [t for t in _tasks(CONG_DIEN) if t["assignee"] == "Văn phòng Chính phủ"]
    assert len(follow) == 1 and follow[0]["action"].startswith("theo dõi, đôn đốc các Bộ, địa phương")
    assert follow[0]["kind"] == "assignment"


def test_a_legal_texts_sentence_that_says_what_a_body_does_is_no_assignment():
    text = """CHÍNH PHỦ
Số: 77/2025/NĐ-CP
Hà Nội, ngày 10 tháng 12 năm 2025

NGHỊ ĐỊNH
Quy định về quản lý kho lưu trữ

Điều 5. Kho lưu trữ
Văn phòng Chính phủ theo dõi việc quản lý kho lưu trữ của các bộ theo định kỳ hằng năm.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày ký./.
"""
    assert [t for t in _tasks(text) if t["assignee"] == "Văn phòng Chính phủ"] == []


CHI_THI = """THỦ TƯỚNG CHÍNH PHỦ
Số: 15/CT-TTg
Hà Nội, ngày 03 tháng 6 năm 2025

CHỈ THỊ
Về việc triển khai Luật Thống kê

Để triển khai Luật Thống kê đạt kết quả, Thủ tướng Chính phủ yêu cầu Bộ trưởng các Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố thực hiện các nhiệm vụ sau:
I. THÀNH LẬP BAN CHỈ ĐẠO
1. Giao Bộ Tài chính chủ trì trình Thủ tướng Chính phủ thành lập Ban Chỉ đạo Trung ương triển khai Luật Thống kê.
Ban Chỉ đạo có Tổ giúp việc đặt tại Bộ Tài chính. Ban Chỉ đạo Trung ương có trách nhiệm:
a) Xây dựng kế hoạch triển khai Luật Thống kê.
b) Hằng quý, tổng hợp tình hình thực hiện của các Bộ, địa phương.
c) Giao Trưởng Ban Chỉ đạo Trung ương quyết định các biện pháp cụ thể để triển khai Chỉ thị này.
2. Giao Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trong tháng 7 năm 2025 quyết định thành lập Ban Chỉ đạo ở địa phương.
II. TUYÊN TRUYỀN
1. Bộ Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền về Luật Thống kê.
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố, Ban Chỉ đạo Trung ương và các Ban Chỉ đạo địa phương chịu trách nhiệm tổ chức thi hành Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
Nguyễn Văn A
"""


def test_a_delegation_among_the_items_of_x_có_trách_nhiệm_is_the_delegates():
    tasks = _tasks(CHI_THI, "assignment")
    board = [t for t in tasks if t["assignee"] == "Ban Chỉ đạo Trung ương"]
    assert len(board) == 1
    assert "Xây dựng kế hoạch" in board[0]["action"] and "tổng hợp tình hình" in board[0]["action"]
    assert "quyết định các biện pháp" not in board[0]["action"]  # "c) Giao Trưởng Ban ..." is not the board's
    head = [t for t in tasks if t["assignee"] == "Trưởng Ban Chỉ đạo Trung ương"]
    assert len(head) == 1 and head[0]["action"].startswith("quyết định các biện pháp cụ thể")


def test_a_time_between_the_unit_and_its_verb_is_no_part_of_its_name():
    tasks = _tasks(CHI_THI, "assignment")
    local = [t for t in tasks if t["action"].startswith("trong tháng 7 năm 2025 quyết định thành lập")]
    assert _units(local) == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]


def test_a_lead_in_whose_parts_name_their_own_units_gives_the_addressed_nothing():
    tasks = _tasks(CHI_THI, "assignment")
    assert not [t for t in tasks if t["action"].startswith("THÀNH LẬP")]
    assert "Bộ trưởng các Bộ" not in _units(tasks)


def test_a_closing_list_ending_x_và_các_y_gives_both():
    closing = _units(_tasks(CHI_THI, "execution"))
    assert closing[-2:] == ["Ban Chỉ đạo Trung ương", "các Ban Chỉ đạo địa phương"]


KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 88/KH-UBND
Lâm Đồng, ngày 05 tháng 10 năm 2025

KẾ HOẠCH
Phát động phong trào thi đua chào mừng Đại hội

Thực hiện Chỉ thị số 12/CT-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch phát động phong trào thi đua như sau:
I. MỤC ĐÍCH, YÊU CẦU
Các sở, ban, ngành triển khai phong trào sâu rộng, thiết thực.
II. HÌNH THỨC, SỐ LƯỢNG KHEN THƯỞNG
1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh
a) Các cơ quan, đơn vị cấp tỉnh:
- Ban Chỉ đạo của tỉnh: Không quá 05 cá nhân;
- Tổ giúp việc Ban Chỉ đạo: 01 cá nhân/01 tổ;
- Đoàn Kiểm tra liên ngành của tỉnh: Mỗi đoàn xét chọn 01 cá nhân;
b) Các cơ quan, đơn vị cấp tỉnh có thành tích xuất sắc, đạt các tiêu chuẩn sau:
- Có kế hoạch tổ chức phong trào thi đua.
- Hoàn thành xuất sắc nhiệm vụ được giao.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: Tham mưu Ủy ban nhân dân tỉnh hướng dẫn, đôn đốc thực hiện Kế hoạch này.
Sở Văn hóa, Thể thao và Du lịch chỉ đạo các cơ quan báo chí tuyên truyền về phong trào thi đua.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
"""


def test_a_plans_subject_sentences_are_duties_only_in_its_part_of_assignments():
    tasks = _tasks(KE_HOACH)
    assert _units(tasks) == ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks[1]["action"].startswith("chỉ đạo các cơ quan báo chí tuyên truyền")


def test_award_quotas_and_criteria_are_no_duties():
    units = _units(_tasks(KE_HOACH))
    assert not {"Ban Chỉ đạo của tỉnh", "Tổ giúp việc Ban Chỉ đạo", "Đoàn Kiểm tra liên ngành của tỉnh"} & set(units)
    assert not [u for u in units if u.startswith("Các cơ quan, đơn vị cấp tỉnh")]


def test_an_hour_before_the_day_of_a_deadline():
    assert find_deadline("gửi báo cáo trước 17 giờ ngày 27/11/2025 để tổng hợp", "2025-11-20") == ("2025-11-27", "trước 17 giờ ngày 27/11/2025")
    assert find_deadline("báo cáo chậm nhất 16h00 ngày 05/12/2025", "2025-11-20") == ("2025-12-05", "chậm nhất 16h00 ngày 05/12/2025")


THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 700/TB-VPCP
Hà Nội, ngày 02 tháng 12 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với tỉnh Hà Giang

Ý KIẾN KẾT LUẬN CỦA PHÓ THỦ TƯỚNG
1. Về các kiến nghị của tỉnh:
(i) Về việc điều chỉnh quy hoạch tỉnh: Giao Bộ Tài chính hướng dẫn tỉnh các thủ tục cần thiết.
(ii) Giao Bộ Xây dựng nghiên cứu, xem xét theo thẩm quyền đề xuất nâng cấp Quốc lộ 4C.
2. Về dự án sân bay: Thủ tướng Chính phủ giao Bộ Quốc phòng phối hợp với tỉnh khảo sát địa điểm.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG, CHỦ NHIỆM
Trần Văn Sơn
"""


def test_giao_after_a_topic_a_roman_mark_or_a_named_giver_is_a_duty():
    tasks = _tasks(THONG_BAO)
    assert _units(tasks) == ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Quốc phòng"]
    assert tasks[0]["action"].startswith("hướng dẫn tỉnh các thủ tục")
    assert tasks[1]["action"].startswith("nghiên cứu, xem xét theo thẩm quyền")
    assert tasks[2]["action"].startswith("phối hợp với tỉnh khảo sát")


def test_giao_inside_a_legal_texts_clause_is_no_assignment():
    text = """CHÍNH PHỦ
Số: 78/2025/NĐ-CP
Hà Nội, ngày 10 tháng 12 năm 2025

NGHỊ ĐỊNH
Quy định về thu hồi đất

Điều 4. Hồ sơ
Hồ sơ đề nghị Nhà nước giao đất, cho thuê đất gồm đơn đề nghị và trích lục bản đồ.
"""
    assert _tasks(text) == []


def test_a_directives_subject_with_a_verb_outside_the_list_after_a_whole_name():
    doc = CHI_THI.replace(
        "1. Bộ Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền về Luật Thống kê.\n",
        "1. Bộ Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền về Luật Thống kê.\n"
        "2. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, các đài phát thanh và truyền hình ở địa phương dành "
        "thời lượng thỏa đáng để phổ biến Luật Thống kê. Các báo của Trung ương và địa phương mở chuyên mục giải đáp "
        "về Luật Thống kê.\n"
        "3. Chủ tịch Ủy ban nhân dân tỉnh đã ban hành Quyết định thành lập Ban Chỉ đạo ở địa phương.\n",
    )
    tasks = _tasks(doc, "assignment")
    press = [t for t in tasks if "thời lượng" in t["action"] or "chuyên mục" in t["action"]]
    assert _units(press) == [
        "Đài Truyền hình Việt Nam",
        "Đài Tiếng nói Việt Nam",
        "các đài phát thanh và truyền hình ở địa phương",
        "Các báo của Trung ương và địa phương",
    ]
    assert press[0]["action"].startswith("dành thời lượng") and press[3]["action"].startswith("mở chuyên mục")
    assert not [t for t in tasks if "đã ban hành" in t["action"]]  # what was done is no duty


def test_a_legal_texts_subject_with_a_verb_outside_the_list_is_not_read():
    text = """CHÍNH PHỦ
Số: 79/2025/NĐ-CP
Hà Nội, ngày 10 tháng 12 năm 2025

NGHỊ ĐỊNH
Quy định về báo chí

Điều 3. Thời lượng phát sóng
1. Đài Truyền hình Việt Nam dành thời lượng phát sóng cho chương trình thời sự theo quy định.
"""
    assert _tasks(text) == []


def test_a_sentence_with_its_own_subject_after_a_unit_headings_bullets():
    doc = CONG_DIEN.replace(
        "2. Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tiếp nhận người bị thương.\n",
        "2. Ủy ban nhân dân các tỉnh, thành phố:\n- Tổ chức sơ tán người dân khỏi vùng nguy hiểm.\n"
        "- Bảo đảm lương thực cho người dân.\nBộ Y tế khẩn trương bố trí thuốc men cho vùng lũ.\n",
    )
    tasks = _tasks(doc)
    heading = [t for t in tasks if t["assignee"] == "Ủy ban nhân dân các tỉnh, thành phố"]
    assert len(heading) == 1 and "Bảo đảm lương thực" in heading[0]["action"] and "thuốc men" not in heading[0]["action"]
    health = [t for t in tasks if t["assignee"] == "Bộ Y tế"]
    assert len(health) == 1 and health[0]["action"] == "khẩn trương bố trí thuốc men cho vùng lũ"
