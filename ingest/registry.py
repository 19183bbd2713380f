"""Which reader reads a file: by its content first, then by its name."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .doc import DocFormatError, read_doc
from .document import RawDocument, ReadError
from .docx import read_docx
from .encoding import decode, fix_legacy
from .html import read_html
from .pdf import read_pdf
from .rtf import read_rtf
from .text import read_markdown, read_text

SUPPORTED = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".rtf": "rtf",
}
_LATER = {".odt": "odt"}
_READERS: dict[str, Callable[[str], str]] = {"txt": read_text, "md": read_markdown, "html": read_html}
OCR_MODES = ("auto", "always", "never")
MAX_BYTES = 200 * 1024 * 1024


def sniff(path: Path, head: bytes) -> str | None:
    """The format of a file from its first bytes, else from its name."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if path.suffix.lower() in {".docx", ".docm", ""} else "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    suffix = path.suffix.lower()
    lowered = head[:2048].lower().lstrip()
    if suffix not in {".md", ".markdown"} and (
        lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:512] or (suffix == ".doc" and b"<" in lowered[:1])
    ):
        return "html"
    return SUPPORTED.get(suffix) or _LATER.get(suffix)


def read_document(path: str | os.PathLike, ocr: str = "auto") -> RawDocument:
    """Read one file; raise :class:`ReadError` with a plain reason when it cannot be read.
    ``ocr`` says when scanned PDF pages are read by OCR: auto (pages without text), always, never."""
    p = Path(path)
    name = str(path)
    try:
        if not p.exists():
            raise ReadError(name, "no such file")
        if p.is_dir():
            raise ReadError(name, "is a folder, not a file")
        size = p.stat().st_size
        if size == 0:
            raise ReadError(name, "the file is empty")
        if size > MAX_BYTES:
            raise ReadError(name, f"the file is too large ({size // (1024 * 1024)} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB)")
        data = p.read_bytes()
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read ({exc.strerror or exc})") from None
    fmt = sniff(p, data[:4096])
    if fmt is None:
        raise ReadError(name, f"format not supported ({p.suffix or 'no extension'}); readable formats: txt, md, html, pdf, docx, doc, rtf")
    raw = RawDocument(path=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), text="", size=size)
    if fmt == "pdf":
        pdf = read_pdf(data, name, ocr)
        raw.text = pdf.text
        raw.pages = [(page.number, page.ocr, page.text) for page in pdf.pages]
        raw.signatures = [(s.signer, s.signed_at) for s in pdf.signatures]
    elif fmt in ("doc", "docx"):
        try:
            raw.text = read_doc(data) if fmt == "doc" else read_docx(data)
        except DocFormatError as exc:
            raise ReadError(name, str(exc)) from None
        except Exception as exc:
            raise ReadError(name, f"cannot be parsed as {fmt}: {type(exc).__name__}: {exc}") from None
    elif fmt == "rtf":
        try:
            raw.text, raw.encoding = read_rtf(data)
        except Exception as exc:
            raise ReadError(name, f"cannot be parsed as rtf: {type(exc).__name__}: {exc}") from None
    elif fmt in _READERS:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and data[1:2] != b"\x00":
            raise ReadError(name, "binary content in a text file")
        text, raw.encoding = decode(data)
        try:
            raw.text = _READERS[fmt](text)
        except Exception as exc:  # a parser failure is the file's fault, not the batch's
            raise ReadError(name, f"cannot be parsed as {fmt}: {exc}") from None
    else:
        raise ReadError(name, f"format not supported ({fmt}); readable formats: txt, md, html, pdf, docx, doc, rtf")
    legacy = None
    if raw.encoding == "windows-1258":
        # legacy fonts are defined on Windows-1252 bytes: look through that code page first
        legacy = fix_legacy(_READERS[fmt](data.decode("cp1252", errors="replace")))
    legacy = legacy or fix_legacy(raw.text)
    if legacy:  # typed in TCVN3 (ABC) or VNI fonts: garbled Latin-1 letters
        raw.text, raw.encoding = legacy
    if not raw.text.strip():
        raise ReadError(name, "no text in the file")
    return raw


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Every file named or under a named folder, sorted, hidden files left out."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield str(Path(root) / f)
        else:
            yield str(path)
