"""References: the documents a text names, their dates, issuers and relations."""
from directives.nlp.references import extract_references, find_mentions, resolve

PREAMBLE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 15/QĐ-UBND
Quảng Ngãi, ngày 20 tháng 3 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;
Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục
hành chính;
Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Văn phòng Chính phủ hướng dẫn thi
hành một số điều của Nghị định số 92/2017/NĐ-CP;
Thực hiện Quyết định số 1477/QĐ-UBND ngày 22/9/2021 của Chủ tịch UBND tỉnh;
Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 4943/TTr-STC ngày 04/11/2025; Báo cáo
thẩm tra số 16/BC-BKTNS ngày 05/11/2025.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp. Quyết định số 1477/QĐ-UBND nêu
trên được thực hiện đầy đủ.
Điều 2. Quyết định này thay thế Quyết định số 20/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh.
Các quyết định sau hết hiệu lực thi hành kể từ ngày ký:
a) Quyết định số 06/2021/QĐ-UBND ngày 22 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh;
b) Quyết định số 25/2021/QĐ-UBND ngày 13 tháng 12 năm 2021 của Ủy ban nhân dân tỉnh.
Điều 3. Sở Tài chính tham mưu sửa đổi Quyết định số 44/2022/QĐ-UBND cho phù hợp với Luật Đầu tư.
"""


def refs(text=PREAMBLE, own="15/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Quảng Ngãi"):
    return {r.symbol or r.title: r for r in extract_references(text, own, issuer)}


def test_every_cited_document_once_and_never_the_document_itself():
    found = refs()
    assert set(found) == {
        "Luật Tổ chức chính quyền địa phương", "30/2020/NĐ-CP", "63/2010/NĐ-CP", "02/2017/TT-VPCP",
        "92/2017/NĐ-CP", "1477/QĐ-UBND", "4943/TTr-STC", "16/BC-BKTNS", "20/2019/QĐ-UBND",
        "06/2021/QĐ-UBND", "25/2021/QĐ-UBND", "44/2022/QĐ-UBND",
    }
    # "Luật Đầu tư" without a date or year is not a reference; "Quyết định này" is the document itself


def test_relations_follow_the_cue_of_each_clause():
    found = refs()
    relation = {key: r.relation for key, r in found.items()}
    assert relation["Luật Tổ chức chính quyền địa phương"] == "based_on"
    assert relation["30/2020/NĐ-CP"] == relation["63/2010/NĐ-CP"] == "based_on"  # Căn cứ carried over ";"
    assert relation["92/2017/NĐ-CP"] == "cites"  # only describes the Thông tư it rests on
    assert relation["1477/QĐ-UBND"] == "implements"
    assert relation["4943/TTr-STC"] == "responds_to"
    assert relation["16/BC-BKTNS"] == "cites"
    assert relation["20/2019/QĐ-UBND"] == "replaces"
    assert relation["06/2021/QĐ-UBND"] == relation["25/2021/QĐ-UBND"] == "repeals"
    assert relation["44/2022/QĐ-UBND"] == "cites"  # someone is asked to propose the change


def test_dates_issuers_and_the_citing_province():
    found = refs()
    assert found["30/2020/NĐ-CP"].date == "2020-03-05" and found["30/2020/NĐ-CP"].issuer == "Chính phủ"
    assert found["63/2010/NĐ-CP"].date == "2010-06-08"
    assert found["Luật Tổ chức chính quyền địa phương"].date == "2015-06-19"
    assert found["1477/QĐ-UBND"].issuer == "Chủ tịch UBND tỉnh Quảng Ngãi"
    assert found["06/2021/QĐ-UBND"].issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    # no "của ..." after it: the Sở code of the symbol and the citing province tell the issuer
    assert found["4943/TTr-STC"].issuer == "Sở Tài chính tỉnh Quảng Ngãi"
    assert found["4943/TTr-STC"].issuer_from == "symbol"


def test_an_issuer_ends_where_the_next_citation_starts():
    """ "của Thủ tướng Chính phủ và Nghị quyết số 380/NQ-CP": the second document is cited,
    its name is no part of the first one's issuer (a name with "và" in it stays whole)."""
    text = (
        "Thực hiện Công điện số 227/CĐ-TTg ngày 23/11/2025 của Thủ tướng Chính phủ và Nghị quyết số 380/NQ-CP "
        "ngày 25/11/2025 của Chính phủ về khắc phục hậu quả mưa lũ; Công văn số 41/SNN-TL ngày 02/12/2025 "
        "của Sở Nông nghiệp và Phát triển nông thôn về việc báo cáo thiệt hại."
    )
    found = {r.symbol: r for r in extract_references(text, None, None, None, None)}
    assert found["227/CĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    assert found["380/NQ-CP"].issuer == "Chính phủ" and found["380/NQ-CP"].date == "2025-11-25"
    assert found["41/SNN-TL"].issuer == "Sở Nông nghiệp và Phát triển nông thôn"


def test_mention_spans_point_into_the_text():
    found = refs()
    ref = found["30/2020/NĐ-CP"]
    assert PREAMBLE[ref.start : ref.end] == "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
    # "Quyết định số 1477/QĐ-UBND nêu trên" is a second mention of the same document
    assert len(found["1477/QĐ-UBND"].mentions) >= 2


def test_symbols_in_every_real_spelling():
    text = (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết định số 1141 TC/QĐ/CĐKT "
        "ngày 01/11/1995; Thông tư liên tịch số 18/1998/TTLT/BLĐTBXH-BTC ngày 31/12/1998; Quy định số "
        "12/QyĐ-TU; Chương trình số 05/CTr-UBND; nghị quyết số 71/NQ -CP ngày 01/4/2025; Nghị quyết số "
        "66.7/2025/NQ-CP ngày 15/11/2025; quyết định số 12/qđ-ubnd ngày 3/2/2025 của UBND tỉnh.\n"
        "Giá 200.000 đồng/bản, lãi 18%/năm từ ngày 10/02/2025, giai đoạn 2021-2030."
    )
    found = refs(text, own=None)
    assert list(found) == [
        "57-NQ/TW", "1141 TC/QĐ/CĐKT", "18/1998/TTLT/BLĐTBXH-BTC", "12/QyĐ-TU", "05/CTr-UBND",
        "71/NQ-CP", "66.7/2025/NQ-CP", "12/QĐ-UBND",
    ]
    assert found["18/1998/TTLT/BLĐTBXH-BTC"].doc_type == "TTLT"
    assert found["12/QyĐ-TU"].doc_type == "QyĐ" and found["05/CTr-UBND"].doc_type == "CTr"
    assert found["71/NQ-CP"].date == "2025-04-01"


def test_a_list_gives_one_reference_per_number_with_the_type_of_its_head():
    text = "Căn cứ các Nghị định của Chính phủ: số 101/2024/NĐ-CP ngày 29/7/2024, số 102/2024/NĐ-CP ngày 30/7/2024;"
    found = refs(text, own=None)
    assert [(k, r.doc_type, r.relation) for k, r in found.items()] == [
        ("101/2024/NĐ-CP", "NĐ", "based_on"),
        ("102/2024/NĐ-CP", "NĐ", "based_on"),
    ]


def test_steps_are_separate_and_resolve_merges_short_mentions():
    text = "Thực hiện Kế hoạch số 31/KH-SCT ngày 02/01/2025 của Sở Công Thương. Kế hoạch số 31/KH-SCT giao..."
    mentions = find_mentions(text)
    assert [m.kind for m in mentions] == ["symbol", "symbol"]
    assert mentions[1].date is None
    (only,) = resolve(mentions)
    assert only.date == "2025-01-02" and only.relation == "implements" and len(only.mentions) == 2


def test_site_notes_in_brackets_name_only_the_text_acting_on_this_one():
    # a legal website's note says which text changed this part: that text acts on this one
    # (relation "cites", relations "..._by"); other documents a note names are not this text's
    text = (
        "Ví dụ 2: lãi suất 10%/năm [Ví dụ này được sửa đổi bởi Thông báo 15/TB-HĐTP năm 2019]\n"
        "[Nội dung hướng dẫn Điều này tại Thông tư 38/2015/TT-BTC nay được sửa đổi bởi Thông tư 39/2018/TT-BTC]\n"
        "Ví dụ 3: [Cụm từ “năm” tại Điểm này được đính chính bởi Quyết định 2418/QĐ-BNNMT năm 2025]\n"
        "Căn cứ Nghị định số 1/2020/NĐ-CP;"
    )
    found = refs(text, own=None)
    # a corrigendum (đính chính) corrects a slip and acts on no rule: its note names no reference
    assert list(found) == ["15/TB-HĐTP", "1/2020/NĐ-CP"]
    assert found["15/TB-HĐTP"].relation == "cites" and found["15/TB-HĐTP"].relations == ["amended_by"]
