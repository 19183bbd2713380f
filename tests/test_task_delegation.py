"""A decision's article that delegates ("Điều 1. Ủy quyền cho <post> <what the post does>"):
the delegate is given work (``nlp/tasks/delegation.py``). Written here in the layout of a legal
website's page of a quyết định (bold article numbers, lines wrapped mid-sentence)."""
from tests.task_reading import tasks_read

DECISION = """|
**ỦY BAN NHÂN DÂN
**
TỈNH HÀ TĨNH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
52/QĐ-UBND
|
*Hà Tĩnh, ngày
12 tháng 3 năm 2026*
|

** **

**QUYẾT ĐỊNH**

ỦY QUYỀN CHO GIÁM ĐỐC SỞ XÂY DỰNG THỰC HIỆN MỘT SỐ NHIỆM VỤ

**ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH**

*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*

**QUYẾT ĐỊNH:**

**Điều 1. **Ủy
quyền cho Giám đốc Sở Xây dựng thực hiện giải quyết thủ tục hành chính trong lĩnh
vực nhà ở thuộc thẩm quyền của Ủy ban nhân dân tỉnh, cụ thể như sau:

1. Công nhận chủ đầu tư dự án nhà ở xã hội.

2. Chấp thuận chủ trương đầu tư dự án nhà ở thương mại.

**Điều 2. **Thời
hạn ủy quyền: Kể từ ngày Quyết định này có hiệu lực đến hết ngày 31 tháng 12 năm 2026.

**Điều 3. **Giám đốc Sở Xây dựng có trách nhiệm tổ chức thực hiện đúng nội dung được
ủy quyền; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.

**Điều 4. **Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Xây dựng và các tổ
chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
"""


def test_the_delegate_of_an_article_is_given_the_work():
    tasks = tasks_read(DECISION)
    delegated = [t for t in tasks if t["action"].startswith("(Ủy quyền)")]
    assert [t["assignee"] for t in delegated] == ["Giám đốc Sở Xây dựng"]
    assert delegated[0]["kind"] == "assignment"
    assert "giải quyết thủ tục hành chính trong lĩnh vực nhà ở" in delegated[0]["action"]
    assert "Công nhận chủ đầu tư dự án nhà ở xã hội" in delegated[0]["action"]  # its list is the work
    # the other articles read as before: the delegate's duty and the closing clause
    units = [t["assignee"] for t in tasks]
    assert units.count("Giám đốc Sở Xây dựng") == 3


def test_a_power_described_inside_a_clause_gives_no_work():
    text = DECISION.replace("**Điều 1. **Ủy\nquyền cho", "**Điều 1. **Việc ủy\nquyền cho")
    assert not [t for t in tasks_read(text) if t["action"].startswith("(Ủy quyền)")]
