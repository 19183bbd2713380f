"""The lược đồ of a document, grouped as vbpl.vn groups it, and its status in force.

Plain data for the document page and its ``.json``: each group lists the documents with their
date and the parts acted on. Seen from the document D of the page: "căn cứ" are the documents D
rests on; "hướng dẫn" those that guide D, "được hướng dẫn" those D guides; "sửa đổi" those
amending D, "được sửa đổi" those D amends; "thay thế" / "bị thay thế", "bãi bỏ" / "bị bãi
bỏ" alike; "dẫn chiếu" the rest D names. An act on D is read from the acting document's own
words and from the consolidation notes in D's text ("[Khoản này được sửa đổi bởi ...]").
"""
from __future__ import annotations

import json
import sqlite3

from ..db import status as doc_status
from ..db.schema import acting
from ..nlp.secrecy import is_secret

# (key, heading): in vbpl's order
GROUPS = (
    ("based_on", "Văn bản căn cứ"),
    ("guided_by", "Văn bản hướng dẫn"),
    ("guides", "Văn bản được hướng dẫn"),
    ("amended_by", "Văn bản sửa đổi, bổ sung"),
    ("amends", "Văn bản được sửa đổi, bổ sung"),
    ("replaced_by", "Văn bản thay thế"),
    ("replaces", "Văn bản bị thay thế"),
    ("repealed_by", "Văn bản bãi bỏ"),
    ("repeals", "Văn bản bị bãi bỏ"),
    ("cites", "Văn bản dẫn chiếu"),
)
_INCOMING = {"amends": "amended_by", "repeals": "repealed_by", "replaces": "replaced_by", "guides": "guided_by"}
STATUS_CLASSES = {
    doc_status.NOT_YET: "notyet",
    doc_status.IN_FORCE: "inforce",
    doc_status.AMENDED: "amended",
    doc_status.PARTLY: "partly",
    doc_status.EXPIRED: "expired",
}


def _acts(value: str | None, relation: str | None, relations: str | None) -> list[dict]:
    for raw in (value, relations):
        if raw:
            try:
                found = json.loads(raw)
            except ValueError:
                continue
            if found:
                return [a if isinstance(a, dict) else {"act": a} for a in found]
    return [{"act": relation}] if relation else []


def diagram(conn: sqlite3.Connection, doc_id: int, public_only: bool = False, today: str | None = None) -> list[dict]:
    """The groups of the lược đồ that have entries, each ``{"key", "label", "entries"}``; an
    entry is a document (``id``, ``symbol``, ``subject``, ``date``, ``placeholder``,
    ``status`` as of ``today``) and the ``scopes`` acted on. ``public_only`` (a visitor, the
    database holding secret documents): what a secret document states is left out, as its
    links are, and so is it from the status of each entry."""
    status = doc_status.sql("d", today, public=public_only)
    entries: dict[str, dict[int, dict]] = {key: {} for key, _ in GROUPS}
    me = conn.execute("SELECT secrecy FROM documents WHERE id = ?", [doc_id]).fetchone()
    my_secrecy = me[0] if me else None

    def add(group: str, row: tuple, scope: str | None, date: str | None, secrecy: str | None) -> None:
        if public_only and is_secret(secrecy):
            return
        other, symbol, subject, issued, placeholder, other_status = row
        entry = entries[group].setdefault(other, {
            "id": other, "symbol": symbol, "subject": subject, "date": date or issued, "issued_date": issued,
            "placeholder": bool(placeholder), "status": other_status, "scopes": [],
        })
        if scope and scope not in entry["scopes"]:
            entry["scopes"].append(scope)
        if date and (entry["date"] is None or entry["date"] == issued):
            entry["date"] = date

    for target, relation, relations, acts, *row in conn.execute(
        "SELECT l.target_id, l.relation, l.relations, l.acts, d.id, d.symbol, d.subject, d.issued_date, d.placeholder, "
        f"{status} "
        "FROM document_links l JOIN documents d ON d.id = l.target_id WHERE l.source_id = ? ORDER BY l.start, l.id",
        [doc_id],
    ):
        named = _acts(acts, relation, relations)
        names = {a.get("act") for a in named}
        if relation == "based_on" or "based_on" in names:
            add("based_on", tuple(row), None, None, my_secrecy)
        for a in named:
            act = a.get("act")
            if act in entries and act not in ("based_on", "cites"):
                add(act, tuple(row), a.get("scope"), a.get("effective_date"), my_secrecy)
        if relation != "based_on" and not (names - {"cites", "implements", "responds_to", None}):
            add("cites", tuple(row), None, None, my_secrecy)
    for source, relation, relations, acts, secrecy, *row in conn.execute(
        "SELECT l.source_id, l.relation, l.relations, l.acts, d.secrecy, d.id, d.symbol, d.subject, d.issued_date, d.placeholder, "
        f"{status} "
        # only the links that may act on it, from their partial index (db/schema.ACTS_ON_INDEX)
        f"FROM document_links l JOIN documents d ON d.id = l.source_id WHERE l.target_id = ? AND {acting('l.')} ORDER BY d.issued_date, d.id",
        [doc_id],
    ):
        for a in _acts(acts, relation, relations):
            group = _INCOMING.get(a.get("act"))
            if group:
                effective = conn.execute("SELECT effective_date FROM documents WHERE id = ?", [source]).fetchone()[0]
                add(group, tuple(row), a.get("scope"), a.get("effective_date") or effective, secrecy)
    return [
        {"key": key, "label": label, "entries": sorted(entries[key].values(), key=lambda e: (e["date"] or "", e["id"]))}
        for key, label in GROUPS if entries[key]
    ]


def status_of(conn: sqlite3.Connection, doc_id: int, public_only: bool = False, today: str | None = None) -> dict | None:
    """The status of a document as of ``today`` with its detail (the acts on it, read from its
    links: those that state an act, an index), or None for a document gone. ``public_only``:
    the acts a secret document states are left out, and so is a secret document's own text
    (a visitor learns nothing a secret document says)."""
    row = conn.execute("SELECT effective_date, expiry_date, secrecy FROM documents WHERE id = ?", [doc_id]).fetchone()
    if not row:
        return None
    effective, expiry, secrecy = row
    acts = doc_status.acts_on(conn, doc_id)
    if public_only:
        acts = [a for a in acts if not a["secret"]]
        if is_secret(secrecy):
            effective = expiry = None
    status, detail = doc_status.compute(effective, expiry, acts, today)
    return {"status": status, "class": STATUS_CLASSES.get(status, "inforce"), **detail}
