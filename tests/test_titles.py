"""Titles as printed (issue 22): a trích yếu in capitals keeps its printed form beside a sentence
case that puts back symbols, bodies, provinces and abbreviations; a trích yếu is read over all
its lines."""
from __future__ import annotations

from directives.nlp.case import restore_capitals
from directives.nlp.extract import extract_text


def document(title_lines: str, issuer=("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"), body="Căn cứ Luật Việc làm năm 2025;") -> str:
    return f"""{issuer[0]}
{issuer[1]}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 172/KH-UBND
Thành phố Hồ Chí Minh, ngày 02 tháng 10 năm 2025
KẾ HOẠCH
{title_lines}

{body}
1. Sở Nội vụ chủ trì triển khai.
"""


def test_a_trich_yeu_ending_on_its_place_keeps_it():
    fields = extract_text(document("TRIỂN\nKHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH"))
    assert fields.subject == "Triển khai thi hành Luật Việc làm trên địa bàn thành phố Hồ Chí Minh"  # as the body writes the law
    assert fields.subject_printed == "TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH"


def test_a_period_on_the_next_line_is_read():
    fields = extract_text(document("PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN\n2026 - 2030",
                                   issuer=("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH")))
    assert fields.subject == "Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030"


def test_sentence_case_restores_symbols_bodies_provinces_and_abbreviations():
    body = "SỬA ĐỔI NGHỊ ĐỊNH SỐ 08/2015/NĐ-CP VỀ 5G. Căn cứ Nghị định số 08/2015/NĐ-CP; mạng 5G; UBND tỉnh."
    lowered = "Sửa đổi nghị định số 08/2015/nđ-cp của chính phủ về 5g, ubnd tỉnh đồng nai, bộ tư pháp và chỉ thị 32/ct-ttg"
    assert restore_capitals(lowered, body, "SỬA ĐỔI NGHỊ ĐỊNH SỐ 08/2015/NĐ-CP VỀ 5G") == (
        "Sửa đổi Nghị định số 08/2015/NĐ-CP của Chính phủ về 5G, UBND tỉnh Đồng Nai, Bộ Tư pháp và Chỉ thị 32/CT-TTg"
    )
    # a province's name is a name after "tỉnh" or "thành phố" only: "hòa bình" is peace
    assert restore_capitals("Vì hòa bình", "", "") == "Vì hòa bình"


def test_a_trich_yeu_printed_in_normal_case_is_kept_as_it_is():
    fields = extract_text(document("Triển khai thi hành Luật Việc làm"))
    assert fields.subject == "Triển khai thi hành Luật Việc làm" and fields.subject_printed is None


# -- one body, one name: the issuer facet (issue 22) ---------------------------------------------

def _notice(number: int, header: str, text_spelling: str) -> str:
    return f"""{header}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {number}/TB-CHQ
Hà Nội, ngày 0{number % 9 + 1} tháng 11 năm 2025
THÔNG BÁO
Về kết quả xác định trước mã số

{text_spelling} thông báo kết quả xác định trước mã số như sau.
"""


def test_one_body_printed_three_ways_is_one_entry_of_the_issuer_facet(tmp_path):
    """Two lines, one line ("BỘ TÀI CHÍNH CỤC HẢI QUAN", as pages copied from the web give
    it), the head alone on its line; and a text that writes the name lowercased: one body,
    written as Nghị định 30/2020 capitalises it, whatever order the files come in."""
    import asyncio

    from datasette.app import Datasette

    from directives.db.store import Store
    from directives.run import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(_notice(1, "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "Cục hải quan"), encoding="utf-8")
    (folder / "b.txt").write_text(_notice(2, "BỘ TÀI CHÍNH CỤC HẢI QUAN", "Cục Hải quan"), encoding="utf-8")
    (folder / "c.txt").write_text(_notice(3, "BỘ TÀI CHÍNH\nCỤC\nHẢI QUAN", "Cục Hải quan"), encoding="utf-8")
    for name, order in (("ab", ["a.txt", "b.txt", "c.txt"]), ("ba", ["c.txt", "b.txt", "a.txt"])):
        path = tmp_path / f"{name}.db"
        store = Store.open(path)
        for file in order:
            ingest(store, [str(folder / file)])
        response = asyncio.run(Datasette([str(path)]).client.get(f"/{name}/documents.json?_facet=issuer_body&_shape=objects&placeholder=0"))
        facet = response.json()["facet_results"]["issuer_body"]
        assert [(row["value"], row["count"]) for row in facet["results"]] == [("Cục Hải quan", 3)], name
