#!/usr/bin/env python3
"""What reading scanned tables cell by cell costs: for each page of the given PDFs, the
time to find ruled tables in its image, and to read it with them (``ocr.recognise``) against
reading it as lines only (as before tables were read), and how many tables were found.

    python bench/scan_tables.py FILE.pdf [FILE.pdf ...] [--pages N]

Prints a line per page and the totals: the rules' share of the OCR time on pages without a
table, and the ratio of the two readings on pages with one. Run it on a quiet machine, or
compare ratios only.
"""
from __future__ import annotations

import argparse
import time

import pypdfium2 as pdfium

from directives.ingest import ocr, scan_tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages of each file (0: all)")
    args = parser.parse_args()
    totals = {"rules": 0.0, "plain_lines": 0.0, "table_lines": 0.0, "table_cells": 0.0, "plain_pages": 0, "table_pages": 0}
    for path in args.files:
        document = pdfium.PdfDocument(open(path, "rb").read())
        count = len(document) if not args.pages else min(args.pages, len(document))
        for index in range(count):
            image = ocr.without_seal_red(document[index].render(scale=ocr.DPI / 72).to_pil())
            start = time.perf_counter()
            tables, _ = scan_tables.ruled_tables(image, ocr.DPI)
            rules = time.perf_counter() - start
            start = time.perf_counter()
            ocr.words_to_text(ocr.page_words(image, path), ocr.DPI)
            as_lines = time.perf_counter() - start
            start = time.perf_counter()
            ocr.recognise(image, path)
            read = time.perf_counter() - start
            kind = "table" if tables else "plain"
            totals["rules"] += rules if not tables else 0.0
            totals[f"{kind}_lines"] += as_lines
            totals["table_cells"] += read if tables else 0.0
            totals[f"{kind}_pages"] += 1
            print(f"{path} p{index + 1}: {len(tables)} table(s), rules {rules:.2f} s, as lines {as_lines:.2f} s, read {read:.2f} s", flush=True)
    if totals["plain_pages"]:
        print(f"pages without a table: {totals['plain_pages']}, rules {totals['rules']:.2f} s = {totals['rules'] / totals['plain_lines']:.1%} of their OCR")
    if totals["table_pages"]:
        print(
            f"pages with a table: {totals['table_pages']}, cell by cell {totals['table_cells']:.1f} s against "
            f"{totals['table_lines']:.1f} s as lines ({totals['table_cells'] / totals['table_lines']:.2f}x)"
        )


if __name__ == "__main__":
    main()
