"""The SQLite schema: documents, their source files, ingest errors, and full-text search.

Search must find words with or without diacritics. FTS5's ``remove_diacritics 2`` folds
"Nẵng" to "nang" but keeps "đ", so a folded copy of the searchable text (``search_folded``,
"da nang", "quyet dinh") is indexed beside the original.
"""
from __future__ import annotations

import sqlite_utils

FTS_COLUMNS = ["symbol", "subject", "issuer", "text", "search_folded"]
TOKENIZE = "unicode61 remove_diacritics 2"


def ensure_schema(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if "documents" not in db.table_names():
        db["documents"].create(
            {
                "id": int,
                "symbol": str,
                "symbol_key": str,
                "doc_type": str,
                "issued_date": str,
                "year": int,
                "place": str,
                "issuer": str,
                "issuer_key": str,
                "subject": str,
                "signer": str,
                "signer_title": str,
                "urgency": str,
                "secrecy": str,
                "recipients": str,
                "references_json": str,
                "tasks_json": str,
                "issuer_bodies": str,
                "text": str,
                "search_folded": str,
                "identity": str,
                "created_at": str,
                "updated_at": str,
            },
            pk="id",
        )
        db["documents"].create_index(["identity"], unique=True)
        db["documents"].create_index(["symbol_key"])
        db["documents"].create_index(["doc_type"])
        db["documents"].create_index(["issued_date"])
        db["documents"].enable_fts(FTS_COLUMNS, fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True)
    if "document_sources" not in db.table_names():
        db["document_sources"].create(
            {
                "id": int,
                "document_id": int,
                "path": str,
                "sha256": str,
                "format": str,
                "encoding": str,
                "size": int,
                "ingested_at": str,
            },
            pk="id",
            foreign_keys=[("document_id", "documents", "id")],
        )
        db["document_sources"].create_index(["path"], unique=True)
        db["document_sources"].create_index(["sha256"])
        db["document_sources"].create_index(["document_id"])
    if "ingest_errors" not in db.table_names():
        db["ingest_errors"].create(
            {"id": int, "path": str, "sha256": str, "reason": str, "occurred_at": str},
            pk="id",
        )
        db["ingest_errors"].create_index(["path"], unique=True)
