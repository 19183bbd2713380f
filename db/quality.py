"""How far a database's graph is from "one node per document, named as people name it":
the checks of ``bench/graph_quality.py``, as functions over a connection so that a test can
run them on documents written for it.

- central documents split into several nodes: nodes whose symbols, compared without dashes,
  dots, spaces and "&", name one central document (a symbol with its year is one document
  whatever year its node was given; one without is split when a node without a year stands
  beside nodes of that symbol with one, or two nodes have the same year);
- symbols that fail the grammar of ``nlp/symbols.py``;
- placeholder issuers that are not a body named in full (``organizations.body_name``);
- stored documents without a number although their header prints one ("Số", "Luật số" ...);
- organizations that are not units (Nơi nhận shorthand, persons, a head apart from its unit);
- stored documents whose derived rows disagree with their record (``document_recipients`` with
  ``documents.recipients``, links with ``references_json``).
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict

from ..nlp.normalize import symbol_key
from ..nlp.symbols import issuer_code, well_formed
from ..nlp.symbols import year as symbol_year
from .organizations import _HEAD_OF, _HEAD_OF_OFFICE, body_name, is_unit

# A header's own number: "Số:", "Số 57-NQ/TW", "Luật số:", "Nghị quyết số:" near the top.
_PRINTS_NUMBER = re.compile(r"(?:^|\n|\|)[\s*|]*(?:(?:Bộ\s+)?Luật|Pháp lệnh|Nghị quyết|Văn bản hợp nhất)?\s*(?:Số|số|SỐ)\s*(?:hiệu)?\s*[:.]?\s*\d+\s*[/-]")


def split_central(conn: sqlite3.Connection) -> list[list[tuple[int, str, int | None]]]:
    """Groups of nodes (id, symbol, year) that stand for one central document."""
    groups: dict[tuple, list] = defaultdict(list)
    for doc_id, symbol, year in conn.execute("SELECT id, symbol, year FROM documents WHERE symbol IS NOT NULL"):
        known = issuer_code(symbol)
        if not known or known["level"] != "central":
            continue
        own = symbol_year(symbol)
        groups[(symbol_key(symbol), own)].append((doc_id, symbol, year))
    split = []
    for (_, own), nodes in groups.items():
        if own is not None:
            if len(nodes) > 1:
                split.append(nodes)
            continue
        years = [year for _, _, year in nodes]
        if len(years) != len(set(years)) or (None in years and len(years) > 1):
            split.append(nodes)
    return split


def bad_symbols(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [(i, s) for i, s in conn.execute("SELECT id, symbol FROM documents WHERE symbol IS NOT NULL") if not well_formed(s)]


def bad_placeholder_issuers(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Placeholders whose issuer is not a body named in full, as the table of bodies names it."""
    rows = conn.execute("SELECT id, issuer FROM documents WHERE placeholder = 1 AND issuer IS NOT NULL")
    return [(i, issuer) for i, issuer in rows if body_name(issuer) != issuer]


def not_bodies(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Placeholders whose issuer names no complete body at all ("Bộ trưởng Bộ", "Thủ")."""
    rows = conn.execute("SELECT id, issuer FROM documents WHERE placeholder = 1 AND issuer IS NOT NULL")
    return [(i, issuer) for i, issuer in rows if body_name(issuer) is None]


def unnumbered(conn: sqlite3.Connection) -> tuple[list[tuple[int, str]], int]:
    """Stored documents without a number whose header prints one; and how many stored
    documents print none (forms, templates)."""
    missing, none_printed = [], 0
    rows = conn.execute(
        "SELECT d.id, d.text, min(s.path) FROM documents d JOIN document_sources s ON s.document_id = d.id "
        "WHERE d.placeholder = 0 AND d.symbol IS NULL GROUP BY d.id"
    )
    for doc_id, text, path in rows:
        if _PRINTS_NUMBER.search((text or "")[:3000]):
            missing.append((doc_id, path))
        else:
            none_printed += 1
    return missing, none_printed


def not_units(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Organizations that are shorthand, persons, or a head kept apart from its unit."""
    out = []
    for org_id, name in conn.execute("SELECT id, name FROM organizations"):
        if not is_unit(name) or _HEAD_OF.match(name) or _HEAD_OF_OFFICE.match(name):
            out.append((org_id, name))
    return out


def disagreeing(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Stored documents whose recipients or links are not those of their record (the tasks
    are stored once, in the tasks table)."""
    out = []
    rows = conn.execute("SELECT id, symbol, recipients, references_json FROM documents WHERE placeholder = 0")
    for doc_id, symbol, recipients, references in rows:
        stored_recipients = sorted(r[0] for r in conn.execute("SELECT text FROM document_recipients WHERE document_id = ?", [doc_id]))
        mentions = {r[0] for r in conn.execute("SELECT mention FROM document_links WHERE source_id = ?", [doc_id])}
        cited = json.loads(references or "[]")
        if (
            stored_recipients != sorted(json.loads(recipients or "[]"))
            or not mentions <= {r.get("text") for r in cited}
        ):
            out.append((doc_id, symbol or f"document {doc_id}"))
    return out


TABLES = ("documents", "document_sources", "document_links", "tasks", "document_recipients", "organizations")


def table_rows(conn: sqlite3.Connection, name: str) -> list[str]:
    """A table's rows, sorted, as JSON: ids and times left out, the rows they point at named
    by identity (a document) or key (an organization), so that two databases of the same
    files ingested in two orders can be compared."""
    documents = dict(conn.execute("SELECT id, identity FROM documents"))
    organizations = dict(conn.execute("SELECT id, key FROM organizations"))
    cursor = conn.execute(f"SELECT * FROM [{name}]")  # one of TABLES
    columns = [c[0] for c in cursor.description]
    out = []
    for row in cursor:
        item = {}
        for column, value in zip(columns, row):
            if column in ("id", "created_at", "updated_at", "ingested_at"):
                continue
            if column in ("document_id", "source_id", "target_id"):
                value = documents[value]
            elif column in ("organization_id", "issuer_id"):
                value = organizations.get(value)
            item[column] = value
        out.append(json.dumps(item, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def report(conn: sqlite3.Connection) -> dict:
    missing, none_printed = unnumbered(conn)
    return {
        "nodes": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
        "stored": conn.execute("SELECT count(*) FROM documents WHERE placeholder = 0").fetchone()[0],
        "split_central": split_central(conn),
        "bad_symbols": bad_symbols(conn),
        "bad_placeholder_issuers": bad_placeholder_issuers(conn),
        "not_bodies": not_bodies(conn),
        "unnumbered": missing,
        "print_no_number": none_printed,
        "not_units": not_units(conn),
        "disagreeing": disagreeing(conn),
        "organizations": conn.execute("SELECT count(*) FROM organizations").fetchone()[0],
    }
