"""What a reader hands to extraction."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    path: str
    format: str  # txt | md | html | pdf | docx | doc
    sha256: str
    text: str
    encoding: str | None = None
    size: int = 0
    # PDF only: (page number, read by OCR, text) of each page; (signer, signed at) of each signature
    pages: list[tuple[int, bool, str]] = field(default_factory=list)
    signatures: list[tuple[str | None, str | None]] = field(default_factory=list)
    ocr_seconds: float = 0.0  # of the time reading took, what OCR took


class ReadError(Exception):
    """A file that cannot be read, with the reason in plain words."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # crosses from worker processes intact
        return (type(self), (self.path, self.reason))
