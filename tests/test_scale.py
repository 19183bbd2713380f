"""Storing cost that does not grow with the archive: what the citations of a document say is
counted beside the links (``citation_counts``), and a placeholder's fields are agreed from
the counts, the same as from every citation read again."""
import sqlite3
from collections import Counter

from directives.db import placeholders
from directives.db.store import Store
from directives.run import ingest

LETTER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: {number}/UBND-KT
Quảng Ngãi, ngày {day} tháng 9 năm 2021

V/v triển khai thi đua

Căn cứ {cited} của {issuer};

Sở Tài chính chủ trì thực hiện.

CHỦ TỊCH
Đặng Văn Minh
"""

CITATIONS = [
    ("Nghị định số 91/2017/NĐ-CP ngày 31/7/2017", "Chính phủ"),
    ("Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017", "Chính phủ"),
    ("Nghị định 91/2017/NĐCP ngày 01/8/2017", "Thủ tướng Chính phủ"),
    ("Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003", "Quốc hội"),
    ("Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003", "Quốc hội"),
    ("Luật thi đua, khen thưởng ngày 26 tháng 11 năm 2003", "Quốc hội"),
]


def _write(folder, count):
    paths = []
    for n in range(count):
        cited, issuer = CITATIONS[n % len(CITATIONS)]
        path = folder / f"cv-{n:03}.txt"
        path.write_text(LETTER.format(number=100 + n, day=1 + n % 28, cited=cited, issuer=issuer), encoding="utf-8")
        paths.append(path)
    return paths


def _recounted(conn) -> Counter:
    """The counts read again from every link, as the triggers should keep them."""
    out = Counter()
    for target, symbol, kind, date, issuer, mention, relations in conn.execute(
        "SELECT target_id, cited_symbol, cited_type, cited_date, cited_issuer, mention, relations FROM document_links"
    ):
        out[target, "links", "*"] += 1
        acts = any(f"{act}_by" in (relations or "") for act in ("amended", "replaced", "repealed"))
        out[target, "rank", "*"] += 1 + 5 * acts
        for field, value in (("symbol", symbol), ("type", kind), ("date", date), ("issuer", issuer),
                             ("title", mention if symbol is None else None)):
            if value:
                out[target, field, value] += 1
    return out


def _counts(conn) -> Counter:
    return Counter({(t, f, v): n for t, f, v, n in conn.execute("SELECT target_id, field, value, count FROM citation_counts")})


def _law_mentions(conn) -> tuple[Counter, Counter]:
    """The law citations by name and number as counted (db/schema.LAW_MENTIONS), and read again from the links."""
    kept = Counter({(m, n): c for m, n, c in conn.execute("SELECT mention, number, count FROM law_mentions")})
    again = Counter(conn.execute("SELECT mention, cited_symbol FROM document_links WHERE cited_type IN ('L', 'PL') "
                                 "AND cited_symbol IS NOT NULL AND mention LIKE '%uật%số%'").fetchall())
    return kept, again


def _placeholders(conn) -> set:
    return set(conn.execute("SELECT identity, symbol, doc_type, issued_date, issuer, subject FROM documents WHERE placeholder = 1"))


def test_counts_follow_every_link_added_changed_and_removed(tmp_path):
    paths = _write(tmp_path, 12)
    db = tmp_path / "a.db"
    ingest(Store.open(db), [str(p) for p in paths], jobs=1)
    conn = sqlite3.connect(db)
    assert _counts(conn) == _recounted(conn) and _counts(conn)
    # a letter changed to cite something else, one removed: the counts follow
    paths[0].write_text(LETTER.format(number=100, day=1, cited="Thông tư số 12/2019/TT-BTC ngày 01/3/2019", issuer="Bộ Tài chính"), encoding="utf-8")
    paths[1].unlink()
    store = Store.open(db)
    ingest(store, [str(p) for p in paths[:1]], jobs=1)
    source = store._source_by_path(str(paths[1].resolve()))
    with store.batch():
        with store._document():
            store._drop_source(source)
    conn = sqlite3.connect(db)
    assert _counts(conn) == _recounted(conn)
    # a link moved to another target (as merging two nodes of one law does) is counted there
    conn.execute("UPDATE document_links SET target_id = (SELECT min(id) FROM documents) WHERE id = (SELECT max(id) FROM document_links)")
    assert _counts(conn) == _recounted(conn)
    # a link found to amend a document held (status.join_link) ranks its target higher
    conn.execute("UPDATE document_links SET relations = 'amended_by' WHERE id = (SELECT min(id) FROM document_links)")
    assert _counts(conn) == _recounted(conn)
    # the citations of a law by name and number, counted by wording, follow too
    conn.execute("UPDATE document_links SET cited_type = 'L', cited_symbol = '47/2010/QH12', "
                 "mention = 'Luật Các tổ chức tín dụng số 47/2010/QH12' WHERE id IN (SELECT id FROM document_links LIMIT 3)")
    kept, again = _law_mentions(conn)
    assert kept == again and sum(kept.values()) >= 3
    conn.execute("DELETE FROM document_links WHERE id = (SELECT min(id) FROM document_links WHERE cited_symbol = '47/2010/QH12')")
    conn.execute("UPDATE document_links SET mention = 'Luật Các tổ chức tín dụng' WHERE cited_symbol = '47/2010/QH12' AND id = "
                 "(SELECT max(id) FROM document_links WHERE cited_symbol = '47/2010/QH12')")
    kept, again = _law_mentions(conn)
    assert kept == again and sum(kept.values()) == 1


def test_placeholders_agree_the_same_in_any_order(tmp_path):
    paths = _write(tmp_path, 12)
    forward, backward = tmp_path / "f.db", tmp_path / "b.db"
    ingest(Store.open(forward), [str(p) for p in paths], jobs=1)
    ingest(Store.open(backward), [str(p) for p in paths[::-1]], jobs=1)
    a, b = sqlite3.connect(forward), sqlite3.connect(backward)
    assert _placeholders(a) == _placeholders(b)
    decree = a.execute("SELECT symbol, issued_date, issuer FROM documents WHERE symbol_key LIKE '91/2017/%'").fetchall()
    assert decree == [("91/2017/NĐ-CP", "2017-07-31", "Thủ tướng Chính phủ")]  # the longest body named
    law = a.execute("SELECT subject, issuer FROM documents WHERE identity LIKE 'title:%'").fetchall()
    assert law and law[0][1] == "Quốc hội"


def test_agreed_from_counts_is_agreed_from_the_citations():
    citations = [
        {"symbol": "91/2017/NĐ-CP", "doc_type": "NĐ", "date": "2017-07-31", "issuer": "Chính phủ"},
        {"symbol": "91/2017/NĐCP", "doc_type": "NĐ", "date": "2017-08-01", "issuer": "Thủ tướng Chính phủ"},
        {"symbol": "91/2017/NĐ-CP", "doc_type": None, "date": "2016-07-31", "issuer": "Bộ trưởng Bộ Tài chính"},
        {"symbol": "91/2017/NĐ-CP", "doc_type": "NĐ", "date": "2017-07-31", "issuer": None},
    ]
    counts = {"symbol": Counter(c["symbol"] for c in citations), "type": Counter(c["doc_type"] for c in citations if c["doc_type"]),
              "date": Counter(c["date"] for c in citations), "issuer": Counter(c["issuer"] for c in citations if c["issuer"])}
    assert placeholders.agreed_counts(counts, None) == placeholders.agreed(citations, None)
    assert placeholders.agreed(citations, None)["issued_date"] == "2017-07-31"


def test_a_database_of_version_6_is_counted_when_upgraded(tmp_path):
    paths = _write(tmp_path, 6)
    db = tmp_path / "old.db"
    ingest(Store.open(db), [str(p) for p in paths], jobs=1)
    conn = sqlite3.connect(db)
    before = _counts(conn)
    for trigger in ("counted", "uncounted", "recounted"):
        conn.execute(f"DROP TRIGGER document_links_{trigger}")
    conn.execute("DROP TABLE citation_counts")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    Store.open(db)
    assert _counts(sqlite3.connect(db)) == before


def test_the_board_order_is_stored_and_served_by_its_index(examples, db_path):
    """tasks.board_key orders the board as "overdue and dated by due_by, undated last, then by
    the document's date" did, and follows a document whose date changes."""
    ingest(Store.open(db_path), [str(examples)], jobs=1)
    conn = sqlite3.connect(db_path)
    old = [r[0] for r in conn.execute(
        "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id "
        "ORDER BY t.due_by IS NULL, t.due_by, d.issued_date, t.document_id, t.start, t.id")]
    new = [r[0] for r in conn.execute("SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY t.board_key, t.document_id, t.start, t.id")]
    assert len(old) > 10 and new == old
    plan = " ".join(r[-1] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY t.board_key, t.document_id, t.start, t.id LIMIT 50"))
    assert "TEMP B-TREE" not in plan
    conn.execute("UPDATE documents SET issued_date = '1999-01-01' WHERE id = (SELECT document_id FROM tasks WHERE due_by IS NULL LIMIT 1)")
    old = [r[0] for r in conn.execute(
        "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id "
        "ORDER BY t.due_by IS NULL, t.due_by, d.issued_date, t.document_id, t.start, t.id")]
    assert [r[0] for r in conn.execute("SELECT t.id FROM tasks t ORDER BY t.board_key, t.document_id, t.start, t.id")] == old


def test_a_count_out_of_time_is_more_than_n_not_a_failure(examples, db_path, monkeypatch):
    import asyncio

    from datasette.app import Datasette

    from directives.datasette_plugins.pages import common

    ingest(Store.open(db_path), [str(examples)], jobs=1)
    monkeypatch.setattr(common, "COUNT_SECONDS", -1.0)  # every count is out of time at once
    monkeypatch.setattr(common, "_COUNTS", {})
    monkeypatch.setattr(common, "_STEPS", 1)
    ds = Datasette([str(db_path)])

    async def get(path):
        return await ds.client.get(path)

    for path in ("/-/tasks", "/-/missing"):
        r = asyncio.run(get(path))
        assert r.status_code == 200 and "Hơn" in r.text
        data = asyncio.run(get(path.replace("/-/tasks", "/-/tasks.json").replace("/-/missing", "/-/missing.json"))).json()
        assert data["total_exact"] is False and data["rows"]


# -- pages that read the first rows of an index, never every row (docs/scale.md) -----------------


def _plan(conn, sql: str, args=()) -> str:
    return " | ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args))


def _example_db(examples, db_path):
    ingest(Store.open(db_path), [str(examples)], jobs=1)
    return sqlite3.connect(db_path)


def test_the_pages_plans_read_indexes_in_order(examples, db_path):
    """Each query a page runs to show its first rows reads an index in the page's order: no
    temporary B-tree (a sort of every row), whatever the archive's size."""
    from directives.datasette_plugins import document_data
    from directives.datasette_plugins.pages import missing, search, tasks

    conn = _example_db(examples, db_path)
    cited_by = ("SELECT l.source_id FROM document_links l JOIN documents s ON s.id = l.source_id WHERE l.target_id = 1 "
                f"AND (1 OR NOT s.secrecy IS NOT NULL) {document_data.CITED_BY_ORDER} LIMIT 200")
    plan = _plan(conn, cited_by)
    assert "idx_document_links_cited_by" in plan and "TEMP B-TREE" not in plan, plan
    plan = _plan(conn, missing._CITATIONS, {"target": 1, "all": 1})
    assert "idx_document_links_cited_by" in plan and "TEMP B-TREE" not in plan, plan
    for low, high in tasks._opening_ranges("2026-12-07"):
        plan = _plan(conn, "SELECT t.id FROM tasks t INDEXED BY idx_tasks_open WHERE t.open_key >= ? AND t.open_key < ? "
                           "AND coalesce(t.kind, 'assignment') = 'assignment' "
                           f"{tasks.OPEN_ORDER} LIMIT 50", [low, high])
        assert "COVERING INDEX idx_tasks_open (open_key>? AND open_key<?)" in plan and "TEMP B-TREE" not in plan, plan
    month = ("SELECT t.id FROM tasks t INDEXED BY idx_tasks_board WHERE t.due_by >= :a AND t.due_by < :b "
             f"AND t.board_key >= :a AND t.board_key < :b {tasks._ORDER} LIMIT 50")
    plan = _plan(conn, month, {"a": "2025-12-01", "b": "2026-01-01"})
    assert "idx_tasks_board (board_key>? AND board_key<?)" in plan and "TEMP B-TREE" not in plan, plan
    unit = ("SELECT t.id FROM tasks t INDEXED BY idx_tasks_board WHERE t.organization_id IN (SELECT value FROM json_each('[1,2]')) "
            f"AND coalesce(t.kind, 'assignment') = 'assignment' {tasks._ORDER} LIMIT 50")
    plan = _plan(conn, unit)
    assert "COVERING INDEX idx_tasks_board" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
    # the lược đồ's documents acting on this one: those links only, from their partial index
    from directives.db.schema import acting
    plan = _plan(conn, "SELECT l.source_id FROM document_links l JOIN documents d ON d.id = l.source_id "
                       f"WHERE l.target_id = 1 AND {acting('l.')} ORDER BY d.issued_date, d.id")
    assert "idx_document_links_acts_on (target_id=?)" in plan, plan
    # the documents table as it opens (no placeholders, newest first) and its facets, as Datasette asks them
    plan = _plan(conn, "SELECT id, symbol FROM documents WHERE placeholder = 0 ORDER BY issued_date DESC, id DESC LIMIT 101")
    assert "idx_documents_table_issued_date" in plan and "TEMP B-TREE" not in plan, plan
    for column in ("doc_type", "issuer_body", "year", "status"):
        plan = _plan(conn, f"SELECT {column} AS value, count(*) AS count FROM (SELECT * FROM documents WHERE placeholder = 0) "
                           f"WHERE {column} IS NOT NULL AND {column} != '' GROUP BY {column} ORDER BY count DESC, value LIMIT 9")
        assert f"COVERING INDEX idx_documents_table_{column}" in plan and "SCAN documents" not in plan, plan
    # a new database stores the text last: the short columns are read without its overflow pages
    columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    assert columns[-1] == "text" and columns.index("year") < columns.index("references_json")
    ranked = search._RANKED.format(weights=search._WEIGHTS, most=search.RANKED_MOST, candidates=search.CANDIDATES)
    plan = _plan(conn, ranked, {"q": '"ke" "hoach"'})
    # FTS5 gives the newest matches itself (its index in descending rowid order); only the
    # bounded candidates are sorted by bm25
    assert plan.count("TEMP B-TREE") == 1 and "LIMIT" not in plan


def test_the_opening_order_is_the_sort_it_replaces(examples, db_path):
    """The four ranges of ``tasks.open_key`` give, page after page, what sorting every task by
    "plans first, current before overdue, by last day, newest documents first" gave."""
    from directives.datasette_plugins.pages import tasks

    conn = _example_db(examples, db_path)
    old = [r[0] for r in conn.execute(
        "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY coalesce(d.doc_type IN ('KH', 'CT', 'CĐ'), 0) DESC, "
        "(t.due_by IS NOT NULL AND t.due_by < :today), t.due_by IS NULL, t.due_by, d.issued_date DESC, t.document_id, t.start, t.id",
        {"today": "2025-10-01"})]
    assert len(old) >= 20
    new = []
    for offset in range(0, len(old), 7):
        new += tasks._opening_ids(conn, [], {}, "2025-10-01", offset, 7)
    assert new == old
    # a document's date or type changed: its tasks move with it
    conn.execute("UPDATE documents SET issued_date = NULL, doc_type = 'KH' WHERE id = (SELECT document_id FROM tasks ORDER BY id LIMIT 1)")
    old = [r[0] for r in conn.execute(
        "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY coalesce(d.doc_type IN ('KH', 'CT', 'CĐ'), 0) DESC, "
        "(t.due_by IS NOT NULL AND t.due_by < :today), t.due_by IS NULL, t.due_by, d.issued_date DESC, t.document_id, t.start, t.id",
        {"today": "2025-10-01"})]
    assert tasks._opening_ids(conn, [], {}, "2025-10-01", 0, len(old)) == old


def test_the_citing_documents_date_follows_the_document(tmp_path):
    """``document_links.source_key`` is the citing document's date (undated: "~", last),
    whoever writes the link or the date."""
    paths = _write(tmp_path, 6)
    db = tmp_path / "a.db"
    ingest(Store.open(db), [str(p) for p in paths], jobs=1)
    conn = sqlite3.connect(db)

    def stale():
        return conn.execute("SELECT count(*) FROM document_links l JOIN documents s ON s.id = l.source_id "
                            "WHERE l.source_key IS NOT coalesce(s.issued_date, '~')").fetchone()[0]

    assert stale() == 0 and conn.execute("SELECT count(*) FROM document_links").fetchone()[0] >= 5
    conn.execute("UPDATE documents SET issued_date = NULL WHERE id = (SELECT min(source_id) FROM document_links)")
    conn.execute("UPDATE documents SET issued_date = '1999-02-03' WHERE id = (SELECT max(source_id) FROM document_links)")
    conn.execute("UPDATE document_links SET source_id = (SELECT max(source_id) FROM document_links) WHERE id = (SELECT min(id) FROM document_links)")
    assert stale() == 0


def test_a_database_of_7_without_the_sort_keys_is_completed_by_ingest(examples, db_path):
    from directives.db import schema

    conn = _example_db(examples, db_path)
    for name in ("tasks_open_key", "tasks_open_key_changed", "documents_open_key", "document_links_source_key",
                 "document_links_source_key_changed", "documents_source_key"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP INDEX idx_tasks_open")
    conn.execute("DROP INDEX idx_document_links_cited_by")
    conn.execute("ALTER TABLE tasks DROP COLUMN open_key")
    conn.execute("ALTER TABLE document_links DROP COLUMN source_key")
    conn.execute("DROP INDEX idx_tasks_board")
    conn.execute("CREATE INDEX idx_tasks_board ON tasks (board_key, document_id, start, id)")
    conn.execute("ALTER TABLE documents ADD COLUMN tasks_json TEXT")  # the tasks stored twice, as before
    conn.commit()
    try:
        schema.check_schema(conn)
        raise AssertionError("serve must say to run ingest once")
    except schema.SchemaError as error:
        assert "ingest" in str(error)
    Store.open(db_path)
    conn = sqlite3.connect(db_path)
    schema.check_schema(conn)
    assert conn.execute("SELECT count(*) FROM tasks WHERE open_key IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM document_links WHERE source_key IS NULL").fetchone()[0] == 0
    assert "tasks_json" not in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}


def test_the_chain_walk_stops_at_its_most(tmp_path):
    from directives.db import trace

    db = tmp_path / "a.db"
    ingest(Store.open(db), [str(p) for p in _write(tmp_path, 12)], jobs=1)
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT target_id FROM document_links GROUP BY target_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    whole = trace.trace(conn, root, "down", relations=None, with_documents=False)
    assert whole.complete and len(whole.edges) >= 3
    cut = trace.trace(conn, root, "down", relations=None, with_documents=False, most=2)
    assert not cut.complete and [(e.parent, e.child) for e in cut.edges] == [(e.parent, e.child) for e in whole.edges[:2]]
    exact = trace.trace(conn, root, "down", relations=None, with_documents=False, most=len(whole.edges))
    assert exact.complete and len(exact.edges) == len(whole.edges)


def test_pages_never_answer_500_when_a_query_runs_out_of_time(examples, db_path, monkeypatch):
    """A query interrupted by Datasette's time limit: the search says so on its page, the
    board and the missing documents answer 503 (try again), never a 500."""
    import asyncio

    from datasette.app import Datasette
    from datasette.database import Database, QueryInterrupted

    ingest(Store.open(db_path), [str(examples)], jobs=1)
    ds = Datasette([str(db_path)])

    async def out_of_time(self, sql, *args, **kwargs):
        raise QueryInterrupted(sqlite3.OperationalError("interrupted"), sql, None)

    monkeypatch.setattr(Database, "execute", out_of_time)
    for path in ("/-/tasks", "/-/tasks.json", "/-/tasks?unit=ubnd", "/-/missing", "/-/missing.json", "/-/search?q=ke+hoach",
                 "/-/search.json?q=quyet+dinh"):
        r = asyncio.run(ds.client.get(path))
        assert r.status_code in (200, 503), (path, r.status_code)
        if "search" in path:
            assert r.status_code == 200 and "thời gian cho phép" in r.text


def test_a_document_page_with_a_chain_cut_says_more_than(tmp_path, monkeypatch):
    import asyncio

    from datasette.app import Datasette

    from directives.datasette_plugins import document_data

    db = tmp_path / "a.db"
    ingest(Store.open(db), [str(p) for p in _write(tmp_path, 12)], jobs=1)
    root = sqlite3.connect(db).execute("SELECT target_id FROM document_links GROUP BY target_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    monkeypatch.setattr(document_data, "MAX_WALK", 1)
    data = document_data.load(sqlite3.connect(db), root)
    assert data["chain"]["down_exact"] is False and data["chain"]["down_total"] == 1
    assert data["cited_by"]["total"] >= 2 and all(m["exact"] is False for m in data["chain"]["more"] if m["direction"] == "down")
    r = asyncio.run(Datasette([str(db)]).client.get(f"/-/document/{root}"))
    assert r.status_code == 200 and "(hơn 1," in r.text
