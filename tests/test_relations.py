"""What a document does to the documents it names, read from the conventions of legal drafting:
the title's act, the final articles, Căn cứ lines, and the consolidation notes of legal websites.
Every text here is written for the test."""
from directives.nlp.references import extract_references

AMENDING = """CHÍNH PHỦ
Số: 12/2030/NĐ-CP
Hà Nội, ngày 02 tháng 3 năm 2030

NGHỊ ĐỊNH
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 40/2027/NĐ-CP NGÀY 05 THÁNG 4 NĂM 2027 CỦA CHÍNH PHỦ
QUY ĐỊNH CHI TIẾT LUẬT THỬ NGHIỆM NGÀY 10 THÁNG 6 NĂM 2026

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thử nghiệm số 87/2029/QH15;
Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 40/2027/NĐ-CP.

Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 40/2027/NĐ-CP
1. Sửa đổi khoản 2 Điều 3 như sau: "2. Nội dung mới."
2. Thay thế cụm từ "Tổng cục" tại khoản 1 Điều 7 của Nghị định số 40/2027/NĐ-CP bằng cụm từ "Cục".
Điều 2. Điều khoản thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2030.
2. Bãi bỏ Điều 9; Điều 10; cụm từ "hằng quý" tại khoản 2 Điều 11 Nghị định số 40/2027/NĐ-CP.
3. Nghị định số 55/2028/NĐ-CP ngày 01 tháng 6 năm 2028 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực.
4. Các văn bản sau đây hết hiệu lực thi hành kể từ ngày Nghị định này có hiệu lực thi hành:
a) Thông tư số 07/2026/TT-BXD ngày 01 tháng 7 năm 2026 của Bộ trưởng Bộ Xây dựng;
b) Thông tư số 08/2026/TT-BXD ngày 02 tháng 7 năm 2026 của Bộ trưởng Bộ Xây dựng.
5. Bãi bỏ Điều 5 của Quyết định số 33/2028/QĐ-TTg ngày 03 tháng 8 năm 2028 của Thủ tướng Chính phủ.
"""


def refs(text, own, subject=None, issuer="Chính phủ"):
    return {r.symbol or r.title: r for r in extract_references(text, own, issuer, subject=subject)}


def test_the_title_states_the_act_and_the_body_keeps_the_parts():
    found = refs(AMENDING, "12/2030/NĐ-CP", "Sửa đổi, bổ sung một số điều của Nghị định số 40/2027/NĐ-CP ngày 05 tháng 4 năm 2027 "
                 "của Chính phủ quy định chi tiết Luật Thử nghiệm ngày 10 tháng 6 năm 2026")
    amended = found["40/2027/NĐ-CP"]
    assert amended.relation == "amends"  # a phrase replaced is an amendment, not a replacement
    assert "replaces" not in amended.relations and "amends" in amended.relations
    assert "repeals" in amended.relations  # Điều 9, Điều 10 and a phrase repealed: a partial repeal
    assert "Điều 9" in amended.scope and "khoản 1 Điều 7" in amended.scope
    # "quy định chi tiết Luật ..." in the title describes 40/2027, it is not this decree's act
    assert not any("guides" in ref.relations for ref in found.values())


def test_a_can_cu_line_never_amends():
    found = refs(AMENDING, "12/2030/NĐ-CP", "Sửa đổi, bổ sung một số điều của Nghị định số 40/2027/NĐ-CP")
    assert found["87/2029/QH15"].relation == "based_on"
    assert found["87/2029/QH15"].relations == ["based_on"]


def test_final_articles_repeal_whole_documents_and_parts():
    found = refs(AMENDING, "12/2030/NĐ-CP")
    assert found["55/2028/NĐ-CP"].relation == "repeals"  # "... hết hiệu lực kể từ ngày ..."
    # a numbered list gets the act of the sentence that introduces it
    assert found["07/2026/TT-BXD"].relation == found["08/2026/TT-BXD"].relation == "repeals"
    partly = found["33/2028/QĐ-TTg"]
    assert partly.relation == "amends" and partly.relations == ["repeals"] and partly.scope == "Điều 5"


def test_titles_that_repeal_replace_and_guide():
    text = "QUYẾT ĐỊNH\nBãi bỏ Quyết định số 14/2029/QĐ-UBND ngày 01/02/2029 của UBND tỉnh\n"
    found = refs(text, "20/2030/QĐ-UBND", "Bãi bỏ Quyết định số 14/2029/QĐ-UBND ngày 01/02/2029 của UBND tỉnh", "Ủy ban nhân dân tỉnh Lào Cai")
    assert found["14/2029/QĐ-UBND"].relation == "repeals"
    text = "QUYẾT ĐỊNH\nBan hành Quy chế làm việc (thay thế Quyết định số 15/2029/QĐ-UBND)\n"
    found = refs(text, "21/2030/QĐ-UBND", "Ban hành Quy chế làm việc, thay thế Quyết định số 15/2029/QĐ-UBND", "Ủy ban nhân dân tỉnh Lào Cai")
    assert found["15/2029/QĐ-UBND"].relation == "replaces"
    text = (
        "THÔNG TƯ\nHướng dẫn thực hiện Nghị định số 40/2027/NĐ-CP ngày 05 tháng 4 năm 2027 của Chính phủ\n"
        "Căn cứ Nghị định số 40/2027/NĐ-CP ngày 05 tháng 4 năm 2027 của Chính phủ;\n"
    )
    found = refs(text, "03/2030/TT-BTC", "Hướng dẫn thực hiện Nghị định số 40/2027/NĐ-CP ngày 05 tháng 4 năm 2027 của Chính phủ", "Bộ Tài chính")
    guided = found["40/2027/NĐ-CP"]
    assert guided.relation == "based_on" and guided.relations == ["based_on", "guides"]


def test_the_scope_statement_of_a_decree_guides_the_law():
    text = "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết một số điều của Luật Thử nghiệm số 30/2026/QH15.\n"
    found = refs(text, "13/2030/NĐ-CP")
    assert found["30/2026/QH15"].relations == ["guides"]
    assert found["30/2026/QH15"].relation == "cites"


NOTES = """Điều 5. Hồ sơ
1. Tờ khai.
2. Giấy phép, gồm:
a) Bản chính;
b) Bản sao.
[Khoản này được sửa đổi bởi Khoản 11 Điều 1 Nghị định 59/2028/NĐ-CP có hiệu lực từ ngày 05/06/2028]
[Điểm này bị bãi bỏ bởi Điểm a Khoản 2 Điều 3 Nghị định 61/2029/NĐ-CP có hiệu lực từ ngày 15/08/2029]
Điều 6. Thời hạn
[Điều này được hướng dẫn bởi Chương VI Thông tư 38/2027/TT-BTC có hiệu lực thi hành kể từ ngày 01/4/2027 Nội dung hướng dẫn Điều này tại Thông tư 38/2027/TT-BTC nay được sửa đổi bởi Khoản 1 Điều 2 Thông tư 39/2028/TT-BTC có hiệu lực thi hành kể từ ngày 05/6/2028]
Điều 7. Lệ phí
Điều này bị bãi bỏ bởi Khoản 3 Điều 2 Nghị định 62/2029/NĐ-CP
"""


def test_consolidation_notes_say_the_cited_text_acts_on_this_one():
    found = refs(NOTES, "08/2025/NĐ-CP")
    amending = found["59/2028/NĐ-CP"]
    assert amending.relation == "cites" and amending.relations == ["amended_by"]
    assert amending.scope == "Khoản 2 Điều 5" and amending.effective_date == "2028-06-05"
    repealing = found["61/2029/NĐ-CP"]
    assert repealing.relations == ["repealed_by"] and repealing.scope == "Điểm b Khoản 2 Điều 5"
    assert found["38/2027/TT-BTC"].relations == ["guided_by"] and found["38/2027/TT-BTC"].scope == "Điều 6"
    # 39/2028 amends 38/2027, not this decree: not a reference of this one
    assert "39/2028/TT-BTC" not in found
    # the same note without its brackets
    assert found["62/2029/NĐ-CP"].relations == ["repealed_by"] and found["62/2029/NĐ-CP"].scope == "Điều 7"


def test_notes_are_no_words_of_the_duties_or_the_title():
    from directives.nlp.extract import extract_text

    text = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 20/2030/QĐ-UBND
Lào Cai, ngày 02 tháng 3 năm 2030

QUYẾT ĐỊNH
Ban hành Quy định quản lý thử nghiệm

Điều 1. Trách nhiệm
1. Sở Tài chính có trách nhiệm hướng dẫn các đơn vị lập dự toán [Khoản này được sửa đổi bởi Khoản 2 Điều 1 Quyết định 31/2031/QĐ-UBND có hiệu lực từ ngày 01/01/2031]
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    fields = extract_text(text)
    actions = [t["action"] for t in fields.tasks]
    assert actions and not any("bởi" in a or "31/2031" in a for a in actions)
    assert [r["relations"] for r in fields.references if r["symbol"] == "31/2031/QĐ-UBND"] == [["amended_by"]]


def test_a_list_before_het_hieu_luc_gets_the_act_not_what_describes_it():
    text = (
        "2. Kể từ ngày Nghị định này có hiệu lực thi hành, Nghị định số 11/2027/NĐ-CP ngày 15 tháng 10 năm 2027 của "
        "Chính phủ quy định thử nghiệm và Nghị định số 12/2028/NĐ-CP ngày 26 tháng 5 năm 2028 sửa đổi, bổ sung một số "
        "điều của Nghị định số 11/2027/NĐ-CP của Chính phủ hết hiệu lực thi hành.\n"
    )
    found = refs(text, "13/2030/NĐ-CP")
    assert found["11/2027/NĐ-CP"].relation == found["12/2028/NĐ-CP"].relation == "repeals"


def test_a_cited_title_s_verb_is_not_this_text_s_act_and_a_squashed_header_still_has_can_cu():
    # the header of a plain-text export runs onto one line; "Luật sửa đổi, bổ sung ..." is a law's name
    text = ("Hà Nội, ngày 31 tháng 7 năm 2030 THÔNG TƯ QUY ĐỊNH VỀ HỒ SƠ THỬ NGHIỆM Căn cứ Luật Thử nghiệm ngày 18 tháng 01 năm 2029; "
            "Luật sửa đổi, bổ sung một số điều của Luật Thử nghiệm số 31/2029/QH15;\n")
    found = refs(text, "10/2030/TT-BTNMT")
    assert found["Luật Thử nghiệm"].relation == found["31/2029/QH15"].relation == "based_on"
    # whose number follows "Luật sửa đổi ... của Luật X", the text does not say: no name is paired with it
    assert found["31/2029/QH15"].name is None


def test_a_change_made_to_agree_with_a_law_is_no_act_on_the_law():
    text = "a) Rà soát các văn bản, kịp thời sửa đổi, bổ sung, thay thế để bảo đảm không trái với quy định của Luật Thử nghiệm số 22/2029/QH15;\n"
    assert refs(text, "13/2030/NĐ-CP")["22/2029/QH15"].relation == "cites"


def test_a_list_of_phrases_replaced_amends_and_a_quoted_document_is_only_named():
    text = (
        "3. Thay thế một số cụm từ, mẫu như sau:\n"
        "- Cụm từ “theo Mẫu số 01” bằng cụm từ “theo Mẫu số 29 ban hành kèm theo Nghị định số 51/2029/NĐ-CP” tại khoản 1 Điều 19;\n"
        "- Mẫu quyết định tại Phụ lục ban hành kèm theo Nghị định số 52/2028/NĐ-CP bằng Mẫu số 44 Phụ lục II;\n"
    )
    found = refs(text, "13/2030/NĐ-CP")
    assert found["51/2029/NĐ-CP"].relation == "cites" and found["51/2029/NĐ-CP"].relations == ["cites"]
    amended = found["52/2028/NĐ-CP"]
    assert amended.relation == "amends" and amended.scope == "Mẫu quyết định tại Phụ lục"
