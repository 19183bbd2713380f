"""The extraction pipeline: normalised text in, the document's own fields out.

Steps, each its own module: ``layout`` (lines, cells, the document inside a page),
``header`` (number, type, date, place, issuer, trích yếu, marks), ``signature``
(signer, post, Nơi nhận), ``references`` (the documents it names), ``tasks`` (who must do what, by when).
"""
from __future__ import annotations

from dataclasses import dataclass

from .deadlines import settle_task
from .header import read_header
from .layout import Layout
from .normalize import blank_spans, fold_blanked, normalize_text
from .received import take_stamp
from .record import Record
from .references import blank_notes, extract_references, note_spans
from .task_kinds import set_kinds
from .task_tables import outside, read_task_tables
from .sanctions import sanction_tasks
from .tasks import find_tasks
from .signature import read_recipients, read_signature


@dataclass
class Fields(Record):
    """The record read from a text, before the file's evidence (its source, OCR, signature,
    name) is added; and the extractor's working note for that step."""

    symbol_codes: str | None = None  # the codes of a number OCR could not read ("QĐ-UBND")



def _without_notes(subject: str | None) -> str | None:
    if not subject or "[" not in subject:
        return subject
    return " ".join(blank_notes(subject).split()) or None


def extract_text(text: str) -> Fields:
    """Every field of one document's text (any spelling: it is normalised here first)."""
    text = normalize_text(text)
    text, received = take_stamp(text)  # the incoming stamp: its words belong to no other field
    layout = Layout.from_text(text)
    header = read_header(layout)
    lead = header.issuer_bodies[0] if header.issuer_bodies else None
    signature = read_signature(layout, header.body_start, lead_body=lead)
    recipients = read_recipients(layout, header.body_start)
    body = layout.body_text
    body_start = sum(len(line) + 1 for line in layout.lines[layout.start : max(layout.start, header.body_start)])
    # Appendices after the signature (a Quy chế, a table of duties) hold tasks too; the Nơi
    # nhận list does not (its lines name units with no duty, so they give none).
    # Task tables are read by their rows; the text around them as running text.
    tables = read_task_tables(layout, header.body_start, header.issued_date, header.issued_year)
    # a legal website's consolidation notes ("[Khoản này được sửa đổi bởi ...]") are no words
    # of the document: blanked for the duties (same length, so offsets still point into body)
    notes = note_spans(body)
    plain = blank_spans(body, notes)
    fold_blanked(body, plain, notes)  # its fold from the body's, for every step that needs it
    subject = _without_notes(header.subject)
    tasks = [t for s, e in outside(tables.spans, body_start, len(body)) for t in find_tasks(plain, s, e, header.issued_date, header.doc_type)]
    # a sanction decision's duties are fixed sentences of its form (nlp.sanctions), read instead
    # of the grammar's where the form gives them
    sanctions = sanction_tasks(body, body_start, len(body), header.issued_date) if header.doc_type in (None, "QĐ") else []
    if sanctions:
        tasks = [t for t in tasks if t.assignee not in {s.assignee for s in sanctions}]
    tasks = sorted(tasks + tables.tasks + sanctions, key=lambda t: t.start)
    for task in tasks:  # no last day before the document's own date (tables' cells included)
        settle_task(task, header.issued_date)
    set_kinds(tasks, header.doc_type, body, header.symbol)  # assignment, responsibility, execution, obligation
    return Fields(
        symbol=header.symbol,
        doc_type=header.doc_type,
        issued_date=header.issued_date,
        place=header.place,
        issuer=header.issuer,
        issuer_bodies=header.issuer_bodies,
        subject=subject,
        subject_printed=header.subject_printed,
        signer=signature.signer,
        signer_title=signature.signer_title,
        recipients=recipients,
        tasks=[t.to_dict() for t in tasks],
        references=[r.to_dict() for r in extract_references(body, header.symbol, header.issuer, header.symbol_span, subject)],
        symbol_codes=header.symbol_codes,
        urgency=header.urgency,
        secrecy=header.secrecy,
        text=layout.body_text,
        received_number=received.number if received else None,
        received_date=received.date if received else None,
        received_stamp={"by": received.by, "unreadable": received.unreadable} if received else None,
    )
