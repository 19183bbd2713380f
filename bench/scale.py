"""How storing and browsing grow with the archive: 1x, 3x, 10x, 30x (100x) the corpus.

    python bench/scale.py [--sizes 1,3,10,30] [--runs 7] [--jobs 2] [--keep DIR] [--no-pages]

The archive is made of copies of the 660 text files of ../shared/corpus (tvpl-markdown,
tvpl-text, vbpl-html): copy 0 is the corpus itself, copy k each document with a new number
(its own symbol, wherever the text prints it, gets slot * 100000 added to its number, slot 1 to
9, and from copy 10 on its year and its date's year moved back a year each nine copies) and its
issue date's day moved by k; what the documents cite is left as it is, so every copy cites
the same central documents again. Each size is reached from the one before by ingesting the
new copies (``directives ingest COPIES --jobs 2 --ocr never --report``, a whole process) into
one database, and prints for that step:

- documents added a second (wall time of the process, start-up included);
- the CPU a document of the writer (the process itself) and of the workers (its children);
- store seconds a document (``--report``'s store stage);
- the peak memory of the process tree (writer and workers);
- the database's size a document (file and WAL over the stored documents), and where it goes
  (``dbstat``: text and row data, the search index, links, the rest);
- the median and 90th percentile (ms) of each page of ``bench/pages.py`` (through Datasette's
  client, its own SQL time limit), with the answer's status when it is not 200;

and, at the end, every figure as a ratio to the 1x step, and ``EXPLAIN QUERY PLAN`` of the
slowest SQL of each page whose median grew more than 1.5 times from the first size to the last.
Everything is made in a temporary folder (``--keep DIR`` keeps the archive and database there).
"""
from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("tvpl-markdown", "tvpl-text", "vbpl-html")
TEXT = (".md", ".txt", ".html", ".htm")

# The writer's and the workers' CPU: this runs `directives` and, when it exits (after the
# pool's own exit handlers have joined the workers: handlers run last-registered first), writes
# its own CPU time and that of its children, reaped.
_WRAPPER = """
import atexit, json, os, resource, sys
def _cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["SCALE_CPU"], "w") as f:
        json.dump({"writer": own.ru_utime + own.ru_stime, "workers": kids.ru_utime + kids.ru_stime}, f)
atexit.register(_cpu)
sys.argv[0] = "directives"
from directives.cli import cli
cli()
"""


def _pages_module():
    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the archive ------------------------------------------------------------------------

def originals(corpus: Path) -> list[Path]:
    return sorted(p for f in FOLDERS for p in (corpus / f).rglob("*") if p.is_file() and p.suffix.lower() in TEXT)


def own_symbols(files: list[Path], jobs: int) -> dict[str, tuple[str | None, str | None]]:
    """Each file's own symbol and issue date, as extraction reads them."""
    from directives.batch import Options
    from directives.pool import prepare_all

    found = {}
    for path, prepared in prepare_all([str(f) for f in files], jobs, Options(ocr="never", timeout=None)):
        record = getattr(prepared, "record", None)
        found[str(path)] = (record.symbol, record.issued_date) if record else (None, None)
    return found


_DATE = re.compile(r"(ngày\s+)(\d{1,2})(\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d+)")
_NUMERIC_DATE_YEAR = re.compile(r"(ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)((?:19|20)\d\d)", re.IGNORECASE)
_DATE_YEAR = re.compile(r"(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)(\d{4})", re.IGNORECASE)


_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def renumbered(text: str, symbol: str | None, k: int) -> str:
    """The text of copy ``k``: its own symbol's number + slot * 100000 (slot 1 to 9: six
    digits at most, the symbol grammar's; a corpus number has five), its year (in the symbol
    and its first date) (k - 1) // 9 years earlier, its first date's day + k. Copies 1 to 9
    are k * 100000 as before; a number + k * 100000 had seven digits from copy 10 on: no symbol
    was read, and those copies were not the documents they copied."""
    if k == 0:
        return text
    slot, back = (k - 1) % 9 + 1, (k - 1) // 9
    if symbol and _NUMBER.match(symbol):
        new = _NUMBER.sub(lambda m: str(int(m.group(1)) + 100000 * slot), symbol)
        new = _YEAR.sub(lambda m: f"/{int(m.group(1)) - back}/", new, count=1)
        if symbol in text:
            text = text.replace(symbol, new)
        else:  # spelled otherwise in the text (spaces, dashes): the number after "Số"
            number = _NUMBER.match(symbol).group(1)
            text = re.sub(r"(Số\s*[:.]?\s*(?:<[^>]*>\s*)*)" + number + r"\b", lambda m: m.group(1) + new.split("/")[0].split("-")[0], text, count=1)
    else:
        text += "\n" * k  # no number: other bytes make it another document
    head, rest = text[:4000], text[4000:]
    head = _DATE.sub(lambda m: f"{m.group(1)}{(int(m.group(2)) - 1 + k) % 28 + 1}{m.group(3)}", head, count=1)
    if back:  # the year of that first date too (the document's identity's year when its symbol has none)
        head, n = _DATE_YEAR.subn(lambda m: f"{m.group(1)}{int(m.group(2)) - back}", head, count=1)
        if not n:
            head = _NUMERIC_DATE_YEAR.sub(lambda m: f"{m.group(1)}{int(m.group(2)) - back}", head, count=1)
    return head + rest


def make_copy(k: int, files: list[Path], symbols: dict, into: Path) -> Path:
    folder = into / f"copy-{k:03}"
    for f in files:
        target = folder / f.parent.name / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if k == 0:
            shutil.copyfile(f, target)
            continue
        data = f.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            target.write_bytes(data + b"\n" * k)
            continue
        target.write_text(renumbered(text, symbols.get(str(f), (None, None))[0], k), encoding="utf-8")
    return folder


# -- one step: an ingest ---------------------------------------------------------------

def tree_rss(pid: int) -> int:
    """Resident kB of a process and its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def ingest(folders: list[Path], db: Path, jobs: int, tmp: Path) -> dict:
    report, cpu = tmp / "report.json", tmp / "cpu.json"
    env = {**os.environ, "SCALE_CPU": str(cpu)}
    started = time.perf_counter()
    run = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, "ingest", *map(str, folders), "--db", str(db), "--jobs", str(jobs),
         "--ocr", "never", "-q", "--report", str(report)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    peak = [0]

    def sample() -> None:
        while run.poll() is None:
            peak[0] = max(peak[0], tree_rss(run.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = run.communicate()
    sampler.join()
    elapsed = time.perf_counter() - started
    if run.returncode not in (0, 1):
        sys.exit(f"ingest failed:\n{err[-2000:]}")
    rep = json.loads(report.read_text())
    used = json.loads(cpu.read_text())
    stored = rep["outcomes"]["added"] + rep["outcomes"]["merged"] + rep["outcomes"]["replaced"]
    return {
        "added": rep["outcomes"]["added"], "stored": stored, "failed": rep["outcomes"]["failed"], "elapsed": elapsed,
        "docs_s": stored / elapsed, "writer_ms": 1000 * used["writer"] / stored, "workers_ms": 1000 * used["workers"] / stored,
        "store_s": rep["seconds"]["store"] / stored, "peak_mb": peak[0] / 1024,
    }


def sizes(db: Path) -> dict:
    """Bytes a stored document, in all and by what holds them (dbstat, when SQLite has it)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = conn.execute("SELECT count(*) FROM documents WHERE placeholder = 0").fetchone()[0]
    nodes = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    links = conn.execute("SELECT count(*) FROM document_links").fetchone()[0]
    tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    out = {"stored": stored, "nodes": nodes, "links": links, "tasks": tasks,
           "bytes_doc": (db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob(db.name + "-wal"))) / max(stored, 1)}
    try:
        parts: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            group = ("search index" if name.startswith("documents_fts") else
                     "documents" if name == "documents" else
                     "document indexes" if name.startswith(("idx_documents", "sqlite_autoindex_documents")) else
                     "links" if "document_links" in name else
                     "tasks" if "tasks" in name else "the rest")
            parts[group] = parts.get(group, 0) + size
        out["parts"] = {k: v / max(stored, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])}
    except sqlite3.OperationalError:
        pass
    conn.close()
    return out


# -- the pages ----------------------------------------------------------------------------

def most_cited(db: Path) -> int | None:
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT target_id FROM document_links GROUP BY target_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    conn.close()
    return row[0] if row else None


def page_list(db: Path, bench_pages) -> list[str]:
    """bench/pages.py's pages, the most cited document's first; the heaviest ones by name of
    rank, so that the same page is compared from size to size."""
    found = [p for p in bench_pages.pages(db) if not p.startswith("/-/document/")]
    cited = most_cited(db)
    return ([f"/-/document/{cited}"] if cited else []) + found


async def get(ds, path: str) -> int:
    """The status of a page (500 when an error escapes the page, as the test client raises it)."""
    try:
        return (await ds.client.get(path, follow_redirects=True)).status_code
    except Exception:  # noqa: BLE001 - a failing page is a figure of the bench, not its end
        return 500


async def time_pages(db: Path, paths: list[str], runs: int) -> tuple[dict, dict]:
    from datasette.app import Datasette
    from datasette.tracer import capture_traces

    ds = Datasette([str(db)])
    timed, slowest = {}, {}
    for path in paths:
        traces: list = []
        with capture_traces(traces):
            await get(ds, path)
        sql = sorted((t for t in traces if t.get("sql")), key=lambda t: -t.get("duration_ms", 0))
        slowest[path] = sql[:2]
        times, statuses = [], set()
        for _ in range(runs):
            started = time.perf_counter()
            statuses.add(await get(ds, path))
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        status = max(statuses)  # a page that failed once says so
        timed[path] = (statistics.median(times), times[min(len(times) - 1, round(0.9 * (len(times) - 1)))], status)
    return timed, slowest


def plans(db: Path, traces: list) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = []
    for t in traces:
        try:
            rows = conn.execute("EXPLAIN QUERY PLAN " + t["sql"], t.get("params") or []).fetchall()
        except (sqlite3.Error, ValueError, TypeError) as exc:
            out.append(f"    ({type(exc).__name__}: {exc})")
            continue
        out.append(f"    {t.get('duration_ms', 0):.0f} ms: {' '.join(t['sql'].split())[:300]}")
        out += [f"      {r[-1]}" for r in rows]
    conn.close()
    return out


# -- the run ------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,3,10,30", help="archive sizes in copies of the corpus (100 on request: it takes hours)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=7, help="timed requests a page")
    parser.add_argument("--keep", type=Path, help="make the archive and database in this folder, and keep them")
    parser.add_argument("--no-pages", action="store_true", help="time the ingest only")
    args = parser.parse_args()
    steps = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    files = originals(args.corpus)
    if not files:
        sys.exit(f"no text files under {args.corpus}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="directives-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "archive.db"
    if db.exists():
        sys.exit(f"{db} exists: give an empty --keep folder")
    print(f"{len(files)} text files a copy; sizes {steps}; {args.jobs} workers; {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}; in {work}", flush=True)
    symbols = own_symbols(files, args.jobs)
    bench_pages = None if args.no_pages else _pages_module()
    results, done = [], 0
    try:
        for size in steps:
            copies = [make_copy(k, files, symbols, work) for k in range(done, size)]
            step = ingest(copies, db, args.jobs, work)
            for folder in copies:
                shutil.rmtree(folder)
            done = size
            step.update(size=size, load=os.getloadavg()[0], **sizes(db))
            print(f"\n{size}x: {step['stored']:,} stored in {step['elapsed']:.0f} s ({step['failed']} failed); database "
                  f"{step['stored']:,} documents, {step['nodes']:,} nodes, {step['links']:,} links, {step['tasks']:,} tasks; load {step['load']:.1f}")
            print(f"  {step['docs_s']:.1f} docs/s; CPU a document: writer {step['writer_ms']:.1f} ms, workers {step['workers_ms']:.1f} ms; "
                  f"store {step['store_s'] * 1000:.1f} ms a document; peak {step['peak_mb']:.0f} MB; {step['bytes_doc'] / 1000:.1f} KB a document", flush=True)
            if step.get("parts"):
                print("  of which: " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in step["parts"].items()))
            if bench_pages:
                paths = page_list(db, bench_pages)
                step["pages"], step["slowest"] = asyncio.run(time_pages(db, paths, args.runs))
                for path, (median, p90, status) in step["pages"].items():
                    print(f"  {path[:60]:60} {median:8.1f} {p90:8.1f}" + (f"  (status {status})" if status != 200 else ""))
            sys.stdout.flush()
            results.append(step)
        summary(results, db)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _page_key(path: str) -> str:
    return "/-/document/<most cited>" if path.startswith("/-/document/") else path


def summary(results: list[dict], db: Path) -> None:
    if not results:
        return
    first = results[0]
    print("\nratios to the first step (" + f"{first['size']}x)")
    print(f"{'size':>6} {'docs/s':>8} {'writer':>8} {'workers':>8} {'store':>8} {'peak':>8} {'bytes':>8}")
    for r in results:
        print(f"{str(r['size']) + 'x':>6} " + " ".join(
            f"{r[k] / first[k]:8.2f}" for k in ("docs_s", "writer_ms", "workers_ms", "store_s", "peak_mb", "bytes_doc")))
    if "pages" not in first:
        return
    print(f"\n{'page (median ms / p90 ms)':44} " + " ".join(f"{str(r['size']) + 'x':>15}" for r in results) + "   last/first")
    firsts = {_page_key(p): v for p, v in first["pages"].items()}
    last = results[-1]
    for path, (median, _, _) in last["pages"].items():
        key = _page_key(path)
        cells = []
        for r in results:
            v = {_page_key(p): x for p, x in r["pages"].items()}.get(key)
            cells.append(f"{v[0]:7.0f} /{v[1]:6.0f}" if v else f"{'':>15}")
        ratio = median / firsts[key][0] if key in firsts and firsts[key][0] else float("nan")
        print(f"{key[:44]:44} " + " ".join(cells) + f"   {ratio:6.2f}")
    grown = [p for p, (m, _, _) in last["pages"].items() if _page_key(p) in firsts and m > 1.5 * firsts[_page_key(p)][0] and m > 20]
    if grown and len(results) > 1:
        print("\nEXPLAIN QUERY PLAN of the slowest SQL of the pages that grew more than 1.5x (and take over 20 ms):")
        for path in grown:
            print(f"  {path}")
            print("\n".join(plans(db, last["slowest"].get(path, []))))


if __name__ == "__main__":
    main()
