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
