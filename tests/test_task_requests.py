"""A request that names no unit, its items naming theirs (issue 21): "b) Để ..., đề nghị:" then
"(i) Tập đoàn X báo cáo ...", "(ii) Chủ đầu tư phối hợp ...", in a thông báo kết luận and in a
công văn; and a thông báo's items that open with a unit and its verb. Each on a document written
here in the layout of a real one (Nghị định 30/2020/NĐ-CP: the marks (i), (1) inside an item)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 701/TB-VPCP
Hà Nội, ngày 02 tháng 12 năm 2025

THÔNG BÁO
Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỀ DỰ ÁN CẢNG HÀNG KHÔNG QUẢNG TRỊ
Ngày 25 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã đi kiểm tra và làm việc tại Dự án Cảng hàng
không Quảng Trị. Tham dự có đại diện Bộ Xây dựng, Bộ Tài chính, Ủy ban nhân dân tỉnh Quảng Trị và
Tập đoàn Điện lực Việt Nam. Bộ Xây dựng đã hoàn thành việc thẩm định thiết kế. Sau khi
nghe báo cáo, Phó Thủ tướng Chính phủ đã có ý kiến chỉ đạo như sau:
1. Về Dự án Cảng hàng không Quảng Trị
a) Đánh giá cao nỗ lực của Chủ đầu tư đã hoàn thành nhà ga hành khách đúng tiến độ; góp phần
phát triển kinh tế - xã hội của tỉnh Quảng Trị.
b) Để đưa dự án vào khai thác trong năm 2026, đề nghị:
(i) Tập đoàn Điện lực Việt
Nam báo cáo Thủ tướng Chính phủ về phương án cấp điện cho nhà ga hành khách.
(ii) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan hoàn thành nghiệm thu các hạng mục còn lại
trong tháng 12 năm 2025.
(iii) Về thủ tục cấp phép bay: Giao Bộ Xây dựng hướng dẫn Chủ đầu tư các thủ tục cần thiết.
(iv) Chủ đầu tư, trong phạm vi chức năng, nhiệm vụ của mình, nỗ lực đẩy nhanh tiến độ thi công
đường lăn, bảo đảm an toàn lao động.
c) Về việc bàn giao mặt bằng đường dẫn: Ủy ban nhân dân tỉnh Quảng Trị xử lý dứt điểm trong
tháng 12 năm 2025.
d) Bộ Tài chính phối hợp các bộ, cơ quan liên quan báo cáo Phó Thủ tướng Chính phủ phương án bố
trí vốn cho dự án trước ngày 20 tháng 12 năm 2025.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn B
"""


def test_the_items_of_a_request_that_names_no_unit_are_their_units_duties():
    tasks = _tasks(THONG_BAO)
    assert _units(tasks) == [
        "Tập đoàn Điện lực Việt Nam",  # its name runs over a line break
        "Chủ đầu tư",
        "Bộ Xây dựng",
        "Chủ đầu tư",
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "Bộ Tài chính",
    ]
    assert all(t["kind"] == "assignment" for t in tasks)
    first = tasks[0]
    assert first["action"] == "(đề nghị) báo cáo Thủ tướng Chính phủ về phương án cấp điện cho nhà ga hành khách"
    assert tasks[1]["coordinators"] == ["các đơn vị liên quan"]
    assert tasks[1]["deadline_text"] == "trong tháng 12 năm 2025"


def test_a_scope_set_off_by_commas_ends_the_subject_whatever_the_verb():
    scoped = _tasks(THONG_BAO)[3]
    assert scoped["assignee"] == "Chủ đầu tư"
    assert scoped["action"].startswith("(đề nghị) trong phạm vi chức năng, nhiệm vụ của mình, nỗ lực đẩy nhanh")


def test_a_conclusions_item_that_opens_with_a_unit_and_its_verb_is_its_duty():
    tasks = _tasks(THONG_BAO)
    province = next(t for t in tasks if t["assignee"] == "Ủy ban nhân dân tỉnh Quảng Trị")
    assert province["action"].startswith("xử lý dứt điểm") and province["deadline_text"] == "trong tháng 12 năm 2025"
    finance = next(t for t in tasks if t["assignee"] == "Bộ Tài chính")
    assert finance["coordinators"] == ["các bộ, cơ quan liên quan"]
    assert finance["due_by"] == "2025-12-20"


def test_what_the_notice_narrates_is_no_duty():
    actions = " | ".join(t["action"] for t in _tasks(THONG_BAO))
    assert "Đánh giá cao" not in actions and "thẩm định thiết kế" not in actions  # praise, what was done
    assert "thông báo để" not in actions  # the closing line tells who is informed
    assert "Văn phòng Chính phủ" not in _units(_tasks(THONG_BAO))


CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1234/UBND-KTN
V/v khắc phục hậu quả mưa lũ trên địa bàn tỉnh
Quảng Ngãi, ngày 10 tháng 11 năm 2025

Kính gửi:
- Sở Tài chính;
- Sở Nông nghiệp và Môi trường;
- Ủy ban nhân dân các xã, phường.

Thực hiện Công điện số 220/CĐ-TTg ngày 05/11/2025 của Thủ tướng Chính phủ, để kịp thời khắc phục
hậu quả mưa lũ, ổn định đời sống Nhân dân, Ủy ban nhân dân tỉnh đề nghị:
(1) Sở Nông nghiệp và Môi trường tổng hợp thiệt hại do mưa lũ gây ra, báo cáo Ủy ban nhân dân
tỉnh trước ngày 20/11/2025.
(2) Sở Tài chính nghiên cứu, đề xuất nguồn kinh phí hỗ trợ các địa phương bị thiệt hại.
(3) Ủy ban nhân dân các xã, phường rà soát các hộ dân có nhà bị hư hỏng, gửi Sở Nông nghiệp và
Môi trường trước ngày 15/11/2025.

Nơi nhận:
- Như trên;
- Lưu: VT, KTN.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def test_a_cong_vans_numbered_requests_are_read_though_it_is_no_directive():
    tasks = _tasks(CONG_VAN)
    assert _units(tasks) == ["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"]
    assert [t["due_by"] for t in tasks] == ["2025-11-20", None, "2025-11-15"]
    assert all(t["action"].startswith("(đề nghị) ") for t in tasks)


def test_requirements_listed_after_the_noun_are_no_request():
    # "đáp ứng các yêu cầu:" names what is required, it asks no one
    text = CONG_VAN.replace("Ủy ban nhân dân tỉnh đề nghị:", "phương án hỗ trợ phải đáp ứng các yêu cầu:")
    assert _tasks(text) == []


def test_a_lead_in_whose_object_is_a_list_is_passed_to_the_subject():
    text = THONG_BAO.replace("d) Bộ Tài chính phối hợp", "d) Trên cơ sở đề nghị của các bộ, cơ quan liên quan, Bộ Tài chính phối hợp")
    finance = [t for t in _tasks(text) if t["assignee"] == "Bộ Tài chính"]
    assert len(finance) == 1 and finance[0]["action"].startswith("phối hợp các bộ, cơ quan liên quan báo cáo")
    # a subject that is itself a list after a lead-in stays whole ("các sở, ngành" is no part of the lead-in)
    text = THONG_BAO.replace("d) Bộ Tài chính phối hợp", "d) Để làm tốt nhiệm vụ của ngành, các sở, ngành, Ủy ban nhân dân các huyện phối hợp")
    assert "các sở, ngành" in _units(_tasks(text))


def test_the_honorific_before_a_post_is_no_part_of_the_unit():
    text = THONG_BAO.replace(
        "d) Bộ Tài chính phối hợp",
        "đ) Giao đồng chí Bộ trưởng Bộ Xây dựng chỉ đạo kiểm tra, tháo gỡ vướng mắc của dự án.\n"
        "e) Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ chỉ đạo rà soát các dự án điện trọng điểm.\n"
        "g) Bộ Tài chính phối hợp",
    )
    tasks = _tasks(text)
    minister = [t for t in tasks if t["assignee"] == "Bộ trưởng Bộ Xây dựng"]
    assert len(minister) == 1 and minister[0]["action"].startswith("chỉ đạo kiểm tra, tháo gỡ")
    posts = [t for t in tasks if "rà soát các dự án điện" in t["action"]]
    assert _units(posts) == ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]
    assert not any("đồng chí" in t["assignee"] for t in tasks)
    # the notice's closing line names who is informed, not who must act
    closing = THONG_BAO.replace("để các bộ, cơ quan và địa phương biết", "để đồng chí Bộ trưởng Bộ Xây dựng biết")
    assert "Bộ trưởng Bộ Xây dựng" not in _units(_tasks(closing))
