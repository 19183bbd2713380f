"""End-to-end throughput and memory of `directives ingest` on text documents.

    python bench/ingest.py [--jobs 1 2] [--runs 3] [--against REF] [--memory 100 1000] [folders...]

Defaults to the text folders of ../shared/corpus (Markdown, HTML, text exports). Prints:
- documents per second for extraction alone (the supervised pool, in input order);
- documents per second of a whole `directives ingest` process into a fresh SQLite file, with
  each number of worker processes, start-up included; with ``--against REF`` the same command
  of that git commit runs in turn with it (A B A B ...), and the ratio is taken run by run,
  so the shared machine's drift does not enter the comparison;
- the peak memory of an ingest of 100 and of 1,000 documents: the whole process tree (writer
  and workers, sampled every 50 ms) and its largest single process.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))

from directives.batch import Options  # noqa: E402
from directives.pool import prepare_all  # noqa: E402
from directives.ingest import walk  # noqa: E402

LAYOUT = {"directives": "directives", "ingest": "directives/ingest", "nlp": "directives/nlp", "db": "directives/db", "datasette_plugins": "directives/datasette_plugins"}


def command(tree: Path | None) -> list[str]:
    """`directives` of this working tree (None) or of a package tree made by :func:`checkout`."""
    if tree is None:
        return [sys.executable, "-c", "from directives.cli import cli; cli()"]
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r}); from directives.cli import cli; cli()"]


def checkout(ref: str, into: Path) -> Path:
    """The package of commit ``ref``, laid out as it installs (``ingest/`` as ``directives/ingest``)."""
    source = into / "source"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(HERE), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    tree = into / "tree"
    for folder, target in LAYOUT.items():
        shutil.copytree(source / folder, tree / target, dirs_exist_ok=True)
    return tree


def ingest_seconds(cmd: list[str], folders: list[str], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        done = subprocess.run(cmd + ["ingest", *folders, "--db", str(Path(tmp) / "bench.db"), "--jobs", str(jobs), "--ocr", "never", "-q"], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed:\n{done.stderr[-2000:]}")
    return elapsed


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident kB of a process and its descendants: (sum, largest one)."""
    total = largest = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss = int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def peak_memory(files: list[str], jobs: int) -> tuple[float, float, float]:
    """(peak MB of the whole tree, peak MB of its largest process, seconds) of one ingest."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n, path in enumerate(files):
            data = Path(path).read_bytes()
            copy = n // len(set(files))  # a file given again gets other bytes: stored again, as a second source
            (folder / f"{n:05}{Path(path).suffix}").write_bytes(data + b"\n" * copy)
        run = subprocess.Popen(command(None) + ["ingest", str(folder), "--db", str(Path(tmp) / "bench.db"), "--jobs", str(jobs), "--ocr", "never", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = [0, 0]
        started = time.perf_counter()

        def sample() -> None:
            while run.poll() is None:
                total, largest = tree_rss(run.pid)
                peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        run.wait()
        sampler.join()
        return peak[0] / 1024, peak[1] / 1024, time.perf_counter() - started


def main() -> None:
    corpus = HERE.parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(corpus / f) for f in ("tvpl-markdown", "vbpl-html", "tvpl-text")])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker processes to time, each in turn")
    parser.add_argument("--runs", type=int, default=3, help="timed ingests for each (a shared machine's speed varies from run to run)")
    parser.add_argument("--against", metavar="REF", help="a git commit to compare with, run in turn with this tree")
    parser.add_argument("--memory", type=int, nargs="*", default=[100, 1000], help="documents for the peak-memory ingests")
    args = parser.parse_args()
    if not all(Path(f).exists() for f in args.folders):
        sys.exit(f"no corpus at {args.folders}: give folders of text documents")
    files = list(walk(args.folders))
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB ({os.cpu_count()} cores here)")

    started = time.perf_counter()
    tasks = references = failed = 0
    for _, prepared in prepare_all(files, max(args.jobs), Options(ocr="never", timeout=None)):
        if hasattr(prepared, "record"):
            tasks += len(prepared.record.tasks)
            references += len(prepared.record.references)
        else:
            failed += 1
    elapsed = time.perf_counter() - started
    print(f"extract only, {max(args.jobs)} workers: {len(files) / elapsed:.1f} docs/s ({elapsed:.1f} s; {references} references, {tasks} tasks, {failed} failed)")

    with tempfile.TemporaryDirectory() as tmp:
        base = checkout(args.against, Path(tmp)) if args.against else None
        for jobs in args.jobs:
            ours, theirs, ratios = [], [], []
            for _ in range(args.runs):
                ours.append(len(files) / ingest_seconds(command(None), args.folders, jobs))
                if base:
                    theirs.append(len(files) / ingest_seconds(command(base), args.folders, jobs))
                    ratios.append(ours[-1] / theirs[-1])
            line = f"ingest, {jobs} worker{'s' if jobs > 1 else ''}: median {statistics.median(ours):.1f} docs/s (runs: {', '.join(f'{r:.1f}' for r in ours)})"
            if base:
                line += f"; {args.against}: median {statistics.median(theirs):.1f} docs/s; ratio this/{args.against} median {statistics.median(ratios):.2f} (runs: {', '.join(f'{r:.2f}' for r in ratios)})"
            print(line)

    text_files = [f for f in files if f.endswith((".md", ".txt", ".html", ".htm"))]
    for count in args.memory:
        chosen = [text_files[n % len(text_files)] for n in range(count)]
        total, largest, seconds = peak_memory(chosen, max(args.jobs))
        print(f"peak memory, {count} documents ({max(args.jobs)} workers): {total:.0f} MB the writer and workers together, {largest:.0f} MB the largest process ({seconds:.1f} s)")
    print("goal: 80 docs/s end to end on two cores (issue 14)")


if __name__ == "__main__":
    main()
