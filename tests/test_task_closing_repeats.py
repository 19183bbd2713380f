"""The last request of a chỉ thị, công điện, công văn, kế hoạch or thông báo (Nghị định
30/2020/NĐ-CP's closing paragraph) asks the units it names to carry the text out: for units given
duties above it only repeats (no task); for units no duty above names, or with a duty of its own,
it is a task. A decision's closing article ("... chịu trách nhiệm thi hành Quyết định này") stays
an execution task. (Fifteenth part; seen in unseen4, unseen5, unseen8, unseen9 and unseen10.)"""
from tests.task_reading import tasks_read

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
Số: 07/CT-UBND
Phú Yên, ngày 10 tháng 4 năm 2024

CHỈ THỊ
Về việc tăng cường quản lý hóa đơn điện tử

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ngành, Chủ tịch Ủy ban nhân dân các
huyện, thị xã, thành phố thực hiện một số nhiệm vụ trọng tâm sau:
1. Tuyên truyền, hướng dẫn tổ chức, cá nhân kinh doanh sử dụng hóa đơn điện tử.
2. Sở Tài chính chủ trì theo dõi, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.
Yêu cầu Thủ trưởng các Sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã và thành phố Tuy
Hòa; Thủ trưởng các cơ quan, đơn vị có liên quan khẩn trương triển khai thực hiện Chỉ thị này.
Trong quá trình thực hiện, trường hợp phát sinh khó khăn, vướng mắc, kịp thời báo cáo Ủy ban
nhân dân tỉnh (qua Sở Tài chính) để xem xét, giải quyết./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Hòa
"""


def test_a_closing_request_repeats_for_units_given_duties_above():
    closing = [t for t in tasks_read(DIRECTIVE) if "Chỉ thị này" in t["action"]]
    units = [t["assignee"] for t in closing]
    assert not [u for u in units if "sở" in u.lower() or "huyện" in u]  # asked above: it only repeats
    assert units == ["Thủ trưởng các cơ quan, đơn vị có liên quan"]  # no duty above: theirs
    # (its paragraph on difficulties keeps it the text's last request; it names no unit of its own)
    assert not [t for t in tasks_read(DIRECTIVE) if "vướng mắc" in t["action"] and t not in closing]


LETTER = """ỦY BAN NHÂN DÂN
HUYỆN LẮK
Số: 512/UBND-NN
Lắk, ngày 02 tháng 8 năm 2019
V/v phòng, chống bệnh dịch tả lợn

Kính gửi:
- Phòng Nông nghiệp và PTNT;
- UBND các xã, thị trấn.

1. Phòng Nông nghiệp và PTNT chủ trì hướng dẫn các xã thực hiện tiêu hủy lợn bệnh.
2. UBND các xã, thị trấn tổ chức giám sát chặt chẽ đàn lợn trên địa bàn.
Nhận được công văn này, yêu cầu các phòng, ban và các đơn vị liên quan nghiêm túc triển khai
thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Lê Văn Hùng
"""


def test_a_letters_closing_request_is_not_the_last_items():
    tasks = tasks_read(LETTER)
    last_item = next(t for t in tasks if t["assignee"] == "UBND các xã, thị trấn")
    assert "Nhận được" not in last_item["action"]
    assert "các phòng, ban" in [t["assignee"] for t in tasks]  # no duty above names them


PLAN = """ỦY BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
Số: 88/KH-UBND
Đức Trọng, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì xây dựng chương trình, kịch bản Ngày hội.
2. UBND các xã, thị trấn lựa chọn đội văn nghệ tham gia Ngày hội.
UBND các xã, thị trấn thực hiện nghiêm các nhiệm vụ được giao trong Kế hoạch./.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Phạm Văn Sơn
"""


def test_a_plans_closing_that_repeats_the_duties_given_gives_none():
    tasks = tasks_read(PLAN)
    assert [t["assignee"] for t in tasks].count("UBND các xã, thị trấn") == 1


DECISION = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
Số: 1201/QĐ-UBND
Phú Yên, ngày 10 tháng 4 năm 2024

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác

Điều 1. Thành lập Tổ công tác hỗ trợ doanh nghiệp. Giao Sở Tài chính chủ trì tổng hợp kết quả.
Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính và Thủ trưởng các cơ quan, đơn vị có
liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Hòa
"""


def test_a_decisions_closing_article_stays():
    executed = [t["assignee"] for t in tasks_read(DECISION, kind="execution")]
    assert "Giám đốc Sở Tài chính" in executed and "Chánh Văn phòng UBND tỉnh" in executed
