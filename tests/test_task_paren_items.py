"""Duties numbered "(1)", "(2)" (issue 21): a công điện, a chỉ thị or a nghị quyết of the Government
often numbers its duties so, and a web page sets the number with its unit in bold, the unit's
duties as bullets or paragraphs below ("**(2) Bộ trưởng Bộ Xây dựng:**" then "- Chủ trì ...").
Each such heading gives its unit the duties under it, as "2. Bộ Xây dựng:" does.

The document is written for the tests, in the layout of the website's pages."""
import pytest

from directives.ingest import read_document
from directives.nlp.extract import extract_text
from tests.task_reading import assignees as _units

CONG_DIEN = """# Thủ tướng yêu cầu tập trung xử lý việc đầu cơ đất nền

### Nội dung chính

Ngày 10/03/2025 Thủ tướng Chính phủ ban hành Công điện 31/CĐ-TTg về việc chấn chỉnh việc đầu cơ đất nền.

Để ổn định thị trường, Thủ tướng Chính phủ yêu cầu:

**(1) Bộ trưởng Bộ Xây dựng:**

- Chủ trì, phối hợp với Bộ Tài chính nghiên cứu đề xuất cơ chế giám sát giao dịch đất nền, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 6 năm 2025.

- Chỉ đạo thanh tra hoạt động của các sàn giao dịch bất động sản trên địa bàn.

**(2) Thống đốc Ngân hàng Nhà nước Việt Nam**

Chỉ đạo các tổ chức tín dụng kiểm soát chặt chẽ cho vay kinh doanh bất động sản.

**(3) Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:**

Công khai kịp thời thông tin về quy hoạch, kế hoạch sử dụng đất trên địa bàn.

**(4) Văn phòng Chính phủ** theo dõi, đôn đốc việc thực hiện Công điện này.

*Ảnh minh họa (Hình từ Internet)*
"""


def _page_tasks(tmp_path, page_text: str) -> list[dict]:
    """The tasks of a web page's Markdown, read as the corpus's pages are read."""
    page = tmp_path / "CD__31-CD-TTg.md"
    page.write_text(page_text, encoding="utf-8")
    return extract_text(read_document(str(page), ocr="never").text).tasks


def test_each_numbered_heading_gives_its_unit_the_duties_under_it(tmp_path):
    tasks = _page_tasks(tmp_path, CONG_DIEN)
    assert _units(tasks) == [
        "Bộ trưởng Bộ Xây dựng",
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "Văn phòng Chính phủ",
    ]
    building = tasks[0]
    # both bullets are the minister's, with the coordinator and the deadline of the first
    assert building["action"].startswith("Chủ trì, phối hợp với Bộ Tài chính nghiên cứu")
    assert "thanh tra hoạt động của các sàn giao dịch" in building["action"]
    assert building["coordinators"] == ["Bộ Tài chính"]
    assert building["due_by"] == "2025-06-30"
    assert tasks[1]["action"].startswith("Chỉ đạo các tổ chức tín dụng")
    assert tasks[2]["action"].startswith("Công khai kịp thời thông tin")
    assert tasks[3]["action"].startswith("theo dõi, đôn đốc")


THONG_TU_FORM = """BỘ CÔNG THƯƠNG
Số: 77/2025/TT-BCT
Hà Nội, ngày 10 tháng 10 năm 2025
THÔNG TƯ
Quy định về kiểm tra chuyên ngành
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về kiểm tra chuyên ngành.
Điều 2. Trách nhiệm thi hành
Cục trưởng Cục Quản lý thị trường có trách nhiệm hướng dẫn thực hiện Thông tư này.
Mẫu số 01
KẾ HOẠCH KIỂM TRA ...(2)...
Ghi chú:
(1) Tên cơ quan cấp trên trực tiếp (nếu có).
(2) Thủ trưởng đơn vị được giao tham mưu, tổng hợp kế hoạch kiểm tra.
(3) Thủ trưởng cơ quan ban hành quyết định kiểm tra.
"""


@pytest.mark.parametrize("notes", ["Ghi chú:", "____________________"])
def test_a_forms_notes_on_its_blanks_are_no_duties(notes):
    # "Ghi chú:" (or a footnote rule) then "(1) ...", "(2) ...": what each numbered blank holds
    tasks = extract_text(THONG_TU_FORM.replace("Ghi chú:", notes)).tasks
    assert not [u for u in _units(tasks) if u.startswith("Thủ trưởng")]


NHIEM_VU = """# Toàn văn Công điện 120/CĐ-TTg về công tác đặc xá

Theo Công điện 120/CĐ-TTg, Thủ tướng Chính phủ yêu cầu:

(1) Bộ Công an có trách nhiệm trực tiếp chỉ đạo việc xét đề nghị đặc xá tại các trại giam.

(2) Đề nghị Tòa án nhân dân tối cao trực tiếp chỉ đạo, hướng dẫn Tòa án nhân dân các cấp xét đề nghị đặc xá.
"""


def test_an_adverb_after_a_supreme_bodys_name_is_its_verbs():
    units = _units(extract_text(NHIEM_VU).tasks)
    assert units == ["Bộ Công an", "Tòa án nhân dân tối cao"]


BO_Y_TE = """Thủ tướng Chính phủ yêu cầu:

**- Bộ Y tế:**

+ Phối hợp chặt chẽ với Bộ Công an trong việc điều tra, xử lý vụ việc buôn bán thuốc giả.

+ Chỉ đạo các địa phương rà soát, thu hồi các loại thuốc giả đã được phát hiện.
"""


def test_an_item_that_opens_with_its_coordination_names_the_coordinator(tmp_path):
    # the unit is the heading's; "Phối hợp ... với Bộ Công an" opens its first item, capitalised
    tasks = _page_tasks(tmp_path, BO_Y_TE)
    assert _units(tasks) == ["Bộ Y tế"]
    assert tasks[0]["coordinators"] == ["Bộ Công an"]
