"""What the document page shows, read from the database in one call: the document's fields,
its source files, its links both ways, its tasks, and the chain around it cut to a size a
person can read (the walking itself is ``db.trace``'s).

Plain data (dicts and lists, no HTML): the page renders it, the ``.json`` view returns it.
With ``public_only`` (a visitor who has not signed in, a database holding secret documents)
it is what may be known without reading secret documents: a secret document's header only,
no link, citation or placeholder that only a secret document states.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import PurePath

from ..db import status as doc_status
from ..db import trace as chain_trace
from ..db.schema import CITED_BY_ORDER
from . import relations_data
from ..nlp.record import stored_fields
from ..nlp.secrecy import is_secret, secret_sql
from ..nlp.tables import doc_types

# The chain picture: how many documents each direction shows, and how many children of one
# document, before the rest is summed up in a "+ N more" box linking to the full list.
MAX_UP = 30
MAX_DOWN = 40
# every document of a direction is drawn up to these caps (the picture fits its frame, and
# zooms); a parent's own children are cut only past this many
MAX_CHILDREN = 30
MAX_CITED_BY = 200  # citing documents listed on the page (the count is always the total)
# The chain's walk stops after this many documents each way (the picture shows the first
# MAX_UP and MAX_DOWN; the page then says "more than N", the chain's own page lists them all):
# a decree the whole archive rests on is not walked whole for a picture of forty.
MAX_WALK = 500

RELATION_LABELS = {
    "based_on": "căn cứ",
    "implements": "thực hiện",
    "amends": "sửa đổi",
    "replaces": "thay thế",
    "repeals": "bãi bỏ",
    "responds_to": "phúc đáp",
    "cites": "dẫn chiếu",
}
# The record's stored fields (nlp/record.py) but the one the page does not show
FIELDS = ["id", *(f.column for f in stored_fields() if f.column != "issuer_bodies"), "placeholder"]
SUMMARY = "id, symbol, doc_type, issued_date, issuer, subject, placeholder"  # and the status as of today


def type_name(abbr: str | None) -> str | None:
    """"QĐ" -> "Quyết định" (the first name Phụ lục III gives the type)."""
    if not abbr:
        return None
    for t in doc_types():
        if t.abbr == abbr and t.names:
            name = t.names[0]
            return name[:1] + name[1:].lower()
    return abbr


def json_list(value: str | None) -> list:
    """A JSON list column as a list ([] for an empty or damaged value)."""
    if not value:
        return []
    try:
        found = json.loads(value)
    except ValueError:
        return []
    return found if isinstance(found, list) else []


def _rows(conn: sqlite3.Connection, sql: str, args: list | tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def _in(ids) -> str:
    return ", ".join("?" for _ in ids)


# A citing document ``s`` whose links a reader sees: every one (:all = 1), or those not secret
_SOURCE_SHOWN = f"(:all OR NOT {secret_sql('s')})"


def _json_object(value) -> dict | None:
    """A JSON object stored as text (the incoming stamp), None for anything else."""
    try:
        found = json.loads(value) if value else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def load(conn: sqlite3.Connection, doc_id: int, today: str | None = None, public_only: bool = False) -> dict | None:
    """Everything the page of document ``doc_id`` shows; None when there is no such document
    (or, ``public_only``, a placeholder that only secret documents cite)."""
    today = today or doc_status.today()
    found = _rows(conn, f"SELECT {', '.join(FIELDS)} FROM documents WHERE id = ?", [doc_id])
    if not found:
        return None
    doc = found[0]
    if public_only and doc["placeholder"] and not conn.execute(
        "SELECT 1 FROM document_links l JOIN documents s ON s.id = l.source_id "
        f"WHERE l.target_id = ? AND NOT {secret_sql('s')} LIMIT 1", [doc_id]
    ).fetchone():
        return None
    closed = public_only and is_secret(doc["secrecy"])
    doc["placeholder"] = bool(doc["placeholder"])
    doc["doc_type_name"] = type_name(doc["doc_type"])
    for name in ("recipients", "signatures", "read_by_ocr", "from_signature", "from_file_name"):
        doc[name] = json_list(doc[name])
    doc["received_stamp"] = _json_object(doc.get("received_stamp"))
    text = doc.pop("text") or ""
    extracted = json_list(doc.pop("references_json"))
    if closed:  # its header only
        doc["recipients"] = []
        return {"document": doc, "text": "", "sources": [], "references": [], "mentions": [],
                "cited_by": cited_by(conn, doc_id, public_only), "citations": [], "tasks": [],
                "chain": chain(conn, doc_id, public_only), "today": today, "status": None, "diagram": []}
    refs = references(conn, doc_id)
    return {
        "document": doc,
        "text": text,
        "sources": sources(conn, doc_id),
        "references": refs,
        "mentions": mentions(extracted, refs),
        "cited_by": cited_by(conn, doc_id, public_only),
        "citations": citations(conn, doc_id, public_only) if doc["placeholder"] else [],
        "tasks": tasks(conn, doc_id, today),
        "chain": chain(conn, doc_id, public_only),
        "today": today,
        "status": relations_data.status_of(conn, doc_id, public_only, today),
        "diagram": relations_data.diagram(conn, doc_id, public_only, today),
    }


def sources(conn: sqlite3.Connection, doc_id: int) -> list[dict]:
    rows = _rows(
        conn,
        "SELECT id, path, format, encoding, size, sha256, ingested_at FROM document_sources WHERE document_id = ? ORDER BY id",
        [doc_id],
    )
    for row in rows:
        row["name"] = PurePath(row.pop("path") or "").name
    return rows


def references(conn: sqlite3.Connection, doc_id: int) -> list[dict]:
    """The documents this one names, in the order of the text."""
    return _rows(
        conn,
        "SELECT l.target_id, l.relation, l.mention, l.confidence, l.start, l.\"end\", "
        "d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, d.placeholder "
        "FROM document_links l JOIN documents d ON d.id = l.target_id WHERE l.source_id = ? ORDER BY l.start, l.id",
        [doc_id],
    )


def mentions(extracted: list, links: list[dict]) -> list[dict]:
    """Every place the text names a linked document: the extracted references give all the
    mentions of each (a plan named in its title and again in its opening line, "Kế hoạch nêu
    trên"), the link with the same first offset gives the document."""
    by_start = {link["start"]: link for link in links if link.get("start") is not None}
    found, seen = [], set()
    for ref in extracted:
        link = by_start.get(ref.get("start")) if isinstance(ref, dict) else None
        if not link:
            continue
        spans = ref.get("mentions") or [[ref.get("start"), ref.get("end")]]
        for span in spans:
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
                continue
            if tuple(span) in seen:
                continue
            seen.add(tuple(span))
            found.append({"target_id": link["target_id"], "relation": link["relation"], "symbol": link["symbol"],
                          "placeholder": link["placeholder"], "start": span[0], "end": span[1]})
    # links whose reference is not in the extracted list (older rows) keep their own offsets
    for link in links:
        if link.get("start") is not None and (link["start"], link["end"]) not in seen and not any(
            m["target_id"] == link["target_id"] for m in found
        ):
            found.append({k: link[k] for k in ("target_id", "relation", "symbol", "placeholder", "start", "end")})
    return sorted(found, key=lambda m: m["start"])


def citing_counts(conn: sqlite3.Connection, ids: list[int], public_only: bool = False) -> dict[int, int]:
    """How many documents cite each of ``ids`` (that the reader may know of): the count kept
    beside the links (``citation_counts``), less the citations of the (few) secret documents
    for a visitor, never a count of every link."""
    if not ids:
        return {}
    counts = {target: n for target, n in conn.execute(
        f"SELECT target_id, count FROM citation_counts WHERE target_id IN ({_in(ids)}) AND field = 'links' AND value = '*'", ids)}
    if public_only:
        for target, n in conn.execute(
            "SELECT l.target_id, count(*) FROM documents s CROSS JOIN document_links l ON l.source_id = s.id "
            f"WHERE {secret_sql('s')} AND l.target_id IN ({_in(ids)}) GROUP BY l.target_id", ids,
        ):
            counts[target] = counts.get(target, 0) - n
    return counts


def cited_by(conn: sqlite3.Connection, doc_id: int, public_only: bool = False) -> dict:
    """The documents that name this one (the first MAX_CITED_BY by date, the undated last,
    read in that order from the index on the target and the citing document's date; and how
    many in all)."""
    shown = {"id": doc_id, "all": int(not public_only), "most": MAX_CITED_BY}
    total = citing_counts(conn, [doc_id], public_only).get(doc_id, 0)
    rows = _rows(
        conn,
        "SELECT l.source_id, l.relation, l.mention, l.confidence, l.start, l.\"end\", "
        "s.symbol, s.doc_type, s.issued_date, s.issuer, s.subject, s.secrecy AS source_secrecy "
        f"FROM document_links l JOIN documents s ON s.id = l.source_id WHERE l.target_id = :id AND {_SOURCE_SHOWN} "
        f"{CITED_BY_ORDER} LIMIT :most",
        shown,
    )
    return {"total": total, "rows": rows}


def citations(conn: sqlite3.Connection, doc_id: int, public_only: bool = False) -> list[dict]:
    """What each citing document says of a placeholder: its mention as written, and the type,
    date and issuer its reference gave, as ``document_links`` stores them with the link (a
    citation that gives no date: the year the placeholder is known by)."""
    rows = _rows(
        conn,
        "SELECT l.source_id, l.relation, l.mention, l.start, d.symbol AS source_symbol, d.subject AS source_subject, "
        "d.issued_date AS source_date, d.secrecy AS source_secrecy, l.cited_symbol AS symbol, l.cited_type AS doc_type, "
        "coalesce(l.cited_date, CAST(t.year AS TEXT)) AS date, l.cited_issuer AS issuer "
        "FROM document_links l JOIN documents d ON d.id = l.source_id JOIN documents t ON t.id = l.target_id "
        f"WHERE l.target_id = :id AND (:all OR NOT {secret_sql('d')}) {CITED_BY_ORDER} LIMIT :most",
        {"id": doc_id, "all": int(not public_only), "most": MAX_CITED_BY},
    )
    return rows


def tasks(conn: sqlite3.Connection, doc_id: int, today: str) -> list[dict]:
    rows = _rows(
        conn,
        "SELECT t.id, t.assignee, o.name AS unit, t.organization_id, t.coordinators, t.action, t.deadline, "
        "t.deadline_text, t.due_by, t.recurrence, t.section, t.start, t.\"end\" "
        "FROM tasks t LEFT JOIN organizations o ON o.id = t.organization_id WHERE t.document_id = ? ORDER BY t.start, t.id",
        [doc_id],
    )
    for row in rows:
        row["coordinators"] = json_list(row["coordinators"])
        row["unit"] = row["unit"] or row["assignee"]
        due = row["due_by"] or row["deadline"]
        row["overdue"] = bool(due and due < today)
    return rows


# ---------------------------------------------------------------------------- the chain


def chain(conn: sqlite3.Connection, doc_id: int, public_only: bool = False) -> dict:
    """The chain around a document as nodes and edges: upward what it rests on and implements,
    to the top, downward everything carrying it out, each direction cut to a readable size
    (the rest counted per document, in ``more``). Edges point from the citing document to the
    cited one; ``extra`` edges are chain links between shown documents beyond the walk's tree,
    on the same side of the document."""
    up = chain_trace.trace(conn, doc_id, "up", with_documents=False, public_only=public_only, most=MAX_WALK)
    down = chain_trace.trace(conn, doc_id, "down", with_documents=False, public_only=public_only, most=MAX_WALK)
    shown = {doc_id}
    side = {doc_id: "root"}
    edges: list[dict] = []
    more: list[dict] = []
    for walk, limit in ((up, MAX_UP), (down, MAX_DOWN)):
        kept, hidden, children = 0, Counter(), Counter()
        for e in walk.edges:
            if e.parent not in shown or e.child in shown:
                continue
            if kept >= limit or children[e.parent] >= MAX_CHILDREN:
                hidden[e.parent] += 1
                continue
            kept += 1
            children[e.parent] += 1
            shown.add(e.child)
            side[e.child] = walk.direction
            source, target = (e.parent, e.child) if walk.direction == "up" else (e.child, e.parent)
            edges.append({"source": source, "target": target, "relation": e.relation,
                          "confidence": e.confidence, "direction": walk.direction, "depth": e.depth})
        # a walk cut at MAX_WALK counted only what it read: "more than n"
        more += [{"parent": p, "direction": walk.direction, "count": n, "exact": walk.complete} for p, n in hidden.items()]
    ids = sorted(shown)
    in_tree = {(e["source"], e["target"]) for e in edges}
    for source, target, relation, confidence in conn.execute(
        f"SELECT l.source_id, l.target_id, l.relation, l.confidence FROM document_links l JOIN documents s ON s.id = l.source_id "
        f"WHERE l.source_id IN ({_in(ids)}) AND l.target_id IN ({_in(ids)}) AND l.relation IN ({_in(chain_trace.CHAIN)}) "
        f"AND (? OR NOT {secret_sql('s')})",
        [*ids, *ids, *chain_trace.CHAIN, int(not public_only)],
    ):
        # links across the document (a plan below also citing a law above) would cross the picture
        same_side = side[source] == side[target] or "root" in (side[source], side[target])
        if (source, target) not in in_tree and source != target and same_side:
            edges.append({"source": source, "target": target, "relation": relation,
                          "confidence": confidence, "direction": "extra", "depth": None})
    status = doc_status.sql("documents", public=public_only)
    nodes = {row["id"]: row for row in _rows(conn, f"SELECT {SUMMARY}, {status} AS status FROM documents WHERE id IN ({_in(ids)})", ids)}
    placeholders = [i for i, n in nodes.items() if n["placeholder"]]
    citing: dict[int, list[str]] = {}
    counts = citing_counts(conn, placeholders, public_only)
    for target in placeholders:  # the first eight by date, from the index
        citing[target] = [r[0] for r in conn.execute(
            "SELECT coalesce(d.symbol, '#' || d.id) FROM document_links l JOIN documents d ON d.id = l.source_id "
            f"WHERE l.target_id = ? AND (? OR NOT {secret_sql('d')}) {CITED_BY_ORDER} LIMIT 8",
            [target, int(not public_only)],
        )]
    for node in nodes.values():
        node["placeholder"] = bool(node["placeholder"])
        node["doc_type_name"] = type_name(node["doc_type"])
        if node["placeholder"]:
            node["cited_by_count"] = counts.get(node["id"], 0)
            node["cited_by_symbols"] = citing.get(node["id"], [])[:8]
    return {
        "root": doc_id,
        "nodes": [nodes[i] for i in ids if i in nodes],
        "edges": edges,
        "more": more,
        "up_total": len(up.edges),
        "down_total": len(down.edges),
        "up_exact": up.complete,  # False: more than up_total (the walk stopped at MAX_WALK)
        "down_exact": down.complete,
    }


def chain_list(conn: sqlite3.Connection, doc_id: int, direction: str, public_only: bool = False) -> list[dict]:
    """Every document of one direction of the chain, with its depth and the link that reached it."""
    walk = chain_trace.trace(conn, doc_id, direction, public_only=public_only)
    rows = []
    for e in walk.edges:
        d = dict(walk.documents[e.child])
        d.update(parent=e.parent, relation=e.relation, depth=e.depth, confidence=e.confidence)
        d["parent_symbol"] = walk.documents[e.parent]["symbol"]
        d["doc_type_name"] = type_name(d["doc_type"])
        rows.append(d)
    return rows
