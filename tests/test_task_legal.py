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


def test_a_subject_with_its_own_clause_before_co_trach_nhiem():
    text = (
        "Điều 7. Quản lý sổ theo dõi\n"
        "1. Cá nhân được giao quản lý sổ theo dõi vật tư có trách nhiệm cập nhật sổ hằng ngày.\n"
        "2. Các đơn vị là đầu mối quy định tại khoản 1 Điều này có trách nhiệm phân công cán bộ theo dõi.\n"
        "3. Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Cơ quan có thẩm quyền có trách nhiệm kiểm tra hồ sơ.\n"
        "4. Đối với hồ sơ liên quan đến nhiều lĩnh vực thì sở, ban, ngành được giao chủ trì có trách nhiệm lấy ý kiến.\n"
    )
    tasks = find_tasks(text)
    assert [t.assignee for t in tasks] == [
        "Cá nhân được giao quản lý sổ theo dõi vật tư",
        "Các đơn vị là đầu mối quy định tại khoản 1 Điều này",
        "Cơ quan có thẩm quyền",
        "Sở, ban, ngành được giao chủ trì",
    ]
    assert tasks[0].action == "có trách nhiệm cập nhật sổ hằng ngày"
    assert tasks[2].action == "có trách nhiệm kiểm tra hồ sơ"


def test_no_subject_where_co_trach_nhiem_is_not_said_of_one():
    text = (
        "a) Tài khoản được giao cho cơ quan, tổ chức, đơn vị có trách nhiệm quản lý tài sản.\n"
        "b) Sở Tài chính hướng dẫn các đơn vị, chịu trách nhiệm kiểm tra việc thực hiện.\n"
        "c) Văn phòng đăng ký đất đai không có trách nhiệm xác nhận hồ sơ này.\n"
        "d) Thủ trưởng cơ quan, đơn vị chịu trách nhiệm trước pháp luật về quyết định của mình.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == ["Sở Tài chính"]


def test_one_task_where_an_item_and_its_sentence_read_the_same_duty():
    text = (
        "b) Cơ quan, tổ chức, đơn vị\n"
        "cấp trên và Ủy ban nhân dân cấp xã có trách nhiệm chỉ đạo đơn vị trực thuộc đối chiếu số liệu.\n"
        "c) Thủ trưởng cơ quan, đơn vị chịu trách nhiệm toàn diện về tính chính xác của dữ liệu.\n"
    )
    tasks = find_tasks(text)
    assert [t.assignee for t in tasks] == [
        "Cơ quan, tổ chức, đơn vị cấp trên",
        "Ủy ban nhân dân cấp xã",
        "Thủ trưởng cơ quan, đơn vị",
    ]
    assert tasks[2].action == "chịu trách nhiệm toàn diện về tính chính xác của dữ liệu"
