"""Whether each document is still in force (tình trạng hiệu lực), from its own text and from
every link into it, as vbpl.vn and thuvienphapluat.vn show it.

The acts on a document come from two places: a document that states its act on it (its title,
its final articles: ``document_links.acts`` of a link from the acting document), and a
consolidation note in the document's own text ("[Khoản này được sửa đổi bởi ... Nghị định
59/2018/NĐ-CP]": an ``amended_by`` act of a link from this document, the acting one being its
target, a placeholder until it arrives). Each act has the day it takes effect: the note's "có
hiệu lực từ ngày ...", else the acting document's own effective date, else its date of issue.

The status, as of the day it is computed:
- ``chưa có hiệu lực``: its effective date is still to come;
- ``hết hiệu lực toàn bộ``: replaced, repealed as a whole, or past its own last day;
- ``hết hiệu lực một phần``: some of its parts repealed;
- ``còn hiệu lực (đã được sửa đổi, bổ sung)``: amended;
- ``còn hiệu lực``: none of these, as far as the documents in the database tell.

It is stored on the document (``status``, ``status_detail`` as JSON with the acts, the acting
documents and their dates) and computed again, by :func:`refresh`, for every document a newly
stored document acts on, whatever order the documents come in.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Iterable

NOT_YET = "chưa có hiệu lực"
IN_FORCE = "còn hiệu lực"
AMENDED = "còn hiệu lực (đã được sửa đổi, bổ sung)"
PARTLY = "hết hiệu lực một phần"
EXPIRED = "hết hiệu lực toàn bộ"
STATUSES = (NOT_YET, IN_FORCE, AMENDED, PARTLY, EXPIRED)
CAVEAT = "theo các văn bản trong cơ sở dữ liệu"

# the act a link states, seen from the document acted on
_FORWARD = {"amends": "amends", "repeals": "repeals", "replaces": "replaces", "guides": "guides"}
_NOTES = {"amended_by": "amends", "repealed_by": "repeals", "replaced_by": "replaces", "guided_by": "guides"}


def link_columns(ref: dict) -> tuple[str | None, str | None, str | None]:
    """``relations``, ``scope`` and ``acts`` of a reference, as ``document_links`` stores them."""
    relations = ref.get("relations") or ([ref["relation"]] if ref.get("relation") else [])
    acts = ref.get("acts") or [{"act": r} for r in relations]
    acts = [a for a in acts if a.get("act") in _FORWARD or a.get("act") in _NOTES]  # those a status reads
    return json.dumps(relations), ref.get("scope"), json.dumps(acts, ensure_ascii=False) if acts else None


def join_link(conn: sqlite3.Connection, source_id: int, target_id: int, ref: dict) -> None:
    """A second reference to a document already linked (a law named by its title and by its
    number): its acts join the link's."""
    row = conn.execute(
        "SELECT relations, scope, acts FROM document_links WHERE source_id = ? AND target_id = ?", [source_id, target_id]
    ).fetchone()
    if row is None:
        return
    relations, scope, acts = link_columns(ref)
    joined = json.loads(row[0] or "[]")
    joined += [r for r in json.loads(relations) if r not in joined]
    if len(joined) > 1 and "cites" in joined:
        joined.remove("cites")
    all_acts = json.loads(row[2] or "[]")
    all_acts += [a for a in json.loads(acts or "[]") if a not in all_acts]
    scopes = [s for s in (row[1], scope) if s]
    conn.execute(
        "UPDATE document_links SET relations = ?, scope = ?, acts = ? WHERE source_id = ? AND target_id = ?",
        [json.dumps(joined), "; ".join(dict.fromkeys(scopes)) or None, json.dumps(all_acts, ensure_ascii=False) if all_acts else None,
         source_id, target_id],
    )


def _acts_of(link_acts: str | None, relation: str | None, relations: str | None) -> list[dict]:
    if link_acts:
        acts = json.loads(link_acts)
        if acts:
            return acts
    names = json.loads(relations) if relations else [relation]
    return [{"act": name} for name in names if name]


def acts_on(conn: sqlite3.Connection, document_id: int) -> list[dict]:
    """Every act on a document the database knows, each with the acting document (``actor_id``,
    ``actor_symbol``), its ``scope``, the day it takes effect (``date``) and where it is
    stated (``stated_in``: ``actor`` for the acting document's own words, ``note`` for a
    consolidation note of this one)."""
    found: list[dict] = []
    columns = "l.acts, l.relation, l.relations, d.symbol, d.subject, d.doc_type, d.issued_date, d.effective_date"
    # the acting document's own words (links into this one), then this one's notes (its "_by" links)
    for stated_in, names, sql in (
        ("actor", _FORWARD, f"SELECT l.source_id, {columns} FROM document_links l JOIN documents d ON d.id = l.source_id "
                            "WHERE l.target_id = ?"),
        ("note", _NOTES, f"SELECT l.target_id, {columns} FROM document_links l JOIN documents d ON d.id = l.target_id "
                         "WHERE l.source_id = ? AND l.relations LIKE '%!_by%' ESCAPE '!'"),
    ):
        for actor, acts, relation, relations, symbol, subject, doc_type, issued, effective in conn.execute(sql, [document_id]).fetchall():
            for a in _acts_of(acts, relation, relations):
                act = names.get(a.get("act"))
                if act:
                    found.append({"act": act, "actor_id": actor, "actor_symbol": symbol or subject, "actor_type": doc_type,
                                  "scope": a.get("scope"), "date": a.get("effective_date") or effective or issued,
                                  "stated_in": stated_in})
    found.sort(key=lambda a: (a["date"] or "9999", a["actor_id"], a["act"], a["scope"] or ""))
    return found


def compute(effective_date: str | None, expiry_date: str | None, acts: list[dict], today: str | None = None) -> tuple[str, dict]:
    """The status as of ``today`` (ISO; default: the day it runs) and its detail."""
    today = today or date.today().isoformat()
    due = [a for a in acts if a["act"] != "guides" and (a["date"] is None or a["date"] <= today)]
    whole_end = [a for a in due if a["act"] in ("repeals", "replaces") and not a["scope"]]
    detail = {"as_of": today, "effective_date": effective_date, "expiry_date": expiry_date, "source": CAVEAT, "acts": acts}
    if effective_date and effective_date > today:
        status = NOT_YET
    elif whole_end:
        status = EXPIRED
        detail["ended_by"] = whole_end[0]
        detail["ended_on"] = whole_end[0]["date"]
    elif expiry_date and expiry_date < today:
        status = EXPIRED
        detail["ended_on"] = expiry_date
    elif any(a["act"] == "repeals" for a in due):
        status = PARTLY
    elif any(a["act"] in ("amends", "replaces") for a in due):
        status = AMENDED
    else:
        status = IN_FORCE
    pending = [a for a in acts if a["act"] != "guides" and a not in due]
    if pending:
        detail["pending"] = pending  # acts that take effect later
    return status, detail


def refresh(conn: sqlite3.Connection, document_ids: Iterable[int], today: str | None = None) -> None:
    """Compute and store the status of each of ``document_ids`` (those gone are skipped)."""
    for document_id in sorted(set(document_ids)):
        row = conn.execute("SELECT effective_date, expiry_date FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            continue
        status, detail = compute(row[0], row[1], acts_on(conn, document_id), today)
        conn.execute(
            "UPDATE documents SET status = ?, status_detail = ? WHERE id = ? AND (status IS NOT ? OR status_detail IS NOT ?)",
            [status, json.dumps(detail, ensure_ascii=False), document_id, status, json.dumps(detail, ensure_ascii=False)],
        )


def fill_missing(conn: sqlite3.Connection) -> int:
    """The documents without a status (a database made before there was one): their effective
    and last day from their stored text, then their status. Returns how many; a cheap check
    (an index) when there are none."""
    from ..nlp.effect import effective_dates

    ids = [row[0] for row in conn.execute("SELECT id FROM documents WHERE status IS NULL")]
    if not ids:
        return 0
    with conn:
        for document_id in ids:
            text, issued, placeholder = conn.execute(
                "SELECT text, issued_date, placeholder FROM documents WHERE id = ?", [document_id]).fetchone()
            if not placeholder and text:
                conn.execute("UPDATE documents SET effective_date = ?, expiry_date = ? WHERE id = ?",
                             [*effective_dates(text, issued), document_id])
        refresh(conn, ids)
    return len(ids)


def affected(conn: sqlite3.Connection, document_id: int, touched: Iterable[int], before: Iterable[int] = ()) -> set[int]:
    """The documents whose status may change when ``document_id`` is stored with its links:
    itself; those its links state an act on; those its earlier reading linked (their acts may
    be gone); new nodes without a status yet; and the documents whose consolidation notes name
    it (an act there counts from its effective date)."""
    found = {document_id, *before}
    found.update(row[0] for row in conn.execute(
        "SELECT target_id FROM document_links WHERE source_id = ? AND acts IS NOT NULL", [document_id]))
    found.update(row[0] for row in conn.execute(
        "SELECT source_id FROM document_links WHERE target_id = ? AND relations LIKE '%!_by%' ESCAPE '!'", [document_id]))
    return found


def after_link(conn: sqlite3.Connection, document_id: int, touched: Iterable[int], before: Iterable[int] = (),
               today: str | None = None) -> None:
    """After a document's links are written: the status of every document they may change
    (:func:`affected`), and a first status for the new nodes nothing acts on (in force, as far
    as the database tells), without reading their links."""
    found = affected(conn, document_id, touched, before)
    refresh(conn, found, today)
    rest = [t for t in touched if t not in found]
    plain_status, plain_detail = compute(None, None, [], today)
    for start in range(0, len(rest), 500):
        chunk = rest[start : start + 500]
        conn.execute(
            f"UPDATE documents SET status = ?, status_detail = ? WHERE status IS NULL AND id IN ({', '.join('?' for _ in chunk)})",
            [plain_status, json.dumps(plain_detail, ensure_ascii=False), *chunk],
        )
