"""What the plugin tells Datasette of a directives database: the tables' and public views'
titles, descriptions, facets and column notes, and the canned queries. Data, read by the
``get_metadata`` hook in ``__init__.py``.

The canned queries leave out, for a visitor who has not signed in (``:_signed_in`` is 0),
everything a document marked secret says: its tasks, its links to others (the chain walks
skip them), the placeholders only it cites.
"""
from __future__ import annotations

from ..db.schema import DERIVED_NOTES
from ..nlp.record import stored_fields
from ..nlp.secrecy import secret_sql

TABLES = {
    "documents": {
        "title": "Văn bản",
        "description": "Mỗi dòng một văn bản: số ký hiệu, loại, ngày, địa danh, cơ quan ban hành, trích yếu, người ký, "
        "số và ngày đến, đọc từ chính văn bản. Tìm kiếm có dấu hay không dấu, số ký hiệu viết kiểu nào cũng được.",
        "facets": ["doc_type", "issuer", "year", "status"],
        "facet_size": 8,
        "sort_desc": "issued_date",
        "searchmode": "escaped",
        "label_column": "symbol",
        # each column's description where the column is declared (nlp/record.py, db/schema.py)
        "columns": {**{f.column: f.note for f in stored_fields()}, **DERIVED_NOTES},
    },
    "document_links": {
        "title": "Liên kết giữa các văn bản",
        "description": "Mỗi dòng một văn bản dẫn (source) và văn bản được dẫn (target): based_on (căn cứ), "
        "implements (thực hiện, triển khai), amends (sửa đổi), replaces (thay thế), repeals (bãi bỏ), "
        "responds_to (xét đề nghị, phúc đáp) hoặc cites (dẫn chiếu).",
        "facets": ["relation"],
        "columns": {
            "relations": "Mọi tác động văn bản dẫn nêu lên văn bản được dẫn (JSON): các quan hệ và guides (hướng dẫn); "
            "amended_by, repealed_by ... khi ghi chú hợp nhất nói văn bản được dẫn tác động lên văn bản dẫn",
            "scope": "Phần bị tác động (Điều 5, Khoản 2 Điều 3)",
            "acts": "Từng tác động, với phần bị tác động và ngày có hiệu lực (JSON)",
            "mention": "Trích dẫn, như văn bản viết",
            "confidence": "Độ tin cậy: 1,0 khi số ký hiệu chỉ đúng một văn bản; thấp hơn khi phải đoán tỉnh hoặc năm",
            "start": "Vị trí trích dẫn bắt đầu trong nội dung văn bản dẫn",
        },
    },
    "document_sources": {
        "title": "Tệp gốc",
        "description": "Từng tệp đã đọc ra văn bản, với định dạng và mã sha256; một văn bản có thể có nhiều tệp.",
        "facets": ["format"],
    },
    "tasks": {
        "title": "Nhiệm vụ",
        "description": "Mỗi dòng một đơn vị được giao một nhiệm vụ: đơn vị chủ trì, phối hợp, nội dung, hạn, hạn cuối, định kỳ.",
    },
    "organizations": {
        "title": "Đơn vị",
        "description": "Tên chuẩn của các đơn vị, với địa phương; nhiệm vụ, nơi nhận và cơ quan ban hành trỏ tới đây.",
    },
    "document_recipients": {
        "title": "Nơi nhận",
        "description": "Từng dòng Nơi nhận của mỗi văn bản, và đơn vị chuẩn của nó.",
    },
    "ingest_errors": {
        "title": "Tệp không đọc được",
        "description": "Lần lỗi gần nhất của mỗi tệp không đọc hoặc không phân tích được, kèm lý do.",
    },
}

# A citing document the visitor may read, and a placeholder some such document cites
def _readable(d: str) -> str:
    return f"(:_signed_in or not {secret_sql(d)})"


_KNOWN = ("(:_signed_in or {d}.placeholder = 0 or exists (select 1 from document_links k join documents ks on ks.id = k.source_id "
          "where k.target_id = {d}.id and not " + secret_sql("ks") + "))")
QUERIES = {
    "find_symbol": {
        "title": "Tìm văn bản theo số ký hiệu (viết kiểu nào cũng được)",
        "description": "\"1477/qd-ubnd\", \"1477/QĐ-UBND\" và \"1477 / QĐ–UBND\" đều khớp.",
        "sql": "select id, symbol, doc_type, issued_date, issuer, subject from documents "
        "where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " order by issued_date desc",
    },
    "cited_by": {
        "title": "Văn bản viện dẫn một văn bản",
        "description": "Mọi văn bản nêu số ký hiệu đã cho, và quan hệ với văn bản đó.",
        "sql": "select s.id, s.symbol, s.doc_type, s.issued_date, s.issuer, l.relation, "
        "l.mention, l.confidence "
        "from documents t join document_links l on l.target_id = t.id join documents s on s.id = l.source_id "
        f"where t.symbol_key = symbol_key(:symbol) and {_readable('s')} order by s.issued_date",
    },
    "issuer_documents": {
        "title": "Văn bản của một cơ quan trong một khoảng thời gian",
        "description": "Các văn bản một cơ quan ban hành giữa hai ngày (YYYY-MM-DD, có thể bỏ trống một đầu). "
        "Tên cơ quan viết kiểu nào cũng được, mỗi từ đều có trong tên: \"ubnd quang ngai\", \"bo tai chinh\".",
        "sql": "select id, symbol, doc_type, issued_date, issuer, subject from documents "
        "where placeholder = 0 and unit_matches(issuer, :issuer) "
        "and (:since = '' or issued_date >= :since) and (:until = '' or issued_date <= :until) "
        "order by issued_date desc, id desc",
    },
    "implementing": {
        "title": "Văn bản thực hiện một quyết định",
        "description": "Mọi văn bản căn cứ hoặc thực hiện văn bản mang số ký hiệu này, qua nhiều bậc (tối đa 10), "
        "với bậc trong chuỗi và cách nó nêu văn bản mà nó thực hiện.",
        "sql": "with recursive chain(id, depth) as ("
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "join documents s on s.id = l.source_id "
        f"where l.relation in ('based_on', 'implements') and c.depth < 10 and {_readable('s')}) "
        "select min(c.depth) as depth, d.id, d.symbol, d.doc_type, d.issued_date, d.issuer, d.subject, "
        "(select group_concat(l.relation || ': ' || l.mention, ' | ') from document_links l join chain p on p.id = l.target_id "
        "where l.source_id = d.id and l.relation in ('based_on', 'implements')) as how "
        "from chain c join documents d on d.id = c.id where c.depth > 0 "
        "group by d.id order by depth, d.issued_date, d.id",
    },
    "unit_open_tasks": {
        "title": "Nhiệm vụ đang thực hiện của một đơn vị",
        "description": "Nhiệm vụ của một đơn vị (viết có dấu hay không dấu: \"so tai chinh quang ngai\", "
        "\"UBND tinh Dak Lak\") còn hạn: hạn từ hôm nay trở đi, rồi nhiệm vụ thường xuyên và không có hạn. "
        "Nhiệm vụ quá hạn ở unit_tasks.",
        "sql": "select coalesce(o.name, t.assignee) as unit, d.id as document_id, d.symbol, d.issued_date, t.action, "
        "t.due_by, t.deadline_text, t.recurrence, t.section "
        "from tasks t join documents d on d.id = t.document_id join organizations o on o.id = t.organization_id "
        "where unit_matches(o.key, :unit) and (t.due_by is null or t.due_by >= date('now')) "
        f"and {_readable('d')} "
        "and (coalesce(t.kind, 'assignment') = coalesce(nullif(:kind, ''), 'assignment') or :kind = 'all') "
        "order by t.due_by is null, t.due_by, d.issued_date, t.start",
    },
    "derived_tasks": {
        "title": "Nhiệm vụ phát sinh từ một văn bản",
        "description": "Nhiệm vụ của văn bản mang số ký hiệu này và của mọi văn bản căn cứ hoặc thực hiện nó, qua "
        "nhiều bậc (tối đa 10): quá hạn (quá hạn cuối, due_by) trước, rồi theo hạn cuối, rồi nhiệm vụ thường xuyên, định kỳ.",
        "sql": "with recursive chain(id, depth) as ("
        "select id, 0 from documents where symbol_key = symbol_key(:symbol) and " + _KNOWN.format(d="documents") + " "
        "union select l.source_id, c.depth + 1 from chain c join document_links l on l.target_id = c.id "
        "join documents s on s.id = l.source_id "
        f"where l.relation in ('based_on', 'implements') and c.depth < 10 and {_readable('s')}) "
        "select d.id as document_id, d.symbol, d.doc_type, d.issued_date, coalesce(o.name, t.assignee) as unit, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from (select distinct id from chain) c join tasks t on t.document_id = c.id join documents d on d.id = t.document_id "
        "left join organizations o on o.id = t.organization_id "
        f"where {_readable('d')} "
        "and (coalesce(t.kind, 'assignment') = coalesce(nullif(:kind, ''), 'assignment') or :kind = 'all') "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
    "unit_tasks": {
        "title": "Nhiệm vụ của một đơn vị",
        "description": "Mọi nhiệm vụ giao cho một đơn vị (viết có dấu hay không dấu: \"so tai chinh\") trong mọi "
        "văn bản: quá hạn (quá hạn cuối, due_by) trước, rồi theo hạn cuối, rồi nhiệm vụ thường xuyên, định kỳ.",
        "sql": "select coalesce(o.name, t.assignee) as unit, d.id as document_id, d.symbol, d.doc_type, d.issued_date, t.action, t.deadline, "
        "t.deadline_text, coalesce(t.due_by, t.deadline) as due_by, t.recurrence, t.section, "
        "coalesce(t.due_by, t.deadline) < date('now') as overdue "
        "from tasks t join documents d on d.id = t.document_id left join organizations o on o.id = t.organization_id "
        "where unit_matches(o.key, :unit) "
        f"and {_readable('d')} "
        "and (coalesce(t.kind, 'assignment') = coalesce(nullif(:kind, ''), 'assignment') or :kind = 'all') "
        "order by overdue desc, coalesce(t.due_by, t.deadline) is null, coalesce(t.due_by, t.deadline), "
        "t.recurrence is null, d.issued_date, t.start",
    },
}


# The views open to all when the database holds secret documents (db/schema.py, permissions.py)
VIEWS = {
    "public_documents": {
        "title": "Văn bản (công khai)",
        "description": "Mọi văn bản; toàn văn của văn bản mang dấu Mật, Tối mật, Tuyệt mật chỉ hiện cho người đã đăng nhập, "
        "và văn bản chỉ được các văn bản đó viện dẫn không hiện.",
        "facets": ["doc_type", "issuer", "year", "secrecy"],
        "sort_desc": "issued_date",
        "label_column": "symbol",
    },
    "public_tasks": {
        "title": "Nhiệm vụ (công khai)",
        "description": "Nhiệm vụ của các văn bản không mang dấu mật.",
    },
    "public_document_sources": {
        "title": "Tệp gốc (công khai)",
        "description": "Tệp của các văn bản không mang dấu mật.",
    },
    "public_document_links": {
        "title": "Liên kết giữa các văn bản (công khai)",
        "description": "Liên kết do các văn bản không mang dấu mật nêu.",
        "facets": ["relation"],
    },
    "public_organizations": {
        "title": "Đơn vị (công khai)",
        "description": "Đơn vị được các văn bản không mang dấu mật nêu tên, và cơ quan ban hành các văn bản đã nhập.",
    },
    "public_document_recipients": {
        "title": "Nơi nhận (công khai)",
        "description": "Nơi nhận của các văn bản không mang dấu mật.",
    },
}


def metadata(database_names: list[str]) -> dict:
    return {
        "title": "Văn bản chỉ đạo (Directives)",
        "description": "Văn bản chỉ đạo của cơ quan nhà nước: văn bản là gì, ai ban hành, giao việc gì cho ai.",
        "databases": {name: {"tables": {**TABLES, **VIEWS}, "queries": QUERIES} for name in database_names},
    }
