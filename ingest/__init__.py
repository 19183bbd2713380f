"""Readers: a file in, its text out, with the cell boundaries of its tables kept.

``read_document(path)`` picks the reader by the file's content and name and raises
:class:`ReadError` (naming the file and a plain reason) when it cannot read it.
"""
from .document import RawDocument, ReadError
from .registry import SUPPORTED, load, read_bytes, read_document, scan, walk

__all__ = ["RawDocument", "ReadError", "read_document", "read_bytes", "load", "scan", "walk", "SUPPORTED"]
