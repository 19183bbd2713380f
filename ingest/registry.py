"""Which reader reads a file: by its content first, then by its name."""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .doc import DocFormatError, read_doc
from .document import RawDocument, ReadError
from .docx import read_docx
from .encoding import NotText, decode, fix_legacy
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
MAX_BYTES = 100 * 1024 * 1024  # the default of --max-size
# Extraction time grows with the text: the longest law runs to about a million characters;
# a text many times that is not one document (a dump, a log) and would take minutes.
MAX_TEXT_CHARACTERS = 5_000_000


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


def read_document(path: str | os.PathLike, ocr: str = "auto", max_pages: int | None = None) -> RawDocument:
    """Read one file; raise :class:`ReadError` with a plain reason when it cannot be read.
    ``ocr`` says when scanned PDF pages are read by OCR: auto (pages without text), always, never."""
    name = str(path)
    return read_bytes(name, load(name), ocr, max_pages)


def load(path: str | os.PathLike, max_size: int | None = MAX_BYTES) -> bytes:
    """The bytes of a file, or :class:`ReadError` saying why not (checked before reading:
    a file over ``max_size`` bytes is not read at all)."""
    p = Path(path)
    name = shown(path)
    try:
        if not p.exists():
            raise ReadError(name, "broken symbolic link" if p.is_symlink() else "no such file")
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ReadError(name, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):  # never opened: a named pipe would block the reader
            raise ReadError(name, not_regular(st))
        size = st.st_size
        if size == 0:
            raise ReadError(name, "the file is empty")
        if max_size and size > max_size:
            raise ReadError(name, f"the file is too large ({_mb(size)}; the limit is {_mb(max_size)}, --max-size)")
        return p.read_bytes()
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except RuntimeError:  # Path.exists() on some versions: "Symlink loop"
        raise ReadError(name, "symbolic link loop") from None
    except OSError as exc:
        raise ReadError(name, os_reason(exc, path)) from None


def shown(path: str | os.PathLike) -> str:
    """A path as it can be printed and stored: the bytes of a name that is not UTF-8 (made
    on a system with another encoding) written as escapes, ``bad\\xff.md``."""
    name = os.fsdecode(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return os.fsencode(name).decode("utf-8", "backslashreplace")
        except UnicodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def name_problem(path: str | os.PathLike) -> str | None:
    """Why a path cannot be stored as it is named (its name is not UTF-8 text), or None."""
    if shown(path) != os.fsdecode(path):
        return "the file name is not UTF-8 text (bytes of another encoding, shown escaped): rename the file"
    return None


def not_regular(st: os.stat_result) -> str:
    """The reason a named pipe, socket or device is not read."""
    kinds = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")]
    kind = next((word for test, word in kinds if test(st.st_mode)), "not a file")
    return f"not a regular file ({kind})"


def os_reason(exc: OSError, path: str | os.PathLike = "") -> str:
    """An error of the system's about a path in plain words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EACCES:
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return f"the path is longer than the system allows ({len(os.fsencode(path))} bytes)" if path else "the path is longer than the system allows"
    return f"cannot be read ({exc.strerror or exc})"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_bytes(name: str, data: bytes, ocr: str = "auto", max_pages: int | None = None) -> RawDocument:
    """Read a file's bytes (``name`` gives its extension and the name in errors): the work of
    :func:`read_document` without the disk, so it runs where the bytes were sent."""
    p = Path(name)
    size = len(data)
    if size == 0:
        raise ReadError(name, "the file is empty")
    fmt = sniff(p, data[:4096])
    if fmt is None:
        raise ReadError(name, f"format not supported ({p.suffix or 'no extension'}); readable formats: txt, md, html, pdf, docx, doc, rtf")
    raw = RawDocument(path=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), text="", size=size)
    if fmt == "pdf":
        pdf = read_pdf(data, name, ocr, max_pages)
        raw.ocr_seconds = pdf.ocr_seconds
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
        try:
            text, raw.encoding = decode(data)
        except NotText as exc:
            raise ReadError(name, str(exc)) from None
        if len(text) > MAX_TEXT_CHARACTERS:
            raise ReadError(name, f"the text is too long for one document ({len(text) / 1e6:.1f} million characters; the limit is {MAX_TEXT_CHARACTERS / 1e6:g} million)")
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
    """Every file named or under a named folder, sorted, hidden files left out (what
    :func:`scan` finds, without the paths it could not look into)."""
    for path, problem in scan(paths):
        if problem is None:
            yield path


def scan(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str | None]]:
    """(path, None) for every file named or under a named folder, sorted, hidden files left
    out; (path, reason) for what cannot be looked into or stored: a folder that cannot be
    listed, a broken link, a link loop, a path longer than the system allows, a named pipe,
    socket or device (never opened), a name that is not UTF-8. A linked folder is followed once: a link back to a folder
    being walked, or to one already walked, is reported; each file is given once."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()

    def key(st: os.stat_result) -> tuple[int, int]:
        return (st.st_dev, st.st_ino)

    def problem_of(path: str) -> tuple[os.stat_result | None, str | None]:
        try:
            return os.stat(path), None
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return None, f"broken symbolic link (to {shown(os.readlink(path))})" if os.path.islink(path) else "no such file or folder"
            return None, os_reason(exc, path)

    def folder(path: str, st: os.stat_result, ancestors: frozenset) -> Iterator[tuple[str, str | None]]:
        if key(st) in ancestors:
            yield path, "symbolic link loop (links back to a folder that contains it)"
            return
        if key(st) in seen_dirs:
            yield path, "symbolic link to a folder already read: its files are read once, under their other path"
            return
        seen_dirs.add(key(st))
        try:
            with os.scandir(path) as listing:
                entries = sorted((e.name for e in listing if not e.name.startswith(".")))
        except OSError as exc:
            reason = os_reason(exc, path)
            yield path, reason if exc.errno == errno.ENAMETOOLONG else f"the folder {reason}"
            return
        inside = ancestors | {key(st)}
        for name in entries:
            yield from entry(os.path.join(path, name), inside)

    def entry(path: str, ancestors: frozenset) -> Iterator[tuple[str, str | None]]:
        st, problem = problem_of(path)
        if problem:
            yield path, problem
        elif stat.S_ISDIR(st.st_mode):
            yield from folder(path, st, ancestors)
        elif not stat.S_ISREG(st.st_mode):  # not opened: a named pipe would block
            yield path, not_regular(st)
        elif key(st) not in seen_files:
            seen_files.add(key(st))
            yield path, name_problem(path)

    for path in paths:
        yield from entry(str(path), frozenset())
