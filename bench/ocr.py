"""OCR seconds per page, end to end, against Tesseract alone on the same rendered pages.

    python bench/ocr.py [--corpus ../shared/corpus] [--dev ../shared/eval/dev] [--pages 40]

The scans of the corpus (quangngai-pdf, central-pdf: PDFs whose first page has no text
layer), their first ``--pages`` pages, on every core:
  - Tesseract alone: each page rendered once (200 dpi, seal red taken out) and saved as PNG,
    then the ``tesseract`` command on those files, one per core (OMP_THREAD_LIMIT=1), with the
    settings ``ingest/ocr.py`` uses (vie, psm 4, TSV);
  - directives, end to end: ``ocr.read_pages`` on the same pages (rendering, OCR, the ink
    check that reads a warped page again, the layout into lines and columns), once through
    tesserocr (one engine per thread, loaded once) and once through the command per page.
Goal: end to end within 1.15x of Tesseract alone. Then the quality check: how many words of
the gold header (issuer, subject, signer, place) of the dev set's scans each way reads.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pdfplumber  # noqa: E402

from directives.ingest import ocr, pdf  # noqa: E402

from dev_scans import dev_scans, words  # noqa: E402


def scanned_pages(folders: list[Path], limit: int) -> list[tuple[Path, list[int]]]:
    """(file, page indexes) of scanned PDFs, up to ``limit`` pages in all."""
    picked, total = [], 0
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            if total >= limit:
                return picked
            try:
                with pdfplumber.open(path) as doc:
                    indexes = [i for i, page in enumerate(doc.pages) if len(page.chars) <= pdf.MIN_LETTERS]
            except Exception:
                continue
            indexes = indexes[: limit - total]
            if indexes:
                picked.append((path, indexes))
                total += len(indexes)
    return picked


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: on a shared, loaded machine a
    steadier measure of the work than the wall clock."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def tesseract_alone(pngs: list[Path]) -> tuple[float, float]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["-l", ocr.LANGUAGE, "--dpi", str(ocr.DPI), "--psm", "4", "tsv"]

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), "stdout", *command], capture_output=True, env=env, check=True)

    started, cpu = time.perf_counter(), cpu_seconds()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - started, cpu_seconds() - cpu


def end_to_end(files: list[tuple[Path, list[int]]]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), cpu_seconds()
    for path, indexes in files:
        ocr.read_pages(path.read_bytes(), indexes, str(path))
    return time.perf_counter() - started, cpu_seconds() - cpu


def gold_words(dev: Path) -> tuple[int, int, int]:
    """Gold header words of the dev set's scans found in the OCR text: (with tesserocr, with the command, of)."""
    found = {"library": 0, "command": 0}
    total = 0
    for scan in dev_scans(dev):
        total += len(scan.expected)
        for way in found:
            with engine(way):
                got = set(words(" ".join(ocr.read_pages(scan.path.read_bytes(), scan.scanned, str(scan.path)))))
            found[way] += sum(w in got for w in scan.expected)
    return found["library"], found["command"], total


class engine:
    """Read through tesserocr ("library") or the tesseract command per page ("command")."""

    def __init__(self, way: str):
        self.way = way

    def __enter__(self):
        self.saved = ocr._library
        if self.way == "command":
            ocr._library = lambda: None

    def __exit__(self, *exc):
        ocr._library = self.saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    parser.add_argument("--dev", type=Path, default=here.parent / "shared" / "eval" / "dev")
    parser.add_argument("--pages", type=int, default=40, help="pages to read (the first scans of the corpus)")
    args = parser.parse_args()
    problem = ocr.available()
    if problem:
        sys.exit(f"OCR not measured: {problem}")
    folders = [args.corpus / "quangngai-pdf", args.corpus / "central-pdf"]
    if not any(f.is_dir() for f in folders):
        sys.exit(f"no scans under {args.corpus}")
    files = scanned_pages([f for f in folders if f.is_dir()], args.pages)
    pages = sum(len(i) for _, i in files)
    print(f"{pages} scanned pages of {len(files)} files, {os.cpu_count()} cores, "
          f"tesserocr: {'yes' if ocr._library() else 'no (the tesseract command)'}")
    with tempfile.TemporaryDirectory() as folder:
        pngs = []
        for path, indexes in files:
            for index, image in zip(indexes, ocr.render(path.read_bytes(), indexes)):
                png = Path(folder) / f"{len(pngs):04d}.png"
                image.save(png)
                pngs.append(png)
        alone, alone_cpu = tesseract_alone(pngs)
    print("                                        wall s/page  ratio   CPU s/page  ratio")
    print(f"  tesseract alone (rendered pages):     {alone / pages:10.3f}          {alone_cpu / pages:10.3f}")
    for way in ("library", "command"):
        if way == "library" and ocr._library() is None:
            continue
        with engine(way):
            seconds, cpu = end_to_end(files)
        print(f"  directives end to end, {way:<7}:      {seconds / pages:10.3f}  {seconds / alone:5.2f}x  {cpu / pages:10.3f}  "
              f"{cpu / alone_cpu:5.2f}x{'  (goal: within 1.15x)' if way == 'library' else ''}")
    if args.dev.is_dir():
        library, command, total = gold_words(args.dev)
        print(f"gold header words of the dev scans read: tesserocr {library}/{total}, command {command}/{total}")


if __name__ == "__main__":
    main()
