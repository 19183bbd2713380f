"""Duties as legal texts (Nghị định, Thông tư, Quy chế) state them: articles of duties, subjects
with their own clauses before "có trách nhiệm", and the articles that give no duty at all."""
from directives.nlp.tasks import find_tasks


def assignees(text):
    return [t.assignee for t in find_tasks(text)]


def test_scope_and_definition_articles_give_no_duty():
    text = (
        "Điều 1. Phạm vi điều chỉnh\n"
        "Nghị định này quy định về quản lý kho lưu trữ số.\n"
        "Điều 2. Đối tượng áp dụng\n"
        "1. Cơ quan, tổ chức, cá nhân thực hiện việc lưu trữ tài liệu số.\n"
        "2. Tổ chức, doanh nghiệp cung cấp dịch vụ lưu trữ có trụ sở tại Việt Nam.\n"
        "Điều 3. Giải thích từ ngữ\n"
        "1. Đơn vị vận hành là tổ chức quản lý kho lưu trữ số.\n"
        "Điều 4. Trách nhiệm của Bộ Nội vụ\n"
        "Hướng dẫn, kiểm tra việc thực hiện Nghị định này.\n"
    )
    assert assignees(text) == ["Bộ Nội vụ"]


def test_a_plans_list_of_who_takes_part_gives_no_duty():
    text = (
        "III. ĐỐI TƯỢNG, THỜI GIAN\n"
        "1. Đối tượng thực hiện\n"
        "- Cơ quan chủ quản Chương trình, cơ quan chủ trì dự án thành phần.\n"
        "- Các cơ quan, đơn vị, địa phương tham gia thực hiện Chương trình.\n"
        "2. Thời gian thực hiện: năm 2026.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Tài chính chủ trì tổng hợp kết quả giám sát.\n"
    )
    assert assignees(text) == ["Sở Tài chính"]
