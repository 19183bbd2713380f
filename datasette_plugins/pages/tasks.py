"""Tasks, `/-/tasks` (and `.json`): every task, overdue first as of today, then by the last
allowed day (``tasks.due_by``), then those without one; filtered by unit (``?unit=``, any
spelling, see db/units.py), document (``?document=<id>``), month of the deadline
(``?month=2025-12``), or the decision they derive from (``?from=<id>``: the tasks of the
decision and of everything based on it or implementing it, transitively, grouped by document
with its depth in the chain). Tasks of secret documents are shown to signed-in users only."""
from __future__ import annotations

import json
import re

from datasette.database import QueryInterrupted

from ...db import trace as chain
from ...db import status as doc_status
from ...db import units
from ...db.schema import BOARD_ORDER, OPEN_ORDER, PLANS_AND_DIRECTIVES
from ...nlp.deadlines import next_occurrence
from ..document_data import json_list
from ...nlp.secrecy import secret_sql
from .common import MAX_ID, Pages, busy_response, counted, database, html_response, json_response, page_number, public_only, today

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_COLUMNS = (
    "SELECT t.id, t.document_id, d.symbol, d.doc_type, d.issued_date, d.subject, d.placeholder, "
    "coalesce(o.name, t.assignee) AS unit, t.assignee, t.coordinators, t.action, t.deadline, t.deadline_text, "
    "t.due_by, t.recurrence, t.section, {status} AS document_status, coalesce(t.kind, 'assignment') AS kind, "
    "t.deadline_note "
)
# The kinds of duty (nlp/task_kinds.py): the board shows assignments unless asked (?kind=)
KINDS = ("assignment", "responsibility", "execution", "obligation")
# The opening page: plans, directives and công điện first (the duties a planner acts on),
# then the current tasks (due today or later, then periodic and undated ones), the overdue
# ones last, each by its last day and then the newest documents first. ``tasks.open_key``
# holds that order but for today (db/schema.py): these four ranges of its index, read in turn,
# give it (plans current, plans overdue, the rest current, the rest overdue), nothing sorted.
def _opening_ranges(today: str) -> list[tuple[str, str]]:
    return [("0" + today, "1"), ("0", "0" + today), ("1" + today, "2"), ("1", "1" + today)]


# A unit with more tasks than this is read in the board's order from its index (the unit's
# share of it), one with fewer from the index on the unit and sorted: either way a page reads
# about a few thousand index entries at most, whatever the archive's size.
UNIT_SORTED_MOST = 2000
# ?from=: the chain below a decision is walked to this many documents (the page says so)
CHAIN_MOST = 300
ENDED = "hết hiệu lực toàn bộ"  # db/status.py's EXPIRED: such a document's tasks leave the open lists
_JOINS = "JOIN documents d ON d.id = t.document_id LEFT JOIN organizations o ON o.id = t.organization_id "
_FROM = "FROM tasks t " + _JOINS
# The chain below a decision, {document id: depth}, as one parameter
_FROM_CHAIN = "FROM json_each(:chain) c JOIN tasks t ON t.document_id = CAST(c.key AS INTEGER) " + _JOINS
# Overdue tasks are those whose due_by is before today, so "overdue first, then by deadline"
# is the order of due_by itself, undated ones last, then by the document's date: stored in
# tasks.board_key, whose index serves the board without sorting every task (db/schema.py).
_ORDER = BOARD_ORDER
_ORDER_IN_CHAIN = "ORDER BY c.value, d.issued_date, t.document_id, t.due_by IS NULL, t.due_by, t.start, t.id"


class BadRequest(ValueError):
    pass


def _filters(request) -> dict:
    args = request.args
    found = {}
    if (args.get("unit") or "").strip():
        found["unit"] = args.get("unit").strip()
    for name in ("document", "from"):
        value = (args.get(name) or "").strip()
        if value:
            if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
                raise BadRequest(f"{name}: a document id is a number below 2^63, not {value[:40]!r}")
            found[name] = int(value)
    kind = (args.get("kind") or "").strip()
    if kind:
        if kind not in KINDS + ("all",):
            raise BadRequest(f"kind: one of {', '.join(KINDS)} or all, not {kind[:40]!r}")
        found["kind"] = kind
    month = (args.get("month") or "").strip()
    if month:
        if not _MONTH.match(month):
            raise BadRequest(f"month: write it as YYYY-MM (2025-12), not {month!r}")
        found["month"] = month
    return found


def _next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


async def _chain_depths(db, root: int, hide: bool) -> tuple[dict[int, int], bool]:
    """Each document of the chain below ``root`` (root included) and its depth, from db/trace.py's
    walk, to CHAIN_MOST documents; and whether that is the whole chain."""

    def walk(conn):
        result = chain.trace(conn, root, "down", with_documents=False, public_only=hide, most=CHAIN_MOST)
        depths = {root: 0}
        for edge in result.edges:
            depths.setdefault(edge.child, edge.depth)
        return depths, result.complete

    return await db.execute_fn(walk)


async def task_list(datasette, request) -> dict:
    """The tasks the request asks for, one page of them, with what is needed to show them."""
    db, links = database(datasette, request)
    filters = _filters(request)
    hide = await public_only(db, request.actor)
    where: list[str] = []
    args: dict = {}
    source = _FROM
    order = _ORDER
    context: dict = {"filters": filters}
    if "unit" in filters:
        ids = await db.execute_fn(lambda conn: units.organization_ids(conn, filters["unit"]))
        if hide:  # units named only in secret documents are not known to this reader
            known = await db.execute("SELECT id FROM public_organizations WHERE id IN (SELECT value FROM json_each(?))", [units.ids_json(ids)])
            ids = [r[0] for r in known]
        where.append("t.organization_id IN (SELECT value FROM json_each(:units))")
        args["units"] = units.ids_json(ids)
        context["unit_count"] = len(ids)
        names = await db.execute("SELECT name FROM organizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY length(name), name LIMIT 30", [args["units"]])
        context["unit_names"] = [r[0] for r in names] + (["…"] if len(ids) > 30 else [])
    if "document" in filters:
        where.append("t.document_id = :document")
        args["document"] = filters["document"]
        row = (await db.execute(f"SELECT id, symbol, subject FROM {'public_documents' if hide else 'documents'} WHERE id = ?", [filters["document"]])).first()
        context["document"] = dict(row, url=links.document(row["id"])) if row else None
    if "month" in filters:
        # board_key begins with due_by: the same range of it, read from the board's index in order
        where.append("t.due_by >= :month_start AND t.due_by < :month_end AND t.board_key >= :month_start AND t.board_key < :month_end")
        args["month_start"] = filters["month"] + "-01"
        args["month_end"] = _next_month(filters["month"]) + "-01"
    depths: dict[int, int] = {}
    if "from" in filters:
        exists = (await db.execute(f"SELECT id, symbol, subject, placeholder, secrecy FROM {'public_documents' if hide else 'documents'} WHERE id = ?", [filters["from"]])).first()
        context["root"] = dict(exists, url=links.document(exists["id"])) if exists else None
        depths, whole = await _chain_depths(db, filters["from"], hide) if exists else ({}, True)
        context["chain_size"] = len(depths)
        context["chain_whole"] = whole
        source = _FROM_CHAIN
        args["chain"] = json.dumps({str(k): v for k, v in depths.items()})
        order = _ORDER_IN_CHAIN
    if "from" not in filters and "document" not in filters and not request.args.get("ended"):
        # no longer in force today: no open task (the documents ended, from the index on ended_on)
        where.append(f"t.document_id NOT IN (SELECT d.id FROM documents d WHERE {doc_status.ended_sql('d', today(), public=hide)})")
    kind = filters.get("kind", "all" if "document" in filters else "assignment")
    if kind != "all":  # assignments unless another kind is asked for (a document's own: all of them)
        where.append("coalesce(t.kind, 'assignment') = :kind")
        args["kind"] = kind
    context["kind"] = kind
    if hide:  # the few secret documents, from their index: no join per task
        where.append(f"t.document_id NOT IN (SELECT d.id FROM documents d WHERE {secret_sql('d')})")
    context["secret_hidden"] = hide
    clause = ("WHERE " + " AND ".join(where) + " ") if where else ""
    # every condition is on the task itself: counted without the joins (but in a chain)
    total, exact = await counted(db, f"SELECT 1 {source if 'from' in filters else 'FROM tasks t '}{clause}", args)
    pages = Pages(request, total, page_number(request), exact=exact)
    args.update(limit=pages.size, offset=pages.offset)
    columns = _COLUMNS.format(status=doc_status.sql("d", today(), public=hide))
    if not filters:  # the opening page: four ranges of the opening order's index, in turn
        ids = await db.execute_fn(lambda conn: _opening_ids(conn, where, args, today(), pages.offset, pages.size))
        found = await db.execute(f"{columns}{source}WHERE t.id IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(ids)})
        place = {task_id: i for i, task_id in enumerate(ids)}
        rows = sorted(found, key=lambda row: place[row["id"]])
    else:
        if "unit" in filters:  # the unit's share of the board's index, or its own index and a sort
            source = source.replace("FROM tasks t ", "FROM tasks t INDEXED BY " + (
                "idx_tasks_board " if total > UNIT_SORTED_MOST or not exact else "idx_tasks_organization_id_deadline "), 1)
        elif "month" in filters:
            source = source.replace("FROM tasks t ", "FROM tasks t INDEXED BY idx_tasks_board ", 1)
        rows = await db.execute(f"{columns}{source}{clause}{order} LIMIT :limit OFFSET :offset", args)
    now = today()
    tasks = []
    for row in rows:
        task = dict(row)
        task["coordinators"] = json_list(task["coordinators"])
        task["ended"] = task.get("document_status") == ENDED
        task["overdue"] = bool(task["due_by"] and task["due_by"] < now) and not task["ended"]
        task["document_url"] = links.document(task["document_id"])
        task["next_due"] = next_occurrence(task["deadline_text"], task["recurrence"], now)  # a periodic duty's next day
        if depths:
            task["depth"] = depths.get(task["document_id"])
        tasks.append(task)
    context.update(tasks=tasks, pages=pages, today=now, db_name=request.args.get("db"))
    return context


def _opening_ids(conn, where: list[str], args: dict, today: str, offset: int, size: int) -> list[int]:
    """The ids of the opening page's tasks: the ranges of ``tasks.open_key`` read in turn,
    each from its index in order, until the page's last one (the index holds every column
    the conditions ask: nothing else is read)."""
    found: list[int] = []
    for low, high in _opening_ranges(today):
        need = offset + size - len(found)
        if need <= 0:
            break
        clause = " AND ".join(["t.open_key >= :low AND t.open_key < :high", *where])
        found += [r[0] for r in conn.execute(
            f"SELECT t.id FROM tasks t INDEXED BY idx_tasks_open WHERE {clause} {OPEN_ORDER} LIMIT :need",
            {**args, "low": low, "high": high, "need": need},
        )]
    return found[offset : offset + size]


def _groups(tasks: list[dict]) -> list[dict]:
    """Consecutive tasks of one document, for the ``?from=`` view."""
    groups: list[dict] = []
    for task in tasks:
        if not groups or groups[-1]["document_id"] != task["document_id"]:
            groups.append({key: task[key] for key in ("document_id", "symbol", "doc_type", "issued_date", "subject", "document_url", "depth")} | {"tasks": []})
        groups[-1]["tasks"].append(task)
    return groups


_JSON_FIELDS = (
    "id", "document_id", "symbol", "doc_type", "issued_date", "unit", "assignee", "coordinators", "action",
    "deadline", "deadline_text", "due_by", "recurrence", "section", "overdue", "document_url", "ended",
    "kind", "deadline_note", "next_due",
)


async def tasks_page(datasette, request):
    want_json = request.url_vars.get("format") == "json"
    try:
        context = await task_list(datasette, request)
    except QueryInterrupted:
        return await busy_response(datasette, request, want_json)
    except BadRequest as exc:
        if want_json:
            return json_response({"ok": False, "error": str(exc)}, status=400)
        return await html_response(datasette, request, "tasks.html", {"error": str(exc), "tasks": [], "filters": {}}, status=400)
    if want_json:
        fields = _JSON_FIELDS + (("depth",) if "from" in context["filters"] else ())
        return json_response(
            {
                "ok": True,
                "today": context["today"],
                "filters": context["filters"],
                **context["pages"].as_json(),
                "rows": [{key: task.get(key) for key in fields} for task in context["tasks"]],
            }
        )
    context["groups"] = _groups(context["tasks"]) if "from" in context["filters"] else None
    context["json_url"] = context["pages"].link(context["pages"].page, path=datasette.urls.path("/-/tasks.json"))
    return await html_response(datasette, request, "tasks.html", context)


ROUTES = [(r"^/-/tasks(\.(?P<format>json))?$", tasks_page)]
