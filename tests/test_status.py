"""Laws cited by name and number are one node; each document's status in force, from its own
text and the documents acting on it, whatever order they are stored in. Texts written for
the tests."""
import itertools
import json
import sqlite3

import pytest

from directives.db import status
from directives.db.store import Store
from directives.run import ingest_file
from directives.nlp.effect import effective_dates

BASE = """CHÍNH PHỦ
Số: 40/2020/NĐ-CP
Hà Nội, ngày 05 tháng 4 năm 2020

NGHỊ ĐỊNH
Quy định chi tiết Luật Thử nghiệm

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Điều 1. Phạm vi
1. Nghị định này quy định chi tiết Luật Thử nghiệm.
2. Hồ sơ gồm tờ khai.
[Khoản này được sửa đổi bởi Khoản 1 Điều 1 Nghị định 59/2021/NĐ-CP có hiệu lực từ ngày 05/06/2021]
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 20 tháng 5 năm 2020.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""

AMENDING = """CHÍNH PHỦ
Số: 61/2022/NĐ-CP
Hà Nội, ngày 01 tháng 7 năm 2022

NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 40/2020/NĐ-CP ngày 05 tháng 4 năm 2020 của Chính phủ

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 40/2020/NĐ-CP
1. Sửa đổi khoản 2 Điều 1 như sau: "2. Hồ sơ gồm tờ khai điện tử."
Điều 2. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành sau 45 ngày kể từ ngày ký.
2. Bãi bỏ Điều 3 của Quyết định số 33/2019/QĐ-TTg ngày 03 tháng 8 năm 2019 của Thủ tướng Chính phủ.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""

REPLACING = """CHÍNH PHỦ
Số: 70/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024

NGHỊ ĐỊNH
Quy định chi tiết Luật Thử nghiệm

Căn cứ Luật số 72/2025/QH;

Điều 1. Phạm vi
Nghị định này quy định chi tiết Luật Thử nghiệm.
Điều 2. Hiệu lực thi hành
1. Nghị định này có hiệu lực kể từ ngày ký.
2. Nghị định này thay thế Nghị định số 40/2020/NĐ-CP ngày 05 tháng 4 năm 2020 của Chính phủ.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""

FUTURE = """CHÍNH PHỦ
Số: 80/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024

NGHỊ ĐỊNH
Về thử nghiệm

Điều 1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2099.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""


def store(tmp_path, files):
    db_path = tmp_path / "d.db"
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    s = Store.open(db_path)
    for name, text in files:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        ingest_file(s, str(path))
    return sqlite3.connect(db_path)


def row(conn, symbol, today=None):
    """The status of a document as of today as the pages read it (its stored column agreeing),
    its detail as the document page has it, its effective date, subject and id."""
    from directives.datasette_plugins.relations_data import status_of

    found = conn.execute(f"SELECT {status.sql('d', today)}, status, effective_date, subject, id FROM documents d WHERE symbol = ?",
                         [symbol]).fetchone()
    assert found, symbol
    if today is None:
        assert found[0] == found[1], (symbol, found[:2])
    detail = status_of(conn, found[4], today=today)
    assert detail["status"] == found[0]
    return found[0], detail, found[2], found[3], found[4]


def test_effective_dates_from_the_final_articles():
    assert effective_dates("Quyết định này có hiệu lực kể từ ngày ký.", "2025-06-30") == ("2025-06-30", None)
    assert effective_dates("Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký.", "2025-06-30") == ("2025-08-14", None)
    assert effective_dates("Nghị định này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2025.", None) == ("2025-08-15", None)
    assert effective_dates("1. Quyết định có hiệu lực thi hành\nkể từ ngày ký", "2025-01-02") == ("2025-01-02", None)
    assert effective_dates("Nghị quyết này có hiệu lực từ ngày 01/01/2026 đến hết ngày 31/12/2030.", None) == ("2026-01-01", "2030-12-31")
    # another document's effect, and a note's, are not this one's
    assert effective_dates("Quyết định áp dụng chế độ ưu tiên có hiệu lực 3 năm.", None) == (None, None)
    assert effective_dates("[Khoản này được sửa đổi bởi Nghị định 1/2020/NĐ-CP có hiệu lực từ ngày 05/06/2020]", None) == (None, None)


def test_each_status_with_its_dates():
    amend = {"act": "amends", "actor_id": 2, "scope": "Khoản 2 Điều 1", "date": "2022-08-15"}
    part = {"act": "repeals", "actor_id": 3, "scope": "Điều 3", "date": "2022-08-15"}
    whole = {"act": "replaces", "actor_id": 4, "scope": None, "date": "2024-03-10"}
    today = "2025-01-01"
    assert status.compute("2099-01-01", None, [], today)[0] == status.NOT_YET
    assert status.compute("2020-05-20", None, [], today)[0] == status.IN_FORCE
    assert status.compute("2020-05-20", None, [amend], today)[0] == status.AMENDED
    assert status.compute("2020-05-20", None, [amend, part], today)[0] == status.PARTLY
    done, detail = status.compute("2020-05-20", None, [amend, whole], today)
    assert done == status.EXPIRED and detail["ended_on"] == "2024-03-10" and detail["ended_by"]["actor_id"] == 4
    assert status.compute("2020-05-20", "2024-12-31", [], today)[0] == status.EXPIRED  # its own last day passed
    # an act that takes effect later does not count yet
    later, detail = status.compute("2020-05-20", None, [{**whole, "date": "2099-01-01"}], today)
    assert later == status.IN_FORCE and detail["pending"]


ORDERS = list(itertools.permutations([("base.txt", BASE), ("amending.txt", AMENDING), ("replacing.txt", REPLACING)]))


@pytest.mark.parametrize("order", ORDERS, ids=[" ".join(n for n, _ in o) for o in ORDERS])
def test_status_and_law_nodes_are_the_same_whatever_the_order(tmp_path, order):
    conn = store(tmp_path, order)
    base_status, detail, effective, _, base_id = row(conn, "40/2020/NĐ-CP")
    assert effective == "2020-05-20"
    assert base_status == status.EXPIRED  # replaced by 70/2024 from the day it was signed
    assert detail["ended_by"]["actor_symbol"] == "70/2024/NĐ-CP" and detail["ended_on"] == "2024-03-10"
    acts = {(a["actor_symbol"], a["act"], a["scope"], a["date"]) for a in detail["acts"]}
    # its own note: 59/2021 (not stored) amends Khoản 2 Điều 1, from the note's date
    assert ("59/2021/NĐ-CP", "amends", "Khoản 2 Điều 1", "2021-06-05") in acts
    # 61/2022 says so itself, in force 45 days after it was signed
    assert ("61/2022/NĐ-CP", "amends", None, "2022-08-15") in {(s, a, None, d) for s, a, _, d in acts}
    # the partly repealed decision, a placeholder
    partly, detail, *_ = row(conn, "33/2019/QĐ-TTg")
    assert partly == status.PARTLY and detail["acts"][0]["scope"] == "Điều 3"
    # the law cited by name and date, by number, and by its incomplete code: one node with its name
    laws = conn.execute("SELECT id, symbol, subject FROM documents WHERE subject LIKE 'Luật Tổ chức chính quyền%' OR symbol LIKE '72/2025/%'").fetchall()
    assert [(s, n) for _, s, n in laws] == [("72/2025/QH15", "Luật Tổ chức chính quyền địa phương")]
    assert conn.execute("SELECT count(*) FROM document_links WHERE target_id = ?", [laws[0][0]]).fetchone()[0] == 3
    assert row(conn, "70/2024/NĐ-CP")[0] == status.IN_FORCE


def test_a_law_name_without_a_number_anywhere_stays_by_name_and_years_tell_laws_apart(tmp_path):
    text = BASE.replace("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Luật Thử nghiệm Mới ngày 02 tháng 5 năm 2013")
    other = AMENDING.replace("Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Luật Thử nghiệm Mới số 99/2024/QH15")
    conn = store(tmp_path, [("base.txt", text), ("other.txt", other)])
    nodes = conn.execute("SELECT symbol, subject, year FROM documents WHERE subject LIKE 'Luật Thử nghiệm Mới%' OR symbol = '99/2024/QH15' ORDER BY year").fetchall()
    assert nodes == [(None, "Luật Thử nghiệm Mới", 2013), ("99/2024/QH15", "Luật Thử nghiệm Mới", 2024)]


def test_a_document_not_yet_in_force(tmp_path):
    conn = store(tmp_path, [("future.txt", FUTURE)])
    assert row(conn, "80/2024/NĐ-CP")[0] == status.NOT_YET


def test_the_page_trace_and_tasks_show_the_status(tmp_path):
    import asyncio

    from click.testing import CliRunner
    from datasette.app import Datasette

    from directives.cli import cli

    conn = store(tmp_path, [("base.txt", BASE), ("amending.txt", AMENDING), ("replacing.txt", REPLACING)])
    base_id = row(conn, "40/2020/NĐ-CP")[4]
    ds = Datasette([str(tmp_path / "d.db")])
    page = asyncio.run(ds.client.get(f"/-/document/{base_id}"))
    assert page.status_code == 200
    html = page.text
    assert "Tình trạng hiệu lực: hết hiệu lực toàn bộ" in html and "70/2024/NĐ-CP" in html
    for heading in ("Lược đồ", "Văn bản sửa đổi, bổ sung", "Văn bản thay thế"):
        assert heading in html
    assert "Khoản 2 Điều 1" in html  # the part the note says 59/2021 amends
    data = asyncio.run(ds.client.get(f"/-/document/{base_id}.json")).json()
    groups = {g["key"]: [e["symbol"] for e in g["entries"]] for g in data["diagram"]}
    assert groups["amended_by"] == ["59/2021/NĐ-CP", "61/2022/NĐ-CP"] and groups["replaced_by"] == ["70/2024/NĐ-CP"]
    amending = row(conn, "61/2022/NĐ-CP")[4]
    data = asyncio.run(ds.client.get(f"/-/document/{amending}.json")).json()
    assert {g["key"]: [e["symbol"] for e in g["entries"]] for g in data["diagram"]}["amends"] == ["40/2020/NĐ-CP"]
    found = asyncio.run(ds.client.get("/-/search.json", params={"q": "40/2020/NĐ-CP"})).json()
    assert [r["status"] for r in found["rows"] if r["symbol"] == "40/2020/NĐ-CP"] == [status.EXPIRED]
    from directives.datasette_plugins import chain_svg, document_data

    chain = document_data.chain(conn, amending)
    for node in chain["nodes"]:
        node["status"] = status.EXPIRED if node["id"] != amending else node["status"]  # as a replaced one is drawn
    drawn = chain_svg.dot_source(chain, lambda i: f"/d/{i}", lambda i, d: f"/c/{i}")
    assert "hết hiệu lực toàn bộ" in drawn and 'fillcolor="#fee2e2"' in drawn
    missing = asyncio.run(ds.client.get("/-/missing.json")).json()
    rows = missing.get("rows") or missing.get("missing") or []
    first = rows[0]
    assert first["symbol"] == "59/2021/NĐ-CP" and first["acts_on_held"] == 1  # it amends a document held
    result = CliRunner().invoke(cli, ["trace", "61/2022/NĐ-CP", "--up", "--all-relations", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0 and "40/2020/NĐ-CP" in result.output and "[hết hiệu lực toàn bộ]" in result.output
    result = CliRunner().invoke(cli, ["trace", "40/2020/NĐ-CP", "--json", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0
    assert json.loads(result.output)[0]["up"]["root"]["status"] == status.EXPIRED


def test_a_law_named_by_title_and_by_number_keeps_the_acts_of_both(tmp_path):
    guiding = """CHÍNH PHỦ
Số: 90/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024

NGHỊ ĐỊNH
Quy định chi tiết Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Điều 1. Nghị định này có hiệu lực kể từ ngày ký.
"""
    conn = store(tmp_path, [("guiding.txt", guiding)])
    (relations,) = conn.execute(
        "SELECT l.relations FROM document_links l JOIN documents d ON d.id = l.target_id WHERE d.symbol = '72/2025/QH15'").fetchone()
    assert set(json.loads(relations)) == {"based_on", "guides"}


def test_what_a_secret_document_states_is_withheld_from_visitors(tmp_path):
    import asyncio

    from datasette.app import Datasette

    conn = store(tmp_path, [("base.txt", BASE), ("amending.txt", AMENDING)])
    base_id, amending_id = row(conn, "40/2020/NĐ-CP")[4], row(conn, "61/2022/NĐ-CP")[4]
    conn.execute("UPDATE documents SET secrecy = 'Mật' WHERE id = ?", [amending_id])
    conn.execute("UPDATE documents SET status = NULL WHERE id = ?", [base_id])  # recomputed below with a scope
    conn.commit()
    from directives.db import status as st

    st.refresh(conn, [base_id])
    conn.commit()
    ds = Datasette([str(tmp_path / "d.db")])
    data = asyncio.run(ds.client.get(f"/-/document/{base_id}.json")).json()
    # what the secret decree says it does to 40/2020 is left out, as its links are, and the
    # status is read from the rest
    assert not [a for a in data["status"]["acts"] if a["actor_symbol"] == "61/2022/NĐ-CP"]
    assert not [e for g in data["diagram"] for e in g["entries"] if e["symbol"] == "61/2022/NĐ-CP"]
    assert data["status"]["status"] == status.AMENDED  # by the note's 59/2021
    signed_in = {"ds_actor": ds.sign({"a": {"id": "clerk"}}, "actor")}
    data = asyncio.run(ds.client.get(f"/-/document/{base_id}.json", cookies=signed_in)).json()
    assert [a["scope"] for a in data["status"]["acts"] if a["actor_symbol"] == "61/2022/NĐ-CP"] == ["một số điều"]
    # the note of the public document itself keeps its part
    assert any(a["scope"] == "Khoản 2 Điều 1" for a in data["status"]["acts"] if a["actor_symbol"] == "59/2021/NĐ-CP")


OLD_DECISION = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 15/2024/QĐ-UBND
Lào Cai, ngày 02 tháng 3 năm 2024

QUYẾT ĐỊNH
Ban hành Quy chế thử nghiệm

Điều 1. Sở Tài chính chủ trì xây dựng kế hoạch thử nghiệm, hoàn thành trước ngày 30/6/2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

CHỦ TỊCH
Nguyễn Văn B
"""

NEW_DECISION = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 22/2025/QĐ-UBND
Lào Cai, ngày 02 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế thử nghiệm mới

Điều 1. Ban hành kèm theo Quyết định này Quy chế thử nghiệm mới.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 15/2024/QĐ-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh.

CHỦ TỊCH
Nguyễn Văn B
"""


@pytest.mark.parametrize("order", [0, 1])
def test_the_tasks_of_a_document_no_longer_in_force_leave_the_open_lists(tmp_path, order):
    import asyncio

    from click.testing import CliRunner
    from datasette.app import Datasette

    from directives.cli import cli

    files = [("old.txt", OLD_DECISION), ("new.txt", NEW_DECISION)]
    conn = store(tmp_path, files if order == 0 else files[::-1])
    assert row(conn, "15/2024/QĐ-UBND")[0] == status.EXPIRED
    db = str(tmp_path / "d.db")
    ds = Datasette([db])
    # (a decision numbered "15/2024/QĐ-UBND" is a legal text: its duty is a responsibility, so
    # every kind is asked for)
    open_tasks = asyncio.run(ds.client.get("/-/tasks.json", params={"kind": "all"})).json()["rows"]
    assert not [t for t in open_tasks if t["symbol"] == "15/2024/QĐ-UBND"]
    ended = asyncio.run(ds.client.get("/-/tasks.json", params={"ended": "1", "kind": "all"})).json()["rows"]
    assert [t["ended"] for t in ended if t["symbol"] == "15/2024/QĐ-UBND"] == [True]
    assert "Sở Tài chính" not in CliRunner().invoke(cli, ["tasks", "sở tài chính", "--kind", "all", "--db", db]).output
    traced = CliRunner().invoke(cli, ["trace", "15/2024/QĐ-UBND", "--tasks", "--db", db]).output
    assert "HẾT HIỆU LỰC" in traced


@pytest.mark.parametrize("order", [0, 1])
def test_an_act_on_a_law_named_before_its_number_was_known_moves_with_it(tmp_path, order):
    guiding = """CHÍNH PHỦ
Số: 91/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024

NGHỊ ĐỊNH
Quy định chi tiết Luật Thử nghiệm Mới ngày 02 tháng 5 năm 2024

Điều 1. Nghị định này có hiệu lực kể từ ngày ký.
"""
    # a law no shipped entry knows: its number comes from the other decree's citation
    amending = AMENDING.replace("Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Luật Thử nghiệm Mới số 99/2024/QH15")
    files = [("guiding.txt", guiding), ("amending.txt", amending)]
    conn = store(tmp_path, files if order == 0 else files[::-1])
    _, detail, _, name, _ = row(conn, "99/2024/QH15")
    assert name == "Luật Thử nghiệm Mới"
    assert [(a["actor_symbol"], a["act"]) for a in detail["acts"]] == [("91/2024/NĐ-CP", "guides")]


# -- the status as of today, not as of the day it was stored ------------------------------

LATER = """CHÍNH PHỦ
Số: 75/2019/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2019

NGHỊ ĐỊNH
Thay thế Nghị định số 40/2020/NĐ-CP ngày 05 tháng 4 năm 2020 của Chính phủ

Điều 1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2023 và thay thế Nghị định số 40/2020/NĐ-CP ngày 05 tháng 4 năm 2020 của Chính phủ.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""


def test_the_status_is_read_as_of_today_not_as_of_the_day_it_was_stored(tmp_path, monkeypatch):
    import asyncio

    from click.testing import CliRunner
    from datasette.app import Datasette

    from directives.cli import cli

    later = LATER.replace("Số: 75/2019/NĐ-CP", "Số: 75/2020/NĐ-CP").replace("ngày 10 tháng 3 năm 2019", "ngày 10 tháng 3 năm 2020")
    monkeypatch.setattr(status, "today", lambda: "2020-04-10")  # stored before either takes effect
    conn = store(tmp_path, [("base.txt", BASE), ("later.txt", later)])
    stored, changes_on = conn.execute("SELECT status, status_changes_on FROM documents WHERE symbol = '40/2020/NĐ-CP'").fetchone()
    assert (stored, changes_on) == (status.NOT_YET, "2020-05-20")
    assert row(conn, "40/2020/NĐ-CP")[0] == status.NOT_YET
    base_id = row(conn, "40/2020/NĐ-CP")[4]
    # the days pass: read as of each, nothing written
    assert row(conn, "40/2020/NĐ-CP", "2020-05-20")[0] == status.IN_FORCE
    assert row(conn, "40/2020/NĐ-CP", "2021-06-05")[0] == status.AMENDED  # its note's amendment
    ended, detail, *_ = row(conn, "40/2020/NĐ-CP", "2023-01-01")
    assert ended == status.EXPIRED and detail["ended_by"]["actor_symbol"] == "75/2020/NĐ-CP"
    monkeypatch.setattr(status, "today", lambda: "2021-07-01")
    db = str(tmp_path / "d.db")
    ds = Datasette([db])
    data = asyncio.run(ds.client.get(f"/-/document/{base_id}.json")).json()
    assert data["status"]["status"] == status.AMENDED and data["status"]["as_of"] == "2021-07-01"
    # serving brings the table's stored column (what its facet counts) up to date as the days pass
    assert conn.execute("SELECT status FROM documents WHERE id = ?", [base_id]).fetchone()[0] == status.AMENDED
    facet = asyncio.run(ds.client.get("/d/documents.json", params={"placeholder": "0", "_facet": "status"})).json()
    assert status.AMENDED in [v["value"] for v in facet["facet_results"]["status"]["results"]]
    assert [a["actor_symbol"] for a in data["status"]["pending"]] == ["75/2020/NĐ-CP"]
    found = asyncio.run(ds.client.get("/-/search.json", params={"q": "40/2020/NĐ-CP"})).json()
    assert [r["status"] for r in found["rows"] if r["symbol"] == "40/2020/NĐ-CP"] == [status.AMENDED]
    traced = CliRunner().invoke(cli, ["trace", "40/2020/NĐ-CP", "--json", "--db", db])
    assert json.loads(traced.output)[0]["up"]["root"]["status"] == status.AMENDED
    # the public view reads it as of the real today, long past 2023
    assert conn.execute("SELECT status FROM public_documents WHERE id = ?", [base_id]).fetchone()[0] == status.EXPIRED
    # the next ingest brings the stored column up to date, from the rows whose day has come (an index)
    monkeypatch.setattr(status, "today", lambda: "2023-02-01")
    Store.open(tmp_path / "d.db")
    stored, changes_on = conn.execute("SELECT status, status_changes_on FROM documents WHERE id = ?", [base_id]).fetchone()
    assert (stored, changes_on) == (status.EXPIRED, None)
    plan = conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM documents WHERE status_changes_on <= '2023-02-01'").fetchall()
    assert "idx_documents_status_changes_on" in str(plan)


def test_the_tasks_of_a_document_leave_the_open_lists_on_the_day_it_ends(tmp_path, monkeypatch):
    import asyncio

    from datasette.app import Datasette

    new = NEW_DECISION.replace("có hiệu lực kể từ ngày ký", "có hiệu lực kể từ ngày 01 tháng 6 năm 2025")
    monkeypatch.setattr(status, "today", lambda: "2025-03-05")
    store(tmp_path, [("old.txt", OLD_DECISION), ("new.txt", new)])
    ds = Datasette([str(tmp_path / "d.db")])
    every_kind = {"kind": "all"}  # (the decision's duty is a legal text's responsibility)
    open_tasks = asyncio.run(ds.client.get("/-/tasks.json", params=every_kind)).json()["rows"]
    assert [t["symbol"] for t in open_tasks] == ["15/2024/QĐ-UBND"]  # replaced, but not yet
    monkeypatch.setattr(status, "today", lambda: "2025-06-01")
    assert not asyncio.run(ds.client.get("/-/tasks.json", params=every_kind)).json()["rows"]


# -- the same rows whatever the order -------------------------------------------------------

GUIDING = """CHÍNH PHỦ
Số: 90/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024

NGHỊ ĐỊNH
Quy định chi tiết Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Thử nghiệm Mới ngày 02 tháng 5 năm 2024;

Điều 1. Nghị định này có hiệu lực kể từ ngày ký.
Điều 2. Bãi bỏ Điều 2 của Nghị định số 40/2020/NĐ-CP ngày 05 tháng 4 năm 2020 của Chính phủ.
"""


@pytest.mark.parametrize("count", [4, 5])
def test_every_stored_row_is_the_same_in_both_orders(tmp_path, count):
    """Laws by name before and after their number is known, a note naming a document not yet
    stored, acts from the title and the final articles: the rows of every table, compared as
    bench/graph_quality.py --both-orders compares them."""
    from directives.db import quality

    amending = AMENDING.replace("Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
                                "Luật Thử nghiệm Mới số 99/2024/QH15")
    files = [("base.txt", BASE), ("amending.txt", amending), ("replacing.txt", REPLACING), ("guiding.txt", GUIDING),
             ("note.txt", BASE.replace("40/2020", "41/2020").replace("59/2021/NĐ-CP", "61/2022/NĐ-CP"))][:count]
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    dbs = []
    for n, order in enumerate((files, files[::-1])):
        s = Store.open(tmp_path / f"{n}.db")
        for name, _ in order:
            ingest_file(s, str(folder / name))
        dbs.append(sqlite3.connect(tmp_path / f"{n}.db"))
    forward, backward = dbs
    for table in quality.TABLES:
        assert quality.table_rows(forward, table) == quality.table_rows(backward, table), table


# -- what a secret document does is not told to a visitor -------------------------------------

def test_a_visitor_reads_the_status_from_documents_not_marked_secret_only(tmp_path):
    """40/2020 is replaced by a decree marked MẬT and amended by 61/2022 (public): a visitor
    reads it amended, everywhere the status shows; a clerk signed in reads it ended."""
    from datasette.app import Datasette

    from tests.conftest import get

    secret = REPLACING.replace("Số: 70/2024/NĐ-CP", "MẬT\n\nSố: 70/2024/NĐ-CP")
    with_task = OLD_DECISION.replace("15/2024/QĐ-UBND", "16/2024/QĐ-UBND")
    ending = NEW_DECISION.replace("Số: 22/2025/QĐ-UBND", "MẬT\nSố: 22/2025/QĐ-UBND").replace("15/2024/QĐ-UBND", "16/2024/QĐ-UBND")
    conn = store(tmp_path, [("base.txt", BASE), ("amending.txt", AMENDING), ("secret.txt", secret),
                            ("old.txt", with_task), ("ending.txt", ending)])
    assert conn.execute("SELECT secrecy FROM documents WHERE symbol = '70/2024/NĐ-CP'").fetchone()[0] == "Mật"
    base_id = row(conn, "40/2020/NĐ-CP")[4]
    assert row(conn, "40/2020/NĐ-CP")[0] == status.EXPIRED  # as the database knows it
    ds = Datasette([str(tmp_path / "d.db")])
    for signed_in, expected in ((False, status.AMENDED), (True, status.EXPIRED)):
        page = get(ds, f"/-/document/{base_id}.json", signed_in)
        assert page.json()["status"]["status"] == expected
        if not signed_in:
            assert "70/2024" not in page.text
        found = get(ds, "/-/search.json", signed_in, q="40/2020/NĐ-CP").json()
        assert [r["status"] for r in found["rows"] if r["symbol"] == "40/2020/NĐ-CP"] == [expected]
        amending_id = row(conn, "61/2022/NĐ-CP")[4]
        entries = [e for g in get(ds, f"/-/document/{amending_id}.json", signed_in).json()["diagram"] for e in g["entries"]]
        assert [e["status"] for e in entries if e["symbol"] == "40/2020/NĐ-CP"] == [expected]
        tasks = get(ds, "/-/tasks.json", signed_in, kind="all").json()["rows"]
        assert bool([t for t in tasks if t["symbol"] == "16/2024/QĐ-UBND"]) is not signed_in  # ended by a secret decision
    # the view a visitor opens, its rows and its facet
    view = get(ds, "/d/public_documents.json", False, symbol="40/2020/NĐ-CP", _shape="array").json()
    assert [r["status"] for r in view] == [status.AMENDED]
    facet = get(ds, "/d/public_documents.json", False, _facet="status", placeholder="0").json()
    counts = {v["value"]: v["count"] for v in facet["facet_results"]["status"]["results"]}
    assert status.EXPIRED not in counts and counts[status.AMENDED] == 1  # 40/2020, by the public 61/2022
    assert not get(ds, "/d/documents.json", False).status_code == 200  # the table itself is closed to visitors


def test_each_shipped_law_is_named_with_its_number_in_the_file_it_was_seen_in():
    """nlp/data/laws.json overrides what citations say: each entry as a text of the corpus
    gives it, name and number together."""
    import re
    from pathlib import Path

    from directives.nlp.normalize import fold
    from tests.conftest import needs_shared

    corpus = needs_shared("corpus")
    laws = json.loads(Path(status.__file__).parents[1].joinpath("nlp", "data", "laws.json").read_text(encoding="utf-8"))["laws"]
    keys = [(law["name"], law["passed"][:4]) for law in laws]
    assert len(keys) == len(set(keys))  # one number for a name and year
    for law in laws:
        text = " ".join(fold(re.sub(r"<[^>]+>", "", (corpus / law["seen_in"]).read_text(encoding="utf-8", errors="replace"))).split())
        assert fold(law["name"]) in text and law["number"].lower() in text, law


def test_an_amending_law_cited_by_its_number_carries_its_own_name(tmp_path):
    """"Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số
    87/2025/QH15": the number is the amending law's; the shipped table names it, not the
    amended law's name the citation ends on."""
    text = BASE.replace("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật sửa đổi,\n"
                        "bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;")  # a line cut
    assert text != BASE
    conn = store(tmp_path, [("base.txt", text)])
    names = dict(conn.execute("SELECT symbol, subject FROM documents WHERE symbol IN ('64/2025/QH15', '87/2025/QH15')"))
    assert names == {"64/2025/QH15": "Luật Ban hành văn bản quy phạm pháp luật",
                     "87/2025/QH15": "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật"}


def test_acts_added_one_at_a_time_are_stored_as_if_computed_whole(tmp_path, monkeypatch):
    """Each new document acting on 40/2020 adds its acts to the stored status
    (status.add_acts) instead of reading every act on it again: what is stored, for every
    reader and for a visitor, is what computing it whole gives."""
    added = []
    add_acts = status.add_acts

    def spy(conn, actor_id, targets, today=None):
        done = add_acts(conn, actor_id, targets, today)
        added.extend(done)
        return done

    monkeypatch.setattr(status, "add_acts", spy)
    secret_amending = AMENDING.replace("Số: 61/2022/NĐ-CP", "MẬT\n\nSố: 62/2022/NĐ-CP").replace("01 tháng 7", "02 tháng 7")
    later_amending = AMENDING.replace("61/2022/NĐ-CP", "63/2023/NĐ-CP").replace("năm 2022\n", "năm 2023\n")
    conn = store(tmp_path, [("base.txt", BASE), ("amending.txt", AMENDING), ("secret.txt", secret_amending),
                            ("later.txt", later_amending), ("replacing.txt", REPLACING)])
    base_id = row(conn, "40/2020/NĐ-CP")[4]
    assert added.count(base_id) == 4  # each acting document added its acts to what was stored
    columns = ["status", "status_changes_on", "status_detail", *status.PARTS, *status.PUBLIC_PARTS]
    stored = conn.execute(f"SELECT id, {', '.join(columns)} FROM documents ORDER BY id").fetchall()
    status.refresh(conn, [r[0] for r in stored])
    assert conn.execute(f"SELECT id, {', '.join(columns)} FROM documents ORDER BY id").fetchall() == stored
    acts = json.loads(dict((r[0], r[3]) for r in stored)[base_id])["acts"]
    assert [a["actor_symbol"] for a in acts if a["stated_in"] == "actor"][:3] == ["61/2022/NĐ-CP", "62/2022/NĐ-CP", "63/2023/NĐ-CP"]
    public = dict(zip(columns, next(r[1:] for r in stored if r[0] == base_id)))
    assert public["ended_on"] == "2024-03-10" and public["public_ended_on"] == "2024-03-10"
