"""The plugin's list pages through datasette.client: tasks, missing documents, search, the
documents table and the canned queries, on documents written for these tests (a Chỉ thị, the
plan carrying it out, a secret notice carrying out the plan, and a decision whose trích yếu
and text hold markup)."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from directives.cli import cli
from directives.db import units
from directives.db.store import Store
from directives.run import ingest
from tests.conftest import get

DOCUMENTS = {
    "ct-05.txt": """\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

Số: 05/CT-UBND

Quảng Ngãi, ngày 10 tháng 3 năm 2025

CHỈ THỊ
Về tăng cường quản lý, sử dụng vốn đầu tư công năm 2025

Căn cứ Nghị định số 99/2021/NĐ-CP ngày 11/11/2021 của Chính phủ quy định về quản lý, thanh toán, quyết toán dự án sử dụng vốn đầu tư công;

Để đẩy nhanh tiến độ giải ngân vốn đầu tư công, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:

1. Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh rà soát kế hoạch vốn, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2025.
2. Sở Xây dựng chủ trì kiểm tra chất lượng các công trình giao thông, hoàn thành trước ngày 31/12/2099.
3. Ủy ban nhân dân các huyện, thị xã, thành phố có trách nhiệm báo cáo tiến độ giải ngân hằng tháng./.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn An
""",
    "kh-120.txt": """\
UBND TỈNH QUẢNG NGÃI
SỞ XÂY DỰNG
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

Số: 120/KH-SXD

Quảng Ngãi, ngày 20 tháng 3 năm 2025

KẾ HOẠCH
Kiểm tra chất lượng công trình giao thông năm 2025

Thực hiện Chỉ thị số 05/CT-UBND ngày 10/3/2025 của Chủ tịch UBND tỉnh Quảng Ngãi về tăng cường quản lý, sử dụng vốn đầu tư công năm 2025; căn cứ Nghị định số 99/2021/NĐ-CP ngày 11/11/2021 của Chính phủ, Sở Xây dựng ban hành Kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
1. Phòng Quản lý chất lượng công trình chủ trì kiểm tra các công trình, báo cáo Giám đốc Sở trước ngày 15/11/2025.
2. Thanh tra Sở phối hợp với Phòng Quản lý chất lượng công trình xử lý vi phạm, hoàn thành trước ngày 31/12/2099./.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Thị Bình
""",
    "qd-script.txt": """\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

Số: 1477/QĐ-UBND

Quảng Ngãi, ngày 05 tháng 5 năm 2025

QUYẾT ĐỊNH
Về việc <script>alert(1)</script> phê duyệt danh mục dự án thuế nhập khẩu "><img src=x onerror=alert(2)>

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Nghị định số 99/2021/NĐ-CP ngày 11/11/2021 của Chính phủ;
Căn cứ Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt danh mục dự án kèm theo Quyết định này. Ghi chú "><img src=x onerror=alert(2)> và <script>alert(3)</script> trong nội dung.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn An
""",
    "tb-07.txt": """\
UBND TỈNH QUẢNG NGÃI
SỞ XÂY DỰNG
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

MẬT

Số: 07/TB-SXD

Quảng Ngãi, ngày 02 tháng 4 năm 2025

THÔNG BÁO
Phân công kiểm tra công trình giao thông

Căn cứ Quyết định số 2222/QĐ-UBND ngày 01/02/2025 của UBND tỉnh Quảng Ngãi về giao kế hoạch kiểm tra;
Thực hiện Kế hoạch số 120/KH-SXD ngày 20/3/2025 của Sở Xây dựng tỉnh Quảng Ngãi, Sở Xây dựng thông báo như sau:

1. Văn phòng Sở có trách nhiệm bố trí xe và kinh phí cho đoàn kiểm tra trước ngày 10/4/2025./.

Nơi nhận:
- Các phòng thuộc Sở;
- Lưu: VT.

GIÁM ĐỐC

Lê Văn Cường
""",
}

MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<script>alert(3)</script>")


@pytest.fixture(scope="module")
def db_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "pages.db"
    ingest(Store.open(path), [str(folder)])
    return path


@pytest.fixture(scope="module")
def ds(db_file):
    return Datasette([str(db_file)])


@pytest.fixture(scope="module")
def ids(db_file):
    store = Store.open(db_file)
    return {row[0]: row[1] for row in store.db.execute("select symbol, id from documents")}


def tasks_json(ds, signed_in=False, **params):
    r = get(ds, "/-/tasks.json", signed_in=signed_in, **params)
    assert r.status_code == 200, r.text
    return r.json()


# ---------------------------------------------------------------------------- tasks


def test_tasks_overdue_first_then_by_deadline_then_undated(ds):
    data = tasks_json(ds, kind="all")  # (a filter: the opening page has its own order, below)
    rows = data["rows"]
    assert data["total"] == len(rows) > 5
    flags = [r["overdue"] for r in rows]
    assert flags[0] and flags == sorted(flags, reverse=True)  # overdue ones first
    dated = [r["due_by"] for r in rows if r["due_by"]]
    assert dated == sorted(dated)
    assert rows[: len(dated)] == [r for r in rows if r["due_by"]]  # undated ones last
    overdue = next(r for r in rows if r["overdue"])
    assert (overdue["unit"], overdue["due_by"], overdue["symbol"]) == ("Sở Tài chính tỉnh Quảng Ngãi", "2025-06-30", "05/CT-UBND")
    assert overdue["document_url"] == f"/-/document/{overdue['document_id']}"
    html = get(ds, "/-/tasks", kind="all").text
    assert "Quá hạn" in html and f'href="/-/document/{overdue["document_id"]}"' in html


def test_the_board_opens_on_assignments_of_plans_and_directives_current_ones_first(ds):
    everything = tasks_json(ds, kind="all")["rows"]
    rows = tasks_json(ds)["rows"]
    assert rows and {r["kind"] for r in rows} == {"assignment"}
    assert len(rows) < len(everything)  # the closing "chịu trách nhiệm thi hành" clauses are left out
    plans = [r["doc_type"] in ("KH", "CT", "CĐ") for r in rows]
    assert plans == sorted(plans, reverse=True)  # plans and directives first
    first = [r for r in rows if r["doc_type"] in ("KH", "CT", "CĐ")]
    current = [not r["overdue"] for r in first]
    assert current == sorted(current, reverse=True)  # the current ones before the overdue
    assert {r["kind"] for r in tasks_json(ds, kind="execution")["rows"]} == {"execution"}
    assert get(ds, "/-/tasks.json", kind="nonsense").status_code == 400


def test_tasks_page_is_paginated(ds):
    first = get(ds, "/-/tasks.json", page="1").json()
    assert first["page_size"] == 50 and first["pages"] == 1 and first["next"] is None
    assert get(ds, "/-/tasks.json", page="99").json()["page"] == 1  # past the end: the last page


@pytest.mark.parametrize(
    "query",
    ["so tai chinh quang ngai", "Sở Tài chính tỉnh Quảng Ngãi", "quảng ngãi SỞ TÀI CHÍNH", "tai chinh"],
)
def test_tasks_of_a_unit_in_any_spelling(ds, query):
    units_found = {r["unit"] for r in tasks_json(ds, unit=query)["rows"]}
    assert "Sở Tài chính tỉnh Quảng Ngãi" in units_found
    assert all("Tài chính" in unit for unit in units_found)


def test_unit_query_words_must_all_be_there(ds):
    assert tasks_json(ds, unit="so tai chinh ha noi")["total"] == 0
    assert tasks_json(ds, unit="%")["total"] == 0  # a LIKE wildcard is no wildcard here
    assert tasks_json(ds, unit="_")["total"] == 0
    # UBND is Ủy ban nhân dân; "Chánh Văn phòng UBND tỉnh" of a Quảng Ngãi decision is its office's (issue 13)
    # (its closing-article duty is an execution: the board shows every kind when asked)
    assert {r["unit"] for r in tasks_json(ds, unit="van phong ubnd quang ngai", kind="all")["rows"]} == {
        "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi"
    }
    # (its only task is the decision's closing clause: not among the duties assigned)
    assert tasks_json(ds, unit="van phong ubnd quang ngai")["total"] == 0


def test_unit_matching_is_word_based():
    assert units.matches("Sở Tài chính tỉnh Quảng Ngãi", "quang ngai tai chinh")
    assert not units.matches("Sở Tài nguyên tỉnh Quảng Ngãi", "tai chinh")
    assert not units.matches("Sở Tài chính tỉnh Quảng Ngãi", "chinh quang nga")  # words, not fragments
    assert units.matches("Hội đồng nhân dân tỉnh Đắk Lắk", "HĐND tinh dak lak")
    assert not units.matches("Bộ Công an nắm giữ 100% vốn", "%")
    assert not units.matches("Sở Tài chính", "")


def test_cli_tasks_uses_the_same_matching(db_file):
    runner = CliRunner()
    result = runner.invoke(cli, ["tasks", "so tai chinh quang ngai", "--db", str(db_file)])
    assert result.exit_code == 0, result.output
    assert "Sở Tài chính tỉnh Quảng Ngãi" in result.output
    result = runner.invoke(cli, ["tasks", "%", "--db", str(db_file)])
    assert result.exit_code != 0 and "no task" in result.output


def test_tasks_of_a_document_and_of_a_month(ds, ids):
    rows = tasks_json(ds, document=str(ids["1477/QĐ-UBND"]))["rows"]
    assert {r["symbol"] for r in rows} == {"1477/QĐ-UBND"} and len(rows) == 2
    rows = tasks_json(ds, month="2025-06")["rows"]
    assert [(r["symbol"], r["due_by"]) for r in rows] == [("05/CT-UBND", "2025-06-30")]
    assert tasks_json(ds, month="2099-12")["total"] == 2
    assert tasks_json(ds, month="2099-12", unit="thanh tra")["total"] == 1  # filters combine


def test_bad_filters_say_what_is_wrong(ds):
    for params in ({"month": "12/2025"}, {"month": "2025-13"}, {"document": "abc"}, {"from": "1 or 1=1"}):
        r = get(ds, "/-/tasks.json", **params)
        assert r.status_code == 400 and not r.json()["ok"]
        assert get(ds, "/-/tasks", **params).status_code == 400


def test_tasks_derived_from_a_decision_grouped_by_depth(ds, ids):
    root = ids["05/CT-UBND"]
    signed = tasks_json(ds, signed_in=True, **{"from": str(root)})
    depths = [(r["symbol"], r["depth"]) for r in signed["rows"]]
    assert depths == sorted(depths, key=lambda d: d[1])
    assert {d for d in depths} == {("05/CT-UBND", 0), ("120/KH-SXD", 1), ("07/TB-SXD", 2)}
    html = get(ds, "/-/tasks", signed_in=True, **{"from": str(root)}).text
    assert html.index("bậc 0") < html.index("bậc 1") < html.index("bậc 2")
    assert html.index("120/KH-SXD") < html.index("07/TB-SXD")


def test_tasks_of_secret_documents_for_signed_in_users_only(ds, ids):
    anonymous = tasks_json(ds, **{"from": str(ids["05/CT-UBND"])})
    assert "07/TB-SXD" not in {r["symbol"] for r in anonymous["rows"]}
    assert "07/TB-SXD" not in {r["symbol"] for r in tasks_json(ds)["rows"]}
    assert "07/TB-SXD" in {r["symbol"] for r in tasks_json(ds, signed_in=True)["rows"]}
    assert "chỉ hiện khi đã đăng nhập" in get(ds, "/-/tasks").text


# ---------------------------------------------------------------------------- missing documents


def test_missing_documents_ranked_by_citations(ds, ids):
    data = get(ds, "/-/missing.json", signed_in=True).json()
    rows = data["rows"]
    # ties by date, the newest first
    assert [(r["symbol"], r["cited_by"]) for r in rows] == [("99/2021/NĐ-CP", 3), ("2222/QĐ-UBND", 1), ("80/2021/TT-BTC", 1)]
    first = rows[0]
    assert (first["doc_type"], first["issued_date"], first["issuer"]) == ("NĐ", "2021-11-11", "Chính phủ")
    assert {c["symbol"] for c in first["citations"]} == {"05/CT-UBND", "120/KH-SXD", "1477/QĐ-UBND"}
    assert any("Nghị định số 99/2021/NĐ-CP" in m for m in first["mentions"])
    html = get(ds, "/-/missing").text
    assert html.index("99/2021/NĐ-CP") < html.index("80/2021/TT-BTC")
    assert f'href="/-/document/{ids["120/KH-SXD"]}"' in html and 'href="/-/missing.csv"' in html


def test_missing_documents_name_their_type(ds):
    # a clerk reads "Nghị định", not the Phụ lục III abbreviation
    html = get(ds, "/-/missing").text
    row = html[html.index("99/2021/NĐ-CP"):]
    assert row.index('title="NĐ">Nghị định</td>') < row.index("</tr>")
    assert get(ds, "/-/missing.json").json()["rows"][0]["doc_type_name"] == "Nghị định"


def test_home_page_leads_to_search_tasks_and_missing(ds):
    html = get(ds, "/").text
    assert 'action="/-/search"' in html and 'href="/-/tasks"' in html and 'href="/-/missing"' in html
    assert 'href="/pages"' in html  # Datasette's list of databases stays


def test_missing_documents_as_csv_for_excel(ds):
    r = get(ds, "/-/missing.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with its byte-order mark
    table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["Thứ tự", "Số ký hiệu", "Loại"]
    assert table[1][1:4] == ["99/2021/NĐ-CP", "NĐ", "2021-11-11"] and table[1][6] == "3"
    # 2222/QĐ-UBND, cited only by a secret notice, is known to signed-in users only
    assert "120/KH-SXD" in table[1][7] and [row[1] for row in table[2:]] == ["80/2021/TT-BTC"]
    signed = list(csv.reader(io.StringIO(get(ds, "/-/missing.csv", signed_in=True).content.decode("utf-8-sig"))))
    assert [row[1] for row in signed[2:]] == ["2222/QĐ-UBND", "80/2021/TT-BTC"]
    assert "Quyết định số 2222/QĐ-UBND ngày 01/02/2025" in signed[2][8]


def test_missing_documents_keep_secret_mentions_for_signed_in_users(ds):
    def row(signed_in):
        rows = get(ds, "/-/missing.json", signed_in=signed_in).json()["rows"]
        return next(r for r in rows if r["symbol"] == "2222/QĐ-UBND")

    assert not [r for r in get(ds, "/-/missing.json").json()["rows"] if r["symbol"] == "2222/QĐ-UBND"]
    assert row(True)["citations"][0]["symbol"] == "07/TB-SXD"
    assert any("2222/QĐ-UBND ngày 01/02/2025" in m for m in row(True)["mentions"])


# ---------------------------------------------------------------------------- search


def search(ds, q, signed_in=False):
    r = get(ds, "/-/search.json", signed_in=signed_in, q=q)
    assert r.status_code == 200, r.text
    return r.json()


def found(ds, q, signed_in=False):
    return [r["symbol"] for r in search(ds, q, signed_in)["rows"]]


def test_search_with_or_without_diacritics(ds):
    assert "1477/QĐ-UBND" in found(ds, "quyet dinh")
    assert set(found(ds, "quyet dinh")) == set(found(ds, "quyết định"))
    assert set(found(ds, "quang ngai")) == set(found(ds, "Quảng Ngãi")) >= {"05/CT-UBND", "120/KH-SXD", "1477/QĐ-UBND"}
    assert found(ds, "đầu tư công") and set(found(ds, "dau tu cong")) == set(found(ds, "đầu tư công"))


def test_search_prefixes_and_phrases(ds):
    assert found(ds, "thue nhap*") == ["1477/QĐ-UBND"]
    assert found(ds, "thuế nhậ*") == ["1477/QĐ-UBND"]
    assert found(ds, "thue nhap") == ["1477/QĐ-UBND"]
    assert found(ds, "thue nha") == []  # without the star a word is a whole word
    assert found(ds, '"kiểm tra chất lượng"')
    assert found(ds, '"chất kiểm tra lượng"') == []


@pytest.mark.parametrize("q", ["1477/qd-ubnd", "1477 / QĐ–UBND", "1477/QĐ-UBND", "số 1477/qđ-ubnd"])
def test_search_symbol_in_any_spelling(ds, q):
    rows = search(ds, q)["rows"]
    assert rows[0]["symbol"] == "1477/QĐ-UBND"


def test_exact_symbol_first(ds):
    # 120/KH-SXD names 05/CT-UBND three times; the Chỉ thị itself comes first all the same
    rows = search(ds, "05/CT-UBND")["rows"]
    assert rows[0]["symbol"] == "05/CT-UBND" and rows[0]["exact_symbol"]
    assert "120/KH-SXD" in [r["symbol"] for r in rows[1:]] and not rows[1]["exact_symbol"]
    assert '<span class="badge exact">' in get(ds, "/-/search", q="05/ct-ubnd").text
    # a symbol among other words comes first too, when the other words match it
    rows = search(ds, "vi phạm 05/CT-UBND")["rows"]  # the Chỉ thị says nothing of vi phạm
    assert [r["symbol"] for r in rows] == ["120/KH-SXD"] and not rows[0]["exact_symbol"]
    rows = search(ds, "chi thi 05/ct-ubnd")["rows"]
    assert rows[0]["symbol"] == "05/CT-UBND" and rows[0]["exact_symbol"]


def test_search_results_rank_by_relevance(ds):
    # the Chỉ thị's trích yếu is about "vốn đầu tư công"; the plan only names it once in its text
    assert found(ds, "von dau tu cong")[:2] == ["05/CT-UBND", "120/KH-SXD"]


def test_search_snippets_mark_the_words_found(ds):
    row = search(ds, "giai ngan")["rows"][0]
    assert row["symbol"] == "05/CT-UBND"
    assert "<mark>giải</mark> <mark>ngân</mark>" in row["snippet_html"]
    assert row["url"] == f"/-/document/{row['id']}"


@pytest.mark.parametrize("q", ['"', "AND", "NEAR(", "*", "a:b", ")", "OR OR", "symbol:1", "'; drop table documents; --", "^", "-", "{x}"])
def test_no_query_breaks_search(ds, q):
    assert get(ds, "/-/search", q=q).status_code == 200
    assert search(ds, q)["ok"]


def test_secret_text_is_not_searchable_anonymously(ds):
    assert found(ds, "bố trí xe") == []
    assert found(ds, "bố trí xe", signed_in=True) == ["07/TB-SXD"]
    assert found(ds, "phân công kiểm tra") == ["07/TB-SXD"]  # its trích yếu is not secret
    assert search(ds, "phân công kiểm tra")["rows"][0]["snippet_html"] == ""


# ---------------------------------------------------------------------------- escaping


def test_document_markup_is_escaped_on_every_page(ds, ids):
    qd = ids["1477/QĐ-UBND"]
    pages = [
        ("/-/search", {"q": "phe duyet"}),
        ("/-/search", {"q": "script alert"}),
        ("/-/search", {"q": "onerror"}),
        ("/-/tasks", {"document": str(qd)}),
        ("/-/tasks", {"from": str(qd)}),
        ("/-/missing", {}),
        ("/pages/public_documents", {"_col": "subject", "placeholder": "0"}),  # documents: for signed-in users (a secret one)
    ]
    for path, params in pages:
        r = get(ds, path, **params)
        assert r.status_code == 200, path
        for markup in MARKUP:
            assert markup not in r.text, (path, params, markup)
    html = get(ds, "/-/search", q="phe duyet").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in html or "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<mark>" in html
    # JSON gives the text as data, and the HTML it offers escaped
    row = get(ds, "/-/search.json", q="img onerror").json()["rows"][0]
    assert row["subject"].startswith("Về việc <script>")
    assert "<script>" not in row["subject_html"] and "<mark>img</mark> src=x" in row["subject_html"]


# ---------------------------------------------------------------------------- the table pages


def test_documents_table_opens_short_without_placeholders(ds, ids):
    r = get(ds, "/pages/documents")
    assert r.status_code == 302
    location = r.headers["location"]
    assert "_col=symbol" in location and "placeholder=0" in location and "_col=text" not in location
    page = get(ds, location, signed_in=True)  # the database holds a secret notice: the table is for signed-in users
    assert page.status_code == 200
    assert 'data-column="text"' not in page.text and 'data-column="recipients"' not in page.text
    assert 'data-column="subject"' in page.text
    assert "99/2021/NĐ-CP" not in page.text  # a placeholder
    assert f'<a href="/-/document/{ids["05/CT-UBND"]}">05/CT-UBND</a>' in page.text
    # with a query string the reader chose, nothing is imposed
    assert 'data-column="text"' in get(ds, "/pages/documents", signed_in=True, _sort="id").text
    assert get(ds, location).status_code == 403


def test_table_pages_lean(ds, ids):
    data = get(ds, "/pages/documents.json", signed_in=True, placeholder="0").json()
    assert data["suggested_facets"] == []
    links = get(ds, "/pages/tasks", signed_in=True, _nocol="board_key").text  # what the bare table redirects to
    assert f'<a href="/-/document/{ids["05/CT-UBND"]}">05/CT-UBND</a>' in links


def test_canned_queries(ds, ids):
    def rows(name, **params):
        r = get(ds, f"/pages/{name}.json", _shape="objects", **params)
        assert r.status_code == 200, r.text
        return r.json()["rows"]

    assert {r["symbol"] for r in rows("issuer_documents", issuer="ubnd quang ngai", since="2025-01-01", until="2025-03-31")} == {"05/CT-UBND"}
    assert {r["symbol"] for r in rows("issuer_documents", issuer="so xay dung", since="", until="")} == {"120/KH-SXD", "07/TB-SXD"}
    # 07/TB-SXD, a secret notice, says it carries out the plan: for signed-in users only
    assert [(r["symbol"], r["depth"]) for r in rows("implementing", symbol="05/ct-ubnd")] == [("120/KH-SXD", 1)]
    clerk = get(ds, "/pages/implementing.json", signed_in=True, _shape="objects", symbol="05/ct-ubnd").json()["rows"]
    assert [(r["symbol"], r["depth"]) for r in clerk] == [("120/KH-SXD", 1), ("07/TB-SXD", 2)]
    open_tasks = rows("unit_open_tasks", unit="so xay dung quang ngai")  # its Thanh tra Sở is named so too
    assert {(r["unit"], r["due_by"]) for r in open_tasks} == {
        ("Sở Xây dựng tỉnh Quảng Ngãi", "2099-12-31"), ("Thanh tra Sở Xây dựng tỉnh Quảng Ngãi", "2099-12-31")}
    # the Sở's overdue task of 2025-06-30 is not open any more: unit_tasks lists it, first
    assert "2025-06-30" not in {r["due_by"] for r in rows("unit_open_tasks", unit="so tai chinh quang ngai")}
    assert rows("unit_tasks", unit="so tai chinh quang ngai")[0]["deadline"] == "2025-06-30"
    assert rows("unit_tasks", unit="%") == []
    assert {r["unit"] for r in rows("unit_tasks", unit="so tai chinh quang ngai")} >= {"Sở Tài chính tỉnh Quảng Ngãi"}
    # in the answers' pages each symbol leads to its document's page
    page = get(ds, "/pages/implementing", symbol="05/ct-ubnd").text
    assert f'<a href="/-/document/{ids["120/KH-SXD"]}">120/KH-SXD</a>' in page
    page = get(ds, "/pages/unit_tasks", unit="so tai chinh quang ngai").text
    assert f'<a href="/-/document/{ids["05/CT-UBND"]}">05/CT-UBND</a>' in page


def test_tasks_from_a_placeholder_and_documents_without_symbol(ds, ids, db_file):
    # the tasks deriving from a cited Nghị định nobody has ingested: everything based on it
    rows = tasks_json(ds, kind="all", **{"from": str(ids["99/2021/NĐ-CP"])})["rows"]
    assert {r["symbol"] for r in rows} >= {"05/CT-UBND", "120/KH-SXD", "1477/QĐ-UBND"}
    assert {r["depth"] for r in rows} == {1}  # 07/TB-SXD, two levels down, is secret
    assert {r["depth"] for r in tasks_json(ds, signed_in=True, kind="all", **{"from": str(ids["99/2021/NĐ-CP"])})["rows"]} == {1, 2}
    # by default the duties assigned: the decision's closing clause ("chịu trách nhiệm thi hành") is left out
    assigned = tasks_json(ds, **{"from": str(ids["99/2021/NĐ-CP"])})["rows"]
    assert {r["kind"] for r in assigned} == {"assignment"} and len(assigned) < len(rows)
    store = Store.open(db_file)  # a law cited by its title has no symbol: pages name it by its title
    store.db.execute("insert into documents (id, subject, placeholder, identity) values (9001, 'Luật Ngân sách nhà nước', 1, 'test-9001')")
    store.db.execute("insert into document_links (source_id, target_id, relation) values (?, 9001, 'based_on')", [ids["05/CT-UBND"]])
    store.db.conn.commit()
    try:
        assert get(ds, "/-/tasks", **{"from": "9001"}).status_code == 200
        assert ">Luật Ngân sách nhà nước</a>" in get(ds, "/-/missing").text
        assert get(ds, "/-/search", q="luat ngan sach").status_code == 200
        page = get(ds, "/-/document/9001").text  # headed by its name, not by "(không số)"
        assert "<h1>Luật Ngân sách nhà nước</h1>" in page and "không số" not in page
        assert "<title>Luật Ngân sách nhà nước" in page
        table = get(ds, "/pages/documents", signed_in=True, id="9001", _col="symbol").text  # its row leads to it
        # a letter without a number citing it is named on the missing list by its trích yếu
        store.db.execute("insert into documents (id, subject, placeholder, identity, issued_date) values "
                         "(9002, 'V/v góp ý dự thảo Luật Ngân sách nhà nước sửa đổi năm 2025', 0, 'test-9002', '2025-05-01')")
        store.db.execute("insert into document_links (source_id, target_id, relation) values (9002, 9001, 'cites')")
        store.db.conn.commit()
        missing = get(ds, "/-/missing").text
        assert '<a href="/-/document/9002" title="dẫn chiếu, 2025-05-01">V/v góp ý dự thảo Luật Ngân sách nhà…</a>' in missing
        assert '<a href="/-/document/9001"><em class="directives-nosymbol">(không số)</em></a>' in table
    finally:
        store.db.execute("delete from document_links where target_id = 9001")
        store.db.execute("delete from document_links where source_id = 9002")
        store.db.execute("delete from documents where id in (9001, 9002)")
        store.db.conn.commit()


def test_page_links_keep_the_filters():
    from datasette.utils.asgi import Request

    from directives.datasette_plugins.pages.common import Pages

    request = Request.fake("/-/tasks?unit=s%E1%BB%9F+t%C3%A0i+ch%C3%ADnh&month=&page=2")
    pages = Pages(request, total=120, page=2, size=50)
    assert (pages.offset, pages.count) == (50, 3)
    assert pages.previous == "/-/tasks?unit=s%E1%BB%9F+t%C3%A0i+ch%C3%ADnh"
    assert pages.next == "/-/tasks?unit=s%E1%BB%9F+t%C3%A0i+ch%C3%ADnh&page=3"


def test_missing_csv_follows_the_database(tmp_path, examples):
    """The sheet is kept between downloads, and made again once anything is ingested."""
    path = tmp_path / "follow.db"
    store = Store.open(path)
    ingest(store, [str(examples / "kh-0031-sct-quang-ngai.txt")])
    ds = Datasette([str(path)])
    for _ in range(6):  # every reading connection has made and kept it
        first = get(ds, "/-/missing.csv").content.decode("utf-8-sig")
        assert "02/CT-UBND" in first and "66/2021/NĐ-CP" not in first
    ingest(store, [str(examples / "qd-0457-ubnd-dak-lak.md")])
    for _ in range(6):
        again = get(ds, "/-/missing.csv").content.decode("utf-8-sig")
        assert "66/2021/NĐ-CP" in again and "02/CT-UBND" in again


def test_pages_read_the_database_named_by_db(db_file, tmp_path, examples):
    other = tmp_path / "other.db"
    ingest(Store.open(other), [str(examples / "kh-0031-sct-quang-ngai.txt")])
    ds = Datasette([str(other), str(db_file)])
    assert get(ds, "/-/tasks.json", unit="van phong so").json()["rows"][0]["symbol"] == "31/KH-SCT"
    rows = get(ds, "/-/tasks.json", db="pages", unit="so tai chinh quang ngai").json()["rows"]
    assert rows and all(r["document_url"].endswith("?db=pages") for r in rows)
    assert found_in(ds, "05/CT-UBND", db="pages") and not found_in(ds, "05/CT-UBND")
    assert get(ds, "/-/missing", db="nowhere").status_code == 404


def found_in(ds, q, **params):
    return [r["symbol"] for r in get(ds, "/-/search.json", q=q, **params).json()["rows"]]
