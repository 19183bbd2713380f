"""Tasks as công điện, thông báo kết luận and công văn address units, and where a duty stops.

Each document here is written for the tests, in the layouts these documents have."""
import socket

import pytest

from directives.nlp import subjects
from directives.nlp.extract import extract_text
from directives.nlp.tasks import find_tasks

CONG_DIEN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 301/CĐ-TTg
Hà Nội, ngày 02 tháng 12 năm 2025
CÔNG ĐIỆN
Về việc khắc phục hậu quả mưa lũ
THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Quốc phòng, Công an, Xây dựng.
- Bí thư Tỉnh ủy, Chủ tịch
Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk.
Mưa lũ vừa qua gây thiệt hại lớn. Thủ tướng Chính phủ yêu cầu:
1. Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa chỉ đạo lực lượng tại chỗ sơ tán người dân khỏi vùng nguy hiểm.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Lâm Đồng, trong đó trọng tâm là các tỉnh: Gia Lai, Đắk Lắk:
a) Tổ chức sửa chữa nhà ở cho người dân.
b) Huy động lực lượng hỗ trợ.
Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về số liệu báo cáo.
3. Bộ trưởng Bộ Quốc phòng chỉ đạo các đơn vị trực thuộc hỗ trợ địa phương./.
Nơi nhận:
- Như trên;
- Các Phó Thủ tướng Chính phủ;
- Ban Chỉ đạo quốc gia về phòng thủ dân sự;
- Lưu: VT, NN.
THỦ TƯỚNG
Nguyễn Văn Minh
"""

THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 640/TB-VPCP
Hà Nội, ngày 05 tháng 12 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ Nguyễn Văn An tại cuộc họp về Chương trình nông thôn mới
Ngày 01 tháng 12 năm 2025, Phó Thủ tướng Chính phủ Nguyễn Văn An đã chủ trì cuộc họp về Chương trình. Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:
1. Về việc phê duyệt Chương trình: Các Bộ thống nhất chỉ có một cơ quan chủ trì; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình, chịu trách nhiệm hoàn thiện hồ sơ.
2. Trong thời gian tới: (1) Giao Bộ Tài chính chủ trì cân đối nguồn vốn. (2) Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội, Hội đồng Dân tộc của Quốc hội và các Ủy ban của Quốc hội phối hợp chặt chẽ với các cơ quan Chính phủ để thẩm tra hồ sơ. (3) Giao Phó Thủ tướng Chính phủ Trần Văn Bình chỉ đạo các Bộ xử lý dứt điểm vướng mắc.
3. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân Thành phố, các Tổ đại biểu, đại biểu Hội đồng nhân dân Thành phố giám sát việc thực hiện.
4. Giám đốc, Phó Giám đốc Sở Tài chính chịu trách nhiệm tổng hợp số liệu hằng tháng.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
Nơi nhận:
- Thủ tướng Chính phủ (để b/c);
- Các cơ quan của QH: Hội đồng Dân tộc, Ủy ban Kinh tế và Tài chính;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Lê Văn Cường
"""

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 574/UBND-KTTH
V/v đăng ký nội dung trình kỳ họp
Quảng Ngãi, ngày 10 tháng 02 năm 2025
Kính gửi:
- Thường trực HĐND tỉnh;
- Công ty TNHH Một thành viên Cấp thoát nước Quảng Ngãi.
Theo đề nghị của Giám đốc Sở Tài chính tại Công văn số 287/STC-HCSN ngày 04/02/2025, UBND tỉnh kính đề nghị Thường trực HĐND tỉnh xem xét, quyết định việc bổ sung nội dung trình kỳ họp thứ 31.
Đề nghị Công ty TNHH Một thành viên Cấp thoát nước Quảng Ngãi rà soát hệ thống cấp nước, báo cáo UBND tỉnh trước ngày 20/02/2025.
Nơi nhận:
- Như trên;
- Lưu: VT, KTTH.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Hùng
"""


def tasks_of(text):
    return extract_text(text).tasks


def assignees(text):
    return [t["assignee"] for t in tasks_of(text)]


def test_cong_dien_each_post_and_province_gets_its_task():
    names = assignees(CONG_DIEN)
    assert names[:6] == [
        "Bí thư Tỉnh ủy Gia Lai",
        "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai",
        "Bí thư Tỉnh ủy Đắk Lắk",
        "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
        "Bí thư Tỉnh ủy Khánh Hòa",
        "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa",
    ]


def test_cong_dien_heading_with_an_aside_leads_its_items_and_the_address_block_gives_none():
    tasks = tasks_of(CONG_DIEN)
    lead = [t for t in tasks if t["assignee"].startswith("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố")]
    assert [t["assignee"] for t in lead] == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Lâm Đồng"]
    assert lead[0]["action"].startswith("Tổ chức sửa chữa nhà ở") and "Huy động lực lượng" in lead[0]["action"]
    # the "điện:" lines address the công điện; only the numbered items give duties
    assert "Bộ trưởng các Bộ" not in " ".join(t["assignee"] for t in tasks)
    # being answerable to the Prime Minister is not a duty given
    assert not any("trước Thủ tướng" in t["action"][:60] for t in tasks)
    assert tasks[-1]["assignee"] == "Bộ trưởng Bộ Quốc phòng"


def test_action_stops_at_the_end_mark_and_the_recipient_block_names_no_one():
    tasks = tasks_of(CONG_DIEN)
    assert tasks[-1]["action"] == "chỉ đạo các đơn vị trực thuộc hỗ trợ địa phương"
    assert not any("Nơi nhận" in t["action"] or "Ban Chỉ đạo quốc gia" in t["assignee"] for t in tasks)


def test_thong_bao_ket_luan_leads_after_a_semicolon_and_numbered_clauses():
    tasks = tasks_of(THONG_BAO)
    names = [t["assignee"] for t in tasks]
    assert "Bộ Nông nghiệp và Môi trường" in names
    assert tasks[names.index("Bộ Nông nghiệp và Môi trường")]["action"].startswith("làm chủ Chương trình")
    assert "Bộ Tài chính" in names
    asked = [t for t in tasks if t["action"].startswith("(đề nghị)")]
    assert [t["assignee"] for t in asked] == [
        "Ủy ban Kinh tế và Tài chính của Quốc hội",
        "Hội đồng Dân tộc của Quốc hội",
        "các Ủy ban của Quốc hội",
    ]
    assert asked[0]["coordinators"] == ["các cơ quan Chính phủ"]


def test_named_official_is_an_assignee_but_a_meeting_held_is_not_a_duty():
    tasks = tasks_of(THONG_BAO)
    official = [t for t in tasks if "Trần Văn Bình" in t["assignee"]]
    assert official and official[0]["assignee"] == "Phó Thủ tướng Chính phủ Trần Văn Bình"
    assert official[0]["action"].startswith("chỉ đạo các Bộ")
    # "Phó Thủ tướng ... đã chủ trì cuộc họp" reports what happened
    assert not any("Nguyễn Văn An" in t["assignee"] for t in tasks)


def test_units_sharing_a_name():
    names = assignees(THONG_BAO)
    assert {
        "Thường trực Hội đồng nhân dân",
        "các Ban của Hội đồng nhân dân Thành phố",
        "các Tổ đại biểu Hội đồng nhân dân Thành phố",
        "Đại biểu Hội đồng nhân dân Thành phố",
        "Giám đốc Sở Tài chính",
        "Phó Giám đốc Sở Tài chính",
    } <= set(names)
    # two posts of two bodies keep their own names
    closing = assignees("Điều 4. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Quyết định này.")
    assert closing == ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]


def test_cong_van_asks_a_company_and_a_body_outside_the_unit_grammar(tagger):
    tasks = tasks_of(CONG_VAN)
    names = [t["assignee"] for t in tasks]
    assert names == ["Thường trực HĐND tỉnh", "Công ty TNHH Một thành viên Cấp thoát nước Quảng Ngãi"]
    assert tasks[0]["action"] == "(đề nghị) xem xét, quyết định việc bổ sung nội dung trình kỳ họp thứ 31"
    assert tasks[1]["deadline"] == "2025-02-20"


def test_a_reference_between_unit_and_duty_and_a_heading_for_its_bullets():
    text = """II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính (mục II.2) chủ trì bố trí kinh phí thực hiện.
2.
Sở Y tế:
- Chủ trì triển khai kế hoạch; hướng dẫn chuyên môn.
- Tổ chức giám sát dịch bệnh.
- Yêu cầu các cơ quan báo chí trên địa bàn tỉnh tuyên truyền kịp thời.
3. Phòng, chống dịch bệnh là nhiệm vụ thường xuyên.
"""
    tasks = find_tasks(text)
    assert [(t.assignee, t.action) for t in tasks] == [
        ("Sở Tài chính", "chủ trì bố trí kinh phí thực hiện"),
        ("Sở Y tế", "Chủ trì triển khai kế hoạch; hướng dẫn chuyên môn. Tổ chức giám sát dịch bệnh"),
        ("các cơ quan báo chí trên địa bàn tỉnh", "tuyên truyền kịp thời"),
    ]


def test_an_action_never_runs_into_the_next_chapter():
    text = """Chương I
QUY ĐỊNH CHUNG
Điều 5. Trách nhiệm
Sở Kế hoạch và Đầu tư có trách nhiệm hướng dẫn thực hiện Quy chế này
Chương II
QUẢN LÝ DỰ ÁN
Điều 6. Lập dự án
Nội dung lập dự án theo quy định.
"""
    tasks = find_tasks(text)
    assert [(t.assignee, t.action) for t in tasks] == [("Sở Kế hoạch và Đầu tư", "có trách nhiệm hướng dẫn thực hiện Quy chế này")]


def test_an_assignee_is_never_a_clause():
    text = """1. Trưởng Ban Chỉ đạo phòng, chống thiên tai tỉnh quyết định cụ thể những chủ trương, biện pháp và chịu trách nhiệm tổ chức thực hiện.
2. Bộ phận Một cửa là bộ phận tiếp nhận hồ sơ và có trách nhiệm trả kết quả.
3. Điều 7. Sau khi được phê duyệt, các Bộ, cơ quan, địa phương tập trung tổ chức thực hiện Chương trình.
"""
    for task in find_tasks(text):
        assert not any(word in task.assignee for word in ("quyết định", " là ", "tập trung")), task.assignee


def test_closing_request_names_who_carries_the_directive_out():
    text = "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./."
    assert [t.assignee for t in find_tasks(text)] == [
        "Giám đốc các sở, ban, ngành",
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]


def test_the_tagger_decides_only_where_the_grammar_cannot(monkeypatch, tagger):
    calls = []
    real = subjects._tagger()

    def counting(phrase):
        calls.append(phrase)
        return real(phrase)

    monkeypatch.setattr(subjects, "_tagger", lambda: counting)
    # the grammar reads "Sở Tài chính" up to "chủ trì" alone
    assert [t.assignee for t in find_tasks("Giao Sở Tài chính chủ trì thẩm định.")] == ["Sở Tài chính"]
    assert calls == []
    # "thẩm tra" is no duty verb of the grammar: the tagger finds where the subject ends
    tasks = find_tasks("Đề nghị Thường trực HĐND tỉnh thẩm tra, quyết định.")
    assert [t.assignee for t in tasks] == ["Thường trực HĐND tỉnh"]
    assert len(calls) == 1


def test_the_tagger_loads_nothing_from_the_network(monkeypatch, tagger):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    phrase = "Các cơ quan, đơn vị Bộ Công Thương cung cấp thông tin"
    assert phrase[subjects.subject_end(phrase, 3) :].startswith("cung cấp")


def test_without_the_tagger_the_grammar_still_reads(monkeypatch, tagger):
    def missing():
        raise ImportError("no underthesea")

    monkeypatch.setattr(subjects, "_tagger", missing)
    assert [t.assignee for t in find_tasks("Giao Sở Tài chính chủ trì thẩm định.")] == ["Sở Tài chính"]
    assert subjects.subject_end("Thường trực HĐND tỉnh cân nhắc") is None


def test_the_batch_path_leaves_the_tagger_off():
    assert not subjects.tagger_on()
    # without it the grammar reads the whole clause as a name and gives no task: no guess
    assert find_tasks("Đề nghị Thường trực HĐND cân nhắc, thẩm tra.") == []
    # (a whole name ending on its place, then a verb no list holds, is read after "Đề nghị" as
    # after "Giao": the grammar's own reading, sixteenth part)
    assert [t.assignee for t in find_tasks("Đề nghị Thường trực HĐND tỉnh thẩm tra, quyết định.")] == ["Thường trực HĐND tỉnh"]
    assert [t.assignee for t in find_tasks("Đề nghị Công ty TNHH Một thành viên Cấp nước Quảng Ngãi rà soát hệ thống.")] == [
        "Công ty TNHH Một thành viên Cấp nước Quảng Ngãi"
    ]


@pytest.fixture(autouse=True)
def fresh_cache():
    subjects.use_tagger(False)
    yield
    subjects.use_tagger(False)


@pytest.fixture
def tagger():
    subjects.use_tagger(True)


# A plan's item laid out as a table row in bullets under its heading: the content, the lead
# units (a plain list, or clauses of their own), the coordinators, the period.
PLAN_ROWS = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH
Số: 88/KH-UBND
Hòa Bình, ngày 03 tháng 11 năm 2025
KẾ HOẠCH
Triển khai thi hành Luật Thư viện
II. NỘI DUNG
1. Phổ biến Luật Thư viện
- Nội dung thực hiện: Tổ chức phổ biến Luật trên các phương tiện thông tin đại chúng.
- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch
chủ trì biên soạn tài liệu; Sở Tư pháp và Báo Hòa Bình chủ động đưa tin
về Luật trong phạm vi nhiệm vụ.
- Thời gian thực hiện: Năm 2026.
2. Tập huấn nghiệp vụ thư viện
- Nội dung thực hiện: Tập huấn cho người làm công tác thư viện cấp xã.
- Đơn vị chủ trì: Vụ Thư viện về công tác cơ sở.
- Cơ quan phối hợp: Sở Nội vụ, Ủy ban nhân dân các xã.
- Thời gian thực hiện: Quý II/2026.
3. Kiểm tra việc thi hành Luật
- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch, các sở, ban, ngành
trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan, tổ chức có liên quan.
- Thời gian thực hiện: Năm 2027.
III. TỔ CHỨC THỰC HIỆN
Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch./.
Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.
"""


def test_plan_rows_written_as_bullets_under_their_heading():
    tasks = find_tasks(PLAN_ROWS, issued_date="2025-11-03")
    got = [(t.section, t.assignee, t.action.split()[0], t.deadline_text) for t in tasks]
    assert got == [
        ("II.1", "Sở Văn hóa, Thể thao và Du lịch", "chủ", "Năm 2026"),
        ("II.1", "Sở Tư pháp", "chủ", "Năm 2026"),
        ("II.1", "Báo Hòa Bình", "chủ", "Năm 2026"),
        # a list of names is one task per unit, with the content line as its duty; a name cut
        # at a word that cannot end it ("... về") is not read as a unit and its duty
        ("II.2", "Vụ Thư viện về công tác cơ sở", "Tập", "Quý II/2026"),
        ("II.3", "Sở Văn hóa, Thể thao và Du lịch", "Kiểm", "Năm 2027"),
        ("II.3", "các sở, ban, ngành", "Kiểm", "Năm 2027"),
        ("II.3", "các cơ quan, tổ chức có liên quan", "Kiểm", "Năm 2027"),
        ("III", "Sở Tài chính", "chủ", None),
    ]
    assert tasks[0].action == "chủ trì biên soạn tài liệu"
    assert tasks[3].coordinators == ["Sở Nội vụ", "Ủy ban nhân dân các xã"]
    assert tasks[3].due_by == "2026-06-30"


CHI_THI_CLOSING = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: 04/CT-UBND
Ninh Thuận, ngày 10 tháng 11 năm 2025
CHỈ THỊ
Về tăng cường phòng cháy rừng mùa khô
Để chủ động phòng cháy rừng, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:
1. Sở Nông nghiệp và Môi trường chủ trì kiểm tra phương án phòng cháy của các chủ rừng.
2. Các sở, ban, ngành theo chức năng, nhiệm vụ phối hợp với các địa phương thực hiện có hiệu quả Chỉ thị này.

Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng các
cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_request_after_the_last_item_is_read_on_its_own():
    tasks = find_tasks(CHI_THI_CLOSING, issued_date="2025-11-10")
    assert [t.assignee for t in tasks] == [
        "Sở Nông nghiệp và Môi trường",
        "Các sở, ban, ngành",
        # (the sở were given a duty above: for them the closing only repeats; fifteenth part)
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    assert "Yêu cầu" not in tasks[1].action  # the last item's duty stops before the request
    assert tasks[-1].action == "triển khai thực hiện nghiêm túc Chỉ thị này"


CONG_DIEN_LEAD_IN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 305/CĐ-TTg
Hà Nội, ngày 05 tháng 12 năm 2025
CÔNG ĐIỆN
Về bảo đảm hàng dự trữ sau mưa lũ
Để ổn định đời sống Nhân dân, Thủ tướng Chính phủ yêu cầu các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh tập trung thực hiện ngay các nhiệm vụ, giải pháp sau:
1. Bộ Tài chính chủ trì xuất cấp hàng dự trữ quốc gia.
2. Ủy ban nhân dân các tỉnh rà soát nhu cầu của người dân.
Yêu cầu các bộ, cơ quan liên quan tiếp tục nỗ lực hoàn thành các công việc còn lại, trong đó lưu ý các nội dung sau:
a) Hoàn thiện hồ sơ.
"""


def test_a_lead_in_to_the_items_is_no_duty_of_its_own():
    tasks = find_tasks(CONG_DIEN_LEAD_IN, issued_date="2025-12-05")
    assert [t.assignee for t in tasks] == [
        "Bộ Tài chính",
        "Ủy ban nhân dân các tỉnh",
        # a duty of its own before the items ("..., trong đó lưu ý ..."), still a task
        "các bộ, cơ quan liên quan",
    ]


PLAN_REPORTING = """ỦY BAN NHÂN DÂN
TỈNH NAM ĐỊNH
Số: 91/KH-UBND
Nam Định, ngày 04 tháng 11 năm 2025
KẾ HOẠCH
Tháng hành động vì trẻ em năm 2025
VI. KINH PHÍ THỰC HIỆN
Từ ngân sách hằng năm của các cơ quan, đơn vị.
VII. CHẾ ĐỘ BÁO CÁO

Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã gửi báo cáo kết quả về Sở Y tế
trước ngày 15 tháng 12 năm 2025 để tổng hợp./.
"""


def test_a_paragraph_under_a_heading_in_capitals_is_read_for_its_subject():
    tasks = find_tasks(PLAN_REPORTING, issued_date="2025-11-04")
    assert [(t.section, t.assignee, t.deadline) for t in tasks] == [
        ("VII", "Các sở, ban, ngành tỉnh", "2025-12-15"),
        ("VII", "Ủy ban nhân dân các xã", "2025-12-15"),
    ]
    assert tasks[0].action.startswith("gửi báo cáo kết quả về Sở Y tế")


def test_a_lower_case_body_with_a_name_of_its_own_after_a_proper_name_is_its_own_unit():
    text = (
        "3. Sở Tư pháp, Đài Phát thanh và Truyền hình tỉnh, cơ quan thông tấn báo chí và các cơ quan, "
        "tổ chức, cá nhân có liên quan chủ động tuyên truyền Luật.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == [
        "Sở Tư pháp",
        "Đài Phát thanh và Truyền hình tỉnh",
        "Cơ quan thông tấn báo chí",
        "các cơ quan, tổ chức, cá nhân có liên quan",
    ]


def test_what_a_submission_asked_in_the_preamble_is_no_duty():
    text = (
        "*Xét Tờ trình số 40/TTr-UBND ngày 20 tháng 11\nnăm 2025 của Ủy ban nhân dân tỉnh về việc đề nghị Hội đồng nhân dân\n"
        "tỉnh xem xét, ban hành Nghị quyết quy định mức chi; Báo cáo thẩm tra số 11/BC-KTNS ngày 23 tháng 11 năm 2025;*\n"
    )
    assert find_tasks(text) == []


def test_common_duty_verbs_end_a_units_name_without_the_tagger():
    text = (
        "1. Đề nghị Thường trực Hội đồng nhân dân tỉnh xem xét, bổ sung nội dung vào kỳ họp.\n"
        "2. Yêu cầu các Bộ, cơ quan đổi mới phương thức, nâng cao năng lực tổ chức thực hiện.\n"
        "3. Sở Xây dựng đăng tải thông điệp trên bảng quang báo.\n"
    )
    tasks = find_tasks(text)
    assert [(t.assignee, t.action.split(",")[0]) for t in tasks] == [
        ("Thường trực Hội đồng nhân dân tỉnh", "(đề nghị) xem xét"),
        ("các Bộ, cơ quan", "đổi mới phương thức"),
        ("Sở Xây dựng", "đăng tải thông điệp trên bảng quang báo"),
    ]


def test_sub_bullets_of_a_label_and_bodies_named_after_cac():
    text = (
        "c) Hoạt động 3\n"
        "- Nội dung: Tuyên truyền về phòng ngừa bạo lực trên cơ sở giới.\n"
        "- Cơ quan thực hiện:\n\n"
        "+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở, ban, ngành.\n\n"
        "+ Sở Xây dựng đăng tải thông điệp trên bảng tin điện tử.\n"
        "**3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp**\n\n"
        "**Phụ nữ tỉnh và các tổ chức thành viên của Mặt trận**\n\n"
        "- Tham gia phối hợp triển khai Kế hoạch.\n"
    )
    tasks = find_tasks(text)
    assert [t.assignee for t in tasks] == [
        "Sở Văn hóa và Thể thao",
        "Sở Xây dựng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "các tổ chức thành viên của Mặt trận",
    ]
    assert tasks[1].action == "đăng tải thông điệp trên bảng tin điện tử"
    assert tasks[-1].action == "(đề nghị) Tham gia phối hợp triển khai Kế hoạch"


def test_a_request_that_introduces_its_items_gives_them_to_the_units_asked():
    text = (
        "Nhằm tạo động lực thi đua, đề nghị thủ trưởng các phòng, đơn vị triển khai thực hiện các nội dung sau:\n"
        "- Đẩy mạnh công tác tuyên truyền.\n"
        "- Tăng cường ứng dụng công nghệ thông tin.\n"
        "Yêu cầu các Bộ trưởng thực hiện ngay các nhiệm vụ sau:\n"
        "1. Bộ Y tế chủ trì bảo đảm thuốc.\n"
        "2. Bộ Công an bảo đảm an ninh.\n"
    )
    tasks = find_tasks(text)
    assert [t.assignee for t in tasks] == ["Thủ trưởng các phòng, đơn vị", "Bộ Y tế", "Bộ Công an"]
    assert tasks[0].action == "(đề nghị) Đẩy mạnh công tác tuyên truyền. Tăng cường ứng dụng công nghệ thông tin"


def test_a_unit_that_is_the_focal_point_has_the_duty():
    from directives.nlp.tasks import find_tasks

    text = (
        "1. Sở Y tế là đầu mối tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2025.\n"
        "2. Văn phòng UBND tỉnh là đầu mối theo dõi, đôn đốc các sở thực hiện Kế hoạch.\n"
    )
    tasks = find_tasks(text, issued_date="2025-11-20")
    assert [(t.assignee, t.due_by) for t in tasks] == [("Sở Y tế", "2025-12-15"), ("Văn phòng UBND tỉnh", None)]
    assert tasks[0].action.startswith("là đầu mối tổng hợp")


def test_labelled_fields_worded_otherwise():
    from directives.nlp.tasks import find_tasks

    text = (
        "2. Tổ chức tập huấn chuyển đổi số\n"
        "- Nội dung thực hiện: tập huấn cho cán bộ cấp xã.\n"
        "- Cơ quan chủ trì, tham mưu: Sở Khoa học và Công nghệ.\n"
        "- Cơ quan phối hợp: Sở Nội vụ.\n"
        "- Thời gian hoàn thành: Quý II năm 2026.\n"
        "3. Xây dựng kho dữ liệu\n"
        "- Đơn vị thực hiện chính: Sở Tài chính.\n"
        "- **Thời gian thực hiện**: Năm 2026.\n"
        "4. Số hóa hồ sơ\n"
        "- **Cơ quan chủ trì\nthực hiện**: Sở Nội vụ.\n"
    )
    found = [(t.assignee, t.action, t.coordinators, t.due_by) for t in find_tasks(text, issued_date="2025-11-20")]
    assert found == [
        ("Sở Khoa học và Công nghệ", "tập huấn cho cán bộ cấp xã", ["Sở Nội vụ"], "2026-06-30"),
        ("Sở Tài chính", "Xây dựng kho dữ liệu", [], "2026-12-31"),
        ("Sở Nội vụ", "Số hóa hồ sơ", [], None),
    ]


def test_a_label_whose_role_has_two_qualifiers():
    """A plan words its field "Đơn vị chủ trì tham mưu thực hiện:" as readily as "Đơn vị chủ
    trì:"; the role is what counts, with however many qualifiers follow it."""
    from directives.nlp.tasks import find_tasks

    text = (
        "4. Đào tạo, bồi dưỡng cán bộ làm công tác pháp chế\n"
        "- Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.\n"
        "- Đơn vị phối hợp: Sở Nội vụ.\n"
        "- Thời gian thực hiện: Năm 2026.\n"
        "5. Nghiên cứu cơ chế đặc thù\n"
        "- Cơ quan chủ trì, tham mưu thực hiện: Sở Nội vụ.\n"
        "- Thời gian hoàn thành: Quý II năm 2026.\n"
    )
    found = [(t.assignee, t.action, t.coordinators, t.due_by) for t in find_tasks(text, issued_date="2025-11-20")]
    assert found == [
        ("Sở Tư pháp", "Đào tạo, bồi dưỡng cán bộ làm công tác pháp chế", ["Sở Nội vụ"], "2026-12-31"),
        ("Sở Nội vụ", "Nghiên cứu cơ chế đặc thù", [], "2026-06-30"),
    ]


SCANNED_LETTER = """BỘ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 1047/BTTTT-CNTT
V/v triển khai thuê dịch vụ công nghệ thông tin
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 13 tháng 4 năm 2025
Kính gửi:
3-40 Nty, A6 -24£- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
UBND các tỉnh, thành phố trực thuộc Trung ương.
+
Ngày 30/12/2024, Thủ tướng Chính phủ đã ký ban hành Quyết định số 80/2024/QĐ-TTg quy định thí điểm về thuê dịch vụ công nghệ thông tin trong cơ quan nhà nước.
Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ Thông tin và Truyền thông đề nghị Quý cơ quan triển khai một số nội dung sau:
1. Quán triệt nội dung Quyết định số 80/2024/QĐ-TTg đến các cơ quan, đơn vị trực thuộc.
2. Rà soát, lập báo cáo các dự án dự kiến thuê dịch vụ, gửi về Bộ Thông tin và Truyền thông trước ngày 15/6/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn E
"""


def test_a_scanned_letters_address_ends_at_its_full_stop_and_its_marks_are_no_name():
    """The list of "Kính gửi:" ends with the entry closed by a full stop: the paragraph after it
    ("Ngày 30/12/2024, Thủ tướng ...") is no addressee; the marks a stamp left before the first
    name ("3-40 Nty, A6 -24£-") are none of its name. "Bộ X đề nghị Quý cơ quan ..." asks each
    body addressed, whoever the sentence opens on, by the day item 2 gives."""
    tasks = extract_text(SCANNED_LETTER).tasks
    assert [t["assignee"] for t in tasks] == ["Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "UBND các tỉnh, thành phố trực thuộc Trung ương"]
    assert all(t["action"].startswith("(đề nghị) triển khai một số nội dung sau") for t in tasks)
    assert all(t["deadline"] == "2025-06-15" for t in tasks)


COURTESY_CLOSE = """UBND HUYỆN ĐỨC THỌ
PHÒNG VĂN HÓA VÀ THÔNG TIN
Số: 18/VH
V/v tuyên truyền hàng hóa sản xuất trong tỉnh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đức Thọ, ngày 11 tháng 02 năm 2025
Kính gửi:
- Đài Truyền thanh - Truyền hình huyện;
- UBND các xã, thị trấn.
Thực hiện Kế hoạch số 35/KH-UBND của UBND huyện, Phòng Văn hóa và Thông tin đề nghị:
1. Đài Truyền thanh - Truyền hình huyện:
Tiếp sóng các chương trình tuyên truyền, quảng bá các sản phẩm sản xuất trong tỉnh.
2. UBND các xã, thị trấn:
Chỉ đạo Trạm truyền thanh cơ sở tiếp sóng các chương trình của Đài huyện.
Đề nghị Đài TT-TH huyện, UBND các xã, thị trần quan tâm thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG PHÒNG
Trần Văn G
"""


def test_a_close_of_courtesy_to_units_given_duties_above_gives_none():
    """ "Đề nghị Đài TT-TH huyện, UBND các xã, thị trần quan tâm thực hiện./.": the two units
    have their duties above, named in full and read with their marks; the close adds none."""
    tasks = extract_text(COURTESY_CLOSE).tasks
    assert [t["assignee"] for t in tasks] == ["Đài Truyền thanh - Truyền hình huyện", "UBND các xã, thị trấn"]
