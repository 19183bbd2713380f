"""A công điện, công văn, thông báo or chỉ thị names whom it asks in its lead-in, then numbers
the duties (Nghị định 30/2020/NĐ-CP, Phụ lục): the items that name no unit are the duties of the
units the lead-in names, one task each over those items; an item that names its own unit keeps
it. The issuer's own verb of a chỉ thị or a công điện ("UBND tỉnh chỉ thị ...", "Chủ tịch UBND
huyện điện khẩn ...") asks as "yêu cầu" does. (Fifteenth part; seen in unseen4's CT 08, unseen8's
TB 254 and unseen10's CĐ 34.)"""
from tests.task_reading import tasks_read

NOTICE = """ỦY BAN NHÂN DÂN TỈNH KON TUM
BAN CHỈ HUY PHÒNG CHỐNG THIÊN TAI
Số: 88/TB-PCTT
Kon Tum, ngày 12 tháng 10 năm 2023

THÔNG BÁO
Về việc chủ động ứng phó với mưa lớn

Để chủ động ứng phó với mưa lớn, Ban Chỉ huy Phòng chống thiên tai tỉnh đề nghị Ban Chỉ huy
Phòng chống thiên tai các huyện, thành phố; các sở, ban ngành trong tỉnh triển khai các nội
dung sau:
1. Theo dõi chặt chẽ các bản tin dự báo, cảnh báo mưa lớn để kịp thời thông báo cho nhân dân.
2. Bố trí lực lượng trực ban 24/24 giờ, báo cáo kịp thời tình hình về Văn phòng Ban Chỉ huy.
3. Công an tỉnh chủ trì bảo đảm an ninh trật tự tại các khu vực sơ tán dân cư.
4. Kiểm tra, rà soát các khu dân cư ven sông, suối có nguy cơ sạt lở.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHÁNH VĂN PHÒNG
Trần Văn Minh
"""


def test_items_naming_no_unit_go_to_the_lead_ins_units():
    tasks = tasks_read(NOTICE)
    by_unit = {}
    for t in tasks:
        by_unit.setdefault(t["assignee"], []).append(t["action"])
    lead = "Ban Chỉ huy Phòng chống thiên tai các huyện, thành phố"
    assert lead in by_unit and "các sở, ban ngành trong tỉnh" in by_unit
    assert len(by_unit[lead]) == 1  # one task over the items
    assert "Theo dõi chặt chẽ" in by_unit[lead][0] and "Bố trí lực lượng trực ban" in by_unit[lead][0]
    assert "an ninh trật tự" not in by_unit[lead][0]  # the item that names its unit keeps it
    assert any("an ninh trật tự" in a for a in by_unit["Công an tỉnh"])
    # (after the first item that names its unit, the text gives each unit its duties: item 4 is
    # no duty of the lead-in's units)
    assert "Kiểm tra, rà soát các khu dân cư" not in by_unit[lead][0]


DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: 05/CT-UBND
Ninh Thuận, ngày 03 tháng 3 năm 2024

CHỈ THỊ
Về việc đẩy mạnh thu hút đầu tư

Để cải thiện môi trường đầu tư, Ủy ban nhân dân tỉnh chỉ thị các sở, ban ngành, Ủy ban nhân dân
các huyện, thành phố tập trung thực hiện các nhiệm vụ sau:
1. Rút ngắn thời gian giải quyết thủ tục hành chính về đầu tư, công khai quy trình trên Cổng
thông tin điện tử.
2. Sở Kế hoạch và Đầu tư chủ trì thẩm định hồ sơ dự án đầu tư theo quy định.
3. Tháo gỡ vướng mắc: khi nhà đầu tư có kiến nghị, yêu cầu các sở, ngành liên quan trả lời
trong thời hạn 10 ngày.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Lê Văn Bình
"""


def test_the_issuers_own_verb_of_a_directive_asks_the_units_after_it():
    tasks = tasks_read(DIRECTIVE)
    lead = [t for t in tasks if t["assignee"] == "các sở, ban ngành"]
    assert len(lead) == 1
    assert "Rút ngắn thời gian" in lead[0]["action"]
    assert "thẩm định hồ sơ" not in lead[0]["action"]
    assert "kiến nghị" not in lead[0]["action"]  # item 3 asks its own units
    assert any(t["assignee"] == "Sở Kế hoạch và Đầu tư" for t in tasks)


CABLE = """ỦY BAN NHÂN DÂN
HUYỆN CƯ JÚT
Số: 12/CĐ-UBND
Cư Jút, ngày 20 tháng 6 năm 2023

CÔNG ĐIỆN
Về việc phòng, chống bệnh cúm gia cầm

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:
- Thủ trưởng các phòng, ban, đơn vị;
- Trưởng Công an huyện;
- Chủ tịch UBND các xã, thị trấn.
Trước diễn biến phức tạp của dịch bệnh, Chủ tịch Ủy ban nhân dân huyện điện khẩn Thủ trưởng các
phòng, ban, đơn vị; Chủ tịch UBND các xã, thị trấn tập trung thực hiện các nhiệm vụ sau:
1. Tổ chức trực 24/24 giờ, kịp thời báo cáo tình hình dịch bệnh về UBND huyện.
2. Chuẩn bị vật tư, phương tiện để xử lý ổ dịch khi phát sinh.
3. Giao Phòng Nông nghiệp và PTNT tham mưu thành lập các chốt kiểm dịch tạm thời.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Hoàng Văn Nam
"""


def test_a_cables_lead_in_not_its_address_list_holds_the_items():
    tasks = tasks_read(CABLE)
    units = [t["assignee"] for t in tasks]
    assert units.count("Thủ trưởng các phòng, ban, đơn vị") == 1
    assert units.count("Chủ tịch UBND các xã, thị trấn") == 1
    assert "Trưởng Công an huyện" not in units  # addressed, but not asked these items
    both = next(t for t in tasks if t["assignee"] == "Thủ trưởng các phòng, ban, đơn vị")
    assert "Tổ chức trực 24/24 giờ" in both["action"] and "Chuẩn bị vật tư" in both["action"]
    assert "Phòng Nông nghiệp và PTNT" in units


CONCLUSIONS = """ỦY BAN NHÂN DÂN
HUYỆN EA SÚP
Số: 61/TB-VP
Ea Súp, ngày 04 tháng 6 năm 2019

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại hội nghị sơ kết công tác quân sự địa phương

Chủ tịch UBND huyện kết luận như sau:
1. Đối với Đảng ủy, UBND các xã, thị trấn:
- Đề nghị tăng cường lãnh đạo việc đăng ký nghĩa vụ quân sự, báo cáo về UBND huyện trước ngày
20/6/2019.
- Bố trí kinh phí bảo đảm hoạt động của Ban Chỉ huy Quân sự xã.
2. Đối với đất sản xuất nông nghiệp:
- Tiếp tục rà soát diện tích đất bị lấn chiếm.
Nơi nhận:
- Lưu: VT.
CHÁNH VĂN PHÒNG
Trần Thị Lan
"""


def test_a_heading_for_a_unit_gives_it_the_items_under_it():
    tasks = tasks_read(CONCLUSIONS)
    units = [t["assignee"] for t in tasks]
    assert "UBND các xã, thị trấn" in units
    local = next(t for t in tasks if t["assignee"] == "UBND các xã, thị trấn")
    assert "Bố trí kinh phí" in local["action"] and local["due_by"] == "2019-06-20"
    assert not [u for u in units if "đất" in u]  # a subject matter names no unit


CENTRE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 3310/QĐ-UBND
Quảng Nam, ngày 02 tháng 10 năm 2024

QUYẾT ĐỊNH
Quy định chức năng, nhiệm vụ của Trung tâm Văn hóa tỉnh

Điều 2. Cơ cấu tổ chức
a) Lãnh đạo Trung tâm gồm Giám đốc và các Phó Giám đốc.
b) Các phòng chuyên môn, nghiệp vụ gồm:
Phòng Hành chính - Tổng hợp
Phòng Nghệ thuật
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Trung tâm Văn hóa tỉnh chịu trách nhiệm thi hành
Quyết định này./.
"""


def test_a_bodys_make_up_is_no_duty():
    # ("các phòng" heads a group since this part: its make-up, "gồm:" then names, is none)
    assert not [t for t in tasks_read(CENTRE) if "gồm" in t["assignee"]]
