"""Vietnamese text normalisation and extraction of directive records."""
from .extract import extract_text
from .record import Record, Source

__all__ = ["extract_text", "Record", "Source"]
