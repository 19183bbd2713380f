"""Run the benchmarks and write their current figures into docs/benchmarks.md.

    python bench/summary.py [--only NAME ...] [--list]

Each benchmark below runs as its own process; what it prints replaces the figures of the same
name in docs/benchmarks.md (between its ``<!-- bench:NAME -->`` markers), with the date and the
machine's load, so the file always holds the latest run of each, never a history. A benchmark
whose inputs are missing (``../shared`` absent, no Graphviz) says so in its place.
"""
from __future__ import annotations

import argparse
import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOC = ROOT / "docs" / "benchmarks.md"
PYTHON = sys.executable
DIRECTIVES = str(Path(sys.executable).with_name("directives"))

# name: (what it measures, the goal, the command)
BENCHMARKS = {
    "dev": ("fields, references and tasks against the gold records of the dev set", "tasks F1 >= 0.93",
            [PYTHON, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev"), "--", DIRECTIVES, "extract"]),
    "silver": ("agreement with the site metadata of the Markdown corpus", "",
               [PYTHON, "bench/silver.py"]),
    "graph": ("one node per document on the corpus's text folders, in both orders", "every check 0",
              [PYTHON, "bench/graph_quality.py", "--both-orders"]),
    "ingest": ("text documents a second with 1 and 2 workers, peak memory", "80 docs/s on two cores",
               [PYTHON, "bench/ingest.py", "--runs", "1", "--memory", "100"]),
    "pages": ("each page's median and p90 on the whole corpus", "every page under 150 ms",
              [PYTHON, "bench/pages.py", "--runs", "5"]),
    "search": ("search as clerks type it: the right document in the first three, and the page's median",
               "all queries, median under 150 ms", [PYTHON, "bench/search_quality.py"]),
    "scale": ("storing and the pages at 1x and 3x the corpus's text files (bench/scale.py; docs/scale.md)",
              "store seconds and writer CPU a document flat, every page under 150 ms",
              [PYTHON, "bench/scale.py", "--sizes", "1,3", "--runs", "5"]),
    "trace": ("a depth-10 trace over a generated 100,000-document graph", "",
              [PYTHON, "bench/trace.py"]),
}


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores, load average {load:.1f}"


def run(name: str) -> str:
    what, goal, command = BENCHMARKS[name]
    if any(str(SHARED) in part for part in command) or name in ("silver", "graph", "ingest", "pages", "search"):
        if not SHARED.exists():
            return f"not run: {SHARED} is absent"
    started = datetime.datetime.now()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    out = (done.stdout.strip() or done.stderr.strip()[-3000:]) + ("" if done.returncode == 0 else f"\n(exit status {done.returncode})")
    took = (datetime.datetime.now() - started).total_seconds()
    return f"{started:%Y-%m-%d %H:%M}, {machine()}, {took:.0f} s:\n\n```\n{out}\n```"


def write(name: str, figures: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{figures}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        what, goal, command = BENCHMARKS[name]
        shown = " ".join(".venv/bin/directives" if c == DIRECTIVES else Path(c).name if c == PYTHON else c for c in command)
        shown = shown.replace(str(ROOT.parent), "..")
        text = text.rstrip() + f"\n\n### {name}: {what}\n\n`{shown}`" + (f" (goal: {goal})" if goal else "") + f"\n\n{block}\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="these benchmarks only")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    args = parser.parse_args()
    if args.list:
        for name, (what, goal, _) in BENCHMARKS.items():
            print(f"{name:8} {what}" + (f" (goal: {goal})" if goal else ""))
        return
    for name in args.only or BENCHMARKS:
        print(f"{name}: running", file=sys.stderr)
        write(name, run(name))
    print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
