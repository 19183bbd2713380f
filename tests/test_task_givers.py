"""Who holds a duty (issue 21, twelfth part): the unit a leader gives it to, not the leader; a
name that ends before "hoàn thành" or "giải quyết"; a named body followed by its duty in a
notice's conclusions or a plan's part of tasks; a subject picked out by the duty it was given;
a plan's principles are no assignment.

A thông báo kết luận reports what the leader who chaired the meeting concluded ("Phó Thủ tướng
giao Bộ X chủ trì ..."), a plan what its issuer orders ("Ủy ban nhân dân tỉnh giao Sở Tài chính
chủ trì ..."): the given unit holds the duty, once. The documents are written for the tests, in
the layout of a thông báo and a kế hoạch (Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 112/TB-VPCP
Hà Nội, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về dự án Cảng hàng không quốc tế
Ngày 05 tháng 3 năm 2026, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ chủ trì cuộc họp về dự án. Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:
1. Hội đồng thẩm định Nhà nước khẩn trương hoàn thành việc thẩm định báo cáo nghiên cứu khả thi dự án.
2. Bộ Tài chính giải quyết dứt điểm các vướng mắc về vốn của dự án.
3. Bộ Y tế hoàn thành nâng cấp hệ thống thông tin phục vụ kiểm dịch tại cảng.
4. Phó Thủ tướng giao Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng rà soát phương án bảo đảm an ninh, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 4 năm 2026.
5. Thủ tướng Chính phủ cũng giao Bộ Xây dựng tiếp tục chỉ đạo chủ đầu tư đẩy nhanh tiến độ thi công.
Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_the_unit_given_the_duty_holds_it_not_the_giver():
    tasks = _tasks(THONG_BAO, "assignment")
    police = next(t for t in tasks if t["assignee"] == "Bộ Công an")
    assert police["action"].startswith("chủ trì")
    assert "Bộ Quốc phòng" in police["coordinators"]
    assert police["due_by"] == "2026-04-30"
    construction = next(t for t in tasks if t["assignee"] == "Bộ Xây dựng")
    assert construction["action"].startswith("tiếp tục chỉ đạo chủ đầu tư")
    assert not any("giao" in u or "Thủ tướng" in u for u in _units(tasks))


def test_a_name_ends_before_hoan_thanh_and_giai_quyet():
    units = _units(_tasks(THONG_BAO, "assignment"))
    assert "Hội đồng thẩm định Nhà nước" in units
    assert "Bộ Tài chính" in units and "Bộ Y tế" in units
    health = next(t for t in _tasks(THONG_BAO) if t["assignee"] == "Bộ Y tế")
    assert health["action"].startswith("hoàn thành nâng cấp hệ thống thông tin")
    finance = next(t for t in _tasks(THONG_BAO) if t["assignee"] == "Bộ Tài chính")
    assert finance["action"].startswith("giải quyết dứt điểm")


def test_the_notices_own_closing_is_no_duty_of_its_issuer():
    assert "Văn phòng Chính phủ" not in _units(_tasks(THONG_BAO))


KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 45/KH-UBND
Quảng Ngãi, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.
2. Người đứng đầu cơ quan, đơn vị có trách nhiệm trực tiếp chỉ đạo công tác chuyển đổi số của cơ quan, đơn vị mình.
II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế
Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu phân bổ kinh phí thực hiện Kế hoạch.
2. Phát triển hạ tầng số
Sở Khoa học và Công nghệ hoàn thành việc nâng cấp trung tâm dữ liệu của tỉnh trong năm 2026.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành được phân công chủ trì thực hiện nhiệm vụ tại Kế hoạch này xây dựng kế hoạch chi tiết, gửi Sở Khoa học và Công nghệ trước ngày 30/4/2026.
2. Các cơ quan, đơn vị được giao chủ trì các nhiệm vụ tại Kế hoạch này cần chủ động bố trí kinh phí thực hiện.
3. Sở Khoa học và Công nghệ theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.
Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
""".replace("\n", "\n\n")  # (the website's Markdown layout: a blank line between paragraphs)


def test_a_giver_named_before_giao_gives_one_task():
    finance = [t for t in _tasks(KE_HOACH) if t["assignee"] == "Sở Tài chính"]
    assert len(finance) == 1
    assert finance[0]["action"].startswith("chủ trì") and "Sở Nội vụ" in finance[0]["coordinators"]
    assert not any(u.startswith("Ủy ban nhân dân tỉnh") for u in _units(_tasks(KE_HOACH)))


def test_a_body_and_its_duty_verb_in_the_plans_part_of_tasks():
    science = [t for t in _tasks(KE_HOACH) if t["assignee"] == "Sở Khoa học và Công nghệ"]
    assert any(t["action"].startswith("hoàn thành việc nâng cấp trung tâm dữ liệu") for t in science)


def test_a_subject_picked_out_by_the_duty_it_was_given():
    tasks = _tasks(KE_HOACH)
    plans = next(t for t in tasks if t["assignee"] == "Các sở, ngành")
    assert plans["action"].startswith("(được phân công chủ trì thực hiện nhiệm vụ tại Kế hoạch này) xây dựng kế hoạch chi tiết")
    assert plans["due_by"] == "2026-04-30"
    funds = next(t for t in tasks if t["assignee"] == "Các cơ quan, đơn vị")
    assert funds["action"].endswith("chủ động bố trí kinh phí thực hiện")


def test_a_principle_of_the_plans_aims_is_no_task():
    assert not any(u.startswith("Người đứng đầu") for u in _units(_tasks(KE_HOACH)))
