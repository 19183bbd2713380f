#!/usr/bin/env python3
"""One node per document: how far the graph of the shared corpus's text folders is from it.

    python bench/graph_quality.py [--corpus ../shared/corpus] [--db FILE] [--show N] [--both-orders]

Builds a database of tvpl-markdown, tvpl-text, vbpl-html and vbpl-doc (in a temporary
folder; or takes the one given with --db, ingesting nothing) and prints: central documents
split into several nodes, symbols that fail the grammar, placeholder issuers that are not a
body named in full, stored documents without a number although their header prints one,
organizations that are not units, stored documents whose recipients, tasks or links are not
those of their record. The goal is 0 for all but the fifth. The checks are
``directives/db/quality.py``. With --both-orders it also ingests the files in the reverse
order and prints how many rows of each table differ between the two databases (goal: 0).
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

from directives.db import quality
from directives.db.store import Store
from directives.run import ingest
from directives.ingest import walk

FOLDERS = ("tvpl-markdown", "tvpl-text", "vbpl-html", "vbpl-doc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--db", type=Path, help="a database to check instead of building one")
    parser.add_argument("--show", type=int, default=5, help="examples printed per check")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--both-orders", action="store_true", help="ingest again in the reverse order and compare every table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            folders = [str(args.corpus / f) for f in FOLDERS if (args.corpus / f).is_dir()]
            if not folders:
                sys.exit(f"graph_quality.py: no text folders under {args.corpus}")
            db = Path(tmp) / "corpus.db"
            report = ingest(Store.open(db), folders, jobs=args.jobs)
            print(f"ingested {', '.join(FOLDERS)}: {report.added} added, {report.merged} merged, {report.failed} failed")
        elif not db.exists():
            sys.exit(f"graph_quality.py: {db} not found")
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        r = quality.report(conn)
        print(f"{r['nodes']} nodes, {r['stored']} stored documents, {r['organizations']} organizations\n")
        rows = [
            ("central documents split into several nodes", r["split_central"], lambda g: " = ".join(f"{s} ({y})" for _, s, y in g)),
            ("symbols that fail the grammar", r["bad_symbols"], lambda x: x[1]),
            ("placeholder issuers not a body named in full", r["bad_placeholder_issuers"], lambda x: x[1]),
            ("  of them naming no complete body at all", r["not_bodies"], lambda x: x[1]),
            ("stored documents without a number they print", r["unnumbered"], lambda x: x[1]),
            ("organizations that are not units", r["not_units"], lambda x: x[1]),
            ("documents whose rows disagree with their record", r["disagreeing"], lambda x: x[1]),
        ]
        for label, found, show in rows:
            print(f"{label:48} {len(found):6}")
            for item in found[: args.show]:
                print(f"    {show(item)}")
        print(f"{'(stored documents that print no number: forms)':48} {r['print_no_number']:6}")
        if args.both_orders:
            _compare_orders(args, Path(tmp), conn)


def _compare_orders(args, tmp: Path, conn: sqlite3.Connection) -> None:
    """The same files in the reverse order: the same rows in every table."""
    files = list(walk([str(args.corpus / f) for f in FOLDERS if (args.corpus / f).is_dir()]))
    forward, backward = tmp / "forward.db", tmp / "backward.db"
    ingest(Store.open(forward), files, jobs=args.jobs)
    ingest(Store.open(backward), files[::-1], jobs=args.jobs)
    a, b = sqlite3.connect(forward), sqlite3.connect(backward)
    print(f"\n{len(files)} files ingested forward and backward: rows that differ")
    for name in quality.TABLES:
        rows_a, rows_b = quality.table_rows(a, name), quality.table_rows(b, name)
        differ = sum(((Counter(rows_a) - Counter(rows_b)) + (Counter(rows_b) - Counter(rows_a))).values())
        print(f"    {name:24} {len(rows_a):7} rows  {differ:5} differ")


if __name__ == "__main__":
    main()
