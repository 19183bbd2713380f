"""The dev set's scanned PDFs and the gold header words their OCR should read, for the
benchmarks that time OCR (`pdf.py`, `ocr.py`)."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pdfplumber  # noqa: E402

from directives.ingest import pdf  # noqa: E402


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


@dataclass
class Scan:
    path: Path
    pages: int  # pages in the file
    scanned: list[int]  # the pages without a text layer
    expected: list[str]  # the gold header words (issuer, subject, signer, place)


def dev_scans(dev: Path) -> list[Scan]:
    """Every PDF of ``dev`` with at least one page without a text layer."""
    found = []
    for gold_path in sorted(dev.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = dev / gold["file"]
        if path.suffix.lower() != ".pdf":
            continue
        with pdfplumber.open(path) as doc:
            scanned = [i for i, page in enumerate(doc.pages) if len(page.chars) <= pdf.MIN_LETTERS]
            count = len(doc.pages)
        if scanned:
            expected = words(" ".join(filter(None, (gold.get(k) for k in ("issuer", "subject", "signer", "place")))))
            found.append(Scan(path, count, scanned, expected))
    return found
