"""The incoming stamp ("CÔNG VĂN ĐẾN / Số / Ngày", Nghị định 30/2020/NĐ-CP, Phụ lục IV): read as
the office's registration, kept out of every other field, shown on the document page and as a
column of the documents table (issue 22)."""
from __future__ import annotations

import asyncio
import sqlite3

import pytest
from datasette.app import Datasette

from directives.db.store import Store
from directives.run import ingest
from directives.nlp.extract import extract_text
from directives.nlp.received import take_stamp

HEADER = """\
UBND TỈNH QUẢNG NGÃI
SỞ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 210/KH-SCT
Quảng Ngãi, ngày 02 tháng 3 năm 2025
KẾ HOẠCH
Kiểm tra an toàn thực phẩm năm 2025
Căn cứ Luật An toàn thực phẩm năm 2010;
1. Phòng Quản lý thương mại chủ trì kiểm tra các chợ trước ngày 30/6/2025.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Võ Văn Rân
"""

STAMPED = """\
VĂN PHÒNG UBND TỈNH QUẢNG NGÃI
CÔNG VĂN ĐẾN
Số: 1234
Ngày: 05/3/2025
Chuyển: Phòng Kinh tế
""" + HEADER

# the number and the day written by hand, as OCR reads them
HANDWRITTEN = """\
VĂN PHÒNG CHÍNH PHÙ
CÔNG VĂN ĐẾN
Gi....... Ngày Lý. 4 seexeerree
Kính Kính chuyển... 1101 b......
|
""" + HEADER


def test_a_stamp_is_read_as_the_office_registration():
    text, stamp = take_stamp(STAMPED)
    assert (stamp.number, stamp.date, stamp.by, stamp.unreadable) == ("1234", "2025-03-05", "Văn phòng UBND tỉnh Quảng Ngãi", [])
    assert "CÔNG VĂN ĐẾN" not in text and "Chuyển" not in text and "Số: 210/KH-SCT" in text


def test_handwriting_is_said_unreadable_not_guessed():
    _, stamp = take_stamp(HANDWRITTEN)
    assert stamp.number is None and stamp.date is None
    assert stamp.unreadable == ["number", "date"] and stamp.by == "Văn phòng Chính phủ"


@pytest.mark.parametrize("text", [HEADER, "Công văn này đến các sở.\n" + HEADER, HEADER.replace("Kiểm tra", "ĐẾN\nKiểm tra")])
def test_no_stamp_no_reading(text):
    assert take_stamp(text) == (text, None) or take_stamp(text)[1] is None


@pytest.mark.parametrize("text", [STAMPED, HANDWRITTEN])
def test_the_stamp_belongs_to_no_other_field(text):
    plain, stamped = extract_text(HEADER), extract_text(text)
    for name in ("symbol", "doc_type", "issued_date", "place", "issuer", "subject", "signer", "recipients"):
        assert getattr(stamped, name) == getattr(plain, name), name
    assert [t["assignee"] for t in stamped.tasks] == [t["assignee"] for t in plain.tasks]
    assert "ĐẾN" not in stamped.text and plain.received_number is None and plain.received_stamp is None


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "kh-210.txt").write_text(STAMPED, encoding="utf-8")
    (folder / "kh-211.txt").write_text(HANDWRITTEN.replace("210/KH-SCT", "211/KH-SCT"), encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "received.db"
    ingest(Store.open(path), [str(folder)])
    return path


def get(ds, path, **params):
    return asyncio.run(ds.client.get(path, params=params or None))


def test_the_document_page_and_the_documents_table_show_the_register(db_path):
    ds = Datasette([str(db_path)])
    with sqlite3.connect(db_path) as conn:
        ids = dict(conn.execute("select symbol, id from documents where placeholder = 0"))
        assert conn.execute("select received_number, received_date from public_documents where symbol = '210/KH-SCT'").fetchone() == ("1234", "2025-03-05")
    html = get(ds, f"/-/document/{ids['210/KH-SCT']}").text
    assert "Văn bản đến" in html and "<strong>1234</strong>" in html and "05/03/2025" in html
    html = get(ds, f"/-/document/{ids['211/KH-SCT']}").text
    assert "Số đến: <strong>không đọc được</strong>" in html and "Văn phòng Chính phủ" in html
    r = get(ds, "/received/documents")
    assert r.status_code == 302 and "_col=received_number" in r.headers["location"]
    table = get(ds, r.headers["location"]).text
    assert "received_number" in table and "1234" in table


def test_files_that_are_no_documents_are_skipped_and_counted_not_failed(tmp_path):
    from click.testing import CliRunner

    from directives.cli import cli

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kh-210.txt").write_text(STAMPED, encoding="utf-8")
    (folder / "site-metadata.json").write_text('{"a": 1}', encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "t.db"), "--jobs", "1", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "2 not documents (skipped)" in result.output and "0 failed" in result.output
    import json

    assert json.loads(report.read_text())["outcomes"]["not_documents"] == 2


def test_extract_without_jsonl_reads_as_a_person_reads(tmp_path):
    from click.testing import CliRunner

    from directives.cli import cli

    path = tmp_path / "kh-210.txt"
    path.write_text(STAMPED, encoding="utf-8")
    out = CliRunner().invoke(cli, ["extract", str(path)]).output
    assert "Số ký hiệu        210/KH-SCT" in out and "Ngày ban hành     02/03/2025" in out and "Số đến            1234" in out
    assert "Nhiệm vụ (1)" in out and "- Phòng Quản lý thương mại" in out and "[30/06/2025]" in out
    assert "Văn bản dẫn chiếu" in out or "references" not in out
