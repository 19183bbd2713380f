"""A subject set apart from its verb, and the requests around it (issue 21, tenth part): a
unit, then the frame it acts in ("theo chức năng, nhiệm vụ, thẩm quyền", ", trên cơ sở đề xuất
của ..., "), then its verb; a request, then "; <unit> <verb>" with a duty of its own; a request
opening the paragraph under an item's title; the closing request of a plan to a group no item
names. Each on a document written here in the layout of a real one (Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 702/TB-VPCP
Hà Nội, ngày 03 tháng 12 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI KIỂM TRA DỰ ÁN BỆNH VIỆN TỈNH HÀ NAM
Ngày 28 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã kiểm tra Dự án Bệnh viện tỉnh Hà Nam.
Sau khi nghe báo cáo, Phó Thủ tướng Chính phủ kết luận như sau:
(1) Bộ Y tế khẩn trương hoàn thiện hồ sơ thiết kế các hạng mục còn lại.
(2) Ủy ban nhân dân tỉnh Hà Nam theo chức năng,
nhiệm vụ, thẩm quyền chỉ đạo các cơ quan liên quan hoàn thành giải phóng mặt bằng đường dẫn
vào bệnh viện trong tháng 12 năm 2025.
(3) Các Bộ, cơ quan liên quan và các Tập đoàn: Điện lực Việt Nam, Dầu khí Việt Nam theo
chức năng, nhiệm vụ và thẩm quyền, trao đổi, phối hợp chặt chẽ với Tỉnh để xử lý các kiến nghị
của tỉnh.
(4) Bộ Tài chính, trên cơ sở đề xuất của các bộ, cơ quan, địa phương, chủ trì tổng hợp nhu cầu
vốn, báo cáo Thủ tướng Chính phủ trước ngày 20 tháng 12 năm 2025.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn B
"""

KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 901/KH-UBND
Hà Nam, ngày 05 tháng 12 năm 2025

KẾ HOẠCH
Triển khai thi hành Luật Thống kê trên địa bàn tỉnh

I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm việc triển khai thi hành Luật kịp thời, đồng bộ.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp
trình cấp có thẩm quyền bố trí kinh phí thực hiện Kế hoạch.
2. Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã,
phường xây dựng kế hoạch triển khai tại cơ quan, đơn vị, địa phương mình.
3. Trên cơ sở báo cáo của các sở, ngành, Sở Khoa học và Công nghệ theo dõi, tổng hợp kết quả
thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.
4. Sở Tư pháp theo chức năng, nhiệm vụ được giao kiểm tra việc thi hành Luật trên địa bàn tỉnh.
5. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở
Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn C
"""

THONG_BAO_SECOND_UNIT = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 703/TB-VPCP
Hà Nội, ngày 04 tháng 12 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH HÀ GIANG
Ngày 20 tháng 11 năm 2025, Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh Hà Giang.
Sau khi nghe báo cáo, Thủ tướng Chính phủ kết luận như sau:
1. Về đề nghị hỗ trợ vốn cho tuyến đường tỉnh 176: giao Bộ Tài chính chủ trì, phối hợp với Bộ
Xây dựng xem xét, xử lý theo quy định.
2. Về phủ sóng các thôn vùng lõm sóng: đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam,
Công nghiệp - Viễn thông Quân đội tổ chức triển khai, hoàn thành trong tháng 12 năm 2025; Bộ
Khoa học và Công nghệ hướng dẫn các Tập đoàn nêu trên trong việc triển khai thực hiện.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn B
"""


def _by_unit(tasks: list[dict]) -> dict[str, str]:
    return {t["assignee"]: t["action"] for t in tasks}


def test_a_remit_between_the_unit_and_its_verb_is_no_part_of_the_unit():
    tasks = _by_unit(_tasks(THONG_BAO))
    # "(2) Ủy ban nhân dân tỉnh Hà Nam theo chức năng,\nnhiệm vụ, thẩm quyền chỉ đạo ..."
    assert tasks["Ủy ban nhân dân tỉnh Hà Nam"].startswith("theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo các cơ quan liên quan")


def test_a_ground_set_off_by_commas_ends_the_unit_and_its_list_stays_in_the_duty():
    tasks = _tasks(THONG_BAO)
    assert "Bộ Tài chính" in _units(tasks)
    assert not any("trên cơ sở" in u for u in _units(tasks))
    duty = _by_unit(tasks)["Bộ Tài chính"]
    assert duty.startswith("trên cơ sở đề xuất của các bộ, cơ quan, địa phương, chủ trì tổng hợp nhu cầu vốn")
    plan = _by_unit(_tasks(KE_HOACH))
    assert plan["Sở Tài chính"].startswith("trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp")
    assert plan["Sở Tư pháp"].startswith("theo chức năng, nhiệm vụ được giao kiểm tra")


def test_a_second_unit_after_a_semicolon_has_its_own_duty():
    tasks = _by_unit(_tasks(THONG_BAO_SECOND_UNIT))
    assert tasks["Bộ Khoa học và Công nghệ"].startswith("hướng dẫn các Tập đoàn nêu trên")
    # the request before it ends at the ";"
    asked = next(a for u, a in tasks.items() if u.lower().startswith("các tập đoàn") or "Tập đoàn" in u)
    assert "Bộ" not in asked.split("hoàn thành")[-1]


def test_a_plans_closing_request_of_its_issuer_gives_the_group_a_duty():
    tasks = _by_unit(_tasks(KE_HOACH))
    assert tasks["các cơ quan, đơn vị, địa phương"] == "nghiêm túc triển khai thực hiện"
    # the conditional request before it ("Trong quá trình thực hiện, nếu có khó khăn ...") gives none
    assert "các cơ quan, đơn vị" not in tasks


def test_a_bare_closing_to_one_group_only_repeats_the_plan():
    plan = KE_HOACH.replace(
        "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
        "Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
    )
    assert not any(u.startswith("các sở, ban, ngành, đơn vị") for u in _units(_tasks(plan)))


def test_a_closing_that_lists_units_gives_a_duty_only_to_those_no_item_names():
    plan = KE_HOACH.replace(
        "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
        "Yêu cầu các sở, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có liên quan thực hiện nghiêm túc./.",
    )
    units = _units(_tasks(plan))
    assert units.count("các sở, ngành") == 1  # item 2's, not the closing's again
    assert units.count("Ủy ban nhân dân các xã, phường") == 1
    assert "các đơn vị có liên quan" in units


def test_a_request_opening_the_paragraph_under_an_items_title_gives_each_unit_a_duty():
    plan = KE_HOACH.replace(
        "II. TỔ CHỨC THỰC HIỆN\n",
        "II. NỘI DUNG, NHIỆM VỤ\n1. Công tác tuyên truyền\n\nĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các\n"
        "tổ chức thành viên, Thủ trưởng các sở, ban, ngành tỉnh tổ chức quán triệt sâu rộng Kế hoạch.\n"
        "III. TỔ CHỨC THỰC HIỆN\n",
    )
    units = _units(_tasks(plan))
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" in units
    assert "các tổ chức thành viên" in units
    assert "Thủ trưởng các sở, ban, ngành tỉnh" in units
