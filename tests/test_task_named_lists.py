"""Units named in lists and headings (issue 21): a list of named bodies after their kind ("các Tập
đoàn: A, B, C", "Các Bộ, cơ quan: Tài chính, ..., Văn hóa, Thể thao và Du lịch, ..., Tập đoàn Điện
lực Việt Nam"), as a thông báo kết luận writes them (Nghị định 30/2020/NĐ-CP's layout): one task per
named body, its name made whole, as a công điện's "Bộ trưởng các Bộ: ..." gives; a plan's heading
of two units over a web page's bold number; posts listed before their duty; names that ran into an
adverb or stopped at "hàng không"; and a project's lead ("do Bộ Công an chủ trì"), no duty."""
from directives.ingest import read_document
from directives.nlp.extract import extract_text
from tests.task_reading import assignees as _units, tasks_read as _tasks

THONG_BAO = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 702/TB-VPCP
Hà Nội, ngày 03 tháng 12 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH LÀO CAI
Ngày 20 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh Lào Cai. Cùng
dự có lãnh đạo các Bộ, cơ quan: Tài chính, Xây dựng và các Tập đoàn: Điện lực Việt Nam, Bưu chính
Viễn thông Việt Nam. Sau khi nghe báo cáo, Phó Thủ tướng Chính phủ kết luận như sau:
1. Các Bộ, cơ quan: Tài chính, Xây dựng, Nông nghiệp
và Môi trường, Văn hóa, Thể thao và Du lịch, Ngoại giao, Tập đoàn Điện lực Việt Nam theo chức
năng, nhiệm vụ được giao khẩn trương rà soát việc thực hiện ý kiến chỉ đạo của Thủ tướng Chính
phủ, báo cáo Thủ tướng Chính phủ trước ngày 05 tháng 12 năm 2025.
2. Về hạ tầng viễn thông vùng lõm sóng: đề nghị các Tập
đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức
triển khai thực hiện theo quy định, hoàn thành trong tháng 12 năm 2025.
3. Các Bộ, cơ quan liên quan và các Tập đoàn: Công
nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính Viễn thông Việt Nam theo chức năng, nhiệm vụ
và thẩm quyền, phối hợp chặt chẽ với Tỉnh xử lý các kiến nghị của Tỉnh.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Các Bộ: TC, XD, NNMT, VHTTDL, NG;
- Lưu: VT, QHĐP.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn C
"""


def test_each_body_a_list_after_its_kind_names_has_the_duty():
    tasks = _tasks(THONG_BAO)
    assert _units(tasks) == [
        "Bộ Tài chính",
        "Bộ Xây dựng",
        "Bộ Nông nghiệp và Môi trường",
        "Bộ Văn hóa, Thể thao và Du lịch",  # the commas inside a ministry's name
        "Bộ Ngoại giao",  # ("giao" is no verb here)
        "Tập đoàn Điện lực Việt Nam",  # listed with its own head
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "Các Bộ, cơ quan liên quan",
        "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
    ]
    first = tasks[0]
    assert first["action"].startswith("theo chức năng, nhiệm vụ được giao khẩn trương rà soát")
    assert first["deadline_text"] == "trước ngày 05 tháng 12 năm 2025"
    assert tasks[6]["action"].startswith("(đề nghị) tổ chức triển khai thực hiện")
    assert tasks[6]["deadline_text"] == "trong tháng 12 năm 2025"
    assert tasks[-1]["coordinators"] == ["Tỉnh"]
    # the account of the meeting names bodies too, and gives none of them a duty
    assert all("rà soát" in t["action"] or "triển khai" in t["action"] or "phối hợp" in t["action"] for t in tasks)


AVIATION = THONG_BAO.split("1. Các Bộ, cơ quan:")[0] + """1. Về Dự án nhà ga hành khách: đề nghị:
(i) Tổng công ty Cảng hàng không Việt Nam báo cáo Thủ tướng Chính phủ về phương án khai thác
trước ngày 20 tháng 12 năm 2025.
(ii) Cục Đường bộ Việt Nam hướng dẫn Chủ đầu tư các thủ tục cấp phép.
2. Ủy ban nhân dân tỉnh Lào Cai không để chậm tiến độ giải phóng mặt bằng.
3. Ngân hàng không giải ngân đối với hạng mục chưa được nghiệm thu.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn C
"""


def test_hang_khong_is_aviation_not_a_negation():
    # (in a proper name only: "Ngân hàng không giải ngân ..." says what a bank does not do)
    tasks = _tasks(AVIATION)
    assert _units(tasks) == ["Tổng công ty Cảng hàng không Việt Nam", "Cục Đường bộ Việt Nam"]
    assert tasks[0]["deadline_text"] == "trước ngày 20 tháng 12 năm 2025"


KE_HOACH = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 160/KH-UBND
Cần Thơ, ngày 05 tháng 12 năm 2025

KẾ HOẠCH
Triển khai công tác phòng, chống ma túy năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả công tác phòng, chống ma túy của các cấp, các ngành.
II. TỔ CHỨC THỰC HIỆN

**1**. Các sở, ban, ngành
thành phố và Ủy ban nhân dân xã, phường:

a) Căn cứ chức năng và nhiệm vụ được giao tại Kế hoạch này, xây dựng kế hoạch cụ thể, gửi kế
hoạch về Ủy ban nhân dân thành phố trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này.

b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố.

**2**. Công an thành phố:

a) Chủ trì, phối hợp với các sở, ngành triển khai các biện pháp phòng ngừa.

b) Tổ chức triển khai thực hiện
các nội dung, nhiệm vụ các dự án, tiểu dự án do Bộ Công an chủ trì theo chức
năng, nhiệm vụ được giao (khi Bộ Công an triển khai).

**3**. Chủ tịch Ủy ban nhân dân xã, phường trực tiếp chỉ đạo công tác phòng, chống ma túy trên
địa bàn; cơ quan trực tiếp quản lý người nghiện có trách nhiệm báo cáo hằng tháng.

**4**. Hội nghị tổng kết do Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các sở tổ chức
trong quý I năm 2026./.

Nơi nhận:
- Sở, ban, ngành TP;
- UBND xã, phường;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn D
"""


def test_a_plan_heading_of_two_units_gives_each_its_items(tmp_path):
    # a web page's Markdown, read as the corpus is read: its bold numbers come out as " 1 . "
    page = tmp_path / "KH__160-KH-UBND.md"
    page.write_text(KE_HOACH, encoding="utf-8")
    tasks = [t for t in extract_text(read_document(str(page), ocr="never").text).tasks]
    assert _units(tasks) == _units(_tasks(KE_HOACH))  # and as a plain text with its emphasis
    assert _units(tasks) == [
        "Các sở, ban, ngành thành phố",
        "Ủy ban nhân dân xã, phường",
        "Công an thành phố",  # and no "Bộ Công an": "do Bộ Công an chủ trì" says who leads a project
        "Chủ tịch Ủy ban nhân dân xã, phường",
        "Cơ quan trực tiếp quản lý người nghiện",
        "Sở Văn hóa, Thể thao và Du lịch",  # the agent of its sentence's passive: its duty
    ]
    both = tasks[:2]
    assert all("xây dựng kế hoạch cụ thể" in t["action"] and "báo cáo kết quả" in t["action"] for t in both)
    assert tasks[3]["action"].startswith("trực tiếp chỉ đạo")  # an adverb, not part of the post


POSTS = THONG_BAO.split("1. Các Bộ, cơ quan:")[0] + """1. Về Dự án bệnh viện:
(1) Bộ Y tế khẩn trương hoàn thiện hồ sơ dự án, báo cáo Thủ tướng Chính phủ.
(2) Đồng chí Bộ trưởng Bộ Y tế, Thứ trưởng Bộ Y tế
phụ trách lĩnh vực tiếp tục bám sát tình hình thực tế; trực tiếp chỉ đạo rà soát kỹ tiến độ các
công việc còn lại.
2. Giao đồng chí Bộ trưởng Bộ Tài chính trực tiếp chỉ đạo bố trí vốn cho dự án.
Văn phòng Chính phủ thông báo để các bộ, cơ quan và địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, KGVX.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn C
"""


def test_posts_listed_before_their_duty_each_have_it():
    tasks = _tasks(POSTS)
    assert _units(tasks) == ["Bộ Y tế", "Bộ trưởng Bộ Y tế", "Thứ trưởng Bộ Y tế phụ trách lĩnh vực", "Bộ trưởng Bộ Tài chính"]
    assert tasks[1]["action"] == tasks[2]["action"]
    assert tasks[2]["action"].startswith("tiếp tục bám sát tình hình thực tế; trực tiếp chỉ đạo rà soát")
    assert tasks[3]["action"].startswith("trực tiếp chỉ đạo bố trí vốn")
