"""Serving safely, through datasette.client: bounded SQL functions, documents marked Mật
shown to signed-in users only, sign-in (signin.py), reading during a
write, and the limits `directives serve` gives Datasette."""
from __future__ import annotations

import asyncio
import gc
import json
import re
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from directives.cli import SERVE_SETTINGS, cli
from directives.datasette_plugins import functions
from tests.conftest import served

# A plan marked MẬT, written for these tests in the layout of Nghị định 30/2020/NĐ-CP.
SECRET_PLAN = """UBND TỈNH QUẢNG NGÃI
SỞ NỘI VỤ
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc

MẬT

Số: 12/KH-SNV

Quảng Ngãi, ngày 03 tháng 02 năm 2025

KẾ HOẠCH
Rà soát hồ sơ nhân sự diện quy hoạch năm 2025

Thực hiện Kế hoạch số 31/KH-SCT ngày 15/01/2025 của Sở Công Thương tỉnh Quảng Ngãi, Sở Nội vụ ban hành Kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở có trách nhiệm rà soát danh sách cán bộ diện quy hoạch kín của tỉnh, báo cáo Giám đốc Sở trước ngày 28/02/2025./.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, CCVC.

GIÁM ĐỐC

Trần Văn Bình
"""
SECRET_WORDS = "quy hoạch kín"


def ingest(db_path: Path, *paths: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", *map(str, paths), "--db", str(db_path), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    gc.collect()


def get(ds: Datasette, path: str, cookies: dict | None = None, **params):
    return asyncio.run(ds.client.get(path, params=params or None, cookies=cookies or {}))


@pytest.fixture
def public_db(examples, db_path):
    ingest(db_path, examples)
    return db_path


@pytest.fixture
def secret_db(examples, db_path, tmp_path):
    (examples / "kh-0012-snv-quang-ngai.txt").write_text(SECRET_PLAN, encoding="utf-8")
    ingest(db_path, examples)
    return db_path


def as_text(response) -> str:
    """A JSON answer with its letters as letters (JSON escapes "ạ" as \\u1ea1)."""
    return json.dumps(response.json(), ensure_ascii=False)


def signed_in(ds: Datasette) -> dict:
    return {"ds_actor": ds.sign({"a": {"id": "clerk"}}, "actor")}


# -- SQL functions ------------------------------------------------------------------------


def test_a_hostile_fold_call_is_refused_and_memory_stays_low(public_db):
    import resource

    ds = Datasette([str(public_db)])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
    r = get(ds, "/test.json", sql="select fold(hex(zeroblob(200000000))) as v", _shape="array")
    # SQLite refuses to build the 400 MB argument at once: an SQL error, not 400 MB and its copies
    assert r.status_code == 400 and r.json()["ok"] is False, r.text
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 150_000
    half = functions.MAX_CHARACTERS // 2
    for function in ("fold", "symbol_key"):  # over the functions' bound: an SQL error
        r = get(ds, "/test.json", sql=f"select length({function}(hex(zeroblob({half})) || 'a'))")
        assert r.status_code == 400 and r.json()["ok"] is False
    r = get(ds, "/test.json", sql=f"select length(fold(replace(hex(zeroblob({half})), '0', 'Á'))) as n", _shape="array")
    assert r.json() == [{"n": functions.MAX_CHARACTERS}]
    r = get(ds, "/test/unit_tasks.json", unit="sở " * 5000)  # unit_matches() runs once per organization: bounded too
    assert r.status_code == 400 and r.json()["ok"] is False
    r = get(ds, "/test.json", sql="select fold('Quyết Định') as f, symbol_key(12) as k, fold(null) as n", _shape="array")
    assert r.json() == [{"f": "quyet dinh", "k": "12", "n": ""}]


def test_printf_pads_only_to_a_bounded_width_and_answers_as_sqlite_does(public_db):
    ds = Datasette([str(public_db)])
    started = time.monotonic()
    for name in ("printf", "format"):
        for sql in (f"select {name}('%.*c', 2000000000, 'x')", f"select length({name}('%2000000000d', 1))"):
            r = get(ds, "/test.json", sql=sql)
            assert r.status_code == 400 and r.json()["ok"] is False, (sql, r.text)
    assert time.monotonic() - started < 2  # SQLite's own took 13 s for the first
    r = get(ds, "/test.json", sql="select printf('%05d|%s|%.2f|%*d|%%', 42, 'á', 3.14159, 6, 7) as p, "
                                   "format('%-4s|', 'ab') as f, printf(null) as n", _shape="array")
    assert r.json() == [{"p": "00042|á|3.14|     7|%", "f": "ab  |", "n": None}]


# -- documents marked secret ------------------------------------------------------------


def test_a_database_without_secret_documents_is_open_as_before(public_db):
    ds = Datasette([str(public_db)])
    assert get(ds, "/test/documents.json").status_code == 200
    assert get(ds, "/test/tasks.json").status_code == 200
    assert get(ds, "/test.json", sql="select count(*) from documents").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/test/documents?_sort=id", "/test/documents.json", "/test/documents.csv", "/test/documents/1", "/test/tasks.json",
     "/test/document_sources.json", "/test/document_links.json", "/test/documents_fts.json"],
)
def test_secret_documents_tables_are_closed_to_anonymous_users(secret_db, path):
    ds = Datasette([str(secret_db)])
    r = get(ds, path)
    assert r.status_code == 403, (path, r.status_code)
    assert SECRET_WORDS not in r.text
    if not path.endswith((".json", ".csv")):
        assert "/-/login" in r.text  # says where to sign in
    assert get(ds, path, cookies=signed_in(ds)).status_code == 200


def test_anonymous_users_cannot_download_a_database_with_secret_documents(secret_db):
    with sqlite3.connect(secret_db) as conn:  # immutable: read without the write-ahead log
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ds = Datasette([], immutables=[str(secret_db)])  # Datasette offers only immutable files for download
    assert get(ds, "/test.db").status_code == 403
    assert get(ds, "/test.db", cookies=signed_in(ds)).status_code == 200


def test_anonymous_users_cannot_run_sql_on_a_database_with_secret_documents(secret_db):
    ds = Datasette([str(secret_db)])
    r = get(ds, "/test.json", sql="select text from documents")
    assert r.status_code == 403 and SECRET_WORDS not in r.text
    r = get(ds, "/test.json", sql="select text from documents", cookies=signed_in(ds), _shape="array")
    assert r.status_code == 200 and any(SECRET_WORDS in (row["text"] or "") for row in r.json())


def test_anonymous_users_browse_the_public_views_without_secret_text_tasks_or_files(secret_db):
    ds = Datasette([str(secret_db)])
    documents = get(ds, "/test/public_documents.json", _shape="array").json()
    secret = [d for d in documents if d["symbol"] == "12/KH-SNV"]
    assert secret and secret[0]["secrecy"] == "Mật" and secret[0]["text"] is None  # listed, its text left out
    assert all(d["text"] for d in documents if d["symbol"] != "12/KH-SNV" and not d["placeholder"])
    page = get(ds, "/test/public_documents")
    assert page.status_code == 200 and SECRET_WORDS not in page.text
    assert f'<a href="/-/document/{secret[0]["id"]}">12/KH-SNV</a>' in page.text  # to the plugin's page of it
    tasks = get(ds, "/test/public_tasks.json", _shape="array").json()
    assert tasks and not any(SECRET_WORDS in t["action"] for t in tasks)
    sources = get(ds, "/test/public_document_sources.json", _shape="array").json()
    every = get(ds, "/test/document_sources.json", _shape="array", cookies=signed_in(ds)).json()
    assert len(sources) == len(every) - 1 and not any("0012" in s["path"] for s in sources)


def test_canned_queries_leave_secret_tasks_out_for_anonymous_users(secret_db):
    ds = Datasette([str(secret_db)])
    for query, params in (("unit_tasks", {"unit": "van phong so noi vu"}), ("derived_tasks", {"symbol": "31/KH-SCT"})):
        anonymous = get(ds, f"/test/{query}.json", _shape="array", **params)
        assert anonymous.status_code == 200, anonymous.text
        assert "12/KH-SNV" not in as_text(anonymous) and SECRET_WORDS not in as_text(anonymous)
        forged = get(ds, f"/test/{query}.json", _shape="array", _signed_in="1", **params)  # the request cannot say it
        assert "12/KH-SNV" not in as_text(forged)
        clerk = get(ds, f"/test/{query}.json", _shape="array", cookies=signed_in(ds), **params)
        assert "12/KH-SNV" in as_text(clerk) and SECRET_WORDS in as_text(clerk), (query, clerk.text)
    # that the secret plan carries out 31/KH-SCT is what its text says: not for anonymous users
    for query in ("cited_by", "implementing"):
        anonymous = get(ds, f"/test/{query}.json", _shape="objects", symbol="31/KH-SCT").json()["rows"]
        clerk = get(ds, f"/test/{query}.json", _shape="objects", symbol="31/KH-SCT", cookies=signed_in(ds)).json()["rows"]
        text = "mention" if query == "cited_by" else "how"
        assert not [r for r in anonymous if r["symbol"] == "12/KH-SNV"]
        assert "Kế hoạch số 31/KH-SCT" in [r[text] for r in clerk if r["symbol"] == "12/KH-SNV"][0]


def test_the_unit_query_takes_no_wildcards(public_db):
    ds = Datasette([str(public_db)])
    for unit in ("%", "_", ""):
        assert get(ds, "/test/unit_tasks.json", unit=unit, _shape="array").json() == []
    assert get(ds, "/test/unit_tasks.json", unit="van phong so", _shape="array").json()


def test_sign_in_with_a_password_opens_the_secret_documents(secret_db, monkeypatch):
    from directives.datasette_plugins.signin import hash_password

    monkeypatch.setenv("DIRECTIVES_USERS", f"clerk:{hash_password('mật khẩu dài')}")
    ds = Datasette([str(secret_db)])
    login = get(ds, "/-/login")
    assert login.status_code == 200
    token = re.search(r'name="csrftoken" value="([^"]+)"', login.text).group(1)
    cookies = {"ds_csrftoken": login.cookies["ds_csrftoken"]}

    def post(password):
        return asyncio.run(ds.client.post(
            "/-/login", data={"username": "clerk", "password": password, "csrftoken": token}, cookies=cookies))

    assert "ds_actor" not in post("sai").cookies
    r = post("mật khẩu dài")
    assert r.status_code == 302 and "ds_actor" in r.cookies
    page = get(ds, "/test/documents.json", cookies={"ds_actor": r.cookies["ds_actor"]}, _shape="array")
    assert page.status_code == 200 and any(SECRET_WORDS in (d["text"] or "") for d in page.json())


# -- reading while an ingest writes -------------------------------------------------------


def test_datasette_reads_while_an_ingest_holds_the_write_lock(public_db):
    writer = sqlite3.connect(public_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE documents SET subject = 'half written'")
    try:
        ds = Datasette([str(public_db)])
        r = get(ds, "/test/documents.json", _shape="array")
        assert r.status_code == 200
        assert len(r.json()) >= 3 and not any(d["subject"] == "half written" for d in r.json())
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# -- directives serve -----------------------------------------------------------------------


def serve_args(monkeypatch, *args) -> list[str]:
    """What `directives serve` hands Datasette, without starting a server."""
    from datasette import cli as datasette_cli

    seen = {}
    monkeypatch.setattr(datasette_cli.cli, "main", lambda args, prog_name: seen.setdefault("args", args))
    result = CliRunner().invoke(cli, ["serve", *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return seen["args"]


def test_serve_sets_office_limits(public_db, monkeypatch):
    args = serve_args(monkeypatch, "--db", public_db, "--setting", "sql_time_limit_ms", "500")
    settings = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setting"}
    assert settings["allow_download"] == "off" and settings["allow_csv_stream"] == "off"
    assert settings["sql_time_limit_ms"] == "500"  # overridden
    assert settings["max_returned_rows"] == SERVE_SETTINGS["max_returned_rows"]
    ds = Datasette([str(public_db)], settings={k: (v if not v.isdigit() else int(v)) if v not in ("on", "off") else v == "on"
                                                   for k, v in settings.items()})
    assert get(ds, "/test.db").status_code == 403  # no download of the file


def test_serve_refuses_a_malformed_user(public_db, monkeypatch):
    result = CliRunner().invoke(cli, ["serve", "--db", str(public_db), "--user", "clerk:secret"])
    assert result.exit_code == 2 and "directives hash-password" in result.output


def test_directives_serve_has_the_plugins_pages_and_settings(public_db):
    # `directives serve` imports the plugin before Datasette's plugin manager: a fresh process
    # shows whether the plugin's hooks (pages, metadata, SQL functions) were registered all the same
    with served(public_db) as fetch:
        name = public_db.stem
        assert fetch("/-/tasks")[0] == 200 and fetch("/-/missing")[0] == 200
        assert fetch("/-/document/1")[0] == 200
        status, page = fetch("/-/search?q=ha+tang+so")
        assert status == 200 and "20/KH-UBND" in page
        assert "<h1>Văn bản chỉ đạo (Directives)" in fetch("/")[1]
        status, found = fetch(f"/{name}/unit_tasks.json?unit=so+tai+chinh+quang+ngai&_shape=array")
        assert status == 200 and json.loads(found), found  # the canned query and unit_matches()
