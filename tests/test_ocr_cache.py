"""The OCR cache (``DIRECTIVES_OCR_CACHE``): a page already read is not given to Tesseract
again, a page read otherwise is, and without the setting nothing is kept."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from directives.ingest import ocr, ocr_cache

TSV = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def page(word: str = "Kính gửi") -> Image.Image:
    image = Image.new("L", (200, 60), 255)
    ImageDraw.Draw(image).text((10, 20), word, fill=0)
    return image


@pytest.fixture
def counted(monkeypatch):
    """Tesseract replaced by a counter: the pages it was asked to read."""
    asked = []

    def read(image, path, dpi, mode):
        asked.append(mode)
        return TSV + f"5\t1\t1\t1\t1\t1\t10\t20\t50\t12\t95\tread{len(asked)}\n"

    monkeypatch.setattr(ocr, "_read_words", read)
    monkeypatch.setattr(ocr, "_tesseract_version", lambda: "test 1.0")
    return asked


def test_a_page_read_once_is_taken_from_the_cache(tmp_path, monkeypatch, counted):
    monkeypatch.setenv("DIRECTIVES_OCR_CACHE", str(tmp_path / "cache"))
    first = ocr.tesseract_words(page(), "a.pdf")
    again = ocr.tesseract_words(page(), "b.pdf")  # the same pixels, another file
    assert first == again and counted == [4]
    assert len(list((tmp_path / "cache").rglob("*.tsv"))) == 1


def test_another_image_or_mode_is_read_again(tmp_path, monkeypatch, counted):
    monkeypatch.setenv("DIRECTIVES_OCR_CACHE", str(tmp_path))
    ocr.tesseract_words(page("Kính gửi"), "a.pdf")
    ocr.tesseract_words(page("Nơi nhận"), "a.pdf")
    ocr.tesseract_words(page("Kính gửi"), "a.pdf", mode=6)
    assert counted == [4, 4, 6]


def test_another_tesseract_reads_again(tmp_path, monkeypatch, counted):
    monkeypatch.setenv("DIRECTIVES_OCR_CACHE", str(tmp_path))
    ocr.tesseract_words(page(), "a.pdf")
    monkeypatch.setattr(ocr, "_tesseract_version", lambda: "test 2.0")
    ocr.tesseract_words(page(), "a.pdf")
    assert counted == [4, 4]


def test_without_the_setting_nothing_is_kept(tmp_path, monkeypatch, counted):
    monkeypatch.delenv("DIRECTIVES_OCR_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    ocr.tesseract_words(page(), "a.pdf")
    ocr.tesseract_words(page(), "a.pdf")
    assert counted == [4, 4] and not list(tmp_path.rglob("*"))


def test_a_cache_that_cannot_be_written_still_gives_the_reading(tmp_path, monkeypatch, counted):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DIRECTIVES_OCR_CACHE", str(blocker))
    assert ocr.tesseract_words(page(), "a.pdf").endswith("read1\n")


def test_keys_differ_by_pixels_and_settings():
    assert ocr_cache.key(page("a"), 4) != ocr_cache.key(page("b"), 4)
    assert ocr_cache.key(page("a"), 4) != ocr_cache.key(page("a"), 6)
    assert ocr_cache.key(b"png", 4) == ocr_cache.key(b"png", 4)
