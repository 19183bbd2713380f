"""Rules quoted, not given: a công văn or thông báo that quotes a law ("..., quy định: “Sở X chủ
trì ...”"), states it after the article it applies ("Theo khoản 7 Điều 57 Luật ...:"), cites a
text that gave work ("Thực hiện Công văn số ... của Văn phòng Chính phủ thông báo ý kiến chỉ đạo
... giao Bộ X ...") or names a unit in a purpose ("... gửi về Sở X để Sở X tham mưu ...") assigns none of these: its own requests
stay (nlp/tasks/quoted.py). An amendment's quoted wording stays the amending text's rule."""
from tests.task_reading import assignees, tasks_read

LETTER = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 318/SNNMT-TL
V/v góp ý dự thảo Quy chế phối hợp
Hòa Bình, ngày 12 tháng 10 năm 2025

Kính gửi: Ban Quản lý các công trình thủy lợi tỉnh.

Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2025 của Ủy ban nhân dân tỉnh, Sở Nông nghiệp và Môi
trường có ý kiến về dự thảo Quy chế như sau:
1. Tại khoản 3 Điều 12 Nghị định số 67/2018/NĐ-CP ngày 14/5/2018 của Chính phủ quy định: “Sở
Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính thẩm định phương án giá
sản phẩm, dịch vụ thủy lợi trình Ủy ban nhân dân tỉnh.” Do đó, đề nghị Ban Quản lý chỉnh sửa
Điều 5 dự thảo cho phù hợp.
2. Đề nghị Ban Quản lý các công trình thủy lợi tỉnh hoàn thiện dự thảo, gửi về Sở Nông nghiệp
và Môi trường trước ngày 25/10/2025 để Sở Nông nghiệp và Môi trường tổng hợp, trình Ủy ban nhân
dân tỉnh.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Toàn
"""

BASIS = """BỘ XÂY DỰNG
Số: 1207/BXD-KHTC
V/v triển khai Chương trình phát triển nhà ở xã hội
Hà Nội, ngày 08 tháng 4 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Thực hiện Nghị quyết số 33/NQ-CP ngày 11/3/2025 của Chính phủ; Công văn số 2100/VPCP-CN ngày
20/3/2025 của Văn phòng Chính phủ thông báo ý kiến chỉ đạo của Phó Thủ tướng giao Bộ Xây dựng
hướng dẫn triển khai Chương trình; ngày 01/4/2025, Bộ trưởng Bộ Xây dựng đã ban hành Quyết định
số 310/QĐ-BXD phê duyệt Chương trình.
Để triển khai có hiệu quả Chương trình, Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố
trực thuộc Trung ương rà soát quỹ đất, báo cáo kết quả về Bộ Xây dựng trước ngày 30/5/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Sinh
"""

ARTICLE = """# Thời hạn công bố danh sách người ứng cử tại địa phương là khi nào?

**(7) Ủy ban bầu cử ở tỉnh công bố danh sách người ứng cử ở địa phương**

Theo khoản 7 Điều 57 Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân 2015:

Ủy ban bầu cử ở tỉnh công bố danh sách người ứng cử ở địa phương chậm nhất 16 ngày trước ngày bầu cử.

**(8) Niêm yết danh sách cử tri**
"""

AMENDING = """BỘ TÀI CHÍNH
Số: 44/2025/TT-BTC
Hà Nội, ngày 10 tháng 6 năm 2025

THÔNG TƯ
Sửa đổi, bổ sung một số điều của Thông tư số 12/2020/TT-BTC

Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 12/2020/TT-BTC
1. Điều 7 được sửa đổi, bổ sung như sau:
“Điều 7. Kiểm tra hồ sơ
1. Cục Hải quan có trách nhiệm kiểm tra tính đầy đủ của hồ sơ trong thời hạn 02 ngày làm việc.”
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 8 năm 2025.
"""


def test_a_law_quoted_in_a_letter_is_no_task_and_the_letters_requests_stay():
    tasks = tasks_read(LETTER)
    names = assignees(tasks)
    assert not [n for n in names if n.startswith("Sở Nông nghiệp và Phát triển nông thôn")]  # the decree's, quoted
    assert not [n for n in names if n.startswith("Sở Nông nghiệp và Môi trường")]  # the purpose: "để Sở ... tổng hợp"


def test_a_gift_of_a_cited_text_is_no_task_the_letters_request_is():
    tasks = tasks_read(BASIS)
    names = assignees(tasks)
    assert "Bộ Xây dựng" not in names
    assert [n for n in names if n.startswith("Ủy ban nhân dân các tỉnh")]


def test_a_rule_stated_after_its_article_is_no_task():
    assert tasks_read(ARTICLE) == []


def test_an_amendments_quoted_wording_stays_its_rule():
    assert "Cục Hải quan" in assignees(tasks_read(AMENDING))


LAW_LISTED = """# Trình tự lập đề án sắp xếp đơn vị hành chính gồm những bước nào?

Trình tự lập đề án sắp xếp đơn vị hành chính được quy định tại Điều 12 Luật Tổ chức chính quyền địa phương 2025, cụ thể như sau:

**(1) **Ủy ban nhân dân cấp tỉnh tổ chức xây dựng đề án sắp xếp đơn vị hành chính cấp xã.

**(2) **Sau khi lấy ý kiến Nhân dân, Ủy ban nhân dân cấp tỉnh có trách nhiệm hoàn thiện đề án, trình Hội đồng nhân dân cùng cấp.

**Thời hạn hoàn thành đề án là khi nào?**
"""

DIRECTIVE_REPORTED = """# Thông báo 512/TB-VPCP: kết luận của Phó Thủ tướng về dự án đường vành đai

Căn cứ vào Mục II Thông báo 512/TB-VPCP năm 2025 về một số nhiệm vụ cụ thể có nội dung như sau:

1. Bộ Xây dựng chủ trì, phối hợp với Ủy ban nhân dân tỉnh Bắc Ninh hoàn thiện hồ sơ dự án, báo cáo Thủ tướng Chính phủ trong tháng 9 năm 2025.

2. Ủy ban nhân dân tỉnh Bắc Ninh khẩn trương hoàn thành công tác giải phóng mặt bằng.
"""


def test_a_law_listed_after_its_article_is_no_task():
    assert tasks_read(LAW_LISTED) == []


def test_a_directives_items_an_article_reports_stay_tasks():
    names = assignees(tasks_read(DIRECTIVE_REPORTED))
    assert "Bộ Xây dựng" in names
