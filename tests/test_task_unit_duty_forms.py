"""A unit and its duty with no cue word, and a purpose before a request (issue 21, fifteenth
part): an item "Thanh tra tỉnh: Thanh tra, kiểm tra ..." whose duty opens on verbs listed after
the heading's colon; a manner adverb between the unit and its verb ("Chủ tịch UBND các xã, thị
trấn tích cực tuyên truyền ..."); a later sentence of an item that sets its aim, then asks other
units ("... . Để tăng cường phối hợp ..., đề nghị các bộ, ngành cử ..."). Each on a document
written here in the layout of a real one (Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

CHI_THI = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 07/CT-UBND
Bình Định, ngày 12 tháng 5 năm 2025

CHỈ THỊ
Về việc tổ chức Kỳ thi tuyển sinh vào lớp 10 năm học 2025 - 2026

Để Kỳ thi diễn ra an toàn, nghiêm túc, Chủ tịch UBND tỉnh yêu cầu:
1. Sở Giáo dục và Đào tạo: Chủ trì tổ chức Kỳ thi theo đúng quy chế.
2. Thanh tra tỉnh: Thanh tra, kiểm tra các khâu tổ chức Kỳ thi theo chỉ đạo của Chủ tịch UBND
tỉnh.
3. Công an tỉnh: Bảo đảm an ninh, trật tự tại các điểm thi.
4. Chủ tịch UBND các xã, thị trấn tích cực tuyên truyền, hướng dẫn phụ huynh và học sinh
thực hiện đúng quy chế thi.
Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Trần Văn C
"""

CONG_VAN = """BỘ NỘI VỤ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 5120/BNV-CCVC
V/v triển khai Chương trình bồi dưỡng công chức
Hà Nội, ngày 10 tháng 9 năm 2025

Kính gửi:
- Các bộ, cơ quan ngang bộ;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Bộ Nội vụ đề nghị các bộ, ngành, địa phương quan tâm thực hiện một số nội dung sau:
1. Ủy ban nhân dân các tỉnh lập kế hoạch bồi dưỡng năm 2026, gửi Bộ Nội vụ trước ngày 30/10/2025.
2. Bộ Nội vụ giao Vụ Công chức - Viên chức là cơ quan thường trực Chương trình, giúp Bộ trưởng
theo dõi việc thực hiện. Để tăng cường phối hợp, bảo đảm tiến độ, đề nghị Ủy ban nhân dân các
tỉnh, thành phố gửi danh sách cán bộ đầu mối về Bộ Nội vụ trước ngày 15/10/2025.
3. Để tổ chức tốt Hội nghị sơ kết, đề nghị các bộ, ngành cử lãnh đạo tham dự Hội nghị. Ủy ban
bầu cử tỉnh chủ trì rà soát danh sách cử tri trên địa bàn.
Bộ Nội vụ trân trọng cảm ơn sự phối hợp của các cơ quan./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn D
"""


def test_verbs_after_the_heading_colon_are_the_units_duty():
    tasks = _tasks(CHI_THI)
    inspect = [t for t in tasks if t["assignee"] == "Thanh tra tỉnh"]
    assert len(inspect) == 1
    assert inspect[0]["action"].startswith("Thanh tra, kiểm tra các khâu")
    assert "Sở Giáo dục và Đào tạo" in _units(tasks) and "Công an tỉnh" in _units(tasks)


def test_a_manner_adverb_is_no_part_of_the_name():
    tasks = _tasks(CHI_THI)
    communes = [t for t in tasks if t["assignee"].startswith("Chủ tịch UBND các xã")]
    assert [t["assignee"] for t in communes] == ["Chủ tịch UBND các xã, thị trấn"]
    assert communes[0]["action"].startswith("tích cực tuyên truyền")


def test_an_aim_then_a_request_ends_the_items_duty():
    tasks = _tasks(CONG_VAN)
    office = [t for t in tasks if t["assignee"] == "Vụ Công chức - Viên chức"]
    assert office and "Để tăng cường" not in office[0]["action"]
    asked = [t for t in tasks if t["assignee"].startswith("Ủy ban nhân dân các tỉnh, thành phố")]
    assert asked and "gửi danh sách cán bộ đầu mối" in asked[0]["action"]
    assert asked[0]["deadline"] == "2025-10-15"


HUONG_DAN = """UBND TỈNH PHÚ YÊN
SỞ TÀI CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1502/STC-QLNS
V/v hướng dẫn lập dự toán năm 2026
Phú Yên, ngày 03 tháng 7 năm 2025

Kính gửi:
- Các cơ quan chuyên môn thuộc UBND tỉnh;
- UBND các xã, phường.

Thực hiện Chỉ thị của Thủ tướng Chính phủ về xây dựng dự toán năm 2026, Sở Tài chính hướng
dẫn như sau:
1. Về lập dự toán:
Các cơ quan, đơn vị, địa phương xây dựng dự toán thu, chi năm 2026 theo biểu mẫu kèm theo,
gửi Sở Tài chính trước ngày 20/7/2025.
2. Về báo cáo tình hình thực hiện:
Năm 2024, các cơ quan, đơn vị đã hoàn thành việc quyết toán đúng hạn.
Đề nghị các cơ quan, đơn vị triển khai thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn E
"""


def test_a_letter_gives_its_addressed_group_a_step_with_no_cue_before_it():
    tasks = _tasks(HUONG_DAN)
    budget = [t for t in tasks if t["assignee"] == "Các cơ quan, đơn vị, địa phương"]
    assert len(budget) == 1
    assert budget[0]["action"].startswith("xây dựng dự toán thu, chi năm 2026")
    assert budget[0]["deadline"] == "2025-07-20"
    assert not any("đã hoàn thành" in t["action"] for t in tasks)  # what was done, no duty


def test_a_name_ends_before_cu_but_not_inside_bau_cu():
    tasks = _tasks(CONG_VAN)
    sent = [t for t in tasks if t["action"].startswith("(đề nghị) cử lãnh đạo")]
    assert [t["assignee"] for t in sent] == ["các bộ, ngành"]
    assert "Ủy ban bầu cử tỉnh" in _units(tasks)
