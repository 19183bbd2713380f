"""Vietnamese where a clerk looks (issue 22): the table pages' headings and Datasette's own
words, dates as dd/mm/yyyy on pages and ISO in JSON and CSV, numbers with the dot."""
from __future__ import annotations

import asyncio

import pytest
from datasette.app import Datasette

from directives.db.store import Store
from directives.nlp import vietnamese as vn
from directives.run import ingest
from tests.test_received import STAMPED


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "kh-210.txt").write_text(STAMPED, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "vn.db"
    ingest(Store.open(path), [str(folder)])
    return Datasette([str(path)])


def get(ds, path):
    return asyncio.run(ds.client.get(path, follow_redirects=True))


def test_the_documents_table_speaks_vietnamese_and_writes_days_as_clerks_do(ds):
    html = get(ds, "/vn/documents").text
    for words in ("Số ký hiệu", "Ngày ban hành", "Trích yếu", "Số đến", "Ngày đến", "1 dòng", "sắp xếp theo", "Xuất dữ liệu", "Tùy chọn CSV"):
        assert words in html, words
    for words in ("rows where", "Advanced export", "This data as", "Next page", "The signer", "Date of issue", "folded for"):
        assert words not in html, words
    assert "Độ mật: Mật, Tối mật, Tuyệt mật" in html  # the notes under the table too
    assert '<time datetime="2025-03-02">02/03/2025</time>' in html and '<time datetime="2025-03-05">05/03/2025</time>' in html
    assert "2025-03-02" in get(ds, "/vn/documents.csv?_col=issued_date").text  # ISO in CSV
    assert get(ds, "/vn/documents.json?_shape=array&_col=issued_date").json()[0]["issued_date"] == "2025-03-02"


def test_the_home_page_counts_in_vietnamese(ds):
    html = get(ds, "/").text
    assert "bảng ẩn" in html and "khung nhìn" in html and "Trang chủ" in html
    assert " tables" not in html and " views" not in html


def test_titles_of_tables_and_queries_are_vietnamese(ds):
    html = get(ds, "/vn").text
    assert "Văn bản" in html and "Nhiệm vụ" in html and "Tìm văn bản theo số ký hiệu" in html


def test_formats():
    assert vn.date("2025-03-05") == "05/03/2025" and vn.number(12345) == "12.345" and vn.number(0.7) == "0,7"
    assert vn.recurrence("yearly") == "hằng năm" and vn.recurrence("every 6 months") == "định kỳ 6 tháng"
    assert vn.description("where placeholder = 0 sorted by issued_date descending") == "lọc: placeholder = 0 sắp xếp theo issued_date giảm dần"


CLERK_PAGES = ["/", "/vn", "/vn/documents", "/vn/tasks", "/-/tasks", "/-/missing", "/-/search?q=ke+hoach", "/-/document/1", "/-/document/1/chain"]


@pytest.mark.parametrize("path", CLERK_PAGES)
def test_datasettes_frame_speaks_vietnamese_on_every_page_a_clerk_opens(ds, path):
    response = get(ds, path)
    assert response.status_code == 200, path
    html = response.text
    assert "Powered by" not in html and "Queries took" not in html
    assert ">home<" not in html and "hidden table" not in html and 'aria-label="Search"' not in html
    assert "Chạy trên" in html  # the footer, Datasette credited
    if 'class="crumbs"' in html:
        assert "Trang chủ" in html
