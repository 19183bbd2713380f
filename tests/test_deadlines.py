"""Deadlines in every form a plan writes them, and "overdue" as past the last day allowed."""
import asyncio
import sqlite3

import pytest
from click.testing import CliRunner

from directives.cli import cli
from directives.db import trace
from directives.db.store import Store
from directives.run import ingest
from directives.nlp.deadlines import read_deadline, settle

ISSUED = "2025-11-20"  # a Thursday


@pytest.mark.parametrize(
    "words, deadline, due_by, recurrence",
    [
        ("Quý III năm 2026", None, "2026-09-30", None),
        ("Quý IV/2025 - Quý II/2026", None, "2026-06-30", None),
        ("Tháng 12/2025", None, "2025-12-31", None),
        ("Tháng 11-12/2025", None, "2025-12-31", None),
        ("Năm 2026", None, "2026-12-31", None),
        ("Năm 2025 - 2026", None, "2026-12-31", None),
        ("6 tháng đầu năm 2026", None, "2026-06-30", None),
        ("trước tháng 12/2025", None, "2025-11-30", None),
        ("trước quý II/2026", None, "2026-03-31", None),
        # "quí", the older spelling that district offices still type
        ("Quí III năm 2026", None, "2026-09-30", None),
        ("trước quí II/2026", None, "2026-03-31", None),
        ("Trước ngày 30/11/2025", "2025-11-30", "2025-11-30", None),
        ("Từ 01/10/2025 đến 31/12/2025", None, "2025-12-31", None),
        ("trong 15 ngày kể từ ngày ký", "2025-12-05", "2025-12-05", None),
        # Thursday + 3 working days: Friday, Monday, Tuesday
        ("trong 03 ngày làm việc kể từ ngày ký", "2025-11-25", "2025-11-25", None),
        ("trong 03 ngày làm việc", None, None, None),  # counted from a day the text does not give
        ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ", None, None, None),
        ("trước ngày 15 hằng tháng", None, None, "monthly"),
        ("định kỳ 6 tháng", None, None, "every 6 months"),
        ("tối thiểu 06 tháng một lần", None, None, "every 6 months"),
        ("Định kỳ hằng quý", None, None, "quarterly"),
        ("Hàng quí", None, None, "quarterly"),
        ("Thường xuyên", None, None, "standing"),
        ("Hằng năm", None, None, "yearly"),
        ("trước ngày 25/12 hàng năm", None, None, "yearly"),
        ("Năm 2025 và các năm tiếp theo", None, None, "yearly"),
        ("trong tháng 12", None, "2025-12-31", None),  # the year of issue
        ("Theo tiến độ của Bộ", None, None, None),
        # a start is no last day; a range ends with the period or the year after "đến"
        ("Từ quý III/2026", None, None, None),
        ("Từ năm 2026", None, None, None),
        ("Từ quý I/2026 đến hết năm 2026", None, "2026-12-31", None),
        ("Từ tháng 3 đến tháng 6/2026", None, "2026-06-30", None),
        ("Giai đoạn 2026-2030", None, "2030-12-31", None),
    ],
)
def test_each_deadline_form(words, deadline, due_by, recurrence):
    found = settle(words, ISSUED)
    assert (found.deadline, found.due_by, found.recurrence) == (deadline, due_by, recurrence)
    assert found.text == words  # the words are kept as printed


def test_deadlines_are_found_in_running_text():
    found = read_deadline("Sở Y tế tổng hợp, báo cáo UBND tỉnh trước ngày 15 hằng tháng.", ISSUED)
    assert (found.text, found.recurrence, found.due_by) == ("trước ngày 15 hằng tháng", "monthly", None)
    found = read_deadline("hoàn thành trong quý III năm 2026; báo cáo kết quả", ISSUED)
    assert (found.text, found.due_by) == ("trong quý III năm 2026", "2026-09-30")
    found = read_deadline("Thời gian hoàn thành trong quí III năm 2026.", ISSUED)
    assert (found.text, found.due_by) == ("trong quí III năm 2026", "2026-09-30")
    found = read_deadline("trình UBND tỉnh chậm nhất ngày 05/01/2026.", ISSUED)
    assert (found.deadline, found.due_by) == ("2026-01-05", "2026-01-05")
    # a year the clause speaks of is no deadline
    assert read_deadline("Kế hoạch phát triển năm 2026 của tỉnh", ISSUED).text is None


PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 52/KH-UBND
Quảng Ngãi, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026

II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong quý III năm 2026.
2. Sở Khoa học và Công nghệ chủ trì rà soát hạ tầng mạng, hoàn thành trước tháng 12/2025.
3. Sở Khoa học và Công nghệ chủ trì tổng hợp, báo cáo UBND tỉnh trước ngày 15 hằng tháng.
4. Sở Khoa học và Công nghệ chủ trì hướng dẫn các xã triển khai nền tảng số, hoàn thành trong tháng 12/2025.
5. Sở Khoa học và Công nghệ chủ trì tham mưu tổ chức hội nghị sơ kết.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""


def test_overdue_is_past_due_by_and_tasks_sort_by_it(tmp_path):
    path = tmp_path / "kh-52.txt"
    path.write_text(PLAN, encoding="utf-8")
    db = str(tmp_path / "t.db")
    ingest(Store.open(db), [str(path)], jobs=1)
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("select section, due_by from tasks"))
        assert stored["II.1"] == "2026-09-30" and stored["II.2"] == "2025-11-30" and stored["II.4"] == "2025-12-31"
        assert conn.execute("select recurrence from tasks where section = 'II.3'").fetchone() == ("monthly",)
        rows = trace.tasks_of_unit(conn, "so khoa hoc va cong nghe", today="2026-01-10")
    assert [r.section for r in rows] == ["II.2", "II.4", "II.1", "II.3", "II.5"]
    assert [r.overdue for r in rows] == [True, True, False, False, False]
    lines = trace.render_tasks(rows)
    assert lines[0].startswith("QUÁ HẠN [hạn cuối 30/11/2025: trước tháng 12/2025] Sở Khoa học và Công nghệ")
    assert lines[3].startswith("[hằng tháng: trước ngày 15 hằng tháng]")
    assert lines[4].startswith("[không có hạn]")
    # the command line gives the same order (today's date: every dated task here is in 2025-2026)
    result = CliRunner().invoke(cli, ["tasks", "so khoa hoc", "--db", db])
    assert result.exit_code == 0, result.output
    assert "[hạn cuối 30/09/2026: trong quý III năm 2026]" in result.output


def test_datasette_queries_sort_by_due_by(tmp_path):
    from datasette.app import Datasette

    path = tmp_path / "kh-52.txt"
    path.write_text(PLAN, encoding="utf-8")
    db = tmp_path / "t.db"
    ingest(Store.open(str(db)), [str(path)], jobs=1)
    ds = Datasette([str(db)])
    response = asyncio.run(ds.client.get("/t/unit_tasks.json", params={"unit": "so khoa hoc", "_shape": "objects"}))
    rows = response.json()["rows"]
    assert [r["section"] for r in rows][:2] == ["II.2", "II.4"]  # both past due_by by now (2025)
    assert rows[0]["due_by"] == "2025-11-30" and rows[0]["overdue"] == 1
    assert {r["recurrence"] for r in rows} >= {"monthly"}


# A day bounds a duty only where the words say so, and never before the document's own date.
@pytest.mark.parametrize(
    "clause, text, due_by, recurrence",
    [
        # a condition: the day the land was used, a plan already approved
        ("Sở Tài nguyên và Môi trường cấp giấy chứng nhận cho hộ đã sử dụng đất ổn định trước ngày 15/10/1993.", None, None, None),
        ("Sở Xây dựng rà soát các quy hoạch đã được phê duyệt trước ngày 01/7/2026, báo cáo trước ngày 15/12/2025.",
         "trước ngày 15/12/2025", "2025-12-15", None),
        # a scope: figures counted up to a day
        ("Sở Tài chính tổng hợp số liệu tính đến ngày 31/12/2025.", None, None, None),
        # a yearly duty with its day, however the year is said
        ("Sở Nội vụ báo cáo UBND tỉnh trước ngày 25 tháng 01 hằng năm.", "trước ngày 25 tháng 01 hằng năm", None, "yearly"),
        ("Ủy ban nhân dân cấp xã báo cáo trước ngày 10 tháng 01 năm sau.", "trước ngày 10 tháng 01 năm sau", None, "yearly"),
        ("Sở Y tế gửi kết quả trước ngày 31 tháng 3 của năm kế tiếp.", "trước ngày 31 tháng 3 của năm kế tiếp", None, "yearly"),
        # a day and month with no year: the next such day from the date of issue
        ("Sở Y tế gửi kế hoạch trước ngày 31 tháng 3.", "trước ngày 31 tháng 3", "2026-03-31", None),
        # a site's note before the duty is no condition of it
        ("[Khoản này được sửa đổi bởi Nghị định 1/2025/NĐ-CP có hiệu lực từ ngày 01/01/2025] Trước ngày 31 tháng 8 hằng năm, Bộ Y tế báo cáo.",
         "Trước ngày 31 tháng 8 hằng năm", None, "yearly"),
    ],
)
def test_a_day_bounds_a_duty_only_where_the_words_say_so(clause, text, due_by, recurrence):
    found = read_deadline(clause, ISSUED)
    assert (found.text, found.due_by, found.recurrence) == (text, due_by, recurrence)


def test_a_last_day_before_the_document_is_kept_as_words_with_the_reason():
    from directives.nlp.deadlines import bounded

    found = bounded(settle("Trước ngày 15/11/2025", ISSUED), ISSUED)
    assert (found.text, found.deadline, found.due_by) == ("Trước ngày 15/11/2025", None, None)
    assert "before the document's own date" in found.note
    # a table cell of what was due before the notice: the same
    assert bounded(settle("30/06/2025", ISSUED), ISSUED).due_by is None
    assert bounded(settle("Quý I/2026", ISSUED), ISSUED).due_by == "2026-03-31"


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 9/TB-VPCP
Hà Nội, ngày 20 tháng 11 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng

1. Bộ Tài chính chủ trì, hoàn thành dự thảo Nghị định trước ngày 15/11/2025.
2. Bộ Xây dựng chủ trì rà soát các dự án được duyệt trước ngày 01/7/2024.
3. Bộ Y tế chủ trì tổng hợp, báo cáo trước ngày 15 tháng 01 hằng năm.
4. Bộ Công Thương chủ trì hoàn thành đề án trước ngày 15/12/2025.
Nơi nhận:
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn A
"""


def test_no_task_is_due_before_its_document():
    from directives.nlp.extract import extract_text

    tasks = {t["section"]: t for t in extract_text(NOTICE).tasks}
    past = tasks["1"]
    assert (past["deadline"], past["due_by"], past["deadline_text"]) == (None, None, "trước ngày 15/11/2025")
    assert "2025-11-20" in past["deadline_note"]
    assert tasks["2"]["deadline_text"] is None and tasks["2"]["due_by"] is None  # a condition
    assert (tasks["3"]["recurrence"], tasks["3"]["due_by"]) == ("yearly", None)
    assert tasks["4"]["due_by"] == "2025-12-15" and tasks["4"]["deadline_note"] is None


def test_the_next_occurrence_of_a_periodic_duty():
    from directives.nlp.deadlines import next_occurrence

    assert next_occurrence("trước ngày 25 tháng 01 hằng năm", "yearly", "2026-03-01") == "2027-01-25"
    assert next_occurrence("trước ngày 25/01 hằng năm", "yearly", "2026-01-10") == "2026-01-25"
    assert next_occurrence("trước ngày 15 hằng tháng", "monthly", "2026-02-20") == "2026-03-15"
    assert next_occurrence("trước ngày 31 hằng tháng", "monthly", "2026-02-10") == "2026-02-28"
    assert next_occurrence("Hằng năm", "yearly", "2026-02-20") is None
    assert next_occurrence("Thường xuyên", "standing", "2026-02-20") is None


def test_a_rhythm_is_said_once_when_its_words_say_nothing_more():
    yearly = trace.TaskRow(1, "20/KH-UBND", "Sở Tài chính", None, "bố trí kinh phí", None, "hằng năm", "II.3", recurrence="yearly")
    monthly = trace.TaskRow(1, "20/KH-UBND", "Sở Tài chính", None, "báo cáo", None, "trước ngày 15 hằng tháng", "II.4", recurrence="monthly")
    assert [line.split("]")[0] for line in trace.render_tasks([yearly, monthly])] == ["[hằng năm", "[hằng tháng: trước ngày 15 hằng tháng"]
