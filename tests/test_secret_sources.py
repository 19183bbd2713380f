"""A document is as secret as the most secret of its files (issue 19: "One document, two files,
one of them marked"), whichever file came first and whichever reading gives its fields."""
from __future__ import annotations

import sqlite3

import pytest

from directives.db.store import Store
from directives.run import ingest
from tests.test_batch import plan

MARKED = plan(7).replace("Số: 7/KH-SCT", "MẬT\nSố: 7/KH-SCT")
# the same plan unmarked, with one duty more: the fuller reading, the one that gives the fields
UNMARKED = plan(7).replace(
    "\n\nGIÁM ĐỐC", "\n\n2. Phòng Kế hoạch chủ trì tổng hợp kết quả thực hiện, báo cáo trước ngày 15/12/2025.\n\nGIÁM ĐỐC"
)


def stored(db_path) -> tuple:
    with sqlite3.connect(db_path) as conn:
        documents = conn.execute("select symbol, secrecy, (select group_concat(assignee, '; ') from tasks t where t.document_id = d.id) "
                                 "from documents d where placeholder = 0").fetchall()
        sources = dict(conn.execute("select substr(path, length(path) - 8), secrecy from document_sources"))
        public = conn.execute("select count(*) from public_documents where text is not null and placeholder = 0").fetchone()[0]
        public_sources = conn.execute("select count(*) from public_document_sources").fetchone()[0]
        public_tasks = conn.execute("select count(*) from public_tasks").fetchone()[0]
    return documents, sources, public, public_sources, public_tasks


@pytest.mark.parametrize("order", [("secret.md", "public.md"), ("public.md", "secret.md")], ids=["secret-first", "unmarked-first"])
def test_a_document_is_secret_when_any_of_its_files_is_marked(tmp_path, order):
    (tmp_path / "secret.md").write_text(MARKED, encoding="utf-8")
    (tmp_path / "public.md").write_text(UNMARKED, encoding="utf-8")
    db_path = tmp_path / "t.db"
    for name in order:  # one run each, in this order
        report = ingest(Store.open(db_path), [str(tmp_path / name)], jobs=1)
        assert report.failed == 0
    documents, sources, public, public_sources, public_tasks = stored(db_path)
    assert len(documents) == 1
    symbol, secrecy, tasks = documents[0]
    assert symbol == "7/KH-SCT" and "Phòng Kế hoạch" in tasks  # the unmarked reading gives the fields
    assert secrecy == "Mật"  # but the document is secret
    assert sources == {"secret.md": "Mật", "public.md": None}  # and each file keeps its own mark
    assert public == 0 and public_sources == 0 and public_tasks == 0


def test_a_document_whose_marked_file_is_replaced_by_an_unmarked_one_is_public_again(tmp_path):
    (tmp_path / "secret.md").write_text(MARKED, encoding="utf-8")
    (tmp_path / "public.md").write_text(UNMARKED, encoding="utf-8")
    db_path = tmp_path / "t.db"
    ingest(Store.open(db_path), [str(tmp_path)], jobs=1)
    assert stored(db_path)[0][0][1] == "Mật"
    (tmp_path / "secret.md").write_text(UNMARKED + "\n", encoding="utf-8")  # the mark taken off (declassified)
    ingest(Store.open(db_path), [str(tmp_path)], jobs=1)
    documents, sources, *_ = stored(db_path)
    assert documents[0][1] is None and sources == {"secret.md": None, "public.md": None}
