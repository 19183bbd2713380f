"""One node per document: the symbol's year, codes in any spelling, documents numbered without
"Số:", placeholders agreed from their citations, several files of one document, units."""
import json
import sqlite3
from pathlib import Path


from directives import extract_file
from directives.db import quality
from directives.db.organizations import body_name, canonical_for
from directives.db.store import Store
from directives.run import ingest

# A Quảng Ngãi decision that cites Nghị định 118/2025 with a typo'd year in its date, and
# Nghị định 154/2020 without the dash of its code; its Nơi nhận has shorthand and a person.
TYPO = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 310/QĐ-UBND
Quảng Ngãi, ngày 10 tháng 7 năm 2025

QUYẾT ĐỊNH
Về việc công bố thủ tục hành chính

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2020 của Chính phủ về thực hiện thủ tục hành chính;
Căn cứ Nghị định số 154/2020/NĐCP ngày 31/12/2020 của Chính phủ;

QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này các thủ tục hành chính.
Điều 2. Giám đốc Sở Tư pháp chủ trì, phối hợp với các sở, ngành triển khai thực hiện Quyết định này.

Nơi nhận:
- Như Điều 2;
- Bộ Tư pháp;
- PCTr. Đặng Ngọc Minh (để b/c);
- Lưu: VT, KSTT.

CHỦ TỊCH
Đặng Văn Minh
"""

# A Đắk Lắk plan citing the same two decrees, with the right date and the dash, and quoting
# the Minister as the issuer of a circular that a third citation names by a cut name.
RIGHT = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 45/KH-UBND
Đắk Lắk, ngày 15 tháng 8 năm 2025

KẾ HOẠCH
Triển khai thủ tục hành chính

Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính;
Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ;
Căn cứ Thông tư số 12/2025/TT-BTC ngày 03/3/2025 của Bộ trưởng Bộ Tài chính;

1. Sở Tài chính chủ trì thực hiện Kế hoạch này.

CHỦ TỊCH
Nguyễn Văn Bình
"""

CUT = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 46/KH-UBND
Đắk Lắk, ngày 16 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện chế độ kế toán

Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;
Căn cứ Thông tư số 12/2025/TT-BTC ngày 30/3/2025 của Bộ trưởng Bộ
Tài chính;
Căn cứ Thông tư số 07/2024/TT-BNV ngày 05/7/2024;

1. Sở Tài chính chủ trì thực hiện Kế hoạch này.

CHỦ TỊCH
Nguyễn Văn Bình
"""

LAW = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Luật số: 60/2024/QH15

LUẬT
DỮ LIỆU

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;

Quốc hội ban hành Luật Dữ liệu.

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về dữ liệu số.

Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày 30 tháng 11 năm 2024.

CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""

CITES_LAW = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 12/KH-UBND
Quảng Ngãi, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Triển khai Luật Dữ liệu

Căn cứ Luật Dữ liệu số 60/2024/QH15 ngày 30/11/2024;

1. Sở Khoa học và Công nghệ chủ trì thực hiện Kế hoạch này.

CHỦ TỊCH
Đặng Văn Minh
"""

VBHN = """BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 01/VBHN-BTC
Hà Nội, ngày 10 tháng 01 năm 2024

THÔNG TƯ
Hướng dẫn chế độ kế toán hành chính, sự nghiệp

Thông tư số 107/2017/TT-BTC ngày 10 tháng 10 năm 2017 của Bộ trưởng Bộ Tài chính, được sửa đổi, bổ sung bởi:

Điều 1. Phạm vi điều chỉnh

XÁC THỰC VĂN BẢN HỢP NHẤT
BỘ TRƯỞNG
Hồ Đức Phớc
"""

PARTY = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 57-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 22 tháng 12 năm 2024

NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về đột phá phát triển khoa học, công nghệ

I. TÌNH HÌNH VÀ NGUYÊN NHÂN
Khoa học, công nghệ có vai trò quyết định.

T/M BỘ CHÍNH TRỊ
TỔNG BÍ THƯ
Tô Lâm
"""


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def rows(db: Path, sql: str, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_symbol_with_its_year_takes_that_year_whatever_the_citation_dates_it(tmp_path):
    db = tmp_path / "g.db"
    ingest(Store.open(db), [write(tmp_path, "typo.md", TYPO), write(tmp_path, "right.md", RIGHT)], jobs=1)
    nodes = rows(db, "select id, year, issued_date, placeholder from documents where symbol_key = '118/2025/ndcp'")
    assert len(nodes) == 1  # not a 2020 node beside the 2025 one
    assert nodes[0][1:] == (2025, "2025-06-09", 1)  # the typo'd date is not the placeholder's
    warnings = rows(db, "select s.symbol, l.warning from document_links l join documents s on s.id = l.source_id where l.target_id = ?", nodes[0][0])
    assert sorted(warnings) == [("310/QĐ-UBND", "the citation dates it 2020-06-09; its symbol says 2025"), ("45/KH-UBND", None)]


def test_codes_compare_without_dashes_and_the_grammar_spelling_wins(tmp_path):
    db = tmp_path / "g.db"
    ingest(Store.open(db), [write(tmp_path, "typo.md", TYPO), write(tmp_path, "right.md", RIGHT)], jobs=1)
    nodes = rows(db, "select symbol, issuer, doc_type from documents where symbol_key = '154/2020/ndcp'")
    assert nodes == [("154/2020/NĐ-CP", "Chính phủ", "NĐ")]


def test_a_placeholder_takes_what_its_citations_agree_on(tmp_path):
    db = tmp_path / "g.db"
    files = [write(tmp_path, "right.md", RIGHT), write(tmp_path, "cut.md", CUT), write(tmp_path, "typo.md", TYPO)]
    ingest(Store.open(db), files, jobs=1)
    # "Bộ trưởng Bộ Tài chính" and a "Bộ trưởng Bộ" cut by the line break: the body, in full;
    # the two dates differ: neither wins by order, the earlier of equals does
    circular = rows(db, "select issuer, issued_date from documents where symbol_key = '12/2025/ttbtc'")
    assert circular == [("Bộ Tài chính", "2025-03-03")]
    mentions = [m for (m,) in rows(db, "select mention from document_links where cited_symbol = '12/2025/TT-BTC'")]
    assert any("Bộ trưởng Bộ Tài chính" in m for m in mentions)  # the mention keeps what was written
    # no citation names the issuer: the code table does
    assert rows(db, "select issuer from documents where symbol_key = '07/2024/ttbnv'") == [("Bộ Nội vụ",)]
    # 118/2025: two citations say 2025-06-09, one (typo'd) 2020-06-09
    assert rows(db, "select issued_date from documents where symbol_key = '118/2025/ndcp'") == [("2025-06-09",)]
    # the same whatever the order
    other = tmp_path / "h.db"
    ingest(Store.open(other), list(reversed(files)), jobs=1)
    sql = "select symbol, doc_type, issued_date, year, issuer, identity from documents where placeholder = 1 order by identity"
    assert rows(db, sql) == rows(other, sql)


def test_a_law_is_numbered_by_its_own_header_and_takes_its_placeholder(tmp_path):
    record = extract_file(write(tmp_path, "law.md", LAW))
    assert (record.symbol, record.doc_type, record.issued_date, record.issuer) == ("60/2024/QH15", "L", "2024-11-30", "Quốc hội")
    for order in (["cites.md", "law.md"], ["law.md", "cites.md"]):
        db = tmp_path / f"{order[0]}.db"
        texts = {"cites.md": CITES_LAW, "law.md": LAW}
        for name in order:
            ingest(Store.open(db), [write(tmp_path, name, texts[name])], jobs=1)
        laws = rows(db, "select symbol, placeholder, doc_type, issuer from documents where symbol_key = '60/2024/qh15'")
        assert laws == [("60/2024/QH15", 0, "L", "Quốc hội")]
        assert rows(db, "select count(*) from documents where placeholder = 1") == [(0,)]
        link = rows(db, "select s.symbol, t.symbol, l.relation from document_links l join documents s on s.id = l.source_id join documents t on t.id = l.target_id")
        assert link == [("12/KH-UBND", "60/2024/QH15", "based_on")]


def test_a_consolidated_text_is_numbered_and_typed_by_its_header(tmp_path):
    record = extract_file(write(tmp_path, "vbhn.md", VBHN))
    assert (record.symbol, record.doc_type, record.issued_date, record.issuer) == ("01/VBHN-BTC", "VBHN", "2024-01-10", "Bộ Tài chính")


def test_a_party_document_is_numbered_without_a_colon(tmp_path):
    record = extract_file(write(tmp_path, "nq.md", PARTY))
    assert (record.symbol, record.doc_type, record.issued_date) == ("57-NQ/TW", "NQ", "2024-12-22")
    assert record.issuer == "Ban Chấp hành Trung ương"


def _table(db: Path, name: str) -> list:
    with sqlite3.connect(db) as conn:
        return quality.table_rows(conn, name)


def test_two_files_of_one_document_give_the_same_rows_in_either_order(tmp_path):
    # the same decision as Markdown and as text with its Nơi nhận lost: the fuller reading is the document
    full = write(tmp_path, "310.md", TYPO)
    short = write(tmp_path, "310.txt", TYPO.split("Nơi nhận:")[0] + "CHỦ TỊCH\nĐặng Văn Minh\n")
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for db, order in ((first, [full, short]), (second, [short, full])):
        for path in order:
            ingest(Store.open(db), [path], jobs=1)
    for name in quality.TABLES:
        assert _table(first, name) == _table(second, name), name
    assert rows(first, "select count(*) from document_sources") == [(2,)]
    assert rows(first, "select count(*) from documents where placeholder = 0") == [(1,)]
    # every derived table agrees with the record it came from
    with sqlite3.connect(first) as conn:
        assert quality.disagreeing(conn) == []
        recipients = json.loads(conn.execute("select recipients from documents where placeholder = 0").fetchone()[0])
    assert "Bộ Tư pháp" in recipients


def test_heads_are_their_units_and_shorthand_and_persons_are_not_units():
    issuer = "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert canonical_for("Giám đốc Sở Tài chính", issuer) == canonical_for("Sở Tài chính", issuer)
    assert canonical_for("Chủ tịch UBND tỉnh Quảng Ngãi", issuer).name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert canonical_for("Chánh Văn phòng UBND tỉnh", issuer).name == "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert canonical_for("CT UBND tỉnh", issuer).name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert canonical_for("Các PCVP UBND tỉnh", issuer).name == "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert canonical_for("VPCP: BTCN, các PCN, Trợ lý TTg, Công báo", issuer).name == "Văn phòng Chính phủ"
    for text in ("Như trên", "Như Điều 3;", "Lưu: VT, KTTH.", "Website CT", "PCTr. Đặng Ngọc Minh (để b/c)", "Phó CTr Đặng Ngọc Minh", "Chủ tịch"):
        assert canonical_for(text, issuer) is None, text


def test_an_issuer_is_a_body_named_in_full():
    assert body_name("Bộ trưởng Bộ Tài chính") == "Bộ Tài chính"
    assert body_name("BỘ TRƯỞNG BỘ TÀI CHÍNH") == "Bộ Tài chính"
    assert body_name("Thủ tướng") == "Thủ tướng Chính phủ"
    assert body_name("Chính phủ và Nghị định số 120/2020/NĐ-CP") == "Chính phủ"
    assert body_name("UBND tỉnh Bắc Ninh quy định") == "Ủy ban nhân dân tỉnh Bắc Ninh"
    for cut in ("Bộ trưởng Bộ", "Thủ", "Chính", "Chủ tịch Ủy", "Ban Pháp chế Hội đồng nhân", "Bộ Văn hóa", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh Thừa"):
        assert body_name(cut) is None, cut


def test_provincial_symbols_of_two_provinces_are_never_merged(tmp_path):
    # both provinces' plans cite "Quyết định số 98/2025/QĐ-UBND" without naming a province
    a = RIGHT.replace("Căn cứ Thông tư", "Căn cứ Quyết định số 98/2025/QĐ-UBND ngày 02/01/2025;\nCăn cứ Thông tư")
    b = TYPO.replace("Căn cứ Nghị định số 154", "Căn cứ Quyết định số 98/2025/QĐ-UBND ngày 02/01/2025;\nCăn cứ Nghị định số 154")
    db = tmp_path / "g.db"
    ingest(Store.open(db), [write(tmp_path, "a.md", a), write(tmp_path, "b.md", b)], jobs=1)
    nodes = rows(db, "select identity from documents where symbol_key = '98/2025/qdubnd' order by identity")
    assert nodes == [("98/2025/qdubnd|dak lak|2025",), ("98/2025/qdubnd|quang ngai|2025",)]
    assert {c for (c,) in rows(db, "select confidence from document_links l join documents d on d.id = l.target_id where d.symbol_key = '98/2025/qdubnd'")} == {0.6}


def test_the_graph_quality_checks_find_nothing_on_documents_written_for_them(tmp_path):
    db = tmp_path / "g.db"
    files = [write(tmp_path, n, t) for n, t in (("typo.md", TYPO), ("right.md", RIGHT), ("cut.md", CUT), ("law.md", LAW),
                                                  ("cites.md", CITES_LAW), ("vbhn.md", VBHN), ("party.md", PARTY))]
    ingest(Store.open(db), files, jobs=1)
    with sqlite3.connect(db) as conn:
        found = quality.report(conn)
    for check in ("split_central", "bad_symbols", "bad_placeholder_issuers", "unnumbered", "not_units", "disagreeing"):
        assert found[check] == [], check
    assert found["stored"] == 7
