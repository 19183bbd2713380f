"""directives: read Vietnamese government directives, extract, store and link them.

The library mirrors the command line: :func:`extract_file` is ``directives extract``,
:func:`directives.run.ingest` is ``directives ingest``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ingest import RawDocument
    from .nlp.record import Record

__version__ = "0.1.0"


def __getattr__(name: str):
    """``Record``, ``Source`` and ``ReadError`` on first use: importing the package (for
    ``directives trace``, say) does not load the extractor."""
    if name in ("Record", "Source"):
        from .nlp import record

        return getattr(record, name)
    if name == "ReadError":
        from .ingest import ReadError

        return ReadError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_document(doc: RawDocument) -> Record:
    from .nlp.evidence import number_from_name, pdf_evidence
    from .nlp.extract import extract_text
    from dataclasses import fields as dataclass_fields

    from .nlp.record import Record, Source

    fields = extract_text(doc.text)
    record = Record(**{f.name: getattr(fields, f.name) for f in dataclass_fields(Record)})  # without the working note
    record.source = Source(path=doc.path, sha256=doc.sha256, format=doc.format, encoding=doc.encoding)
    if doc.pages:
        pdf_evidence(record, doc.pages, doc.signatures)  # OCR against the signature (nlp/evidence.py)
    number_from_name(record, doc.path, fields.symbol_codes)
    return record


def extract_file(path: str, ocr: str = "auto") -> Record:
    """Read and extract one file; raises :class:`ReadError` when it cannot be read."""
    from .ingest import read_document

    return extract_document(read_document(path, ocr=ocr))


__all__ = ["extract_file", "extract_document", "Record", "Source", "ReadError", "__version__"]
