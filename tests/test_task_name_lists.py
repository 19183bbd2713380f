"""Names that hold their hierarchy, lists that are several, headings by code, members that are no
duty (issue 21, fourteenth part), each on a document written here in the layout of a real one
(Nghị định 30/2020/NĐ-CP):

- "Phòng 5, Cục ..., Bộ Công an" (a part of a part, smaller to larger) is one unit;
- "UBND tỉnh Điện Biên, Nghệ An và Tây Ninh" (one head over several places) is three, and so is
  "Ban Chấp hành 03 Hội công chứng viên A, B, C" (a count before the common name);
- "Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B (cũ) có trách nhiệm ...": a name's short
  parenthesis does not end the list;
- "1. C04:" (Bộ Công an's units by code) heads its duties; "4. Chủ dự án thành phần:" too;
- a request inside an item to the bodies the lead-in named, by their common name, is theirs already;
- a working group's member list ("Ông A - Phó Giám đốc Sở X") is no duty; "Tổ giúp việc có
  trách nhiệm tham mưu ..." and "Các thành viên tại Điều 1 chịu trách nhiệm thi hành ..." are.
"""
from tests.task_reading import assignees, tasks_read

PLAN = """BỘ CÔNG AN
TỔ CÔNG TÁC LIÊN NGÀNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 120/KH-TCTLN
Hà Nội, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm kiểm soát chặt chẽ các hoạt động hợp pháp liên quan đến ma túy.

II. NHIỆM VỤ
1. C04:
- Chủ trì, phối hợp với các đơn vị liên quan tổ chức hội nghị sơ kết công tác kiểm soát.
- Tổng hợp kết quả, báo cáo lãnh đạo Bộ trước ngày 30/6/2026.
2. V01:
- Phối hợp với C04 chuẩn bị nội dung tuyên truyền trên các phương tiện thông tin đại chúng.
3. Chủ dự án thành phần:
a) Lập kế hoạch thực hiện dự án giai đoạn 2026-2030 và năm 2026.
b) Tổ chức thực hiện dự án theo đúng quy định.

III. TỔ CHỨC THỰC HIỆN
1. Giao Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an chủ trì, phối hợp với các đơn vị kiểm tra việc thực hiện Kế hoạch này.
2. Đề nghị UBND tỉnh Điện Biên, Nghệ An và Tây Ninh bố trí kinh phí thực hiện điểm Chương trình năm 2026.
3. Giao Cục Thống kê, Bộ Tài chính phối hợp cung cấp số liệu phục vụ sơ kết.

Nơi nhận:
- Như trên;
- Lưu: VT.
TỔ TRƯỞNG
Nguyễn Văn Hùng
"""


def by_unit(tasks):
    return {t["assignee"]: t for t in tasks}


def test_a_part_of_a_part_is_one_unit():
    units = assignees(tasks_read(PLAN, "assignment"))
    assert "Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an" in units
    assert "Cục Thống kê, Bộ Tài chính" in units
    # never the larger unit alone, as if it had the part's duty
    assert "Bộ Công an" not in units and "Bộ Tài chính" not in units


def test_one_head_over_several_places_is_one_unit_each():
    tasks = by_unit(tasks_read(PLAN, "assignment"))
    for place in ("Điện Biên", "Nghệ An", "Tây Ninh"):
        assert tasks[f"UBND tỉnh {place}"]["action"].endswith("bố trí kinh phí thực hiện điểm Chương trình năm 2026")


def test_a_heading_by_code_and_a_group_heading_give_their_duties():
    tasks = by_unit(tasks_read(PLAN, "assignment"))
    assert tasks["C04"]["action"].startswith("Chủ trì, phối hợp với các đơn vị liên quan tổ chức hội nghị")
    assert tasks["C04"]["deadline"] == "2026-06-30"
    assert tasks["V01"]["action"].startswith("Phối hợp với C04 chuẩn bị nội dung tuyên truyền")
    assert "Lập kế hoạch thực hiện dự án" in tasks["Chủ dự án thành phần"]["action"]


DECISION = """ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1450/QĐ-UBND
Khánh Hòa, ngày 20 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc hợp nhất Hội Nghề cá tỉnh Khánh Hòa và Hội Nghề cá tỉnh Ninh Thuận

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:
Điều 1. Cho phép hợp nhất Hội Nghề cá tỉnh Khánh Hòa (cũ), Hội Nghề cá tỉnh Ninh Thuận (cũ) thành Hội Nghề cá tỉnh Khánh Hòa.
Điều 2. Hội Nghề cá tỉnh Khánh Hòa (cũ), Hội Nghề cá tỉnh Ninh Thuận
(cũ) có trách nhiệm chuyển giao toàn bộ tài sản, tài chính, hội viên cho Hội Nghề cá tỉnh Khánh Hòa (mới).
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 4;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def test_a_list_of_names_each_qualified_in_parentheses_gives_one_task_each():
    units = [u for u in assignees(tasks_read(DECISION, "assignment")) if u.startswith("Hội Nghề cá")]
    assert len(units) == 2
    assert units[0] == "Hội Nghề cá tỉnh Khánh Hòa (cũ)" and units[1].startswith("Hội Nghề cá tỉnh Ninh Thuận")


GROUP = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
HỘI ĐỒNG THẨM ĐỊNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 210/QĐ-HĐTĐ
Lâm Đồng, ngày 05 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Tổ giúp việc của Hội đồng thẩm định

CHỦ TỊCH HỘI ĐỒNG THẨM ĐỊNH
Căn cứ Quyết định số 1020/QĐ-UBND ngày 12 tháng 8 năm 2025 của UBND tỉnh;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ giúp việc của Hội đồng thẩm định (gọi tắt là Tổ giúp việc), gồm các thành viên:
1. Tổ trưởng: Ông Trần Hữu Nam - Phó Giám đốc Sở Nội vụ.
2. Tổ phó: Bà Nguyễn Thị Lan - Trưởng phòng Cải cách hành chính thuộc Sở Nội vụ.
3. Các thành viên Tổ giúp việc gồm:
a) Sở Tư pháp
- Ông Nguyễn Tiến Hải - Phó Chánh Văn phòng Sở.
- Bà Phạm Thị Thu Hà - Phó Trưởng phòng Phổ biến, giáo dục pháp luật.
b) Sở Tài chính
- Ông Lê Văn Tâm - Phó Trưởng phòng Ngân sách.
c) Văn phòng Ủy ban nhân dân tỉnh: Ông Trần Quang Minh - Phó Giám đốc Trung tâm Phục vụ hành chính công tỉnh.
Điều 2. Nhiệm vụ của Tổ giúp việc
Tổ giúp việc có trách nhiệm tham mưu Hội đồng thẩm định tổng hợp, chấm điểm, đánh giá, xếp loại kết quả cải cách hành chính của các cơ quan, đơn vị.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 4. Các thành viên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 4;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Sơn
"""


def test_a_member_list_is_no_duty_and_the_groups_duties_are_read():
    tasks = tasks_read(GROUP)
    # the bodies the members come from have no duty in the list
    assert not any(t["assignee"] in ("Sở Tư pháp", "Sở Tài chính", "Văn phòng Ủy ban nhân dân tỉnh") for t in tasks)
    assert not any(t["action"].startswith(("Ông ", "Bà ")) for t in tasks)
    units = by_unit(tasks)
    assert units["Tổ giúp việc"]["action"].startswith("có trách nhiệm tham mưu Hội đồng thẩm định tổng hợp")
    assert units["Các thành viên tại Điều 1"]["kind"] == "execution"


LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
SỞ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 710/STP-BTTP
V/v hồ sơ hợp nhất các Hội công chứng viên
Lâm Đồng, ngày 25 tháng 8 năm 2025

Kính gửi: Ban Chấp hành Hội công chứng viên tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ).

Sở Tư pháp nhận được Công văn số 36/HCCV ngày 19/8/2025 của Hội công chứng viên tỉnh Lâm Đồng về việc lập Đề án hợp nhất.
Sau khi kiểm tra hồ sơ, Sở Tư pháp đề nghị Ban chấp hành các Hội công chứng viên tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ)
thực hiện một số nội dung sau:
- Thứ nhất: Đối với hồ sơ xin chủ trương: Đề nghị Ban chấp hành Hội công chứng viên vận dụng
theo hướng dẫn tại khoản 2 Điều 32 Nghị định số 126/2024/NĐ-CP, bổ sung Đơn đề nghị sáp nhập (bản chính).
- Thứ hai: Đối với Đề án sáp nhập: nghiên cứu bổ sung, chỉnh sửa lộ trình hợp nhất cho phù hợp thẩm quyền.

Sở Tư pháp đề nghị Ban Chấp hành 03 Hội công chứng viên Lâm Đồng, Đắk Nông, Bình Thuận khẩn trương hoàn thiện hồ sơ, gửi về Sở Tư pháp chậm nhất ngày 10/9/2025./.

Nơi nhận:
- Như trên;
- Lưu: VT, BTTP.
GIÁM ĐỐC
Lê Văn Phúc
"""


def test_a_request_to_the_bodies_of_several_places_gives_one_task_each():
    units = assignees(tasks_read(LETTER, "assignment"))
    for place in ("Lâm Đồng", "Bình Thuận", "Đắk Nông"):
        # the lead-in with its items, in lower case ("Ban chấp hành các Hội ...")
        assert any(u.lower() == f"ban chấp hành các hội công chứng viên tỉnh {place}".lower() for u in units)
        # the closing request, the count of the bodies before their common name
        assert f"Ban Chấp hành Hội công chứng viên {place}" in units
    # the request inside an item, to the same bodies by their common name, is in their duty already
    assert not any(u.startswith("Ban chấp hành Hội công chứng viên") for u in units)
