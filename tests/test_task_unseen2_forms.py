"""Forms of issue 21 that the second set of unseen documents (``bench/unseen2``) showed missed,
each written from the convention of a công điện, a chỉ thị, a kế hoạch, a công văn, a thông báo
kết luận or a quyết định, and tested on a document written here (no corpus text): address lists
with a colon, names cut at a word that is also a verb, "X và ông Y", a request in a công văn's
body, "Giao X <verb outside the list>", a thông báo kết luận's restated requests and its
conclusions, a plan's request heading and closing, addresses and awards that are no duties,
and an action that must stop before the closing "Trên đây là Kế hoạch ..."."""
from tests.task_reading import assignees as _units, tasks_read as _tasks




def _of(tasks, unit):
    return [t for t in tasks if t["assignee"] == unit]


CONG_DIEN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 305/CĐ-TTg
Hà Nội, ngày 12 tháng 12 năm 2025

CÔNG ĐIỆN
Về việc ứng phó với rét đậm, rét hại

THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực
thuộc Trung ương: Lào Cai, Hải Phòng, Cao Bằng;
- Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Y tế, Giáo dục và Đào tạo;
- Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.
Để bảo đảm an toàn cho Nhân dân, Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Y tế; Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc tổ chức theo dõi sát diễn biến thời tiết, chủ động chỉ đạo các biện pháp phòng, chống rét cho người và vật nuôi.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Lào Cai, Hải Phòng, Cao Bằng chủ động bố trí chỗ ở ấm cho học sinh bán trú.
3. Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia phối hợp với Bộ Nông nghiệp và Môi trường theo dõi tình hình, báo cáo Thủ tướng Chính phủ./.
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
Nguyễn Văn A
"""


def test_a_colon_list_of_departments_then_a_semicolon_and_another_unit_gives_one_task_each():
    first = [t for t in _tasks(CONG_DIEN) if "phòng, chống rét" in t["action"]]
    assert _units(first) == [
        "Bộ trưởng Bộ Nông nghiệp và Môi trường",
        "Bộ trưởng Bộ Y tế",
        "Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc",
    ]
    assert first[0]["action"].startswith("tổ chức theo dõi sát diễn biến thời tiết")


def test_provinces_after_a_colon_give_one_task_each_with_their_kind():
    second = [t for t in _tasks(CONG_DIEN) if "học sinh bán trú" in t["action"]]
    # "tỉnh" for a province, "thành phố" for a centrally run city, the names not in the action
    assert _units(second) == [
        "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
        "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng",
        "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng",
    ]
    assert second[0]["action"].startswith("chủ động bố trí chỗ ở ấm")


def test_a_board_named_by_a_verb_after_ban_is_one_name():
    office = [t for t in _tasks(CONG_DIEN) if "theo dõi tình hình" in t["action"]]
    assert _units(office) == ["Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]
    assert office[0]["action"].startswith("phối hợp với Bộ Nông nghiệp và Môi trường")


CONG_DIEN_BO = """BỘ GIAO THÔNG
Số: 41/CĐ-BGT
Hà Nội, ngày 20 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc bảo đảm an toàn công trình mùa mưa lũ

BỘ GIAO THÔNG điện:
- Các Cục: Đường thủy nội địa, Kinh tế - Quản lý đầu tư xây dựng;
- Sở Giao thông các tỉnh: Yên Bái, Sơn La.
Để bảo đảm an toàn các công trình đang thi công, Bộ trưởng yêu cầu:
1. Cục Đường thủy nội địa chỉ đạo các cảng vụ hướng dẫn tàu thuyền neo đậu an toàn.
2. Cục Kinh tế - Quản lý đầu tư xây dựng chỉ đạo các chủ đầu tư rà soát toàn bộ công trường đang thi công.
3. Sở Giao thông

- Chủ trì, phối hợp với các đơn vị liên quan kiểm tra các cầu yếu.
- Báo cáo Bộ kết quả thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG
Trần Văn B
"""


def test_a_capitalised_word_after_a_hyphen_continues_a_name_but_a_bullet_does_not():
    tasks = _tasks(CONG_DIEN_BO)
    sites = [t for t in tasks if "công trường" in t["action"]]
    assert _units(sites) == ["Cục Kinh tế - Quản lý đầu tư xây dựng"]
    assert sites[0]["action"].startswith("chỉ đạo các chủ đầu tư")
    # "3. Sở Giao thông" then "- Chủ trì, ...": the bullet's verb is no part of the name
    assert not [t for t in tasks if t["assignee"].startswith("Sở Giao thông -")]


KE_HOACH = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 301/KH-UBND
An Bình, ngày 05 tháng 12 năm 2025

KẾ HOẠCH
Chuyển đổi số trong quản lý hạ tầng giao thông

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả quản lý hạ tầng giao thông.

II. TỔ CHỨC THỰC HIỆN

1. Sở Xây dựng chủ trì xây dựng cơ sở dữ liệu kết cấu hạ tầng giao thông.

2. Ủy ban nhân dân xã, phường định kỳ kiểm tra, đánh giá tình hình thực hiện trên địa bàn.

3. Trên cơ sở kết quả thực hiện các chỉ tiêu tại Mục I, giao Sở Tài chính thành lập đoàn kiểm tra việc sử dụng kinh phí.

**4. Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải
và logistics trên địa bàn tỉnh**

- Chủ động phối hợp triển khai các nền tảng số phục vụ quản lý hạ tầng.

- Tham gia cung cấp dữ liệu phục vụ chuyển đổi số.

**5. Đề nghị các tổ chức cung cấp dịch vụ chi trả**

a) Tham gia chi trả không dùng tiền mặt trên địa bàn tỉnh;

b) Hướng dẫn người dân mở tài khoản thanh toán.

6. Sở Nội vụ

- Tham mưu khen thưởng tổng kết Kế hoạch.

- Tham mưu đề xuất khen thưởng các tập thể có thành tích xuất sắc.

Trên đây là Kế hoạch chuyển đổi số trong quản lý hạ tầng giao thông. Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo kết quả thực hiện về Sở Xây dựng để tổng hợp./.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn C
"""


def test_a_heading_over_two_lines_names_its_group_whole_with_a_field_after_linh_vuc():
    group = [t for t in _tasks(KE_HOACH) if t["assignee"].startswith("Các doanh nghiệp")]
    assert _units(group) == ["Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải và logistics trên địa bàn tỉnh"]
    assert group[0]["action"].startswith("Chủ động phối hợp triển khai các nền tảng số")
    assert "cung cấp dữ liệu" in group[0]["action"]


def test_a_time_word_after_a_unit_is_no_part_of_its_name():
    communes = [t for t in _tasks(KE_HOACH) if "đánh giá tình hình thực hiện" in t["action"]]
    assert _units(communes) == ["Ủy ban nhân dân xã, phường"]
    assert communes[0]["action"].startswith("định kỳ kiểm tra")


def test_giao_after_a_lead_in_is_a_duty():
    finance = _of(_tasks(KE_HOACH), "Sở Tài chính")
    assert len(finance) == 1 and finance[0]["action"].startswith("thành lập đoàn kiểm tra")


def test_a_request_heading_whose_name_holds_a_verb_takes_its_items():
    asked = [t for t in _tasks(KE_HOACH) if t["assignee"] == "các tổ chức cung cấp dịch vụ chi trả"]
    assert len(asked) == 1 and asked[0]["action"].startswith("(đề nghị)")
    assert "mở tài khoản" in asked[0]["action"]


def test_the_last_items_stop_before_the_closing_paragraph():
    home = _of(_tasks(KE_HOACH), "Sở Nội vụ")
    assert len(home) == 1 and "Trên đây" not in home[0]["action"]
    assert home[0]["action"].rstrip(". ").endswith("thành tích xuất sắc")


def test_a_closing_request_carried_on_by_a_periodic_sentence_is_a_duty():
    closing = [t for t in _tasks(KE_HOACH) if t["assignee"] == "các cơ quan, đơn vị"]
    assert len(closing) == 1
    assert "báo cáo kết quả thực hiện về Sở Xây dựng" in closing[0]["action"]
    assert closing[0]["recurrence"] == "yearly"


CONG_VAN = """CỤC THUẾ
Số: 812/CT-CS
Hà Nội, ngày 03 tháng 12 năm 2025

V/v tiền thuê đất

Kính gửi: Thuế tỉnh An Bình.

Cục Thuế nhận được công văn số 45/TAB của Thuế tỉnh An Bình hỏi về tiền thuê đất.
Đề nghị Thuế tỉnh An Bình đối chiếu với quy định của pháp luật về đất đai để phối hợp với các cơ quan liên quan của tỉnh báo cáo Ủy ban nhân dân tỉnh chỉ đạo thực hiện.
Cục Thuế trả lời để Thuế tỉnh An Bình được biết./.
Nơi nhận:
- Như trên;
- Lưu: VT.
CỤC TRƯỞNG
Phạm Thị D
"""


def test_a_request_in_a_cong_vans_body_with_a_verb_that_ends_a_name():
    asked = _of(_tasks(CONG_VAN), "Thuế tỉnh An Bình")
    assert len(asked) == 1 and asked[0]["action"].startswith("(đề nghị) đối chiếu với quy định")
    assert asked[0]["coordinators"] == ["các cơ quan liên quan của tỉnh"]


CHI_THI = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/CT-UBND
An Bình, ngày 08 tháng 12 năm 2025

CHỈ THỊ
Về tăng cường bảo vệ tài nguyên nước

Để bảo vệ tài nguyên nước, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:

1. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành

a) Phối hợp tuyên truyền quy định về tài nguyên nước.

b) Giao Thanh tra tỉnh tổ chức thanh tra việc khai thác nước dưới đất.

c) Giao Công an tỉnh kịp thời phát hiện và xử lý các hành vi vi phạm pháp luật về tài nguyên nước.

d) Giao Trung tâm Chuyển đổi số Tỉnh cấu hình hệ thống báo cáo trực tuyến về tài nguyên nước.

2. UBND các huyện, thị xã cần huy động mọi lực lượng để kiểm tra các giếng khoan.

3. Chánh Văn phòng UBND tỉnh, Chủ tịch UBND huyện Tây Sơn và ông Nguyễn Văn Em chịu trách nhiệm thi hành Chỉ thị này./.

Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Hồ Văn G
"""


def test_giao_a_unit_then_a_verb_outside_the_list():
    tasks = _tasks(CHI_THI)
    police = _of(tasks, "Công an tỉnh")
    assert len(police) == 1 and police[0]["action"].startswith("kịp thời phát hiện")
    centre = _of(tasks, "Trung tâm Chuyển đổi số Tỉnh")
    assert len(centre) == 1 and centre[0]["action"].startswith("cấu hình hệ thống")


def test_a_modal_after_a_unit_is_no_part_of_its_name():
    districts = [t for t in _tasks(CHI_THI) if "giếng khoan" in t["action"]]
    assert _units(districts) == ["UBND các huyện, thị xã"]
    assert districts[0]["action"].startswith("cần huy động")


def test_a_person_named_with_ong_in_a_closing_list_is_an_assignee_of_his_own():
    closing = _tasks(CHI_THI, "execution")
    assert _units(closing) == ["Chánh Văn phòng UBND tỉnh", "Chủ tịch UBND huyện Tây Sơn", "ông Nguyễn Văn Em"]


THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
Số: 701/TB-VPCP
Hà Nội, ngày 15 tháng 12 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh An Bình

Ngày 10 tháng 12 năm 2025, tại trụ sở Ủy ban nhân dân tỉnh An Bình, Phó Thủ tướng làm việc với tỉnh. Tham dự có đại diện các Bộ: Nội vụ, Tài chính; các cơ quan đang tích cực triển khai các nhiệm vụ được giao. Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:

I. NHIỆM VỤ

1. Ủy ban nhân dân tỉnh phải tập trung thực hiện các nhiệm vụ sau đây:

a) Rà soát, bố trí cán bộ cấp xã phù hợp với năng lực.

b) Sắp xếp các đơn vị sự nghiệp công lập.

II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH

1. Về đề nghị Bộ Nội vụ hướng dẫn cơ cấu tổ chức các phòng chuyên môn cấp xã: Bộ Nội vụ nghiên cứu đề xuất của tỉnh trong quá trình xây dựng văn bản hướng dẫn.

2. Về đề nghị Bộ Tài chính bổ sung kinh phí: Các bộ, ngành trên cơ sở nhiệm vụ được giao, hoàn thiện cơ sở dữ liệu quốc gia, phối hợp với Bộ Công an thực hiện kết nối dữ liệu.

Văn phòng Chính phủ xin thông báo./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Trịnh Văn H
"""


def test_a_restated_request_is_no_duty_the_conclusion_after_its_colon_is():
    tasks = _tasks(THONG_BAO)
    home = _of(tasks, "Bộ Nội vụ")
    assert len(home) == 1 and home[0]["action"].startswith("nghiên cứu đề xuất của tỉnh")
    assert not _of(tasks, "Bộ Tài chính")  # asked for by the province, not given by the conclusion
    ministries = _of(tasks, "Các bộ, ngành")
    assert len(ministries) == 1 and "hoàn thiện cơ sở dữ liệu quốc gia" in ministries[0]["action"]
    assert ministries[0]["coordinators"] == ["Bộ Công an"]


def test_a_conclusions_unit_with_phai_takes_the_items_it_introduces():
    province = _of(_tasks(THONG_BAO), "Ủy ban nhân dân tỉnh")
    assert len(province) == 1
    assert "bố trí cán bộ cấp xã" in province[0]["action"] and "đơn vị sự nghiệp" in province[0]["action"]


def test_the_account_of_the_meeting_gives_no_duty():
    tasks = _tasks(THONG_BAO)
    assert not [t for t in tasks if "đang" in t["assignee"] or t["assignee"].startswith("các cơ quan")]


QUYET_DINH = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 1520/QĐ-UBND
An Bình, ngày 18 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN BÌNH

QUYẾT ĐỊNH:

Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính mới ban hành.

Điều 2. Giao Sở Nông nghiệp và Môi trường xây dựng quy trình nội bộ giải quyết thủ tục hành chính.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm thi hành Quyết định này./.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Võ Văn K

DANH MỤC THỦ TỤC HÀNH CHÍNH

1. Cấp giấy phép thăm dò khoáng sản

Địa điểm thực hiện:
- Trung tâm Phục vụ hành chính công tỉnh:
+ Tòa nhà Trung tâm hành chính, đường Lê Lợi, phường An Bình.
+ Số 12 đường Trần Phú, phường Bình Minh.

IV. KHEN THƯỞNG

a) Chủ tịch Ủy ban nhân dân tỉnh xem xét tặng Bằng khen cho các tập thể có thành tích xuất sắc.
"""


def test_an_address_and_an_award_are_no_duties():
    tasks = _tasks(QUYET_DINH)
    assert not [t for t in tasks if "Tòa nhà" in t["action"] or "đường Trần Phú" in t["action"]]
    assert not [t for t in tasks if "Bằng khen" in t["action"]]
    assert _of(tasks, "Sở Nông nghiệp và Môi trường")  # the decision's own duty is still read


PLAN_WITH_AIMS = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH NAM
Số: 412/KH-UBND
Hòa Bình Nam, ngày 03 tháng 12 năm 2025

KẾ HOẠCH
Triển khai mạng 5G tại các khu công nghiệp

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích**

Phát triển hạ tầng số tại các khu công nghiệp.

**2. Yêu cầu**

- Các doanh nghiệp viễn thông phối hợp các đơn vị liên quan triển khai hiệu quả kế hoạch.

- Các đơn vị liên quan tích cực phối hợp, tạo điều kiện cho các doanh nghiệp viễn thông.

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

Chủ trì theo dõi, đôn đốc các doanh nghiệp viễn thông phủ sóng 5G tại các khu công nghiệp.

**2. Các doanh nghiệp viễn thông**

Xây dựng kế hoạch phủ sóng 5G, gửi Sở Khoa học và Công nghệ trước ngày 31/12/2025.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
"""


def test_a_plans_aims_section_gives_no_duties_its_assignments_do():
    """The bullets of "2. Yêu cầu" under "I. MỤC ĐÍCH, YÊU CẦU" say what the plan expects, in
    the words of duties; the duties are those of its part of assignments."""
    tasks = _tasks(PLAN_WITH_AIMS)
    assert _units(tasks) == ["Sở Khoa học và Công nghệ", "Các doanh nghiệp viễn thông"]
    assert tasks[1]["action"].startswith("Xây dựng kế hoạch phủ sóng 5G") and tasks[1]["deadline"] == "2025-12-31"
