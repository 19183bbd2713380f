"""OCR of scanned pages with Tesseract and its Vietnamese data.

Pages are rendered with pypdfium2 (which pdfplumber brings) at ``DPI`` and read by
Tesseract's library through tesserocr: each process keeps its engines (the Vietnamese model
loaded once, not once a page as the ``tesseract`` command did) and hands them the page image
directly. One OCR thread per core in all: a worker process of a batch (one per core) reads
its pages one after the other, a single process reads a file's pages on every core. Without
tesserocr the ``tesseract`` command is run per page, as before. ``bench/pdf.py`` measured the
resolution: 200 dpi reads the header as well as 300 dpi (the same gold header words, fewer
false numbers) in two thirds of the time, and ``bench/ocr.py`` the cost over Tesseract alone.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import queue
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache

from ..nlp.letters import VOWELS
from . import ocr_cache
from .columns import join_words, layout_lines, table_lines
from .document import ReadError
from .encoding import toneless
from .scan_tables import ruled_tables

DPI = 200
LANGUAGE = "vie"
PAGE_TIMEOUT = 120  # seconds for one page; a stuck Tesseract is stopped
INSTALL_HINT = "install Tesseract with its Vietnamese data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie)"


@lru_cache(maxsize=1)
def available() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    if shutil.which("tesseract") is None:
        return f"Tesseract is not installed: {INSTALL_HINT}"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run ({exc}): {INSTALL_HINT}"
    if LANGUAGE not in langs:
        return f"Tesseract has no Vietnamese data: {INSTALL_HINT}"
    return None


def ocr_threads() -> int:
    """OCR threads in this process: one per core in all. A worker process of a batch (the
    pool has one per core) reads with one; ``DIRECTIVES_OCR_THREADS`` sets it."""
    if os.environ.get("DIRECTIVES_OCR_THREADS", "").isdigit():
        return max(1, int(os.environ["DIRECTIVES_OCR_THREADS"]))
    if multiprocessing.parent_process() is not None:
        return 1
    return os.cpu_count() or 1


def read_pages(data: bytes, indexes: list[int], path: str, dpi: int = DPI) -> list[str]:
    """The text of the given pages (0-based) of a PDF, read by OCR, in the same order."""
    problem = available()
    if problem:
        raise ReadError(path, f"scanned PDF needs OCR, but {problem[0].lower()}{problem[1:]}")
    workers = max(1, min(len(indexes), ocr_threads()))
    if workers == 1:
        return [recognise(image, path, dpi) for image in rendered(data, indexes, dpi)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # each page is read as soon as it is rendered: the cores do not wait for the last page
        futures = [pool.submit(recognise, image, path, dpi) for image in rendered(data, indexes, dpi)]
        return [future.result() for future in futures]


def render(data: bytes, indexes: list[int], dpi: int = DPI) -> list:
    """Grey images (PIL) of the given pages, with the red of seals taken out."""
    return list(rendered(data, indexes, dpi))


def rendered(data: bytes, indexes: list[int], dpi: int = DPI):
    """The images of :func:`render`, one at a time (pdfium renders in this thread only)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for index in indexes:
            bitmap = document[index].render(scale=dpi / 72)
            yield without_seal_red(bitmap.to_pil(), keep_top=RED_KEPT_ON_FIRST_PAGE if index == 0 else 0)
    finally:
        document.close()


REDNESS = 60  # how much more red than green or blue a pixel must be to count as seal ink
RED_KEPT_ON_FIRST_PAGE = 0.2  # the top of the first page keeps its red: "KHẨN", "HỎA TỐC" are red stamps


def without_seal_red(image, keep_top: float = 0.0):
    """The page in grey, with red ink made white below ``keep_top`` (a fraction of the
    height). The red seal stamped over the signer's post and name is what OCR misreads
    most ("TTÀN" for "CHỦ TỊCH", "Xếuyên" for "Nguyễn"); the text under it is black."""
    from PIL import ImageChops

    rgb = image.convert("RGB")
    red, green, blue = rgb.split()
    redness = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    mask = redness.point(lambda v: 255 if v > REDNESS else 0)
    if keep_top:
        mask.paste(0, (0, 0, mask.width, int(mask.height * keep_top)))
    grey = rgb.convert("L")
    grey.paste(255, mask=mask)
    return grey


LOST_INK = 0.25  # the share of a page's ink outside every word read, past which lines were lost
SOME_INK = 5000  # dark pixels: less is a blank page or a speck, whatever was read of it
# A line of text left out: unread ink across a quarter of the page's width (in cells of 8 pixels)
# for a quarter of an inch of height (two lines of body text; a signature, a seal, a ruled
# line or a handwritten note crosses only a few cells of a row, or only a few rows).
LOST_LINE_WIDTH = 1 / 4
LOST_LINE_HEIGHT = 0.25  # inch
_CELL = 8


def recognise(image, path: str = "", dpi: int = DPI) -> str:
    """One page image to text. A ruled table on it (a plan's duties) is read cell by cell
    (``scan_tables``), the rest of the page as lines."""
    tables, straight = ruled_tables(image, dpi)
    if not tables:
        return words_to_text(page_words(image, path, dpi), dpi)
    return _with_tables(straight, tables, path, dpi)


def page_words(image, path: str = "", dpi: int = DPI) -> str:
    """Tesseract's TSV of a page.

    Tesseract reads a page as a column of blocks (page segmentation mode 4), which keeps
    each line of a two-column header whole. On a warped or skewed photocopy that mode
    drops whole paragraphs (a third of the words of one Thông báo) or a few lines of one
    (the first lines of a Thông báo's last item: its units); those pages leave much of their
    ink, or a band of it as wide as a line of text, outside the boxes of the words read, and
    are read again as one uniform block of text (mode 6), whose words are kept when they
    cover more of the ink."""
    tsv = tesseract_words(image, path, dpi)
    unread = _unread_ink(image, tsv)
    if unread is not None and (unread[0] > LOST_INK or _lines_lost(unread[1], dpi)):
        again = tesseract_words(image, path, dpi, mode=6)
        still = _ink_not_read(image, again)
        if still is not None and still < unread[0]:
            tsv = again
    return tsv


CELL_INSET = 5  # pixels cut from each side of a cell: the rules around it are no words
CELL_MARGIN = 12  # white pixels put around a cell's image: Tesseract misreads text touching the edge
CELL_INK = 40  # dark pixels: fewer is an empty cell (a speck, the end of a rule)
# A cell's line read with less confidence (Tesseract's mean over its words) is no text: the
# seal or a signature over an empty cell ("E h Nt ————" at 13 %); lines of text read 80-97 %.
CELL_CONFIDENCE = 50
CELL_WORD_CONFIDENCE = 30  # a word read with less, in a cell, is a speck of the seal beside a number ("*,o. 13")
# Four vowels in a row are in no Vietnamese syllable ("uyê", "ươi" are the longest): a dark
# smear down the edge of a page read as "ÃÃÃãÃãẽẽ".
_VOWEL_RUN = re.compile(f"[{VOWELS}]{{4}}", re.I)


def _with_tables(image, tables: list, path: str, dpi: int) -> str:
    """A page with ruled tables: the page read with the tables whited out, its lines above
    each table, then the table's cells, each read on its own as a block of text (mode 6)."""
    from PIL import ImageOps

    scale = dpi / 72  # points to pixels
    rest_of_page = image.copy()
    for table in tables:
        x0, top, x1, bottom = (round(v * scale) for v in table.bbox)
        rest_of_page.paste(255, (x0, top, x1 + 1, bottom + 1))
    # specks of the scan outside the table ("*,o." over a page's number) would be read into
    # the table's first cell
    lines = [line for line in _tsv_lines(page_words(rest_of_page, path, dpi), dpi) if not _speck_line(line)]

    def cell_text(box: tuple) -> str:
        x0, top, x1, bottom = (round(v * scale) for v in box)
        x0, top, x1, bottom = x0 + CELL_INSET, top + CELL_INSET, x1 - CELL_INSET, bottom - CELL_INSET
        if x1 - x0 < 8 or bottom - top < 8:
            return ""
        cell = image.crop((x0, top, x1, bottom))
        if cell.point(lambda v: 255 if v < 128 else 0).histogram()[255] < CELL_INK:
            return ""
        tsv = tesseract_words(ImageOps.expand(cell, CELL_MARGIN, fill=255), path, dpi, mode=6)
        lines = [[w for w in line if w["conf"] >= CELL_WORD_CONFIDENCE] for line in _tsv_lines(tsv, dpi)]
        lines = [line for line in lines if line and sum(w["conf"] for w in line) / len(line) >= CELL_CONFIDENCE]
        return "\n".join(join_words(line) for line in _rows(lines))

    out: list[str] = []
    for table in tables:
        top = table.bbox[1]
        above = [line for line in lines if _middle(line) < top]
        lines = [line for line in lines if _middle(line) >= top]
        out.extend(layout_lines(_rows(above)))
        out.extend(table_lines(table, cell_text))
    out.extend(layout_lines(_rows(lines)))
    return restore_marks("\n".join(out))


def _speck_line(line: list[dict]) -> bool:
    """A line with no digit and one letter at most: no text."""
    text = "".join(w["text"] for w in line)
    return not any(c.isdigit() for c in text) and sum(c.isalpha() for c in text) <= 1


def _middle(line: list[dict]) -> float:
    return sum(w["top"] + w["bottom"] for w in line) / (2 * len(line))


def _ink_not_read(image, tsv: str) -> float | None:
    """The share of the page's dark pixels outside every word box (None: too little ink)."""
    unread = _unread_ink(image, tsv)
    return None if unread is None else unread[0]


def _unread_ink(image, tsv: str):
    """The share of the page's dark pixels outside every word box, and the image of those
    pixels (white on black); None when the page has too little ink."""
    from PIL import Image, ImageChops, ImageDraw

    page = image if isinstance(image, Image.Image) else Image.open(io.BytesIO(image))
    ink = page.convert("L").point(lambda v: 255 if v < 128 else 0)
    total = ink.histogram()[255]
    if total < SOME_INK:
        return None
    unread = Image.new("L", page.size, 255)
    draw = ImageDraw.Draw(unread)
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5" and cells[11].strip():
            left, top, width, height = (int(v) for v in cells[6:10])
            draw.rectangle((left - 4, top - 4, left + width + 4, top + height + 4), fill=0)
    left_out = ImageChops.multiply(ink, unread)
    return left_out.histogram()[255] / total, left_out


def _lines_lost(left_out, dpi: int = DPI) -> bool:
    """Whether the unread ink holds a band as wide and as high as lines of text (see
    ``LOST_LINE_WIDTH``): each row is cut in cells, a cell with any unread ink counts."""
    from PIL import Image

    cells = left_out.resize((max(1, left_out.width // _CELL), left_out.height), Image.BOX).point(lambda v: 255 if v else 0)
    share = cells.resize((1, cells.height), Image.BOX)  # each row: the share of its cells with ink
    wide_rows = sum(share.histogram()[int(255 * LOST_LINE_WIDTH) + 1 :])
    return wide_rows >= LOST_LINE_HEIGHT * dpi


_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_engines: queue.SimpleQueue = queue.SimpleQueue()  # idle engines of this process, kept for its life


@lru_cache(maxsize=1)
def _tessdata() -> str | None:
    """Where the Vietnamese model is: TESSDATA_PREFIX, or where the ``tesseract`` command looks."""
    if os.environ.get("TESSDATA_PREFIX"):
        return os.environ["TESSDATA_PREFIX"]
    try:
        listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'"([^"]+)"', listing.splitlines()[0] if listing else "")
    return found.group(1) if found else None


@lru_cache(maxsize=1)
def _library():
    """tesserocr, when it is installed and its Tesseract reads the Vietnamese model; else None."""
    # Debian's libtesseract runs OpenMP threads of its own: one per page here, the threads are ours.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError:
        return None
    path = _tessdata()
    if path is None or LANGUAGE not in tesserocr.get_languages(path)[1]:
        return None
    return tesserocr


@contextmanager
def _engine(dpi: int, mode: int):
    """An engine of this process, loaded once and used by one thread at a time."""
    library = _library()
    try:
        api = _engines.get_nowait()
    except queue.Empty:
        api = library.PyTessBaseAPI(path=_tessdata(), lang=LANGUAGE)
    try:
        api.SetPageSegMode(mode)
        api.SetVariable("user_defined_dpi", str(dpi))
        yield api
    finally:
        api.Clear()
        _engines.put(api)


def tesseract_words(image, path: str = "", dpi: int = DPI, mode: int = 4) -> str:
    """Tesseract's TSV of one page image (PIL, or PNG bytes): each word with its box and its line;
    from the OCR cache when one is set and holds this page (``ocr_cache``)."""
    digest = ocr_cache.key(image, mode, dpi, LANGUAGE, _tesseract_version()) if ocr_cache.folder() else None
    if digest is not None:
        kept = ocr_cache.get(digest)
        if kept is not None:
            return kept
    tsv = _read_words(image, path, dpi, mode)
    if digest is not None:
        ocr_cache.put(digest, tsv)
    return tsv


@lru_cache(maxsize=1)
def _tesseract_version() -> str:
    """Which Tesseract reads, and its version: the library's, else the command's first line."""
    library = _library()
    if library is not None:
        return "library " + library.tesseract_version().splitlines()[0]
    try:
        done = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    said = (done.stdout or done.stderr).strip()
    return "command " + said.splitlines()[0] if said else "unknown"


def _read_words(image, path: str, dpi: int, mode: int) -> str:
    """Tesseract's TSV of one page image, read now: by the library, else by the command."""
    if _library() is not None:
        from PIL import Image

        page = image if isinstance(image, Image.Image) else Image.open(io.BytesIO(image))
        with _engine(dpi, mode) as api:
            api.SetImage(page)
            if not api.Recognize():
                raise ReadError(path, "OCR failed: Tesseract could not read a page")
            return _TSV_HEADER + (api.GetTSVText(0) or "")
    return _tesseract_command(image, path, dpi, mode)


def _tesseract_command(image, path: str, dpi: int, mode: int) -> str:
    """The same through the ``tesseract`` command: a process, and the model loaded, per page."""
    png = ocr_cache.png_bytes(image)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(dpi), "--psm", str(mode), "tsv"],
            input=png,
            capture_output=True,
            timeout=PAGE_TIMEOUT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(path, f"OCR of a page took longer than {PAGE_TIMEOUT} s") from None
    if done.returncode != 0:
        raise ReadError(path, f"OCR failed: {done.stderr.decode('utf-8', 'replace').strip()[-200:]}")
    return done.stdout.decode("utf-8", "replace")


def words_to_text(tsv: str, dpi: int = DPI) -> str:
    """Tesseract's words with their boxes, laid out like a text layer: the two columns of
    the header and the signature block are read one after the other (``columns.layout_lines``)."""
    return restore_marks("\n".join(layout_lines(_rows(_tsv_lines(tsv, dpi)))))


def _tsv_lines(tsv: str, dpi: int = DPI) -> list[list[dict]]:
    """Tesseract's words (boxes in points, the unit the layout works in) on its lines.
    Words are put on lines as Tesseract found them, which follows a skewed scan; grouping
    them again by height merged a tall "PHÓ CHỦ TỊCH" with the two Nơi nhận lines beside it."""
    scale = 72 / dpi
    lines: dict[tuple[str, str, str], list[dict]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        text = _bar_as_letter(cells[11].strip())
        if _speck(text, float(cells[10])) or _VOWEL_RUN.search(text):
            continue
        left, top, width, height = (int(v) * scale for v in cells[6:10])
        word = {"text": text, "x0": left, "x1": left + width, "top": top, "bottom": top + height, "conf": float(cells[10])}
        lines.setdefault((cells[2], cells[3], cells[4]), []).append(word)
    return list(lines.values())


def _bare(ch: str) -> str:
    """A letter without any mark ("ố" -> "o", "đ" -> "d"): one character for one."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)[:1]
    return base if base else ch


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern, dict[str, list[str]]]:
    """The phrases of ``data/ocr_phrases.json``, found on the bare text (a pattern), and by
    their bare form (one bare form may stand for several phrases: then none is chosen)."""
    import json
    from importlib import resources

    data = json.loads(resources.files(__package__).joinpath("data", "ocr_phrases.json").read_text(encoding="utf-8"))
    by_bare: dict[str, list[str]] = {}
    for phrase in data["phrases"]:
        by_bare.setdefault("".join(map(_bare, phrase)), []).append(phrase)
    words = sorted(by_bare, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(w) for w in bare.split()) for bare in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I), by_bare


def _lost_marks_of(read: str, phrase: str) -> bool:
    """``read`` is ``phrase`` with some tone marks (or all marks) of its letters missing, and nothing else."""
    if len(read) != len(phrase):
        return False
    return all(a == b or a in (toneless(b), _bare(b)) for a, b in zip(read.lower(), phrase))


def _one_tone_off(read: str, phrase: str) -> bool:
    """``read`` is ``phrase`` of two words or more with one letter's tone read as another
    ("để nghị" for "đề nghị", "Kính để nghị"): the small strokes above a letter are what a
    scan blurs."""
    if len(read) != len(phrase) or " " not in phrase:
        return False
    off = [(a, b) for a, b in zip(read.lower(), phrase) if a != b]
    return len(off) == 1 and toneless(off[0][0]) == toneless(off[0][1])


# "để nghị quyết", "để nghị định": "để" (so that) before a resolution or a decree, read right
_COMPOUND_AFTER = re.compile(r"\s+(?:quyết|định)(?!\w)", re.I)


# "ƯBND": the U of the acronym read with a mark (a speck of the scan above it)
_MARKED_ACRONYM = re.compile(r"(?<!\w)[ƯỦÚÙỤŨỨỪ](?=BND(?!\w))")


def restore_marks(text: str) -> str:
    """OCR often reads a letter without its tone ("tô chức", "phôi hợp", "Giám đôc",
    "Quyêt định"), or, in a phrase of two words or more, one tone as another ("để nghị"):
    the phrases the extraction reads (duty verbs, titles, unit heads) get their marks back
    where the letters read are theirs with marks missing (or one tone off), and only one
    phrase fits. The case of each letter is kept."""
    text = _MARKED_ACRONYM.sub("U", text)
    pattern, by_bare = _phrases()
    bare = "".join(map(_bare, text))
    if len(bare) != len(text):
        return text  # (a letter that folds to two: never in Vietnamese text)
    out, at = [], 0
    for m in pattern.finditer(bare):
        read = text[m.start() : m.end()]
        spaced = re.sub(r"\s+", " ", m.group().lower())
        flat = re.sub(r"\s+", " ", read)
        fitting = [p for p in by_bare.get(spaced, ()) if _lost_marks_of(flat, p)]
        if not fitting and not _COMPOUND_AFTER.match(text, m.end()):
            fitting = [p for p in by_bare.get(spaced, ()) if _one_tone_off(flat, p)]
        if len(fitting) != 1 or re.sub(r"\s+", " ", read).lower() == fitting[0]:
            continue
        words = iter(fitting[0].split())
        mended = re.sub(r"\S+", lambda w: _same_case(next(words), w.group()), read)
        out.append(text[at : m.start()] + mended)
        at = m.end()
    return "".join(out) + text[at:]


def _same_case(word: str, like: str) -> str:
    return "".join(c.upper() if o.isupper() else c for c, o in zip(word, like))


def _rows(lines: list[list[dict]]) -> list[list[dict]]:
    """Tesseract's lines put side by side where they stand at the same height: the left and
    the right column of a header or signature block make one row, as in a text layer. A
    line joins the row it overlaps most in height (half the smaller height at least), if it
    does not overlap that row's words across; the row keeps the height of its first line,
    so that a tall "PHÓ CHỦ TỊCH" does not draw two Nơi nhận lines into one row."""
    rows: list[tuple[float, float, list[dict]]] = []
    for line in sorted(lines, key=lambda l: sum(w["top"] + w["bottom"] for w in l) / len(l)):
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        left, right = min(w["x0"] for w in line), max(w["x1"] for w in line)
        best, best_overlap = None, 0.0
        for index in range(max(0, len(rows) - 4), len(rows)):
            row_top, row_bottom, words = rows[index]
            overlap = min(row_bottom, bottom) - max(row_top, top)
            across = any(w["x0"] < right and left < w["x1"] for w in words)
            if not across and overlap >= 0.5 * min(row_bottom - row_top, bottom - top) and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is None:
            rows.append((top, bottom, list(line)))
        else:
            rows[best][2].extend(line)
    return [sorted(words, key=lambda w: w["x0"]) for _, _, words in rows]


_RULE_MARK = re.compile(r"[_=~]+")


def _speck(word: str, confidence: float) -> bool:
    """Not a word: nothing left of it, the rule under a header line ("_", "==", which would
    bridge its two columns), or a mark of the seal or the signature ("„", ":", "Ặ" at 27 %):
    one character that is no letter, digit or bullet, or two at most read with little confidence."""
    if not word or _RULE_MARK.fullmatch(word):
        return True
    if any(ch.isdigit() for ch in word):
        return False  # a number, however badly read ("2d" for a handwritten 2191), is kept
    return (len(word) == 1 and not word.isalnum() and word not in "-+•*") or (len(word) <= 2 and confidence < 30)


def _bar_as_letter(word: str) -> str:
    """A "|" in an OCR'd word is a misread "1" or "l" ("ngày 3|", "|ưu"), and alone a table
    rule: the layout keeps "|" for the cell boundaries it makes itself."""
    if "|" not in word:
        return word
    if not word.strip("|"):
        return ""
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch == "|":
            near = (chars[i - 1] if i else "") + (chars[i + 1] if i + 1 < len(chars) else "")
            chars[i] = "1" if any(c.isdigit() for c in near) else "l"
    return "".join(chars)
