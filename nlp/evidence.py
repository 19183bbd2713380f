"""Evidence outside a document's text: which fields OCR read, and what mends them.

A scanned PDF's fields come from OCR, which misreads. The file holds two more witnesses: its
digital signatures (the body that signed, the time; a person's own signature) and the name the
office gave it ("47 QĐ UB.signed.pdf"). These rules mark the fields OCR read (``read_by_ocr``)
and let the witnesses stand in for a field OCR could not read or read wrong (``from_signature``,
``from_file_name``). They are extraction rules, so they live with the extractor;
``directives.extract_document`` applies them to the record of a file it has read.
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .file_name import number_from_file_name
from .normalize import fold
from .signature import mend_surname
from .tables import surnames

if TYPE_CHECKING:
    from .record import Record

# the fields printed on the first page (the header) and on the last (the signature)
_HEADER_FIELDS = ("symbol", "doc_type", "issued_date", "place", "issuer", "subject")
_SIGNATURE_FIELDS = ("signer", "signer_title", "recipients")

# Bodies that sign a document again when they publish it (the provincial Công báo, the
# Government portal): their signature says nothing of the issuer.
_PUBLISHER = re.compile(r"công báo|cổng thông tin|tin học|thông tin điện tử", re.I)


def number_from_name(record: Record, path: str, unread_codes: str | None) -> None:
    """The office's name for a scan ("47 QĐ UB.signed.pdf") gives the number OCR could not
    read ("Số: 4+†‡ /QĐ-UBND"), or read as other clean digits ("4" from a handwritten 24):
    OCR reads handwriting worst. A number from a text layer stands as printed."""
    if record.symbol is None and unread_codes:
        read, codes = None, unread_codes
    elif record.symbol and "symbol" in record.read_by_ocr and "/" in record.symbol:
        read, codes = record.symbol.split("/", 1)
    else:
        return
    number = number_from_file_name(path, codes)
    if number and number != read:
        record.symbol = f"{number}/{codes}"
        if "symbol" in record.read_by_ocr:
            record.read_by_ocr.remove("symbol")
        record.from_file_name.append("symbol")


def pdf_evidence(record: Record, pages: list, signatures: list) -> None:
    """Say which fields OCR read, and let the signature stamp check them: the signing body
    and time stand in for an issuer or a date that OCR could not read, or read wrong.
    ``pages``: (number, read by OCR, ...) per page; ``signatures``: (signer, signed at)."""
    record.ocr_pages = [number for number, ocr, _ in pages if ocr]
    record.signatures = [{"signer": signer, "signed_at": at} for signer, at in signatures]
    if record.ocr_pages:
        first, last = pages[0][0], pages[-1][0]
        names = (_HEADER_FIELDS if first in record.ocr_pages else ()) + (_SIGNATURE_FIELDS if last in record.ocr_pages else ())
        record.read_by_ocr = [n for n in names if getattr(record, n)]
        if "signer" in record.read_by_ocr:
            record.signer = mend_surname(record.signer)
    people = [s for s in signatures if s[0] and _is_person(s[0])]
    if record.signer is None and people:
        record.signer = people[0][0]
        record.from_signature.append("signer")
    stamp = next((s for s in signatures if s[0] and not _is_person(s[0]) and not _PUBLISHER.search(s[0])), None)
    if stamp is None:
        return
    signer, signed_at = stamp
    if signed_at and (record.issued_date is None or ("issued_date" in record.read_by_ocr and not _plausible(record.issued_date, signed_at[:10]))):
        # no date, or an OCR'd one that cannot be right for the day it was signed: the signature's day
        if "issued_date" in record.read_by_ocr:
            record.read_by_ocr.remove("issued_date")
        record.issued_date = signed_at[:10]
        record.from_signature.append("issued_date")
    header_by_ocr = "issuer" in record.read_by_ocr
    if header_by_ocr and record.issuer != signer and _squashed(record.issuer) == _squashed(signer):
        # "Ủy Bannhândân tinh quảng ngãi": the body that signed, as OCR spelled it
        record.read_by_ocr.remove("issuer")
        record.issuer = signer
        record.from_signature.append("issuer")
    elif record.issuer is None or (header_by_ocr and _overlap(fold(record.issuer), fold(signer)) < 0.5):
        if record.issuer is not None and "issuer" in record.read_by_ocr:
            record.read_by_ocr.remove("issuer")
        record.issuer = signer
        record.from_signature.append("issuer")


def _is_person(name: str) -> bool:
    """A personal signature ("Phùng Tô Long"), not a body's ("Ủy ban nhân dân tỉnh ...")."""
    words = name.split()
    return 2 <= len(words) <= 5 and words[0].lower() in surnames() and all(w[:1].isupper() for w in words)


def _plausible(dated: str, signed: str) -> bool:
    """Whether a document dated ``dated`` (as OCR read it) can have been signed on ``signed``:
    the office signs a document on its date or some days after it (two to three weeks is
    seen), never before it, and not months after."""
    try:
        lag = (date.fromisoformat(signed) - date.fromisoformat(dated)).days
    except ValueError:
        return True
    return 0 <= lag <= 31


def _squashed(name: str) -> str:
    return "".join(fold(name).split())


def _overlap(a: str, b: str) -> float:
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / max(1, min(len(ta), len(tb)))
