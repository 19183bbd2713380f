"""End-to-end throughput on text documents: read, extract (references and tasks on), store, link.

    python bench/ingest.py [--jobs 2] [folders...]

Defaults to the text folders of ../shared/corpus (Markdown, HTML, text exports). Prints
documents per second for extraction alone and for a full ``ingest`` into a fresh SQLite
file, against the goal of issue 4: 50 text documents a second on two cores.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from directives.batch import prepare_all  # noqa: E402
from directives.db.store import Store  # noqa: E402
from directives.ingest import walk  # noqa: E402


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    corpus = here.parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(corpus / f) for f in ("tvpl-markdown", "vbpl-html", "tvpl-text")])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="full ingests to time (a shared machine's speed varies from run to run)")
    args = parser.parse_args()
    files = list(walk(args.folders))
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB, {args.jobs} worker processes ({os.cpu_count()} cores here)")

    started = time.perf_counter()
    tasks = references = failed = 0
    for _, prepared in prepare_all(files, args.jobs, "never", None):
        if hasattr(prepared, "record"):
            tasks += len(prepared.record.tasks)
            references += len(prepared.record.references)
        else:
            failed += 1
    elapsed = time.perf_counter() - started
    print(f"extract only: {len(files) / elapsed:.1f} docs/s ({elapsed:.1f} s; {references} references, {tasks} tasks, {failed} failed)")

    rates = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            main_cpu, workers_cpu = _cpu()
            started = time.perf_counter()
            report = Store.open(Path(tmp) / "bench.db").ingest_paths(files, jobs=args.jobs, ocr="never")
            elapsed = time.perf_counter() - started
            main_cpu, workers_cpu = (now - before for now, before in zip(_cpu(), (main_cpu, workers_cpu)))
        rates.append(len(files) / elapsed)
        print(f"ingest run {run + 1}: {rates[-1]:.1f} docs/s ({elapsed:.1f} s; {report.added} added, {report.merged} merged, {report.failed} failed)")
        print(f"              CPU: {main_cpu:.1f} s writing (main process), {workers_cpu:.1f} s reading and extracting (workers)")
    rates.sort()
    print(f"ingest: median {rates[len(rates) // 2]:.1f} docs/s, slowest {rates[0]:.1f}, fastest {rates[-1]:.1f} over {len(rates)} runs")
    print("goal: 50 docs/s on two cores")


if __name__ == "__main__":
    main()
