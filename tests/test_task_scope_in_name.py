"""A body's scope of action written between its name and its verb ("Hội Chữ thập đỏ Việt Nam,
theo nhiệm vụ, quyền hạn của mình, chủ động ...") is no part of its name."""
from tests.task_reading import assignees, tasks_read

RESOLUTION = """CHÍNH PHỦ
Số: 412/NQ-CP
Hà Nội, ngày 20 tháng 11 năm 2025

NGHỊ QUYẾT
Về các giải pháp khắc phục hậu quả bão số 13

1. Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Hội Chữ thập đỏ
Việt Nam, theo nhiệm vụ, quyền hạn của mình chủ động vận động, kêu gọi ủng hộ người dân bị ảnh
hưởng bởi bão lũ.
2. Ủy ban nhân dân các tỉnh, thành phố bị ảnh hưởng, trong phạm vi nhiệm vụ, quyền hạn của mình,
tổ chức khắc phục hậu quả bão lũ, hoàn thành trước ngày 30/12/2025.
Nơi nhận:
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""


def test_the_scope_a_body_acts_in_is_not_in_its_name():
    found = assignees(tasks_read(RESOLUTION))
    assert "Hội Chữ thập đỏ Việt Nam" in found
    assert "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" in found
    assert not [name for name in found if "quyền hạn" in name or "nhiệm vụ" in name]
