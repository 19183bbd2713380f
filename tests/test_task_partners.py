"""Who a duty is done with: "phối hợp với X" names X whatever X is; without "với" only a
unit's name is a partner ("phối hợp Sở Văn hóa và Thể thao xây dựng ..."), not the verb that
follows ("Phối hợp cung cấp, rà soát thông tin ...": to work with others at it)."""
from directives.nlp.tasks.units import find_coordinators


def test_a_verb_after_phoi_hop_is_no_partner():
    assert find_coordinators("Phối hợp cung cấp, rà soát thông tin sinh viên khi có đề nghị của Trung tâm") == []
    assert find_coordinators("phối hợp chặt chẽ, xác minh kịp thời các vụ việc") == []


def test_a_unit_after_phoi_hop_is_a_partner_with_or_without_voi():
    assert find_coordinators("phối hợp Sở Văn hóa và Thể thao xây dựng hướng dẫn") == ["Sở Văn hóa và Thể thao"]
    assert find_coordinators("phối hợp với Bộ Tài chính rà soát") == ["Bộ Tài chính"]
    assert find_coordinators("phối hợp các đơn vị liên quan thực hiện") == ["các đơn vị liên quan"]
    assert find_coordinators("phối hợp lực lượng tại chỗ xử lý sự cố") == ["lực lượng tại chỗ"]
    assert find_coordinators("Chủ trì, phối hợp - Sở Tài chính và các đơn vị có liên quan tham mưu") == ["Sở Tài chính", "các đơn vị có liên quan"]
