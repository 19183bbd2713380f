"""Throughput of ``ingest --cluster local`` (a Dask LocalCluster) against the default path.

    python bench/cluster.py [--jobs 2] [--runs 2] [folders...]

The same text files as ``bench/ingest.py`` (the text folders of ../shared/corpus), each
ingested into a fresh SQLite file, runs of the two paths alternating (a shared machine's
speed drifts). Prints documents per second of each, their ratio, and the cluster's
start-up time (paid once per run of ``ingest``, not per file), and the CPU a document costs
on each path (the figure a loaded machine disturbs least).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from directives.cluster import connect  # noqa: E402
from directives.db.store import Store  # noqa: E402
from directives.batch import Options  # noqa: E402
from directives.run import ingest  # noqa: E402
from directives.ingest import walk  # noqa: E402


def _cpu(runner=None) -> tuple[float, float]:
    """CPU seconds of this process (the writer; with a LocalCluster, its scheduler too) and of
    the workers: the pools' finished children, or the Dask worker processes."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    if runner is None:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = children.ru_utime + children.ru_stime
    else:
        workers = sum(runner.client.run(_process_cpu).values())
    return me.ru_utime + me.ru_stime, workers


def _process_cpu() -> float:
    times = psutil.Process().cpu_times()
    return times.user + times.system


def _ingest(files: list[str], jobs: int, runner=None) -> tuple[float, object, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        before = _cpu(runner)
        started = time.perf_counter()
        report = ingest(Store.open(Path(tmp) / "bench.db"), files, Options(ocr="never"), jobs=jobs, runner=runner)
        elapsed = time.perf_counter() - started
        writer, workers = (now - then for now, then in zip(_cpu(runner), before))
        return elapsed, report, writer, workers


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    corpus = here.parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(corpus / f) for f in ("tvpl-markdown", "vbpl-html", "tvpl-text")])
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of each path")
    parser.add_argument("--runs", type=int, default=3, help="timed ingests of each path")
    args = parser.parse_args()
    files = list(walk(args.folders))
    if not files:
        sys.exit(f"no files under {', '.join(args.folders)} (../shared/corpus is absent?)")
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB, {args.jobs} worker processes each way ({os.cpu_count()} cores here)")

    rates: dict[str, list[float]] = {"default": [], "dask": []}
    cpu: dict[str, list[float]] = {"default": [], "dask": []}  # ms of CPU a document, all processes
    with connect("local", workers=args.jobs) as runner:
        started = time.perf_counter()
        runner.start()
        print(f"LocalCluster start-up: {time.perf_counter() - started:.1f} s ({args.jobs} workers of one thread)")
        for run in range(args.runs):
            for name, via in (("default", None), ("dask", runner)):
                elapsed, report, writer, workers = _ingest(files, args.jobs, via)
                rates[name].append(len(files) / elapsed)
                cpu[name].append((writer + workers) / len(files) * 1000)
                print(
                    f"run {run + 1} {name:<7}: {rates[name][-1]:.1f} docs/s ({elapsed:.1f} s; {report.added} added, "
                    f"{report.merged} merged, {report.failed} failed); CPU {writer:.1f} s writer, {workers:.1f} s workers"
                )
    ratios = sorted(dask / default for dask, default in zip(rates["dask"], rates["default"]))
    for name, label in (("default", "default path (worker processes)"), ("dask", "Dask LocalCluster")):
        print(
            f"{label:<32} median {statistics.median(rates[name]):.1f} docs/s (slowest {min(rates[name]):.1f}, "
            f"fastest {max(rates[name]):.1f}); {statistics.median(cpu[name]):.1f} ms CPU a document"
        )
    print(f"ratio Dask / default, run by run: median {statistics.median(ratios):.2f} (from {ratios[0]:.2f} to {ratios[-1]:.2f})")

if __name__ == "__main__":
    main()
