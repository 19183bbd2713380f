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
