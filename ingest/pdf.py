"""PDF: the text layer read in columns, scanned pages read by OCR, the signature stamp.

The header and the signature block of a directive are two-column tables; reading a PDF's
text layer line by line interleaves them ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."). Words are
placed by their positions instead: where consecutive lines split at the same gap, the run is
a table, and its left column is emitted before its right one, each followed by a ``|`` line
as the HTML reader does for table cells. A table drawn with ruling lines (a plan's duties) is
read cell by cell, row by row.

A page whose text layer is empty (a scan; the digital-signature stamp is an annotation, not
text) is rendered and read by Tesseract (``ocr.py``). The signature itself (signing body and
time) is read from the PDF's signature field.
"""
from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from . import ocr
from .columns import join_words, layout_lines, lines_of, table_lines
from .document import ReadError

# A page with fewer letters than this in its text layer is treated as a scan.
MIN_LETTERS = 40
_STAMP = re.compile(r"Ký bởi|Thời gian ký|Signature Not Verified|Digitally signed", re.I)


@dataclass
class Signature:
    """A digital signature of the PDF: who signed (the certificate's name) and when."""

    signer: str | None
    signed_at: str | None  # ISO 8601 with its offset


@dataclass
class Page:
    number: int
    text: str
    ocr: bool = False


@dataclass
class PdfText:
    pages: list[Page] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    ocr_seconds: float = 0.0

    @property
    def text(self) -> str:
        shift = _annex_shift(self.pages)
        texts = [_without_folio(page, page.number - shift if shift else None) for page in self.pages]
        return "\n\n".join(texts)


# A page's number printed alone at its top or bottom ("2", "- 2 -"): no words of the document,
# and inside a sentence that runs on to the next page ("đảm bảo việc | 2 | thực hiện ...").
_FOLIO = re.compile(r"^\s*[-–]?\s*(\d{1,3}|[\dIl]{2,3})\s*[-–]?\s*$")


def _folio(line: str) -> int | None:
    """The number a line holds alone, if any; OCR reads a printed 1 as "I" or "l" ("I1")."""
    m = _FOLIO.match(line)
    if not m or not any(c.isdigit() for c in m.group(1)):
        return None
    return int(m.group(1).replace("I", "1").replace("l", "1"))


_SPECK = re.compile(r"\W*[^\W\d]?\W*")  # one letter at most, no digit: a speck of the scan
_ANNEX_PAGES = 3  # pages numbered the same way, past which a shift of numbering is an annex's


def _annex_shift(pages: list[Page]) -> int | None:
    """How many pages before its first an annex numbering its pages again from 1 starts
    (its title may be lost under a seal, its numbers are not): the shift that the printed
    numbers of three pages or more agree on."""
    shifts: dict[int, int] = {}
    for page in pages:
        lines = page.text.split("\n")
        for number in {_folio(lines[i]) for i in _ends(page)} - {None}:
            if 0 < number < page.number:
                shifts[page.number - number] = shifts.get(page.number - number, 0) + 1
    agreed = [shift for shift, count in shifts.items() if count >= _ANNEX_PAGES]
    return max(agreed, key=lambda shift: shifts[shift]) if agreed else None


def _ends(page: Page) -> list[int]:
    """The lines where a page's number may stand: its first (past a speck of the scan over
    it, "*,o.") and its last line with text."""
    lines = page.text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip() and line.strip() != "|"]
    while filled and _SPECK.fullmatch(lines[filled[0]]):
        filled = filled[1:]
    return (filled[:1] + filled[-1:]) if page.number > 1 else filled[-1:]


def _without_folio(page: Page, in_annex: int | None = None) -> str:
    """The page's text without its printed number: the page's own, or its number in the
    annex it belongs to (an annex after the signature numbers its pages again from 1, and
    its "2" alone over a table's rows split the row it fell into)."""
    lines = page.text.split("\n")
    for i in _ends(page):
        number = _folio(lines[i])
        if number is not None and number in (page.number, in_annex):
            lines[i] = ""
    return "\n".join(lines)


def read_pdf(data: bytes, path: str, ocr_mode: str = "auto", max_pages: int | None = None) -> PdfText:
    """Every page's text, in reading order; raises ReadError for an encrypted or damaged file,
    one of more than ``max_pages`` pages, a page too large to render for OCR, or a scan when
    OCR is off or Tesseract is missing."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError(path, "the PDF is encrypted (password protected)") from None
    except PDFSyntaxError as exc:
        raise ReadError(path, f"damaged PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many kinds for broken files
        if _encrypted(exc):
            raise ReadError(path, "the PDF is encrypted (password protected)") from None
        raise ReadError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise ReadError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
        if max_pages and count > max_pages:
            raise ReadError(path, f"the PDF has {count} pages; the limit is {max_pages} (--max-pages)")
        result = PdfText(signatures=_signatures(pdf))
        scanned: list[int] = []
        stamped = _StampedText(data)
        try:
            for index, page in enumerate(pdf.pages):
                text = "" if ocr_mode == "always" else page_text(page, stamped.words(index, page))
                letters = sum(c.isalpha() for c in _STAMP.sub("", text))
                result.pages.append(Page(index + 1, text))
                if ocr_mode == "always" or (ocr_mode == "auto" and (letters < MIN_LETTERS or _unreadable(text, _scanned_image(page)))):
                    scanned.append(index)
        except Exception as exc:
            if _encrypted(exc):
                raise ReadError(path, "the PDF is encrypted (password protected)") from None
            raise ReadError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
        if scanned:
            for index in scanned:
                _check_renderable(pdf.pages[index], index, path)
            started = time.perf_counter()
            texts = ocr.read_pages(data, scanned, path)
            result.ocr_seconds = time.perf_counter() - started
            for index, text in zip(scanned, texts):
                result.pages[index] = Page(index + 1, text, ocr=True)
    if not any(p.text.strip() for p in result.pages):
        if ocr_mode == "never":
            raise ReadError(path, "a scanned PDF with no text layer, and OCR is off (--ocr never)")
        raise ReadError(path, "no text in the PDF")
    return result


# A text layer whose words are next to none of the commonest Vietnamese words (and that no
# legacy font encoding turns into Vietnamese) is no text: a font embedded without its Unicode
# map gives its glyphs' numbers as letters, a bad OCR's layer "t6 chric HQi nghi" (a quarter
# of its words mixing letters and digits). Vietnamese typed without its marks is text. The
# page is read by OCR as a scan is. Vietnamese without its marks over a scanned image is no text
# either: a scanner's OCR that knew no Vietnamese ("Ket luan cua Giam doc So tai Hoi nghi"); an
# office types its documents with their marks (Nghị định 30/2020: Unicode, TCVN 6909). Over a
# page's image the layer is judged by the language's syllables (``_written_by_an_office``), not by
# its common words: bare "cho", "theo", "trong" are common words as well.
UNREADABLE_SHARE = 0.04
UNREADABLE_MIN_WORDS = 30
SCANNED_IMAGE_SHARE = 0.5  # of the page's area under images: the page is a scan, its text a layer over it


def _unreadable(text: str, scanned_image: bool = False) -> bool:
    from .encoding import common_word_share, digit_word_share, fix_legacy

    words = len(text.split())
    if words < UNREADABLE_MIN_WORDS:
        return False
    if scanned_image and not _written_by_an_office(text):
        return fix_legacy(text) is None
    if common_word_share(text) >= UNREADABLE_SHARE:
        return False
    if not scanned_image and digit_word_share(text) <= 0.10 and common_word_share(text, marks=False) >= 0.10:
        return False  # Vietnamese typed without its marks ("So Tai chinh chu tri"): OCR reads no more
    return fix_legacy(text) is None


def _written_by_an_office(text: str) -> bool:
    """Whether a text layer reads as Vietnamese written with its marks: most of its words are
    syllables of the language, and most of those carry a mark. A layer over a page's image that
    does not is a scanner's OCR, not the author's text ("Ket luan cua Giam doc So", "Ttr do -
    Hanh phfic"), however many of its bare words happen to be common words too ("cho", "theo",
    "trong", "tin" are written so with their marks): the image is read again."""
    from .encoding import syllable_shares

    syllables, marked, _ = syllable_shares(text)
    return syllables >= 0.5 and marked >= 0.5


def _scanned_image(page) -> bool:
    """Whether the page is a picture with a text layer over it: images cover most of the page,
    or most of the layer's letters lie on an image (a scan cropped to its text, or cut in tiles
    that leave margins out). A logo or a seal beside typed text is neither."""
    try:
        area = float(page.width) * float(page.height)
        boxes = [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"])) for i in page.images]
    except (KeyError, TypeError, ValueError):
        return False
    if area <= 0 or not boxes:
        return False
    covered = sum(max(0.0, x1 - x0) * max(0.0, bottom - top) for x0, top, x1, bottom in boxes)
    if covered / area >= SCANNED_IMAGE_SHARE:
        return True
    try:
        letters = [c for c in page.chars if c.get("text", "").isalpha()]
        on_image = sum(
            1 for c in letters
            if any(x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom for x0, top, x1, bottom in boxes)
        )
    except (KeyError, TypeError):
        return False
    return bool(letters) and on_image >= len(letters) / 2


# The largest page rendered for OCR: A0 (841 x 1189 mm) at ``ocr.DPI`` is 62 million pixels. A
# page larger than this (a 14400 pt square is 5 m a side: 1.6 billion pixels, gigabytes of memory)
# is not a scanned letter.
MAX_OCR_PIXELS = 100_000_000


def _check_renderable(page, index: int, path: str) -> None:
    scale = ocr.DPI / 72
    pixels = float(page.width) * scale * float(page.height) * scale
    if pixels > MAX_OCR_PIXELS:
        mm = 25.4 / 72
        raise ReadError(
            path,
            f"page {index + 1} is {float(page.width) * mm:.0f} x {float(page.height) * mm:.0f} mm, too large to read by OCR "
            f"({pixels / 1e6:.0f} million pixels at {ocr.DPI} dpi; the limit is {MAX_OCR_PIXELS / 1e6:.0f} million, about A0)",
        )


def _encrypted(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors: look through the wrapping for a password error."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(exc).lower():
            return True
        inner = [a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]
        exc = exc.__cause__ or exc.__context__ or (inner[0] if inner else None)
        seen += 1
    return False


# ---------------------------------------------------------------------------- text layer


def page_text(page, extra: list[dict] | None = None) -> str:
    """The page's words as lines, with two-column runs emitted column by column and ruled
    tables (a plan's table of duties) cell by cell."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, use_text_flow=False)
    if extra:
        words = words + extra
    tables = _ruled_tables(page)
    if not tables:
        return "\n".join(layout_lines(lines_of(words)))
    out: list[str] = []
    rest = words
    for table in tables:
        x0, top, x1, bottom = table.bbox
        inside = [w for w in rest if x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1 and top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1]
        taken = {id(w) for w in inside}
        above = [w for w in rest if id(w) not in taken and (w["top"] + w["bottom"]) / 2 < top]
        out.extend(layout_lines(lines_of(above)))
        out.extend(table_lines(table, lambda box: _cell_text(box, inside)))
        rest = [w for w in rest if id(w) not in taken and (w["top"] + w["bottom"]) / 2 >= top]
    out.extend(layout_lines(lines_of(rest)))
    return "\n".join(out)


# A page needs this many ruling lines and rectangle edges before it is searched for tables.
_MIN_RULES = 8


def _ruled_tables(page) -> list:
    """Tables drawn with ruling lines, of three columns or more (the header and signature
    blocks have no rules and two columns: they are read as lines). Searched only on pages
    that draw enough rules, since the search costs a few times the page's text."""
    try:
        if len(page.lines) + 4 * len(page.rects) < _MIN_RULES:
            return []
        if any(not _visible(o) for o in page.lines + page.rects):
            page = page.filter(_visible)
        found = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    except Exception:  # a table is a bonus: the page's words are read without it
        return []
    tables = [t for t in found if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 3]
    return sorted(tables, key=lambda t: t.bbox[1])


def _cell_text(box: tuple, words: list[dict]) -> str:
    """The words whose middle lies in a cell's box, as its lines."""
    x0, top, x1, bottom = box
    mine = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    return "\n".join(join_words(line) for line in lines_of(mine))


def _visible(obj: dict) -> bool:
    """Drawn in a colour a reader sees: a Word document exported with white shading behind
    each line (or white borders) draws a white rectangle per line, which is no table: read
    as one, every line of the page became a row of cells closed by "|"."""
    kind = obj.get("object_type")
    if kind == "line":
        return not _white(obj.get("stroking_color"))
    if kind in ("rect", "curve"):
        return bool(
            (obj.get("stroke") and not _white(obj.get("stroking_color")))
            or (obj.get("fill") and not _white(obj.get("non_stroking_color")))
        )
    return True


def _white(color) -> bool:
    """A grey, RGB or CMYK colour that is white (a pattern's name or no colour is not)."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) in (1, 3):
        return all(v >= 0.95 for v in color)
    return len(color) == 4 and all(v <= 0.05 for v in color)


class _StampedText:
    """Text that signing stamps into a page: the number after "Số:" and the day of the date
    are often drawn by signature fields at signing time, not written in the page itself.
    The field's appearance is flattened into a copy of the page (pdfium) and the words it
    adds on a line of the page's own text are returned, placed where they are drawn."""

    def __init__(self, data: bytes):
        self.data = data
        self.document = None

    def words(self, index: int, page) -> list[dict]:
        try:
            fields = _signature_fields(page)
            return self._words(index, page, fields) if fields else []
        except Exception:  # the stamp is a bonus; the page's own text stands without it
            return []

    def _words(self, index: int, page, fields: list[dict]) -> list[dict]:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        if self.document is None:
            self.document = pdfium.PdfDocument(self.data)
        flat = self.document[index]
        raw.FPDFPage_Flatten(flat, raw.FLAT_NORMALDISPLAY)
        flat = self.document[index]  # reloaded with the fields drawn in
        height = flat.get_height()
        textpage = flat.get_textpage()
        own = page.extract_words(x_tolerance=1.5, y_tolerance=2.5)
        found: list[dict] = []
        for field_ in fields:
            x0, top, x1, bottom = field_["x0"], field_["top"], field_["x1"], field_["bottom"]
            chars = []
            for i in range(textpage.count_chars()):
                left, low, right, high = textpage.get_charbox(i)
                c_top, c_bottom = height - high, height - low
                text = textpage.get_text_range(i, 1)
                # a stamp draws digits (the number, the day and month); letters that come with
                # them are the appearance's own words or glyphs without a Unicode map ("há29")
                if text.isdigit() and left >= x0 - 1 and right <= x1 + 1 and c_top >= top - 1 and c_bottom <= bottom + 1:
                    chars.append((text, left, right, c_top, c_bottom))
            for word in _chars_to_words(chars):
                covered = any(w["x0"] < word["x1"] and word["x0"] < w["x1"] and w["top"] < word["bottom"] and word["top"] < w["bottom"] for w in own)
                on_a_line = any(min(w["bottom"], word["bottom"]) - max(w["top"], word["top"]) > 0 for w in own)
                if not covered and on_a_line:  # numbers and days
                    found.append(word)
        return found


def _chars_to_words(chars: list[tuple]) -> list[dict]:
    words: list[dict] = []
    for text, left, right, top, bottom in sorted(chars, key=lambda c: (round(c[3]), c[1])):
        if not text.strip():
            continue
        last = words[-1] if words else None
        if last and abs(last["top"] - top) < 3 and left - last["x1"] < 2.5:
            last["text"] += text
            last["x1"], last["bottom"] = right, max(last["bottom"], bottom)
        else:
            words.append({"text": text, "x0": left, "x1": right, "top": top, "bottom": bottom})
    return words


# ---------------------------------------------------------------------------- signatures

_CN = re.compile(rb"\x06\x03\x55\x04\x03[\x0c\x13\x1e](.)", re.S)
_NOT_A_SIGNER = re.compile(r"chung thuc|chứng thực|RootCA|\bCA\b|Máy chủ|Time ?Stamp|TSA|Co yeu|Cơ yếu", re.I)


def _signature_fields(page) -> list[dict]:
    """The page's signature fields: their box (top-down coordinates) and signature dictionary.
    Read from the raw annotations: pdfplumber's ``page.annots`` resolves every reference and
    recurses without end on some signed files."""
    from pdfminer.pdftypes import resolve1

    found = []
    for ref in resolve1(page.page_obj.annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        kind = resolve1(annot.get("FT"))
        if kind is None and annot.get("Parent") is not None:
            kind = resolve1(resolve1(annot.get("Parent")).get("FT"))
        if getattr(kind, "name", kind) != "Sig":
            continue
        rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect")) or [0, 0, 0, 0]]
        x0, x1 = sorted((rect[0], rect[2]))
        y0, y1 = sorted((rect[1], rect[3]))
        value = resolve1(annot.get("V"))
        found.append({
            "x0": x0, "x1": x1, "top": page.height - y1, "bottom": page.height - y0,
            "value": value if isinstance(value, dict) else {},
        })
    return found


def _signatures(pdf) -> list[Signature]:
    """The signature fields of the PDF: the signing body from the certificate, and the time."""
    found = []
    for page in pdf.pages:
        try:
            fields = _signature_fields(page)
        except Exception:  # a broken signature field never costs the text
            continue
        for field_ in fields:
            value = field_["value"]
            if value.get("Contents") is None:
                continue
            from pdfminer.pdftypes import resolve1

            signature = Signature(_certificate_name(resolve1(value.get("Contents"))), _pdf_date(resolve1(value.get("M"))))
            if signature not in found:  # one signature may show in several fields
                found.append(signature)
    return found


def _certificate_name(blob) -> str | None:
    """The subject's common name in the signature's certificates (not a CA's)."""
    if not isinstance(blob, (bytes, bytearray)):
        return None
    for m in _CN.finditer(blob):
        length = m.group(1)[0]
        raw = blob[m.end() : m.end() + length]
        try:
            name = raw.decode("utf-16-be") if blob[m.start() + 5] == 0x1E else raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if name and not _NOT_A_SIGNER.search(name):
            return name.strip()
    return None


def _pdf_date(raw) -> str | None:
    """ "D:20250204164236+07'00'" to "2025-02-04T16:42:36+07:00"."""
    if isinstance(raw, bytes):
        raw = raw.decode("latin-1")
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-]\d{2})'?(\d{2})?", raw or "")
    if not m:
        return None
    y, mo, d, h, mi, s, tz, tzm = m.groups()
    try:
        datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    except ValueError:
        return None
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{tz}:{tzm or '00'}"
