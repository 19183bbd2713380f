"""The chain picture (issue 22): everything up to the cap drawn, fitted to its frame (zoom to
scroll), the dashed box and the confidence said in words, and the chain list opening on the
side that has documents."""
from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest
from datasette.app import Datasette

from directives.db.store import Store
from directives.run import ingest

BASES = "\n".join(f"Căn cứ Nghị định số {n}/2020/NĐ-CP ngày 0{n % 9 + 1} tháng 3 năm 2020 của Chính phủ;" for n in range(101, 111))
PLAN = f"""ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND
Quảng Ngãi, ngày 02 tháng 3 năm 2025
KẾ HOẠCH
Triển khai các nghị định năm 2025
{BASES}
1. Sở Tư pháp chủ trì triển khai.
Nơi nhận:
- Các sở;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "kh-77.txt").write_text(PLAN, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "chain.db"
    ingest(Store.open(path), [str(folder)])
    with sqlite3.connect(path) as conn:
        plan = conn.execute("select id from documents where symbol = '77/KH-UBND'").fetchone()[0]
        conn.execute("update document_links set confidence = 0.7 where source_id = ? and rowid = (select min(rowid) from document_links where source_id = ?)", [plan, plan])
    return Datasette([str(path)]), plan


def get(ds, path, **params):
    return asyncio.run(ds.client.get(path, params=params or None))


def test_ten_bases_are_all_drawn_and_the_picture_fits_its_frame(built):
    ds, plan = built
    html = get(ds, f"/-/document/{plan}").text
    if "Không vẽ được sơ đồ" in html:
        pytest.skip("Graphviz is not installed")
    assert len(set(re.findall(r'id="doc&#45;(\d+)"', html))) == 11  # the plan and its ten căn cứ
    assert "văn bản nữa" not in html
    assert 'class="dd-graph dd-graph-fit"' in html and 'data-zoom="natural"' in html


def test_the_legend_says_what_a_dashed_box_and_a_confidence_mean(built):
    ds, plan = built
    html = get(ds, f"/-/document/{plan}").text
    assert "ô viền nét đứt" in html and "chưa có trong CSDL" in html
    assert "tin cậy 0,7" in html and "liên kết được suy ra" in html


def test_the_chain_list_opens_on_the_side_that_has_documents(built):
    ds, plan = built
    page = get(ds, f"/-/document/{plan}/chain").text  # nothing carries the plan out: its căn cứ are above
    assert "Văn bản mà" in page and "101/2020/NĐ-CP" in page
    assert "101/2020/NĐ-CP" not in get(ds, f"/-/document/{plan}/chain", direction="down").text
