"""Search as a clerk types it (issue 22): syllables side by side first, in the trích yếu
before the body; a type word with a number asks for that document; leading zeros of a number
do not matter; results narrowed by type, issuer and year on the same page."""
from __future__ import annotations

import asyncio

import pytest
from datasette.app import Datasette

from directives.datasette_plugins.pages.search import document_request, vn_date
from directives.db.store import Store
from directives.run import ingest


def document(symbol, kind, subject, body, issuer=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), date="ngày 10 tháng 3 năm 2025"):
    return f"""\
{issuer[0]}
{issuer[1]}
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

Số: {symbol}

Quảng Ngãi, {date}

{kind}
{subject}

{body}

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn An
"""


DOCUMENTS = {
    # the words of "chuyển đổi số" all present, apart, in a long trích yếu and body
    "qd-10.txt": document("10/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc chuyển đổi công ty nhà nước và sắp xếp số lượng đơn vị",
                          "Điều 1. Chuyển đổi công ty. Số lượng đơn vị giảm. Sở Tài chính chủ trì thực hiện."),
    "qd-11.txt": document("11/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc chuyển mục đích sử dụng đất trồng lúa",
                          "Điều 1. Đổi số liệu đất trồng lúa, chuyển sang đất ở. Sở Nông nghiệp chủ trì."),
    # the phrase in the body only
    "kh-12.txt": document("12/KH-UBND", "KẾ HOẠCH", "Cải cách hành chính năm 2025",
                          "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước. Sở Nội vụ chủ trì, số lượng hồ sơ trực tuyến tăng."),
    # the phrase in the trích yếu
    "da-13.txt": document("13/ĐA-UBND", "ĐỀ ÁN", "Chuyển đổi số tỉnh Quảng Ngãi giai đoạn 2025 - 2030",
                          "Mục tiêu: chính quyền số. Sở Khoa học và Công nghệ chủ trì."),
    "kh-14.txt": document("14/KH-UBND", "KẾ HOẠCH", "Phòng, chống thiên tai năm 2025",
                          "Chủ động ứng phó thiên tai. Ban Chỉ huy phòng thủ dân sự tỉnh chủ trì."),
    "kh-15.txt": document("15/KH-UBND", "KẾ HOẠCH", "Tổ chức hội nghị tài chính năm 2025",
                          "Phòng Tài chính tại huyện chống thất thu, từ thiện, kế hoạch năm 2025 về tài sản."),
    # a number with leading zeros; a decree and a decision that cites it
    "qd-01763.txt": document("01763/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc phê duyệt danh mục dự án",
                             "Điều 1. Phê duyệt danh mục. Sở Xây dựng chủ trì."),
    "nd-131.txt": document("131/2025/NĐ-CP", "NGHỊ ĐỊNH", "Quy định chức năng, nhiệm vụ của cơ quan",
                           "Chính phủ ban hành Nghị định quy định chức năng.", issuer=("CHÍNH PHỦ", ""), date="ngày 12 tháng 6 năm 2025"),
    "qd-2913.txt": document("2913/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc triển khai Nghị định số 131/2025/NĐ-CP ngày 12/6/2025",
                            "Căn cứ Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 của Chính phủ; nghị định này quy định. Sở Tư pháp chủ trì."),
    # repeals 11/QĐ-UBND: that one is no longer in force
    "qd-16.txt": document("16/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc bãi bỏ Quyết định số 11/QĐ-UBND ngày 10/3/2025",
                          "Điều 1. Bãi bỏ Quyết định số 11/QĐ-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh.\n"
                          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", date="ngày 20 tháng 3 năm 2025"),
}


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "search.db"
    ingest(Store.open(path), [str(folder)])
    return Datasette([str(path)])


def get(ds, path, **params):
    return asyncio.run(ds.client.get(path, params=params or None))


def found(ds, q, **params):
    r = get(ds, "/-/search.json", q=q, **params)
    assert r.status_code == 200, r.text
    return [row["symbol"] for row in r.json()["rows"]]


def test_the_phrase_in_the_trich_yeu_then_in_the_body_then_the_rest(ds):
    assert found(ds, "chuyen doi so")[:2] == ["13/ĐA-UBND", "12/KH-UBND"]
    assert set(found(ds, "chuyen doi so")[2:]) == {"10/QĐ-UBND", "11/QĐ-UBND"}
    assert found(ds, "chuyển đổi số")[:2] == ["13/ĐA-UBND", "12/KH-UBND"]


def test_syllables_near_each_other_before_words_scattered(ds):
    # "tài", "tại", "thiện", "chống", "kế hoạch" all stand in 15/KH-UBND, apart
    assert found(ds, "ke hoach phong chong thien tai 2025")[0] == "14/KH-UBND"


def test_a_type_word_with_a_number_asks_for_that_document(ds):
    assert found(ds, "nghi dinh 131/2025")[0] == "131/2025/NĐ-CP"
    assert found(ds, "nghị định số 131/2025")[0] == "131/2025/NĐ-CP"
    assert found(ds, "nd 131")[0] == "131/2025/NĐ-CP"
    assert found(ds, "131/2025")[0] == "131/2025/NĐ-CP"
    assert found(ds, "quyet dinh 2913")[0] == "2913/QĐ-UBND"


def test_leading_zeros_of_the_number_do_not_matter(ds):
    assert found(ds, "1763/QĐ-UBND")[0] == "01763/QĐ-UBND"
    assert found(ds, "1763/qd-ubnd")[0] == "01763/QĐ-UBND"
    assert found(ds, "quyet dinh 1763")[0] == "01763/QĐ-UBND"
    assert found(ds, "01763/QĐ-UBND")[0] == "01763/QĐ-UBND"


def test_document_request_reads_type_number_year():
    assert document_request("Nghị định 131/2025") == {"doc_type": "NĐ", "number": "131", "year": 2025, "codes": None, "others": []}
    assert document_request("qd 01763")["number"] == "1763"
    assert document_request("quyết định 15/2020/QĐ-TTg")["codes"] == "qdttg"
    assert document_request("chuyen doi so") is None
    assert document_request("ke hoach 2025")["number"] == "2025"  # a number after a type: asked for, or found as a word


def test_results_say_type_date_issuer_and_narrow_on_the_page(ds):
    html = get(ds, "/-/search", q="chuyen doi so").text
    assert "Đề án" in html and "10/03/2025" in html and 'datetime="2025-03-10"' in html
    assert 'data-facet="type"' in html and 'data-facet="year"' in html and 'data-facet="issuer"' in html
    assert "q=chuyen+doi+so&amp;type=QĐ" in html or "q=chuyen+doi+so&amp;type=Q%C4%90" in html
    assert found(ds, "chuyen doi so", type="QĐ") == ["10/QĐ-UBND", "11/QĐ-UBND"] or set(found(ds, "chuyen doi so", type="QĐ")) == {"10/QĐ-UBND", "11/QĐ-UBND"}
    assert found(ds, "chuyen doi so", year="2024") == []
    assert 'data-facet="status"' in html  # and the status, as of today, narrows too
    assert found(ds, "chuyen doi so", status="hết hiệu lực toàn bộ") == ["11/QĐ-UBND"]
    assert "11/QĐ-UBND" not in found(ds, "chuyen doi so", status="còn hiệu lực")
    assert len(found(ds, "chuyen doi so", year="2025")) == 4
    r = get(ds, "/-/search.json", q="chuyen doi so")
    assert r.json()["rows"][0]["issued_date"] == "2025-03-10"  # ISO in JSON


def test_vn_date():
    assert vn_date("2025-03-05") == "05/03/2025" and vn_date(None) == "" and vn_date("2025") == "2025"


def test_the_issuer_facet_uses_the_canonical_body():
    from directives.datasette_plugins.pages.search import canonical_body

    assert canonical_body("Cục hải quan") == canonical_body("Bộ Tài chính cục hải quan") == "Cục Hải quan"
    assert canonical_body("Bộ Tài chính tổng cục hải quan") == "Tổng cục Hải quan"
    assert canonical_body("Ủy ban nhân dân tỉnh Nghệ An") == "Ủy ban nhân dân tỉnh Nghệ An"


def test_the_documents_tables_search_box_asks_the_search_page(ds_for_table_search):
    """The table's own search (Datasette's) matched folded syllables anywhere; its box now
    leads to /-/search, which ranks the phrase first. Its JSON stays Datasette's."""
    import asyncio

    ds, name = ds_for_table_search
    response = asyncio.run(ds.client.get(f"/{name}/documents?_search=ha+tang+so&doc_type=KH&_sort_desc=issued_date"))
    assert response.status_code == 302
    assert response.headers["location"] == "/-/search?q=ha+tang+so&type=KH"
    assert asyncio.run(ds.client.get(f"/{name}/documents.json?_search=ha+tang+so")).status_code == 200


@pytest.fixture
def ds_for_table_search(tmp_path):
    from pathlib import Path

    from datasette.app import Datasette

    from directives.db.store import Store
    from directives.run import ingest

    path = tmp_path / "ts.db"
    ingest(Store.open(path), [str(Path(__file__).resolve().parents[1] / "examples")])
    return Datasette([str(path)]), "ts"
