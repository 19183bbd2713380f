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
        "Các đơn vị là đầu mối",  # (the reference that picks them out is no part of the name)
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


def test_an_article_of_duties_and_the_line_that_announces_them():
    text = (
        "Điều 13. Trách nhiệm của Đơn vị quản lý Cổng thông tin điện tử\n"
        "1. Quản lý, vận hành Cổng thông tin điện tử.\n"
        "2. Cấp tài khoản cho người sử dụng.\n"
        "Điều 20. Xử lý hồ sơ\n"
        "Cơ quan xử lý có trách nhiệm:\n"
        "1. Tiếp nhận và xử lý hồ sơ.\n"
        "2. Trả kết quả cho người nộp.\n"
        "Điều 24. Thẩm quyền và trách nhiệm của Bộ Nội vụ\n"
        "1. Hướng dẫn thi hành Nghị định.\n"
        "2. Kiểm tra việc thực hiện.\n"
        "Điều 29. Trách nhiệm của các bên\n"
        "Bộ Tài chính, Bộ Công Thương có trách nhiệm:\n"
        "1. Chỉ đạo các đơn vị trực thuộc thực hiện Thông tư.\n"
        "2. Bảo đảm an toàn thông tin.\n"
    )
    tasks = find_tasks(text)
    assert [(t.assignee, t.section) for t in tasks] == [
        ("Đơn vị quản lý Cổng thông tin điện tử", "Điều 13"),
        ("Cơ quan xử lý", "Điều 20"),
        ("Bộ Nội vụ", "Điều 24"),
        ("Bộ Tài chính", "Điều 29"),
        ("Bộ Công Thương", "Điều 29"),
    ]
    assert tasks[1].action == "Tiếp nhận và xử lý hồ sơ. Trả kết quả cho người nộp"


def test_an_article_grouping_units_that_each_item_names_gives_the_group_no_task():
    text = (
        "Điều 9. Trách nhiệm của các cơ quan trong việc thu tiền sử dụng đất\n"
        "1. Cơ quan tài chính: chủ trì xác định giá đất cụ thể.\n"
        "2. Cơ quan thuế: xác định số tiền phải nộp.\n"
        "3. Kho bạc Nhà nước: thu đủ tiền vào ngân sách.\n"
    )
    assignees = [t.assignee for t in find_tasks(text)]
    assert not any("trong việc" in a for a in assignees)
    assert "Kho bạc Nhà nước" in assignees


def test_a_general_head_and_a_verb_make_one_name_before_co_trach_nhiem():
    text = (
        "1. Đơn vị quản lý Cổng thông tin điện tử chịu trách nhiệm bảo đảm an toàn dữ liệu.\n"
        "2. Hằng tháng, Cơ quan Cảnh sát điều tra, cơ quan quản lý tạm giữ, tạm giam có trách nhiệm báo cáo kết quả.\n"
        "3. Đơn vị chủ trì có trách nhiệm hoàn thành nhiệm vụ, các cơ quan phối hợp có trách nhiệm phối hợp với đơn vị chủ trì.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == [
        "Đơn vị quản lý Cổng thông tin điện tử",
        "Cơ quan Cảnh sát điều tra, cơ quan quản lý tạm giữ, tạm giam",
        "Đơn vị chủ trì",
        "các cơ quan phối hợp",
    ]


def test_a_second_subject_inside_an_item_gets_its_own_task():
    text = (
        "2. Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được phân công, "
        "bảo đảm tiến độ và chất lượng, các cơ quan phối hợp có trách nhiệm phối hợp với cơ quan chủ trì.\n"
        "3. Tòa án nhân dân tối cao: Hằng năm, Tòa án nhân dân tối cao có trách nhiệm tổng hợp dự toán kinh phí.\n"
    )
    tasks = find_tasks(text)
    assert [(t.assignee, t.action) for t in tasks] == [
        ("Các cơ quan, đơn vị được giao chủ trì", "có trách nhiệm hoàn thành nhiệm vụ được phân công, bảo đảm tiến độ và chất lượng"),
        ("các cơ quan phối hợp", "có trách nhiệm phối hợp với cơ quan chủ trì"),
        ("Tòa án nhân dân tối cao", "Hằng năm, Tòa án nhân dân tối cao có trách nhiệm tổng hợp dự toán kinh phí"),
    ]


def test_subjects_a_legal_text_shortens_or_names_after_themselves():
    text = (
        "Điều 13. Thẩm quyền cấp Giấy phép\n"
        "3. Trong thời hạn 03 ngày làm việc, kể từ ngày cấp Giấy phép, cơ quan có thẩm quyền cấp, thu hồi "
        "Giấy phép hoạt động dịch vụ việc làm (sau đây viết tắt là Cơ quan có thẩm quyền) có trách nhiệm "
        "đăng tải Giấy phép trên cổng thông tin điện tử.\n"
        "Điều 20. Thu hồi Giấy phép\n"
        "2. Trong vòng 05 ngày làm việc, kể từ ngày nhận được Quyết định thu hồi, doanh nghiệp có trách nhiệm nộp lại Giấy phép.\n"
        "Điều 23. Trách nhiệm của doanh nghiệp hoạt động dịch vụ việc làm\n"
        "1. Niêm yết công khai Giấy phép tại trụ sở.\n"
        "2. Trong thời hạn 20 ngày làm việc, doanh nghiệp có trách nhiệm cập nhật kết quả trên Sàn giao dịch việc làm.\n"
        "3. Doanh nghiệp hoạt động dịch vụ việc làm theo phương thức điện tử có trách nhiệm kết nối dữ liệu.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == [
        "Cơ quan có thẩm quyền cấp, thu hồi Giấy phép hoạt động dịch vụ việc làm",
        "Doanh nghiệp",
        "Doanh nghiệp hoạt động dịch vụ việc làm",
        "Doanh nghiệp hoạt động dịch vụ việc làm theo phương thức điện tử",
    ]


def test_a_name_that_ends_on_a_relative_word_or_an_amount_is_no_duty():
    text = (
        "1. Các đơn vị hành chính, sự nghiệp có tổ chức sản xuất, kinh doanh hàng hóa.\n"
        "2. Chủ đầu tư được tiếp tục sử dụng đất trong 24 tháng.\n"
        "3. Thuế GTGT: 10.000 đồng.\n"
        "4. Sở Tài chính tổng hợp báo cáo.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == ["Sở Tài chính"]


def test_the_verb_of_a_names_own_do_clause_ends_no_name():
    text = (
        "1. Các cơ sở dữ liệu văn hóa do UBND cấp xã quản lý được số hóa, kết nối.\n"
        "2. Sở Văn hóa, Thể thao và Du lịch quản lý các cơ sở dữ liệu.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_verbs_and_titles_that_look_like_heads_name_no_unit():
    text = (
        "a) Tổ chức và triển khai các nội dung theo Chiến lược dữ liệu quốc gia.\n"
        "b) Báo và Phát thanh, Truyền hình tỉnh chủ động tuyên truyền Kế hoạch.\n"
        "c) Ủy ban nhân dân cấp tỉnh xác định, đưa khu vực biển để thực hiện hoạt động lấn biển.\n"
        "Điều 3. Tổ chức thực hiện Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == [
        "Báo và Phát thanh, Truyền hình tỉnh",
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Tài chính",
    ]


def test_forms_and_powers_are_no_duties():
    text = (
        "1. Cơ sở y tế: Tốt □, trung bình □, kém □.\n"
        "2. Chủ đầu tư: ………………………………\n"
        "3. Cục trưởng Cục Quản lý thị trường cấp tỉnh có quyền: Phạt tiền đến 50.000.000 đồng.\n"
        "4. Sở Công Thương chủ trì kiểm tra thị trường.\n"
    )
    assert [t.assignee for t in find_tasks(text)] == ["Sở Công Thương"]
