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


THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 210/TB-VPCP
Hà Nội, ngày 28 tháng 4 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ về việc cắt giảm thủ tục hành chính
Ngày 27 tháng 4 năm 2026, Phó Thủ tướng Chính phủ đã chủ trì cuộc họp. Phó Thủ tướng Chính phủ kết luận như sau:
1. Các Bộ: Công Thương, Y tế nghiên cứu nội dung báo cáo, khẩn trương hoàn thành nội dung quy định cắt giảm trong ngày 30 tháng 4 năm 2026. Trên cơ sở đó, Bộ Tư pháp chủ trì tổng hợp, hoàn thiện hồ sơ trình Chính phủ trước ngày 05 tháng 5 năm 2026.
2. Văn phòng Chính phủ theo dõi, đôn đốc.
Văn phòng Chính phủ trân trọng thông báo đến các bộ, cơ quan liên quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_second_sentence_after_a_ground_is_another_units_duty():
    """"Trên cơ sở đó, Bộ Tư pháp chủ trì ..." after the ministries' duty is the Ministry of
    Justice's, with its own deadline; not part of what the ministries named first must do."""
    tasks = {t["assignee"]: t for t in _tasks(THONG_BAO, "assignment")}
    assert set(tasks) == {"Bộ Công Thương", "Bộ Y tế", "Bộ Tư pháp", "Văn phòng Chính phủ"}
    assert "Bộ Tư pháp" not in tasks["Bộ Y tế"]["action"]
    assert tasks["Bộ Y tế"]["due_by"] == "2026-04-30"
    assert tasks["Bộ Tư pháp"]["due_by"] == "2026-05-05"


def test_a_letters_closing_formula_is_no_part_of_the_last_item():
    tasks = {t["assignee"]: t for t in _tasks(THONG_BAO, "assignment")}
    assert tasks["Văn phòng Chính phủ"]["action"] == "theo dõi, đôn đốc"
