"""Where an action ends (sixteenth part): at its item, its sentence, or where the text's closing
starts; never inside a citation. A line that ends on a word wanting its object ("... theo quy
định tại") goes on in the next line, and the "Điều 17 Thông tư số ..." opening that line is cited,
not an article's heading (unseen12's CV of UBND tỉnh Lào Cai; the corpus's NQ 79, QĐ 36, NĐ 65,
NĐ 115 cut so). The closing paragraph that builds on what the text said ("Căn cứ ý kiến chỉ đạo
trên, các cơ quan ... nghiêm túc triển khai thực hiện./.") is no part of the last item, as
"Nhận được Công văn này, ..." is not."""
from tests.task_reading import tasks_read

from directives.nlp.items import find_items

LETTER = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 1520/UBND-KT
Yên Bái, ngày 08 tháng 4 năm 2025
V/v tăng cường quản lý vật liệu nổ công nghiệp

Kính gửi:
- Sở Công Thương;
- Các tổ chức, doanh nghiệp hoạt động vật liệu nổ công nghiệp.

Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
1. Sở Công Thương chủ trì kiểm tra định kỳ việc sử dụng vật liệu nổ công nghiệp trên địa bàn.
2. Các tổ chức, doanh nghiệp hoạt động vật liệu nổ công nghiệp:
a) Quản lý chặt chẽ vật liệu nổ từ khâu tiếp nhận, vận chuyển đến sử dụng.
b) Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại
Điều 17 Thông tư số 23/2024/TT-BCT ngày 07/11/2024 của Bộ Công Thương.
Căn cứ ý kiến chỉ đạo trên, các cơ quan, đơn vị liên quan nghiêm túc triển
khai thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Nam
"""


def test_a_cited_article_at_a_line_start_is_no_item():
    labels = [i.label for i in find_items(LETTER)]
    assert "Điều 17" not in labels


def test_the_action_runs_through_the_citation_and_stops_at_the_closing():
    tasks = [t for t in tasks_read(LETTER) if t["assignee"].startswith("Các tổ chức, doanh nghiệp")]
    assert tasks
    action = tasks[0]["action"]
    assert action.rstrip(" .").endswith("ngày 07/11/2024 của Bộ Công Thương")
    assert "Căn cứ ý kiến" not in action


def test_an_article_after_a_sentence_is_still_one():
    law = "Điều 1. Phạm vi điều chỉnh\nQuy định này áp dụng tại tỉnh.\nĐiều 2. Đối tượng áp dụng\nCác cơ quan nhà nước.\n"
    assert [i.label for i in find_items(law)] == ["Điều 1", "Điều 2"]
