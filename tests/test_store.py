"""directives ingest: storage, re-runs, changed files, duplicates, bad files."""
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from directives.cli import cli
from tests.conftest import run
from directives.db.schema import SCHEMA_VERSION
from directives.db.store import Store
from directives.run import ingest, ingest_file



def count(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchone()[0]


def test_ingest_stores_every_document_and_rerun_adds_nothing(examples, db_path):
    first = run("ingest", str(examples), "--db", str(db_path))
    assert first.exit_code == 0, first.output
    assert count(db_path, "select count(*) from documents where placeholder = 0") == 6
    assert count(db_path, "select count(*) from document_sources") == 6
    second = run("ingest", str(examples), "--db", str(db_path))
    assert second.exit_code == 0
    assert "0 added" in second.output and "6 unchanged" in second.output
    assert count(db_path, "select count(*) from documents where placeholder = 0") == 6


def test_stored_row_has_the_record_fields(examples, db_path):
    run("ingest", str(examples), "--db", str(db_path))
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("select * from documents where symbol = '0457/QĐ-UBND'").fetchone()
        source = conn.execute("select * from document_sources where document_id = ?", [row["id"]]).fetchone()
    assert row["doc_type"] == "QĐ" and row["year"] == 2025 and row["issuer"] == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert json.loads(row["recipients"])[0] == "Như Điều 3"
    assert "Điều 3." in row["text"]
    assert source["format"] == "md" and len(source["sha256"]) == 64


def test_changed_file_replaces_its_old_version(examples, db_path):
    run("ingest", str(examples), "--db", str(db_path))
    doc = examples / "kh-0031-sct-quang-ngai.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Số: 31 /KH-SCT", "Số: 32/KH-SCT"), encoding="utf-8")
    result = run("ingest", str(examples), "--db", str(db_path))
    assert "1 replaced" in result.output
    assert count(db_path, "select count(*) from documents where placeholder = 0") == 6
    assert count(db_path, "select count(*) from documents where symbol = '32/KH-SCT'") == 1
    assert count(db_path, "select count(*) from documents where symbol = '31/KH-SCT'") == 0


def test_same_document_from_two_files_is_one_document_with_two_sources(examples, db_path, tmp_path):
    copy = tmp_path / "again.md"
    text = (examples / "qd-0457-ubnd-dak-lak.md").read_text(encoding="utf-8")
    copy.write_text(text + "\n\n", encoding="utf-8")  # other bytes, same document
    run("ingest", str(examples), str(copy), "--db", str(db_path))
    assert count(db_path, "select count(*) from documents where symbol = '0457/QĐ-UBND'") == 1
    assert count(db_path, "select count(*) from document_sources s join documents d on d.id = s.document_id where d.symbol = '0457/QĐ-UBND'") == 2


def test_same_symbol_from_two_provinces_stays_two_documents(tmp_path, db_path):
    template = (
        "ỦY BAN NHÂN DÂN\nTỈNH {p}\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 98/2025/QĐ-UBND\n|\n"
        "{p2}, ngày 21 tháng 11 năm 2025\n|\nQUYẾT ĐỊNH\nVề việc thử\n"
    )
    (tmp_path / "a.md").write_text(template.format(p="QUẢNG NINH", p2="Quảng Ninh"), encoding="utf-8")
    (tmp_path / "b.md").write_text(template.format(p="NGHỆ AN", p2="Nghệ An"), encoding="utf-8")
    run("ingest", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--db", str(db_path))
    assert count(db_path, "select count(*) from documents where symbol = '98/2025/QĐ-UBND'") == 2


def test_bad_files_are_recorded_and_the_batch_goes_on(examples, db_path):
    (examples / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    (examples / "empty.txt").write_bytes(b"")
    (examples / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(cli, ["ingest", str(examples), "--db", str(db_path)])
    assert result.exit_code == 1
    assert count(db_path, "select count(*) from documents where placeholder = 0") == 6  # the good files are in
    with sqlite3.connect(db_path) as conn:
        errors = dict(conn.execute("select path, reason from ingest_errors").fetchall())
    reasons = {Path(p).name: r for p, r in errors.items()}
    assert reasons["scan.pdf"].startswith("damaged PDF")
    assert reasons["empty.txt"] == "the file is empty"
    assert "image.png" not in reasons  # an image is no document by its kind: skipped and counted, not failed (issue 22)
    assert "1 not documents (skipped)" in result.output
    assert "scan.pdf" in result.output  # on stderr too, naming the file


def test_a_failure_mid_document_leaves_nothing_half_written(examples, db_path):
    store = Store.open(db_path)
    # The source row is written after the document row: make SQLite refuse it.
    store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON document_sources BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        ingest_file(store, str(examples / "qd-0457-ubnd-dak-lak.md"))
    assert count(db_path, "select count(*) from documents where placeholder = 0") == 0
    assert count(db_path, "select count(*) from documents_fts") == 0
    assert count(db_path, "select count(*) from document_sources") == 0


def test_extract_jsonl_gives_one_line_per_file_and_error_lines(examples, tmp_path):
    bad = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["extract", str(examples / "cv-2105-btc-cst.html"), str(bad), "--jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert lines[0]["symbol"] == "2105/BTC-CST" and lines[0]["references"][0]["symbol"] == "145/UBND-KT"
    assert lines[1]["error"] == "no such file" and lines[1]["source"]["path"] == str(bad)


def test_a_document_that_cannot_be_stored_is_recorded_and_the_batch_goes_on(examples, db_path):
    """Documents are committed together during a batch; an error storing one must neither lose
    the others nor leave any of its own rows, and it is recorded with its reason."""
    files = sorted(examples.iterdir())
    store = Store.open(db_path)
    store.db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON document_sources WHEN NEW.path LIKE '%kh-0031-sct-quang-ngai.txt' "
        "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
    )
    report = ingest(store, [str(f) for f in files], jobs=1)
    assert report.failed == 1 and report.added + report.merged == len(files) - 1
    assert count(db_path, "select count(*) from document_sources") == len(files) - 1
    assert count(db_path, "select count(*) from documents where placeholder = 0") == len(files) - 1
    assert count(db_path, "select count(*) from documents where symbol like '31/KH-SCT'") == 0
    assert count(db_path, "select count(*) from documents_fts") == count(db_path, "select count(*) from documents")
    reason = count(db_path, "select reason from ingest_errors where path like '%kh-0031-sct-quang-ngai.txt'")
    assert reason.startswith("could not be stored:") and "refused by a trigger" in reason


def test_a_database_of_the_previous_version_is_upgraded_in_place(examples, db_path):
    run("ingest", str(examples / "qd-0457-ubnd-dak-lak.md"), "--db", str(db_path))
    with sqlite3.connect(db_path) as conn:  # as version 2 left it: no from_file_name, no due_by, no recurrence, no public views
        for view in ("public_documents", "public_tasks", "public_document_sources"):
            conn.execute(f"DROP VIEW {view}")
        conn.execute("ALTER TABLE documents DROP COLUMN from_file_name")
        conn.execute("ALTER TABLE document_sources DROP COLUMN secrecy")  # added by version 7
        for trigger in ("counted", "uncounted", "recounted"):  # so were the citations counted
            conn.execute(f"DROP TRIGGER document_links_{trigger}")
        conn.execute("DROP TABLE citation_counts")
        for trigger in ("tasks_board_key", "tasks_board_key_changed", "documents_board_key"):  # and the board's order
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP INDEX idx_tasks_board")
        conn.execute("DROP INDEX idx_documents_placeholder")
        conn.execute("ALTER TABLE tasks DROP COLUMN board_key")
        for trigger in ("tasks_open_key", "tasks_open_key_changed", "documents_open_key", "document_links_source_key",
                        "document_links_source_key_changed", "documents_source_key"):  # and the pages' sort keys
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP INDEX idx_tasks_open")
        for trigger in ("counted", "uncounted", "recounted"):  # and the law citations counted by wording
            conn.execute(f"DROP TRIGGER document_links_law_{trigger}")
        conn.execute("DROP TABLE law_mentions")
        conn.execute("DROP INDEX idx_document_links_acts_on")
        for column in ("issued_date", "doc_type", "issuer_body", "year", "status"):  # the documents table's indexes
            conn.execute(f"DROP INDEX idx_documents_table_{column}")
        conn.execute("DROP INDEX idx_document_links_cited_by")
        conn.execute("ALTER TABLE tasks DROP COLUMN open_key")
        conn.execute("ALTER TABLE document_links DROP COLUMN source_key")
        conn.execute("ALTER TABLE documents ADD COLUMN tasks_json TEXT")  # the tasks were stored twice
        for column in ("received_number", "received_date", "received_stamp"):  # added by version 7
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        conn.execute("DROP INDEX idx_tasks_due_by")
        conn.execute("ALTER TABLE tasks DROP COLUMN due_by")
        conn.execute("ALTER TABLE tasks DROP COLUMN recurrence")
        conn.execute("ALTER TABLE tasks DROP COLUMN kind")  # added by version 7
        conn.execute("ALTER TABLE tasks DROP COLUMN deadline_note")
        for column in ("cited_symbol", "cited_type", "cited_date", "cited_issuer", "warning"):  # added by version 5
            conn.execute(f"ALTER TABLE document_links DROP COLUMN {column}")
        for index in ("document_links_acting", "documents_status_changes_on", "documents_ended_on", "documents_public_ended_on"):
            conn.execute(f"DROP INDEX idx_{index}")  # added by version 8
        for column in ("amended_on", "partly_ended_on", "ended_on", "public_amended_on", "public_partly_ended_on",
                       "public_ended_on", "status_changes_on"):
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        for column in ("relations", "scope", "acts"):  # added by version 7 too
            conn.execute(f"ALTER TABLE document_links DROP COLUMN {column}")
        conn.execute("DROP INDEX idx_documents_status")
        for column in ("effective_date", "expiry_date", "status", "status_detail"):
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        # version 4 kept the dashes of a symbol in its key
        conn.execute("UPDATE documents SET symbol_key = '0457/qd-ubnd', identity = '0457/qd-ubnd|dak lak|2025' WHERE symbol = '0457/QĐ-UBND'")
        conn.execute("PRAGMA user_version = 2")
    result = run("ingest", str(examples), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output and "1 unchanged" in result.output
    assert count(db_path, "select count(*) from documents where from_file_name = '[]'") == 5
    # the tasks stored before the upgrade get their last allowed day from their deadline
    old = "select id from documents where symbol = '0457/QĐ-UBND'"
    assert count(db_path, f"select count(*) from tasks where document_id in ({old})") > 0
    assert count(db_path, f"select count(*) from tasks where document_id in ({old}) and due_by is not deadline") == 0
    assert count(db_path, f"select count(*) from tasks where document_id in ({old}) and recurrence is not null") == 0
    assert count(db_path, "select count(*) from public_tasks") == count(db_path, "select count(*) from tasks")
    # the keys are in the new spelling: the document is found again, not stored twice
    assert count(db_path, "select count(*) from documents where symbol_key = '0457/qdubnd' and identity = '0457/qdubnd|dak lak|2025'") == 1
    # the links stored before the upgrade say what their citations said, from the citing record
    assert count(db_path, "select count(*) from document_links l join documents d on d.id = l.source_id where d.symbol = '0457/QĐ-UBND' and l.cited_symbol is not null") > 0
    assert count(db_path, "select count(*) from document_links where cited_symbol is null and mention like '%/%'") == 0
    assert run("ingest", str(examples / "qd-0457-ubnd-dak-lak.md"), "--db", str(db_path)).exit_code == 0
    assert count(db_path, "select count(*) from documents where symbol = '0457/QĐ-UBND'") == 1
    assert count(db_path, "pragma user_version") == SCHEMA_VERSION
    assert count(db_path, "select count(*) from document_sources where secrecy is not null") == 0  # the document's: unmarked
    # the views of version 7, and the index that tells at once whether a database holds secrets
    assert count(db_path, "select count(*) from public_organizations") > 0
    assert count(db_path, "select count(*) from sqlite_master where name = 'idx_documents_secret'") == 1
    # the status of each document, computed from its stored text and links on upgrade
    assert count(db_path, "select count(*) from documents where status is null") == 0
    assert count(db_path, "select effective_date from documents where symbol = '0457/QĐ-UBND'") is not None
    # each task's kind, stored and open to all in public_tasks
    assert count(db_path, "select count(*) from public_tasks where kind is not null") > 0
    # the pages' sort keys, kept from now on; the tasks stored once
    assert count(db_path, "select count(*) from tasks where open_key is null or board_key is null") == 0
    assert count(db_path, "select count(*) from document_links where source_key is null") == 0
    assert count(db_path, "select count(*) from pragma_table_info('documents') where name = 'tasks_json'") == 0
    assert count(db_path, "select count(*) from sqlite_master where name = 'law_mentions'") == 1


def test_a_database_of_a_newer_version_is_refused_with_the_reason(db_path):
    from directives.db.schema import SchemaError

    Store.open(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(SchemaError, match="newer version of directives"):
        Store.open(db_path)
