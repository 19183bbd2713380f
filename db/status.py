"""Whether each document is still in force (tình trạng hiệu lực), from its own text and from
every link into it, as vbpl.vn and thuvienphapluat.vn show it.

The acts on a document come from two places: a document that states its act on it (its title,
its final articles: ``document_links.acts`` of a link from the acting document), and a
consolidation note in the document's own text ("[Khoản này được sửa đổi bởi ... Nghị định
59/2018/NĐ-CP]": an ``amended_by`` act of a link from this document, the acting one being its
target, a placeholder until it arrives). Each act has the day it takes effect: the note's "có
hiệu lực từ ngày ...", else the acting document's own effective date, else its date of issue.

The status as of a day:
- ``chưa có hiệu lực``: its effective date is still to come;
- ``hết hiệu lực toàn bộ``: replaced, repealed as a whole, or past its own last day;
- ``hết hiệu lực một phần``: some of its parts repealed;
- ``còn hiệu lực (đã được sửa đổi, bổ sung)``: amended;
- ``còn hiệu lực``: none of these, as far as the documents in the database tell.

As days pass, a document only moves down that list (from "not yet" to "in force" to
"amended" ...), so what is stored is date-free: its ``effective_date`` and the first day of
each later state (``amended_on``, ``partly_ended_on``, ``ended_on``: "" for an act the database
knows no date of), and the same computed from the acts of documents not marked secret only
(``public_amended_on`` ...: what a visitor may know). The status as of any day is then a
``CASE`` over a row's own columns (:func:`sql`): every page, view and command reads it as of
today, however long ago the row was written, at no cost that grows with the archive. The
``status`` column itself (the documents table and its facet) is the status as of the day it was
written, and ``status_changes_on`` the next day it changes: each ingest brings the rows whose
day has come up to date (:func:`refresh_due`, an index). ``status_detail`` holds, as JSON, the
acts with the acting documents and their dates, and no date of its own.

All of it is computed again, by :func:`refresh`, for every document a newly stored document
acts on, whatever order the documents come in.
"""
from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from typing import Iterable

from ..nlp.secrecy import is_secret, secret_sql

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
    conn.execute(
        "UPDATE document_links SET relations = ?, scope = ?, acts = ? WHERE source_id = ? AND target_id = ?",
        [*join_columns(*row, *link_columns(ref)), source_id, target_id],
    )


def join_columns(relations: str | None, scope: str | None, acts: str | None,
                 more_relations: str | None, more_scope: str | None, more_acts: str | None) -> tuple:
    """``relations``, ``scope`` and ``acts`` of a link joined with a second citation's, in
    that order."""
    joined = json.loads(relations or "[]")
    joined += [r for r in json.loads(more_relations or "[]") if r not in joined]
    if len(joined) > 1 and "cites" in joined:
        joined.remove("cites")
    all_acts = json.loads(acts or "[]")
    all_acts += [a for a in json.loads(more_acts or "[]") if a not in all_acts]
    scopes = [s for s in (scope, more_scope) if s]
    return (json.dumps(joined), "; ".join(dict.fromkeys(scopes)) or None,
            json.dumps(all_acts, ensure_ascii=False) if all_acts else None)


def today() -> str:
    """The day statuses are read as of (ISO): today. Tests replace it."""
    return date.today().isoformat()


def _as_of(day: str | None) -> str:
    """``day``, else :func:`today` (looked up when called: a test's replacement holds)."""
    return day or today()


# SQLite's "today" for the views, which no Python runs for
TODAY_SQL = "date('now', 'localtime')"
# the first day of each state after "in force", in the order a document moves through them
PARTS = ("amended_on", "partly_ended_on", "ended_on")
PUBLIC_PARTS = tuple("public_" + name for name in PARTS)
# Acts the database knows no date of count from always: "" sorts before every day.
ALWAYS = ""
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(today: str | None) -> str:
    """``today`` as SQL: a quoted ISO day (checked), or :data:`TODAY_SQL`."""
    today = _as_of(today)
    if today == TODAY_SQL:
        return today
    if not _ISO.match(today):
        raise ValueError(f"not an ISO day: {today!r}")
    return f"'{today}'"


def sql(alias: str = "d", today: str | None = None, public: bool = False) -> str:
    """The status of the document row ``alias`` as of ``today`` (default :func:`today`), as a
    SQL expression over the row's own columns. ``public``: from the acts of documents not
    marked secret only, and nothing of a secret document's own text (a visitor's)."""
    day = _day(today)
    effective = f"{alias}.effective_date"
    if public:
        effective = f"CASE WHEN {secret_sql(alias)} THEN NULL ELSE {alias}.effective_date END"
    amended, partly, ended = (f"{alias}.{name}" for name in (PUBLIC_PARTS if public else PARTS))
    return (f"CASE WHEN {effective} > {day} THEN '{NOT_YET}' WHEN {ended} <= {day} THEN '{EXPIRED}' "
            f"WHEN {partly} <= {day} THEN '{PARTLY}' WHEN {amended} <= {day} THEN '{AMENDED}' ELSE '{IN_FORCE}' END")


def ended_sql(alias: str = "d", today: str | None = None, public: bool = False) -> str:
    """Whether the row ``alias`` is no longer in force at all as of ``today``, as SQL that the
    index on ``ended_on`` (``public_ended_on``) serves."""
    day = _day(today)
    ended = f"{alias}.{'public_' if public else ''}ended_on"
    effective = f"{alias}.effective_date" if not public else f"CASE WHEN {secret_sql(alias)} THEN NULL ELSE {alias}.effective_date END"
    return f"({ended} <= {day} AND coalesce({effective} <= {day}, 1))"


def _acts_of(link_acts: str | None, relation: str | None, relations: str | None) -> list[dict]:
    if link_acts:
        acts = json.loads(link_acts)
        if acts:
            return acts
    names = json.loads(relations) if relations else [relation]
    return [{"act": name} for name in names if name]


_ACTOR_COLUMNS = "d.symbol, d.subject, d.doc_type, d.issued_date, d.effective_date, d.secrecy"


def _acts(stated_in: str, actor: int, link: tuple, actor_row: tuple, own_secret: bool) -> list[dict]:
    """The acts one link states, each as :func:`acts_on` gives it (``link``: its acts,
    relation and relations; ``actor_row``: the acting document's :data:`_ACTOR_COLUMNS`)."""
    names = _FORWARD if stated_in == "actor" else _NOTES
    symbol, subject, doc_type, issued, effective, secrecy = actor_row
    found = []
    for a in _acts_of(*link):
        act = names.get(a.get("act"))
        if act:
            found.append({"act": act, "actor_id": actor, "actor_symbol": symbol or subject, "actor_type": doc_type,
                          "scope": a.get("scope"), "date": a.get("effective_date") or effective or issued,
                          "stated_in": stated_in, "secret": is_secret(secrecy) if stated_in == "actor" else own_secret})
    return found


def _order(a: dict) -> tuple:
    """The acts' order: by day, then by what is stored of them (:data:`_STORED_ACT`), so that
    two orders of the same acts differ only where the acts are alike."""
    return (a["date"] or "9999", a["actor_symbol"] or "", a["act"], a["scope"] or "", a["stated_in"], a["actor_type"] or "")


def acts_on(conn: sqlite3.Connection, document_id: int) -> list[dict]:
    """Every act on a document the database knows, each with the acting document (``actor_id``,
    ``actor_symbol``), its ``scope``, the day it takes effect (``date``), where it is stated
    (``stated_in``: ``actor`` for the acting document's own words, ``note`` for a consolidation
    note of this one) and whether the document stating it is marked secret (``secret``)."""
    found: list[dict] = []
    me = conn.execute("SELECT secrecy FROM documents WHERE id = ?", [document_id]).fetchone()
    own_secret = bool(me) and is_secret(me[0])
    columns = f"l.acts, l.relation, l.relations, {_ACTOR_COLUMNS}"
    # the acting document's own words (links into this one: only those stating an act, an
    # index), then this one's notes (its "_by" links)
    for stated_in, sql_text in (
        ("actor", f"SELECT l.source_id, {columns} FROM document_links l JOIN documents d ON d.id = l.source_id "
                  "WHERE l.target_id = ? AND l.acts IS NOT NULL"),
        ("note", f"SELECT l.target_id, {columns} FROM document_links l JOIN documents d ON d.id = l.target_id "
                 "WHERE l.source_id = ? AND l.relations LIKE '%!_by%' ESCAPE '!'"),
    ):
        for actor, *row in conn.execute(sql_text, [document_id]).fetchall():
            found.extend(_acts(stated_in, actor, tuple(row[:3]), tuple(row[3:]), own_secret))
    found.sort(key=lambda a: (*_order(a), a["actor_id"]))
    return found


def _after(day: str) -> str | None:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def parts(expiry_date: str | None, acts: list[dict]) -> dict[str, str | None]:
    """The first day of each state after "in force" (:data:`PARTS`; None: never), from the
    acts on a document and its own last day."""
    def first(chosen) -> str | None:
        days = [a["date"] or ALWAYS for a in acts if chosen(a)]
        return min(days) if days else None

    ended = [d for d in (first(lambda a: a["act"] in ("repeals", "replaces") and not a["scope"]),
                         _after(expiry_date) if expiry_date else None) if d is not None]
    return {"amended_on": first(lambda a: a["act"] in ("amends", "replaces")),
            "partly_ended_on": first(lambda a: a["act"] == "repeals"),
            "ended_on": min(ended) if ended else None}


def of_parts(effective_date: str | None, found: dict[str, str | None], today: str) -> str:
    """The status as of ``today`` from :func:`parts` (what :func:`sql` says in SQL)."""
    if effective_date and effective_date > today:
        return NOT_YET
    for name, status in (("ended_on", EXPIRED), ("partly_ended_on", PARTLY), ("amended_on", AMENDED)):
        if found[name] is not None and found[name] <= today:
            return status
    return IN_FORCE


def changes_on(effective_date: str | None, found: dict[str, str | None], today: str) -> str | None:
    """The next day after ``today`` on which the status changes, None when it never will."""
    later = [d for d in (effective_date, *found.values()) if d and d > today]
    return min(later) if later else None


def compute(effective_date: str | None, expiry_date: str | None, acts: list[dict], today: str | None = None) -> tuple[str, dict]:
    """The status as of ``today`` (ISO; default :func:`today`) and its detail: ``as_of``, the
    acts, ``ended_by`` and ``ended_on`` when it ended, the acts still to come (``pending``)."""
    today = _as_of(today)
    status = of_parts(effective_date, parts(expiry_date, acts), today)
    detail = {"as_of": today, "effective_date": effective_date, "expiry_date": expiry_date, "source": CAVEAT, "acts": acts}
    due = [a for a in acts if a["act"] != "guides" and (a["date"] is None or a["date"] <= today)]
    whole_end = [a for a in due if a["act"] in ("repeals", "replaces") and not a["scope"]]
    if status == EXPIRED:
        if whole_end:
            detail["ended_by"] = whole_end[0]
            detail["ended_on"] = whole_end[0]["date"]
        else:
            detail["ended_on"] = expiry_date
    pending = [a for a in acts if a["act"] != "guides" and a not in due]
    if pending:
        detail["pending"] = pending  # acts that take effect later
    return status, detail


_STORED_ACT = ("act", "actor_symbol", "actor_type", "scope", "date", "stated_in")


def refresh(conn: sqlite3.Connection, document_ids: Iterable[int], today: str | None = None) -> None:
    """Compute and store the status of each of ``document_ids`` (those gone are skipped): its
    parts, for every reader and for a visitor, the status as of ``today`` and the day it next
    changes, and the acts (without row ids, which depend on the order files came in)."""
    today = _as_of(today)
    for document_id in sorted(set(document_ids)):
        row = conn.execute("SELECT effective_date, expiry_date, secrecy FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            continue
        effective, expiry, secrecy = row
        acts = acts_on(conn, document_id)
        found = parts(expiry, acts)
        public = parts(None if is_secret(secrecy) else expiry, [a for a in acts if not a["secret"]])
        _store(conn, document_id, effective, expiry, found, public, [{name: a[name] for name in _STORED_ACT} for a in acts], today)


def _store(conn: sqlite3.Connection, document_id: int, effective: str | None, expiry: str | None,
           found: dict, public: dict, stored_acts: list[dict], today: str) -> None:
    detail = {"effective_date": effective, "expiry_date": expiry, "source": CAVEAT, "acts": stored_acts}
    values = {"status": of_parts(effective, found, today), "status_changes_on": changes_on(effective, found, today),
              "status_detail": json.dumps(detail, ensure_ascii=False), **found,
              **{"public_" + name: value for name, value in public.items()}}
    names = ", ".join(f"{name} = ?" for name in values)
    unchanged = " OR ".join(f"{name} IS NOT ?" for name in values)
    conn.execute(f"UPDATE documents SET {names} WHERE id = ? AND ({unchanged})",
                 [*values.values(), document_id, *values.values()])


def _earliest(stored: dict, new: dict) -> dict:
    """Two :func:`parts` as one: each state from the earlier of its first days (None: never)."""
    return {name: min((d for d in (stored[name], new[name]) if d is not None), default=None) for name in stored}


def add_acts(conn: sqlite3.Connection, actor_id: int, targets: Iterable[int], today: str | None = None) -> set[int]:
    """The status of ``targets`` with the acts of a newly linked document on them added to
    what is stored: the first day of each state is the earlier of the stored one and the new
    acts' (:func:`parts` is a minimum), and the stored acts take the new ones in their order.
    The same as :func:`refresh`, without reading every act on a document the archive acts on
    again and again. Returns the targets done: one without a stored status is left to
    :func:`refresh`."""
    today = _as_of(today)
    actor = conn.execute(f"SELECT {_ACTOR_COLUMNS} FROM documents d WHERE d.id = ?", [actor_id]).fetchone()
    done: set[int] = set()
    if actor is None:
        return done
    for target in sorted(set(targets)):
        link = conn.execute("SELECT acts, relation, relations FROM document_links WHERE source_id = ? AND target_id = ? "
                            "AND acts IS NOT NULL", [actor_id, target]).fetchone()
        row = conn.execute(f"SELECT effective_date, expiry_date, status, status_detail, {', '.join(PARTS)}, "
                           f"{', '.join(PUBLIC_PARTS)} FROM documents WHERE id = ?", [target]).fetchone()
        if row is None or row[2] is None or not row[3]:
            continue
        effective, expiry, _, detail, *days = row
        acts = _acts("actor", actor_id, tuple(link), tuple(actor), False) if link else []
        found = _earliest(dict(zip(PARTS, days[: len(PARTS)])), parts(None, acts))
        public = _earliest(dict(zip(PARTS, days[len(PARTS) :])), parts(None, [a for a in acts if not a["secret"]]))
        stored = json.loads(detail).get("acts", []) + [{name: a[name] for name in _STORED_ACT} for a in acts]
        stored.sort(key=_order)
        _store(conn, target, effective, expiry, found, public, stored, today)
        done.add(target)
    return done


def refresh_due(conn: sqlite3.Connection, today: str | None = None) -> int:
    """The stored ``status`` of the documents whose ``status_changes_on`` has come, as of
    ``today``, from their stored parts (an index finds them; nothing else is read). Returns
    how many."""
    today = _as_of(today)
    rows = conn.execute(
        f"SELECT id, effective_date, {', '.join(PARTS)} FROM documents WHERE status_changes_on <= ?", [today]).fetchall()
    for document_id, effective, *days in rows:
        found = dict(zip(PARTS, days))
        conn.execute("UPDATE documents SET status = ?, status_changes_on = ? WHERE id = ?",
                     [of_parts(effective, found, today), changes_on(effective, found, today), document_id])
    return len(rows)


def fill_missing(conn: sqlite3.Connection) -> int:
    """The documents without a status (a database made before there was one, or before its
    parts were stored): their effective and last day from their stored text where not read
    yet, then their status. Then the stored status of those whose day has come
    (:func:`refresh_due`). Returns how many were computed; a cheap check (an index) when none."""
    from ..nlp.effect import effective_dates

    ids = [row[0] for row in conn.execute("SELECT id FROM documents WHERE status IS NULL")]
    with conn:
        for document_id in ids:
            text, issued, placeholder, effective, expiry = conn.execute(
                "SELECT text, issued_date, placeholder, effective_date, expiry_date FROM documents WHERE id = ?",
                [document_id]).fetchone()
            if not placeholder and text and effective is None and expiry is None:
                conn.execute("UPDATE documents SET effective_date = ?, expiry_date = ? WHERE id = ?",
                             [*effective_dates(text, issued), document_id])
        refresh(conn, ids)
        refresh_due(conn)
    return len(ids)


def affected(conn: sqlite3.Connection, document_id: int, touched: Iterable[int] = (), before: Iterable[int] = ()) -> set[int]:
    """The documents whose status may change when ``document_id`` is stored with its links
    (or marked secret): itself; those its links state an act on; those its earlier reading
    linked (their acts may be gone); and the documents whose consolidation notes name it (an
    act there counts from its effective date)."""
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
    as the database tells), without reading their links. A document this one acts on for the
    first time (not a target of its earlier reading) takes its acts on top of its stored
    status (:func:`add_acts`); the others are computed again."""
    found = affected(conn, document_id, touched, before)
    again = {document_id, *before, *(row[0] for row in conn.execute(
        "SELECT source_id FROM document_links WHERE target_id = ? AND relations LIKE '%!_by%' ESCAPE '!'", [document_id]))}
    added = add_acts(conn, document_id, found - again, today)
    refresh(conn, found - added, today)
    rest = [t for t in touched if t not in found]
    plain = {"effective_date": None, "expiry_date": None, "source": CAVEAT, "acts": []}
    for start in range(0, len(rest), 500):
        chunk = rest[start : start + 500]
        conn.execute(
            f"UPDATE documents SET status = ?, status_detail = ? WHERE status IS NULL AND id IN ({', '.join('?' for _ in chunk)})",
            [IN_FORCE, json.dumps(plain, ensure_ascii=False), *chunk],
        )
