"""Storing extraction records: one row per document, one per source file.

Identity is (normalised symbol, issuing body, year): the same symbol issued by two
provinces stays two documents; the same document received twice is one document with
two sources. A file already stored with the same content is skipped; a file whose
content changed replaces its old version. Every document is written in one
transaction, so a failure leaves nothing half-written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from ..ingest import ReadError, read_document, walk
from ..nlp.normalize import fold, symbol_key
from ..nlp.record import Record
from .schema import ensure_schema


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def identity(record: Record) -> str:
    """The duplicate key of Nghị định 30: symbol, issuing body, year; the content hash
    for a document without a symbol."""
    if record.symbol:
        return "|".join([symbol_key(record.symbol), fold(record.issuer or ""), str(record.year or "")])
    return "sha256:" + record.source.sha256


@dataclass
class Report:
    added: int = 0
    replaced: int = 0
    merged: int = 0
    skipped: int = 0
    failed: int = 0


class Store:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        ensure_schema(db)

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        return cls(sqlite_utils.Database(path))

    # -- one file -------------------------------------------------------------------

    def ingest_file(self, path: str) -> str:
        """Store one file; returns "added", "replaced", "merged" or "unchanged".
        Raises ReadError for a file that cannot be read."""
        from .. import extract_document

        resolved = str(Path(path).resolve())
        doc = read_document(path)
        existing = self._source_by_path(resolved)
        if existing and existing["sha256"] == doc.sha256:
            return "unchanged"
        try:
            record = extract_document(doc)
        except Exception as exc:
            raise ReadError(path, f"extraction failed: {type(exc).__name__}: {exc}") from None
        record.source.path = resolved
        with self.db.conn:  # one transaction: the document, its source, its old version
            if existing:
                self._drop_source(existing)
            outcome = self._put(record, doc.size)
            self.db.execute("DELETE FROM ingest_errors WHERE path = ?", [resolved])
        return "replaced" if existing else outcome

    def record_error(self, path: str, reason: str) -> None:
        resolved = str(Path(path).resolve())
        with self.db.conn:
            self.db.conn.execute(
                "INSERT INTO ingest_errors (path, reason, occurred_at) VALUES (?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET reason = excluded.reason, occurred_at = excluded.occurred_at",
                [resolved, reason, _now()],
            )

    def ingest_paths(
        self,
        paths: Iterable[str],
        on_error: Callable[[str, str], None] | None = None,
        on_stored: Callable[[str, str], None] | None = None,
    ) -> Report:
        report = Report()
        for path in walk(paths):
            try:
                outcome = self.ingest_file(path)
            except ReadError as exc:
                report.failed += 1
                self.record_error(path, exc.reason)
                if on_error:
                    on_error(path, exc.reason)
                continue
            if outcome == "unchanged":
                report.skipped += 1
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
            if on_stored:
                on_stored(path, outcome)
        return report

    # -- internals ------------------------------------------------------------------

    def _source_by_path(self, path: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM document_sources WHERE path = ?", [path]))
        return rows[0] if rows else None

    def _drop_source(self, source: dict) -> None:
        self.db.execute("DELETE FROM document_sources WHERE id = ?", [source["id"]])
        left = self.db.execute("SELECT count(*) FROM document_sources WHERE document_id = ?", [source["document_id"]]).fetchone()[0]
        if not left:
            self.db.execute("DELETE FROM documents WHERE id = ?", [source["document_id"]])

    def _put(self, record: Record, size: int) -> str:
        key = identity(record)
        found = list(self.db.query("SELECT id FROM documents WHERE identity = ?", [key]))
        now = _now()
        row = {
            "symbol": record.symbol,
            "symbol_key": symbol_key(record.symbol) or None,
            "doc_type": record.doc_type,
            "issued_date": record.issued_date,
            "year": record.year,
            "place": record.place,
            "issuer": record.issuer,
            "issuer_key": fold(record.issuer) or None,
            "subject": record.subject,
            "signer": record.signer,
            "signer_title": record.signer_title,
            "urgency": record.urgency,
            "secrecy": record.secrecy,
            "recipients": json.dumps(record.recipients, ensure_ascii=False),
            "references_json": json.dumps(record.references, ensure_ascii=False),
            "tasks_json": json.dumps(record.tasks, ensure_ascii=False),
            "issuer_bodies": json.dumps(record.issuer_bodies, ensure_ascii=False),
            "text": record.text,
            "search_folded": fold(" ".join(filter(None, [record.symbol, record.subject, record.issuer, record.text]))),
            "identity": key,
            "updated_at": now,
        }
        if found:
            document_id = found[0]["id"]
            outcome = "merged"
        else:
            row["created_at"] = now
            document_id = self._insert("documents", row)
            outcome = "added"
        self._insert(
            "document_sources",
            {
                "document_id": document_id,
                "path": record.source.path,
                "sha256": record.source.sha256,
                "format": record.source.format,
                "encoding": record.source.encoding,
                "size": size,
                "ingested_at": now,
            },
        )
        return outcome

    def _insert(self, table: str, row: dict) -> int:
        """Insert inside the caller's transaction. (sqlite-utils' own insert commits, which
        would split a document's writes.) Names are this module's constants; values are bound."""
        names = ", ".join(f"[{name}]" for name in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", list(row.values()))
        return cursor.lastrowid
