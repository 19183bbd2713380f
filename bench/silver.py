#!/usr/bin/env python3
"""Agreement of the extractor with the site's own metadata (silver labels) on the
Markdown corpus: a check on documents the dev set does not hold.

    python bench/silver.py [--corpus ../shared/corpus] [--errors]

Prints, per field, how often the extraction agrees with the site's metadata block
(số hiệu, loại văn bản, người ký, ngày ban hành). The labels are right most of the
time, not always.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from directives import extract_file
from directives.nlp.normalize import fold, symbol_key
from directives.nlp.tables import type_by_name


def _date(text: str) -> str | None:
    try:
        d, m, y = text.split("/")
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    labels_path = args.corpus / "tvpl-markdown-site-metadata.json"
    if not labels_path.exists():
        sys.exit(f"silver.py: {labels_path} not found")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    names = {fold(k): v for k, v in type_by_name().items()}
    names[fold("Công văn")] = "CV"
    agree = {"symbol": [0, 0], "doc_type": [0, 0], "issued_date": [0, 0], "signer": [0, 0]}
    started = time.perf_counter()
    for name, meta in sorted(labels.items()):
        path = args.corpus / "tvpl-markdown" / name
        if not path.exists():
            continue
        rec = extract_file(str(path))
        expected = {
            "symbol": symbol_key(meta.get("Số hiệu")),
            "doc_type": names.get(fold(meta.get("Loại văn bản", ""))),
            "issued_date": _date(meta.get("Ngày ban hành", "")),
            "signer": fold(meta.get("Người ký", "")) or None,
        }
        got = {
            "symbol": symbol_key(rec.symbol),
            "doc_type": rec.doc_type,
            "issued_date": rec.issued_date,
            "signer": fold(rec.signer) if rec.signer else None,
        }
        for field, want in expected.items():
            if not want:
                continue
            agree[field][1] += 1
            if got[field] == want:
                agree[field][0] += 1
            elif args.errors:
                print(f"  {name}: {field}: site says {want!r}, extracted {got[field]!r}")
    elapsed = time.perf_counter() - started
    for field, (a, n) in agree.items():
        print(f"{field:<12} {a:>4}/{n:<4} {a / n if n else 0:.3f}")
    print(f"documents {sum(1 for n in labels if (args.corpus / 'tvpl-markdown' / n).exists())} in {elapsed:.1f}s")


if __name__ == "__main__":
    main()
