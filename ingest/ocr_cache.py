"""Tesseract's reading of a page image, kept on disk when ``DIRECTIVES_OCR_CACHE`` names a
folder: extracting the same scans again (a benchmark, a re-run after a rule changed) then
reads each page once. What comes after Tesseract (the layout, the mark repairs, the rules)
still runs every time, so a change there is seen at once.

The key is the page image itself (its pixels, size and mode) with the page segmentation mode,
the resolution, the language and Tesseract's version: a page rendered differently, or read by
another Tesseract, is read again. Off by default: nothing is written unless asked.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

ENVIRONMENT = "DIRECTIVES_OCR_CACHE"


def folder() -> Path | None:
    """The cache folder the environment names, or None when there is no cache."""
    value = os.environ.get(ENVIRONMENT, "").strip()
    return Path(value).expanduser() if value else None


def key(image, *settings: object) -> str:
    """A hex digest of the image (PIL or encoded bytes) and the settings that change its reading."""
    digest = hashlib.sha256()
    if isinstance(image, (bytes, bytearray)):
        digest.update(b"bytes\0" + bytes(image))
    else:
        digest.update(f"{image.mode}\0{image.size[0]}x{image.size[1]}\0".encode())
        digest.update(image.tobytes())
    for setting in settings:
        digest.update(b"\0" + str(setting).encode())
    return digest.hexdigest()


def _file(root: Path, digest: str) -> Path:
    return root / digest[:2] / f"{digest}.tsv"


def get(digest: str) -> str | None:
    """The reading kept under ``digest``, or None (no cache, not kept, or unreadable)."""
    root = folder()
    if root is None:
        return None
    try:
        return _file(root, digest).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def put(digest: str, tsv: str) -> None:
    """Keep a reading; written whole or not at all (another process may read it meanwhile).
    A cache that cannot be written is skipped: the reading itself is never lost for it."""
    root = folder()
    if root is None:
        return
    target = _file(root, digest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, suffix=".part", delete=False) as out:
            out.write(tsv)
        os.replace(out.name, target)
    except OSError:
        try:
            os.unlink(out.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass


def png_bytes(image) -> bytes:
    """The image as PNG bytes (what the ``tesseract`` command is given)."""
    if isinstance(image, (bytes, bytearray)):
        return bytes(image)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
