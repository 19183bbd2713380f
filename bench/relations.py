#!/usr/bin/env python3
"""What the chain says each document does to the others, and whether each is in force.

    python bench/relations.py FOLDER... [--db FILE] [--before FILE] [--show N]
    python bench/relations.py --db FILE                  # a database already built

Ingests the folders into a temporary database (or into --db; with --db alone nothing is
ingested) and prints:
- relation counts: the scored ``relation`` of the links, and every act of their unscored
  ``relations`` (amended_by ... are consolidation notes); with --before, a database built by
  an earlier version, both side by side;
- the title check: the documents whose title (trích yếu) states an act on a document it names
  ("sửa đổi, bổ sung ... Nghị định X", "bãi bỏ", "thay thế", "hướng dẫn"), and how many of
  those links carry it (with --before, for both);
- law nodes without a number (a law cited only by name and year: goal, only those no citation
  and no shipped entry ties to a number), the most cited first;
- status counts of stored documents and of placeholders.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from directives.nlp.normalize import fold, symbol_key
from directives.nlp.references import title_acts


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}


def relation_counts(conn: sqlite3.Connection) -> tuple[Counter, Counter]:
    relation = Counter(dict(conn.execute("SELECT relation, count(*) FROM document_links GROUP BY relation")))
    acts: Counter = Counter()
    if "relations" in _columns(conn, "document_links"):
        for (raw,) in conn.execute("SELECT relations FROM document_links"):
            for act in json.loads(raw or "[]"):
                acts[act] += 1
        acts["(with a scope)"] = conn.execute("SELECT count(*) FROM document_links WHERE scope IS NOT NULL").fetchone()[0]
    return relation, acts


def title_check(conn: sqlite3.Connection, show: int) -> tuple[Counter, Counter, list[str]]:
    """For each stored document, the acts its title states on the documents it names (read by
    ``title_acts`` on its stored subject and references), and whether the link carries them."""
    stated: Counter = Counter()
    carried: Counter = Counter()
    misses: list[str] = []
    has_relations = "relations" in _columns(conn, "document_links")
    rows = conn.execute(
        "SELECT id, symbol, subject, references_json FROM documents WHERE placeholder = 0 AND subject IS NOT NULL AND references_json IS NOT NULL"
    ).fetchall()
    for doc_id, symbol, subject, refs_json in rows:
        refs = []
        for r in json.loads(refs_json or "[]"):
            key = symbol_key(r["symbol"]) if r.get("symbol") else "title:" + fold(r.get("title") or "")
            refs.append(SimpleNamespace(symbol=r.get("symbol"), title=r.get("title"), key=key, start=r.get("start")))
        for ref in refs:
            act = title_acts(subject, refs).get(ref.key)
            if not act:
                continue
            act, _scope = act
            stated[act] += 1
            link = conn.execute(
                f"SELECT relation{', relations' if has_relations else ''} FROM document_links WHERE source_id = ? AND start = ?",
                [doc_id, ref.start],
            ).fetchone()
            relations = json.loads(link[1] or "[]") if link and has_relations else []
            if link and (link[0] == act or act in relations or (act == "repeals" and link[0] == "amends")):
                carried[act] += 1
            elif len(misses) < show:
                misses.append(f"{symbol}: {act} {ref.symbol or ref.title} (link: {link[0] if link else 'none'}) — {subject[:90]}")
    return stated, carried, misses


def law_nodes(conn: sqlite3.Connection, show: int) -> tuple[int, int, list[str]]:
    """Law nodes cited by name only (no number), and of them the most cited."""
    rows = conn.execute(
        "SELECT d.id, d.subject, d.year, count(l.id) AS n FROM documents d LEFT JOIN document_links l ON l.target_id = d.id "
        "WHERE d.symbol IS NULL AND d.identity LIKE 'title:%' AND (d.doc_type IN ('L', 'PL') OR d.subject LIKE 'Luật%' OR d.subject LIKE 'Bộ luật%') "
        "GROUP BY d.id ORDER BY n DESC"
    ).fetchall()
    numbered = conn.execute("SELECT count(*) FROM documents WHERE symbol LIKE '%/QH%'").fetchone()[0]
    return len(rows), numbered, [f"{n:4d}  {subject} ({year})" for _, subject, year, n in rows[:show]]


def status_counts(conn: sqlite3.Connection) -> Counter | None:
    if "status" not in _columns(conn, "documents"):
        return None
    # as of today, from the status's parts (db/status.py), where the database stores them
    column = "status"
    if "ended_on" in _columns(conn, "documents"):
        from directives.db import status

        column = status.sql("documents")
    return Counter({(("placeholder" if p else "stored"), s or "(none)"): n for p, s, n in conn.execute(
        f"SELECT placeholder, {column}, count(*) FROM documents GROUP BY 1, 2")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--db", type=Path, help="the database to build (with folders) or to read (without)")
    parser.add_argument("--before", type=Path, help="a database built by an earlier version, for the figures before")
    parser.add_argument("--show", type=int, default=8, help="examples printed per check")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "relations.db"
        if args.folders:
            from directives.batch import Options
            from directives.db.store import Store
            from directives.run import ingest

            report = ingest(Store.open(db), [str(f) for f in args.folders], Options(ocr="never"), jobs=args.jobs)
            print(f"ingested: {report.added} added, {report.merged} merged, {report.failed} failed")
        elif not db.exists():
            sys.exit("relations.py: give folders to ingest, or --db of a database already built")
        conn = _connect(db)
        before = _connect(args.before) if args.before else None

        print("\nlinks by relation (scored)" + (":   before   after" if before else ":"))
        now, acts = relation_counts(conn)
        was, was_acts = relation_counts(before) if before else (Counter(), Counter())
        for name in sorted(set(now) | set(was), key=lambda n: -now.get(n, 0)):
            print(f"  {name:<14}" + (f"{was.get(name, 0):>8}" if before else "") + f"{now.get(name, 0):>8}")
        if acts:
            print("every act stated (relations, not scored):")
            for name, n in acts.most_common():
                print(f"  {name:<16}{n:>8}")

        stated, carried, misses = title_check(conn, args.show)
        print(f"\ntitle check: {sum(stated.values())} acts stated by titles on documents they name; carried by the link:")
        if before:
            _, was_carried, _ = title_check(before, 0)
        for act, n in stated.most_common():
            print(f"  {act:<10}{n:>6} stated, {carried[act]:>6} carried" + (f" (before: {was_carried[act]})" if before else ""))
        for line in misses:
            print("    not carried: " + line)

        count, numbered, top = law_nodes(conn, args.show)
        print(f"\nlaw nodes without a number: {count} (nodes with a QH number: {numbered})")
        if before:
            was_count, was_numbered, _ = law_nodes(before, 0)
            print(f"  before: {was_count} (with a QH number: {was_numbered})")
        for line in top:
            print("  " + line)

        statuses = status_counts(conn)
        if statuses:
            print("\nstatus in force:")
            for kind in ("stored", "placeholder"):
                for (k, s), n in sorted(statuses.items(), key=lambda kv: -kv[1]):
                    if k == kind:
                        print(f"  {kind:<12}{s:<42}{n:>6}")


if __name__ == "__main__":
    main()
