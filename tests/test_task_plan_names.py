"""Issue 21, thirteenth part: names of firms and project boards whole through their trade
(``nlp/tasks/firm_names.py``), a plan's "Đơn vị thực hiện" beside its "Đơn vị chủ trì", a part's
title that names only the roles (``nlp/tasks/plan_fields.py``), a hotline list that is no duty
(``nlp/tasks/task.py``), and a yearly duty's day written after its rhythm (``nlp/deadlines.py``).
Written here as a text PDF of a city's kế hoạch reads: a table-less header, lines wrapped
mid-sentence."""
from directives.nlp.deadlines import next_occurrence, read_deadline
from tests.task_reading import assignees, tasks_read

PLAN = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG
Số: 88 /KH-UBND
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hải Phòng, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
|
Tổ chức Lễ hội Hoa Phượng Đỏ năm 2026
Thực hiện Chương trình công tác năm 2026 của Ủy ban nhân dân thành phố, Ủy ban
nhân dân thành phố ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quảng bá hình ảnh thành phố đến du khách trong nước và quốc tế.
II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN
1. Cơ quan chỉ đạo: Ủy ban nhân dân thành phố Hải Phòng.
2. Đơn vị chủ trì thực hiện: Sở Văn hóa và Thể thao.
3. Đơn vị phối hợp thực hiện: Các sở, ngành thành phố, Ủy ban nhân dân các
phường, xã.
III. CÁC HOẠT ĐỘNG
1. Triển lãm ảnh nghệ thuật về thành phố Hoa Phượng Đỏ
- Thời gian dự kiến: từ ngày 10/5/2026 đến ngày 20/5/2026.
- Đơn vị chủ trì: Sở Văn hóa và Thể thao.
- Đơn vị thực hiện: Bảo tàng Hải Phòng.
- Đơn vị phối hợp: Hội Nhiếp ảnh thành phố.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng
- Chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng
và công nghiệp thành phố chỉnh trang hạ tầng khu vực tổ chức Lễ hội.
- Hằng năm, tổng hợp kết quả chỉnh trang đô thị, báo cáo Ủy ban nhân dân thành
phố trước ngày 15/12.
2. Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp
thành phố chủ trì hoàn thiện sân khấu chính trước ngày 30/4/2026.
3. Công ty Cổ phần tư vấn đầu tư xây dựng Hải Đăng phối hợp với Sở Xây dựng
lắp đặt hệ thống chiếu sáng trang trí.
4. Công ty TNHH MTV Thoát nước Hải Phòng xây dựng phương án ứng trực thoát
nước trong những ngày diễn ra Lễ hội.
5. Lập đường dây nóng tiếp nhận phản ánh của du khách:
- Trung tâm Văn hóa thành phố: 0225.3842.516
- Công ty Cổ phần dịch vụ du lịch Cát Bà: 091.345.6789
6. UBND các phường: Lê Chân, Ngô Quyền, Hồng Bàng và UBND xã Cát Hải.
- Phối hợp với Sở Văn hóa và Thể thao bố trí điểm trông giữ xe phục vụ Lễ hội.
- Bảo đảm vệ sinh môi trường trên địa bàn.
7. UBND các phường, xã
- Tuyên truyền về Lễ hội trên hệ thống thông tin cơ sở.
8. Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân thành phố kết quả chi ngân sách
định kỳ hằng năm, trước ngày 20/11.
Nơi nhận:
- Như mục IV;
- Lưu: VT, VX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def _by_unit(tasks, unit):
    return [t for t in tasks if t["assignee"] == unit]


def test_a_project_board_and_a_firm_are_named_through_their_trade():
    names = assignees(tasks_read(PLAN))
    board = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp thành phố"
    assert board in names
    assert "Công ty Cổ phần tư vấn đầu tư xây dựng Hải Đăng" in names
    # a firm whose name ended on its proper name: the verb after it is its duty
    firm = _by_unit(tasks_read(PLAN), "Công ty TNHH MTV Thoát nước Hải Phòng")
    assert firm and firm[0]["action"].startswith("xây dựng phương án ứng trực")
    assert not any(n.endswith(("đầu tư", "dự án")) for n in names)


def test_a_carrier_beside_the_lead_is_given_the_duty_too():
    tasks = tasks_read(PLAN)
    museum = _by_unit(tasks, "Bảo tàng Hải Phòng")
    assert len(museum) == 1 and museum[0]["action"].startswith("Triển lãm ảnh nghệ thuật")
    lead = [t for t in _by_unit(tasks, "Sở Văn hóa và Thể thao") if t["action"].startswith("Triển lãm")]
    assert len(lead) == 1  # the lead keeps its task; the helpers field gives none
    assert not _by_unit(tasks, "Hội Nhiếp ảnh thành phố")


def test_a_title_of_roles_is_no_duty_the_plan_is():
    tasks = _by_unit(tasks_read(PLAN), "Sở Văn hóa và Thể thao")
    actions = [t["action"] for t in tasks]
    assert "Tổ chức Lễ hội Hoa Phượng Đỏ năm 2026" in actions
    assert not any("CƠ QUAN CHỈ ĐẠO" in a for a in actions)


def test_a_hotline_list_gives_no_task():
    tasks = tasks_read(PLAN)
    assert not _by_unit(tasks, "Trung tâm Văn hóa thành phố")
    assert not _by_unit(tasks, "Công ty Cổ phần dịch vụ du lịch Cát Bà")
    assert not any(t["action"][:1].isdigit() for t in tasks)


def test_a_yearly_duty_keeps_its_day():
    tasks = tasks_read(PLAN)
    finance = _by_unit(tasks, "Sở Tài chính")
    assert finance and finance[0]["recurrence"] == "yearly"
    assert next_occurrence(finance[0]["deadline_text"], "yearly", "2026-12-01") == "2026-11-20" or next_occurrence(
        finance[0]["deadline_text"], "yearly", "2026-12-01") == "2027-11-20"
    found = read_deadline("Hằng năm, tổng hợp kết quả, báo cáo Ủy ban nhân dân thành phố trước ngày 15/12.", "2026-03-12")
    assert found.recurrence == "yearly" and next_occurrence(found.text, found.recurrence, "2026-03-12") == "2026-12-15"
    # a day with its year is a one-off deadline, and a day in the next clause is not the rhythm's
    assert read_deadline("Hằng năm xây dựng kế hoạch; báo cáo trước ngày 15/12/2026", "2026-03-12").deadline == "2026-12-15"
    assert next_occurrence(read_deadline("Hằng năm xây dựng kế hoạch. Báo cáo trước ngày 15/12", "2026-03-12").text, "yearly", "2026-03-12") is None


def test_named_wards_in_a_heading_are_one_unit_each():
    tasks = tasks_read(PLAN)
    for unit in ("UBND phường Lê Chân", "UBND phường Ngô Quyền", "UBND phường Hồng Bàng", "UBND xã Cát Hải"):
        own = _by_unit(tasks, unit)
        assert len(own) == 1 and own[0]["action"].startswith("Phối hợp với Sở Văn hóa"), unit
    # the group with no names stays one
    assert len(_by_unit(tasks, "UBND các phường, xã")) == 1
    assert not _by_unit(tasks, "UBND các phường")


DECISION = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 512/QĐ-UBND
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Bình, ngày 02 tháng 4 năm 2026

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát thủ tục hành chính

Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính của tỉnh.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.

* *

- Như Điều 3; - Chủ tịch, các PCT UBND tỉnh; - Bộ Nội vụ (b/c); - Các sở, ban, ngành; - UBND các xã, phường; - Lưu: VT, NC. |
|
"""

LETTER_END = """4. Sở Tài chính tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 30/6/2026;
- Như trên;
- Bộ Nội vụ (b/c);
(để ph/h th/h)
- Các Sở, ban, ngành tỉnh;
- UBND các xã, phường;
- Lưu: VT, KT.
"""


def test_a_recipient_list_without_its_heading_is_no_duty():
    tasks = tasks_read(DECISION)
    office = _by_unit(tasks, "Chánh Văn phòng UBND tỉnh")
    assert office and office[0]["action"] == "chịu trách nhiệm thi hành Quyết định này"
    assert not any("Lưu" in t["action"] or "Như Điều 3" in t["action"] for t in tasks)
    from directives.nlp.items import boundaries

    text, cuts = boundaries(LETTER_END)
    assert "Lưu: VT" not in text and "UBND các xã, phường;" not in text
    assert "Sở Tài chính tổng hợp" in text
