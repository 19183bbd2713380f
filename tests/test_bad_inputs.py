"""Inputs that broke a batch or the command line (issue 19): each is refused in one line that
names the file or the argument and the reason, the batch goes on, nothing stored is lost."""
from __future__ import annotations

import fcntl
import os
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from directives.cli import cli
from directives.db import connect
from tests.test_batch import DIRECTIVES, plan, slow_pdf


def cli_run(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    """The real command in its own process: arguments as bytes, as a shell passes them."""
    return subprocess.run(DIRECTIVES + [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args], capture_output=True, timeout=timeout, env=env)


def rows(db_path, sql):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def one_line(done: subprocess.CompletedProcess, *words: str) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode != 0, err
    assert "Traceback" not in err, err
    last = [line for line in err.splitlines() if line.strip()][-1]
    for word in words:
        assert word in last, err
    return last


# -- names the system or the database cannot take ---------------------------------------


def test_a_file_name_that_is_not_utf8_fails_alone_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"kh-2-\xff\xfe.txt"), "wb") as f:  # a name from another system's encoding
        f.write(plan(2).encode("utf-8"))
    db_path = tmp_path / "t.db"
    done = cli_run("ingest", folder, "--db", db_path)
    err = done.stderr.decode("utf-8")  # all of it is UTF-8: the bytes are shown escaped
    assert done.returncode == 1 and "Traceback" not in err, err
    assert f"{folder}/kh-2-\\xff\\xfe.txt: the file name is not UTF-8" in err
    assert "1 added" in err and "1 failed" in err
    assert rows(db_path, "select path from document_sources") == [(str(folder / "kh-1.txt"),)]
    assert rows(db_path, "select path from ingest_errors") == [(f"{folder}/kh-2-\\xff\\xfe.txt",)]


def test_a_path_longer_than_the_system_allows_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    here = os.getcwd()
    os.chdir(folder)
    try:  # a folder 20 x 250 characters deep: made step by step, named whole it is too long
        for _ in range(20):
            os.mkdir("d" * 250)
            os.chdir("d" * 250)
        Path("kh-2.txt").write_text(plan(2), encoding="utf-8")
    finally:
        os.chdir(here)
    db_path = tmp_path / "t.db"
    done = cli_run("ingest", folder, "--db", db_path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "Traceback" not in err, err
    assert "the path is longer than the system allows" in err and "1 added" in err and "1 failed" in err
    assert rows(db_path, "select count(*) from document_sources") == [(1,)]
    assert "longer than the system allows" in rows(db_path, "select reason from ingest_errors")[0][0]


# -- what is not a regular file -----------------------------------------------------------


def test_a_pipe_a_socket_and_a_device_are_not_regular_files_and_are_never_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opened, it would block the reader for ever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    (folder / "null.txt").symlink_to("/dev/null")
    db_path = tmp_path / "t.db"
    try:
        done = cli_run("ingest", folder, "--db", db_path, timeout=60)
        extracted = cli_run("extract", folder / "pipe.txt", folder / "null.txt", "--jsonl", timeout=60)
    finally:
        server.close()
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "1 added" in err and "3 failed" in err, err
    reasons = {Path(p).name: r for p, r in rows(db_path, "select path, reason from ingest_errors")}
    assert reasons == {
        "pipe.txt": "not a regular file (a named pipe)",
        "socket.txt": "not a regular file (a socket)",
        "null.txt": "not a regular file (a character device)",
    }
    assert extracted.returncode == 1
    assert "pipe.txt: not a regular file (a named pipe)" in extracted.stderr.decode()
    assert "null.txt: not a regular file (a character device)" in extracted.stderr.decode()


# -- two runs on one database --------------------------------------------------------------


def _locked(db_path: Path) -> bool:
    """Whether a run holds the database (its lock on the file)."""
    with open(db_path, "rb") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


@pytest.mark.parametrize("cluster", [[], ["--cluster", "local"]], ids=["local", "cluster"])
@pytest.mark.slow
def test_a_second_run_on_the_same_files_waits_then_says_so_and_the_first_finishes(tmp_path, monkeypatch, cluster):
    folder = tmp_path / "in"
    folder.mkdir()
    slow_pdf(folder / "a-slow.pdf", pages=60)
    for n in range(1, 6):
        (folder / f"kh-{n}.txt").write_text(plan(n), encoding="utf-8")
    db_path = tmp_path / "t.db"
    first = subprocess.Popen(DIRECTIVES + ["ingest", str(folder), "--db", str(db_path), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not (db_path.exists() and _locked(db_path)) and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        assert first.poll() is None, "the first run ended before the second began"
        monkeypatch.setattr(connect, "BUSY_TIMEOUT", 1.0)
        began = time.monotonic()
        second = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path), "-q", *cluster])
        waited = time.monotonic() - began
    finally:
        first.wait(timeout=300)
    assert second.exit_code == 1 and "Traceback" not in second.output, second.output
    assert second.output.strip().splitlines()[-1] == "Error: database is locked: another ingest is writing; try again"
    assert 0.9 < waited < 30
    assert first.returncode == 0, first.stderr.read().decode()
    assert rows(db_path, "select count(*) from document_sources") == [(6,)]
    assert rows(db_path, "select count(*) from ingest_errors") == [(0,)]


# -- arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, words",
    [
        (["--timeout", "nan"], ["--timeout", "'nan' is not a finite number"]),
        (["--timeout", "inf"], ["--timeout", "inf"]),
        (["--max-size", "inf"], ["--max-size", "'inf' is not a finite number"]),
        (["--max-size", "nan"], ["--max-size", "'nan' is not a finite number"]),
        (["--db", ""], ["--db", "an empty path names no database file"]),
        (["--report", "{tmp}/no/such/folder/report.json"], ["--report", "no/such/folder: no such folder"]),
    ],
    ids=["timeout-nan", "timeout-inf", "max-size-inf", "max-size-nan", "empty-db", "report-folder"],
)
def test_ingest_refuses_an_argument_that_cannot_work_before_it_reads_anything(tmp_path, args, words):
    (tmp_path / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)  # where SQLite would have made a file for an empty --db, if it made one
    try:
        args = [a.replace("{tmp}", str(tmp_path)) for a in args]
        db = [] if "--db" in args else ["--db", str(tmp_path / "t.db")]
        done = cli_run("ingest", tmp_path / "kh-1.txt", *db, *args)
    finally:
        os.chdir(here)
    line = one_line(done, *words)
    assert line.startswith("Error:")
    assert not (tmp_path / "t.db").exists(), "the run went ahead"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kh-1.txt"]


def test_trace_of_bytes_that_are_not_utf8_is_one_line(tmp_path):
    db_path = tmp_path / "t.db"
    (tmp_path / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    assert cli_run("ingest", tmp_path / "kh-1.txt", "--db", db_path).returncode == 0
    for command in ("trace", "tasks"):
        one_line(cli_run(command, b"\xff", "--db", db_path), "'\\xff'", "not")
    bad_db = os.path.join(os.fsencode(tmp_path), b"\xff.db")
    one_line(cli_run("ingest", tmp_path / "kh-1.txt", "--db", bad_db), "--db", "\\xff.db", "not UTF-8")
    assert not os.path.exists(bad_db)


def test_serve_refuses_an_empty_host(tmp_path):
    db_path = tmp_path / "t.db"
    (tmp_path / "kh-1.txt").write_text(plan(1), encoding="utf-8")
    assert cli_run("ingest", tmp_path / "kh-1.txt", "--db", db_path).returncode == 0
    one_line(cli_run("serve", "--db", db_path, "--host", "", timeout=30), "--host", "every address")
