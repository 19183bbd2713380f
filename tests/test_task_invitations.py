"""A programme's invitation lists are no duties (sixteenth part). A kế hoạch that receives a
delegation, or a giấy mời, sets out its timed steps, each with who attends: "Thành phần, trân
trọng kính mời:" or "Trân trọng kính mời:" then dashes of posts and bodies ("- Đồng chí ..., Tỉnh
ủy viên, Phó Chủ tịch UBND tỉnh;"). Those dashes only say who is invited; the duties come in
the part that assigns work ("2. Phân công nhiệm vụ"), where a logistics line ("Văn phòng UBND
tỉnh bố trí 01 xe ...") is a duty. Seen in unseen12's KH 418 and unseen9's conference plans."""
from tests.task_reading import tasks_read

PROGRAMME = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG BÌNH
Số: 215/KH-UBND
Quảng Bình, ngày 05 tháng 9 năm 2023

KẾ HOẠCH
Làm việc với Đoàn công tác của Bộ Nông nghiệp và Phát triển nông thôn

Ngày 12/9/2023, Đoàn công tác của Bộ Nông nghiệp và Phát triển nông thôn làm việc tại tỉnh về
tình hình thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới. Ủy ban nhân dân tỉnh
thông báo Kế hoạch đón và làm việc với Đoàn như sau:
1. Chương trình làm việc
08h00 ngày 12/9/2023: Đoàn kiểm tra thực địa tại xã Quảng Phú, huyện Quảng Trạch.
Thành phần tham gia, trân trọng kính mời:
- Đồng chí Trần Văn An, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo nông thôn
mới tỉnh;
- Trưởng ban Chỉ đạo xây dựng nông thôn mới huyện, Chủ tịch UBND huyện, đại diện lãnh đạo:
Phòng Nông nghiệp và PTNT, Văn phòng Điều phối nông thôn mới huyện Quảng Trạch;
14h00 ngày 12/9/2023: Đoàn làm việc với lãnh đạo tỉnh tại Hội trường tầng 2.
Trân trọng kính mời:
- Đại diện Lãnh đạo các Sở: Kế hoạch và Đầu tư, Tài chính, Nông nghiệp và Phát triển nông thôn;
- Đồng chí Lê Thị Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh.
2. Phân công nhiệm vụ
- Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp các ngành liên quan chuẩn bị báo
cáo tình hình thực hiện Chương trình, gửi Văn phòng UBND tỉnh trước ngày 10/9/2023.
- Văn phòng UBND tỉnh bố trí 01 xe 16 chỗ phục vụ Đoàn trong thời gian làm việc tại tỉnh.
- UBND huyện Quảng Trạch chỉ đạo xã Quảng Phú chuẩn bị địa điểm, dẫn Đoàn đi kiểm tra thực địa.
Kế hoạch này thay cho giấy mời; đề nghị các cơ quan, đơn vị dự làm việc đầy đủ, đúng thành
phần và thời gian./.
Nơi nhận:
- Như thành phần mời dự;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn An
"""


def test_an_invitation_list_gives_no_duty():
    units = [t["assignee"] for t in tasks_read(PROGRAMME)]
    # the dashes under "Thành phần tham gia, trân trọng kính mời:" and "Trân trọng kính mời:"
    assert not [u for u in units if "Tỉnh ủy viên" in u or "Trưởng ban" in u or "Phó Chủ tịch" in u or "Lãnh đạo" in u]
    # the part that assigns work keeps its duties, the logistics line among them
    assert "Sở Nông nghiệp và Phát triển nông thôn" in units
    assert "Văn phòng UBND tỉnh" in units
    assert "UBND huyện Quảng Trạch" in units
