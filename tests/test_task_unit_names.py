"""Where a unit's name ends, in the forms the third set of unseen documents (``bench/unseen3``)
showed wrong, each written from a plan's convention and tested on a plan written here: a body
named once for two levels ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã": one duty per
level), a reference kept in a name ("Các cơ quan ... tại điểm d, khoản 1, mục III"), a row's
duty read in the lead's place (no unit), and a unit heading whose name holds a word that is also
a verb ("Các doanh nghiệp thứ cấp\\nđang hoạt động trong KCN"), and heads listed without a name
("Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan": kinds of bodies, one group each)."""
from directives.nlp.tasks.units import action_like, split_units, without_reference
from tests.task_reading import assignees, tasks_read

HEAD = """|
ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
|
Số: 412/KH-UBND
|
*Hà Tĩnh, ngày 10 tháng 11 năm 2025*
|

**KẾ HOẠCH**

**Triển khai thi hành Luật Phòng thủ dân sự năm 2025**

**I. MỤC ĐÍCH, YÊU CẦU**

Bảo đảm các quy định của Luật được thi hành kịp thời, thống nhất.

**II. TỔ CHỨC THỰC HIỆN**

**1. Ủy ban nhân dân cấp tỉnh, cấp xã**

- Kiện toàn Ban Chỉ huy Phòng thủ dân sự, phân công nhiệm vụ cho từng thành viên.

**2. Các doanh nghiệp thứ cấp
đang hoạt động trong khu công nghiệp**

- Chủ động xây dựng phương án phòng thủ dân sự tại cơ sở sản xuất.

**3. Ủy ban nhân dân các xã, phường**

- Bố trí kinh phí diễn tập phòng thủ dân sự hằng năm.

4. Các sở, ban, ngành, đoàn thể cấp tỉnh căn cứ chức năng, nhiệm vụ, chủ động triển khai Kế hoạch này.

"""

# the Phụ lục's table as the site's exports write it: each cell's lines closed by a "|" line, a
# row closed by an empty cell; row 4 left a form's dotted blank after its last cell
ROWS = [
    ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
    ["**I**", "**CÔNG TRÌNH PHÒNG THỦ DÂN SỰ**"],
    ["1", "Rà soát danh mục công trình phòng thủ dân sự", "Ban Chỉ huy Phòng\nthủ dân sự cấp tỉnh, cấp xã", "Cơ quan có liên\nquan", "Tháng 12 hằng năm", "Báo cáo"],
    ["2", "Chia sẻ dữ liệu chuyên ngành", "Các cơ quan quản lý các lĩnh vực trọng điểm tại\nđiểm d, khoản 1, mục III", "UBND các xã, phường", "2026 - 2030", "Dữ liệu"],
    ["3", "Đặt hàng nghiên cứu khoa học phục vụ phòng thủ dân sự", "Sở Khoa học và Công nghệ", "Viện, Trường; Doanh\nnghiệp, Sở, ban, ngành có liên quan", "2026", "Đề án"],
    ["4", "Hướng dẫn thống kê thiệt hại", "Sở Tài chính", "Sở Xây dựng", "2025", "Văn bản", "….................................."],
    ["5", "Thành lập bộ máy quản lý Quỹ phòng thủ dân sự\ncấp tỉnh (khoản 4, Điều 51 Nghị định)", "Sở Tài chính", "Cơ quan liên quan", "2025", "Quyết định"],
]
TABLE = "PHỤ LỤC\n\nNHIỆM VỤ TRIỂN KHAI LUẬT PHÒNG THỦ DÂN SỰ\n\n*(Kèm theo Kế hoạch số 412/KH-UBND ngày 10/11/2025 của UBND tỉnh)*\n|\n"
TABLE += "".join("".join(f"{cell}\n|\n" for cell in row) + "|\n" for row in ROWS)

SIGNATURE = """|
Nơi nhận:
- Bộ Quốc phòng;
- Lưu: VT.
|
**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng**
|

"""

PLAN = HEAD + SIGNATURE + TABLE


def test_a_body_named_once_for_two_levels_gives_one_duty_per_level():
    tasks = tasks_read(PLAN)
    council = [t for t in tasks if "Kiện toàn Ban Chỉ huy" in t["action"]]
    assert assignees(council) == ["Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp xã"]
    survey = [t for t in tasks if "Rà soát danh mục công trình" in t["action"]]
    assert assignees(survey) == ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh", "Ban Chỉ huy Phòng thủ dân sự cấp xã"]
    assert all(t["recurrence"] == "yearly" for t in survey)


def test_places_of_one_tier_and_a_list_of_kinds_stay_one_group():
    tasks = tasks_read(PLAN)
    assert assignees([t for t in tasks if "Bố trí kinh phí diễn tập" in t["action"]]) == ["Ủy ban nhân dân các xã, phường"]
    assert assignees([t for t in tasks if "chủ động triển khai Kế hoạch" in t["action"]]) == ["Các sở, ban, ngành, đoàn thể cấp tỉnh"]
    assert split_units("Ủy ban nhân dân cấp xã, phường") == ["Ủy ban nhân dân cấp xã, phường"]
    assert split_units("Công an tỉnh, Công an cấp xã") == ["Công an tỉnh", "Công an cấp xã"]
    assert split_units("Chủ tịch UBND cấp tỉnh, huyện, xã") == ["Chủ tịch UBND cấp tỉnh", "Chủ tịch UBND cấp huyện", "Chủ tịch UBND cấp xã"]


def test_a_reference_kept_in_a_lead_cell_is_no_part_of_the_name():
    data = [t for t in tasks_read(PLAN) if "Chia sẻ dữ liệu" in t["action"]]
    assert assignees(data) == ["Các cơ quan quản lý các lĩnh vực trọng điểm"]
    assert data[0]["coordinators"] == ["UBND các xã, phường"]
    # and in a sentence's subject, before "có trách nhiệm"
    assert without_reference("Các cơ quan, đơn vị quy định tại Điều 2 Quy chế này") == "Các cơ quan, đơn vị"
    # but not where the reference is all that names the body
    assert without_reference("Cơ quan quy định tại điểm a khoản này") == "Cơ quan quy định tại điểm a khoản này"
    assert without_reference("Tổ chức, cá nhân có tên tại Điều 1") == "Tổ chức, cá nhân có tên tại Điều 1"
    assert without_reference("Sở Tài chính theo mục tiêu") == "Sở Tài chính theo mục tiêu"  # no reference there


def test_a_duty_read_in_the_lead_place_is_no_unit():
    tasks = tasks_read(PLAN)
    assert not [t for t in tasks if t["assignee"].startswith("Thành lập")]
    # the dotted blank after row 4 does not shift row 5's cells: its duty is its lead's
    fund = [t for t in tasks if "Thành lập bộ máy quản lý Quỹ" in t["action"]]
    assert assignees(fund) == ["Sở Tài chính"] and fund[0]["coordinators"] == ["Cơ quan liên quan"]
    assert assignees([t for t in tasks if "Hướng dẫn thống kê" in t["action"]]) == ["Sở Tài chính"]
    assert action_like("Thành lập bộ máy quản lý Quỹ (khoản 4, Điều 51 Nghị định)")
    assert action_like("Triển khai các nhiệm vụ của Đề án")
    assert not action_like("Sở Tài chính")
    assert not action_like("Phòng Tư pháp (điểm a)")  # a body's name, a reference after it
    assert not action_like("Tổ chức Công đoàn tỉnh")


def test_a_unit_heading_is_its_whole_line_even_with_a_word_that_is_also_a_verb():
    tasks = tasks_read(PLAN)
    firms = [t for t in tasks if "phương án phòng thủ dân sự" in t["action"]]
    assert assignees(firms) == ["Các doanh nghiệp thứ cấp đang hoạt động trong khu công nghiệp"]
    assert firms[0]["action"].startswith("Chủ động xây dựng phương án")


def test_heads_without_a_name_listed_as_coordinators_are_kinds_of_bodies():
    research = [t for t in tasks_read(PLAN) if "Đặt hàng nghiên cứu" in t["action"]]
    assert assignees(research) == ["Sở Khoa học và Công nghệ"]
    # "Viện, Trường" are the institutes and universities, not a body named "Viện" and one named "Trường"
    assert research[0]["coordinators"] == ["Viện, Trường", "Doanh nghiệp, Sở, ban, ngành có liên quan"]
