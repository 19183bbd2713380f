"""The document page, `/-/document/<id>`, its JSON, the chain list and source files, through
datasette.client on a database ingested from the examples (a chain of three levels:
05/NQ-HĐND <- 20/KH-UBND <- 45/KH-SKHCN)."""
import asyncio
import re
import shutil
import sqlite3

import pytest
from datasette.app import Datasette

from directives.datasette_plugins import chain_svg, document_data
from directives.db.store import Store
from directives.run import ingest

from .conftest import EXAMPLES

PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The examples ingested once; each test gets its own copy of the database."""
    folder = tmp_path_factory.mktemp("ingested")
    shutil.copytree(EXAMPLES, folder / "docs")
    ingest(Store.open(folder / "examples.db"), [str(folder / "docs")])
    return folder / "examples.db"


@pytest.fixture
def db(ingested, db_path):
    with sqlite3.connect(ingested) as source, sqlite3.connect(db_path) as copy:
        source.backup(copy)
    return db_path


def ids(db_path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {symbol: i for i, symbol in conn.execute("select id, symbol from documents where symbol is not null")}


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def signed_in(ds) -> dict:
    return {"ds_actor": ds.sign({"a": {"id": "clerk"}}, "actor")}


def test_page_shows_fields_tasks_text_and_the_chain_of_three_levels(db):
    ds, doc = Datasette([str(db)]), ids(db)
    r = get(ds, f"/-/document/{doc['45/KH-SKHCN']}")
    assert r.status_code == 200
    page = r.text
    for shown in ("45/KH-SKHCN", "Kế hoạch", "20/02/2025", "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi",
                  "Triển khai phát triển hạ tầng số", "Nguyễn Văn Hùng", "Giám đốc", "Các phòng, đơn vị thuộc Sở"):
        assert shown in page, shown
    svg = page[page.index('<svg width="'):]  # the chain Graphviz drew (not the menu's icon, shown with sign-in)
    svg = svg[: svg.index("</svg>")]
    # both levels above are drawn and link to their own pages; the relation is written on the edge
    for symbol in ("20/KH-UBND", "05/NQ-HĐND"):
        assert f'href="/-/document/{doc[symbol]}"' in svg
        assert symbol.replace("-", "&#45;") in svg
    assert "thực hiện" in svg and "căn cứ" in svg
    # placeholders are drawn dashed and say how many documents cite them
    assert "57&#45;NQ/TW" in svg and "stroke-dasharray" in svg and "chưa có trong CSDL · 1 văn bản dẫn" in svg
    # the tasks, overdue marked (their deadlines are in 2025)
    assert "Văn phòng Sở" in page and "quá hạn" in page
    # the text: each reference a link to its document, tasks marked
    text = page[page.index('class="dd-textbody"'):]
    assert re.search(rf'<a class="dx dx-ref" href="/-/document/{doc["20/KH-UBND"]}"[^>]*>Kế hoạch số 20/KH-UBND', text)
    assert '<mark class="dx dx-task' in text
    assert f'href="/-/tasks?from={doc["45/KH-SKHCN"]}"' in page
    # every mention is a link: 20/KH-UBND names the Nghị quyết in its title and in its opening line
    plan = get(ds, f"/-/document/{doc['20/KH-UBND']}").text.split('class="dd-textbody"')[1]
    assert plan.count(f'<a class="dx dx-ref" href="/-/document/{doc["05/NQ-HĐND"]}"') == 2


def test_json_has_the_same_data(db):
    ds, doc = Datasette([str(db)]), ids(db)
    data = get(ds, f"/-/document/{doc['20/KH-UBND']}.json").json()
    assert data["document"]["symbol"] == "20/KH-UBND"
    assert data["document"]["doc_type_name"] == "Kế hoạch"
    assert data["readable"] is True
    chain = data["chain"]
    nodes = {n["id"]: n for n in chain["nodes"]}
    assert {doc["05/NQ-HĐND"], doc["45/KH-SKHCN"], doc["20/KH-UBND"]} <= set(nodes)
    edges = {(e["source"], e["target"], e["relation"]) for e in chain["edges"]}
    assert (doc["20/KH-UBND"], doc["05/NQ-HĐND"], "implements") in edges
    assert (doc["45/KH-SKHCN"], doc["20/KH-UBND"], "implements") in edges
    units = {t["unit"] for t in data["tasks"]}
    assert "Sở Tài chính tỉnh Quảng Ngãi" in units
    deadlines = {t["deadline"]: t["overdue"] for t in data["tasks"] if t["deadline"]}
    assert deadlines["2025-03-31"] is True and deadlines["2027-12-31"] is (data["today"] > "2027-12-31")
    assert data["sources"][0]["url"] == f"/-/source/{data['sources'][0]['id']}"
    assert "Thực hiện Nghị quyết số 05/NQ-HĐND" in data["text"]
    assert get(ds, "/-/document/99999").status_code == 404
    assert get(ds, "/-/document/99999.json").status_code == 404


def test_placeholder_page_says_what_citations_say_and_who_cites(db):
    ds, doc = Datasette([str(db)]), ids(db)
    r = get(ds, f"/-/document/{doc['57-NQ/TW']}")
    assert r.status_code == 200
    assert "chưa được nhập vào cơ sở dữ liệu" in r.text
    table = r.text[r.text.index("Các văn bản dẫn chiếu đến văn bản này"):]
    assert f'href="/-/document/{doc["05/NQ-HĐND"]}">05/NQ-HĐND</a>' in table
    assert "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" in table  # the mention as written
    assert "22/12/2024" in table and "Bộ Chính trị" in table and "căn cứ" in table
    assert '<td title="NQ">Nghị quyết</td>' in table  # the type as a clerk names it, not "NQ"
    page = get(ds, f"/-/document/{doc['05/NQ-HĐND']}").text
    cited_by = page[page.index("Được dẫn chiếu bởi"):]
    assert re.search(r">20/KH-UBND</a>\s*<span class=\"dd-muted\">Kế hoạch 05/02/2025", cited_by)
    data = get(ds, f"/-/document/{doc['57-NQ/TW']}.json").json()
    assert data["document"]["placeholder"] is True
    assert data["citations"][0]["issuer"] == "Bộ Chính trị" and data["citations"][0]["date"] == "2024-12-22"


def test_source_file_is_served_by_id_never_by_a_path_from_the_request(db, examples):
    path = str(examples / "kh-0045-skhcn-quang-ngai.txt")  # this test's own copy, which it moves
    with sqlite3.connect(db) as conn:
        source_id = conn.execute("select id from document_sources where path like '%kh-0045%'").fetchone()[0]
        conn.execute("update document_sources set path = ? where id = ?", [path, source_id])
    ds = Datasette([str(db)])
    r = get(ds, f"/-/source/{source_id}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in r.headers["content-security-policy"]
    assert r.content == (examples / "kh-0045-skhcn-quang-ngai.txt").read_bytes()
    # a path in the request is ignored or not routed at all
    assert get(ds, f"/-/source/{source_id}", params={"path": "/etc/passwd"}).content == r.content
    assert get(ds, "/-/source/..%2F..%2Fetc%2Fpasswd", follow_redirects=True).status_code == 404
    assert get(ds, "/-/source/999").status_code == 404
    # a file moved since it was ingested: 404 with the reason
    shutil.move(path, path + ".moved")
    gone = get(ds, f"/-/source/{source_id}")
    assert gone.status_code == 404 and "moved or deleted" in gone.text


def test_document_text_is_escaped_in_fields_graph_and_highlighted_text(db):
    doc = ids(db)
    with sqlite3.connect(db) as conn:
        # markup in the subject of a document and of its neighbour in the chain, and in the
        # text right inside a task and just before a reference (offsets kept: text replaced in place)
        for symbol in ("20/KH-UBND", "05/NQ-HĐND"):
            conn.execute("update documents set subject = ? where id = ?", [PAYLOAD, doc[symbol]])
        text, start = conn.execute(
            "select d.text, t.start from documents d join tasks t on t.document_id = d.id where d.id = ? order by t.start limit 1",
            [doc["20/KH-UBND"]],
        ).fetchone()
        text = text[:start] + PAYLOAD + text[start + len(PAYLOAD):]
        conn.execute("update documents set text = ? where id = ?", [text, doc["20/KH-UBND"]])
    ds = Datasette([str(db)])
    for doc_id in (doc["20/KH-UBND"], doc["45/KH-SKHCN"]):
        page = get(ds, f"/-/document/{doc_id}").text
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "onerror=alert(2)>" not in page.replace("&gt;", "")  # no raw tag end after the attribute
    page = get(ds, f"/-/document/{doc['20/KH-UBND']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.split('class="dd-textbody"')[1]  # in the text
    assert page.count("&lt;img src=x onerror=alert(2)&gt;") >= 3  # heading, fields, text
    svg = get(ds, f"/-/document/{doc['45/KH-SKHCN']}").text.split('<svg width="', 1)[1].split("</svg>")[0]  # the chain, not the menu's icon
    assert "&lt;script&gt;" in svg and "<script" not in svg and "<img" not in svg


def test_a_secret_document_hides_text_tasks_and_files_from_anonymous_readers(db):
    doc = ids(db)
    with sqlite3.connect(db) as conn:
        conn.execute("update documents set secrecy = 'Mật' where id = ?", [doc["20/KH-UBND"]])
        source_id = conn.execute("select id from document_sources where document_id = ?", [doc["20/KH-UBND"]]).fetchone()[0]
    ds = Datasette([str(db)])
    anonymous = get(ds, f"/-/document/{doc['20/KH-UBND']}")
    assert anonymous.status_code == 200
    assert "chỉ hiển thị cho người đã đăng nhập" in anonymous.text
    assert "phủ sóng di động băng rộng" not in anonymous.text  # a task and the text
    assert f"/-/source/{source_id}" not in anonymous.text
    data = get(ds, f"/-/document/{doc['20/KH-UBND']}.json").json()
    assert data["text"] is None and data["tasks"] == [] and data["sources"] == [] and data["readable"] is False
    assert get(ds, f"/-/source/{source_id}").status_code == 403
    # signed in, everything is there
    cookies = signed_in(ds)
    clerk = get(ds, f"/-/document/{doc['20/KH-UBND']}", cookies=cookies)
    assert "phủ sóng di động băng rộng" in clerk.text and f"/-/source/{source_id}" in clerk.text
    assert get(ds, f"/-/source/{source_id}", cookies=cookies).status_code == 200


def test_a_secret_documents_citations_keep_their_words_from_anonymous_readers(db):
    doc = ids(db)
    with sqlite3.connect(db) as conn:
        conn.execute("update documents set secrecy = 'Tối mật' where id = ?", [doc["05/NQ-HĐND"]])
    ds = Datasette([str(db)])
    mention = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    anonymous = get(ds, f"/-/document/{doc['57-NQ/TW']}")
    # that the secret resolution cites it is what its text says: not for anonymous readers
    assert f'href="/-/document/{doc["05/NQ-HĐND"]}"' not in anonymous.text
    assert mention not in anonymous.text
    clerk = get(ds, f"/-/document/{doc['57-NQ/TW']}", cookies=signed_in(ds)).text
    assert mention in clerk and f'href="/-/document/{doc["05/NQ-HĐND"]}"' in clerk


def test_a_document_cited_by_hundreds_draws_a_capped_picture_and_lists_all(db):
    doc = ids(db)
    root = doc["05/NQ-HĐND"]
    with sqlite3.connect(db) as conn:
        for n in range(150):
            cur = conn.execute(
                "insert into documents (symbol, doc_type, issued_date, issuer, subject, identity, placeholder) values (?, 'KH', '2025-03-01', ?, ?, ?, 0)",
                [f"{n + 100}/KH-UBND", f"UBND huyện số {n}", "Kế hoạch thực hiện", f"test-{n}"],
            )
            conn.execute("insert into document_links (source_id, target_id, relation, confidence) values (?, ?, 'implements', 1.0)",
                         [cur.lastrowid, root])
    ds = Datasette([str(db)])
    data = get(ds, f"/-/document/{root}.json").json()["chain"]
    assert data["down_total"] == 152
    assert len(data["nodes"]) <= 1 + document_data.MAX_UP + document_data.MAX_DOWN
    assert sum(m["count"] for m in data["more"] if m["direction"] == "down") >= 150 - document_data.MAX_CHILDREN
    page = get(ds, f"/-/document/{root}").text
    assert "Sơ đồ chỉ vẽ" in page and "văn bản nữa" in page
    assert f'href="/-/document/{root}/chain?direction=down"' in page
    listed = get(ds, f"/-/document/{root}/chain", params={"direction": "down"})
    assert listed.status_code == 200 and listed.text.count("/KH-UBND</a>") >= 151
    rows = get(ds, f"/-/document/{root}/chain.json", params={"direction": "down"}).json()["rows"]
    assert len(rows) == 152 and {r["depth"] for r in rows} == {1}


def test_several_databases_take_db_in_the_query(db, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(db) as source, sqlite3.connect(other) as copy:
        source.backup(copy)  # the write-ahead log included
    ds, doc = Datasette([str(db), str(other)]), ids(db)
    r = get(ds, f"/-/document/{doc['45/KH-SKHCN']}", params={"db": "other"})
    assert r.status_code == 200 and f'href="/-/document/{doc["20/KH-UBND"]}?db=other"' in r.text
    assert get(ds, f"/-/document/{doc['45/KH-SKHCN']}", params={"db": "nope"}).status_code == 404


def test_graph_labels_keep_graphviz_escapes_as_text():
    node = {"id": 1, "symbol": "\\N \\G", "subject": 'a "quoted" <b>x</b> & y', "issuer": "", "placeholder": False}
    source = chain_svg.dot_source({"root": 1, "nodes": [node], "edges": [], "more": []}, str, lambda i, d: "")
    assert "\\" not in source  # Graphviz would read \\N as the node's name: drawn as ⧵N
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in source and "&quot;quoted&quot;" in source
    if chain_svg.dot_available():
        svg = chain_svg.render_svg(source)
        assert "⧵N ⧵G" in svg and "<b>" not in svg


def test_without_graphviz_the_chain_is_listed_with_the_reason(db, monkeypatch):
    doc = ids(db)
    monkeypatch.setattr(chain_svg.shutil, "which", lambda name: None)
    chain_svg.render_svg.cache_clear()
    try:
        page = get(Datasette([str(db)]), f"/-/document/{doc['20/KH-UBND']}").text
    finally:
        chain_svg.render_svg.cache_clear()
    assert '<svg width="' not in page  # no drawing (the menu's icon is an <svg> too)
    assert "Không vẽ được sơ đồ: Graphviz (dot) is not installed" in page
    for symbol in ("05/NQ-HĐND", "45/KH-SKHCN"):
        assert f'href="/-/document/{doc[symbol]}">{symbol}</a>' in page


def test_each_task_in_the_table_leads_to_its_words_in_the_text(db):
    doc = ids(db)
    page = get(Datasette([str(db)]), f"/-/document/{doc['0457/QĐ-UBND']}").text
    links = re.findall(r'href="#(text-task-\d+)"', page)
    assert len(links) == 3  # three units of one closing article, one mark in the text
    text = page.split('class="dd-textbody"')[1]
    assert all(f'id="{anchor}"' in text for anchor in links)
    assert text.count('<mark class="dx dx-task') == 1


def test_a_task_over_two_lines_is_labelled_where_its_words_end():
    from directives.datasette_plugins.highlight import render

    text = "III. TỔ CHỨC THỰC HIỆN\nSở Tài chính có trách nhiệm theo dõi, báo cáo trước ngày 15/12/2025.\n"
    task = {"id": 7, "start": 5, "end": len(text) - 1, "unit": "Sở Tài chính", "due": "2025-12-15"}
    page = render(text, [], [task], lambda i: f"/-/document/{i}")
    heading, item = page.split("<br>")[:2]
    assert 'id="text-task-7"' in heading and "dx-label" not in heading  # the anchor where it starts
    assert item.count("dx-label") == 1 and item.index("15/12/2025.") < item.index("dx-label")
