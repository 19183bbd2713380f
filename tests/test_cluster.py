"""directives ingest --cluster: reading and extracting on a Dask LocalCluster (two worker
processes, loopback only), storing here. The same files give the same database as the
local worker processes; a worker that dies costs only its file."""
import faulthandler
import json
import os
import resource
import shutil
import sqlite3
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from directives import cluster as dask_cluster
from directives.batch import Options, out_of_memory
from directives.cli import cli
from tests.conftest import run
from directives.db.store import Store
from directives.run import Watch, ingest

EXAMPLES = sorted(f.name for f in (Path(__file__).resolve().parents[1] / "examples").iterdir())

# columns holding another table's id that the schema does not declare as foreign keys
UNDECLARED_REFERENCES = {("documents", "issuer_id"): "organizations"}


@pytest.fixture(autouse=True)
def fail_rather_than_hang():
    """A cluster that stops answering ends the run with every thread's stack, not a CI job
    that never finishes."""
    faulthandler.dump_traceback_later(300, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()



def _natural_key(conn, table):
    """The columns of the table's unique index (not its id): what names a row in any database."""
    for index in conn.execute(f"PRAGMA index_list([{table}])"):
        if index[2]:  # unique
            return [col[2] for col in conn.execute(f"PRAGMA index_info([{index[1]}])")]
    return None


def canonical(db_path):
    """Every table's rows with ids replaced by what they point at (a document by its identity,
    a unit by its key) and times left out, sorted: equal for two runs that stored the same."""
    conn = sqlite3.connect(db_path)
    tables = [
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_") and "_fts" not in name
    ]
    names = {}  # (table, id) -> natural key
    for table in tables:
        key = _natural_key(conn, table)
        if key and "id" in [c[1] for c in conn.execute(f"PRAGMA table_info([{table}])")]:
            cols = ", ".join(f"[{c}]" for c in key)
            for row in conn.execute(f"SELECT id, {cols} FROM [{table}]"):
                names[table, row[0]] = row[1:]
    dump = {}
    for table in tables:
        references = {fk[3]: fk[2] for fk in conn.execute(f"PRAGMA foreign_key_list([{table}])")}
        references.update({col: target for (t, col), target in UNDECLARED_REFERENCES.items() if t == table})
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info([{table}])")]
        unmapped = [c for c in columns if c.endswith("_id") and c not in references]
        assert not unmapped, f"{table}.{unmapped}: say what these ids point at"
        kept = [c for c in columns if c != "id" and not c.endswith("_at")]
        rows = []
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in kept)} FROM [{table}]"):
            values = dict(zip(kept, row))
            for col, target in references.items():
                if values.get(col) is not None:
                    values[col] = names[target, values[col]]
            rows.append(repr(sorted(values.items())))
        dump[table] = sorted(rows)
    # the search index finds the same documents
    dump["search"] = sorted(
        conn.execute(
            "SELECT d.identity FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH 'ke hoach OR quyet dinh OR tai chinh'"
        ).fetchall()
    )
    conn.close()
    return dump


@pytest.fixture
def batch(examples):
    """The examples plus two bad files: one a worker fails to read, one that fails before sending."""
    (examples / "hỏng.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage, no xref\n")
    (examples / "empty.txt").write_bytes(b"")
    return examples


def _children():
    """This process's children, but multiprocessing's resource tracker (one per interpreter,
    started by the first pool, gone with the interpreter)."""
    return {
        p.pid for p in psutil.Process().children(recursive=True)
        if not any("resource_tracker" in part for part in p.cmdline())
    }


@pytest.mark.slow
def test_local_cluster_stores_the_same_database_as_local_workers(batch, tmp_path, monkeypatch):
    before = _children()
    local = run("ingest", str(batch), "--db", str(tmp_path / "local.db"), "--jobs", "2")
    on_dask = run("ingest", str(batch), "--db", str(tmp_path / "dask.db"), "--cluster", "local", "--jobs", "2")
    assert local.exit_code == on_dask.exit_code == 1  # the bad files
    documents = len([f for f in batch.iterdir() if f.suffix != ".pdf" and f.stat().st_size])
    summary = f"{documents} added, 0 replaced, 0 merged, 0 unchanged, 2 failed -> "
    assert summary in local.output and summary in on_dask.output
    assert f"error: {batch / 'hỏng.pdf'}:" in on_dask.output and f"error: {batch / 'empty.txt'}: the file is empty" in on_dask.output

    ours, theirs = canonical(tmp_path / "local.db"), canonical(tmp_path / "dask.db")
    assert len(ours["documents"]) >= 3 and len(ours["tasks"]) > 0 and len(ours["document_links"]) > 0
    assert len(ours["ingest_errors"]) == 2 and ours["search"]
    for table in ours:
        assert theirs[table] == ours[table], table

    # a re-run sends nothing: it does not even start a cluster
    def no_cluster(self):
        raise AssertionError("a cluster was started for files already stored")

    monkeypatch.setattr(dask_cluster.ClusterRunner, "start", no_cluster)
    (batch / "hỏng.pdf").unlink()
    (batch / "empty.txt").unlink()
    again = run("ingest", str(batch), "--db", str(tmp_path / "dask.db"), "--cluster", "local")
    assert again.exit_code == 0 and f"0 added, 0 replaced, 0 merged, {documents} unchanged, 0 failed" in again.output
    # the scheduler, the nannies and the worker processes have all gone
    psutil.wait_procs([psutil.Process(pid) for pid in _children() - before if psutil.pid_exists(pid)], timeout=10)
    assert [psutil.Process(pid).cmdline() for pid in _children() - before] == []


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_its_file(batch, tmp_path):
    crash = batch / "crash.txt"
    shutil.copy(batch / "kh-0031-sct-quang-ngai.txt", crash)

    def work(name, data, *args):  # a reader that takes its worker down (out of memory, a segfault)
        if name.endswith("crash.txt"):
            os._exit(9)
        return dask_cluster.prepare_bytes(name, data, *args)

    store = Store.open(tmp_path / "dask.db")
    errors = {}
    with dask_cluster.connect("local", workers=2) as runner:
        runner.work = work
        report = ingest(store, [batch], runner=runner, display=Watch(error=errors.__setitem__))
    assert report.added == len(EXAMPLES) and report.failed == 3  # the crash, the damaged PDF, the empty file
    assert "Dask worker reading it died" in errors[str(crash)]
    with sqlite3.connect(tmp_path / "dask.db") as conn:
        stored = {row[0] for row in conn.execute("SELECT path FROM document_sources")}
        failed = dict(conn.execute("SELECT path, reason FROM ingest_errors"))
    assert stored == {str(batch / name) for name in EXAMPLES}
    assert "died" in failed[str(crash)]


def test_time_limit_stops_a_file_on_a_worker_thread():
    """Dask runs tasks outside the main thread, where --timeout's alarm cannot reach."""
    import threading
    import time

    result = {}

    def slow():
        try:
            with dask_cluster._thread_time_limit(0.2):
                while True:
                    time.sleep(0.01)
        except dask_cluster._Expired:
            result["stopped"] = True
        time.sleep(0.3)  # and nothing is raised later
        result["after"] = True

    thread = threading.Thread(target=slow)
    thread.start()
    thread.join(5)
    assert result == {"stopped": True, "after": True}


def test_bytes_read_under_their_own_name(examples):
    data = (examples / "qd-0457-ubnd-dak-lak.md").read_bytes()
    prepared = dask_cluster.prepare_bytes("/elsewhere/qd-0457-ubnd-dak-lak.md", data, Options(ocr="never", timeout=60, to_store=True))
    assert prepared.record.source.path == "/elsewhere/qd-0457-ubnd-dak-lak.md"
    assert prepared.record.source.format == "md" and prepared.record.symbol == "0457/QĐ-UBND"
    assert prepared.rows is not None
    failed = dask_cluster.prepare_bytes("/elsewhere/x.odt", b"PK\x03\x04 not really", Options(ocr="never", timeout=60))
    assert failed.path == "/elsewhere/x.odt" and "format not supported" in failed.reason


def test_unreachable_scheduler_is_one_line(examples, tmp_path, monkeypatch):
    monkeypatch.setattr(dask_cluster, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(cli, ["ingest", str(examples), "--db", str(tmp_path / "x.db"), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------- limits, report, progress


def _pdf(path: Path, pages: int) -> Path:
    """A text PDF of ``pages`` short pages."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in range(pages):
        pdf.add_page()
        pdf.cell(0, 6, f"So Tai chinh chu tri thuc hien nhiem vu {page}.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def _failures(db_path) -> dict[str, str]:
    with sqlite3.connect(db_path) as conn:
        return {Path(path).name: reason for path, reason in conn.execute("SELECT path, reason FROM ingest_errors")}


@pytest.mark.slow
def test_size_page_and_memory_limits_and_the_report_are_the_same_as_with_local_workers(batch, tmp_path):
    (batch / "big.txt").write_text((batch / "kh-0031-sct-quang-ngai.txt").read_text(encoding="utf-8") * 1200, encoding="utf-8")
    assert (batch / "big.txt").stat().st_size > 1024 * 1024
    _pdf(batch / "long.pdf", pages=3)
    from tests.test_batch import _docx

    _docx(batch / "big.docx", 200)  # parsing it needs more than 400 MB
    limits = ["--max-size", "1", "--max-pages", "2", "--max-memory", "400", "-q"]
    local = run("ingest", str(batch), "--db", str(tmp_path / "local.db"), "--jobs", "2", "--report", str(tmp_path / "local.json"), *limits)
    on_dask = run("ingest", str(batch), "--db", str(tmp_path / "dask.db"), "--cluster", "local", "--jobs", "2", "--report", str(tmp_path / "dask.json"), *limits)
    assert local.exit_code == on_dask.exit_code == 1

    failures = _failures(tmp_path / "dask.db")
    assert failures == _failures(tmp_path / "local.db")
    assert failures["big.txt"].startswith("the file is too large (") and failures["big.txt"].endswith("the limit is 1 MB, --max-size)")
    assert failures["long.pdf"] == "the PDF has 3 pages; the limit is 2 (--max-pages)"
    assert failures["big.docx"] == "out of memory (limit 400 MB, --max-memory)"
    assert set(failures) == {"big.txt", "long.pdf", "big.docx", "hỏng.pdf", "empty.txt"}

    ours, theirs = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("local.json", "dask.json"))
    assert theirs["files"] == ours["files"] == len(EXAMPLES) + 5
    assert theirs["outcomes"] == ours["outcomes"] and ours["outcomes"]["failed"] == 5
    assert sorted(map(str, theirs["failures"])) == sorted(map(str, ours["failures"]))
    assert set(theirs["seconds"]) == set(ours["seconds"]) == {"elapsed", "read", "ocr", "extract", "store"}
    assert theirs["seconds"]["read"] > 0 and theirs["seconds"]["extract"] > 0 and theirs["seconds"]["store"] > 0
    assert theirs["ocr_pages"] == ours["ocr_pages"] == 0


@pytest.mark.slow
def test_progress_commits_time_limit_and_memory_limit_on_the_workers(examples, tmp_path):
    """While a worker is on a slow file, the writer hears which file and for how long, commits
    what is done (a reader sees it), and --timeout stops the file on the worker's thread."""
    slow = examples / "slow.pdf"
    slow.write_bytes(b"%PDF-1.4 a scan that takes its time\n")  # a PDF: alone in its task

    def work(name, data, options):
        if name.endswith("slow.pdf"):
            while True:  # Python steps: the time limit can stop it
                time.sleep(0.05)
        return dask_cluster.prepare_bytes(name, data, options)

    db_path = tmp_path / "dask.db"
    store = Store.open(db_path)
    errors, seen, meanwhile = {}, [], []

    def on_progress(report, working):
        seen.append(dict(working))
        if working.get(str(slow), 0) > 0.5:  # (stored by the writer, seen by a reader) while the slow one is read
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as reader:
                committed = reader.execute("SELECT count(*) FROM document_sources").fetchone()[0]
            meanwhile.append((report.added + report.merged, committed))

    limit = 3 * 1024 ** 3
    with dask_cluster.connect("local", workers=2) as runner:
        runner.work = work
        report = ingest(
            store, [examples], Options(timeout=6), max_memory=limit, runner=runner,
            display=Watch(error=errors.__setitem__, progress=on_progress),
        )
        address_space = runner.client.run(_address_space_limit)
        said = runner.client.run(out_of_memory)
        dask_limits = {w["memory_limit"] for w in runner.client.scheduler_info()["workers"].values()}
        runner.client.run(dask_cluster._cap_memory, None)  # a later batch without --max-memory
        restored = runner.client.run(_address_space_limit)
    assert errors == {str(slow): "took longer than the time limit of 6 s for one file (--timeout)"}
    assert report.added + report.merged == len(EXAMPLES) and report.failed == 1
    assert max(w.get(str(slow), 0) for w in seen) > 2, "no progress while the slow file was read"
    # on a loaded machine the other files may still be on their way when the slow one starts:
    # what matters is that what the writer has stored is committed while the slow one is read
    assert any(0 < stored == committed for stored, committed in meanwhile), (
        f"the files done were not committed while the slow one was read: {meanwhile}")
    # each worker may take the limit on top of what it holds at rest, and says so when a file needs more
    assert all(0 < space - limit < 16 * 1024 ** 3 for space in address_space.values()) and dask_limits == {limit}
    assert set(said.values()) == {"out of memory (limit 3072 MB, --max-memory)"}
    assert set(restored.values()) == {resource.getrlimit(resource.RLIMIT_AS)[0]}  # the worker's own, as it started


def _address_space_limit() -> int:
    return resource.getrlimit(resource.RLIMIT_AS)[0]
