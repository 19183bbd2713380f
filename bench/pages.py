"""Time of the browsing pages on a whole corpus, through datasette.client (no network).

    python bench/pages.py [--db corpus.db] [--runs 15]

Without ``--db`` it uses (and makes once, with ``directives ingest ../shared/corpus``) a
database of the whole shared corpus in the temporary folder. Each page is asked once (its time is
"first": cold caches, and the missing-documents CSV made), then ``--runs`` times; prints the
median and 90th percentile in milliseconds and the size of the answer, against issue 12's goals: under 150 ms at the median for every page, the
documents table page under 200 KB. Pages that do not exist yet say "not found".
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_MS = 150
GOAL_TABLE_BYTES = 200_000
SEARCHES = ["quyet dinh", "Đà Nẵng", "da nang", "thue nhap*", "1477/qd-ubnd", "1477 / QĐ–UBND", "quyết định 47/QĐ-UBND", "so tai chinh quang ngai", "ngân sách nhà nước"]


def corpus_db(path: str | None) -> Path:
    if path:
        if not Path(path).exists():
            sys.exit(f"{path}: no such database")
        return Path(path)
    db = Path(tempfile.gettempdir()) / "directives-bench-pages.db"
    if not db.exists():
        corpus = ROOT.parent / "shared" / "corpus"
        if not corpus.exists():
            sys.exit(f"{corpus} is not here: pass --db")
        print(f"ingesting {corpus} into {db} (a few minutes, once)", file=sys.stderr)
        directives = Path(sys.executable).with_name("directives")
        subprocess.run([str(directives), "ingest", str(corpus), "--db", str(db), "-q"], check=False)
    return db


def heavy_documents(db: Path, count: int = 3) -> list[int]:
    """The documents with the most links and tasks: the slowest document pages."""
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT d.id, (SELECT count(*) FROM document_links WHERE source_id = d.id OR target_id = d.id) "
        "+ (SELECT count(*) FROM tasks WHERE document_id = d.id) AS weight "
        "FROM documents d WHERE d.placeholder = 0 ORDER BY weight DESC LIMIT ?",
        [count],
    ).fetchall()
    conn.close()
    return [r[0] for r in rows]


def decision_with_longest_chain(db: Path) -> int | None:
    """A document many others carry out (the heaviest ``?from=``)."""
    import sqlite3

    conn = sqlite3.connect(db)
    row = conn.execute(
        "SELECT target_id FROM document_links WHERE relation IN ('based_on', 'implements') "
        "GROUP BY target_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    return row[0] if row else None


def pages(db: Path) -> list[str]:
    name = db.stem
    found = [
        "/-/tasks",
        "/-/tasks?page=40",
        "/-/tasks?unit=" + quote("so tai chinh quang ngai"),
        "/-/tasks?unit=" + quote("ubnd"),
        "/-/tasks?month=2025-12",
    ]
    root = decision_with_longest_chain(db)
    if root is not None:
        found.append(f"/-/tasks?from={root}")
    found += ["/-/missing", "/-/missing?page=5", "/-/missing.csv"]
    found += ["/-/search?q=" + quote(q) for q in SEARCHES]
    found += [f"/{name}/documents", f"/{name}/tasks"]
    found += [f"/-/document/{i}" for i in heavy_documents(db)]
    return found


async def measure(ds, path: str, runs: int) -> tuple[int, int, float, list[float]]:
    start = time.perf_counter()
    r = await ds.client.get(path, follow_redirects=True)
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = await ds.client.get(path, follow_redirects=True)
        times.append((time.perf_counter() - start) * 1000)
    return r.status_code, len(r.content), first, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="a database of the whole corpus (default: made once from ../shared/corpus)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from datasette.app import Datasette

    db = corpus_db(args.db)
    ds = Datasette([str(db)])
    import sqlite3

    conn = sqlite3.connect(db)
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "document_links", "tasks")]
    conn.close()
    print(f"{db}: {counts[0]:,} documents (placeholders included), {counts[1]:,} links, {counts[2]:,} tasks; {args.runs} runs a page")
    print(f"{'page':70} {'median ms':>10} {'p90 ms':>8} {'first ms':>9} {'bytes':>10}")
    medians = []

    async def run():
        for path in pages(db):
            status, size, first, times = await measure(ds, path, args.runs)
            if status == 404:
                print(f"{path:70} {'not found':>10}")
                continue
            times.sort()
            median = statistics.median(times)
            p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
            medians.append(median)
            flag = "" if status == 200 else f"  (status {status})"
            if median > GOAL_MS:
                flag += f"  over {GOAL_MS} ms"
            if path.endswith("/documents") and size > GOAL_TABLE_BYTES:
                flag += f"  over {GOAL_TABLE_BYTES // 1000} KB"
            print(f"{path[:70]:70} {median:10.1f} {p90:8.1f} {first:9.1f} {size:10,}{flag}")

    asyncio.run(run())
    if medians:
        print(f"slowest median {max(medians):.1f} ms (goal: under {GOAL_MS} ms each)")


if __name__ == "__main__":
    main()
