"""A PDF whose text layer is no text: a font embedded without its Unicode map gives its
glyphs' numbers as letters, so the page reads "Tgõ Nqắz ..." where the paper says "Giao Sở
Nội vụ ...". Such a page is read by OCR as a scan is; a page of Vietnamese, or one typed in
a legacy font (TCVN3, VNI: converted later), keeps its text layer."""
from __future__ import annotations

import random

import pytest

from directives.ingest import ocr, pdf as pdf_reader
from directives.ingest.registry import read_document

from .test_readers import FONT, needs_font

VIETNAMESE = (
    "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện rà soát "
    "việc thực hiện nhiệm vụ được giao; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/11/2025. "
    "Yêu cầu Thủ trưởng các cơ quan, đơn vị có liên quan khẩn trương triển khai thực hiện."
)


def _garbled(text: str, seed: int = 7) -> str:
    """The same words with every letter swapped for another (a glyph-number map)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    shuffled = list(letters)
    random.Random(seed).shuffle(shuffled)
    table = str.maketrans(letters + letters.upper(), "".join(shuffled) + "".join(shuffled).upper())
    return "".join(c if c.isascii() else "õ" for c in text).translate(table)


@pytest.fixture
def ocr_read(monkeypatch):
    """OCR replaced by a reader of VIETNAMESE: the indexes of the pages it was given."""
    read = []

    def fake_ocr(data, indexes, path, dpi=ocr.DPI):
        read.extend(indexes)
        return [VIETNAMESE for _ in indexes]

    monkeypatch.setattr(ocr, "read_pages", fake_ocr)
    monkeypatch.setattr(ocr, "available", lambda: None)
    return read


def test_a_text_layer_of_glyph_numbers_is_unreadable():
    assert pdf_reader._unreadable(_garbled(VIETNAMESE * 2))


def test_vietnamese_and_its_legacy_fonts_are_readable():
    assert not pdf_reader._unreadable(VIETNAMESE * 2)
    from directives.ingest.encoding import _tables

    tcvn3 = {v: k for k, v in _tables()["tcvn3"].items() if isinstance(k, int)}
    legacy = "".join(chr(tcvn3[c]) if c in tcvn3 else c for c in VIETNAMESE * 2)
    assert legacy != VIETNAMESE * 2
    assert not pdf_reader._unreadable(legacy)  # converted to Unicode later, exactly


def test_a_short_page_is_left_as_it_is():
    assert not pdf_reader._unreadable(_garbled("Trang 2 của Phụ lục"))


@needs_font
def test_a_page_with_an_unreadable_layer_is_read_by_ocr(tmp_path, ocr_read):
    from fpdf import FPDF

    document = FPDF(format="A4")
    document.add_font("body", fname=FONT)
    document.set_font("body", size=11)
    document.add_page()
    document.multi_cell(170, 7, _garbled(VIETNAMESE * 2))
    path = tmp_path / "tb-493.pdf"
    document.output(str(path))
    doc = read_document(str(path))
    assert ocr_read == [0]
    assert "Giao Sở Nội vụ chủ trì" in doc.text


def test_a_bad_ocr_layer_is_unreadable_and_text_without_marks_is_not():
    """A layer an old OCR left ("t6 chric HQi nghi", digits for marked letters) is read again;
    Vietnamese typed without its marks is as readable as OCR would make it."""
    bad = "c) Tham muu UBND tinh t6 chric HQi nghi tham vdn chuy6n m6n vdi sy tham dg cta c6c chuy6n gia nhim nAng cao Chi si5 PCI, ding tdi cic quy6t dinh c6ng b5 tht tqc hdnh chinh. " * 3
    assert pdf_reader._unreadable(bad)
    plain = "So Tai chinh chu tri, phoi hop voi cac so, nganh thuc hien nhiem vu duoc giao trong nam 2025. " * 4
    assert not pdf_reader._unreadable(plain)


MARKLESS = "Ket luan cua Giam doc So tai Hoi nghi danh gia ket qua cong tac thang 01, trien khai nhiem vu thang 02. Giao cac phong chu tri thuc hien. " * 3


def test_vietnamese_without_marks_over_a_scanned_image_is_unreadable():
    """A scanner's OCR that knew no Vietnamese leaves its words without marks over the page's
    image: read again by OCR. The same words typed on a page with no image stay text."""
    assert pdf_reader._unreadable(MARKLESS, scanned_image=True)
    assert not pdf_reader._unreadable(MARKLESS, scanned_image=False)


@needs_font
def test_a_scan_with_a_layer_without_marks_is_read_by_ocr(tmp_path, ocr_read):
    from fpdf import FPDF
    from PIL import Image

    scan = tmp_path / "page.png"
    Image.new("L", (1240, 1754), 250).save(scan)
    document = FPDF(format="A4")
    document.add_font("body", fname=FONT)
    document.set_font("body", size=11)
    document.add_page()
    document.image(str(scan), x=0, y=0, w=210, h=297)
    document.multi_cell(170, 7, MARKLESS)
    document.add_page()  # a typed page, no image: its text stays
    document.multi_cell(170, 7, MARKLESS)
    path = tmp_path / "tb-02.pdf"
    document.output(str(path))
    doc = read_document(str(path))
    assert ocr_read == [0]
    assert "Giao Sở Nội vụ chủ trì" in doc.text


# A scanner's layer without marks whose bare words are often common words as well ("cho",
# "theo", "trong", "tin", "the" are words written so with their marks): a share of common
# words does not make it the author's text.
MARKLESS_COMMON = (
    "Phong Bao chi Xuat ban: xay dung va trien khai kip thoi ke hoach nang cao hieu qua quan ly "
    "nha nuoc ve bao chi theo chi dao cua UBND tinh; trong thang 3 bao cao ket qua cho Giam doc So "
    "theo dung thoi han, ung dung cong nghe thong tin trong quan ly. "
) * 2


def test_a_marked_page_reads_as_syllables_with_marks():
    from directives.ingest.encoding import syllable_shares

    syllables, marked, words = syllable_shares(VIETNAMESE)
    assert syllables > 0.9 and marked > 0.75 and words > 30
    syllables, marked, _ = syllable_shares(MARKLESS_COMMON)
    assert syllables > 0.9 and marked == 0.0  # Vietnamese, written without its marks
    syllables, _, _ = syllable_shares("Cqng hda xd hQi chfi nghia Ttr do Hanh phfic t6 chric nhim dg cta tinh")
    assert syllables < 0.5  # no syllables of the language: a garbled reading
    _, _, words = syllable_shares("UBND HĐND CNTT 2025 12/2025")
    assert words == 0  # abbreviations and numbers are not judged


def test_a_layer_without_marks_over_an_image_is_unreadable_whatever_its_common_words():
    assert pdf_reader._unreadable(MARKLESS_COMMON, scanned_image=True)
    assert not pdf_reader._unreadable(MARKLESS_COMMON, scanned_image=False)  # typed so: text
    assert not pdf_reader._unreadable(VIETNAMESE * 2, scanned_image=True)  # a good layer stays


@needs_font
def test_a_layer_on_a_cropped_scan_is_read_by_ocr_and_a_logo_beside_text_is_no_scan(tmp_path, ocr_read):
    """A scan cropped to its text covers less than half the page, but the layer's letters lie on
    it: a picture with a layer. A logo at the top of a typed page leaves the text its own."""
    from fpdf import FPDF
    from PIL import Image

    scan = tmp_path / "crop.png"
    Image.new("L", (800, 500), 250).save(scan)
    document = FPDF(format="A4")
    document.add_font("body", fname=FONT)
    document.set_font("body", size=9)
    document.add_page()
    document.image(str(scan), x=20, y=20, w=150, h=110)  # a quarter of the page
    document.set_xy(22, 24)
    document.multi_cell(140, 5, MARKLESS_COMMON)
    document.add_page()
    document.image(str(scan), x=20, y=10, w=30, h=18)  # a logo
    document.set_xy(20, 40)
    document.multi_cell(170, 7, MARKLESS_COMMON)  # typed without marks beside it: text
    path = tmp_path / "cropped.pdf"
    document.output(str(path))
    read_document(str(path))
    assert ocr_read == [0]
