"""directives: read Vietnamese government directives, extract, store and link them.

The library mirrors the command line: :func:`extract_file` is ``directives extract``,
:func:`directives.db.store.ingest_paths` is ``directives ingest``.
"""
from __future__ import annotations

from .nlp.extract import extract_text
from .nlp.record import Record, Source
from .ingest import RawDocument, ReadError, read_document

__version__ = "0.1.0"


def extract_document(doc: RawDocument) -> Record:
    fields = extract_text(doc.text)
    record = Record(source=Source(path=doc.path, sha256=doc.sha256, format=doc.format, encoding=doc.encoding))
    for name, value in vars(fields).items():
        setattr(record, name, value)
    return record


def extract_file(path: str) -> Record:
    """Read and extract one file; raises :class:`ReadError` when it cannot be read."""
    return extract_document(read_document(path))


__all__ = ["extract_file", "extract_document", "Record", "Source", "ReadError", "__version__"]
