"""A letter's "Kính gửi:" block as a scan gives it, and an office of two bodies, on documents
written here in the layout of real ones:

- a two-column header read column by column puts the Quốc hiệu, the Tiêu ngữ and the place and
  day between "Kính gửi:" and the names (a district office's scanned công văn); those lines, an
  ink speck read as a letter, and a bullet read "-_", name no addressee;
- "Chánh Văn phòng HĐND và UBND huyện" (a district's one office for both bodies) is one unit in a
  closing article, where "và" otherwise starts the next unit.
"""
from directives.nlp.tasks.from_letter import addressees
from tests.task_reading import assignees, tasks_read

SCANNED_LETTER = """UBND HUYỆN CHÂU PHÚ
PHÒNG TÀI CHÍNH - KẾ HOẠCH
Số: 212/PTCKH-NS
V/v lấy ý kiến góp ý dự thảo
Quy chế quản lý tài sản công
Kính gửi:
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Châu Phú, ngày 14 tháng 6 năm 2023
W
|
-_ Các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện;
-_ Ủy ban nhân dân các xã, thị trấn.
Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Phòng Tài chính - Kế hoạch dự thảo Quy chế quản lý, sử dụng tài sản công của huyện (gửi kèm).
Để hoàn thiện dự thảo, đề nghị các cơ quan, đơn vị nghiên cứu, góp ý bằng văn bản và gửi về Phòng Tài chính - Kế hoạch chậm nhất đến ngày 28/6/2023 để tổng hợp.
Trân trọng./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG PHÒNG
Trần Văn Lộc
"""

DISTRICT_DECISION = """ỦY BAN NHÂN DÂN
HUYỆN CHÂU PHÚ
Số: 845/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Châu Phú, ngày 20 tháng 6 năm 2023

QUYẾT ĐỊNH
Về việc công nhận xã đạt chuẩn tiếp cận pháp luật năm 2022

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU PHÚ

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Công nhận 12 xã, thị trấn đạt chuẩn tiếp cận pháp luật năm 2022 (danh sách kèm theo).

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Tư pháp huyện và Chủ tịch UBND các xã, thị trấn có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Lê Văn Nam
"""


def test_the_header_s_right_column_names_no_addressee():
    assert addressees(SCANNED_LETTER) == [
        "Các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện",
        "Ủy ban nhân dân các xã, thị trấn",
    ]


def test_the_letter_s_request_goes_to_its_addressees_not_to_the_header():
    names = assignees(tasks_read(SCANNED_LETTER))
    assert not any("CỘNG HÒA" in name or "Độc lập" in name for name in names)


def test_an_office_of_two_bodies_is_one_unit():
    names = assignees(tasks_read(DISTRICT_DECISION))
    assert "Chánh Văn phòng HĐND và UBND huyện" in names
    assert "UBND huyện" not in names and "Chánh Văn phòng HĐND" not in names
