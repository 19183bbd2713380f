"""Each task's kind: a duty given (assignment), a legal text's standing duty of a body
(responsibility), the closing clause (execution), a rule for anyone (obligation)."""
from directives.nlp.extract import extract_text

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 52/KH-UBND
Quảng Ngãi, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026

II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong quý III năm 2026.
2. Các sở, ban, ngành có trách nhiệm tổ chức thực hiện Kế hoạch này.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""

DECREE = """CHÍNH PHỦ
Số: 9/2025/NĐ-CP
Hà Nội, ngày 20 tháng 11 năm 2025

NGHỊ ĐỊNH
Quy định về kho dữ liệu

Điều 5. Trách nhiệm của Bộ Khoa học và Công nghệ
1. Hướng dẫn việc kết nối kho dữ liệu.
Điều 6. Khai thác kho dữ liệu
1. Tổ chức, cá nhân khai thác kho dữ liệu thực hiện bảo mật thông tin theo quy định.
Điều 7. Báo cáo sự cố
1. Cơ sở kinh doanh có trách nhiệm kê khai thuế.
Điều 8. Tổ chức thực hiện
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này.
Nơi nhận:
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 10/QĐ-UBND
Quảng Ngãi, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế quản lý kho dữ liệu

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý kho dữ liệu.
Điều 2. Giao Sở Khoa học và Công nghệ hướng dẫn triển khai Quy chế trước ngày 15/12/2025.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn B

QUY CHẾ
Quản lý kho dữ liệu
(Ban hành kèm theo Quyết định số 10/QĐ-UBND ngày 20/11/2025)

Điều 4. Trách nhiệm của Sở Khoa học và Công nghệ
1. Quản lý, vận hành kho dữ liệu.
"""


def kinds(text):
    return [(t["assignee"], t["kind"]) for t in extract_text(text).tasks]


def test_a_plan_assigns_and_its_closing_clause_executes():
    assert kinds(PLAN) == [("Sở Khoa học và Công nghệ", "assignment"), ("Các sở, ban, ngành", "execution")]


def test_a_decree_gives_standing_duties_rules_for_anyone_and_its_closing_clause():
    found = dict(kinds(DECREE))
    assert found["Bộ Khoa học và Công nghệ"] == "responsibility"
    assert found["Tổ chức, cá nhân khai thác kho dữ liệu"] == "obligation"  # a rule for anyone
    assert found["Cơ sở kinh doanh"] == "responsibility"  # the text says whose it is
    assert found["Các Bộ trưởng"] == "execution"


def test_a_regulation_issued_with_a_decision_is_a_legal_text():
    found = kinds(DECISION)
    assert ("Sở Khoa học và Công nghệ", "assignment") in found  # Điều 2: the decision gives it
    assert ("Giám đốc Sở Tài chính", "execution") in found
    assert found[-1] == ("Sở Khoa học và Công nghệ", "responsibility")  # the Quy chế's article


NUMBERED_AS_LAW = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: {number}
Quảng Ngãi, ngày 20 tháng 11 năm 2025

{title}
Quy định quản lý hành lang đê trên địa bàn tỉnh

Điều 3. Trách nhiệm quản lý
1. Ủy ban nhân dân cấp xã có trách nhiệm quản lý và bảo vệ hành lang đê trên địa bàn.
2. Sở Nông nghiệp và Môi trường chủ trì kiểm tra việc bảo vệ hành lang đê hằng năm.
Điều 4. Tổ chức thực hiện
Giám đốc các sở, Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn B
"""


def test_a_decision_numbered_with_its_year_is_a_legal_text_and_gives_no_assignment():
    # "103/2025/QĐ-UBND": the year in the number marks a văn bản quy phạm pháp luật; its duties stand
    legal = dict(kinds(NUMBERED_AS_LAW.format(number="103/2025/QĐ-UBND", title="QUYẾT ĐỊNH")))
    assert legal["Ủy ban nhân dân cấp xã"] == "responsibility"
    assert legal["Sở Nông nghiệp và Môi trường"] == "responsibility"
    assert "assignment" not in legal.values()
    # the same words under an administrative number ("103/QĐ-UBND") are duties given
    given = dict(kinds(NUMBERED_AS_LAW.format(number="103/QĐ-UBND", title="QUYẾT ĐỊNH")))
    assert given["Sở Nông nghiệp và Môi trường"] == "assignment"
    # a council's resolution numbered so is a legal text too; a chỉ thị stays a directive
    resolution = dict(kinds(NUMBERED_AS_LAW.format(number="55/2025/NQ-HĐND", title="NGHỊ QUYẾT")))
    assert resolution["Sở Nông nghiệp và Môi trường"] == "responsibility"
    directive = dict(kinds(NUMBERED_AS_LAW.format(number="22/2008/CT-UBND", title="CHỈ THỊ")))
    assert directive["Sở Nông nghiệp và Môi trường"] == "assignment"


PROCEDURES = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 2665/QĐ-UBND
Quảng Ngãi, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc công bố thủ tục hành chính nội bộ lĩnh vực công tác dân tộc

Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ lĩnh vực công tác dân tộc.
Điều 2. Giao Sở Dân tộc và Tôn giáo cập nhật thủ tục lên Hệ thống thông tin giải quyết thủ tục hành chính trước ngày 15/12/2025.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Dân tộc và Tôn giáo chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Khởi

THỦ TỤC HÀNH CHÍNH NỘI BỘ LĨNH VỰC CÔNG TÁC DÂN TỘC
(Kèm theo Quyết định số 2665/QĐ-UBND ngày 20 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)

Phần II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH

1. Phê duyệt danh sách thôn đặc biệt khó khăn
a) Trình tự thực hiện
Bước 1: Ủy ban nhân dân cấp xã có trách nhiệm rà soát số liệu, gửi Sở Dân tộc và Tôn giáo trong thời hạn 15 ngày làm việc.
Bước 2: Sở Dân tộc và Tôn giáo chủ trì thẩm định hồ sơ, trình Ủy ban nhân dân tỉnh phê duyệt.
b) Cách thức thực hiện: qua Hệ thống quản lý văn bản.
"""


def test_the_procedures_a_decision_publishes_are_no_work_given():
    # Điều 2 gives work; the published procedure's steps stand while it is in force (its annex)
    found = kinds(PROCEDURES)
    assert ("Sở Dân tộc và Tôn giáo", "assignment") in found
    steps = [kind for unit, kind in found[found.index(("Sở Dân tộc và Tôn giáo", "assignment")) + 1 :] if kind != "execution"]
    assert steps and set(steps) == {"responsibility"}
    assert ("Ủy ban nhân dân cấp xã", "responsibility") in found


def test_the_command_line_shows_assignments_unless_asked(tmp_path):
    from click.testing import CliRunner

    from directives.cli import cli
    from directives.db.store import Store
    from directives.run import ingest

    path = tmp_path / "qd-10.txt"
    path.write_text(DECISION, encoding="utf-8")
    db = str(tmp_path / "t.db")
    ingest(Store.open(db), [str(path)], jobs=1)
    assigned = CliRunner().invoke(cli, ["tasks", "so khoa hoc", "--db", db])
    assert assigned.exit_code == 0, assigned.output
    assert "hướng dẫn triển khai Quy chế" in assigned.output and "vận hành kho dữ liệu" not in assigned.output
    every = CliRunner().invoke(cli, ["tasks", "so khoa hoc", "--db", db, "--kind", "all"])
    assert "vận hành kho dữ liệu" in every.output
    none = CliRunner().invoke(cli, ["tasks", "so tai chinh", "--db", db])  # only its closing clause
    assert none.exit_code == 1 and "--kind all" in none.output
