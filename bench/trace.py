"""Trace time over a generated graph: how long `directives trace` takes to walk 10 levels.

Builds a directives database of N documents (default 100,000) with the project's own
schema. Each document cites one to three earlier ones, chosen among the few thousand
before it, so chains run deep the way decree → circular → provincial decision → plan →
report chains do; 60% of links are based_on, 30% implements, 10% cites. Then it traces
random documents up and down to depth 10 and prints the times.

    python bench/trace.py [--documents 100000] [--depth 10] [--samples 200] [--db PATH]

Goal (issue 3): under 50 ms for a depth-10 trace.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlite_utils  # noqa: E402

from directives.db import trace as chain  # noqa: E402
from directives.db.schema import ensure_schema  # noqa: E402


def build(path: str, documents: int, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    conn = db.conn
    with conn:
        conn.executemany(
            "INSERT INTO documents (id, symbol, symbol_key, doc_type, issued_date, year, issuer, identity, placeholder) "
            "VALUES (?, ?, ?, 'QĐ', ?, ?, 'Ủy ban nhân dân tỉnh Mẫu', ?, 0)",
            (
                (i, f"{i}/QĐ-UBND", f"{i}/qd-ubnd", f"{2000 + i // 5000}-01-01", 2000 + i // 5000, f"{i}/qd-ubnd|mau|{2000 + i // 5000}")
                for i in range(1, documents + 1)
            ),
        )
        links = []
        for i in range(51, documents + 1):
            for target in rng.sample(range(max(1, i - 3000), i), rng.randint(1, 3)):
                relation = rng.choices(["based_on", "implements", "cites"], [6, 3, 1])[0]
                links.append((i, target, relation, "Quyết định số ...", 1.0))
        conn.executemany(
            "INSERT OR IGNORE INTO document_links (source_id, target_id, relation, mention, confidence) VALUES (?, ?, ?, ?, ?)",
            links,
        )
    return documents, len(links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--db", help="where to build the graph (default: a temporary file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "graph.db")
        started = time.perf_counter()
        n_docs, n_links = build(path, args.documents)
        print(f"graph: {n_docs} documents, {n_links} links, built in {time.perf_counter() - started:.1f} s")
        conn = sqlite_utils.Database(path).conn
        rng = random.Random(11)
        for direction in ("up", "down"):
            times, sizes, render_times = [], [], []
            for _ in range(args.samples):
                # up from recent documents (long ancestries), down from older ones (many descendants)
                root = rng.randint(n_docs // 2, n_docs) if direction == "up" else rng.randint(1, n_docs // 2)
                t0 = time.perf_counter()
                result = chain.trace(conn, root, direction, args.depth)
                t1 = time.perf_counter()
                chain.render(result)
                t2 = time.perf_counter()
                times.append((t1 - t0) * 1000)
                render_times.append((t2 - t1) * 1000)
                sizes.append(len(result.edges))
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"trace --{direction} --depth {args.depth}: median {statistics.median(times):.1f} ms, "
                f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms over {args.samples} documents "
                f"(median {int(statistics.median(sizes))} documents reached, max {max(sizes)}); "
                f"tree printing adds median {statistics.median(render_times):.1f} ms"
            )
        print("goal: under 50 ms")


if __name__ == "__main__":
    main()
