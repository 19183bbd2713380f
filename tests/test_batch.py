"""Batch runs that do not fall over: the supervised pool, limits, the pre-scan, kill and resume.

Every bad input here is made on the fly: a symlink loop, a worker killed mid-file, a zip-bomb
.docx, a PDF with a 5-metre page, a slow PDF followed by quick files, a run killed at random.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from directives.batch import Options, prepare, prepare_bytes
from directives.cli import cli
from tests.conftest import run
from directives.db.store import Store
from directives.ingest import ReadError
from directives.pool import Done, Progress, supervised

DIRECTIVES = [sys.executable, "-c", "from directives.cli import cli; cli()"]



EXAMPLES = len(list((Path(__file__).resolve().parents[1] / "examples").iterdir()))  # documents, one a file


def query(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def errors(db_path) -> dict[str, str]:
    return {Path(path).name: reason for path, reason in query(db_path, "select path, reason from ingest_errors")}


def slow_pdf(path: Path, pages: int = 40) -> Path:
    """A text PDF of many dense pages: reading its words in columns takes seconds."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for page in range(pages):
        pdf.add_page()
        for line in range(55):
            pdf.cell(0, 4, f"{line}. So Tai chinh chu tri, phoi hop voi cac so, nganh thuc hien nhiem vu {page}.{line}.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def plan(number: int) -> str:
    """A short plan of the Sở Công Thương Quảng Ngãi with its own number and one task."""
    return (
        "UBND TỈNH QUẢNG NGÃI\nSỞ CÔNG THƯƠNG\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n"
        f"Số: {number}/KH-SCT\n|\nQuảng Ngãi, ngày {number % 28 + 1} tháng 3 năm 2025\n|\n"
        f"KẾ HOẠCH\nThực hiện nhiệm vụ số {number} năm 2025\n\n"
        "Căn cứ Quyết định số 457/QĐ-UBND ngày 12/02/2025 của UBND tỉnh Quảng Ngãi;\n\n"
        f"1. Phòng Quản lý thương mại chủ trì, phối hợp với các đơn vị liên quan thực hiện nhiệm vụ {number}, "
        "hoàn thành trước ngày 30/11/2025.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n"
    )


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


linux_only = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")


# ---------------------------------------------------------------------------- the pre-scan


def test_a_symlink_loop_is_recorded_and_the_good_files_are_stored(examples, db_path):
    (examples / "sub").mkdir()
    (examples / "sub" / "back").symlink_to(examples, target_is_directory=True)  # a folder loop
    os.symlink("b.txt", examples / "a.txt")  # a file loop
    os.symlink("a.txt", examples / "b.txt")
    os.symlink("nowhere.txt", examples / "broken.txt")
    result = run("ingest", examples, "--db", db_path)
    assert result.exit_code == 1
    assert query(db_path, "select count(*) from documents where placeholder = 0")[0][0] == EXAMPLES
    found = errors(db_path)
    assert found["back"].startswith("symbolic link loop")
    assert found["a.txt"] == found["b.txt"] == "symbolic link loop"
    assert found["broken.txt"].startswith("broken symbolic link")
    assert f"{examples / 'sub' / 'back'}: symbolic link loop" in result.output


def test_a_linked_folder_is_followed_once(examples, tmp_path, db_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "kh-7.txt").write_text(plan(7), encoding="utf-8")
    (examples / "more").symlink_to(other, target_is_directory=True)
    (examples / "again").symlink_to(other, target_is_directory=True)
    result = run("ingest", examples, "--db", db_path)
    assert query(db_path, "select count(*) from documents where symbol = '7/KH-SCT' and placeholder = 0")[0][0] == 1
    assert query(db_path, "select count(*) from document_sources")[0][0] == EXAMPLES + 1  # the linked file once
    assert "already read" in errors(db_path)["more"] + errors(db_path).get("again", "")
    assert result.exit_code == 1


def _as_nobody(work) -> int:
    """Run ``work`` in a child process as user nobody (root reads everything, an office clerk
    does not); its exit status."""
    if os.geteuid() != 0:
        return work()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 2
        try:
            os.setgid(65534)
            os.setuid(65534)
            status = work()
        except BaseException as exc:
            os.write(2, f"as nobody: {type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.fixture
def open_tmp(tmp_path):
    """A folder that user nobody can reach (pytest's own is its owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="directives-test-"))
    folder.chmod(0o777)
    yield folder
    subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def test_an_unreadable_folder_and_an_unreadable_file_are_recorded(open_tmp):
    tmp_path, db_path = open_tmp, open_tmp / "test.db"
    examples = tmp_path / "docs"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples", examples)
    closed = examples / "closed"
    closed.mkdir()
    (closed / "kh-8.txt").write_text(plan(8), encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(plan(9), encoding="utf-8")
    closed.chmod(0)
    secret.chmod(0)
    tmp_path.chmod(0o777)
    examples.chmod(0o777)
    output = tmp_path / "output.txt"

    def ingest() -> int:
        result = CliRunner().invoke(cli, ["ingest", str(examples), str(secret), "--db", str(db_path), "--jobs", "1"])
        output.write_text(result.output + repr(result.exception or ""), encoding="utf-8")
        return result.exit_code

    list(supervised([str(examples / "kh-0031-sct-quang-ngai.txt")], Options(to_store=True)))  # imports what nobody cannot read
    status = _as_nobody(ingest)
    closed.chmod(0o755)
    shown = output.read_text(encoding="utf-8")
    assert status == 1, shown
    assert "Traceback" not in shown
    found = errors(db_path)
    assert found["closed"] == "the folder permission denied"
    assert found["secret.txt"] == "permission denied"
    assert query(db_path, "select count(*) from documents where placeholder = 0")[0][0] == EXAMPLES
    assert f"{secret}: permission denied" in shown


# ---------------------------------------------------------------------------- what is not text, too big or too long


def test_utf16_without_a_bom_in_either_byte_order_starting_with_vietnamese(tmp_path):
    text = plan(31)  # starts with "UBND", then Vietnamese; make it start with a Vietnamese letter too
    text = "Ủy ban nhân dân\n" + text
    for name, encoding in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        (tmp_path / name).write_bytes(text.encode(encoding))
        result = prepare(str(tmp_path / name))
        assert not isinstance(result, ReadError), result
        assert result.record.symbol == "31/KH-SCT" and result.record.source.encoding == encoding


def test_random_bytes_are_not_text(tmp_path):
    chance = random.Random(7)
    noise = bytes(chance.randrange(1, 256) for _ in range(20000))  # no NUL
    (tmp_path / "noise.txt").write_bytes(noise)
    result = prepare(str(tmp_path / "noise.txt"))
    assert isinstance(result, ReadError) and result.reason.startswith("not text")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, db_path):
    huge = tmp_path / "dump.txt"
    with open(huge, "wb") as f:  # 200 MB, sparse: nothing is written or read
        f.truncate(200 * 1024 * 1024)
    result = run("ingest", huge, "--db", db_path)
    assert result.exit_code == 1
    assert errors(db_path)["dump.txt"] == "the file is too large (200 MB; the limit is 100 MB, --max-size)"
    result = run("ingest", huge, "--db", db_path, "--max-size", "10")
    assert "the limit is 10 MB" in errors(db_path)["dump.txt"]


def test_a_text_far_longer_than_any_document_is_refused(tmp_path):
    long = tmp_path / "log.txt"
    long.write_text(plan(1) + "Dòng nhật ký.\n" * 400_000, encoding="utf-8")  # 5.6 million characters
    result = prepare(str(long))
    assert isinstance(result, ReadError) and result.reason.startswith("the text is too long for one document")


def _docx(path: Path, megabytes: int) -> Path:
    """A .docx whose document.xml inflates to ``megabytes`` of one text run (a zip bomb)."""
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b"A" * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


@pytest.mark.slow
def test_a_zip_bomb_docx_fails_cleanly_and_the_batch_goes_on(examples, db_path):
    bomb = _docx(examples / "bomb.docx", 400)
    assert bomb.stat().st_size < 1024 * 1024
    result = run("ingest", examples, "--db", db_path)
    assert result.exit_code == 1
    assert "(a zip bomb?)" in errors(db_path)["bomb.docx"]
    assert query(db_path, "select count(*) from documents where placeholder = 0")[0][0] == EXAMPLES


@pytest.mark.slow
def test_a_file_that_needs_more_than_the_memory_limit_fails_as_out_of_memory(examples, db_path):
    _docx(examples / "big.docx", 200)  # under the zip-bomb limit, but parsing it needs more than 400 MB
    result = run("ingest", examples, "--db", db_path, "--max-memory", "400", "--jobs", "1")
    assert result.exit_code == 1
    assert errors(db_path)["big.docx"] == "out of memory (limit 400 MB, --max-memory)"
    assert query(db_path, "select count(*) from documents where placeholder = 0")[0][0] == EXAMPLES


def test_a_pdf_with_a_huge_page_fails_cleanly(examples, db_path):
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(14400, 14400))  # the largest page PDF allows: 5 m a side
    pdf.add_page()
    pdf.rect(100, 100, 1000, 1000, style="F")  # ink, no text: a scan to OCR
    pdf.output(str(examples / "poster.pdf"))
    assert (examples / "poster.pdf").stat().st_size < 5000
    result = run("ingest", examples, "--db", db_path, "--ocr", "auto")
    assert result.exit_code == 1
    assert errors(db_path)["poster.pdf"].startswith("page 1 is 5080 x 5080 mm, too large to read by OCR")
    assert query(db_path, "select count(*) from documents where placeholder = 0")[0][0] == EXAMPLES


def test_a_pdf_over_the_page_limit_is_refused(tmp_path):
    path = slow_pdf(tmp_path / "long.pdf", pages=3)
    result = prepare(str(path), Options(max_pages=2))
    assert isinstance(result, ReadError) and result.reason == "the PDF has 3 pages; the limit is 2 (--max-pages)"


def test_the_time_limit_is_named_as_such(tmp_path, db_path):
    path = slow_pdf(tmp_path / "slow.pdf", pages=40)
    result = run("ingest", path, "--db", db_path, "--timeout", "1")
    assert result.exit_code == 1
    assert errors(db_path)["slow.pdf"] == "took longer than the time limit of 1 s for one file (--timeout)"


def test_prepare_bytes_reads_without_the_disk(examples):
    data = (examples / "kh-0031-sct-quang-ngai.txt").read_bytes()
    result = prepare_bytes("elsewhere/kh-0031-sct-quang-ngai.txt", data, Options(to_store=True))
    assert result.record.symbol == "31/KH-SCT" and result.record.source.path == "elsewhere/kh-0031-sct-quang-ngai.txt"
    assert result.rows is not None and set(result.seconds) == {"read", "ocr", "extract"}
    assert prepare_bytes("x.txt", data, Options(max_size=100)).reason.startswith("the file is too large")


# ---------------------------------------------------------------------------- workers that die or hang


@linux_only
def test_a_worker_killed_mid_file_is_replaced_and_its_file_recorded(examples, tmp_path):
    slow = slow_pdf(tmp_path / "slow.pdf")
    paths = [str(slow)] + [str(p) for p in sorted(examples.iterdir())]
    results, killed = {}, None
    for event in supervised(paths, Options(ocr="never"), jobs=1):
        if isinstance(event, Progress) and str(slow) in event.working and killed is None:
            (worker,) = children(os.getpid())
            os.kill(worker, signal.SIGKILL)
            killed = worker
        elif isinstance(event, Done):
            results[Path(event.path).name] = event.result
    assert killed and not alive(killed)
    assert results["slow.pdf"].reason.startswith("the worker reading it was killed by signal 9 (SIGKILL)")
    assert all(not isinstance(r, ReadError) for name, r in results.items() if name != "slow.pdf")
    assert len(results) == len(paths)


@linux_only
def test_workers_die_with_their_parent(tmp_path):
    slow = slow_pdf(tmp_path / "slow.pdf", pages=80)
    run_ = subprocess.Popen(DIRECTIVES + ["ingest", str(slow), "--db", str(tmp_path / "t.db"), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not children(run_.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = children(run_.pid)
    assert workers
    run_.kill()
    run_.wait()
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers)


# ---------------------------------------------------------------------------- commits, kill and resume


@pytest.mark.slow
def test_files_after_a_slow_one_are_committed_while_it_is_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    slow = slow_pdf(folder / "a-slow.pdf", pages=40)
    for n in range(1, 6):
        (folder / f"kh-{n}.txt").write_text(plan(n), encoding="utf-8")
    db_path = tmp_path / "t.db"
    Store.open(db_path)
    started = time.monotonic()
    run_ = subprocess.Popen(DIRECTIVES + ["ingest", str(folder), "--db", str(db_path), "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        seen = 0
        while run_.poll() is None and seen < 5:
            time.sleep(0.2)
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as reader:
                seen = reader.execute("select count(*) from documents where symbol like '%/KH-SCT' and placeholder = 0").fetchone()[0]
                slow_stored = reader.execute("select count(*) from document_sources where path like '%a-slow.pdf'").fetchone()[0]
        committed_after = time.monotonic() - started
        assert seen == 5 and run_.poll() is None and slow_stored == 0, "the quick files waited for the slow one"
    finally:
        run_.wait(timeout=120)
    assert run_.returncode == 0, run_.stderr
    print(f"quick files committed {committed_after:.1f} s after the start, while the slow one was read")
    assert query(db_path, "select count(*) from document_sources where path like '%a-slow.pdf'")[0][0] == 1


def _fingerprint(db_path) -> list[tuple]:
    """Each stored document with its sources, links and tasks counted: what a run leaves."""
    return query(
        db_path,
        "select d.symbol, (select count(*) from document_sources s where s.document_id = d.id), "
        "(select count(*) from document_links l where l.source_id = d.id), (select count(*) from tasks t where t.document_id = d.id), "
        "length(d.text) from documents d where d.placeholder = 0 order by d.symbol",
    )


@linux_only
def test_a_run_killed_at_random_moments_finishes_when_run_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 121):
        (folder / f"kh-{n:03}.txt").write_text(plan(n), encoding="utf-8")
    slow_pdf(folder / "zz-report.pdf", pages=10)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    command = DIRECTIVES + ["ingest", str(folder), "--jobs", "2", "-q", "--db"]
    subprocess.run(command + [str(clean)], check=True, capture_output=True, timeout=300)
    chance = random.Random()
    for moment in (chance.uniform(0.2, 1.0), chance.uniform(1.0, 4.0), chance.uniform(1.0, 4.0)):  # making the schema, then mid-batch
        run_ = subprocess.Popen(command + [str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(moment)
        os.killpg(run_.pid, signal.SIGKILL)  # the run and its workers, as a power cut would
        run_.wait()
    finish = subprocess.run(command + [str(killed)], capture_output=True, text=True, timeout=300)
    assert finish.returncode == 0, finish.stderr
    assert _fingerprint(killed) == _fingerprint(clean)
    assert query(killed, "select count(*) from documents where placeholder = 0")[0][0] == 121
    assert query(killed, "select count(*) from (select symbol from documents group by symbol, identity having count(*) > 1)")[0][0] == 0
    assert query(killed, "pragma integrity_check")[0][0] == "ok"
    assert query(killed, "select count(*) from documents_fts")[0][0] == query(killed, "select count(*) from documents")[0][0]


# ---------------------------------------------------------------------------- progress and report


def test_the_report_counts_outcomes_stages_and_failures(examples, tmp_path, db_path):
    (examples / "noise.txt").write_bytes(bytes(range(1, 256)) * 40)
    report_path = tmp_path / "report.json"
    run("ingest", examples, "--db", db_path, "--report", report_path)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["files"] == EXAMPLES + 1 and report["outcomes"]["failed"] == 1
    assert report["outcomes"]["added"] + report["outcomes"]["merged"] == EXAMPLES
    assert set(report["seconds"]) == {"elapsed", "read", "ocr", "extract", "store"}
    assert report["seconds"]["extract"] > 0 and report["seconds"]["store"] > 0
    assert report["failures"] == [{"path": str(examples / "noise.txt"), "reason": errors(db_path)["noise.txt"]}]
    run("ingest", examples, "--db", db_path, "--report", report_path)
    assert json.loads(report_path.read_text(encoding="utf-8"))["outcomes"]["unchanged"] == EXAMPLES


@linux_only
def test_a_terminal_gets_a_progress_display(examples, tmp_path, db_path):
    """On a terminal of a known width, whatever the one running the tests, with paths as short
    as the folder the tests run in is long (rich wraps a line at the terminal's width)."""
    import fcntl
    import pty
    import re
    import struct
    import termios

    (examples / "noise.txt").write_bytes(bytes(range(1, 256)) * 40)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))  # 50 rows, 200 columns
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}  # rich prefers them to the terminal's
    done = subprocess.run(
        DIRECTIVES + ["ingest", examples.name, "--db", db_path.name], cwd=tmp_path, env=env,
        stdout=subprocess.DEVNULL, stderr=follower, timeout=120,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))  # the display's cursor moves and colours
    shown = " ".join(shown.split())  # a line wrapped anyway still reads
    assert done.returncode == 1
    assert f"{EXAMPLES + 1}/{EXAMPLES + 1}" in shown and "1 failed" in shown and "OCR pages" in shown
    assert "docs/noise.txt" in shown and "not text" in shown


def test_quiet_prints_the_failures_and_nothing_else(examples, db_path):
    (examples / "noise.txt").write_bytes(bytes(range(1, 256)) * 40)
    result = CliRunner().invoke(cli, ["ingest", str(examples), "--db", str(db_path), "-q"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {examples / 'noise.txt'}: {errors(db_path)['noise.txt']}"]


def test_the_count_and_the_time_left_give_way_to_no_file_name():
    """A narrow terminal and a long path: the path is shortened from the left, never the count."""
    from directives.progress import status
    from directives.run import Report

    report = Report(added=40, failed=2, files=733, ocr_pages=12, elapsed=20.0, seconds_left=754.0)
    path = "/srv/archive/2025/" + "thư mục rất dài/" * 8 + "quyet-dinh-1477-qd-ubnd-scan.pdf"
    line = status(report, {path: 95.0}, width=160)
    assert len(line) <= 160
    assert line.startswith("42/733 files · 2 failed · 12 OCR pages · 2.1 files/s · about 12 min 34 s left")
    assert line.endswith("quyet-dinh-1477-qd-ubnd-scan.pdf (1 min 35 s)") and "…" in line
    assert status(report, {path: 95.0}, width=60).startswith("42/733 files")  # no room for the file: the count stays


def test_the_time_left_weighs_pages_to_scan_above_text_files(tmp_path):
    """Ten text files read in a second each, then two scans of 30 pages each wait: the time
    left is the scans' minutes, not the two files' two seconds a count of files would give."""
    from directives.estimate import Estimate

    texts = [tmp_path / f"{n}.txt" for n in range(10)]
    scans = [tmp_path / f"scan-{n}.pdf" for n in range(2)]
    for path in texts:
        path.write_text("Quyết định", encoding="utf-8")
    for path in scans:
        path.write_bytes(b"%PDF-1.4" + b"0" * 30 * 150_000)  # about 30 scanned pages
    estimate = Estimate()
    for path in texts + scans:
        estimate.add(str(path))
    assert estimate.seconds_left(elapsed=0.0) is None  # no pace yet
    for path in texts:
        estimate.finished(str(path), 1.0)
    left = estimate.seconds_left(elapsed=10.0)  # one worker's pace: a worker-second a second
    assert 120 < left < 400  # 60 pages at a few seconds each
    estimate.finished(str(scans[0]), 60.0)  # the first scan took a minute: its pace is learnt
    assert estimate.seconds_left(elapsed=70.0) == pytest.approx(60.0, rel=0.01)
    estimate.finished(str(scans[1]), None)  # it failed unread
    assert estimate.seconds_left(elapsed=71.0) == 0.0
