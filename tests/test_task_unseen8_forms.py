"""Forms the eighth unseen set (real documents from outside the corpus) showed missed, each on a
document written here in the layout of a real one (Nghị định 30/2020/NĐ-CP):

- a duty's time given in a later sentence of its item: "... . Hoàn thành và báo cáo UBND tỉnh
  trước ngày 20/02/2025." bounds that duty, never the next unit's;
- a notice's opening day tells the meeting it reports ("Ngày 06/01/2025, Phó Chủ tịch UBND tỉnh
  chủ trì họp ..."), with or without its place: no task;
- a letter's request that promises its items without a verb ("đề nghị UBND các tỉnh ... một số
  nội dung sau:").
"""
from tests.task_reading import tasks_read

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 25/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Nam, ngày 10 tháng 01 năm 2025

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về sắp xếp nhà, đất

Ngày 06/01/2025, Phó Chủ tịch UBND tỉnh chủ trì họp về phương án sắp xếp nhà, đất. Phó Chủ tịch UBND tỉnh kết luận như sau:

1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát toàn bộ cơ sở nhà, đất theo Nghị định số 108/2024/NĐ-CP ngày 23/8/2024 của Chính phủ. Trường hợp cơ sở không còn nhu cầu sử dụng thì đề xuất phương án xử lý theo quy định. Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.

2. Giao Sở Nội vụ chủ trì rà soát biên chế của các đơn vị sự nghiệp công lập sau sắp xếp.

3. Giao Ủy ban nhân dân các huyện kiểm tra hiện trạng nhà, đất trên địa bàn. Trên cơ sở đó, đề xuất phương án bố trí cho các cơ quan, đơn vị. Thời gian hoàn thành: trước ngày 28/02/2025.

Nay thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""


def by_unit(tasks):
    return {t["assignee"]: t for t in tasks}


def test_the_items_closing_time_is_the_duty_deadline():
    tasks = by_unit(tasks_read(NOTICE, "assignment"))
    assert tasks["Sở Tài chính"]["deadline"] == "2025-02-20"
    assert tasks["Ủy ban nhân dân các huyện"]["deadline"] == "2025-02-28"


def test_a_date_cited_in_the_duty_is_no_deadline_and_no_date_passes_to_another_item():
    tasks = by_unit(tasks_read(NOTICE, "assignment"))
    # "Nghị định số 108/2024/NĐ-CP ngày 23/8/2024" is a reference, not a time
    assert "23/8/2024" not in (tasks["Sở Tài chính"]["deadline_text"] or "")
    # item 2 states no time: neither item 1's nor item 3's date is its deadline
    assert tasks["Sở Nội vụ"]["deadline"] is None and tasks["Sở Nội vụ"]["deadline_text"] is None


def test_the_meeting_the_notice_tells_gives_no_task():
    # "Ngày 06/01/2025, Phó Chủ tịch UBND tỉnh chủ trì họp ...": what took place before the notice
    assert not any(t["assignee"].startswith("Phó Chủ tịch") for t in tasks_read(NOTICE))



LETTER = """BỘ CÔNG AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 4560/BCA-C04
Hà Nội, ngày 09 tháng 10 năm 2025
V/v rà soát cơ sở cai nghiện ma túy

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Để có căn cứ phân bổ ngân sách, Bộ Công an trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương một số nội dung sau:
1. Rà soát, đánh giá mức độ trọng điểm phức tạp về ma túy của địa phương.
2. Rà soát số cơ sở cai nghiện ma túy đề nghị hỗ trợ xây mới, nâng cấp.
Văn bản đề nghị gửi về Bộ Công an (qua Cục C04) trước ngày 15/10/2025.

Nơi nhận:
- Như trên;
- Lưu: VT, C04.
"""


def test_a_request_that_promises_its_items_without_a_verb():
    # "đề nghị <units> một số nội dung sau:": the items are what is asked; the name ends before them
    from directives.nlp.extract import extract_text

    assert extract_text(LETTER).doc_type == "CV"
    tasks = tasks_read(LETTER)
    assert [t["assignee"] for t in tasks] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert "Rà soát số cơ sở cai nghiện" in tasks[0]["action"] and tasks[0]["deadline"] == "2025-10-15"


def test_a_ministry_asks_the_groups_it_writes_to():
    # "Bộ Nội vụ đề nghị các bộ, ...": a ministry's name ends on a lower-case syllable, and it is
    # the one who asks; each group asked has the request
    letter = LETTER.replace(
        "Để có căn cứ phân bổ ngân sách, Bộ Công an trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương một số nội dung sau:\n"
        "1. Rà soát, đánh giá mức độ trọng điểm phức tạp về ma túy của địa phương.\n"
        "2. Rà soát số cơ sở cai nghiện ma túy đề nghị hỗ trợ xây mới, nâng cấp.\n",
        "Để hoàn thiện dự thảo Báo cáo, Bộ Công an đề nghị các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, "
        "thành phố trực thuộc Trung ương nghiên cứu, tham gia góp ý đối với dự thảo Báo cáo.\n",
    )
    assert [t["assignee"] for t in tasks_read(letter)] == ["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


PLAN = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 180/KH-UBND
Hà Nội, ngày 28 tháng 4 năm 2026

KẾ HOẠCH
Tổ chức Lễ hội Văn hóa ẩm thực Hà Nội năm 2026

IV. TỔ CHỨC THỰC HIỆN
12. Sở Y tế
Chủ trì, xây dựng phương án bảo đảm y tế tại các điểm tổ chức Lễ hội.
13. Tổng Công ty Điện lực Hà Nội
Chủ trì, xây dựng các phương án bảo đảm điện lưới, điện dự phòng tại Lễ khai mạc.
"""


def test_a_unit_heading_on_its_own_line_keeps_the_next_lines_verb_out_of_its_name():
    # "13. Tổng Công ty Điện lực Hà Nội" then "Chủ trì, ..." on the next line: "Hà Nội Chủ trì"
    # is no proper name going on
    tasks = {t["assignee"]: t for t in tasks_read(PLAN)}
    assert "Tổng Công ty Điện lực Hà Nội" in tasks
    assert tasks["Tổng Công ty Điện lực Hà Nội"]["action"].startswith("Chủ trì, xây dựng các phương án")


def test_the_helpers_field_ends_before_a_field_the_task_does_not_read():
    # "- Đơn vị phối hợp: các đơn vị có liên quan. Kinh phí: Ngân sách Thành phố ...": the budget
    # is a field of its own, not a helper
    plan = PLAN.replace(
        "IV. TỔ CHỨC THỰC HIỆN",
        "III. CÁC HOẠT ĐỘNG\n2.6. Bế mạc Lễ hội\n- Thời gian dự kiến: ngày 20/9/2026.\n- Đơn vị chủ trì: Sở Văn hóa và Thể thao.\n"
        "- Đơn vị phối hợp: các đơn vị có liên quan. Kinh phí: Ngân sách Thành phố và các nguồn hợp pháp khác.\n\n"
        "IV. TỔ CHỨC THỰC HIỆN",
    )
    closing = next(t for t in tasks_read(plan) if t["action"].startswith("Bế mạc"))
    assert closing["assignee"] == "Sở Văn hóa và Thể thao"
    assert closing["coordinators"] == ["các đơn vị có liên quan"]
