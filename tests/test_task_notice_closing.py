"""A thông báo's closing line names those informed, not units given work; a district office
typed "phòng" in lower case keeps a name whose words are capitalised verbs ("phòng Quản lý đô
thị"). Documents written here in the layout of real ones."""
from tests.task_reading import assignees, tasks_read

NOTICE = """SỞ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 05/TB-STTTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 06 tháng 3 năm 2024

THÔNG BÁO
Kết luận của Giám đốc Sở tại hội nghị giao ban tháng 02/2024

Ngày 05/3/2024, Giám đốc Sở chủ trì hội nghị giao ban. Giám đốc Sở kết luận như sau:

1. Văn phòng Sở: Đôn đốc các phòng, đơn vị thực hiện kế hoạch công tác tháng 3/2024.

2. Thanh tra Sở: Hoàn thành kế hoạch thanh tra năm 2024 trước ngày 15/3/2024.

Văn phòng Sở thông báo để các phòng, đơn vị, các tổ chức, đoàn thể căn cứ triển khai thực hiện./.
"""

DISTRICT_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN BẢO THẮNG
Số: 48/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bảo Thắng, ngày 12 tháng 4 năm 2024

KẾ HOẠCH
Chỉnh trang đô thị năm 2024

1. Giao phòng Quản lý đô thị huyện rà soát quy hoạch các thị trấn, hoàn thành trong quý II/2024.

2. Giao phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện.
"""


def test_the_notice_s_closing_line_gives_no_task():
    names = assignees(tasks_read(NOTICE))
    assert names == ["Văn phòng Sở", "Thanh tra Sở"]


def test_a_lower_case_phong_keeps_its_capitalised_name():
    names = assignees(tasks_read(DISTRICT_PLAN))
    assert "Phòng Quản lý đô thị huyện" in names
    assert "Phòng" not in names
