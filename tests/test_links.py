"""Linking: cited documents are nodes, placeholders become the document, order does not matter."""
import sqlite3

from click.testing import CliRunner

from directives.cli import cli
from directives.db.store import Store
from directives.run import ingest

DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 1477/QĐ-UBND
Quảng Ngãi, ngày 22 tháng 9 năm 2021

QUYẾT ĐỊNH
Về việc phát động Phong trào thi đua

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết Luật Thi đua;

QUYẾT ĐỊNH:
Điều 1. Phát động Phong trào thi đua trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

CHỦ TỊCH
Đặng Văn Minh
"""

PLAN = """UBND TỈNH QUẢNG NGÃI
SỞ CÔNG THƯƠNG
Số: 2000/KH-SCT
Quảng Ngãi, ngày 06 tháng 10 năm 2021

KẾ HOẠCH
Tổ chức thực hiện Phong trào thi đua

Thực hiện Quyết định số 1477/QĐ-UBND ngày 22/9/2021 của Chủ tịch UBND tỉnh, Sở Công Thương ban
hành Kế hoạch như sau:
1. Văn phòng Sở chủ trì tham mưu tổ chức thực hiện Kế hoạch.

GIÁM ĐỐC
Võ Văn Rân
"""

REPORT = """SỞ CÔNG THƯƠNG TỈNH QUẢNG NGÃI
PHÒNG QUẢN LÝ THƯƠNG MẠI
Số: 15/BC-QLTM
Quảng Ngãi, ngày 20 tháng 12 năm 2021

BÁO CÁO
Kết quả thực hiện Kế hoạch số 2000/KH-SCT

Triển khai Kế hoạch số 2000/KH-SCT ngày 06/10/2021 của Sở Công Thương, Phòng báo cáo như sau:
Số liệu tính theo Quyết định số 1477/QĐ-UBND.

TRƯỞNG PHÒNG
Nguyễn Văn An
"""

OTHER_PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 1477/QĐ-UBND
Quy Nhơn, ngày 10 tháng 5 năm 2021

QUYẾT ĐỊNH
Về việc phê duyệt quy hoạch

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH

QUYẾT ĐỊNH:
Điều 1. Phê duyệt quy hoạch.

CHỦ TỊCH
Phạm Anh Tuấn
"""


def write(folder, files):
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in files:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def graph(db_path):
    """Links as (citing identity, cited identity, relation), and the placeholders left."""
    conn = sqlite3.connect(db_path)
    links = set(
        conn.execute(
            "select s.identity, t.identity, l.relation from document_links l "
            "join documents s on s.id = l.source_id join documents t on t.id = l.target_id"
        )
    )
    placeholders = {r[0] for r in conn.execute("select identity from documents where placeholder = 1")}
    return links, placeholders


FILES = [("qd-1477.txt", DECISION), ("kh-2000.txt", PLAN), ("bc-15.txt", REPORT), ("qd-1477-binh-dinh.txt", OTHER_PROVINCE)]


def test_the_graph_is_the_same_whatever_the_order(tmp_path):
    paths = write(tmp_path / "docs", FILES)
    forward, backward = tmp_path / "forward.db", tmp_path / "backward.db"
    for path in paths:
        ingest(Store.open(forward), [path])
    for path in reversed(paths):
        ingest(Store.open(backward), [path])
    assert graph(forward) == graph(backward)
    links, placeholders = graph(forward)
    assert ("2000/khsct|quang ngai|2021", "1477/qdubnd|quang ngai|2021", "implements") in links
    assert ("15/bcqltm|quang ngai|2021", "2000/khsct|quang ngai|2021", "implements") in links
    # a citation without a date finds the one Quảng Ngãi decision of that number, not Bình Định's
    assert ("15/bcqltm|quang ngai|2021", "1477/qdubnd|quang ngai|2021", "cites") in links
    assert not any(target.endswith("binh dinh|2021") for _, target, _ in links)
    assert placeholders == {"91/2017/ndcp||2017"}


def test_a_placeholder_becomes_the_document_and_keeps_its_links(tmp_path):
    plan, decision = write(tmp_path / "docs", [("kh.txt", PLAN), ("qd.txt", DECISION)])
    db_path = tmp_path / "t.db"
    ingest(Store.open(db_path), [plan])
    conn = sqlite3.connect(db_path)
    (placeholder_id,) = conn.execute("select id from documents where symbol = '1477/QĐ-UBND' and placeholder = 1").fetchone()
    ingest(Store.open(db_path), [decision])
    rows = conn.execute("select id, placeholder, issuer from documents where symbol = '1477/QĐ-UBND'").fetchall()
    assert rows == [(placeholder_id, 0, "Ủy ban nhân dân tỉnh Quảng Ngãi")]
    assert conn.execute("select relation from document_links where target_id = ?", [placeholder_id]).fetchall() == [("implements",)]


def test_a_removed_document_that_is_cited_becomes_a_placeholder_again(tmp_path):
    plan, decision = write(tmp_path / "docs", [("kh.txt", PLAN), ("qd.txt", DECISION)])
    db_path = tmp_path / "t.db"
    ingest(Store.open(db_path), [plan, decision])
    (tmp_path / "docs" / "qd.txt").write_text(DECISION.replace("1477/QĐ-UBND", "1478/QĐ-UBND"), encoding="utf-8")
    ingest(Store.open(db_path), [decision])
    conn = sqlite3.connect(db_path)
    assert conn.execute("select placeholder from documents where symbol = '1477/QĐ-UBND'").fetchall() == [(1,)]
    assert conn.execute("select placeholder from documents where symbol = '1478/QĐ-UBND'").fetchall() == [(0,)]
    # the decree only the old version cited is gone with it; the new version cites it again
    assert conn.execute("select count(*) from documents where symbol = '91/2017/NĐ-CP'").fetchone() == (1,)


def test_trace_prints_the_chain_both_ways(tmp_path):
    paths = write(tmp_path / "docs", FILES)
    db_path = str(tmp_path / "t.db")
    ingest(Store.open(db_path), paths)
    down = CliRunner().invoke(cli, ["trace", "1477/qd-ubnd", "--down", "--db", db_path])
    assert down.exit_code == 0, down.output
    # two provinces issued 1477/QĐ-UBND: each has its tree; Quảng Ngãi's is carried out by the plan, then the report
    assert down.output.count("được căn cứ, thực hiện bởi") == 2
    lines = down.output.splitlines()
    plan = next(i for i, line in enumerate(lines) if "2000/KH-SCT" in line)
    assert "thực hiện" in lines[plan] and "15/BC-QLTM" in lines[plan + 1] and lines[plan + 1].index("└─") > lines[plan].index("─")
    up = CliRunner().invoke(cli, ["trace", "15/BC-QLTM", "--up", "--db", db_path])
    assert "2000/KH-SCT" in up.output and "1477/QĐ-UBND" in up.output and "91/2017/NĐ-CP" in up.output
    assert "(được viện dẫn, chưa nhập)" in up.output  # the decree is only a placeholder
    depth_one = CliRunner().invoke(cli, ["trace", "15/BC-QLTM", "--up", "--depth", "1", "--db", db_path])
    assert "91/2017/NĐ-CP" not in depth_one.output


def test_trace_of_an_unknown_symbol_says_so(tmp_path):
    db_path = str(tmp_path / "t.db")
    Store.open(db_path)
    result = CliRunner().invoke(cli, ["trace", "9/QĐ-XYZ", "--db", db_path])
    assert result.exit_code != 0 and "no document or citation" in result.output
