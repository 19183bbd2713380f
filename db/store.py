"""Storing extraction records: one row per document, one per source file, one per link.

Identity (``db/identity.py``) is (normalised symbol, issuing body's locality, year): the same
symbol issued by two provinces stays two documents; the same document received twice is
one document with two sources. A file already stored with the same content is skipped; a
file whose content changed replaces its old version.

Every reference becomes a link. A cited document not yet stored is a placeholder row;
when the document itself arrives, the placeholder becomes it and keeps its links, so the
graph is the same whatever order files come in. Every document is written all or nothing
(a savepoint), so a failure leaves nothing half-written; a batch commits about once a second.

This module stores a record already read and extracted; it neither reads files nor runs
workers: the batch run that does (``directives/run.py``) calls :meth:`Store.unchanged`,
:meth:`Store.save`, :meth:`Store.record_error` inside :meth:`Store.batch`, the whole run
inside :meth:`Store.writing` (one batch run at a time on a database).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ..nlp.normalize import fold
from ..nlp.record import Record
from ..nlp.secrecy import SECRET_MARKS
from . import identity as ident
from . import laws, placeholders, status
from ..nlp.issuer import normal_case
from .organizations import Organization
from .rows import TASK_COLUMNS, Rows, rows_for
from . import connect as connection
from .connect import connect
from .schema import READING_ONLY_COLUMNS, check_schema, ensure_schema, search_folded


def _completeness(row: dict, tasks: list[dict]) -> tuple:
    """How complete a reading of a document is, to choose among several files of it by a
    fixed rule: a text layer before OCR, then more header fields, references, tasks,
    recipients and text; last the content itself, so that the choice never depends on the
    order the files came in. ``tasks``: its rows of the tasks table (TASK_COLUMNS), as
    ``rows_for`` makes them for a new reading and as stored for the one in the database."""
    fields = ("symbol", "doc_type", "issued_date", "place", "issuer", "subject", "signer", "signer_title")
    references, recipients = (len(json.loads(row.get(name) or "[]")) for name in ("references_json", "recipients"))
    return (
        not json.loads(row.get("read_by_ocr") or "[]"),
        sum(bool(row.get(name)) for name in fields),
        references,
        len(tasks),
        recipients,
        len(row.get("text") or ""),
        json.dumps([row.get(name) for name in (*fields, "text", "references_json")] + [[t.get(c) for c in TASK_COLUMNS] for t in tasks]
                   + [row.get("recipients")], ensure_ascii=False),
    )


def _spelling(name: str, locality: str | None = None) -> tuple:
    """Which of two spellings of one name is kept: one that knows its locality, then one
    written as Nghị định 30/2020/NĐ-CP capitalises a body's name (``issuer.normal_case``:
    "Cục Hải quan", "Sở Công Thương", not "Cục hải quan" nor "Sở Tài Chính"), then the fewer
    capitals, then the first in order: the same whatever order the documents came in."""
    return (locality is None, name != _by_the_rule(name), sum(c.isupper() for c in name), name)


@lru_cache(maxsize=8192)
def _by_the_rule(name: str) -> str:
    return normal_case(name.upper())


_DEGREES = {fold(mark): degree for degree, mark in enumerate(SECRET_MARKS, 1)}  # Mật 1, Tối mật 2, Tuyệt mật 3


def _secrecy_rank(mark: str | None) -> float:
    """How secret a mark is: none, then any mark ``nlp.secrecy`` does not list (a mark is
    taken as secret rather than not), then its degrees, lowest first."""
    if not mark or not mark.strip():
        return 0
    return _DEGREES.get(fold(mark.strip()), 0.5)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _where(path: str) -> str:
    """The absolute path a failure is recorded under: resolved, except a link itself (a loop,
    a broken link, a link to a folder already read) is named as the link."""
    p = Path(path)
    try:
        if p.is_symlink():
            return str(p.parent.resolve() / p.name)
        return str(p.resolve())
    except (OSError, RuntimeError):  # a path longer than the system allows, a loop
        return os.path.abspath(path)


WRITER_CACHE_KB = 65536


class Store:
    def __init__(self, db: sqlite_utils.Database, readonly: bool = False):
        self.db = db
        self._batching = False
        self.readonly = readonly
        self.immutable = False  # opened as immutable: a read-only folder (see db/connect.py)
        if readonly:
            check_schema(db)  # reading writes nothing: no tables made, no upgrade, no WAL switch
            return
        ensure_schema(db)
        status.fill_missing(db.conn)  # a database upgraded from before the status: each document's, once
        # Write-ahead log: Datasette reads while a batch writes, and a commit costs no fsync
        # (synchronous=NORMAL). A crash still never leaves a document half-written; a power cut
        # may lose the last few committed documents, which a re-run stores again.
        if db.conn.execute("PRAGMA database_list").fetchone()[2]:
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
            # the indexes a document's rows go into (tasks, links, the search index) are spread
            # over a file that grows with the archive: 64 MB of pages kept rather than 2 MB
            db.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> "Store":
        """The store in ``path``; ``readonly`` for trace, tasks and serve. Raises SchemaError
        for a file that is not SQLite, another program's database, or another schema."""
        conn, immutable = connect(path, readonly)
        store = cls(sqlite_utils.Database(conn), readonly)
        store.immutable = immutable
        return store

    # -- what a batch run asks of the store (directives/run.py) --------------------------

    def unchanged(self, path: str) -> bool:
        """Whether the file at ``path`` is stored already with the same content (False when
        it cannot be read: reading it then says why)."""
        try:
            if not Path(path).is_file():  # a named pipe is never opened: it would block
                return False
            existing = self._source_by_path(str(Path(path).resolve()))
            return existing is not None and existing["sha256"] == _sha256(path)
        except (OSError, RuntimeError, UnicodeEncodeError):
            return False

    def record_error(self, path: str, reason: str) -> None:
        resolved = _where(path)
        with self.db.conn:
            self.db.conn.execute(
                "INSERT INTO ingest_errors (path, reason, occurred_at) VALUES (?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET reason = excluded.reason, occurred_at = excluded.occurred_at",
                [resolved, reason, _now()],
            )

    def save(self, record: Record, size: int, rows: Rows | None = None) -> str:
        """Store one extracted record (``rows``: what the workers made of it, else made here),
        all or nothing, in place of an earlier version of its file; returns "added",
        "replaced" or "merged" (another file of a document already stored)."""
        record.source.path = str(Path(record.source.path).resolve())
        existing = self._source_by_path(record.source.path)
        with self._document():  # all or nothing: the document, its source, its links, its old version
            if existing:
                self._drop_source(existing)
            outcome = self._put(record, size, rows)
            self.db.execute("DELETE FROM ingest_errors WHERE path = ?", [record.source.path])
        return "replaced" if existing else outcome

    @contextmanager
    def writing(self):
        """Hold the database for one batch run from its first look to its last commit: a
        second run on the same file waits up to ``connect.BUSY_TIMEOUT`` seconds, then
        raises "database is locked" (the command line's one line). Without it two runs of
        the same files interleaved their commits, each reading and replacing what the other
        had just stored, and one could abort: SQLite refuses at once, without waiting, a
        write in a transaction begun on a snapshot another writer has changed since. An
        advisory lock (flock) on the database file itself, which SQLite's own locks
        (fcntl byte ranges) do not touch; it goes with the process, however it ends."""
        import fcntl

        name = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        if not name:  # in memory: nobody else can write to it
            yield
            return
        fd = os.open(name, os.O_RDONLY)
        try:
            deadline = time.monotonic() + connection.BUSY_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise sqlite3.OperationalError("database is locked") from None
                    time.sleep(0.1)
            yield
        finally:
            os.close(fd)  # releases the lock

    @contextmanager
    def _document(self):
        """A savepoint around one document's writes: released into the batch's transaction
        when there is one (see :meth:`batch`), committed at once when there is none."""
        conn = self.db.conn
        if self._batching and not conn.in_transaction:
            conn.execute("BEGIN")
        conn.execute("SAVEPOINT document")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
            laws.forget()  # the laws known with this document's pairs: read again
            raise
        conn.execute("RELEASE document")

    @contextmanager
    def batch(self, seconds: float = 1.0):
        """Commit the documents of a batch together, about once a ``seconds``: the search index
        writes one segment per commit, so a commit per document cost a third of the writing.
        Each document is still all or nothing (a savepoint); on any error, or at the end, what
        was stored is committed. Yields a function to call after each document."""
        conn = self.db.conn
        last = time.monotonic()

        def tick() -> None:
            nonlocal last
            if time.monotonic() - last >= seconds:
                if conn.in_transaction:
                    conn.commit()
                last = time.monotonic()

        self._batching = True
        try:
            yield tick
        finally:
            self._batching = False
            if conn.in_transaction:
                conn.commit()

    # -- internals ------------------------------------------------------------------

    def _source_by_path(self, path: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM document_sources WHERE path = ?", [path]))
        return rows[0] if rows else None

    def _drop_source(self, source: dict) -> None:
        """Forget one source file; a document left without sources goes, or becomes a
        placeholder again if other documents cite it."""
        self.db.execute("DELETE FROM document_sources WHERE id = ?", [source["id"]])
        document_id = source["document_id"]
        left = self.db.execute("SELECT count(*) FROM document_sources WHERE document_id = ?", [document_id]).fetchone()[0]
        if left:
            self._mark(document_id)  # the mark of the files left
            return
        targets = [row[0] for row in self.db.execute("SELECT target_id FROM document_links WHERE source_id = ?", [document_id])]
        self.db.execute("DELETE FROM document_links WHERE source_id = ?", [document_id])
        laws.forget()  # a pair it tied may be gone: the next merge reads every law placeholder
        self.db.execute("DELETE FROM tasks WHERE document_id = ?", [document_id])
        self.db.execute("DELETE FROM document_recipients WHERE document_id = ?", [document_id])
        if self._cited(document_id):
            emptied = ", ".join(f"[{column}] = NULL" for column in READING_ONLY_COLUMNS)  # the schema's names
            self.db.execute(f"UPDATE documents SET placeholder = 1, {emptied} WHERE id = ?", [document_id])
        else:
            self.db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        if self._cited(document_id):
            targets.append(document_id)  # a placeholder again: its fields from its citations
        self._settle(targets)
        laws.name_nodes(self.db.conn, targets)  # a law's name, from the citations left
        status.refresh(self.db.conn, [*targets, document_id])  # its acts on others are gone with it

    def _mark(self, document_id: int) -> None:
        """A document is as secret as the most secret of its files, whichever reading gives
        its other fields (an unmarked copy of a secret plan must not make it public)."""
        marks = [m for (m,) in self.db.conn.execute("SELECT secrecy FROM document_sources WHERE document_id = ?", [document_id])]
        strongest = max(marks, key=_secrecy_rank, default=None)
        now = self.db.conn.execute("SELECT secrecy FROM documents WHERE id = ?", [document_id]).fetchone()
        if now is not None and _secrecy_rank(now[0]) != _secrecy_rank(strongest):
            self._update("documents", document_id, {"secrecy": strongest})  # rare: the search index reads the row again
            # what a visitor may know of the documents it acts on, and of itself, changed
            status.refresh(self.db.conn, status.affected(self.db.conn, document_id))

    def _cited(self, document_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM document_links WHERE target_id = ? LIMIT 1", [document_id]).fetchone() is not None

    def _put(self, record: Record, size: int, rows: Rows | None = None) -> str:
        rows = rows or rows_for(record)
        me = rows.identity
        now = _now()
        # issuer_id set here, not by an UPDATE after: every UPDATE makes the search index read the text again
        issuer_id = self._organization(rows.issuer) if rows.issuer else None
        row = {**rows.document, "updated_at": now, "issuer_id": issuer_id, "issuer_body": self._body_name(issuer_id)}
        found = self._find(me)
        chosen = True  # this file's reading gives the document's fields, links and duties
        if found and not found["placeholder"]:
            document_id, outcome = found["id"], "merged"
            stored_tasks = self.db.conn.execute(f"SELECT {', '.join(f'[{c}]' for c in TASK_COLUMNS)} FROM tasks WHERE document_id = ? ORDER BY id", [document_id])
            chosen = (_completeness(rows.document, [task for task, _ in rows.tasks])
                      > _completeness(self._row(document_id), [dict(zip(TASK_COLUMNS, r)) for r in stored_tasks]))
            if chosen:
                self._update("documents", document_id, row)
        elif found:  # the document a placeholder stood for has arrived: it keeps the id and the links
            document_id, outcome = found["id"], "added"
            self._update("documents", document_id, row)
        else:
            row["created_at"] = now
            document_id, outcome = self._insert("documents", row), "added"
        self._insert(
            "document_sources",
            {
                "document_id": document_id,
                "path": record.source.path,
                "sha256": record.source.sha256,
                "format": record.source.format,
                "encoding": record.source.encoding,
                "size": size,
                "ocr_pages": json.dumps(record.ocr_pages),
                "ingested_at": now,
                "secrecy": record.secrecy,
            },
        )
        self._mark(document_id)
        if chosen:
            self._link(document_id, rows)
            self._duties(document_id, rows)
        return outcome

    def _row(self, document_id: int) -> dict:
        cursor = self.db.conn.execute("SELECT * FROM documents WHERE id = ?", [document_id])
        return dict(zip([c[0] for c in cursor.description], cursor.fetchone()))

    def _organization(self, org: Organization | None) -> int | None:
        """The id of a unit's canonical row, made on first sight (None for "Như trên", a person)."""
        if org is None:
            return None
        row = self.db.conn.execute("SELECT id, name, locality FROM organizations WHERE key = ?", [org.key]).fetchone()
        if row:
            if _spelling(org.name, org.locality) < _spelling(row[1], row[2]):  # the same whatever came first
                self.db.conn.execute("UPDATE organizations SET name = ?, locality = ? WHERE id = ?", [org.name, org.locality, row[0]])
                if org.name != row[1]:  # rare: a body's documents follow its one spelling (by the index on issuer_id)
                    self.db.conn.execute("UPDATE documents SET issuer_body = ? WHERE issuer_id = ?", [org.name, row[0]])
            return row[0]
        return self._insert("organizations", {"name": org.name, "key": org.key, "locality": org.locality, "is_group": int(org.group)})

    def _body_name(self, organization_id: int | None) -> str | None:
        if organization_id is None:
            return None
        return self.db.conn.execute("SELECT name FROM organizations WHERE id = ?", [organization_id]).fetchone()[0]

    def _duties(self, document_id: int, rows: Rows) -> None:
        """The recipients and the tasks, each pointing at its organization (the issuer's is
        set with the document's row)."""
        self.db.conn.execute("DELETE FROM tasks WHERE document_id = ?", [document_id])
        self.db.conn.execute("DELETE FROM document_recipients WHERE document_id = ?", [document_id])
        for text, org in rows.recipients:
            self._insert("document_recipients", {"document_id": document_id, "organization_id": self._organization(org), "text": text})
        for task, org in rows.tasks:
            self._insert("tasks", {"document_id": document_id, "organization_id": self._organization(org), **task})

    def _find(self, me: ident.Identity) -> dict | None:
        """The stored row of an identity; a document with its year also takes the
        placeholder of a citation that gave none, which then has that year (whichever came
        first, the same node)."""
        rows = list(self.db.query("SELECT id, placeholder FROM documents WHERE identity = ?", [me.key]))
        if rows:
            return rows[0]
        if me.symbol_key and me.year:
            rows = list(
                self.db.query(
                    "SELECT id, placeholder FROM documents WHERE identity = ? AND placeholder = 1",
                    [ident.key(me.symbol_key, me.locality, None)],
                )
            )
            if rows:
                self._update("documents", rows[0]["id"], {"identity": me.key, "year": me.year})
                return rows[0]
        return None

    def _link(self, document_id: int, rows: Rows) -> None:
        """One link per cited document, to the stored document or to its placeholder, with
        what the citation says of it. Links of an earlier reading of this document go first,
        and placeholders nobody cites any more with them."""
        before = [r[0] for r in self.db.conn.execute("SELECT target_id FROM document_links WHERE source_id = ?", [document_id])]
        self.db.conn.execute("DELETE FROM document_links WHERE source_id = ?", [document_id])
        touched = set(before)
        table = None  # the laws known by name and number, read once for this document
        for ref, target in rows.links:
            if laws.by_name_or_code(ref):
                table = laws.known_cached(self.db.conn) if table is None else table
                ref, target = laws.resolve(self.db.conn, ref, target, rows.document.get("issuer"), table)
            target_id = self._target(target, ref)
            if target_id == document_id:
                continue
            inserted = self.db.conn.execute(
                "INSERT OR IGNORE INTO document_links (source_id, target_id, relation, mention, confidence, start, [end], "
                "cited_symbol, cited_type, cited_date, cited_issuer, warning, relations, scope, acts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [document_id, target_id, ref.get("relation"), ref.get("text"), target.confidence, ref.get("start"), ref.get("end"),
                 ref.get("symbol"), ref.get("doc_type"), ref.get("date"), ref.get("issuer"), target.warning,
                 *status.link_columns(ref)],
            ).rowcount
            if not inserted:  # one law by its name and by its number: the link keeps the acts of both
                status.join_link(self.db.conn, document_id, target_id, ref)
            touched.add(target_id)
        if laws.may_tie([ref for ref, _ in rows.links], rows.document.get("doc_type")):
            merged = laws.merge(self.db.conn)  # a law's name and number tied: its nodes become one
            touched |= merged
            before = [*before, *merged]  # the acts on them moved with their links: their status again
        self._settle(touched)
        laws.name_nodes(self.db.conn, touched)
        # what this document does to others, its own notes, and the notes of others naming it
        status.after_link(self.db.conn, document_id, touched, before)

    def _settle(self, targets) -> None:
        """Placeholders among ``targets``: gone when nobody cites them, else their fields
        agreed again from what every citation says, counted (``citation_counts``: the cost is
        the same for a law cited ten thousand times as for one cited once, and the order files
        arrive in does not matter); the row is written only when the agreement changed."""
        for target in sorted(targets):
            row = self.db.conn.execute(
                "SELECT placeholder, symbol, doc_type, issued_date, issuer, subject, issuer_key, search_folded, identity "
                "FROM documents WHERE id = ?", [target]
            ).fetchone()
            if row is None or not row[0]:
                continue
            counts: dict[str, Counter] = {}
            for field, value, n in self.db.conn.execute("SELECT field, value, count FROM citation_counts WHERE target_id = ?", [target]):
                counts.setdefault(field, Counter())[value] = n
            if not counts.get("links"):  # nobody cites it any more
                self.db.execute("DELETE FROM documents WHERE id = ?", [target])
                continue
            fields = placeholders.agreed_counts(counts, row[1])
            if row[1] is None:  # cited by title: the spelling most citations give
                fields["subject"] = self._title(row[8], counts.get("title", Counter()))
            if fields:
                fields["issuer_key"] = fold(fields.get("issuer")) or None
                # a law's name (laws.name_nodes) stays searchable beside what the citations agree
                fields["search_folded"] = search_folded(fields.get("symbol") or row[1], fields.get("subject", row[5]), fields.get("issuer"))
                now = dict(zip(("symbol", "doc_type", "issued_date", "issuer", "subject", "issuer_key", "search_folded"), row[1:8]))
                changed = {name: value for name, value in fields.items() if now[name] != value}
                if changed:  # an unchanged row is not written: the search index would read it again
                    self._update("documents", target, changed)

    @staticmethod
    def _title(identity: str, mentions: Counter) -> str | None:
        """The title of a document cited by it, as most of its mentions spell it."""
        folded = identity[len("title:") :].rsplit("|", 1)[0]
        titles: Counter = Counter()
        for mention, n in mentions.items():
            if fold(mention[: len(folded)]) == folded:
                titles[mention[: len(folded)]] += n
        return min(titles, key=lambda t: (-titles[t], _spelling(t))) if titles else None

    def _target(self, target: ident.Identity, ref: dict) -> int:
        found = self._find(target)
        if found:
            return found["id"]
        if target.symbol_key and target.year is None:
            # "Quyết định số 1477/QĐ-UBND" with no date: the one document of that symbol, if only one
            rows = [
                r for r in self.db.query("SELECT id, identity FROM documents WHERE symbol_key = ?", [target.symbol_key])
                if r["identity"].split("|")[1] == target.locality
            ]
            if len(rows) == 1:
                return rows[0]["id"]
        now = _now()
        title = ref.get("title") if not ref.get("symbol") else None
        return self._insert(
            "documents",
            {
                "symbol": ref.get("symbol"),
                "symbol_key": target.symbol_key,
                "doc_type": ref.get("doc_type"),
                "issued_date": ref.get("date"),
                "year": target.year,
                "issuer": ref.get("issuer"),
                "issuer_key": fold(ref.get("issuer")) or None,
                "subject": title,
                "search_folded": search_folded(ref.get("symbol"), title, ref.get("issuer")),
                "identity": target.key,
                "placeholder": 1,
                "created_at": now,
                "updated_at": now,
            },
        )

    def _update(self, table: str, row_id: int, row: dict) -> None:
        names = ", ".join(f"[{name}] = ?" for name in row)
        self.db.conn.execute(f"UPDATE [{table}] SET {names} WHERE id = ?", [*row.values(), row_id])

    def _insert(self, table: str, row: dict) -> int:
        """Insert inside the caller's transaction. (sqlite-utils' own insert commits, which
        would split a document's writes.) Names are this module's constants; values are bound."""
        names = ", ".join(f"[{name}]" for name in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", list(row.values()))
        return cursor.lastrowid
