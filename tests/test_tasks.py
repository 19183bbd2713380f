"""Tasks: who must do what by when, and what derives from a decision."""
import sqlite3

from click.testing import CliRunner

from directives.cli import cli
from directives.db.organizations import canonical
from directives.db.store import Store
from directives.run import ingest
from directives.nlp.extract import extract_text
from directives.nlp.items import find_items
from directives.nlp.tasks import find_deadline, find_tasks

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 31/KH-UBND
Quảng Ngãi, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Phòng, chống thiên tai năm 2025

Thực hiện Quyết định số 15/QĐ-UBND ngày 20/3/2025 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC TIÊU
Bảo đảm an toàn cho người dân.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
- Chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tổng hợp nhu cầu kinh phí.
- Báo cáo UBND tỉnh trước ngày 15/12/2025.
2. Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch hằng năm.
3. Giao Công an tỉnh chủ trì bảo đảm an ninh trật tự trong 30 ngày kể từ ngày ký.
4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn tham gia tuyên truyền.
5. Các đơn vị phải chấp hành nghiêm quy định.
Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở Nông nghiệp và Môi trường.
Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""


def tasks_by_unit():
    fields = extract_text(PLAN)
    return fields, {t["assignee"]: t for t in fields.tasks}


def test_one_task_per_unit_per_duty_clause():
    _, tasks = tasks_by_unit()
    assert set(tasks) == {
        "Sở Nông nghiệp và Môi trường",
        "Sở Tài chính",
        "Công an tỉnh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Tỉnh đoàn",
        "Chánh Văn phòng UBND tỉnh",
        "Giám đốc Sở Tài chính",
        "Giám đốc Sở Xây dựng",
        "Chủ tịch UBND các xã, phường",
        "các tổ chức, cá nhân có liên quan",
    }
    # not tasks: a plain obligation ("phải chấp hành"), "nếu có vướng mắc ... phản ánh"


def test_actions_coordinators_sections_and_deadlines():
    _, tasks = tasks_by_unit()
    lead = tasks["Sở Nông nghiệp và Môi trường"]
    assert lead["section"] == "II.1"
    assert lead["coordinators"] == ["Sở Tài chính", "các cơ quan liên quan"]
    assert lead["deadline"] == "2025-12-15" and lead["deadline_text"] == "trước ngày 15/12/2025"
    finance = tasks["Sở Tài chính"]
    assert finance["action"].startswith("tham mưu bố trí kinh phí")
    assert finance["deadline"] is None and finance["deadline_text"] == "hằng năm"
    police = tasks["Công an tỉnh"]
    assert police["deadline"] == "2025-04-09"  # 30 days from the date of signing, 10/3/2025
    assert tasks["Tỉnh đoàn"]["action"].startswith("(đề nghị)")
    assert tasks["Chủ tịch UBND các xã, phường"]["group"] is True
    assert tasks["Giám đốc Sở Xây dựng"]["action"] == "chịu trách nhiệm thi hành Quyết định này"


def test_unit_lists_qualifiers_and_closing_articles_in_their_real_shapes():
    text = """II. NHIỆM VỤ
1. Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường tổ chức niêm yết công khai danh mục.
2. Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ được giao chủ trì bảo đảm an toàn.
3. Đề nghị Văn phòng Tỉnh ủy và Ủy ban Kiểm tra Tỉnh ủy tăng cường công tác bảo vệ bí mật.
4. Sở Xây dựng: chỉ đạo Trung tâm Quy hoạch thực hiện các nội dung sau:
- Lập dự toán kinh phí.
- Tổ chức đánh giá kết quả; báo cáo UBND tỉnh trước ngày 15/12/2026.
Điều 5. Trách nhiệm thi hành
Các Bộ trưởng, người đứng đầu tổ chức chính trị - xã hội và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.
"""
    tasks = {t.assignee: t for t in find_tasks(text)}
    assert set(tasks) == {
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "Bộ Quốc phòng",
        "Bộ Công an",
        "Văn phòng Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Sở Xây dựng",
        "Các Bộ trưởng",
        "Người đứng đầu tổ chức chính trị - xã hội",
        "Tổ chức, cá nhân có liên quan",
    }
    assert tasks["Chủ tịch Ủy ban nhân dân các xã, phường"].action.startswith("tổ chức niêm yết")
    assert tasks["Bộ Công an"].section == "II.2"
    # the bullets after "thực hiện các nội dung sau:" are the Sở's duty, deadline included
    assert "Lập dự toán kinh phí" in tasks["Sở Xây dựng"].action
    assert tasks["Sở Xây dựng"].deadline == "2026-12-15"
    assert tasks["Các Bộ trưởng"].action == "chịu trách nhiệm thi hành Nghị định này"


def test_items_carry_their_section_path():
    items = find_items("I. A\n1. B\na) C\n- D\n2. E\nII. F\n")
    assert [i.path for i in items] == ["I", "I.1", "I.1.a", "I.1.a", "I.2", "II"]


def test_deadlines_in_words_keep_their_text():
    assert find_deadline("hoàn thành trước tháng 12/2025") == (None, "trước tháng 12/2025")
    assert find_deadline("báo cáo trong quý IV") == (None, "trong quý IV")
    assert find_deadline("trình trước ngày 05 tháng 01 năm 2026") == ("2026-01-05", "trước ngày 05 tháng 01 năm 2026")
    assert find_deadline("trong 15 ngày kể từ ngày ký", "2025-01-01") == ("2025-01-16", "trong 15 ngày kể từ ngày ký")


def test_organizations_are_canonical_with_the_locality_of_the_document():
    qn = ("tỉnh", "Quảng Ngãi")
    assert canonical("UBND tỉnh", qn).key == canonical("Ủy ban nhân dân tỉnh", qn).key == canonical("UBND Tỉnh", qn).key
    assert canonical("Sở Tài chính", ("tỉnh", "Đắk Lắk")).name == "Sở Tài chính tỉnh Đắk Lắk"
    assert canonical("Bộ Tài chính", qn).name == "Bộ Tài chính"
    assert canonical("các sở, ban, ngành", qn).group and not canonical("Sở Y tế", qn).group
    assert canonical("Văn phòng Sở", qn, "Sở Công Thương tỉnh Quảng Ngãi").name == "Văn phòng Sở Công Thương tỉnh Quảng Ngãi"
    # a Sở by its initials, as a plan's table writes it, is the Sở
    ht = ("tỉnh", "Hà Tĩnh")
    assert canonical("Sở TTTT", ht).key == canonical("Sở TT&TT", ht).key == canonical("Sở Thông tin và Truyền thông", ht).key
    assert canonical("Sở KH&ĐT", ht).name == "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh"
    assert canonical("Sở LĐ-TB&XH", ht).name == "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh"
    assert canonical("Sở Lao động - Thương binh và Xã hội", ht).name == "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh"
    assert canonical("Sở ABC", ht).name == "Sở ABC tỉnh Hà Tĩnh"  # initials no Sở has: as written


def test_derived_tasks_through_the_chain_and_of_one_unit(tmp_path):
    plan = tmp_path / "kh-31.txt"
    plan.write_text(PLAN, encoding="utf-8")
    db = str(tmp_path / "t.db")
    ingest(Store.open(db), [str(plan)], jobs=1)
    with sqlite3.connect(db) as conn:
        orgs = dict(conn.execute("select name, is_group from organizations"))
        assert orgs["Sở Tài chính tỉnh Quảng Ngãi"] == 0
        issuer = conn.execute("select o.name from documents d join organizations o on o.id = d.issuer_id where d.symbol = '31/KH-UBND'").fetchone()
        assert issuer == ("Ủy ban nhân dân tỉnh Quảng Ngãi",)
    # from the decision the plan implements (a placeholder), down to the plan's tasks
    result = CliRunner().invoke(cli, ["trace", "15/QĐ-UBND", "--down", "--tasks", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi" in result.output and "Công an tỉnh Quảng Ngãi" in result.output
    # one unit's tasks: overdue first, then by deadline
    result = CliRunner().invoke(cli, ["tasks", "cong an tinh quang ngai", "--db", db])
    assert result.exit_code == 0 and result.output.startswith("QUÁ HẠN [09/04/2025] Công an tỉnh Quảng Ngãi")


def test_coordinators_are_cut_into_units_as_assignees_are():
    # "và" and "," inside a unit's name or a group do not cut it: only another unit's head does
    text = (
        "1. Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch, "
        "Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị có liên quan bố trí kinh phí thực hiện Kế hoạch.\n"
    )
    (task,) = find_tasks(text)
    assert task.assignee == "Sở Tài chính"
    assert task.coordinators == [
        "Sở Khoa học và Công nghệ",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Ủy ban nhân dân các xã, phường",
        "các cơ quan, đơn vị có liên quan",
    ]


def test_a_duty_stops_at_the_signature_block():
    # the closing article, then the signature block without "./." or a Nơi nhận between them
    text = (
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này.\n"
        "**TM. ỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n\nNguyễn Văn An\n"
    )
    tasks = find_tasks(text)
    assert [t.assignee for t in tasks] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tài chính"]
    assert all(t.action == "chịu trách nhiệm thi hành Quyết định này" for t in tasks)


def test_a_heading_naming_units_then_its_paragraph():
    # offices often put the unit alone on the heading's line, its duty in the paragraph under it
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "**1. Sở Văn hóa, Thể thao và Du lịch**\n\n"
        "Sở Văn hóa, Thể thao và Du lịch hướng dẫn các cơ quan báo chí tuyên truyền Kế hoạch.\n\n"
        "**2. Sở Khoa học và Công nghệ, Sở Nội vụ**\n\n"
        "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn.\n\n"
        "**3. Trách nhiệm của các cơ quan, đơn vị, địa phương**\n\n"
        "Các cơ quan, đơn vị, địa phương có trách nhiệm thực hiện tốt Kế hoạch này.\n"
    )
    tasks = find_tasks(text)
    assert [(t.assignee, t.action) for t in tasks] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "hướng dẫn các cơ quan báo chí tuyên truyền Kế hoạch"),
        ("Sở Khoa học và Công nghệ", "chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn"),
        ("Các cơ quan, đơn vị, địa phương", "có trách nhiệm thực hiện tốt Kế hoạch này"),
    ]
    assert tasks[1].coordinators == ["Sở Nội vụ"]


def test_a_heading_that_names_a_group_by_what_its_members_do():
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "**2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình**\n\n"
        "- Phê duyệt kế hoạch giám sát, đánh giá.\n"
        "- Gửi báo cáo về Sở Tài chính trước ngày 15/12/2025.\n"
        "**3. Các sở, ban, ngành chủ trì thực hiện các nhiệm vụ sau**\n"
        "- Rà soát các dự án.\n"
    )
    tasks = find_tasks(text)
    assert tasks[0].assignee == "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình"
    assert tasks[0].action.startswith("Phê duyệt kế hoạch giám sát, đánh giá")
    assert tasks[0].deadline == "2025-12-15"
    assert tasks[1].assignee == "Các sở, ban, ngành"  # a duty that introduces its items, not a group's name


def test_a_resolution_closes_with_duties_not_with_its_adoption_line():
    text = (
        "**Điều 2.** Tổ chức thực hiện\n\n"
        "1. Giao Ủy ban nhân dân tỉnh xây dựng kế hoạch và tổ chức thực hiện Nghị quyết này.\n\n"
        "2. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.\n\n"
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa XIII, kỳ họp thứ 28 thông qua ngày 10 tháng 01 năm 2025./.\n"
        "3. Phòng Bưu chính chủ trì, phối hợp với các doanh nghiệp viễn thông khảo sát các thôn chưa có sóng.\n"
    )
    tasks = find_tasks(text)
    assert [(t.assignee, t.action) for t in tasks[:2]] == [
        ("Ủy ban nhân dân tỉnh", "xây dựng kế hoạch và tổ chức thực hiện Nghị quyết này"),
        ("Thường trực Hội đồng nhân dân tỉnh", "giám sát việc thực hiện Nghị quyết này"),
    ]
    assert tasks[2].coordinators == ["các doanh nghiệp viễn thông"]
