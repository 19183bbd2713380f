"""The extraction record of ``../shared/eval/FORMAT.md``, as data classes.

It is the contract of ``directives extract --jsonl`` and the shape the database stores.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    encoding: str | None = None


@dataclass
class Record:
    source: Source
    symbol: str | None = None
    doc_type: str | None = None
    issued_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    # the trích yếu in the capitals it was printed in (``subject`` is then its sentence case,
    # symbols, bodies, provinces and abbreviations restored: nlp/case.py); None otherwise
    subject_printed: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    references: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    urgency: str | None = None  # Khẩn, Thượng khẩn, Hỏa tốc
    secrecy: str | None = None  # Mật, Tối mật, Tuyệt mật
    issuer_bodies: list[str] = field(default_factory=list)  # the header's bodies, top down
    # PDF: the digital signatures ({"signer", "signed_at"}), the pages read by OCR, the
    # fields whose value was read through OCR, and those taken from the signature instead
    signatures: list[dict[str, Any]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    read_by_ocr: list[str] = field(default_factory=list)
    from_signature: list[str] = field(default_factory=list)
    from_file_name: list[str] = field(default_factory=list)  # a number OCR could not read, from the file's name
    # the incoming stamp ("CÔNG VĂN ĐẾN / Số / Ngày", Nghị định 30/2020/NĐ-CP Phụ lục IV): the
    # receiving office's số đến and ngày đến (ISO), None where there is none or it cannot be read;
    # received_stamp says whose stamp it is and what on it could not be read
    received_number: str | None = None
    received_date: str | None = None
    received_stamp: dict[str, Any] | None = None
    text: str = field(default="", repr=False)  # normalised full text; not part of the JSON line

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data

    @property
    def year(self) -> int | None:
        return int(self.issued_date[:4]) if self.issued_date else None
