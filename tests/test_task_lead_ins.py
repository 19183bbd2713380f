"""A chỉ thị's duties whose unit is named after a phrase, or only by its head (issue 21).

A chỉ thị opens its duties with a lead-in ("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các
sở, ngành ... thực hiện nghiêm các nhiệm vụ sau:") and numbers them, each naming its unit; the
lead-in then gives no duty of its own. An item may set the ground it acts on before its unit
("2. Trên cơ sở báo cáo của các xã, phường, Sở Tài chính theo dõi ..."): it still names its unit.
Under a unit's heading an item may name the unit by its head alone ("a) Bộ chủ trì ..."): the
heading's unit said again, not a unit "Bộ".

The document is written for the tests, in the layout of a chỉ thị (Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

CHI_THI = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 12/CT-UBND
Quảng Ngãi, ngày 10 tháng 7 năm 2025
CHỈ THỊ
Về tăng cường phòng, chống buôn lậu
Thời gian qua, tình hình buôn lậu diễn biến phức tạp. Để khắc phục, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ngành, Chủ tịch Ủy ban nhân dân các xã, phường thực hiện nghiêm các nhiệm vụ sau:
1. Sở Công Thương chủ trì kiểm tra thị trường, xử lý nghiêm các vi phạm.
2. Trên cơ sở báo cáo của các xã, phường, Sở Tài chính theo dõi, tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.
3. Bộ Chỉ huy Quân sự tỉnh:
a) Bộ chủ trì, phối hợp với Công an tỉnh tổ chức tuần tra khu vực biên giới;
b) Báo cáo kết quả hằng tháng.
4. Công an tỉnh chủ động nắm tình hình, điều tra xử lý các vụ việc.
Yêu cầu Thủ trưởng các sở, ngành, Chủ tịch Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị có liên quan tổ chức triển khai thực hiện nghiêm túc Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn A
"""


def test_the_lead_in_gives_no_duty_when_each_item_names_its_unit():
    units = _units(_tasks(CHI_THI, "assignment"))
    assert units == ["Sở Công Thương", "Sở Tài chính", "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]


def test_a_ground_before_the_unit_leaves_the_item_its_own():
    finance = next(t for t in _tasks(CHI_THI) if t["assignee"] == "Sở Tài chính")
    assert finance["action"].startswith("theo dõi, tổng hợp tình hình")
    assert finance["due_by"] == "2025-12-15"


def test_a_head_alone_under_a_heading_is_the_headings_unit():
    tasks = _tasks(CHI_THI)
    assert "Bộ" not in _units(tasks)
    command = next(t for t in tasks if t["assignee"] == "Bộ Chỉ huy Quân sự tỉnh")
    assert "tuần tra khu vực biên giới" in command["action"] and "Báo cáo kết quả hằng tháng" in command["action"]
    assert "Công an tỉnh" in command["coordinators"]
