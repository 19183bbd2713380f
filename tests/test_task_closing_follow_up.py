"""A chỉ thị's closing paragraph (Nghị định 30/2020/NĐ-CP) asks the units to carry it out, then
often names who follows it up: "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ...; Chủ tịch
UBND các huyện ... triển khai thực hiện nghiêm túc Chỉ thị này. Giao Sở X theo dõi, đôn đốc,
kiểm tra việc thực hiện Chỉ thị, định kỳ báo cáo ...  ./.". The request is the closing that
only repeats, though a sentence follows it; the follow-up is a duty (sixteenth part; unseen5's
CT 07, as unseen4, unseen8, unseen9 and unseen10 read the closing)."""
from tests.task_reading import tasks_read

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 05/CT-UBND
Bình Định, ngày 14 tháng 3 năm 2024

CHỈ THỊ
Về tăng cường công tác thi hành án hành chính trên địa bàn tỉnh

Để nâng cao hiệu quả công tác thi hành án hành chính, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:
1. Thủ trưởng các sở, ban, ngành của tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố:
a) Thi hành nghiêm chỉnh các bản án, quyết định của Tòa án về vụ án hành chính.
b) Chỉ đạo cơ quan chuyên môn rà soát các bản án chưa thi hành xong, báo cáo kết quả.
2. Sở Tư pháp chủ trì, phối hợp với Cục Thi hành án dân sự tỉnh hướng dẫn nghiệp vụ theo dõi thi
hành án hành chính.
3. Đề nghị Tòa án nhân dân tỉnh phối hợp chuyển giao kịp thời các bản án có hiệu lực pháp luật.
Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, đoàn thể của tỉnh; Chủ tịch Ủy ban
nhân dân các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan triển khai thực hiện
nghiêm túc Chỉ thị này. Giao Cục Thi hành án dân sự tỉnh theo dõi, đôn đốc, kiểm tra việc triển
khai thực hiện Chỉ thị, định kỳ báo cáo kết quả với Ủy ban nhân dân tỉnh./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Phạm Văn Tùng
"""


def test_the_closing_request_repeats_though_the_follow_up_comes_after_it():
    tasks = tasks_read(DIRECTIVE)
    closing = [t["assignee"] for t in tasks if t["action"].endswith("Chỉ thị này")]
    # the sở and the huyện have duties above: the closing only repeats for them
    assert not [u for u in closing if "sở" in u or "huyện" in u]
    # the group no duty above names is asked by it
    assert closing == ["các cơ quan, đơn vị có liên quan"]
    # who follows the text up has a duty of its own
    assert [t for t in tasks if t["assignee"] == "Cục Thi hành án dân sự tỉnh" and "đôn đốc" in t["action"]]
