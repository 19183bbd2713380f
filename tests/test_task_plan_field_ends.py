"""A plan item's field is a field, never a unit (sixteenth part). A kế hoạch lays each task out as
a table row: "- Cơ quan chủ trì: ...", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: ...",
"- Nguồn kinh phí: ...". A scan may lose a field's dash, or leave marks in its place (".\\n:_- +
Thời gian thực hiện: Năm 2017."): the helpers' value still ends at the next label, which is no
partner. Seen in unseen12's KH 498 and the corpus's QĐ 435 ("Liên đoàn Lao động tỉnh và địa
phương -Thời gian")."""
from tests.task_reading import tasks_read

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 301/KH-UBND
Nghệ An, ngày 20 tháng 5 năm 2019

KẾ HOẠCH
Nâng cao chỉ số tiếp cận thông tin giai đoạn 2019 - 2021

I. NHIỆM VỤ
1. Ban hành Quy chế công khai thông tin của các cơ quan nhà nước trên địa bàn tỉnh.
- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
- Cơ quan phối hợp: Sở Nội vụ và các đơn vị liên quan.
:_- + Thời gian thực hiện: Năm 2019.
'~ Nguồn kinh phí: Ngân sách tỉnh.
2. Tổ chức Hội nghị đánh giá giữa kỳ việc thực hiện Kế hoạch.
- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
- Cơ quan phối hợp: Sở Tư pháp, Sở Kế hoạch và Đầu tư.
--« Thời gian thực hiện: Năm 2020; 2021.
.- Nguồn kinh phí: Ngân sách tỉnh.
II. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể, triển khai thực hiện./.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Đệ
"""


def test_a_field_after_the_helpers_is_no_partner():
    tasks = [t for t in tasks_read(PLAN) if t["assignee"] == "Sở Thông tin và Truyền thông"]
    assert len(tasks) == 2
    first, second = tasks
    assert first["coordinators"] == ["Sở Nội vụ", "các đơn vị liên quan"]
    assert second["coordinators"] == ["Sở Tư pháp", "Sở Kế hoạch và Đầu tư"]
    for task in tasks:
        assert not [c for c in task["coordinators"] if "Thời gian" in c or "kinh phí" in c]


ROW = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 88/KH-UBND
Hà Nam, ngày 02 tháng 3 năm 2020

KẾ HOẠCH
Thực hiện công tác văn hóa cơ sở năm 2020

II. NHIỆM VỤ
1. Tổ chức phong trào văn hóa, văn nghệ tại các khu công nghiệp: Sở Văn hóa, Thể thao và Du lịch
chủ trì, phối hợp với Liên đoàn Lao động tỉnh và các địa phương -Thời gian thực hiện: Thường xuyên
hằng năm.
2. Xây dựng cơ sở dữ liệu di tích của tỉnh: Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện. - Sản
phẩm: Cơ sở dữ liệu di tích được vận hành.
"""


def test_a_rows_next_field_ends_its_action():
    tasks = tasks_read(ROW)
    assert tasks
    for task in tasks:
        assert "Thời gian" not in task["action"] and "Sản phẩm" not in task["action"], task["action"]
        assert not [c for c in task["coordinators"] if "Thời gian" in c]


SCANNED_FIELDS = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
Số: 77/KH-UBND
Phú Yên, ngày 06 tháng 3 năm 2024

KẾ HOẠCH
Hỗ trợ pháp lý cho doanh nghiệp năm 2024

II. NỘI DUNG THỰC HIỆN
1. Đáp ứng yêu cầu thông tin pháp lý cho doanh nghiệp
- Hệ thống hóa văn bản quy phạm pháp luật của tỉnh liên quan đến doanh nghiệp.
Đơn vị chủ trì thực hiện: Sở Tư pháp.
Đơn vị phối hợp lthực hiện: Văn phòng UBND tỉnh, các Sở, ban, ngành.
Thời gian thực hiện: Quý II/2024.
"""


def test_a_label_with_a_letter_ocr_glued_to_it_is_still_a_label():
    """ "Đơn vị phối hợp lthực hiện:": a stroke of the scan read as an "l" before "thực hiện";
    the line is still the partners' field, not more of the lead's name."""
    tasks = [t for t in tasks_read(SCANNED_FIELDS) if t["assignee"].startswith("Sở Tư pháp")]
    assert [t["assignee"] for t in tasks] == ["Sở Tư pháp"]
    assert tasks[0]["coordinators"] == ["Văn phòng UBND tỉnh", "các Sở, ban, ngành"]
