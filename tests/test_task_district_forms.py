"""A district's letters and notices name its offices as they are typed there: "Giao phòng Tài
nguyên và Môi trường chủ trì" (the office's "phòng" in lower case before its name), and a group
capitalised word by word ("các Sở, Ban, ngành"). Declared after the tenth unseen set's blind run
(bench/unseen10/README.md)."""
from tests.task_reading import assignees, tasks_read

NOTICE = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
Số: 212/TB-UBND
Krông Bông, ngày 14 tháng 8 năm 2019

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi tiếp công dân định kỳ tháng 8 năm 2019

1. Giao phòng Tài nguyên và Môi trường chủ trì, phối hợp với Thanh tra huyện kiểm tra, xác
minh nội dung đơn của công dân. Báo cáo UBND huyện trước ngày 30/8/2019.
2. Giao phòng Tài chính - Kế hoạch tham mưu UBND huyện bố trí kinh phí đo đạc.
3. Đề nghị các Sở, Ban, ngành phối hợp với UBND huyện giải quyết dứt điểm vụ việc.
4. Công tác phòng, chống dịch bệnh trên địa bàn tiếp tục được duy trì.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Hải
"""


def test_a_district_office_in_lower_case_is_given_its_duty():
    tasks = tasks_read(NOTICE)
    found = {t["assignee"]: t for t in tasks}
    assert found["Phòng Tài nguyên và Môi trường"]["due_by"] == "2019-08-30"
    assert found["Phòng Tài nguyên và Môi trường"]["coordinators"] == ["Thanh tra huyện"]
    assert "Phòng Tài chính - Kế hoạch" in found
    assert not [name for name in found if name.lower().startswith("phòng, chống")]  # a verb, no office


def test_a_group_capitalised_word_by_word_is_one_group():
    assert "các Sở, Ban, ngành" in assignees(tasks_read(NOTICE))
    assert "Ban, ngành" not in assignees(tasks_read(NOTICE))


DECISION = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
Số: 1802/QĐ-UBND
Krông Bông, ngày 24 tháng 7 năm 2019

QUYẾT ĐỊNH
Về việc công bố dịch tả lợn châu Phi trên địa bàn xã Hòa Sơn

Điều 1. Công bố dịch tả lợn châu Phi trên địa bàn xã Hòa Sơn, huyện Krông Bông.
Điều 2. Chánh Văn phòng HĐND-UBND huyện, Trưởng phòng Nông nghiệp và Phát triển nông thôn,
các thành viên Ban Chỉ đạo phòng, chống dịch bệnh gia súc, gia cầm huyện, Phụ trách Trung tâm
Dịch vụ kỹ thuật Nông nghiệp và Chủ tịch UBND xã Hòa Sơn chịu trách nhiệm thi hành Quyết định
này./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Hải
"""


def test_a_closing_article_names_a_boards_members_and_the_one_in_charge_of_a_centre():
    assert assignees(tasks_read(DECISION, "execution")) == [
        "Chánh Văn phòng HĐND-UBND huyện",
        "Trưởng phòng Nông nghiệp và Phát triển nông thôn",
        "các thành viên Ban Chỉ đạo phòng, chống dịch bệnh gia súc, gia cầm huyện",
        "Phụ trách Trung tâm Dịch vụ kỹ thuật Nông nghiệp",
        "Chủ tịch UBND xã Hòa Sơn",
    ]


LETTER = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
Số: 951/UBND-NN
V/v triển khai các biện pháp phòng, chống bệnh Dịch tả lợn châu Phi
Krông Bông, ngày 25 tháng 7 năm 2019

Kính gửi: Các cơ quan, đơn vị trên địa bàn huyện.

1. Đề nghị Ủy ban MTTQ huyện; các Đoàn thể huyện chỉ đạo các tổ chức cơ sở tuyên truyền, vận
động hội viên không giấu dịch, không bán chạy lợn bệnh.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def test_units_listed_with_a_semicolon_before_a_group_in_capitals_are_each_asked():
    tasks = tasks_read(LETTER)
    assert assignees(tasks) == ["Ủy ban MTTQ huyện", "các Đoàn thể huyện"]
    assert tasks[1]["action"].startswith("(đề nghị) chỉ đạo các tổ chức cơ sở")


def test_a_post_beside_a_boards_members_is_the_boards():
    from directives.nlp.tasks.units import split_units

    assert split_units("Chủ tịch và các thành viên Hội đồng tư vấn đặc xá") == [
        "Chủ tịch Hội đồng tư vấn đặc xá",
        "các thành viên Hội đồng tư vấn đặc xá",
    ]
    assert split_units("Trưởng ban và các thành viên Ban Chỉ đạo phòng, chống dịch bệnh")[0] == "Trưởng Ban Chỉ đạo phòng, chống dịch bệnh"


CONCLUSION = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
VĂN PHÒNG HĐND VÀ UBND
Số: 51/TB-VP
Krông Bông, ngày 12 tháng 6 năm 2019

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị sơ kết công tác quy tập hài cốt liệt sĩ

1. Ban Chỉ huy Quân sự huyện chủ trì, phối hợp với Phòng Lao động - Thương binh và Xã hội huyện
tổng hợp kết quả, báo cáo UBND huyện trước ngày 30/6/2019.
Trên đây là nội dung kết luận và chỉ đạo của Đồng chí Nguyễn Văn Bình
- Phó Chủ tịch UBND huyện, Trưởng ban chỉ đạo 515 huyện tại Hội nghị sơ kết công tác quy tập
hài cốt liệt sĩ. Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.
Nơi nhận:
- Lưu: VT.
CHÁNH VĂN PHÒNG
Lê Thị Hoa
"""


def test_the_closing_summary_of_a_conclusion_names_no_unit_given_work():
    tasks = tasks_read(CONCLUSION)
    assert assignees(tasks) == ["Ban Chỉ huy Quân sự huyện"]
    assert tasks[0]["due_by"] == "2019-06-30"
