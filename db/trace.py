"""The chain of instructions: what a document rests on, and what carries it out.

Up from a document: the documents it is based on and implements, and theirs, and so on.
Down: every document based on it or implementing it, transitively. Both walk the
``document_links`` indexes one level at a time (one query per level, each document visited
once), so a depth-10 trace over a large graph stays a handful of indexed lookups.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..nlp.normalize import fold, symbol_key
from ..nlp import vietnamese as vn
from ..nlp.secrecy import secret_sql
from . import status

CHAIN = ("based_on", "implements")  # the relations that make the chain of instructions
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_FEW = 20  # parents a query, in a walk that stops at its ``most`` documents


@dataclass
class Edge:
    parent: int  # the document the trace reached first
    child: int  # the document it leads to (up: the one cited; down: the one citing)
    relation: str
    confidence: float
    depth: int


@dataclass
class Trace:
    root: int
    direction: str  # "up" or "down"
    edges: list[Edge] = field(default_factory=list)  # a tree: each document reached once
    documents: dict[int, dict] = field(default_factory=dict)
    complete: bool = True  # False: the walk stopped at its ``most`` documents, there are more

    def children(self, parent: int) -> list[Edge]:
        return [e for e in self.edges if e.parent == parent]


def find_documents(conn: sqlite3.Connection, symbol_or_id: str) -> list[int]:
    """Documents by id ("42") or by số ký hiệu in any spelling; several when two bodies share a symbol."""
    if symbol_or_id.isascii() and symbol_or_id.isdigit() and int(symbol_or_id) < 2**63:  # "²" is a digit too; SQLite ids are 64-bit
        row = conn.execute("SELECT id FROM documents WHERE id = ?", [int(symbol_or_id)]).fetchone()
        if row:
            return [row[0]]
    rows = conn.execute(
        "SELECT id FROM documents WHERE symbol_key = ? ORDER BY placeholder, issued_date, id", [symbol_key(symbol_or_id)]
    )
    return [r[0] for r in rows]


def trace(
    conn: sqlite3.Connection,
    root: int,
    direction: str = "down",
    depth: int = 10,
    relations: tuple[str, ...] | None = CHAIN,
    with_documents: bool = True,
    public_only: bool = False,
    most: int | None = None,
) -> Trace:
    """Walk the links from ``root`` up or down to ``depth`` levels; ``relations=None`` follows all.
    ``public_only`` follows only the links stated by documents not marked secret (what a
    visitor who has not signed in may know). ``most``: stop once that many documents are
    reached (``complete`` says whether the walk went to its end): a page showing the first
    ones does not read the whole chain of a decree the whole archive rests on, a level's
    parents are then read a few at a time."""
    if direction not in ("up", "down"):
        raise ValueError("direction is 'up' or 'down'")
    near, far = ("source_id", "target_id") if direction == "up" else ("target_id", "source_id")
    relation_filter = f" AND NOT {secret_sql('s')}" if public_only else ""
    relation_args: list[str] = []
    if relations:
        relation_filter += f" AND l.relation IN ({', '.join('?' for _ in relations)})"
        relation_args = list(relations)
    result = Trace(root, direction)
    seen = {root}
    frontier = [root]
    chunk_size = _CHUNK if most is None else _FEW
    for level in range(1, depth + 1):
        if not frontier or not result.complete:
            break
        next_frontier = []
        for start in range(0, len(frontier), chunk_size):
            if not result.complete:
                break
            chunk = frontier[start : start + chunk_size]
            sql = (
                f"SELECT l.{near}, l.{far}, l.relation, l.confidence FROM document_links l "
                + ("JOIN documents s ON s.id = l.source_id " if public_only else "")
                + f"WHERE l.{near} IN ({', '.join('?' for _ in chunk)}){relation_filter} ORDER BY l.{near}, l.id"
            )
            for parent, child, relation, confidence in conn.execute(sql, [*chunk, *relation_args]):
                if child in seen:
                    continue
                if most is not None and len(result.edges) >= most:
                    result.complete = False  # one more than asked for: there are more
                    break
                seen.add(child)
                next_frontier.append(child)
                result.edges.append(Edge(parent, child, relation, confidence, level))
        frontier = next_frontier
    if with_documents:
        result.documents = _documents(conn, sorted(seen), public_only)
    return result


def _documents(conn: sqlite3.Connection, ids: list[int], public_only: bool = False) -> dict[int, dict]:
    """The documents ``ids``, each with its status as of today (``public_only``: from what
    documents not marked secret say)."""
    found = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        cursor = conn.execute(
            f"SELECT id, symbol, doc_type, issued_date, issuer, subject, placeholder, {status.sql('documents', public=public_only)} AS status, "
            f"effective_date FROM documents WHERE id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        )
        names = [d[0] for d in cursor.description]
        for row in cursor:
            found[row[0]] = dict(zip(names, row))
    return found


def describe(doc: dict) -> str:
    """One line for a document: symbol, date, issuer, trích yếu; placeholders say so."""
    parts = [doc.get("symbol") or (doc.get("subject") or f"#{doc['id']}")]
    if doc.get("issued_date"):
        parts.append(vn.date(doc["issued_date"]))
    if doc.get("issuer"):
        parts.append(doc["issuer"])
    line = " · ".join(parts)
    if doc.get("symbol") and doc.get("subject") and not doc.get("placeholder"):
        subject = doc["subject"]
        line += f" — {subject[:90]}{'…' if len(subject) > 90 else ''}"
    if doc.get("placeholder"):
        line += " (được viện dẫn, chưa nhập)"
    if doc.get("status") and doc["status"] != "còn hiệu lực":
        line += f" [{doc['status']}]"  # replaced, repealed, amended, not yet in force
    return f"[{doc['id']}] {line}"


def to_json(result: Trace) -> dict:
    """The trace as data: the root, and one entry per document reached with the link that
    reached it; every document with its status in force."""
    return {
        "root": result.documents[result.root],
        "direction": result.direction,
        "documents": [
            {"parent": e.parent, "relation": e.relation, "confidence": e.confidence, "depth": e.depth, **result.documents[e.child]}
            for e in result.edges
        ],
    }


def render(result: Trace) -> list[str]:
    """The trace as an indented tree, one line per document."""
    lines = [describe(result.documents[result.root])]
    by_parent: dict[int, list[Edge]] = {}
    for edge in result.edges:
        by_parent.setdefault(edge.parent, []).append(edge)

    def walk(parent: int, indent: str) -> None:
        edges = by_parent.get(parent, [])
        for i, edge in enumerate(edges):
            last = i == len(edges) - 1
            sure = "" if edge.confidence >= 1.0 else f", độ tin cậy {vn.number(edge.confidence)}"
            lines.append(f"{indent}{'└─' if last else '├─'} {vn.relation(edge.relation)}{sure}: {describe(result.documents[edge.child])}")
            walk(edge.child, indent + ("   " if last else "│  "))

    walk(result.root, "")
    return lines


# ---------------------------------------------------------------------------- derived tasks


@dataclass
class TaskRow:
    document_id: int
    symbol: str | None
    assignee: str
    organization: str | None
    action: str
    deadline: str | None
    deadline_text: str | None
    section: str | None
    due_by: str | None = None  # the last day the deadline's words allow
    recurrence: str | None = None  # standing, yearly, monthly, every 6 months ...
    overdue: bool = False  # past due_by
    ended: bool = False  # its document is no longer in force (hết hiệu lực toàn bộ)


def tasks_of(conn: sqlite3.Connection, document_ids: list[int], today: str | None = None) -> list[TaskRow]:
    """The tasks of these documents (a document and everything that implements it): overdue
    ones first, then by the last day allowed, then standing duties, then those without one."""
    found: list[TaskRow] = []
    for start in range(0, len(document_ids), _CHUNK):
        chunk = document_ids[start : start + _CHUNK]
        found.extend(_task_rows(conn, f"t.document_id IN ({', '.join('?' for _ in chunk)})", chunk, today))
    return _by_deadline(found)


def tasks_of_unit(conn: sqlite3.Connection, unit: str, today: str | None = None, kind: str = "assignment") -> list[TaskRow]:
    """The tasks of one unit (any spelling: every word of the query is a word of the
    organization's name, see db/units.py) across all documents, in the order of :func:`tasks_of`;
    of one ``kind`` (nlp/task_kinds.py: the duties assigned unless asked), or ``"all"``."""
    from . import units

    ids = units.organization_ids(conn, unit)
    where, args = "t.organization_id IN (SELECT value FROM json_each(?))", [units.ids_json(ids)]
    if kind != "all":
        where += " AND coalesce(t.kind, 'assignment') = ?"
        args.append(kind)
    # the open tasks: those of a document no longer in force are left out
    return _by_deadline([r for r in _task_rows(conn, where, args, today) if not r.ended])


def _task_rows(conn: sqlite3.Connection, where: str, args: list, today: str | None) -> list[TaskRow]:
    today = today or status.today()
    sql = (
        "SELECT t.document_id, d.symbol, t.assignee, o.name, t.action, t.deadline, t.deadline_text, t.section, "
        f"coalesce(t.due_by, t.deadline), t.recurrence, coalesce({status.ended_sql('d', today)}, 0) "
        "FROM tasks t JOIN documents d ON d.id = t.document_id LEFT JOIN organizations o ON o.id = t.organization_id "
        f"WHERE {where}"
    )
    return [TaskRow(*row[:10], overdue=bool(row[8] and row[8] < today) and not row[10], ended=bool(row[10])) for row in conn.execute(sql, args)]


def _by_deadline(rows: list[TaskRow]) -> list[TaskRow]:
    """Overdue first (past ``due_by``), then by ``due_by``, then standing and periodic duties,
    then tasks without a date."""
    return sorted(
        rows,
        key=lambda r: (not r.overdue, r.due_by is None, r.due_by or "", r.recurrence is None, r.document_id, r.section or ""),
    )


def render_tasks(rows: list[TaskRow]) -> list[str]:
    """One line a task: "[hạn cuối 30/09/2026: Quý III năm 2026]", "[hằng tháng: trước ngày 15
    hằng tháng]", "[15/12/2025]" (a day given), then the unit, the action and where it is written."""
    lines = []
    for row in rows:
        if row.deadline:
            when = vn.date(row.deadline)
        elif row.due_by:
            when = f"hạn cuối {vn.date(row.due_by)}" + (f": {row.deadline_text}" if row.deadline_text else "")
        elif row.recurrence:
            rhythm = vn.recurrence(row.recurrence)  # its words only when they say more ("trước ngày 15 hằng tháng")
            words = row.deadline_text if row.deadline_text and fold(row.deadline_text) != fold(rhythm) else ""
            when = rhythm + (f": {words}" if words else "")
        else:
            when = row.deadline_text or "không có hạn"
        mark = "QUÁ HẠN " if row.overdue else "HẾT HIỆU LỰC " if row.ended else ""
        where = f"{row.symbol or '#' + str(row.document_id)}{' ' + row.section if row.section else ''}"
        action = row.action if len(row.action) <= 110 else row.action[:110] + "…"
        lines.append(f"{mark}[{when}] {row.organization or row.assignee} — {action} ({where})")
    return lines
