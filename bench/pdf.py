"""PDF reading speed: text-layer PDFs against pdfplumber's own extraction, and OCR per page.

    python bench/pdf.py [--corpus ../shared/corpus] [--dev ../shared/eval/dev] [--dpi 200 300]

1. Text PDFs (every corpus and dev PDF whose pages have a text layer): the time of
   ``ingest.pdf.read_pdf`` (columns rebuilt from word positions, signature fields read)
   against ``page.extract_text()`` over the same pages. Goal: within 1.3x.
2. Scanned PDFs (the dev set's scans, whose gold records say what the header holds): OCR
   seconds per page at each resolution, pages run in parallel on every core, and how many
   words of the gold header (issuer, subject, signer, place) the OCR text contains — the
   measurement behind ``ocr.DPI``. Goal: at most 4 s a page on two cores.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pdfplumber  # noqa: E402

from directives.ingest import ocr, pdf  # noqa: E402

from dev_scans import dev_scans, words  # noqa: E402


def text_pdfs(paths: list[Path]) -> None:
    ours = theirs = 0.0
    pages = 0
    for path in paths:
        data = path.read_bytes()
        t0 = time.perf_counter()
        with pdfplumber.open(path) as doc:
            for page in doc.pages:
                page.extract_text()
            pages += len(doc.pages)
        t1 = time.perf_counter()
        pdf.read_pdf(data, str(path), ocr_mode="never")
        t2 = time.perf_counter()
        theirs += t1 - t0
        ours += t2 - t1
    print(f"text PDFs: {len(paths)} files, {pages} pages")
    print(f"  pdfplumber extract_text: {theirs:.2f} s ({1000 * theirs / pages:.0f} ms/page)")
    print(f"  directives read_pdf:     {ours:.2f} s ({1000 * ours / pages:.0f} ms/page)  ratio {ours / theirs:.2f}x (goal: within 1.3x)")


def scans(dev: Path, dpis: list[int]) -> None:
    # the files with no text layer at all, every page read
    cases = [(scan.path, scan.pages, scan.expected) for scan in dev_scans(dev) if len(scan.scanned) == scan.pages]
    pages = sum(c for _, c, _ in cases)
    print(f"scanned PDFs: {len(cases)} files, {pages} pages, {os.cpu_count()} cores")
    for dpi in dpis:
        found = total = 0
        t0 = time.perf_counter()
        for path, count, expected in cases:
            texts = ocr.read_pages(path.read_bytes(), list(range(count)), str(path), dpi=dpi)
            got = set(words(" ".join(texts)))
            found += sum(w in got for w in expected)
            total += len(expected)
        elapsed = time.perf_counter() - t0
        print(f"  {dpi} dpi: {elapsed / pages:.2f} s/page (goal: at most 4 s), gold header words read {found}/{total} ({found / total:.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    parser.add_argument("--dev", type=Path, default=here.parent / "shared" / "eval" / "dev")
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    args = parser.parse_args()
    candidates = sorted(args.corpus.rglob("*.pdf")) + sorted((args.dev / "docs").glob("*.pdf"))
    with_text = []
    for path in candidates:
        with pdfplumber.open(path) as doc:
            if doc.pages and len(doc.pages[0].chars) > pdf.MIN_LETTERS:
                with_text.append(path)
    text_pdfs(with_text)
    problem = ocr.available()
    if problem:
        print(f"OCR not measured: {problem}")
        return
    scans(args.dev, args.dpi)


if __name__ == "__main__":
    main()
