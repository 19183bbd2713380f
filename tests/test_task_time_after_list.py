"""A duty's time after the list of what it covers, and a part of the duty closed by a day
(``nlp/tasks/later_deadline.py``), on documents written here in the layout of real ones:

- "1. Giao phòng X chủ trì ... giải quyết các nội dung sau: - ...; - ... . Đồng thời ... . Báo
  cáo UBND huyện trước ngày 20/8/2019." (a district's thông báo kết luận): the day after the
  dashes bounds the duty of item 1, not the next item's;
- "7. Về ...: giao Bộ Tài chính chủ trì ... xem xét, xử lý theo đúng quy định. Đối với nội dung
  vượt thẩm quyền, đề xuất báo cáo cấp có thẩm quyền ... trước ngày 25 tháng 12 năm 2025." (a
  Văn phòng Chính phủ thông báo): the part closed by a day gives the duty its deadline;
- what was done by a day ("đã báo cáo ... trước ngày ...") is no deadline;
- a topic, then "giao" in lower case ("2. Về đề nghị ...: giao Bộ Xây dựng hướng dẫn ...") gives
  the unit its duty as "Giao" does.
"""
from tests.task_reading import tasks_read

DISTRICT_NOTICE = """ỦY BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
Số: 318/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đức Trọng, ngày 05 tháng 8 năm 2024

THÔNG BÁO
Ý kiến kết luận của Chủ tịch UBND huyện về việc giải quyết đơn của công dân

Ngày 01/8/2024, Chủ tịch UBND huyện chủ trì buổi tiếp công dân định kỳ. Chủ tịch UBND huyện có ý kiến chỉ đạo như sau:

1. Giao phòng Tài nguyên và Môi trường chủ trì, phối hợp với Thanh tra huyện và UBND xã Hiệp Thạnh kiểm tra lại hồ sơ, xác minh thực địa và tham mưu UBND huyện giải quyết các nội dung sau:
- Việc cấp đổi giấy chứng nhận cho phần diện tích tăng thêm của hộ ông Lê Văn Bình.
- Việc xác định ranh giới thửa đất giữa hộ ông Bình và hộ bà Phạm Thị Hoa.

Đồng thời đề xuất biện pháp xử lý các tổ chức, cá nhân liên quan (nếu có vi phạm). Báo cáo UBND huyện trước ngày 30/8/2024.

2. Giao Thanh tra huyện tham mưu UBND huyện văn bản trả lời công dân theo quy định.

Nay thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""

GOVERNMENT_NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 612/TB-VPCP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 11 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh Bình Định

Ngày 15 tháng 11 năm 2025, Phó Thủ tướng Chính phủ làm việc với lãnh đạo tỉnh Bình Định. Phó Thủ tướng kết luận như sau:

1. Về đề nghị bố trí vốn cho dự án đường ven biển đoạn Phù Cát - Phù Mỹ: giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng xem xét, xử lý theo đúng quy định. Đối với nội dung vượt thẩm quyền, đề xuất báo cáo cấp có thẩm quyền phương án xử lý theo quy định của pháp luật trước ngày 20 tháng 12 năm 2025.

2. Về đề nghị điều chỉnh quy hoạch: giao Bộ Xây dựng hướng dẫn tỉnh thực hiện theo quy định. Năm 2024, Bộ Xây dựng đã báo cáo Thủ tướng Chính phủ về nội dung này trước ngày 30 tháng 6 năm 2024.

Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
"""


def by_unit(tasks):
    return {t["assignee"]: t for t in tasks}


def test_the_day_after_a_duty_s_list_bounds_that_duty():
    tasks = by_unit(tasks_read(DISTRICT_NOTICE, "assignment"))
    assert tasks["Phòng Tài nguyên và Môi trường"]["deadline"] == "2024-08-30"
    assert tasks["Thanh tra huyện"]["deadline"] is None


def test_a_part_of_the_duty_closed_by_a_day_gives_the_duty_its_deadline():
    tasks = by_unit(tasks_read(GOVERNMENT_NOTICE, "assignment"))
    assert tasks["Bộ Tài chính"]["deadline"] == "2025-12-20"


def test_a_topic_then_giao_in_lower_case_gives_the_duty():
    tasks = by_unit(tasks_read(GOVERNMENT_NOTICE, "assignment"))
    assert tasks["Bộ Xây dựng"]["action"].startswith("hướng dẫn tỉnh thực hiện theo quy định")


def test_what_was_done_by_a_day_is_no_deadline():
    tasks = by_unit(tasks_read(GOVERNMENT_NOTICE, "assignment"))
    assert tasks["Bộ Xây dựng"]["deadline"] is None


def test_the_leader_s_words_that_open_the_conclusions_are_no_duty():
    from directives.nlp.tasks.task import NOT_DUTY

    for words in ("có ý kiến chỉ đạo như Sau:", "kết luận như sau", "có ý kiến kết luận và chỉ đạo như sau:"):
        assert NOT_DUTY.search(words)
    assert not NOT_DUTY.search("chỉ đạo các xã thực hiện như sau: rà soát hộ nghèo")
