"""A firm's name: its legal form in capitals, then its trade with each word's first syllable
capitalised, then its proper name ("Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ
Quảng Ngãi"). The name goes on past "MTV Đầu" (a legal form is no syllable of a proper name) and
may run past twelve words; its duty follows it (nlp/tasks/units.name_before_verb,
from_sentences)."""
from tests.task_reading import assignees, tasks_read

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 27/TB-UBND
Hà Tĩnh, ngày 14 tháng 02 năm 2025

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ dự án nhà ở xã hội

Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:
1. Công ty TNHH MTV Đầu tư, Phát triển và Kinh doanh nhà Hà Tĩnh tiếp thu các ý kiến tại
cuộc họp, khẩn trương hoàn thiện hồ sơ dự án, báo cáo UBND tỉnh trước ngày 28/02/2025.
2. Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan thẩm định hồ sơ dự án.
Nơi nhận:
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Văn Hùng
"""


def test_a_firms_name_runs_through_its_trade():
    tasks = tasks_read(NOTICE)
    firm = [t for t in tasks if t["assignee"].startswith("Công ty")]
    assert [t["assignee"] for t in firm] == ["Công ty TNHH MTV Đầu tư, Phát triển và Kinh doanh nhà Hà Tĩnh"]
    assert firm[0]["due_by"] == "2025-02-28"
    assert "Sở Xây dựng" in assignees(tasks)
