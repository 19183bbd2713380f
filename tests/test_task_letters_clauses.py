"""Letters and actions that run on (issue 21, thirteenth part), each on a document written here
in the layout of a real one (Nghị định 30/2020/NĐ-CP, Phụ lục):

- a công văn's request to a group its "Kính gửi:" names member by member ("Ủy ban nhân dân các
  tỉnh, thành phố: An Giang, Cần Thơ, ...") is each named body's task; a letter whose items name
  their own units gives the addressees nothing;
- "Giao Sở Nội vụ tiếp thu ..., chủ trì, phối hợp với các Sở: Tài chính, ..." is Sở Nội vụ's task,
  the listed bodies its partners;
- a duty ends at "; <another unit> <verb>", and that clause is the other unit's task.
"""
from tests.task_reading import assignees, tasks_read

LETTER = """BỘ CÔNG AN
Số: 1234/BCA-C04
V/v triển khai Chương trình phòng, chống ma túy
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 9 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố: An Giang, Cần Thơ, Cà Mau, Cao Bằng.

Thực hiện Quyết định số 2596/QĐ-TTg ngày 27/12/2024 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030, Bộ Công an trân trọng đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương một số nội dung sau:

1. Rà soát, đánh giá, phân loại các xã, phường về ma túy trên địa bàn.

2. Chỉ đạo xây dựng kế hoạch thực hiện Chương trình năm 2026, gửi về Bộ Công an trước ngày 15/10/2025.

Bộ Công an trân trọng đề nghị Quý Ủy ban quan tâm, phối hợp./.

Nơi nhận:
- Như trên;
- Lưu: VT, C04.
"""


def test_a_request_to_a_group_the_address_names_is_each_members_task():
    tasks = tasks_read(LETTER, "assignment")
    assert assignees(tasks) == [
        "Ủy ban nhân dân tỉnh An Giang",
        "Ủy ban nhân dân thành phố Cần Thơ",
        "Ủy ban nhân dân tỉnh Cà Mau",
        "Ủy ban nhân dân tỉnh Cao Bằng",
    ]
    for task in tasks:
        assert task["action"].startswith("(đề nghị) Rà soát, đánh giá")
        assert task["deadline"] == "2025-10-15"


ITEMS_NAME_UNITS = LETTER.replace(
    "1. Rà soát, đánh giá", "1. Công an các tỉnh, thành phố chủ trì rà soát, đánh giá"
).replace("2. Chỉ đạo xây dựng", "2. Sở Tài chính các tỉnh, thành phố chủ trì xây dựng")


def test_items_that_name_their_units_give_the_addressees_nothing():
    names = assignees(tasks_read(ITEMS_NAME_UNITS, "assignment"))
    assert not any(n.startswith("Ủy ban nhân dân") for n in names)
    assert "Công an các tỉnh, thành phố" in names


def test_a_group_the_address_does_not_name_stays_one_assignee():
    letter = LETTER.replace(
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố: An Giang, Cần Thơ, Cà Mau, Cao Bằng.",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
    )
    assert assignees(tasks_read(letter, "assignment")) == ["UBND các tỉnh, thành phố trực thuộc Trung ương"]


NOTICE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 31/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Nam, ngày 15 tháng 01 năm 2025

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về sắp xếp doanh nghiệp

Phó Chủ tịch UBND tỉnh kết luận như sau:

1. Giao Sở Nội vụ tiếp thu các ý kiến tại cuộc họp, chủ trì, phối hợp với các Sở: Tài chính, Kế hoạch và Đầu tư và các cơ quan, đơn vị liên quan rà soát thành viên Ban Chỉ đạo sắp xếp doanh nghiệp. Hoàn thành trước ngày 20/02/2025.

2. Ủy ban nhân dân các huyện có trách nhiệm kiểm tra hiện trạng nhà, đất của doanh nghiệp trên địa bàn; Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra việc bàn giao hồ sơ ở các đơn vị thuộc quyền quản lý.

Nay thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""


def test_giao_a_unit_whose_partners_are_listed_after_a_colon():
    task = next(t for t in tasks_read(NOTICE, "assignment") if t["assignee"] == "Sở Nội vụ")
    assert task["action"].startswith("tiếp thu các ý kiến tại cuộc họp, chủ trì, phối hợp với các Sở")
    assert task["deadline"] == "2025-02-20"


def test_a_duty_ends_where_another_units_clause_begins():
    tasks = {t["assignee"]: t for t in tasks_read(NOTICE, "assignment")}
    first = tasks["Ủy ban nhân dân các huyện"]["action"]
    assert first.endswith("trên địa bàn")
    assert "Thủ trưởng" not in first
    second = tasks["Thủ trưởng các cơ quan, đơn vị"]["action"]
    assert second.startswith("chỉ đạo, kiểm tra việc bàn giao hồ sơ")


SCAN_LETTER = """BỘ CÔNG AN
Số: 2468/BCA-C04
V/v rà soát cơ sở cai nghiện ma túy
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 25 tháng 9 năm 2025
Kính gửi: Uỷ ban nhân dân các tỉnh, thành phố Lào Cai, Huế,
Sơn La. Gia Lai.
Để có căn cứ phân bổ kinh phí thực hiện Chương trình, Bộ Công an trân trọng đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương một sô nội dung sau:
1. Rà soát, đánh giá địa bàn trọng điểm về ma túy; kỳ đánh giá từ ngày 15/12/2023 đến ngày 14/12/2024.
2. Rà soát số cơ sở cai nghiện ma túy đề nghị hỗ trợ nâng cấp, mở rộng.
Kết quả rà soát, đánh giá của các địa phương đề nghị gửi về Bộ Công an trước ngày 15/10/2025 (qua Cục Cảnh sát điều tra tội phạm về ma túy).
Bộ Công an trân trọng cảm ơn sự quan tâm phối hợp của Ủy ban nhân dân các tỉnh, thành phố./.
Nơi nhận:
- Như trên;
- Lưu: VT, C04.
"""


def test_a_scanned_address_with_no_colon_and_the_letters_closing_deadline():
    tasks = tasks_read(SCAN_LETTER, "assignment")
    assert assignees(tasks) == [
        "Ủy ban nhân dân tỉnh Lào Cai",
        "Ủy ban nhân dân thành phố Huế",
        "Ủy ban nhân dân tỉnh Sơn La",
        "Ủy ban nhân dân tỉnh Gia Lai",
    ]
    # the period an assessment covers is no deadline; the closing request to send back is
    assert {t["deadline"] for t in tasks} == {"2025-10-15"}


GIVEN_LIST = """VĂN PHÒNG CHÍNH PHỦ
Số: 1357/VPCP-CN
V/v cơ chế đặc thù xây dựng công trình khẩn cấp
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 28 tháng 4 năm 2026
Kính gửi:
- Các Bộ: Công an, Tài chính, Xây dựng;
- Ủy ban nhân dân tỉnh Bình Phước.
Xét đề nghị của Ủy ban nhân dân tỉnh Bình Phước tại văn bản số 45/TTr-UBND, Phó Thủ tướng Chính phủ có ý kiến như sau:
Giao các Bộ: Công an, Tài chính, Xây dựng có ý kiến đối với đề xuất của Ủy ban nhân dân tỉnh Bình Phước nêu trên, gửi Ủy ban nhân dân tỉnh trước ngày 10 tháng 5 năm 2026.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CN.
"""


def test_giao_cac_bo_then_their_names_gives_one_task_each():
    tasks = tasks_read(GIVEN_LIST, "assignment")
    assert assignees(tasks)[:3] == ["Bộ Công an", "Bộ Tài chính", "Bộ Xây dựng"]
    assert all(t["action"].startswith("có ý kiến đối với đề xuất") and t["deadline"] == "2026-05-10" for t in tasks[:3])


ASKS_THEM = """BỘ NỘI VỤ
Số: 4321/BNV-CCHC
V/v góp ý dự thảo Báo cáo
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 15 tháng 9 năm 2025
Kính gửi:
- Bộ Tài chính;
- Bộ Tư pháp;
- Ủy ban nhân dân thành phố Hà Nội.
Thực hiện Chương trình công tác năm 2025, Bộ Nội vụ đã xây dựng dự thảo Báo cáo sơ kết công tác cải cách hành chính (gửi kèm theo).
Để bảo đảm chất lượng của Báo cáo, đề nghị Quý cơ quan nghiên cứu, có ý kiến góp ý đối với dự thảo Báo cáo, gửi về Bộ Nội vụ trước ngày 30/9/2025.
Trường hợp có vướng mắc, đề nghị Quý cơ quan liên hệ Vụ Cải cách hành chính để được hướng dẫn.
Trân trọng cảm ơn sự phối hợp của Quý cơ quan./.
Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
"""


def test_a_request_to_quy_co_quan_is_each_addressees():
    for letter in (ASKS_THEM, ASKS_THEM.replace("đề nghị Quý cơ quan nghiên cứu", "đề nghị các đơn vị nghiên cứu")):
        tasks = tasks_read(letter, "assignment")
        assert assignees(tasks) == ["Bộ Tài chính", "Bộ Tư pháp", "Ủy ban nhân dân thành phố Hà Nội"]
        assert all(t["action"].startswith("(đề nghị) nghiên cứu, có ý kiến") and t["deadline"] == "2025-09-30" for t in tasks)


def test_a_closing_request_to_the_addressees_goes_only_to_those_with_no_duty_above():
    letter = ASKS_THEM.replace(
        "Để bảo đảm chất lượng của Báo cáo, đề nghị Quý cơ quan nghiên cứu, có ý kiến góp ý đối với dự thảo Báo cáo, gửi về Bộ Nội vụ trước ngày 30/9/2025.",
        "1. Bộ Tài chính chủ trì rà soát kinh phí cải cách hành chính.\n2. Bộ Tư pháp chủ trì rà soát thủ tục hành chính.\n"
        "Đề nghị các đơn vị khẩn trương, nghiêm túc triển khai thực hiện các nội dung nêu trên.",
    )
    tasks = tasks_read(letter, "assignment")
    assert assignees(tasks) == ["Bộ Tài chính", "Bộ Tư pháp", "Ủy ban nhân dân thành phố Hà Nội"]
    assert tasks[-1]["action"].startswith("(đề nghị) khẩn trương, nghiêm túc triển khai")


REPORT_LETTER = """BỘ CÔNG AN
Số: 4321/BCA-C04
V/v báo cáo kết quả phối hợp kiểm soát tiền chất
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 3 năm 2026

Kính gửi: Công an các tỉnh, thành phố trực thuộc Trung ương.

1. Đề nghị Công an các tỉnh, thành phố báo cáo kết quả công tác phối hợp kiểm soát các hoạt động hợp pháp liên quan đến tiền chất 6 tháng đầu năm 2026, gửi về Bộ Công an trước ngày 20/6/2026.

2. Đề nghị Công an các tỉnh, thành phố chủ trì, phối hợp với Sở Y tế rà soát các cơ sở kinh doanh thuốc gây nghiện trên địa bàn.

Bộ Công an trân trọng cảm ơn sự quan tâm phối hợp của các đơn vị./.

Nơi nhận:
- Như trên;
- Lưu: VT, C04.
"""


def test_coordinating_as_a_noun_names_no_partner():
    """ "kết quả công tác phối hợp kiểm soát ...", "sự quan tâm phối hợp của ...": the work of
    coordinating, not a partner of the duty; "chủ trì, phối hợp với Sở Y tế" names one."""
    tasks = tasks_read(REPORT_LETTER, "assignment")
    assert [t["coordinators"] for t in tasks] == [[], ["Sở Y tế"]]
    # with "với" it is the verb, after whatever noun the subject ends on
    from directives.nlp.tasks.units import find_coordinators

    assert find_coordinators("Cơ quan chủ trì kế hoạch phối hợp với Công an tỉnh giải quyết thủ tục") == ["Công an tỉnh"]
