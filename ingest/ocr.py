"""OCR of scanned pages with Tesseract and its Vietnamese data.

Pages are rendered with pypdfium2 (which pdfplumber brings) at ``DPI`` and passed to the
``tesseract`` command, several pages at a time (each Tesseract run is single-threaded, so
one per core is the fastest use of the machine). ``bench/pdf.py`` measured the resolution:
200 dpi reads the header as well as 300 dpi (the same gold header words, fewer false numbers) in two thirds of the time.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from .document import ReadError

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


def read_pages(data: bytes, indexes: list[int], path: str, dpi: int = DPI) -> list[str]:
    """The text of the given pages (0-based) of a PDF, read by OCR, in the same order."""
    problem = available()
    if problem:
        raise ReadError(path, f"scanned PDF needs OCR, but {problem[0].lower()}{problem[1:]}")
    images = render(data, indexes, dpi)
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda png: recognise(png, path, dpi), images))


def render(data: bytes, indexes: list[int], dpi: int = DPI) -> list[bytes]:
    """PNG images of the given pages, in grey."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in indexes:
            bitmap = document[index].render(scale=dpi / 72, grayscale=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()


def recognise(png: bytes, path: str = "", dpi: int = DPI) -> str:
    """One page image to text."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(dpi), "--psm", "4", "tsv"],
            input=png,
            capture_output=True,
            timeout=PAGE_TIMEOUT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(path, f"OCR of a page took longer than {PAGE_TIMEOUT} s") from None
    if done.returncode != 0:
        raise ReadError(path, f"OCR failed: {done.stderr.decode('utf-8', 'replace').strip()[-200:]}")
    return words_to_text(done.stdout.decode("utf-8", "replace"), dpi)


def words_to_text(tsv: str, dpi: int = DPI) -> str:
    """Tesseract's words with their boxes, laid out like a text layer: the two columns of
    the header and the signature block are read one after the other (``pdf.layout_lines``)."""
    from .pdf import layout_lines, lines_of

    scale = 72 / dpi  # pixels to points, the unit the layout works in
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(v) * scale for v in cells[6:10])
        words.append({"text": cells[11].strip(), "x0": left, "x1": left + width, "top": top, "bottom": top + height})
    return "\n".join(layout_lines(lines_of(words)))
