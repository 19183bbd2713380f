"""A thông báo kết luận of a working session with one body gives that body's tasks as numbered
items that name no one, in a part of its own ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN
TỚI"); the body is the one its closing line names first ("thông báo để Ủy ban nhân dân tỉnh X và
các Bộ, cơ quan liên quan biết, thực hiện"). And a deadline that names its day of the week
("trước Thứ Tư ngày 03/12/2025"). Each on a document written here in the layout of a real one
(Nghị định 30/2020/NĐ-CP)."""
from tests.task_reading import assignees as _units, tasks_read as _tasks

HEAD = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 702/TB-VPCP
Hà Nội, ngày 01 tháng 12 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH TUYÊN QUANG

Ngày 20 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh Tuyên Quang.
Sau khi nghe báo cáo, Phó Thủ tướng Chính phủ đã kết luận như sau:

**I. ĐÁNH GIÁ CHUNG**

Tỉnh Tuyên Quang đã đạt được những kết quả tích cực; tăng trưởng GRDP 9 tháng đạt 8,1%.

**II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP
TRONG THỜI GIAN TỚI**

1. Rà soát, điều chỉnh quy hoạch tỉnh sau khi sắp xếp đơn vị hành chính, hoàn thành trong
tháng 12 năm 2025.

2. Đẩy mạnh giải ngân vốn đầu tư công, phấn đấu giải ngân 100% kế hoạch vốn năm 2025.

3. Về chính quyền địa phương 02 cấp:

- Tiếp tục rà soát, hoàn thiện tổ chức bộ máy cấp xã.

- Bố trí nguồn lực đào tạo, bồi dưỡng cán bộ cấp xã.

**III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH**

1. Về kiến nghị hỗ trợ vốn xây dựng tuyến cao tốc:

Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng nghiên cứu, báo cáo cấp có thẩm quyền trong
tháng 12 năm 2025.

{closing}
Nơi nhận:
- Như trên;
- Lưu: VT, ĐP.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn C
"""

HELD_WITH_A_PROVINCE = HEAD.format(
    closing="Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Tuyên Quang và các Bộ, cơ quan liên quan biết, thực hiện./."
)
TO_EVERYONE = HEAD.format(closing="Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.")


def test_the_unnamed_tasks_of_a_working_session_are_the_bodys_it_was_held_with():
    tasks = _tasks(HELD_WITH_A_PROVINCE)
    assert _units(tasks) == ["Ủy ban nhân dân tỉnh Tuyên Quang"] * 3 + ["Bộ Tài chính"]
    first, second, third, answer = tasks
    assert first["action"].startswith("Rà soát, điều chỉnh quy hoạch tỉnh")
    assert first["deadline_text"] == "trong tháng 12 năm 2025" and first["due_by"] == "2025-12-31"
    assert second["deadline_text"] is None
    # an item with its bullets is one task, the bullets its action
    assert "Bố trí nguồn lực đào tạo" in third["action"]
    # the assessment gives nothing; the answer to a request names its ministry
    assert answer["coordinators"] == ["Bộ Xây dựng"]


def test_a_notice_to_everyone_leaves_its_unnamed_items_alone():
    # no one body was met: whose the items are is not said
    assert _units(_tasks(TO_EVERYONE)) == ["Bộ Tài chính"]


CONG_VAN = """BAN CHỈ ĐẠO CỦA CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 180/CV-BCĐ
Hà Nội, ngày 01 tháng 12 năm 2025

Kính gửi: Các Bộ, cơ quan ngang Bộ.

Ban Chỉ đạo của Chính phủ đề nghị Bộ Nội vụ tổng hợp kết quả sắp xếp đơn vị hành chính, báo cáo
Ban Chỉ đạo trước Thứ Tư ngày 03/12/2025 và tại các báo cáo định kỳ hằng tuần./.
"""


def test_a_deadline_that_names_its_day_of_the_week():
    (task,) = _tasks(CONG_VAN)
    assert task["assignee"] == "Bộ Nội vụ"
    assert task["deadline_text"] == "trước Thứ Tư ngày 03/12/2025"
    assert task["due_by"] == "2025-12-03"


REPLY = """BỘ TÀI CHÍNH
CỤC HẢI QUAN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 40001/CHQ-GSQL
V/v hướng dẫn thủ tục hải quan
Hà Nội, ngày 03 tháng 12 năm 2025

**Kính gửi:** Chi nhánh Công ty TNHH Minh Long Việt Nam tại
TP. Hải Phòng.
*(Đ/c: Lô A2, Khu công nghiệp Nomura, phường An Hải, thành phố Hải Phòng)*

Cục Hải quan nhận được công văn số 12/ML ngày 20/11/2025 của Chi nhánh Công ty TNHH Minh Long
Việt Nam tại TP. Hải Phòng về việc thủ tục tiêu hủy phế liệu. Về vấn đề này, Cục Hải quan có ý
kiến như sau:

1. Căn cứ khoản 1 Điều 64 Thông tư số 38/2015/TT-BTC, phế liệu của hợp đồng gia công được tiêu
hủy dưới sự giám sát của cơ quan hải quan. Trường hợp Công ty có nhu cầu bán phế liệu thì đề
nghị Công ty thực hiện thủ tục xuất khẩu tại chỗ theo quy định.

2. Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện đúng quy định. Trong quá trình
thực hiện nếu phát sinh vướng mắc thì liên hệ Chi cục Hải quan khu vực III để được hướng dẫn.

Cục Hải quan thông báo để Công ty biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, GSQL.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Văn D
"""

EXPLAINS_ONLY = REPLY.replace(
    "2. Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện đúng quy định. Trong quá trình\nthực hiện nếu phát sinh vướng mắc thì liên hệ Chi cục Hải quan khu vực III để được hướng dẫn.",
    "2. Thủ tục tiêu hủy thực hiện theo Điều 64 Thông tư số 38/2015/TT-BTC.",
)


def test_a_reply_asks_the_company_it_answers_by_the_name_it_gave_in_full():
    (task,) = _tasks(REPLY)
    # "Công ty" is the addressee: its name as "Kính gửi" gives it, over its line break
    assert task["assignee"] == "Chi nhánh Công ty TNHH Minh Long Việt Nam tại TP. Hải Phòng"
    assert task["action"] == "(đề nghị) nghiên cứu các văn bản dẫn trên để thực hiện đúng quy định"
    assert task["kind"] == "assignment"


def test_a_reply_that_only_explains_the_law_or_asks_under_a_condition_assigns_nothing():
    # "Trường hợp Công ty có nhu cầu ... thì đề nghị Công ty ...": only if the case arises
    assert _tasks(EXPLAINS_ONLY) == []


def test_an_attention_verb_after_a_post_is_the_duty_not_the_name():
    text = CONG_VAN.replace(
        "Ban Chỉ đạo của Chính phủ đề nghị Bộ Nội vụ tổng hợp",
        "Ban Chỉ đạo của Chính phủ đề nghị các đồng chí Thủ trưởng cơ quan ngang Bộ quan tâm chỉ đạo thực hiện; Bộ Nội vụ tổng hợp",
    )
    units = _units(_tasks(text))
    assert "Thủ trưởng cơ quan ngang Bộ" in units
    assert not any(u.endswith("quan tâm") for u in units)
