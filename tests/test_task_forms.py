"""The forms of issue 21's second part, each written from its convention and tested on a
document written here in a real layout: closing clauses whose units come as one list, a công
điện's address list and the numbered duties that name no unit, a unit heading and its items,
a scan's a), b), c) under a unit's duty, "chủ động" / "khẩn trương" / "là đầu mối" after the
unit that opens a clause, duties under "Trách nhiệm của tổ chức, cá nhân", and names that ran
into their verbs."""
from directives.nlp.extract import extract_text
from directives.nlp.tasks import find_tasks


def _units(tasks):
    return [t.assignee for t in tasks]


# ------------------------------------------------------------------------- closing clauses


def test_a_closing_clause_whose_units_come_as_one_list():
    text = (
        "Điều 3. Tổ chức thực hiện\n"
        "1. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Gia Lai, chính quyền địa phương các đơn vị "
        "hành chính liên quan và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành "
        "Nghị quyết này; sắp xếp, ổn định bộ máy các cơ quan ở địa phương.\n"
    )
    tasks = find_tasks(text, issued_date="2025-06-16")
    assert _units(tasks) == [
        "Hội đồng nhân dân tỉnh Gia Lai",  # the council takes the locality of the committee after it
        "Ủy ban nhân dân tỉnh Gia Lai",
        "Chính quyền địa phương các đơn vị hành chính liên quan",
        "các cơ quan, tổ chức khác có liên quan",
    ]
    assert tasks[0].action.startswith("có trách nhiệm tổ chức thi hành Nghị quyết này; sắp xếp")


def test_a_closing_clause_that_says_căn_cứ_quyết_định_thi_hành():
    text = (
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Tổ chức thực hiện\n"
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Chủ tịch Ủy ban nhân dân "
        "các xã, phường và các tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành./.\n"
    )
    tasks = find_tasks(text, issued_date="2025-11-25")
    assert _units(tasks) == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Nông nghiệp và Môi trường",
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "các tổ chức, cá nhân có liên quan",
    ]
    assert {t.action for t in tasks} == {"căn cứ Quyết định thi hành"}


def test_căn_cứ_a_law_to_carry_out_is_a_preamble_not_a_closing():
    text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;\n"
    assert find_tasks(text) == []


def test_the_post_of_each_body_listed_after_a_colon():
    text = (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, "
        "Sở Xây dựng, Sở Tài chính; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân liên quan "
        "chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert _units(find_tasks(text)) == [
        "Thủ trưởng Văn phòng UBND tỉnh",
        "Thủ trưởng Sở Xây dựng",
        "Thủ trưởng Sở Tài chính",
        "Chủ tịch UBND các xã, phường",
        "các tổ chức, cá nhân liên quan",
    ]


def test_an_article_title_before_the_units_and_a_lower_case_unit_after_a_proper_name():
    text = (
        "Điều 16. Trách nhiệm tổ chức thực hiện\n"
        "Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam, chi nhánh ngân hàng nước ngoài có trách "
        "nhiệm tổ chức thực hiện Thông tư này./.\n"
    )
    assert _units(find_tasks(text)) == ["Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam", "Chi nhánh ngân hàng nước ngoài"]


def test_a_department_whose_name_holds_a_comma_stays_whole():
    text = "Điều 4. Chánh Văn phòng Bộ, Cục trưởng Cục Quản lý, giám sát kế toán, kiểm toán chịu trách nhiệm thi hành Quyết định này./.\n"
    assert _units(find_tasks(text)) == ["Chánh Văn phòng Bộ", "Cục trưởng Cục Quản lý, giám sát kế toán, kiểm toán"]


def test_a_closing_that_is_the_object_of_a_duty_is_that_duty():
    text = (
        "Điều 22. Điều khoản thi hành\n"
        "1. Sở Nông nghiệp và Môi trường làm đầu mối, tham mưu giúp Ủy ban nhân dân tỉnh tổ chức thực hiện Quy định này; "
        "hằng năm tổng hợp kết quả thực hiện.\n"
        "2. Tổng cục Thuế - Bộ Tài chính chịu trách nhiệm tổ chức triển khai thực hiện Thông tư này; b) Chỉ huy các đơn vị phối hợp.\n"
    )
    tasks = find_tasks(text)
    assert tasks[0].assignee == "Sở Nông nghiệp và Môi trường" and tasks[0].action.startswith("làm đầu mối, tham mưu")
    assert tasks[1].action == "chịu trách nhiệm tổ chức triển khai thực hiện Thông tư này"  # not the next item's words


def test_closing_forms_are_executions():
    doc = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 138/QĐ-UBND\nĐồng Tháp, ngày 25 tháng 11 năm 2025\n\n"
        "QUYẾT ĐỊNH\nBan hành Quy chế phối hợp\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh căn cứ Quyết định thi hành./.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn B\n"
    )
    kinds = {(t["assignee"], t["kind"]) for t in extract_text(doc).tasks}
    assert kinds == {("Chánh Văn phòng Ủy ban nhân dân tỉnh", "execution"), ("Thủ trưởng các sở, ban, ngành tỉnh", "execution")}


# -------------------------------------------------------------------------------- công điện

CONG_DIEN = """BỘ XÂY DỰNG
Số: 96/CĐ-BXD
Hà Nội, ngày 22 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc tập trung ứng phó mưa lũ

BỘ XÂY DỰNG điện:
- Các Cục: Đường bộ Việt Nam, Hàng hải và Đường thủy Việt Nam;
- Tổng Công ty Đường sắt Việt Nam;
- Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk.
Triển khai chỉ đạo của Thủ tướng Chính phủ, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:
1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ; báo cáo kết quả trước ngày 30/11/2025.
2. Yêu cầu chủ động theo dõi sát diễn biến mưa lũ, sẵn sàng phương án ứng phó.
3. Cục Đường bộ Việt Nam
- Chỉ đạo các Khu Quản lý đường bộ tổ chức phân luồng từ xa.
- Khẩn trương khắc phục các tuyến quốc lộ bị sạt lở.
4. Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị hỗ trợ địa phương.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Anh Tuấn
"""


def test_numbered_duties_of_a_công_điện_that_name_no_unit_go_to_the_units_addressed():
    tasks = extract_text(CONG_DIEN).tasks
    addressed = [
        "Cục Đường bộ Việt Nam",
        "Cục Hàng hải và Đường thủy Việt Nam",
        "Tổng Công ty Đường sắt Việt Nam",
        "Sở Xây dựng tỉnh Gia Lai",
        "Sở Xây dựng tỉnh Đắk Lắk",
    ]
    first = [t for t in tasks if t["action"].startswith("Quán triệt")]
    assert [t["assignee"] for t in first] == addressed
    assert {t["due_by"] for t in first} == {"2025-11-30"}
    second = [t for t in tasks if "theo dõi sát diễn biến" in t["action"]]
    assert [t["assignee"] for t in second] == addressed and second[0]["action"].startswith("Chủ động theo dõi")
    # a duty that names its unit is that unit's only; "Các Bộ: A, B" gives each Bộ
    own = [t for t in tasks if not t["action"].startswith(("Quán triệt", "Chủ động theo dõi"))]
    assert [t["assignee"] for t in own] == ["Cục Đường bộ Việt Nam", "Bộ Quốc phòng", "Bộ Công an"]
    assert "Khẩn trương khắc phục" in own[0]["action"]


def test_a_text_without_an_address_list_gives_its_unnamed_items_to_no_one():
    text = CONG_DIEN.replace("BỘ XÂY DỰNG điện:", "Kính gửi:")
    assert not [t for t in extract_text(text).tasks if t["action"].startswith("Quán triệt")]


# ----------------------------------------------------------------- a unit heading, its items


def test_a_unit_heading_on_its_own_line_then_its_bullets():
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế:\n"
        "- Chủ trì tổ chức tiêm chủng mở rộng trên địa bàn tỉnh.\n"
        "- Báo cáo kết quả trước ngày 15/12/2025.\n"
        "2. Sở Giáo dục và Đào tạo\n"
        "\n"
        "a) Phối hợp với Sở Y tế tuyên truyền trong trường học.\n"
        "b) Tổng hợp số học sinh được tiêm.\n"
    )
    tasks = find_tasks(text, issued_date="2025-11-20")
    assert _units(tasks) == ["Sở Y tế", "Sở Giáo dục và Đào tạo"]
    assert "Báo cáo kết quả" in tasks[0].action and tasks[0].due_by == "2025-12-15"
    assert "Tổng hợp số học sinh" in tasks[1].action


# ------------------------------------------------------------------------- the weaker cues


def test_chủ_động_khẩn_trương_là_đầu_mối_after_the_unit_that_opens_the_clause():
    text = (
        "Trên cơ sở Kế hoạch này, Sở Y tế chủ động phối hợp với các đơn vị triển khai tiêm chủng. "
        "Bộ Nông nghiệp và Môi trường khẩn trương chủ trì, phối hợp với Bộ Tài chính hoàn thiện Báo cáo trước ngày 15/12/2025. "
        "Để Nhân dân chủ động ứng phó, Sở Xây dựng hướng dẫn UBND các xã chủ động di dời dân. "
        "Văn phòng UBND tỉnh là đầu mối theo dõi, đôn đốc việc thực hiện.\n"
    )
    tasks = find_tasks(text, issued_date="2025-11-20")
    assert _units(tasks) == ["Sở Y tế", "Bộ Nông nghiệp và Môi trường", "Văn phòng UBND tỉnh"]
    assert tasks[1].action.startswith("khẩn trương chủ trì") and tasks[1].coordinators == ["Bộ Tài chính"]


# ------------------------------------------------------------------ anyone's duties: obligations


def test_duties_under_trách_nhiệm_của_tổ_chức_cá_nhân_are_obligations_in_any_text():
    doc = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BẮC NINH\nSố: 73/2025/NQ-HĐND\nBắc Ninh, ngày 27 tháng 11 năm 2025\n\n"
        "NGHỊ QUYẾT\nQuy định chính sách hỗ trợ\n\n"
        "Điều 16. Trách nhiệm của Sở Tài chính\n"
        "1. Sở Tài chính có trách nhiệm bố trí kinh phí hỗ trợ.\n"
        "Điều 17. Trách nhiệm của cơ\nquan, tổ chức, cá nhân hưởng chính sách ưu đãi\n"
        "1. Cơ quan, tổ chức, cá nhân hưởng chính sách ưu đãi có trách nhiệm sử dụng kinh phí đúng mục đích.\n"
        "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn C\n"
    )
    kinds = [(t["assignee"], t["kind"]) for t in extract_text(doc).tasks]
    assert kinds == [
        ("Sở Tài chính", "responsibility"),  # "73/2025/NQ-HĐND": numbered as a legal text
        ("Cơ quan, tổ chức, cá nhân hưởng chính sách ưu đãi", "obligation"),
    ]


# ----------------------------------------------------------------- names run into their verbs


def test_a_name_ends_before_its_own_verb():
    text = (
        "Điều 9. Thẩm quyền và trách nhiệm\n"
        "1. Tổng cục Hải quan quyết định kiểm tra sau thông quan trong phạm vi toàn quốc.\n"
        "2. Bộ Nội vụ ban hành và quản lý chương trình bồi dưỡng.\n"
        "3. Ủy ban nhân dân cấp tỉnh giao cơ quan thuế chủ trì, phối hợp với Sở Tài chính xác định số tiền thuê đất.\n"
        "4. Ban Chỉ đạo do Chủ tịch UBND tỉnh thành lập có trách nhiệm giải quyết kiến nghị.\n"
        "5. Bộ Ngoại giao chủ trì hướng dẫn thủ tục lãnh sự.\n"
    )
    found = [(t.assignee, " ".join(t.action.split()[:6])) for t in find_tasks(text)]
    assert found == [
        ("Tổng cục Hải quan", "quyết định kiểm tra sau thông"),
        ("Bộ Nội vụ", "ban hành và quản lý chương"),
        ("Cơ quan thuế", "chủ trì, phối hợp với Sở"),  # the unit given the duty
        ("Ban Chỉ đạo do Chủ tịch UBND tỉnh thành lập", "có trách nhiệm giải quyết kiến"),  # its own clause
        ("Bộ Ngoại giao", "chủ trì hướng dẫn thủ tục"),
    ]


# ------------------------------------------------------------------------------ OCR'd scans

SCANNED_DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 16 /CT-UBND
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 20 tháng 12 năm 2021
CHỈ THỊ
Về việc tổ chức Tết Nguyên đán Nhâm Dần năm 2022
Để mọi người dân được đón Tết vui tươi, an toàn, Chủ tịch UBND tỉnh yêu cầu:
1. Các sở, ban ngành, UBND các huyện, thị xã, thành phố chủ động quán
triệt và tổ chức triển khai thực hiện nghiêm túc nội dung Chỉ thị này.
2. Sở Công Thương chủ trì, phối hợp thực hiện
a) Tiếp tục rà soát và triển khai thực hiện hiệu quả các giải pháp bảo đảm
cân đối cung cầu, bình ổn thị trường cuối năm.
b) Theo dõi, đánh giá thường xuyên nguồn cung, nhu cầu hàng hóa
trên địa bàn tỉnh; báo cáo UBND tỉnh trước ngày 15/01/2022.
3. Sở Tài chính chủ trì, phối hợp thực hiện
a) Tăng cường kiểm soát chặt chẽ thu, chi ngân sách nhà nước.
b) Theo dõi sát diễn biến giá cả thị trường.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Phước Hiền
"""


def test_a_scans_a_b_c_items_under_a_units_numbered_duty_are_that_units():
    tasks = extract_text(SCANNED_DIRECTIVE).tasks
    by_unit = {t["assignee"]: t for t in tasks}
    assert list(by_unit)[-2:] == ["Sở Công Thương", "Sở Tài chính"]
    ct = by_unit["Sở Công Thương"]
    assert ct["action"].startswith("Tiếp tục rà soát") and "Theo dõi, đánh giá thường xuyên" in ct["action"]
    assert ct["coordinators"] == [] and ct["due_by"] == "2022-01-15"
    assert "Theo dõi sát diễn biến giá cả" in by_unit["Sở Tài chính"]["action"]
