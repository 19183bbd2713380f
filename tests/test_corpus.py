"""On the real documents of ../shared (skipped when it is absent)."""
import sqlite3

import pytest

from directives import extract_file
from directives.db.store import Store
from directives.run import ingest

from .conftest import needs_shared


def test_same_symbol_of_two_provinces_in_the_corpus_stays_apart(db_path):
    folder = needs_shared("corpus", "tvpl-markdown")
    files = [str(p) for p in sorted(folder.glob("QD__98-2025-QD-UBND__*.md"))]
    assert len(files) >= 2
    report = ingest(Store.open(db_path), files)
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


def _corpus_files(corpus, *patterns):
    files = []
    for pattern in patterns:
        found = sorted(corpus.glob(pattern))
        assert found, pattern
        files.append(str(found[0]))
    return files


def _graph(db_path):
    with sqlite3.connect(db_path) as conn:
        return set(
            conn.execute(
                "select s.identity, t.identity, l.relation, t.placeholder from document_links l "
                "join documents s on s.id = l.source_id join documents t on t.id = l.target_id"
            )
        )


@pytest.mark.slow
def test_corpus_decisions_link_to_the_central_documents_they_cite_in_any_order(tmp_path):
    corpus = needs_shared("corpus")
    files = _corpus_files(
        corpus,
        "tvpl-markdown/CT__06-CT-UBND__*.md",  # a Quảng Trị chỉ thị implementing Nghị định 131/2025
        "tvpl-markdown/NQ__33-2025-NQ-HDND__*.md",  # a Huế resolution resting on it
        "tvpl-text/ND__131-2025-ND-CP__*.txt",
        "tvpl-markdown/KH__0129-KH-UBND__*.md",  # a Đắk Lắk plan resting on Công điện 223/CĐ-TTg
        "tvpl-markdown/CD__223-CD-TTg__*.md",
        "tvpl-markdown/TT__21-2025-TT-BGDDT__*.md",  # one circular, as Markdown and as HTML
        "vbpl-html/TT__21-2025-TT-BGDDT__*.html",
    )
    forward, backward = tmp_path / "forward.db", tmp_path / "backward.db"
    assert ingest(Store.open(forward), files, jobs=1).failed == 0
    for path in reversed(files):
        ingest(Store.open(backward), [path], jobs=1)
    graph = _graph(forward)
    assert graph == _graph(backward)
    stored = {(source.split("|")[0], target.split("|")[0], relation) for source, target, relation, placeholder in graph if not placeholder}
    assert ("06/ctubnd", "131/2025/ndcp", "implements") in stored
    assert ("33/2025/nqhdnd", "131/2025/ndcp", "based_on") in stored
    assert ("0129/khubnd", "223/cdttg", "based_on") in stored
    with sqlite3.connect(forward) as conn:
        sources = conn.execute(
            "select count(*) from document_sources s join documents d on d.id = s.document_id where d.symbol = '21/2025/TT-BGDĐT'"
        ).fetchone()[0]
        nodes = conn.execute("select count(*) from documents where symbol_key = '21/2025/ttbgddt'").fetchone()[0]
    assert (sources, nodes) == (2, 1)
