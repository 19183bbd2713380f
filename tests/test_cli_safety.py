"""The command line on databases it cannot or must not change, and on hostile arguments:
one line saying why, never a traceback; reading writes nothing."""
from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from directives.cli import cli
from tests.conftest import run
from directives.db import connect



def one_line_error(result, *words):
    assert result.exit_code != 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert lines[-1].startswith("Error:"), result.output
    for word in words:
        assert word in lines[-1], result.output
    return lines[-1]


@pytest.fixture
def ingested(examples, db_path):
    assert run("ingest", examples, "--db", db_path, "-q").exit_code == 0
    gc.collect()  # the ingest's connection, closed as a process's would be at its end
    return db_path


def fingerprint(path: Path) -> tuple:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns


# -- reading writes nothing ------------------------------------------------------------


def test_trace_tasks_and_serve_checks_write_nothing(ingested):
    before = fingerprint(ingested)
    assert run("trace", "0457/QĐ-UBND", "--db", ingested).exit_code == 0
    assert run("tasks", "sở công thương", "--db", ingested).exit_code == 0
    assert fingerprint(ingested) == before


def test_a_database_needing_an_upgrade_says_to_run_ingest_and_is_not_upgraded(ingested):
    with sqlite3.connect(ingested) as conn:
        for view in ("public_documents", "public_tasks", "public_document_sources"):
            conn.execute(f"DROP VIEW {view}")
        conn.execute("ALTER TABLE document_sources DROP COLUMN secrecy")  # added by version 7
        for column in ("received_number", "received_date", "received_stamp"):  # added by version 7
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 5")  # as the version before the views left it
    before = fingerprint(ingested)
    one_line_error(run("trace", "0457/QĐ-UBND", "--db", ingested), "older version", "directives ingest")
    assert fingerprint(ingested) == before
    assert run("ingest", ingested.parent / "docs", "--db", ingested, "-q").exit_code == 0  # upgrades it in place
    assert run("trace", "0457/QĐ-UBND", "--db", ingested).exit_code == 0


@contextmanager
def read_only(*paths: Path):
    """Make files and folders read-only for this process: chmod for a user, the immutable
    attribute for root (which file modes do not stop); skip where neither can be done."""
    root = os.geteuid() == 0
    done = []
    try:
        for path in paths:
            if root:
                if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                    pytest.skip("running as root without chattr +i: cannot make a file read-only for this test")
            else:
                os.chmod(path, 0o555 if path.is_dir() else 0o444)
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            if root:
                subprocess.run(["chattr", "-i", str(path)], capture_output=True)
            else:
                os.chmod(path, 0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("how", ["read-only file", "read-only folder"])
def test_a_read_only_database_can_be_traced_and_listed(ingested, tmp_path, how):
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "ro.db"
    with sqlite3.connect(ingested) as conn:  # the copy gets everything: nothing left in the write-ahead log
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(ingested, db)
    with read_only(db, *([folder] if how == "read-only folder" else [])):
        before = fingerprint(db)
        traced = run("trace", "0457/QĐ-UBND", "--db", db)
        assert traced.exit_code == 0, traced.output
        assert "0457/QĐ-UBND" in traced.output
        listed = run("tasks", "văn phòng sở công thương", "--db", db)
        assert listed.exit_code == 0, listed.output
        assert "tổng hợp kết quả" in listed.output
        assert fingerprint(db) == before
        one_line_error(run("ingest", new_document(tmp_path), "--db", db), "read-only")


def test_serve_reads_a_database_in_a_read_only_folder_as_immutable(ingested, tmp_path, monkeypatch):
    from datasette import cli as datasette_cli

    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "ro.db"
    with sqlite3.connect(ingested) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(ingested, db)
    seen = []
    monkeypatch.setattr(datasette_cli.cli, "main", lambda args, prog_name: seen.append(args))
    with read_only(db, folder):  # SQLite cannot keep its index of the write-ahead log beside the file
        assert run("serve", "--db", db).exit_code == 0
        assert seen[-1][1:3] == ["-i", str(db)]
    assert run("serve", "--db", db).exit_code == 0
    assert "-i" not in seen[-1]  # a writable folder: served as a file an ingest may still write to


# -- locks -----------------------------------------------------------------------------


@pytest.fixture
def writer(ingested):
    """Another process's ingest in the middle of a write: a transaction holding the lock."""
    conn = sqlite3.connect(ingested, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE documents SET subject = 'half written' WHERE symbol = '0457/QĐ-UBND'")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


def test_readers_go_on_while_an_ingest_writes(writer, ingested):
    traced = run("trace", "0457/QĐ-UBND", "--db", ingested)
    assert traced.exit_code == 0, traced.output
    assert "half written" not in traced.output  # readers see what was committed
    assert run("tasks", "sở công thương", "--db", ingested).exit_code == 0


def new_document(tmp_path: Path) -> Path:
    """A plan not yet stored (the example plan under another number)."""
    extra = tmp_path / "more"
    extra.mkdir(exist_ok=True)
    (extra / "kh-0032.txt").write_text(
        (tmp_path / "docs" / "kh-0031-sct-quang-ngai.txt").read_text(encoding="utf-8").replace("31 /KH-SCT", "32/KH-SCT"),
        encoding="utf-8",
    )
    return extra


def test_a_second_ingest_waits_then_says_the_database_is_locked(writer, ingested, tmp_path, monkeypatch):
    monkeypatch.setattr(connect, "BUSY_TIMEOUT", 0.3)
    result = CliRunner().invoke(cli, ["ingest", str(new_document(tmp_path)), "--db", str(ingested), "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "database is locked: another ingest is writing; try again" in result.output
    assert "Traceback" not in result.output


def test_a_reader_of_a_database_without_a_write_ahead_log_waits_then_says_so(ingested, monkeypatch):
    monkeypatch.setattr(connect, "BUSY_TIMEOUT", 0.3)
    with sqlite3.connect(ingested) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    holder = sqlite3.connect(ingested, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        one_line_error(run("trace", "0457/QĐ-UBND", "--db", ingested), "database is locked: another ingest is writing; try again")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# -- files that are not directives databases --------------------------------------------


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path, examples):
    other = tmp_path / "accounts.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    before = fingerprint(other)
    for args in (["ingest", examples], ["trace", "1"], ["tasks", "sở"], ["serve"]):
        one_line_error(run(*args, "--db", other), "not a directives database", "invoices")
    assert fingerprint(other) == before
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]


def test_a_file_that_is_not_sqlite_is_refused_in_one_line(tmp_path, examples):
    notes = tmp_path / "notes.db"
    notes.write_text("Biên bản họp giao ban tuần\n" * 100, encoding="utf-8")
    before = fingerprint(notes)
    for args in (["ingest", examples], ["trace", "1"], ["tasks", "sở"], ["serve"]):
        one_line_error(run(*args, "--db", notes), "not an SQLite database")
    assert fingerprint(notes) == before


# -- hostile arguments -------------------------------------------------------------------


@pytest.mark.parametrize("argument", ["99999999999999999999", "²", "٣", "-1", "x" * 50_000, "%", "' OR 1=1 --"])
def test_trace_of_a_hostile_argument_says_so_in_one_line(ingested, argument):
    one_line_error(run("trace", argument, "--db", ingested))


@pytest.mark.parametrize("argument", ["%", "_", "%%", "", "   ", "x" * 50_000, "\u0301"])
def test_tasks_of_a_wildcard_or_empty_unit_returns_nothing(ingested, argument):
    one_line_error(run("tasks", argument, "--db", ingested))


def test_tasks_still_finds_a_unit_by_part_of_its_name(ingested):
    result = run("tasks", "van phong so cong thuong", "--db", ingested)
    assert result.exit_code == 0, result.output
    assert "tổng hợp kết quả thực hiện" in result.output


# -- what a reading command loads -------------------------------------------------------


def test_trace_and_tasks_do_not_load_the_extractor_nor_datasette(ingested):
    code = (
        "import sys; from directives.cli import cli\n"
        "for args in (['trace', '0457/QĐ-UBND', '--db', sys.argv[1]], ['tasks', 'sở công thương', '--db', sys.argv[1]]):\n"
        "    try:\n"
        "        cli(args)\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, exit.code\n"
        "heavy = ('directives.nlp.extract', 'directives.batch', 'directives.ingest', 'datasette', 'pdfplumber', 'sqlite_utils.cli')\n"
        "print('LOADED', [m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(ingested)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout, done.stdout


def test_the_command_lines_default_timeout_is_the_batchs():
    from directives import batch, cli as command_line

    assert command_line.DEFAULT_TIMEOUT == batch.DEFAULT_TIMEOUT


def test_the_library_opens_a_store_read_only(ingested):
    from directives.db.store import Store

    before = fingerprint(ingested)
    store = Store.open(ingested, readonly=True)
    assert store.db.execute("select count(*) from documents where placeholder = 0").fetchone()[0] == len(list((ingested.parent / "docs").iterdir()))
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("delete from documents")
    store.db.conn.close()
    assert fingerprint(ingested) == before
