"""Forms of structure a planner reads at a glance (issue 21, twelfth part).

- A unit's heading over its bullets: each bullet is a clause of the heading's unit, its verb
  first; its own "phối hợp với X" names who helps with that duty (KH 179, CT 01/2009 of the
  corpus): the heading's task carries every bullet's coordinators, not the first one's alone.
- "Trách nhiệm của <group> trong <field>:" over items that each name their own unit (CT 01/2009,
  CT 09/2008): the heading says whose duties follow, it gives the group no duty "trong ...".
- "Trên cơ sở đó, Bộ Tư pháp tổng hợp ..." after another unit's duty in a công văn's item: the
  unit named gets its own step, with its own deadline.
- A chỉ thị's closing request to the units of its lead-in ("Yêu cầu Thủ trưởng các sở ... triển
  khai thực hiện nghiêm túc Chỉ thị này") repeats: a task of kind ``execution``, no assignment.

The documents are written for the tests, in the layouts of a kế hoạch, a chỉ thị and a công văn
(Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG NAI
Số: 210/KH-UBND
Đồng Nai, ngày 12 tháng 10 năm 2025
KẾ HOẠCH
Phát triển kinh tế số trên địa bàn tỉnh năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Phát triển kinh tế số nhanh, bền vững.
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
a) Chủ trì hướng dẫn, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch.
b) Chủ trì, phối hợp với Sở Tài chính xây dựng cơ chế hỗ trợ doanh nghiệp công nghệ số.
c) Phối hợp với Sở Nội vụ tổ chức phong trào thi đua về chuyển đổi số.
d) Xây dựng bộ chỉ số đánh giá; khuyến khích các trường đại học phối hợp với doanh nghiệp đào tạo nhân lực số.
2. Sở Nội vụ
- Chủ trì triển khai các nhiệm vụ về lao động, việc làm của Kế hoạch.
- Phối hợp Sở Khoa học và Công nghệ tổ chức tôn vinh các điển hình tiên tiến.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""


def _task(tasks, unit):
    return next(t for t in tasks if t["assignee"] == unit)


def test_each_bullet_under_a_heading_adds_its_own_coordinators():
    tasks = _tasks(KE_HOACH, "assignment")
    science = _task(tasks, "Sở Khoa học và Công nghệ")
    assert science["coordinators"] == ["Sở Tài chính", "Sở Nội vụ"]
    # (a "phối hợp" inside another subject's clause is not the heading's unit's)
    assert not any("doanh nghiệp" in c for c in science["coordinators"])
    # (a later bullet's coordinators, the first having none)
    assert _task(tasks, "Sở Nội vụ")["coordinators"] == ["Sở Khoa học và Công nghệ"]


CHI_THI = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 03/CT-UBND
Kon Tum, ngày 05 tháng 3 năm 2026
CHỈ THỊ
Về triển khai thực hiện Luật Thuế thu nhập cá nhân
Để triển khai Luật Thuế thu nhập cá nhân, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nhiệm vụ sau:
I. Trách nhiệm của các sở, ban, ngành, đoàn thể trong tổ chức triển khai thực hiện Luật Thuế thu nhập cá nhân:
1. Cục Thuế tỉnh:
- Đẩy mạnh cải cách hành chính về thuế.
- Phối hợp với Sở Tư pháp tổ chức tập huấn cho doanh nghiệp.
2. Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh kiểm tra các khoản chi trả thu nhập.
3. Công an tỉnh tăng cường phát hiện, xử lý các trường hợp trốn thuế.
II. Trách nhiệm của Ủy ban nhân dân các huyện trong việc tuyên truyền:
1. Tổ chức tuyên truyền Luật Thuế thu nhập cá nhân đến Nhân dân.
2. Báo cáo kết quả về Cục Thuế tỉnh hằng quý.
Yêu cầu Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các huyện triển khai thực hiện nghiêm túc Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
"""


def test_a_heading_of_responsibilities_gives_its_group_no_duty():
    units = _units(_tasks(CHI_THI, "assignment"))
    assert "các sở, ban, ngành, đoàn thể" not in units
    assert not any("trong" in u for u in units)
    assert ["Cục Thuế tỉnh", "Sở Tài chính", "Công an tỉnh"] == units[:3]
    tax = _task(_tasks(CHI_THI), "Cục Thuế tỉnh")
    assert "Sở Tư pháp" in tax["coordinators"]


def test_its_items_that_name_no_unit_stay_the_groups():
    """"II. Trách nhiệm của Ủy ban nhân dân các huyện trong việc tuyên truyền:" over items with
    no unit of their own: they are the districts' duties, not a duty "trong việc tuyên truyền"."""
    districts = _task(_tasks(CHI_THI), "Ủy ban nhân dân các huyện")
    assert districts["action"].startswith("Tổ chức tuyên truyền")
    assert "Báo cáo kết quả" in districts["action"]


def test_a_closing_request_to_units_of_the_lead_in_only_repeats():
    """The chỉ thị's last line asks the units its lead-in named to carry it out: it repeats the
    duties above (the issue's kind ``execution``), and gives no assignment of its own."""
    closing = [t for t in _tasks(CHI_THI) if t["action"].endswith("Chỉ thị này")]
    assert closing and all(t["kind"] == "execution" for t in closing)
    assert "Thủ trưởng các sở, ban, ngành" not in _units(_tasks(CHI_THI, "assignment"))


CONG_VAN = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 510/TTg-KSTT
V/v cắt giảm thủ tục hành chính
Hà Nội, ngày 10 tháng 4 năm 2026
Kính gửi:
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Thủ tướng Chính phủ yêu cầu:
1. Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ rà soát các thủ tục hành chính, gửi kết quả về Bộ Tư pháp trước ngày 30 tháng 4 năm 2026. Trên cơ sở đó, Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 5 năm 2026.
2. Bộ Công an chủ trì, phối hợp với Bộ Khoa học và Công nghệ hoàn thành việc kết nối dữ liệu dân cư trong tháng 6 năm 2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
"""


def test_a_step_on_another_units_result_is_the_named_units_duty():
    tasks = _tasks(CONG_VAN, "assignment")
    justice = _task(tasks, "Bộ Tư pháp")
    assert justice["action"].startswith("tổng hợp, báo cáo Thủ tướng Chính phủ")
    assert justice["due_by"] == "2026-05-15"
    first = _task(tasks, "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ")
    assert "Trên cơ sở đó" not in first["action"] and first["due_by"] == "2026-04-30"
