"""What a record becomes in the database, short of the ids: pure functions of the record.

Built in the worker processes (``batch.prepare`` with ``Options(to_store=True)``), so that the one
writer process only looks ids up and inserts; ``Store`` builds them itself for a record
that comes without them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..nlp.effect import effective_dates
from ..nlp.normalize import fold, symbol_key
from ..nlp.record import Record, stored_fields
from ..nlp.symbols import year as symbol_year
from . import identity as ident
from .organizations import Organization, canonical_for
from .schema import search_folded


@dataclass
class Rows:
    identity: ident.Identity
    document: dict  # the documents row, without ids and times
    issuer: Organization | None
    recipients: list[tuple[str, Organization | None]]  # each Nơi nhận line with its unit (None: "Như trên", a person)
    tasks: list[tuple[dict, Organization | None]]  # each tasks row (without ids) with its assignee's unit
    links: list[tuple[dict, ident.Identity]]  # each reference with the identity of what it cites


def identity(record: Record) -> ident.Identity:
    """The duplicate key of Nghị định 30 for a stored document (see ``db/identity.py``)."""
    year = symbol_year(record.symbol) or record.year
    return ident.of_document(record.symbol, record.issuer, year, record.source.sha256)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# A task's columns in the tasks table, as rows_for makes them (the organization's id aside)
TASK_COLUMNS = ("assignee", "coordinators", "action", "deadline", "deadline_text", "due_by", "recurrence", "kind",
                "deadline_note", "section", "start", "end")


def rows_for(record: Record) -> Rows:
    me = identity(record)
    effective_date, expiry_date = effective_dates(record.text, record.issued_date)
    document = {
        f.column: (_json(getattr(record, f.name)) if f.json else getattr(record, f.name)) for f in stored_fields()
    }
    document.update(  # what the schema derives from them (db/schema.DERIVED_COLUMNS)
        symbol_key=symbol_key(record.symbol) or None,
        year=me.year,
        issuer_key=fold(record.issuer) or None,
        search_folded=search_folded(record.symbol, record.subject, record.issuer, record.text),
        identity=me.key,
        placeholder=0,
        effective_date=effective_date,
        expiry_date=expiry_date,
    )
    tasks = [
        (
            {
                "assignee": task["assignee"],
                "coordinators": _json(task.get("coordinators") or []),
                "action": task.get("action"),
                "deadline": task.get("deadline"),
                "deadline_text": task.get("deadline_text"),
                "due_by": task.get("due_by", task.get("deadline")),
                "recurrence": task.get("recurrence"),
                "kind": task.get("kind"),
                "deadline_note": task.get("deadline_note"),
                "section": task.get("section"),
                "start": task.get("start"),
                "end": task.get("end"),
            },
            canonical_for(task["assignee"], record.issuer),
        )
        for task in record.tasks
    ]
    return Rows(
        identity=me,
        document=document,
        issuer=canonical_for(record.issuer, record.issuer) if record.issuer else None,
        recipients=[(text, canonical_for(text, record.issuer)) for text in record.recipients],
        tasks=tasks,
        links=[(ref, ident.of_reference(ref, record.issuer)) for ref in record.references],
    )
