"""Where a unit's name ends (issue 21, sixteenth part): a body named by what it manages ("Sở
quản lý ngành, lĩnh vực", "Ban quản lý Chương trình ..." opening an element of a list), names
listed before an item's colon that hold a verb of a proper name, and a leader's request ("Chủ
tịch UBND huyện đề nghị Trưởng phòng X khẩn trương ...") whose duty is the unit asked. Each on a
document written here in the layout of a real one (Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

CHI_THI = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 03/CT-BKHCN
Hà Nội, ngày 14 tháng 2 năm 2025

CHỈ THỊ
Về việc triển khai nhiệm vụ trọng tâm năm 2025

Để hoàn thành các nhiệm vụ năm 2025, Bộ trưởng yêu cầu Thủ trưởng các đơn vị thuộc Bộ:
1. Về bưu chính:
a) Vụ Bưu chính, Vụ Pháp chế: Hoàn thiện dự thảo Thông tư về dịch vụ bưu chính công ích.
b) Vụ Kế hoạch - Tài chính, Cục Viễn thông, Ban
quản lý Chương trình cung cấp dịch vụ công ích: Triển khai hiệu quả Chương trình cung cấp dịch
vụ viễn thông công ích đến năm 2030.
2. Về giá:
Các Sở quản lý ngành, lĩnh vực có trách nhiệm rà soát danh mục hàng hóa, dịch vụ thuộc phạm vi
quản lý, gửi Vụ Kế hoạch - Tài chính trước ngày 30/6/2025.
Chỉ thị này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG
Nguyễn Văn A
"""

CONG_VAN = """ỦY BAN NHÂN DÂN
HUYỆN ĐỨC LINH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 812/UBND-NC
V/v giải quyết đơn của công dân
Đức Linh, ngày 06 tháng 5 năm 2025

Kính gửi:
- Phòng Kinh tế - Hạ tầng huyện;
- Phòng Tư pháp huyện.

Ngày 20/4/2025, UBND huyện nhận được đơn của ông Trần Văn B về việc tranh chấp lối đi chung.
Vụ việc đã được hướng dẫn nhiều lần nhưng chưa dứt điểm. Chủ tịch UBND huyện Đức Linh đề nghị
Trưởng phòng Kinh tế - Hạ tầng huyện khẩn trương kiểm tra, giải quyết dứt điểm và báo cáo kết
quả về UBND huyện trước ngày 31/5/2025./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn C
"""


def test_a_board_that_opens_a_list_element_keeps_its_name():
    tasks = _tasks(CHI_THI)
    units = _units(tasks)
    assert "Ban" not in units
    assert any(u.startswith("Ban quản lý Chương trình cung cấp dịch vụ công ích") for u in units)
    assert "Cục Viễn thông" in units and "Vụ Kế hoạch - Tài chính" in units


def test_a_department_named_by_the_sector_it_manages():
    tasks = _tasks(CHI_THI)
    price = [t for t in tasks if t["assignee"].startswith("Các Sở")]
    assert [t["assignee"] for t in price] == ["Các Sở quản lý ngành, lĩnh vực"]
    assert price[0]["action"].startswith("có trách nhiệm rà soát") or price[0]["action"].startswith("rà soát")
    assert price[0]["deadline"] == "2025-06-30"


def test_the_leaders_request_is_the_duty_of_the_unit_asked():
    tasks = _tasks(CONG_VAN)
    asked = [t for t in tasks if "Trưởng phòng Kinh tế" in t["assignee"]]
    assert [t["assignee"] for t in asked] == ["Trưởng phòng Kinh tế - Hạ tầng huyện"]
    assert asked[0]["action"].lstrip("(đề nghị) ").startswith("khẩn trương kiểm tra")
    assert not any("đề nghị" in u for u in _units(tasks))


KE_HOACH = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
TỈNH KHÁNH HÒA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 905/KH-SGDĐT
Khánh Hòa, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
Tổ chức Hội thi Tin học trẻ năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy niềm đam mê tin học trong học sinh.
II. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo
a) Phòng Giáo dục Trung học
- Thường trực, chủ trì, phối hợp với Tỉnh đoàn, Ủy ban nhân dân các phường, xã tổ chức Hội thi
cấp tỉnh.
- Tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 15/12/2025.
b) Văn phòng Sở: Bảo đảm kinh phí tổ chức Hội thi.
2. Đề nghị Ủy ban nhân dân các phường, xã có phương án hỗ trợ học sinh có hoàn cảnh khó khăn
tham gia Hội thi.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phạm Thị D
"""

THONG_BAO = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
SỞ Y TẾ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 14/TB-SYT
Hà Nam, ngày 10 tháng 01 năm 2025

THÔNG BÁO
Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 01 năm 2025

Giám đốc Sở kết luận và giao nhiệm vụ như sau:
4. Phòng Nghiệp vụ Y
- Hoàn thành kế hoạch khám chữa bệnh dịp Tết, báo cáo Giám đốc Sở trước ngày 20/01/2025.
§. Trung tâm Kiểm soát bệnh tật
- Hoàn thành công tác tiêm chủng mở rộng quý I, báo cáo Sở trước ngày 31/3/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Trần Văn E
"""


def test_a_role_and_the_duty_verbs_name_no_unit():
    tasks = _tasks(KE_HOACH)
    units = _units(tasks)
    assert not any(u.startswith("Thường trực") for u in units)
    assert "Tỉnh đoàn" not in units  # a partner, not an assignee
    assert "Phòng Giáo dục Trung học" in units


def test_a_plan_to_make_is_the_duty_not_the_name():
    tasks = _tasks(KE_HOACH)
    communes = [t for t in tasks if t["assignee"].startswith("Ủy ban nhân dân các phường")]
    assert communes and all(t["assignee"] == "Ủy ban nhân dân các phường, xã" for t in communes)
    assert any("có phương án hỗ trợ học sinh" in t["action"] for t in communes)


def test_a_heading_number_ocr_misread_still_heads_its_items():
    tasks = _tasks(THONG_BAO)
    centre = [t for t in tasks if t["assignee"].startswith("Trung tâm Kiểm soát bệnh tật")]
    assert [t["assignee"] for t in centre] == ["Trung tâm Kiểm soát bệnh tật"]
    assert centre[0]["action"].startswith("Hoàn thành công tác tiêm chủng")
    assert centre[0]["deadline"] == "2025-03-31"


QUY_DINH = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 15/2024/QĐ-UBND
Bình Thuận, ngày 10 tháng 4 năm 2024

QUYẾT ĐỊNH
Ban hành Quy định phân cấp quản lý chất lượng công trình xây dựng

Điều 1. Ban hành kèm theo Quyết định này Quy định phân cấp quản lý chất lượng công trình xây dựng.
Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 4 năm 2024.
QUY ĐỊNH
Điều 5. Kiểm tra công tác nghiệm thu
1. Sở Xây dựng, Sở quản lý công trình xây dựng chuyên ngành tổ chức kiểm tra công tác nghiệm thu
công trình thuộc thẩm quyền.
2. Bộ quản lý nhà nước chuyên ngành có trách nhiệm hướng dẫn chủ đầu tư lập hồ sơ hoàn thành công trình.
Điều 6. Giám định nguyên nhân sự cố
1. Ủy ban nhân dân tỉnh phân cấp cho Sở Giao thông vận tải, Sở Công Thương chủ trì tổ chức giám định nguyên nhân sự cố cấp II.
"""


def test_a_department_named_by_the_works_it_manages():
    """The construction laws name "Sở quản lý công trình xây dựng chuyên ngành" and "Bộ quản lý
    nhà nước chuyên ngành": "xây dựng" inside the name is no verb, and the name runs whole."""
    units = _units(_tasks(QUY_DINH))
    assert "Sở quản lý công trình xây dựng chuyên ngành" in units and "Sở Xây dựng" in units
    assert "Bộ quản lý nhà nước chuyên ngành" in units
    assert "Sở" not in units and "Bộ" not in units


CLOSING_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN KỲ ANH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 31/KH-UBND
Kỳ Anh, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Tuyên truyền tiêu dùng hàng hóa sản xuất trong tỉnh

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin:
- Chủ trì, hướng dẫn công tác tuyên truyền trên địa bàn huyện.
2. Trung tâm Văn hóa - Truyền thông huyện:
- Tăng cường tin, bài giới thiệu các sản phẩm của tỉnh.
Trên cơ sở Kế hoạch này, yêu cầu các phòng, ngành, đơn vị, UBND các xã, thị trấn cụ thể hóa chương trình hành động, tập trung chỉ đạo quyết liệt việc tiêu thụ hàng hóa sản xuất trong tỉnh./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn D
"""


def test_the_names_asked_end_before_cu_the_hoa():
    """ "cụ thể hóa chương trình hành động" is the duty asked of the units: the last name ends
    before it, and the duty keeps its words."""
    asked = [t for t in _tasks(CLOSING_PLAN) if t["assignee"] in ("các phòng, ngành, đơn vị", "UBND các xã, thị trấn")]
    assert [t["assignee"] for t in asked] == ["các phòng, ngành, đơn vị", "UBND các xã, thị trấn"]
    assert all(t["action"].startswith("cụ thể hóa chương trình hành động") for t in asked)


def test_the_issuers_delegation_is_the_delegates_duty():
    """ "Ủy ban nhân dân tỉnh phân cấp cho Sở A, Sở B chủ trì ...": the province delegates, the
    departments named after "cho" hold the duty; the issuer holds none."""
    tasks = [t for t in _tasks(QUY_DINH) if "sự cố" in t["action"]]
    assert [t["assignee"] for t in tasks] == ["Sở Giao thông vận tải", "Sở Công Thương"]


HEADINGS_RUN_IN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 498/KH-UBND
Hà Tĩnh, ngày 30 tháng 12 năm 2025

KẾ HOẠCH
Nâng cao chỉ số minh bạch trong hoạt động của cơ quan nhà nước

VI. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ Là cơ quan chịu trách nhiệm chính về tổ chức thực hiện Kế hoạch.
2. Trung tâm Phục vụ hành chính công tỉnh Là đơn vị đầu mối tổ chức tiếp nhận hồ sơ trực tuyến.
"""


def test_a_heading_run_into_its_line_ends_before_la():
    """OCR lost the line break after "1. Sở Khoa học và Công nghệ": the heading runs into "Là cơ
    quan chịu trách nhiệm ..."; no name holds "là", so the body's name ends before it."""
    assert _units(_tasks(HEADINGS_RUN_IN)) == ["Sở Khoa học và Công nghệ", "Trung tâm Phục vụ hành chính công tỉnh"]


def test_what_a_body_is_said_after_its_name_is_no_second_unit():
    """ "Sở Thông tin và Truyền thông, cơ quan chuyên môn trong lĩnh vực thông tin và truyền thông
    chịu trách nhiệm chủ trì ...": the apposition says what the Sở is; a group of a list ("; cơ
    quan chuyên môn, đơn vị sự nghiệp thuộc UBND") stays a unit."""
    from directives.nlp.tasks.units import split_units

    assert split_units("Sở Thông tin và Truyền thông, cơ quan chuyên môn trong lĩnh vực thông tin và truyền thông") == ["Sở Thông tin và Truyền thông"]
    assert split_units("Sở Tư pháp; cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh")[0] == "Sở Tư pháp"
    assert len(split_units("Sở Tư pháp; cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh")) == 2
