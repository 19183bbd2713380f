"""A plan's task laid out as labelled items under its heading, where one cell holds two values
(``nlp/tasks/plan_fields.py``): "b) Cơ quan thực hiện:" then its bullets "- Đơn vị chủ trì:
..." and "- Đơn vị phối hợp: ...". Written here in the layout of a legal website's page of a kế
hoạch (a table-less header, bold headings, lines wrapped mid-sentence)."""
from tests.task_reading import tasks_read

PLAN = """|
**ỦY BAN NHÂN DÂN**
TỈNH BẮC NINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 45/KH-UBND
|
*Bắc Ninh, ngày 10
tháng 3 năm 2026*
|

**KẾ HOẠCH**

TRIỂN KHAI NỀN TẢNG SỐ DÙNG CHUNG CỦA TỈNH NĂM 2026

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích**

Bảo đảm kết nối, chia sẻ dữ liệu thông suốt giữa các cơ quan.

**II. NHIỆM VỤ**

**1. Về dữ liệu**

**1.1. Xây
dựng kho dữ liệu dùng chung của tỉnh:**

a) Nhiệm vụ: Xây dựng kho dữ liệu dùng chung, kết nối với
các cơ sở dữ liệu quốc gia.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

- Đơn vị phối hợp: Sở Tài chính, Công an tỉnh.

c) Thời gian thực hiện: Hoàn
thành trước ngày 30/9/2026.

**1.2. Chuẩn
hóa dữ liệu chuyên ngành:**

a) Nhiệm vụ:

- Rà soát, chuẩn hóa cơ sở dữ liệu chuyên ngành của đơn vị.

- Cập nhật dữ liệu lên kho dữ liệu dùng chung của tỉnh.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Các sở, ban,
ngành.

- Đơn vị phối hợp: Sở Khoa học và Công nghệ, UBND các xã, phường.

c) Thời gian thực hiện: Thực hiện thường xuyên.

**III. TỔ CHỨC THỰC HIỆN**

Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Kế hoạch này./.
"""


def test_a_cell_of_two_values_gives_the_lead_and_its_helpers():
    tasks = tasks_read(PLAN)
    first, second = tasks[0], tasks[1]
    assert first["assignee"] == "Sở Khoa học và Công nghệ"
    assert first["action"].startswith("Xây dựng kho dữ liệu dùng chung")
    # the helpers are the other value of the cell; "Sở Khoa học và Công nghệ" stays one unit
    assert first["coordinators"] == ["Sở Tài chính", "Công an tỉnh"]
    assert first["due_by"] == "2026-09-30"
    assert second["assignee"] == "Các sở, ban, ngành"
    assert second["action"].startswith("Rà soát, chuẩn hóa cơ sở dữ liệu")
    assert "Cập nhật dữ liệu" in second["action"]
    assert second["coordinators"] == ["Sở Khoa học và Công nghệ", "UBND các xã, phường"]


def test_the_field_bullets_are_not_read_again_as_duties():
    units = [t["assignee"] for t in tasks_read(PLAN)]
    # one task per row, then the closing part's; no task of "Đơn vị chủ trì" or of a helper
    assert units == ["Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "Sở Khoa học và Công nghệ"]


# A row written as a paragraph, its fields the bullets after it, as a page quoting a plan lays
# it out (the item's "(1)" is no mark the item reader knows).
QUOTED_ROWS = """## Nhiệm vụ cụ thể về sắp xếp tổ chức bộ máy cấp xã năm 2026

Căn cứ tiểu mục 2 Mục I Kế hoạch 58/KH-UBND, nội dung nhiệm vụ cụ thể như sau:

(1) Ban hành quy định mẫu chức năng, nhiệm vụ, quyền hạn của các cơ quan chuyên môn thuộc UBND xã, phường.

- Chủ trì thực hiện: Sở Nội vụ

- Phối hợp thực hiện: UBND các xã, phường.

- Thời gian hoàn thành: trước ngày 30/6/2026.

(2) Lập mới hồ sơ, bản đồ địa giới đơn vị hành chính cấp xã.

- Chủ trì thực hiện: Sở Nông nghiệp và Môi trường

- Phối hợp thực hiện: Các sở: Xây dựng, Tài chính; UBND các xã, phường.

- Thời gian hoàn thành: trong năm 2026.

## Hội nghị triển khai

- Chủ trì: đồng chí Chủ tịch UBND tỉnh.

- Thành phần: lãnh đạo các sở, ngành.
"""


def test_a_row_written_as_a_paragraph_then_its_role_bullets():
    tasks = tasks_read(QUOTED_ROWS)
    assert [t["assignee"] for t in tasks] == ["Sở Nội vụ", "Sở Nông nghiệp và Môi trường"]
    first, second = tasks
    assert first["action"].startswith("Ban hành quy định mẫu chức năng")
    assert first["coordinators"] == ["UBND các xã, phường"]
    assert first["due_by"] == "2026-06-30"
    assert second["action"].startswith("Lập mới hồ sơ, bản đồ địa giới")  # its own paragraph, not the field before it
    assert second["coordinators"] == ["Sở Xây dựng", "Sở Tài chính", "UBND các xã, phường"]
    assert second["deadline_text"] == "trong năm 2026"
