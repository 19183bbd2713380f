"""OCR through Tesseract's library (tesserocr): engines kept per process, one OCR thread per
core in all, and the same reading as the ``tesseract`` command."""
from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor

import pytest

from directives.ingest import ocr

from .test_readers import FONT, make_scan

needs_library = pytest.mark.skipif(
    FONT is None or shutil.which("tesseract") is None or ocr._library() is None,
    reason="needs Tesseract with Vietnamese data, tesserocr and a Vietnamese font",
)


@pytest.fixture
def scan_pages(tmp_path):
    path = tmp_path / "scan.pdf"
    make_scan(path)
    return path.read_bytes()


@needs_library
def test_the_library_reads_what_the_command_reads(scan_pages, monkeypatch):
    by_library = ocr.read_pages(scan_pages, [0], "scan.pdf")[0]
    monkeypatch.setattr(ocr, "_library", lambda: None)
    by_command = ocr.read_pages(scan_pages, [0], "scan.pdf")[0]
    for line in ("Số: 125/QĐ-UBND", "Quảng Ngãi, ngày 05 tháng 3 năm 2025", "ỦY BAN NHÂN DÂN"):
        assert line in by_library and line in by_command


@needs_library
def test_an_engine_is_loaded_once_per_thread_not_per_page(scan_pages, monkeypatch):
    library = ocr._library()
    made = []

    class Library:
        @staticmethod
        def PyTessBaseAPI(*args, **kwargs):  # noqa: N802 (tesserocr's name)
            made.append(1)
            return library.PyTessBaseAPI(*args, **kwargs)

    while not ocr._engines.empty():  # engines of earlier tests
        ocr._engines.get_nowait()
    monkeypatch.setattr(ocr, "_library", lambda: Library)
    monkeypatch.setenv("DIRECTIVES_OCR_THREADS", "1")
    texts = ocr.read_pages(scan_pages, [0], "scan.pdf") + ocr.read_pages(scan_pages, [0], "scan.pdf")
    assert len(made) == 1 and all("125/QĐ-UBND" in t for t in texts)
    while not ocr._engines.empty():
        ocr._engines.get_nowait()


def test_a_batch_worker_reads_with_one_ocr_thread(monkeypatch):
    monkeypatch.delenv("DIRECTIVES_OCR_THREADS", raising=False)
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(ocr.ocr_threads).result() == 1  # the pool has one process per core
    assert ocr.ocr_threads() >= 1
