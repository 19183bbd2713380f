"""Time the document page (/-/document/<id>) on a database, through datasette.client.

    .venv/bin/directives ingest ../shared/corpus --db /tmp/corpus.db -q
    .venv/bin/python bench/document_page.py /tmp/corpus.db [--sample 100] [--heavy 10]

Prints the median, 90th percentile and slowest time of the page for a random sample of
documents (ingested and placeholders), and for the most cited documents (the largest
pictures), each fetched once with an empty picture cache and once again (the cached
picture); and the page sizes. Goal: under 150 ms at the median.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import time

from datasette.app import Datasette

from directives.datasette_plugins import chain_svg


def figures(label: str, times: list[float], sizes: list[int]) -> None:
    times = sorted(times)
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"{label:<46} n={len(times):<4} median {statistics.median(times) * 1000:6.1f} ms  p90 {p90 * 1000:6.1f} ms  "
          f"max {times[-1] * 1000:6.1f} ms  size median {statistics.median(sizes) / 1024:5.1f} KB, max {max(sizes) / 1024:5.1f} KB")


async def run(db: str, sample: int, heavy: int, seed: int) -> None:
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("select id from documents")]
        ingested = [r[0] for r in conn.execute("select id from documents where placeholder = 0")]
        top = [r[0] for r in conn.execute(
            "select target_id from document_links group by target_id order by count(*) desc limit ?", [heavy])]
        biggest = conn.execute(
            "select target_id, count(*) from document_links group by target_id order by count(*) desc limit 1").fetchone()
    random.Random(seed).shuffle(ids)
    random.Random(seed).shuffle(ingested)
    ds = Datasette([db])
    await ds.invoke_startup()
    await ds.client.get(f"/-/document/{ids[0]}")  # warm the templates and the connection
    chain_svg.render_svg.cache_clear()
    for label, chosen in ((f"{sample} of all documents", ids[:sample]), (f"{sample} ingested documents", ingested[:sample]),
                          (f"{heavy} most cited", top)):
        for attempt in ("first view", "again (picture cached)"):
            times, sizes = [], []
            for doc_id in chosen:
                start = time.perf_counter()
                r = await ds.client.get(f"/-/document/{doc_id}")
                times.append(time.perf_counter() - start)
                assert r.status_code == 200, (doc_id, r.status_code)
                sizes.append(len(r.content))
            figures(f"{label}, {attempt}", times, sizes)
        chain_svg.render_svg.cache_clear()
    if biggest:
        print(f"most cited document: id {biggest[0]}, cited by {biggest[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--heavy", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(run(args.db, args.sample, args.heavy, args.seed))


if __name__ == "__main__":
    main()
