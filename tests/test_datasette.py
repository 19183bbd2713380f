"""The Datasette pages, through datasette.client, on a database ingested from the examples."""
import asyncio

import pytest
from datasette.app import Datasette

from directives.db.store import Store
from directives.run import ingest


@pytest.fixture
def ds(examples, db_path):
    ingest(Store.open(db_path), [str(examples)])
    # the document text is data: markup in it must come back escaped
    store = Store.open(db_path)
    store.db.execute("update documents set subject = '<script>alert(1)</script>' where symbol = '31/KH-SCT'")
    store.db.conn.commit()
    return Datasette([str(db_path)])


def get(ds, path, **params):
    return asyncio.run(ds.client.get(path, params=params, follow_redirects=True))


def symbols_found(ds, query):
    r = get(ds, "/test/documents.json", _search=query, _shape="objects")
    assert r.status_code == 200, r.text
    return {row["symbol"] for row in r.json()["rows"]}


def test_plugin_is_loaded(ds):
    names = [p["name"] for p in get(ds, "/-/plugins.json").json()]
    assert "directives" in names


def test_search_with_or_without_diacritics(ds):
    assert "0457/QĐ-UBND" in symbols_found(ds, "quyet dinh")
    assert symbols_found(ds, "quyet dinh") == symbols_found(ds, "quyết định")
    assert "0457/QĐ-UBND" in symbols_found(ds, "Đắk Lắk")
    assert "0457/QĐ-UBND" in symbols_found(ds, "dak lak")
    assert symbols_found(ds, "thue nhap khau") == {"2105/BTC-CST"}


def test_symbol_in_any_spelling(ds):
    assert symbols_found(ds, "0457/qd-ubnd") == {"0457/QĐ-UBND"}
    r = get(ds, "/test/find_symbol.json", symbol="0457 / qđ–ubnd", _shape="objects")
    assert [row["symbol"] for row in r.json()["rows"]] == ["0457/QĐ-UBND"]


def test_table_page_has_title_and_facets(ds):
    r = get(ds, "/test/documents")
    assert r.status_code == 200
    assert "Văn bản" in r.text
    facets = get(ds, "/test/documents.json", placeholder="0").json()["facet_results"]
    assert {"doc_type", "issuer_body", "year"} <= set(facets)
    doc_types = {v["value"] for v in facets["doc_type"]["results"]}
    assert doc_types == {"QĐ", "KH", "CV", "NQ"}
    # the documents they cite are there too, as placeholders
    cited = get(ds, "/test/documents.json", placeholder="1", _shape="array").json()
    assert {"66/2021/NĐ-CP", "02/CT-UBND", "145/UBND-KT"} <= {row["symbol"] for row in cited}


def test_document_text_is_escaped(ds):
    r = get(ds, "/test/documents")
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_fold_sql_function(ds):
    r = get(ds, "/test.json", sql="select fold('Đà Nẵng') as f", _shape="objects")
    assert r.json()["rows"] == [{"f": "da nang"}]


def test_tasks_derived_from_a_document_and_of_one_unit(ds):
    # 31/KH-SCT implements 02/CT-UBND (stored as a placeholder): its tasks derive from the Chỉ thị
    rows = get(ds, "/test/derived_tasks.json", symbol="02/ct-ubnd", _shape="objects").json()["rows"]
    assert [(r["symbol"], r["unit"]) for r in rows] == [
        ("31/KH-SCT", "Phòng Quản lý Thương mại"),  # the one with a deadline first
        ("31/KH-SCT", "Văn phòng Sở Công Thương tỉnh Quảng Ngãi"),
    ]
    rows = get(ds, "/test/unit_tasks.json", unit="van phong so", _shape="objects").json()["rows"]
    assert {r["symbol"] for r in rows} == {"31/KH-SCT", "45/KH-SKHCN"}  # the offices of both Sở
    # the decision's only tasks are its closing clause: shown when every kind is asked for
    assert get(ds, "/test/derived_tasks.json", symbol="66/2021/NĐ-CP", _shape="objects").json()["rows"] == []
    assert get(ds, "/test/derived_tasks.json", symbol="66/2021/NĐ-CP", kind="all", _shape="objects").json()["rows"][0]["symbol"] == "0457/QĐ-UBND"
    assert get(ds, "/test/derived_tasks.json", symbol="66/2021/NĐ-CP", kind="execution", _shape="objects").json()["rows"][0]["symbol"] == "0457/QĐ-UBND"
