"""Vietnamese text normalisation and extraction of directive records.

``extract_text``, ``Record`` and ``Source`` load on first use, so that a module that needs
only ``nlp.normalize`` (the database, the command line's trace) does not load the extractor."""

__all__ = ["extract_text", "Record", "Source"]


def __getattr__(name: str):
    if name == "extract_text":
        from .extract import extract_text

        return extract_text
    if name in ("Record", "Source"):
        from . import record

        return getattr(record, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
