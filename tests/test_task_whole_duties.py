"""Issue 21, recall on documents never seen: two forms that plans, chỉ thị and decisions use to
assign work, each tested on a document written here in its real layout (no corpus text).

- A request to the bodies of a level or a sector as a group, written in lower case inside a
  sentence: "Đồng thời yêu cầu các cơ quan, đơn vị thực hiện đúng ...", "Chủ tịch UBND tỉnh yêu
  cầu các ngành, các cấp tập trung ...", "Trên cơ sở nhiệm vụ được giao, đề nghị các bộ, ngành,
  địa phương chủ động ..."; not a request made only if something happens ("nếu có khó khăn,
  vướng mắc, đề nghị các cơ quan ... phản ánh"), nor "yêu cầu" as a noun.
- A numbered duty is one duty whole: its later sentences with no subject of their own ("Thời
  gian hoàn thành ...", "Báo cáo ... trước ngày ...") and the lines under its bullets ("bao gồm
  các nội dung sau" and its "+" lines) are part of its action.
"""
from tests.task_reading import assignees, tasks_read

CHI_THI = """ỦY BAN NHÂN DÂN
TỈNH LONG AN
Số: 12/CT-UBND
Long An, ngày 10 tháng 3 năm 2025

CHỈ THỊ
Về việc tăng cường số hóa hồ sơ thủ tục hành chính

Thời gian qua, việc số hóa hồ sơ thủ tục hành chính trên địa bàn tỉnh đã đạt một số kết quả, đáp ứng yêu cầu các cơ quan trong tiếp nhận hồ sơ trực tuyến.

Để khắc phục các hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu các ngành, các cấp tập trung rà soát toàn bộ quy trình tiếp nhận hồ sơ trong tháng 4 năm 2025. Đồng thời yêu cầu các cơ quan, đơn vị thực hiện đúng Quy trình số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.

1. Sở Khoa học và Công nghệ chủ trì hướng dẫn kỹ thuật số hóa hồ sơ.

2. Trên cơ sở nhiệm vụ được giao, đề nghị các sở, ngành, địa phương chủ động bố trí kinh phí số hóa hồ sơ.

3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Khoa học và Công nghệ để tổng hợp./.

Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn A
"""


def test_a_request_to_a_group_written_in_lower_case_inside_a_sentence_is_its_duty():
    tasks = tasks_read(CHI_THI)
    ranks = [t for t in tasks if t["assignee"] == "các ngành, các cấp"]
    assert len(ranks) == 1 and ranks[0]["action"].startswith("tập trung rà soát toàn bộ quy trình")
    # after a connective that opens the sentence, the issuer asking still
    bodies = [t for t in tasks if t["assignee"] == "các cơ quan, đơn vị"]
    assert len(bodies) == 1 and bodies[0]["action"].startswith("thực hiện đúng Quy trình số hóa hồ sơ")
    # after a lead-in that ends on a comma
    asked = [t for t in tasks if t["assignee"] == "các sở, ngành, địa phương"]
    assert len(asked) == 1 and "bố trí kinh phí số hóa hồ sơ" in asked[0]["action"]


def test_a_conditional_request_and_yeu_cau_as_a_noun_give_no_task():
    tasks = tasks_read(CHI_THI)
    assert not [t for t in tasks if "phản ánh" in t["action"]]
    assert not [t for t in tasks if "tiếp nhận hồ sơ trực tuyến" in t["action"]]
    assert "Sở Khoa học và Công nghệ" in assignees(tasks)


KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 201/KH-UBND
Bắc Ninh, ngày 10 tháng 11 năm 2025

KẾ HOẠCH
Triển khai chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả quản lý nhà nước trên môi trường số.

II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì rà soát đội ngũ công chức làm công tác chuyển đổi số. Thời gian hoàn thành trước ngày 30/12/2025.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch, bao gồm kinh phí đào tạo và kinh phí thuê dịch vụ. Báo cáo Ủy ban nhân dân tỉnh kết quả trong quý IV năm 2026. Sở Xây dựng phối hợp thẩm định dự toán các hạng mục hạ tầng.
3. Công an tỉnh:
- Chủ trì bảo đảm an ninh mạng cho các hệ thống thông tin của tỉnh, bao gồm các nội dung sau
+ Giám sát an toàn thông tin;
+ Ứng cứu sự cố.
- Phối hợp với Sở Khoa học và Công nghệ kiểm tra định kỳ.

Trên đây là Kế hoạch triển khai chuyển đổi số năm 2026 của Ủy ban nhân dân tỉnh./.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn B
"""


def _of(tasks, unit):
    found = [t for t in tasks if t["assignee"] == unit]
    assert len(found) == 1, (unit, assignees(tasks))
    return found[0]


def test_a_numbered_duty_keeps_its_later_sentences_with_no_subject_of_their_own():
    tasks = tasks_read(KE_HOACH)
    home = _of(tasks, "Sở Nội vụ")
    assert home["action"] == "chủ trì rà soát đội ngũ công chức làm công tác chuyển đổi số. Thời gian hoàn thành trước ngày 30/12/2025"
    assert home["due_by"] == "2025-12-30"
    finance = _of(tasks, "Sở Tài chính")
    assert finance["action"].endswith("Báo cáo Ủy ban nhân dân tỉnh kết quả trong quý IV năm 2026")
    # a sentence with a unit of its own is that unit's duty, not part of the first one's
    assert "Sở Xây dựng" not in finance["action"]
    assert _of(tasks, "Sở Xây dựng")["action"].startswith("phối hợp thẩm định dự toán")


def test_the_lines_under_a_bullet_of_a_unit_heading_are_part_of_its_duty():
    police = _of(tasks_read(KE_HOACH), "Công an tỉnh")
    assert "Giám sát an toàn thông tin" in police["action"] and "Ứng cứu sự cố" in police["action"]
    assert police["action"].index("Ứng cứu sự cố") < police["action"].index("Phối hợp với Sở Khoa học và Công nghệ")
    assert "Trên đây là Kế hoạch" not in police["action"]


THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 700/TB-VPCP
Hà Nội, ngày 02 tháng 12 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về cải cách thủ tục hành chính

Ngày 25 tháng 11 năm 2025, tại Trụ sở Chính phủ, Phó Thủ tướng Chính phủ đã chủ trì cuộc họp về cải cách thủ tục hành chính. Sau khi nghe báo cáo, Phó Thủ tướng Chính phủ kết luận như sau:

1. Bộ Tư pháp chủ trì rà soát các thủ tục hành chính còn chồng chéo. Hoàn thành trong tháng 12 năm 2025.

2. Bộ Nội vụ hướng dẫn các địa phương sắp xếp bộ phận một cửa. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các bộ, ngành, địa phương phản ánh về Văn phòng Chính phủ để tổng hợp.

Văn phòng Chính phủ thông báo để Bộ Tư pháp, Bộ Nội vụ và các cơ quan liên quan biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG, CHỦ NHIỆM
Nguyễn Văn D
"""


def test_a_numbered_conclusion_ends_before_the_notices_closing_and_a_conditional_request():
    tasks = tasks_read(THONG_BAO)
    justice = _of(tasks, "Bộ Tư pháp")
    assert justice["action"] == "chủ trì rà soát các thủ tục hành chính còn chồng chéo. Hoàn thành trong tháng 12 năm 2025"
    home = _of(tasks, "Bộ Nội vụ")
    assert home["action"] == "hướng dẫn các địa phương sắp xếp bộ phận một cửa"
    assert not [t for t in tasks if "phản ánh" in t["action"] or "biết, thực hiện" in t["action"]]
