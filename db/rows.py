"""What a record becomes in the database, short of the ids: pure functions of the record.

Built in the worker processes (``batch.prepare`` with ``Options(to_store=True)``), so that the one
writer process only looks ids up and inserts; ``Store`` builds them itself for a record
that comes without them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..nlp.normalize import fold, symbol_key
from ..nlp.record import Record
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


def rows_for(record: Record) -> Rows:
    me = identity(record)
    document = {
        "symbol": record.symbol,
        "symbol_key": symbol_key(record.symbol) or None,
        "doc_type": record.doc_type,
        "issued_date": record.issued_date,
        "year": me.year,
        "place": record.place,
        "issuer": record.issuer,
        "issuer_key": fold(record.issuer) or None,
        "subject": record.subject,
        "signer": record.signer,
        "signer_title": record.signer_title,
        "urgency": record.urgency,
        "secrecy": record.secrecy,
        "recipients": _json(record.recipients),
        "references_json": _json(record.references),
        "tasks_json": _json(record.tasks),
        "issuer_bodies": _json(record.issuer_bodies),
        "signatures": _json(record.signatures),
        "read_by_ocr": json.dumps(record.read_by_ocr),
        "from_signature": json.dumps(record.from_signature),
        "from_file_name": json.dumps(record.from_file_name),
        "received_number": record.received_number,
        "received_date": record.received_date,
        "received_stamp": _json(record.received_stamp) if record.received_stamp else None,
        "text": record.text,
        "search_folded": search_folded(record.symbol, record.subject, record.issuer, record.text),
        "identity": me.key,
        "placeholder": 0,
    }
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
