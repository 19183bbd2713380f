"""Documents marked secret stay secret: each route by which what a secret document says could
reach a visitor who has not signed in, and a walk over every route Datasette and the plugin
expose (each table and view, as a page, JSON and CSV, with the parameters that search, filter
and pick columns) that finds none of it. A route added later is walked too: the walk is made
from the routes the app lists, and a route whose path it cannot fill fails it."""
from __future__ import annotations

import asyncio
import json
import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from directives.cli import cli
from directives.datasette_plugins import signin
from directives.nlp.secrecy import read_marks
from tests.conftest import get, ingest, served

# A plan marked "KHẨN, MẬT", written for these tests in the layout of Nghị định 30/2020/NĐ-CP:
# it carries out 31/KH-SCT (an example), cites a decision nothing else cites, and gives a
# unit nothing else names its duties.
SECRET_PLAN = """UBND TỈNH QUẢNG NGÃI
SỞ NỘI VỤ
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

KHẨN, MẬT

Số: 12/KH-SNV

Quảng Ngãi, ngày 03 tháng 02 năm 2025

KẾ HOẠCH
Rà soát hồ sơ nhân sự diện quy hoạch năm 2025

Thực hiện Kế hoạch số 31/KH-SCT ngày 15/01/2025 của Sở Công Thương tỉnh Quảng Ngãi và Quyết định số 345/QĐ-BCA ngày 03/01/2025 của Bộ Công an, Sở Nội vụ ban hành Kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
1. Phòng Bảo vệ chính trị nội bộ có trách nhiệm rà soát danh sách cán bộ diện quy hoạch kín của tỉnh, báo cáo Giám đốc Sở trước ngày 28/02/2025.
2. Văn phòng Sở phối hợp với Phòng Bảo vệ chính trị nội bộ lưu trữ hồ sơ theo chế độ mật./.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, CCVC.

GIÁM ĐỐC

Trần Văn Bình
"""
SECRET_SYMBOL = "12/KH-SNV"
PUBLIC_TARGET = "31/KH-SCT"  # a stored example the secret plan carries out
# What only the secret plan says: its words, the decision only it cites, the unit only it names
MARKERS = ("quy hoạch kín", "quy hoach kin", "345/QĐ-BCA", "345/qd-bca", "345qdbca", "Bảo vệ chính trị nội bộ",
           "bao ve chinh tri noi bo", "danh sách cán bộ", "danh sach can bo")


@pytest.fixture(scope="module")
def secret_db(tmp_path_factory):
    from tests.conftest import EXAMPLES
    import shutil

    folder = tmp_path_factory.mktemp("secrecy")
    docs = folder / "docs"
    shutil.copytree(EXAMPLES, docs)
    (docs / "kh-0012-snv-quang-ngai.txt").write_text(SECRET_PLAN, encoding="utf-8")
    db_path = folder / "test.db"
    ingest(db_path, docs)
    return db_path


def readable(response) -> str:
    """A response as a person would read it: JSON with its letters as letters, URLs decoded."""
    text = response.text
    if "json" in response.headers.get("content-type", ""):
        try:
            text = json.dumps(response.json(), ensure_ascii=False)
        except ValueError:
            pass
    return text + "\n" + unquote(text)


def leaked(response, params: dict | None = None) -> list[str]:
    """The markers a response shows, beyond the words of the request itself (a page repeats
    what was asked: "bao ve chinh tri noi bo" in its search box is no leak)."""
    text = readable(response).casefold()
    asked = [str(v).casefold() for v in (params or {}).values()] + [unquote(str(response.url)).casefold()]
    for value in sorted(asked, key=len, reverse=True):
        for form in {value, json.dumps(value, ensure_ascii=False)[1:-1]}:
            if form:
                text = text.replace(form, " ")
    return [m for m in MARKERS if m.casefold() in text]


def ids(db_path) -> dict:
    with sqlite3.connect(db_path) as conn:
        return {symbol: i for i, symbol in conn.execute("SELECT id, symbol FROM documents")}


# -- 1. the search index as an oracle -------------------------------------------------------


def test_no_request_chooses_the_full_text_index(secret_db):
    ds = Datasette([str(secret_db)])
    for path in ("/test/public_documents.json", "/test/public_documents", "/test/public_tasks.csv"):
        r = get(ds, path, _search="kín", _fts_table="documents_fts", _fts_pk="id")
        assert r.status_code == 400 and not leaked(r, {"q": "kín"}), (path, r.status_code)
        assert get(ds, path, signed_in=True, _fts_table="documents_fts").status_code == 400  # nobody needs it
    # the plugin's search finds the secret plan by its header, never by its text
    words = get(ds, "/-/search.json", q="quy hoach kin").json()
    assert SECRET_SYMBOL not in [r["symbol"] for r in words["rows"]]
    assert SECRET_SYMBOL in [r["symbol"] for r in get(ds, "/-/search.json", q="ra soat ho so nhan su").json()["rows"]]
    assert SECRET_SYMBOL in [r["symbol"] for r in get(ds, "/-/search.json", signed_in=True, q="quy hoach kin").json()["rows"]]


# -- 2. no password hash in what anyone may read ----------------------------------------------


def test_users_and_their_hashes_are_in_no_introspection_page(secret_db, monkeypatch):
    password_hash = signin.hash_password("mật khẩu dài", iterations=1000)
    monkeypatch.setenv(signin.USERS_ENV, f"clerk:{password_hash}")
    ds = Datasette([str(secret_db)])
    salt = password_hash.split("$")[2]
    for page in ("metadata", "plugins", "settings", "versions", "databases", "threads", "actor", "config"):
        r = get(ds, f"/-/{page}.json")
        assert salt not in r.text and "pbkdf2" not in r.text, page
    assert "clerk" not in get(ds, "/-/metadata.json").text


# -- 3. one document, a marked file and an unmarked one ----------------------------------------


def test_a_document_read_from_a_secret_file_and_an_unmarked_one_is_secret(tmp_path):
    unmarked = SECRET_PLAN.replace("KHẨN, MẬT\n", "KHẨN\n")
    for order in ((("a-unmarked.txt", unmarked), ("b-secret.txt", SECRET_PLAN)),
                  (("a-secret.txt", SECRET_PLAN), ("b-unmarked.txt", unmarked))):
        folder = tmp_path / order[0][0]
        db_path = folder / "test.db"
        for name, text in order:  # one file, then the other, in two runs
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
            ingest(db_path, folder / name)
        with sqlite3.connect(db_path) as conn:
            rows = conn.execute("SELECT secrecy FROM documents WHERE symbol = ?", [SECRET_SYMBOL]).fetchall()
            sources = conn.execute("SELECT s.id, s.path FROM document_sources s JOIN documents d ON d.id = s.document_id "
                                   "WHERE d.symbol = ?", [SECRET_SYMBOL]).fetchall()
        assert rows == [("Mật",)], order
        assert len(sources) == 2
        ds = Datasette([str(db_path)])
        for source_id, _ in sources:  # neither file is served to an anonymous visitor
            assert get(ds, f"/-/source/{source_id}").status_code == 403
            assert get(ds, f"/-/source/{source_id}", signed_in=True).status_code == 200


# -- 4. marks written other ways ---------------------------------------------------------


@pytest.mark.parametrize("line, urgency, secrecy", [
    ("MẬT", None, "Mật"),
    ("KHẨN, MẬT", "Khẩn", "Mật"),
    ("MẬT - KHẨN", "Khẩn", "Mật"),
    ("ĐỘ MẬT: MẬT", None, "Mật"),
    ("Độ mật: Tối mật", None, "Tối mật"),
    ("M Ậ T", None, "Mật"),
    ("T U Y Ệ T  M Ậ T", None, "Tuyệt mật"),
    ("| UBND TỈNH QUẢNG NGÃI | MẬT |", None, "Mật"),  # a cell of the header table
    ("TOI MAT", None, "Tối mật"),  # a stamp read by OCR without its marks
    ("[MẬT]'", None, "Mật"),
    ("HỎA TỐC và MẬT", "Hỏa tốc", "Mật"),
    ("Mật", None, "Mật"),  # lower case alone on a header line: probable, so secret
    ("VỀ CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC", None, None),  # a title about secrets is no mark
    ("Mặt trận Tổ quốc", None, None),
])
def test_the_marks_as_offices_print_them(line, urgency, secrecy):
    assert read_marks(["SỞ NỘI VỤ", line, "Số: 12/KH-SNV"]) == (urgency, secrecy)


def test_a_spaced_mark_in_a_header_table_makes_the_document_secret(tmp_path):
    table = SECRET_PLAN.replace("UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ\n", "| UBND TỈNH QUẢNG NGÃI | |\n| SỞ NỘI VỤ | M Ậ T |\n").replace("KHẨN, MẬT\n", "")
    path = tmp_path / "plan.md"
    path.write_text(table, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(path)], catch_exceptions=False)
    assert json.loads(result.output)["secrecy"] == "Mật"


# -- 5. what a secret document says of others ------------------------------------------------


def test_what_a_secret_plan_says_of_others_is_for_signed_in_users(secret_db):
    ds = Datasette([str(secret_db)])
    doc = ids(secret_db)
    target, placeholder = doc[PUBLIC_TARGET], doc["345/QĐ-BCA"]
    # the page, chain and JSON of the plan it carries out do not say so
    for path in (f"/-/document/{target}", f"/-/document/{target}.json", f"/-/document/{target}/chain",
                 f"/-/document/{target}/chain.json", f"/-/tasks?from={target}"):
        r = get(ds, path)
        assert r.status_code == 200 and SECRET_SYMBOL not in readable(r), path
        assert SECRET_SYMBOL in readable(get(ds, path, signed_in=True)), path
    for query in ("cited_by", "implementing", "derived_tasks"):
        assert SECRET_SYMBOL not in readable(get(ds, f"/test/{query}.json", symbol=PUBLIC_TARGET))
        assert SECRET_SYMBOL in readable(get(ds, f"/test/{query}.json", signed_in=True, symbol=PUBLIC_TARGET)), query
    # the decision only it cites: no page, not missing, not found
    assert get(ds, f"/-/document/{placeholder}").status_code == 404
    assert get(ds, f"/-/document/{placeholder}/chain").status_code == 404
    for path in ("/-/missing", "/-/missing.json", "/-/missing.csv", "/test/public_documents.json"):
        assert not leaked(get(ds, path)), path
    assert not get(ds, "/test/find_symbol.json", symbol="345/QĐ-BCA", _shape="array").json()
    assert "345/QĐ-BCA" in readable(get(ds, "/-/missing.csv", signed_in=True))
    assert get(ds, f"/-/document/{placeholder}", signed_in=True).status_code == 200
    # its own page: the header, and nothing of what it says
    page = get(ds, f"/-/document/{doc[SECRET_SYMBOL]}.json").json()
    assert page["references"] == [] and page["mentions"] == [] and page["tasks"] == [] and page["chain"]["edges"] == []


# -- 6. units named only in secret tasks ---------------------------------------------------


def test_units_named_only_in_secret_tasks_are_unknown_to_anonymous_visitors(secret_db):
    ds = Datasette([str(secret_db)])
    for path, params in (("/test/public_organizations.json", {}), ("/-/tasks", {"unit": "bao ve chinh tri noi bo"}),
                         ("/-/tasks.json", {"unit": "bao ve chinh tri noi bo"})):
        r = get(ds, path, **params)
        assert r.status_code == 200 and not leaked(r, params), path
    assert get(ds, "/test/organizations.json").status_code == 403
    assert "Bảo vệ chính trị nội bộ" in readable(get(ds, "/-/tasks", signed_in=True, unit="bao ve chinh tri noi bo"))


# -- 7. the first secret document of a database being served ----------------------------------


def test_the_first_secret_document_closes_the_database_at_once(examples, db_path):
    ingest(db_path, examples)
    ds = Datasette([str(db_path)])
    assert get(ds, "/test.json", sql="select count(*) from documents").status_code == 200  # open: no secrets yet
    (examples / "kh-0012-snv-quang-ngai.txt").write_text(SECRET_PLAN, encoding="utf-8")
    ingest(db_path, examples)
    r = get(ds, "/test.json", sql="select text from documents")  # the same server, the next request
    assert r.status_code == 403 and not leaked(r)
    with sqlite3.connect(db_path) as conn:  # answered by the partial index, not by reading the documents
        plan = " ".join(str(row) for row in conn.execute(
            "EXPLAIN QUERY PLAN " + __import__("directives.db.schema", fromlist=["HOLDS_SECRETS"]).HOLDS_SECRETS))
    assert "idx_documents_secret" in plan


# -- 8. source files replaced by links or changed -----------------------------------------------


def test_a_source_file_is_served_only_while_it_is_the_file_ingested(examples, db_path, tmp_path):
    ingest(db_path, examples)
    ds = Datasette([str(db_path)])
    with sqlite3.connect(db_path) as conn:
        sources = dict(conn.execute("SELECT path, id FROM document_sources"))
    plan = next(p for p in sources if p.endswith("kh-0031-sct-quang-ngai.txt"))
    other = next(p for p in sources if p.endswith("kh-0020-ubnd-quang-ngai.txt"))
    r = get(ds, f"/-/source/{sources[plan]}")
    assert r.status_code == 200 and "SỞ CÔNG THƯƠNG" in r.text
    original = Path(plan).read_bytes()
    for target in (str(db_path), other, "/etc/shadow"):  # replaced by a link
        os.remove(plan)
        os.symlink(target, plan)
        r = get(ds, f"/-/source/{sources[plan]}")
        assert r.status_code == 409 and "link" in r.text, target
        assert "20/KH-UBND" not in r.text and "SQLite" not in r.text
    os.remove(plan)
    Path(plan).write_bytes(original + b"\n")  # changed in place
    r = get(ds, f"/-/source/{sources[plan]}")
    assert r.status_code == 409 and "changed since it was ingested" in r.text
    os.remove(plan)
    os.mkfifo(plan)  # not a regular file: refused without blocking on it
    r = get(ds, f"/-/source/{sources[plan]}")
    assert r.status_code == 409 and "regular file" in r.text
    os.remove(plan)
    assert get(ds, f"/-/source/{sources[plan]}").status_code == 404


# -- requests that must not break the server ---------------------------------------------------


@pytest.mark.parametrize("path", [
    "/-/document/9223372036854775808", "/-/document/99999999999999999999999.json",
    "/-/document/9223372036854775808/chain", "/-/source/18446744073709551616",
    "/-/tasks?document=9223372036854775808", "/-/tasks.json?from=99999999999999999999",
    "/-/tasks?page=99999999999999999999999", "/-/missing?page=99999999999999999999999",
    "/-/search?q=ke&page=99999999999999999999999",
])
def test_ids_and_pages_beyond_sqlites_integers_are_not_found_or_bad(secret_db, path):
    ds = Datasette([str(secret_db)])
    r = asyncio.run(ds.client.get(path))
    assert r.status_code in (200, 400, 404), (path, r.status_code)
    assert "Traceback" not in r.text and "OverflowError" not in r.text


@pytest.mark.parametrize("path", ["/-/document/1/text", "/a/b/c/d", "/secret/documents/1/x/y"])
def test_a_path_no_route_knows_is_not_found(secret_db, path):
    """Datasette printed the error with rich outside an except block and answered 500."""
    ds = Datasette([str(secret_db)])
    r = asyncio.run(ds.client.get(path))
    assert r.status_code == 404 and "Traceback" not in r.text


def test_search_bounds_the_query_and_says_so_plainly(secret_db):
    ds = Datasette([str(secret_db)])
    many = " ".join(f"a{i}*" for i in range(200))
    for path in ("/-/search", "/-/search.json"):
        r = get(ds, path, q=many)
        assert r.status_code == 200 and "documents_fts" not in r.text and "SELECT" not in r.text
        assert "tối đa" in readable(r)
    r = get(ds, "/-/search.json", q="ke* hoach* nam* quang*")
    assert r.json()["ok"] is False and "dấu *" in r.json()["error"]
    assert get(ds, "/-/search.json", q="ke hoach").json()["ok"] is True


def test_wrong_passwords_are_checked_off_the_event_loop_and_slowed(secret_db, monkeypatch):
    monkeypatch.setenv(signin.USERS_ENV, f"clerk:{signin.hash_password('mật khẩu dài', iterations=2000)}")
    ds = Datasette([str(secret_db)])

    async def scenario():
        login = await ds.client.get("/-/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', login.text).group(1)
        cookies = {"ds_csrftoken": login.cookies["ds_csrftoken"]}

        async def post(name, password):
            return await ds.client.post("/-/login", data={"username": name, "password": password, "csrftoken": token},
                                        cookies=cookies)

        statuses = [(await post("clerk", f"sai {i}")).status_code for i in range(signin.FREE_FAILURES + 1)]
        # the next try waits, even with the right password, and no hash is computed for it
        calls = []
        monkeypatch.setattr(signin, "verify_password", lambda *a: calls.append(a) or True)
        refused = await post("clerk", "mật khẩu dài")
        return statuses, refused, calls

    statuses, refused, calls = asyncio.run(scenario())
    assert statuses[: signin.FREE_FAILURES] == [403] * signin.FREE_FAILURES
    assert refused.status_code == 429 and "thử lại sau" in refused.text and calls == []


def test_a_password_check_does_not_block_other_pages(secret_db, monkeypatch):
    import time

    monkeypatch.setenv(signin.USERS_ENV, f"clerk:{signin.hash_password('x' * 12, iterations=1000)}")
    ds = Datasette([str(secret_db)])
    monkeypatch.setattr(signin, "verify_password", lambda *a: time.sleep(1.0) or False)

    async def scenario():
        login = await ds.client.get("/-/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', login.text).group(1)
        cookies = {"ds_csrftoken": login.cookies["ds_csrftoken"]}
        slow = asyncio.ensure_future(ds.client.post(
            "/-/login", data={"username": "clerk", "password": "sai", "csrftoken": token}, cookies=cookies))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        page = await ds.client.get("/-/versions.json")
        waited = time.monotonic() - started
        await slow
        return page.status_code, waited

    status, waited = asyncio.run(scenario())
    assert status == 200 and waited < 0.5  # the check runs in a thread: the page did not wait for it


# -- every route, as an anonymous visitor --------------------------------------------------------

_FORMATS = {
    r"(?P<format>\.json)?": ["", ".json"],
    r"(\.(?P<format>json|csv))?": ["", ".json", ".csv"],
    r"(\.(?P<format>json))?": ["", ".json"],
    r"(\.(?P<format>jsono?))?": ["", ".json"],
    r"(\.(?P<format>\w+))?": ["", ".json", ".csv"],
}
_TABLE_PARAMS = [
    {"_shape": "array", "_search": "quy hoach kin"}, {"_where": "1=1", "_col": "text"}, {"_facet": "organization_id", "_sort": "id"},
    {"_fts_table": "documents_fts", "_fts_pk": "id", "_search": "kín"},
    {"symbol": "345/QĐ-BCA", "unit": "bao ve chinh tri noi bo", "issuer": "so noi vu", "since": "", "until": ""},
    {"symbol": PUBLIC_TARGET},
]


def _paths(ds: Datasette, db_path: Path) -> list[tuple[str, dict]]:
    """Every path of every route the app lists, filled with this database's names and ids."""
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
        source_ids = [r[0] for r in conn.execute("SELECT id FROM document_sources")]
        secret_rows = [str(r[0]) for r in conn.execute("SELECT id FROM documents WHERE secrecy = 'Mật'")]
        secret_rows += [str(r[0]) for r in conn.execute("SELECT id FROM tasks WHERE document_id IN (SELECT id FROM documents WHERE secrecy = 'Mật')")]
        secret_rows += [str(r[0]) for r in conn.execute("SELECT id FROM organizations")]
    queries = list(ds.metadata("queries", database="test") or {})
    paths = []
    for pattern, _ in ds._routes():
        source = pattern.pattern.lstrip("^").rstrip("$")
        if "(?P<path>" in source or "(?P<rest>" in source or source.startswith("/-/static"):
            continue  # files of the package, and the in-memory database
        variants = [source]
        for group, values in _FORMATS.items():
            variants = [v.replace(group, value) for v in variants for value in (values if group in v else [None])] \
                if any(group in v for v in variants) else variants
        filled = []
        for v in variants:
            if "(?P<id>\\d+)" in v:
                numbers = source_ids if v.startswith("/-/source") else doc_ids
                filled += [(v.replace("(?P<id>\\d+)", str(n)), {}) for n in numbers]
            elif "(?P<table>" in v and "(?P<pks>" in v:
                filled += [(v.replace("(?P<database>[^\\/\\.]+)", "test").replace("(?P<table>[^/]+?)", t).replace("(?P<pks>[^/]+?)", pk), {})
                           for t in tables for pk in secret_rows[:6]]
            elif "(?P<table>" in v:
                filled += [(v.replace("(?P<database>[^\\/\\.]+)", "test").replace("(?P<table>[^\\/\\.]+)", t), params)
                           for t in tables + queries for params in _TABLE_PARAMS]
            elif "(?P<database>" in v:
                filled += [(v.replace("(?P<database>[^\\/\\.]+)", "test"), params)
                           for params in ({}, {"sql": "select text from documents"}, {"sql": "select * from organizations"})]
            else:
                filled += [(v, params) for params in ({}, {"q": "quy hoach kin"}, {"q": "345/QĐ-BCA"}, {"unit": "bao ve chinh tri noi bo"})]
        for path, params in filled:
            assert "(?P<" not in path, f"a route the walk cannot fill yet: {pattern.pattern} (teach _paths its values)"
            paths.append((path.replace("\\", ""), params))
    return paths


@pytest.mark.slow
def test_an_anonymous_visitor_finds_nothing_secret_on_any_route(secret_db):
    ds = Datasette([str(secret_db)])
    paths = _paths(ds, secret_db)
    assert len(paths) > 500
    seen_by_clerk = set()
    failures = []

    async def walk():
        for path, params in paths:
            r = await ds.client.get(path, params=params or None)
            if r.status_code >= 500:
                failures.append((path, params, r.status_code))
            found = leaked(r, params)
            if found:
                failures.append((path, params, found))
        # the walk can see: a signed-in clerk finds the markers on the same routes
        cookies = {"ds_actor": ds.sign({"a": {"id": "clerk"}}, "actor")}
        for path, params in paths[::7]:
            seen_by_clerk.update(leaked(await ds.client.get(path, params=params or None, cookies=cookies)))

    asyncio.run(walk())
    assert not failures, failures[:10]
    assert {"quy hoạch kín", "345/QĐ-BCA", "Bảo vệ chính trị nội bộ"} <= seen_by_clerk


@pytest.mark.slow
def test_a_real_directives_serve_keeps_the_secrets(secret_db):
    """The same promises from `directives serve` in its own process, as an office runs it."""
    password_hash = signin.hash_password("mật khẩu dài", iterations=1000)
    with served(secret_db, "--user", f"clerk:{password_hash}") as fetch:
        doc = ids(secret_db)
        name = secret_db.stem
        status, text = fetch("/-/metadata.json")
        assert status == 200 and password_hash.split("$")[2] not in text and "clerk" not in text
        assert fetch(f"/{name}/public_documents.json?_search=kin&_fts_table=documents_fts&_fts_pk=id")[0] == 400
        assert fetch(f"/{name}.json?sql=select+text+from+documents")[0] == 403
        assert fetch(f"/-/document/{doc['345/QĐ-BCA']}")[0] == 404
        status, page = fetch(f"/-/document/{doc[PUBLIC_TARGET]}")
        assert status == 200 and SECRET_SYMBOL not in page
        status, page = fetch("/-/missing.json")
        assert status == 200 and "345" not in page
        assert fetch("/-/document/9223372036854775808")[0] == 404
        assert fetch("/-/login")[0] == 200
