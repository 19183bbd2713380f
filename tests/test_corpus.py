"""On the real documents of ../shared (skipped when it is absent)."""
import sqlite3

from directives import extract_file
from directives.db.store import Store

from .conftest import needs_shared


def test_same_symbol_of_two_provinces_in_the_corpus_stays_apart(db_path):
    folder = needs_shared("corpus", "tvpl-markdown")
    files = [str(p) for p in sorted(folder.glob("QD__98-2025-QD-UBND__*.md"))]
    assert len(files) >= 2
    report = Store.open(db_path).ingest_paths(files)
    assert report.failed == 0
    with sqlite3.connect(db_path) as conn:
        issuers = {r[0] for r in conn.execute("select issuer from documents where symbol = '98/2025/QĐ-UBND'")}
    assert len(issuers) == len(files)


def test_seed_without_header_gets_issuer_from_symbol_and_body():
    seeds = needs_shared("seeds")
    record = extract_file(str(next(seeds.glob("000_*.txt"))))
    assert record.symbol == "2000/KH-SCT"
    assert record.issuer == "Sở Công Thương tỉnh Quảng Ngãi"
    assert record.signer == "Võ Văn Rân"
