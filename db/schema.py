"""The SQLite schema: documents, their source files, the links between documents, ingest
errors, and full-text search.

A document cited but not (yet) ingested is a row of ``documents`` with ``placeholder = 1``,
carrying what the citations say of it; ``document_links`` holds one row per citing document
and cited document (the name ``references`` is reserved in SQL).

Search must find words with or without diacritics. FTS5's ``remove_diacritics 2`` folds
"Nẵng" to "nang" but keeps "đ", so ``search_folded`` is indexed beside the text: the symbol,
subject and issuer folded whole, and the folded words of the text that hold "đ" ("dinh da"
for "định Đà"), not a folded copy of the whole text, which doubled the cost of indexing.
Datasette's search matches each word of a query in any column, so "quyet dinh" finds
"quyết định"; a quoted phrase from the body needs its diacritics.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..nlp.normalize import d_bar_words, fold, symbol_key
from ..nlp.record import stored_fields
from ..nlp.secrecy import secret_sql
from . import status as doc_status

if TYPE_CHECKING:
    import sqlite_utils

FTS_COLUMNS = ["symbol", "subject", "issuer", "text", "search_folded"]
TOKENIZE = "unicode61 remove_diacritics 2"


# Version 2 added placeholders, links and the province-aware identity; 3 the fields a
# number was taken from the file's name for; 4 a task's last allowed day (``due_by``) and its
# ``recurrence``, so that every task sorts and "overdue" means past ``due_by``; 5 what each
# citation says of the document it cites (``cited_symbol``, ``cited_type``, ``cited_date``,
# ``cited_issuer``: a placeholder's fields are their agreement), the ``warning`` of a link whose
# citation disagrees with the identity it was given, and symbol keys without dashes and dots;
# 6 the public views below; 7 each source's own secrecy mark (``document_sources.secrecy``: a
# document is secret when any of its files is marked), the views of links, units and
# recipients, placeholders and units known only from secret documents left out of them, the
# index that tells at once whether a database holds secret documents; what each citation
# states on the cited document beyond its scored ``relation`` (``relations``, ``scope``,
# ``acts``: every act with its part and date, notes' "amended_by" ones included) and each
# document's status in force (``effective_date``, ``expiry_date``, ``status``,
# ``status_detail``; ``db/status.py``); each task's ``kind`` (assignment, responsibility,
# execution, obligation: nlp/task_kinds.py) and ``deadline_note`` (why words naming a day give
# no ``due_by``); and the incoming stamp (``received_number``, ``received_date``,
# ``received_stamp``; ``nlp/received.py``); what the citations of each document say, counted
# (``citation_counts``), and the tasks board's order (``tasks.board_key``), so that storing and
# the pages do not grow with the archive (docs/scale.md); 8 the status's parts, free of any
# date (``amended_on``, ``partly_ended_on``, ``ended_on``, their ``public_`` twins and
# ``status_changes_on``, ``db/status.py``), so that every page reads the status as of today;
# the issuer's canonical body (``issuer_body``) for the facets.
SCHEMA_VERSION = 8

# Documents marked Mật, Tối mật or Tuyệt mật (Nghị định 30/2020/NĐ-CP) show their text, tasks
# and source files to signed-in users only, and so does everything their text says of others:
# their links and mentions, the placeholders known only from them, the units named only in
# their tasks. These views are what anonymous users browse in Datasette when the database
# holds any (``datasette_plugins/permissions.py`` closes every other table to them).
SECRET = secret_sql("d")
_PUBLIC_SOURCE = f"NOT {secret_sql('s')}"
# a placeholder some document that is not secret cites
_CITED_IN_PUBLIC = (
    "EXISTS (SELECT 1 FROM document_links l JOIN documents s ON s.id = l.source_id "
    f"WHERE l.target_id = d.id AND {_PUBLIC_SOURCE})"
)
PUBLIC_VIEW_NAMES = ("public_documents", "public_tasks", "public_document_sources", "public_document_links",
                     "public_organizations", "public_document_recipients")
PUBLIC_VIEWS = [
    "CREATE VIEW IF NOT EXISTS public_documents AS SELECT d.id, d.symbol, d.doc_type, d.issued_date, d.year, "
    "d.place, d.issuer, d.issuer_body, d.subject, d.signer, d.signer_title, d.urgency, d.secrecy, d.recipients, d.placeholder, "
    "d.received_number, d.received_date, "
    # the status as of today, from what documents not marked secret say (a secret document's own
    # effective date is its words)
    f"CASE WHEN {SECRET} THEN NULL ELSE d.effective_date END AS effective_date, "
    f"{doc_status.sql('d', doc_status.TODAY_SQL, public=True)} AS status, "
    f"CASE WHEN {SECRET} THEN NULL ELSE d.text END AS text FROM documents d "
    f"WHERE d.placeholder = 0 OR {_CITED_IN_PUBLIC}",
    "CREATE VIEW IF NOT EXISTS public_tasks AS SELECT t.id, t.document_id, t.organization_id, t.assignee, "
    "t.coordinators, t.action, t.deadline, t.deadline_text, t.due_by, t.recurrence, t.section, t.start, t.[end], "
    "t.kind, t.deadline_note "
    f"FROM tasks t JOIN documents d ON d.id = t.document_id WHERE NOT {SECRET}",
    "CREATE VIEW IF NOT EXISTS public_document_sources AS SELECT s.* FROM document_sources s "
    f"JOIN documents d ON d.id = s.document_id WHERE NOT {SECRET}",
    "CREATE VIEW IF NOT EXISTS public_document_links AS SELECT l.* FROM document_links l "
    f"JOIN documents s ON s.id = l.source_id WHERE {_PUBLIC_SOURCE}",
    # a unit is public when a document that is not secret names it (a task, a recipient) or
    # when it issued a stored document (headers are public)
    "CREATE VIEW IF NOT EXISTS public_organizations AS SELECT o.* FROM organizations o WHERE "
    f"EXISTS (SELECT 1 FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.organization_id = o.id AND NOT {SECRET}) "
    f"OR EXISTS (SELECT 1 FROM document_recipients r JOIN documents d ON d.id = r.document_id WHERE r.organization_id = o.id AND NOT {SECRET}) "
    "OR EXISTS (SELECT 1 FROM documents d WHERE d.issuer_id = o.id AND d.placeholder = 0)",
    "CREATE VIEW IF NOT EXISTS public_document_recipients AS SELECT r.* FROM document_recipients r "
    f"JOIN documents d ON d.id = r.document_id WHERE NOT {SECRET}",
]
# Whether a database holds any secret document, asked on every request: this partial index
# answers it without reading the documents (the query must repeat SECRET word for word).
SECRET_INDEX = f"CREATE INDEX IF NOT EXISTS idx_documents_secret ON documents (id) WHERE {SECRET.replace('d.', '')}"
HOLDS_SECRETS = f"SELECT EXISTS (SELECT 1 FROM documents WHERE {SECRET.replace('d.', '')})"
# What the citations of each document say of it, counted: a placeholder's fields are the
# agreement of its citations (``db/placeholders.py``), and agreeing them from these counts
# costs the same whether a law is cited once or ten thousand times (reading every citation
# again made storing grow with the square of the archive). ``links`` counts every citation
# (value "*"), ``rank`` the same weighted (below), ``symbol``, ``type``, ``date``, ``issuer`` what each says, ``title`` the mention
# of a document cited by its title, ``name`` the words before a law's number ("Luật Đầu tư số" of
# "Luật Đầu tư số 61/2020/QH14": its name, db/laws.py). Triggers keep the counts with every link added, changed or
# removed, whichever code does it; the order files come in does not change them.
ACTS_ON_HELD = ("({r}.relations LIKE '%amended!_by%' ESCAPE '!' OR {r}.relations LIKE '%replaced!_by%' ESCAPE '!' "
                 "OR {r}.relations LIKE '%repealed!_by%' ESCAPE '!')")
# (field, value, weight): ``rank`` is /-/missing's order, a citation counting one and a
# document that amends, replaces or repeals a document held (its link's relations say
# "..._by") five more, so that its index gives the most wanted first.
_COUNTED = (("links", "'*'", "1"), ("rank", "'*'", "1 + 5 * coalesce(" + ACTS_ON_HELD + ", 0)"),
            ("symbol", "{r}.cited_symbol", "1"), ("type", "{r}.cited_type", "1"), ("date", "{r}.cited_date", "1"),
            ("issuer", "{r}.cited_issuer", "1"), ("title", "CASE WHEN {r}.cited_symbol IS NULL THEN {r}.mention END", "1"),
            ("name", "CASE WHEN {r}.cited_type IN ('L', 'PL') AND instr({r}.mention, ' ' || {r}.cited_symbol) > 1 "
                     "THEN substr({r}.mention, 1, instr({r}.mention, ' ' || {r}.cited_symbol) - 1) END", "1"))
RANK_WEIGHT = 5


def _said(row: str) -> str:
    """The (field, value, weight) rows one link counts for, as a SELECT."""
    parts = " UNION ALL ".join(f"SELECT '{field}' AS f, {value.format(r=row)} AS v, {weight.format(r=row)} AS w"
                               for field, value, weight in _COUNTED)
    return f"SELECT f, v, w FROM ({parts}) WHERE v IS NOT NULL AND v != ''"


def _count(row: str) -> str:
    return (f"INSERT INTO citation_counts (target_id, field, value, count) SELECT {row}.target_id, f, v, w FROM ({_said(row)}) "
            "WHERE true ON CONFLICT (target_id, field, value) DO UPDATE SET count = count + excluded.count;")


def _uncount(row: str) -> str:
    return (f"UPDATE citation_counts SET count = count - (SELECT w FROM ({_said(row)}) WHERE f = field AND v = value) "
            f"WHERE target_id = {row}.target_id AND (field, value) IN (SELECT f, v FROM ({_said(row)})); "
            f"DELETE FROM citation_counts WHERE target_id = {row}.target_id AND count <= 0;")


CITATION_COUNTS = [
    "CREATE TABLE IF NOT EXISTS citation_counts (target_id INTEGER NOT NULL REFERENCES documents (id), field TEXT NOT NULL, value TEXT NOT NULL, "
    "count INTEGER NOT NULL, PRIMARY KEY (target_id, field, value)) WITHOUT ROWID",
    # the most wanted documents first (/-/missing), without counting the links; partial: a
    # link writes seven counts, the index only its rank
    "CREATE INDEX IF NOT EXISTS idx_citation_counts_rank ON citation_counts (field, count) WHERE field = 'rank'",
    f"CREATE TRIGGER IF NOT EXISTS document_links_counted AFTER INSERT ON document_links BEGIN {_count('new')} END",
    f"CREATE TRIGGER IF NOT EXISTS document_links_uncounted AFTER DELETE ON document_links BEGIN {_uncount('old')} END",
    "CREATE TRIGGER IF NOT EXISTS document_links_recounted AFTER UPDATE OF target_id, cited_symbol, cited_type, cited_date, "
    f"cited_issuer, mention, relations ON document_links BEGIN {_uncount('old')} {_count('new')} END",
    # the links stored before, counted afresh (a file marked older than its tables, as a run
    # killed between the two could leave, may hold counts already)
    "DELETE FROM citation_counts",
    "INSERT INTO citation_counts (target_id, field, value, count) SELECT target_id, f, v, sum(w) FROM ("
    + " UNION ALL ".join(f"SELECT target_id, '{field}' AS f, {value.format(r='document_links')} AS v, "
                         f"{weight.format(r='document_links')} AS w FROM document_links" for field, value, weight in _COUNTED)
    + ") WHERE v IS NOT NULL AND v != '' GROUP BY target_id, f, v",
]


# The tasks board's order, stored with each task so that an index serves it (sorting every
# task to show fifty grew with the archive): overdue and dated tasks by their last allowed day
# (undated last), then by their document's date; ties by document, place in it, id.
# ``board_key`` is ``due_by IS NULL, due_by, issued_date`` as one string ("~" sorts after every
# digit, a space before every character of a date).
BOARD_ORDER = "ORDER BY t.board_key, t.document_id, t.start, t.id"


BOARD_INDEX = "CREATE INDEX IF NOT EXISTS idx_tasks_board ON tasks (board_key, document_id, start, id, organization_id, kind)"
_BOARD_KEY_SQL = "coalesce(due_by, '~') || ' ' || coalesce((SELECT d.issued_date FROM documents d WHERE d.id = tasks.document_id), '')"
# Triggers keep it, whoever writes a task or changes its document's date.
BOARD = [
    "ALTER TABLE tasks ADD COLUMN board_key TEXT",
    f"UPDATE tasks SET board_key = {_BOARD_KEY_SQL}",
    # covering what the board filters on (a unit, a kind): a page deep in it reads the index only
    BOARD_INDEX,
    "CREATE TRIGGER IF NOT EXISTS tasks_board_key AFTER INSERT ON tasks BEGIN "
    f"UPDATE tasks SET board_key = {_BOARD_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS tasks_board_key_changed AFTER UPDATE OF due_by, document_id ON tasks BEGIN "
    f"UPDATE tasks SET board_key = {_BOARD_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_board_key AFTER UPDATE OF issued_date ON documents "
    "WHEN old.issued_date IS NOT new.issued_date BEGIN "
    f"UPDATE tasks SET board_key = {_BOARD_KEY_SQL} WHERE document_id = new.id; END",
]
# The opening page of the board (pages/tasks.py) puts plans, directives and công điện first,
# then the current tasks (due today or later, then undated), the overdue ones last; each of
# those by its last day, then the newest documents first. The part before "today" is stored in
# ``tasks.open_key``: "0" for a plan, directive or công điện, "1" for the rest, ``due_by``
# ("~" when undated) and the document's date turned to sort newest first (99999999 less its
# digits; "~" when undated, last as in ``DESC``). The page reads four ranges of its index
# (plans current, plans overdue, the rest current, the rest overdue) in order: nothing sorted.
PLANS_AND_DIRECTIVES = ("KH", "CT", "CĐ")
_OPEN_KEY_SQL = (
    "(SELECT CASE WHEN d.doc_type IN (" + ", ".join(f"'{t}'" for t in PLANS_AND_DIRECTIVES) + ") THEN '0' ELSE '1' END "
    "|| coalesce(tasks.due_by, '~') || ' ' "
    "|| CASE WHEN d.issued_date IS NULL THEN '~' ELSE printf('%08d', 99999999 - CAST(replace(d.issued_date, '-', '') AS INTEGER)) END "
    "FROM documents d WHERE d.id = tasks.document_id)"
)
OPEN_ORDER = "ORDER BY t.open_key, t.document_id, t.start, t.id"
OPENING = [
    "ALTER TABLE tasks ADD COLUMN open_key TEXT",
    f"UPDATE tasks SET open_key = {_OPEN_KEY_SQL}",
    "CREATE INDEX IF NOT EXISTS idx_tasks_open ON tasks (open_key, document_id, start, id, organization_id, kind)",
    "CREATE TRIGGER IF NOT EXISTS tasks_open_key AFTER INSERT ON tasks BEGIN "
    f"UPDATE tasks SET open_key = {_OPEN_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS tasks_open_key_changed AFTER UPDATE OF due_by, document_id ON tasks BEGIN "
    f"UPDATE tasks SET open_key = {_OPEN_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_open_key AFTER UPDATE OF issued_date, doc_type ON documents "
    "WHEN old.issued_date IS NOT new.issued_date OR old.doc_type IS NOT new.doc_type BEGIN "
    f"UPDATE tasks SET open_key = {_OPEN_KEY_SQL} WHERE document_id = new.id; END",
]
# The citing documents of a document, by date (its page's list, /-/missing's first ones), read
# from an index rather than sorted: ``document_links.source_key`` is the citing document's
# date ("~" when it has none: the undated last), kept by triggers whoever writes the link or
# changes the document's date; ``idx_document_links_cited_by`` orders them under each target.
CITED_BY_ORDER = "ORDER BY l.source_key, l.source_id"
_SOURCE_KEY_SQL = "coalesce((SELECT d.issued_date FROM documents d WHERE d.id = document_links.source_id), '~')"
SOURCE_KEY = [
    "ALTER TABLE document_links ADD COLUMN source_key TEXT",
    f"UPDATE document_links SET source_key = {_SOURCE_KEY_SQL}",
    "CREATE INDEX IF NOT EXISTS idx_document_links_cited_by ON document_links (target_id, source_key, source_id)",
    "CREATE TRIGGER IF NOT EXISTS document_links_source_key AFTER INSERT ON document_links BEGIN "
    f"UPDATE document_links SET source_key = {_SOURCE_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS document_links_source_key_changed AFTER UPDATE OF source_id ON document_links BEGIN "
    f"UPDATE document_links SET source_key = {_SOURCE_KEY_SQL} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_source_key AFTER UPDATE OF issued_date ON documents "
    "WHEN old.issued_date IS NOT new.issued_date BEGIN "
    "UPDATE document_links SET source_key = coalesce(new.issued_date, '~') WHERE source_id = new.id; END",
]
# The documents table as it opens (``placeholder=0``, datasette_plugins/__init__.py), newest
# first, with its facets (datasette_plugins/metadata.py: type, body, year, status), each
# counting every document shown: from indexes of the flag and the value (a few bytes a
# document) rather than the rows, where ``year``, ``status`` and the flag itself are stored
# after the text in a database made before (reading them read every document's text), and
# without sorting every document to show the newest hundred.
FACETS = ("doc_type", "issuer_body", "year", "status")
TABLE_INDEXES = [f"CREATE INDEX IF NOT EXISTS idx_documents_table_{c} ON documents (placeholder, {c})" for c in ("issued_date", *FACETS)]
# The citations of a law by its name and number ("Luật Đất đai số 31/2024/QH15"), counted by
# wording: ``db/laws.known`` reads the name-number pairs from these (a few rows a law) instead
# of every law citation of the archive, which it did whenever a document could tie a name to a
# number (a third of the writer's time at 3x). Kept by triggers with the links.
_LAW_MENTION = "{r}.cited_type IN ('L', 'PL') AND {r}.cited_symbol IS NOT NULL AND {r}.mention LIKE '%uật%số%'"


def _law_count(r: str, sign: str) -> str:
    if sign == "+":
        return (f"INSERT INTO law_mentions (mention, number, count) SELECT {r}.mention, {r}.cited_symbol, 1 "
                f"WHERE {_LAW_MENTION.format(r=r)} ON CONFLICT (mention, number) DO UPDATE SET count = count + 1;")
    return (f"UPDATE law_mentions SET count = count - 1 WHERE mention = {r}.mention AND number = {r}.cited_symbol "
            f"AND {_LAW_MENTION.format(r=r)}; DELETE FROM law_mentions WHERE mention = {r}.mention AND number = {r}.cited_symbol AND count <= 0;")


LAW_MENTIONS = [
    "CREATE TABLE IF NOT EXISTS law_mentions (mention TEXT NOT NULL, number TEXT NOT NULL, count INTEGER NOT NULL, "
    "PRIMARY KEY (mention, number)) WITHOUT ROWID",
    f"CREATE TRIGGER IF NOT EXISTS document_links_law_counted AFTER INSERT ON document_links BEGIN {_law_count('new', '+')} END",
    f"CREATE TRIGGER IF NOT EXISTS document_links_law_uncounted AFTER DELETE ON document_links BEGIN {_law_count('old', '-')} END",
    "CREATE TRIGGER IF NOT EXISTS document_links_law_recounted AFTER UPDATE OF cited_type, cited_symbol, mention ON document_links "
    f"BEGIN {_law_count('old', '-')} {_law_count('new', '+')} END",
    "DELETE FROM law_mentions",
    "INSERT INTO law_mentions (mention, number, count) SELECT mention, cited_symbol, count(*) FROM document_links "
    f"WHERE {_LAW_MENTION.format(r='document_links')} GROUP BY mention, cited_symbol",
]
# The links that amend, repeal, replace or guide their target, by target: the lược đồ of a
# document (datasette_plugins/relations_data.diagram) lists the documents acting on it, read
# from this partial index instead of every citation of a decree the whole archive cites. The
# condition is wider than an act (any link whose words name one); the page reads the acts.
INCOMING_ACTS = ("amends", "repeals", "replaces", "guides")


def acting(r: str = "") -> str:
    """The condition of ``idx_document_links_acts_on`` (a query repeats it word for word, ``r``
    its alias with the dot)."""
    return ("(" + f"{r}relation IN (" + ", ".join(f"'{a}'" for a in INCOMING_ACTS) + ") OR "
            + " OR ".join(f"{r}{c} LIKE '%\"{a}\"%'" for c in ("acts", "relations") for a in INCOMING_ACTS) + ")")


ACTS_ON_INDEX = f"CREATE INDEX IF NOT EXISTS idx_document_links_acts_on ON document_links (target_id) WHERE {acting()}"
# The law placeholders db/laws.merge may join into a number's node (cited by name only, or by an
# incomplete code): a few hundred, read at once instead of every placeholder of the archive.
LAW_PLACEHOLDERS = "placeholder = 1 AND (identity LIKE 'title:%' OR symbol_key LIKE '%/qh')"
LAW_PLACEHOLDER_INDEX = f"CREATE INDEX IF NOT EXISTS idx_documents_law_placeholders ON documents (id) WHERE {LAW_PLACEHOLDERS}"
SORT_KEYS = [*OPENING, *SOURCE_KEY, *TABLE_INDEXES, *LAW_MENTIONS, ACTS_ON_INDEX, LAW_PLACEHOLDER_INDEX]
ISSUER_BODY = [
    "ALTER TABLE documents ADD COLUMN issuer_body TEXT",
    "UPDATE documents SET issuer_body = (SELECT o.name FROM organizations o WHERE o.id = documents.issuer_id) "
    "WHERE issuer_id IS NOT NULL",
]
# The status as of today (db/status.py): the rows whose stored status is due again, the
# documents no longer in force (their tasks leave the open lists), the links that state an act
# (read for each document acted on: a law cited ten thousand times has few of them).
STATUS_INDEXES = [
    "CREATE INDEX IF NOT EXISTS idx_documents_status_changes_on ON documents (status_changes_on) WHERE status_changes_on IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_documents_ended_on ON documents (ended_on) WHERE ended_on IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_documents_public_ended_on ON documents (public_ended_on) WHERE public_ended_on IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_document_links_acting ON document_links (target_id) WHERE acts IS NOT NULL",
]
# The placeholders (the missing documents) at once: the flag is stored after the text, so
# reading it from the rows read every document's text.
PLACEHOLDER_INDEX = "CREATE INDEX IF NOT EXISTS idx_documents_placeholder ON documents (id) WHERE placeholder = 1"
# Version 7's: made with a new database, and by the migration from 6.
ORDER_AND_COUNTS = [*BOARD, PLACEHOLDER_INDEX, *CITATION_COUNTS]
# A database of this version made by an earlier build, before a part of it: (whether it lacks that part, what makes
# it), done when ingest opens it (serve says to run ingest once). The tasks were stored twice,
# as rows and as JSON in ``documents.tasks_json`` (6 to 9 KB a document): the rows only now.
LATER = [
    (lambda columns, indexes, board: "board_key" not in columns["tasks"], [*BOARD, PLACEHOLDER_INDEX, *CITATION_COUNTS]),
    (lambda columns, indexes, board: "open_key" not in columns["tasks"], OPENING),
    (lambda columns, indexes, board: "source_key" not in columns["document_links"], SOURCE_KEY),
    (lambda columns, indexes, board: "kind" not in board, ["DROP INDEX IF EXISTS idx_tasks_board", BOARD_INDEX]),
    (lambda columns, indexes, board: "tasks_json" in columns["documents"], ["ALTER TABLE documents DROP COLUMN tasks_json"]),
    (lambda columns, indexes, board: "issuer_body" not in columns["documents"], ISSUER_BODY),
    (lambda columns, indexes, board: "idx_documents_table_year" not in indexes, TABLE_INDEXES),
    (lambda columns, indexes, board: "law_mentions" not in columns, LAW_MENTIONS),
    (lambda columns, indexes, board: "idx_document_links_acts_on" not in indexes, [ACTS_ON_INDEX]),
    (lambda columns, indexes, board: "idx_documents_law_placeholders" not in indexes, [LAW_PLACEHOLDER_INDEX]),
]


# The search index follows an update of the columns it indexes only: setting a document's
# status, issuer id or placeholder flag does not make it read the whole text again.
FTS_UPDATE_TRIGGER = [
    "DROP TRIGGER IF EXISTS documents_au",
    "CREATE TRIGGER documents_au AFTER UPDATE OF " + ", ".join(FTS_COLUMNS) + " ON documents BEGIN "
    "INSERT INTO documents_fts (documents_fts, rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES ('delete', old.rowid, "
    + ", ".join(f"old.{c}" for c in FTS_COLUMNS) + "); "
    "INSERT INTO documents_fts (rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES (new.rowid, "
    + ", ".join(f"new.{c}" for c in FTS_COLUMNS) + "); END",
]
# What turns a database of one version into the next, where that can be done in place.
# 5 -> 6: the public views above; 6 -> 7 makes them again.
MIGRATIONS = {
    2: ["ALTER TABLE documents ADD COLUMN from_file_name TEXT"],
    3: [
        "ALTER TABLE tasks ADD COLUMN due_by TEXT",
        "ALTER TABLE tasks ADD COLUMN recurrence TEXT",
        "UPDATE tasks SET due_by = deadline",
        "CREATE INDEX IF NOT EXISTS idx_tasks_due_by ON tasks (due_by)",
    ],
    4: [
        "ALTER TABLE document_links ADD COLUMN cited_symbol TEXT",
        "ALTER TABLE document_links ADD COLUMN cited_type TEXT",
        "ALTER TABLE document_links ADD COLUMN cited_date TEXT",
        "ALTER TABLE document_links ADD COLUMN cited_issuer TEXT",
        "ALTER TABLE document_links ADD COLUMN warning TEXT",
        # what each citation said, from the citing document's own record (the same reference: the same start)
        *(
            f"UPDATE document_links SET cited_{column} = (SELECT json_extract(r.value, '$.{field}') "
            "FROM documents d, json_each(d.references_json) r WHERE d.id = document_links.source_id "
            "AND json_extract(r.value, '$.start') = document_links.start LIMIT 1)"
            for column, field in (("symbol", "symbol"), ("type", "doc_type"), ("date", "date"), ("issuer", "issuer"))
        ),
        # keys in the new spelling; a document split in two by the old one stays so until re-ingested
        "UPDATE documents SET symbol_key = symbol_key(symbol) WHERE symbol IS NOT NULL",
        "UPDATE OR IGNORE documents SET identity = symbol_key || substr(identity, instr(identity, '|')) "
        "WHERE symbol_key IS NOT NULL AND identity NOT LIKE 'sha256:%' AND identity NOT LIKE 'title:%'",
    ],
    5: [],  # the public views: made by the next step, with the columns they show
    6: [
        # a source stored before knew only its document's mark: it takes that one (re-ingesting
        # the files gives each its own)
        "ALTER TABLE document_sources ADD COLUMN secrecy TEXT",
        # the incoming stamp (nlp/received.py), read by the next ingest of each file
        "ALTER TABLE documents ADD COLUMN received_number TEXT",
        "ALTER TABLE documents ADD COLUMN received_date TEXT",
        "ALTER TABLE documents ADD COLUMN received_stamp TEXT",
        "UPDATE document_sources SET secrecy = (SELECT d.secrecy FROM documents d WHERE d.id = document_sources.document_id)",
        "ALTER TABLE document_links ADD COLUMN relations TEXT",
        "ALTER TABLE document_links ADD COLUMN scope TEXT",
        "ALTER TABLE document_links ADD COLUMN acts TEXT",
        "ALTER TABLE documents ADD COLUMN effective_date TEXT",
        "ALTER TABLE documents ADD COLUMN expiry_date TEXT",
        "ALTER TABLE documents ADD COLUMN status TEXT",
        "ALTER TABLE documents ADD COLUMN status_detail TEXT",
        "CREATE INDEX IF NOT EXISTS idx_documents_status ON documents (status)",
        *FTS_UPDATE_TRIGGER,
        "ALTER TABLE tasks ADD COLUMN kind TEXT",
        "ALTER TABLE tasks ADD COLUMN deadline_note TEXT",
        *(f"DROP VIEW IF EXISTS {name}" for name in PUBLIC_VIEW_NAMES),
        *PUBLIC_VIEWS,
        SECRET_INDEX,
        "CREATE INDEX IF NOT EXISTS idx_documents_issuer_id ON documents (issuer_id)",
        *ORDER_AND_COUNTS,
    ],
    7: [
        *(f"ALTER TABLE documents ADD COLUMN {name} TEXT"
          for name in (*doc_status.PARTS, *doc_status.PUBLIC_PARTS, "status_changes_on")),
        # a link of an older reading that states an act without saying so in ``acts``
        "UPDATE document_links SET acts = json_array(json_object('act', relation)) "
        "WHERE acts IS NULL AND relation IN ('amends', 'repeals', 'replaces')",
        *STATUS_INDEXES,
        "UPDATE documents SET status = NULL",  # computed again, with its parts, when the store opens
        # the names of laws counted too: the triggers made again, every link counted afresh
        *(f"DROP TRIGGER IF EXISTS document_links_{name}" for name in ("counted", "uncounted", "recounted")),
        *CITATION_COUNTS,
        # one name a body for the issuer facet (the organizations row's)
        *ISSUER_BODY,
        *(f"DROP VIEW IF EXISTS {name}" for name in PUBLIC_VIEW_NAMES),
        *PUBLIC_VIEWS,
    ],
}


# The documents table: the record's stored fields (nlp/record.stored_fields, declared once
# there), then these, which the store derives or keeps (with their descriptions for Datasette).
DERIVED_COLUMNS = {
    "symbol_key": (str, "The symbol folded for matching: lower case, no diacritics, no spaces, dashes, dots or &"),
    "year": (int, "The year of issue (of the symbol, else of the date)"),
    "issuer_key": (str, "The issuer folded, for matching"),
    "issuer_id": (int, "The issuer among the organizations"),
    "issuer_body": (str, "The issuer's canonical body (its organizations row's name): one spelling of a body however "
                         "its documents print it, for the facets and filters"),
    "search_folded": (str, "Symbol, subject and issuer folded, and the words of the text that hold đ, folded: indexed so "
                           "that search works without diacritics"),
    "identity": (str, "Duplicate key: symbol, the issuer's province for a provincial symbol, year (or the content hash)"),
    "placeholder": (int, "1 for a document cited by others but not ingested: it carries what the citations say of it"),
    "effective_date": (str, "The day it takes effect, as its own final articles say"),
    "expiry_date": (str, "The last day it is in force, where it says one"),
    "status": (str, "Tình trạng hiệu lực, from the document's own text and the documents acting on it in this database, "
                    "as of the last ingest (the pages, the public views and the commands read it as of today)"),
    "status_detail": (str, "The acts on it (JSON): each acting document, the part acted on and the day"),
    "amended_on": (str, "The first day it counts as amended (empty: an act of unknown date)"),
    "partly_ended_on": (str, "The first day part of it is repealed"),
    "ended_on": (str, "The first day it is no longer in force at all"),
    "public_amended_on": (str, "amended_on from the documents not marked secret only (what a visitor may know)"),
    "public_partly_ended_on": (str, "partly_ended_on from the documents not marked secret only"),
    "public_ended_on": (str, "ended_on from the documents not marked secret only"),
    "status_changes_on": (str, "The next day the stored status changes"),
    "created_at": (str, "When the row was made"),
    "updated_at": (str, "When the row was last written"),
}
# The same, in the words a clerk reads under the documents table
DERIVED_NOTES = {
    "symbol_key": "Số ký hiệu viết thường, bỏ dấu, bỏ khoảng trắng và gạch: để so khớp",
    "year": "Năm ban hành (theo số ký hiệu, nếu không thì theo ngày)",
    "issuer_key": "Cơ quan ban hành viết thường, bỏ dấu: để so khớp",
    "issuer_id": "Cơ quan ban hành trong bảng Đơn vị",
    "issuer_body": "Tên chuẩn của cơ quan ban hành, một cách viết dù văn bản in thế nào: để lọc và nhóm",
    "search_folded": "Số ký hiệu, trích yếu, cơ quan ban hành bỏ dấu: để tìm không cần gõ dấu",
    "identity": "Khóa chống trùng: số ký hiệu, tỉnh của cơ quan ban hành, năm (hoặc mã nội dung)",
    "placeholder": "1: văn bản được dẫn nhưng chưa nhập, với những gì các văn bản dẫn nói về nó",
    "effective_date": "Ngày có hiệu lực, theo điều khoản thi hành của chính văn bản",
    "expiry_date": "Ngày hết hiệu lực, nếu văn bản có ghi",
    "status": "Tình trạng hiệu lực, theo nội dung văn bản và các văn bản tác động đến nó trong cơ sở dữ liệu, "
              "tính đến lần nhập gần nhất (các trang, bảng công khai và lệnh tính đến hôm nay)",
    "status_detail": "Các tác động lên văn bản (JSON): văn bản tác động, phần bị tác động và ngày",
    "amended_on": "Ngày đầu tiên văn bản được sửa đổi, bổ sung (trống: tác động chưa rõ ngày)",
    "partly_ended_on": "Ngày đầu tiên một phần văn bản bị bãi bỏ",
    "ended_on": "Ngày đầu tiên văn bản hết hiệu lực toàn bộ",
    "public_amended_on": "Như amended_on, chỉ theo các văn bản không mật",
    "public_partly_ended_on": "Như partly_ended_on, chỉ theo các văn bản không mật",
    "public_ended_on": "Như ended_on, chỉ theo các văn bản không mật",
    "status_changes_on": "Ngày tình trạng hiệu lực lưu trong bảng thay đổi lần tới",
    "created_at": "Thời điểm tạo dòng",
    "updated_at": "Thời điểm ghi dòng gần nhất",
}
# The documents table's long columns, stored last in a new database (shortest first)
LONG_COLUMNS = ("status_detail", "recipients", "references_json", "search_folded", "text")
# What only a stored reading knows, emptied when a document becomes a placeholder again
READING_ONLY_COLUMNS = [f.column for f in stored_fields() if f.reading_only] + ["search_folded", "effective_date", "expiry_date"]


def search_folded(symbol: str | None, subject: str | None, issuer: str | None, text: str | None = None) -> str:
    """Symbol, subject and issuer folded whole (so "0457/qd-ubnd" or a subject typed without
    marks matches as a phrase), and the words with "đ" of the text."""
    return " ".join(filter(None, [fold(" ".join(filter(None, [symbol, subject, issuer]))), d_bar_words(text)]))


class SchemaError(Exception):
    """The database was written by another version of directives, or is not one of ours."""


# Columns only a directives ``documents`` table has: another program's table of that name is not ours.
_OWN_COLUMNS = {"symbol_key", "identity", "placeholder"}


# The checks below take a plain connection too: reading a database does not load sqlite-utils.
def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _name(db: sqlite_utils.Database | sqlite3.Connection) -> str:
    return _conn(db).execute("PRAGMA database_list").fetchone()[2] or "the database"


def _tables(db: sqlite_utils.Database | sqlite3.Connection) -> list[str]:
    return [r[0] for r in _conn(db).execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def refuse_foreign(db: sqlite_utils.Database | sqlite3.Connection) -> None:
    """Raise SchemaError when the file holds another program's tables: giving it the
    project's tables beside them would mix two programs' data in one file."""
    tables = [t for t in _tables(db) if not t.startswith("sqlite_")]
    if not tables:
        return
    if "documents" in tables and _OWN_COLUMNS <= {r[1] for r in _conn(db).execute("PRAGMA table_info(documents)")}:
        return
    shown = ", ".join(tables[:5]) + (" ..." if len(tables) > 5 else "")
    raise SchemaError(f"{_name(db)} is not a directives database (it holds other tables: {shown}); give another --db")


def check_schema(db: sqlite_utils.Database | sqlite3.Connection) -> None:
    """For reading: the database is a directives database of this version. Writes nothing
    (no tables made, no upgrade): a database needing an upgrade says to run ingest."""
    refuse_foreign(db)
    if "documents" not in _tables(db):
        raise SchemaError(f"{_name(db)} holds no documents yet; run `directives ingest PATH --db {_name(db)}` first")
    version = _conn(db).execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION and all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise SchemaError(
            f"{_name(db)} was made by an older version of directives (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); run `directives ingest` on it once (any path) to upgrade it in place"
        )
    if version != SCHEMA_VERSION:
        raise SchemaError(
            f"{_name(db)} was made by {'an older' if version < SCHEMA_VERSION else 'a newer'} version of directives "
            f"(schema {version}, this one reads {SCHEMA_VERSION}); ingest the files again into a new database"
        )
    if _later(_conn(db)):
        raise SchemaError(
            f"{_name(db)} was made by an earlier build of this version of directives (schema {version}, without "
            f"its sort keys, with the tasks stored twice); run `directives ingest` on it once (any path) to complete it in place"
        )


def _later(conn: sqlite3.Connection) -> list[list[str]]:
    """What a database of this version still lacks of LATER (none for one made now)."""
    columns = {table: {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")} for table in ("documents", "tasks", "document_links")}
    columns.update({"law_mentions": True} if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'law_mentions'").fetchone() else {})
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    board = {row[2] for row in conn.execute("PRAGMA index_info(idx_tasks_board)")}
    return [statements for lacks, statements in LATER if lacks(columns, indexes, board)]


def _has_column(conn: sqlite3.Connection, statement: str) -> bool:
    """Whether an "ALTER TABLE t ADD COLUMN c" has nothing to do (a file marked with an older
    version than its columns, as a run killed between the two could leave)."""
    words = statement.split()
    if words[:2] != ["ALTER", "TABLE"] or words[3:5] != ["ADD", "COLUMN"]:
        return False
    return words[5] in {row[1] for row in conn.execute(f"PRAGMA table_info([{words[2]}])")}


def ensure_schema(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    refuse_foreign(db)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if "documents" in db.table_names() and version < SCHEMA_VERSION and all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        db.conn.create_function("symbol_key", 1, symbol_key, deterministic=True)  # used by a migration
        with db.conn:
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    if not _has_column(db.conn, statement):
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        version = SCHEMA_VERSION
    if "documents" in db.table_names() and version == SCHEMA_VERSION:
        missing = _later(db.conn)
        if missing:
            with db.conn:
                for statements in missing:
                    for statement in statements:
                        if not _has_column(db.conn, statement):
                            db.execute(statement)
    if "documents" in db.table_names() and version != SCHEMA_VERSION:
        raise SchemaError(
            f"{db.conn.execute('PRAGMA database_list').fetchone()[2] or 'the database'} was made by "
            f"{'an older' if version < SCHEMA_VERSION else 'a newer'} version of directives (schema {version}, "
            f"this one reads {SCHEMA_VERSION}); ingest the files again into a new database"
        )
    fresh = "documents" not in db.table_names()
    if fresh:  # the whole schema or nothing: a run killed while making it leaves a file a re-run completes
        db.conn.execute("BEGIN")
    if "documents" not in db.table_names():
        columns = {"id": int, **{f.column: str for f in stored_fields()}, **{name: kind for name, (kind, _) in DERIVED_COLUMNS.items()}}
        # the long columns last: a column stored after the text is read by walking the text's
        # overflow pages (45 KB a document), so every short one comes before it
        columns = {**{k: v for k, v in columns.items() if k not in LONG_COLUMNS}, **{k: columns[k] for k in LONG_COLUMNS}}
        db["documents"].create(
            columns,
            pk="id",
            defaults={"placeholder": 0},
            not_null={"placeholder"},
        )
        db["documents"].create_index(["identity"], unique=True)
        db["documents"].create_index(["symbol_key"])
        db["documents"].create_index(["doc_type"])
        db["documents"].create_index(["issued_date"])
        db["documents"].create_index(["issuer_id"])
        db.execute(SECRET_INDEX)
        db["documents"].create_index(["status"])
        db["documents"].enable_fts(FTS_COLUMNS, fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True)
        for statement in FTS_UPDATE_TRIGGER:
            db.execute(statement)
    if "document_sources" not in db.table_names():
        db["document_sources"].create(
            {
                "id": int,
                "document_id": int,
                "path": str,
                "sha256": str,
                "format": str,
                "encoding": str,
                "size": int,
                "ocr_pages": str,
                "ingested_at": str,
                "secrecy": str,  # this file's own mark (the document's is the strongest of its files')
            },
            pk="id",
            foreign_keys=[("document_id", "documents", "id")],
        )
        db["document_sources"].create_index(["path"], unique=True)
        db["document_sources"].create_index(["sha256"])
        db["document_sources"].create_index(["document_id"])
    if "document_links" not in db.table_names():
        db["document_links"].create(
            {
                "id": int,
                "source_id": int,
                "target_id": int,
                "relation": str,
                "mention": str,
                "confidence": float,
                "start": int,
                "end": int,
                "cited_symbol": str,
                "cited_type": str,
                "cited_date": str,
                "cited_issuer": str,
                "warning": str,
                "relations": str,
                "scope": str,
                "acts": str,
            },
            pk="id",
            foreign_keys=[("source_id", "documents", "id"), ("target_id", "documents", "id")],
        )
        db["document_links"].create_index(["source_id", "relation"])
        db["document_links"].create_index(["target_id", "relation"])
        db["document_links"].create_index(["source_id", "target_id"], unique=True)
    if "organizations" not in db.table_names():
        db["organizations"].create(
            {"id": int, "name": str, "key": str, "locality": str, "is_group": int},
            pk="id",
        )
        db["organizations"].create_index(["key"], unique=True)
    if "tasks" not in db.table_names():
        db["tasks"].create(
            {
                "id": int,
                "document_id": int,
                "organization_id": int,
                "assignee": str,
                "coordinators": str,
                "action": str,
                "deadline": str,
                "deadline_text": str,
                "due_by": str,
                "recurrence": str,
                "kind": str,
                "deadline_note": str,
                "section": str,
                "start": int,
                "end": int,
            },
            pk="id",
            foreign_keys=[("document_id", "documents", "id"), ("organization_id", "organizations", "id")],
        )
        db["tasks"].create_index(["document_id"])
        db["tasks"].create_index(["organization_id", "deadline"])
        db["tasks"].create_index(["deadline"])
        db["tasks"].create_index(["due_by"])
    if "document_recipients" not in db.table_names():
        db["document_recipients"].create(
            {"id": int, "document_id": int, "organization_id": int, "text": str},
            pk="id",
            foreign_keys=[("document_id", "documents", "id"), ("organization_id", "organizations", "id")],
        )
        db["document_recipients"].create_index(["document_id"])
        db["document_recipients"].create_index(["organization_id"])
    if fresh:
        for statement in [*ORDER_AND_COUNTS, *STATUS_INDEXES, *SORT_KEYS]:
            db.conn.execute(statement)
    if "ingest_errors" not in db.table_names():
        db["ingest_errors"].create(
            {"id": int, "path": str, "sha256": str, "reason": str, "occurred_at": str},
            pk="id",
        )
        db["ingest_errors"].create_index(["path"], unique=True)
    if version != SCHEMA_VERSION:  # a database already current is not written to on open
        for statement in PUBLIC_VIEWS:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    if fresh:
        db.conn.commit()
