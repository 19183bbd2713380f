"""The extraction record of ``../shared/eval/FORMAT.md``, as data classes.

It is the contract of ``directives extract --jsonl`` and the shape the database stores.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    encoding: str | None = None


def _field(doc: str, default=None, *, factory=None, stored: str | None = "text", column: str | None = None,
           reading_only: bool = False, **options):
    """One field of the record, declared once: what it is (``doc``, the column's description
    in Datasette), how the documents table stores it (``stored``: "text", "json" or None for
    not in that table; ``column``: its name there when it differs), and whether only a
    stored reading knows it (``reading_only``: a placeholder, known from citations, does not)."""
    metadata = {"doc": doc, "stored": stored, "column": column, "reading_only": reading_only}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata, **options)
    return field(default=default, metadata=metadata, **options)


@dataclass
class Record:
    source: Source | None = field(default=None, metadata={"doc": "The file read", "stored": None})
    symbol: str | None = _field("Số ký hiệu as printed after 'Số:'")
    doc_type: str | None = _field("Type abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III); CV for a công văn")
    issued_date: str | None = _field("Date of issue (ISO)")
    place: str | None = _field("Địa danh before the date")
    issuer: str | None = _field("Issuing body with its locality")
    subject: str | None = _field("Trích yếu")
    # the trích yếu in the capitals it was printed in, where it was (``subject`` is then its
    # sentence case, symbols, bodies, provinces and abbreviations put back: nlp/case.py)
    subject_printed: str | None = _field("The trích yếu in the capitals it was printed in", stored=None)
    signer: str | None = _field("The signer's name", reading_only=True)
    signer_title: str | None = _field("The signer's own post", reading_only=True)
    references: list[dict[str, Any]] = _field("Every document the text names, as extracted (JSON list)", factory=list,
                                              stored="json", column="references_json", reading_only=True)
    # (stored one a row in the tasks table, not again as JSON in the documents table)
    tasks: list[dict[str, Any]] = _field("The tasks as extracted (JSON list)", factory=list, stored=None, reading_only=True)
    recipients: list[str] = _field("Nơi nhận (JSON list)", factory=list, stored="json", reading_only=True)
    urgency: str | None = _field("Khẩn, Thượng khẩn, Hỏa tốc")
    secrecy: str | None = _field("Mật, Tối mật, Tuyệt mật (the most secret of the document's files)")
    issuer_bodies: list[str] = _field("The header's bodies, top down (JSON list)", factory=list, stored="json")
    # PDF: the digital signatures ({"signer", "signed_at"}), the pages read by OCR, the
    # fields whose value was read through OCR, and those taken from the signature instead
    signatures: list[dict[str, Any]] = _field("PDF digital signatures: the signing body or person and the time (JSON)",
                                              factory=list, stored="json")
    ocr_pages: list[int] = _field("Pages read by OCR (stored with each source file)", factory=list, stored=None)
    read_by_ocr: list[str] = _field("Fields whose value was read through OCR (JSON list)", factory=list, stored="json")
    from_signature: list[str] = _field("Fields taken from the digital signature because OCR could not read them, or read "
                                       "them wrong (JSON list)", factory=list, stored="json")
    from_file_name: list[str] = _field("Fields taken from the file's name (a number OCR could not read, whose codes the "
                                       "page confirms) (JSON list)", factory=list, stored="json")
    # the incoming stamp ("CÔNG VĂN ĐẾN / Số / Ngày", Nghị định 30/2020/NĐ-CP Phụ lục IV): the
    # receiving office's số đến and ngày đến, None where there is none or it cannot be read
    received_number: str | None = _field("Số đến: the number of the incoming stamp (CÔNG VĂN ĐẾN) of the office that "
                                         "received it", reading_only=True)
    received_date: str | None = _field("Ngày đến: the day of the incoming stamp (ISO)", reading_only=True)
    received_stamp: dict[str, Any] | None = _field("The incoming stamp: the receiving office, and what on it could not be "
                                                  "read (JSON)", stored="json", reading_only=True)
    text: str = _field("Normalised full text", default="", repr=False, reading_only=True)  # not part of the JSON line

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data

    @property
    def year(self) -> int | None:
        return int(self.issued_date[:4]) if self.issued_date else None


# What each stored field is, in the words a clerk reads under the documents table (the
# descriptions above are the developers')
NOTES = {
    "symbol": "Số ký hiệu, như in sau chữ “Số:”",
    "doc_type": "Loại văn bản, viết tắt theo Phụ lục III Nghị định 30/2020/NĐ-CP; CV là công văn",
    "issued_date": "Ngày ban hành",
    "place": "Địa danh ghi trước ngày tháng",
    "issuer": "Cơ quan ban hành, kèm địa phương",
    "subject": "Trích yếu nội dung",
    "signer": "Họ tên người ký",
    "signer_title": "Chức vụ của người ký",
    "references": "Mọi văn bản được nêu trong nội dung, như đã đọc ra (danh sách JSON)",
    "tasks": "Các nhiệm vụ như đã đọc ra (danh sách JSON); bảng Nhiệm vụ ghi mỗi nhiệm vụ một dòng",
    "recipients": "Nơi nhận (danh sách JSON)",
    "urgency": "Độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc",
    "secrecy": "Độ mật: Mật, Tối mật, Tuyệt mật (mật nhất trong các tệp của văn bản)",
    "issuer_bodies": "Các cơ quan ở phần tên cơ quan ban hành, từ trên xuống (danh sách JSON)",
    "signatures": "Chữ ký số trên tệp PDF: cơ quan hoặc người ký và thời điểm ký (JSON)",
    "read_by_ocr": "Các trường đọc bằng nhận dạng ký tự (OCR) (danh sách JSON)",
    "from_signature": "Các trường lấy từ chữ ký số vì OCR không đọc được hoặc đọc sai (danh sách JSON)",
    "from_file_name": "Các trường lấy từ tên tệp (số OCR không đọc được mà trang văn bản xác nhận phần chữ) (danh sách JSON)",
    "received_number": "Số đến trên dấu “CÔNG VĂN ĐẾN” của cơ quan nhận",
    "received_date": "Ngày đến trên dấu “CÔNG VĂN ĐẾN”",
    "received_stamp": "Dấu đến: cơ quan nhận, và phần không đọc được (JSON)",
    "text": "Toàn văn đã chuẩn hóa",
}


@dataclass(frozen=True)
class StoredField:
    name: str  # the record's
    column: str  # the documents table's
    json: bool
    doc: str
    reading_only: bool

    @property
    def note(self) -> str:
        """Its description for the clerks who read the documents table (``NOTES``)."""
        return NOTES.get(self.name, self.doc)


def stored_fields() -> list[StoredField]:
    """The record's fields the documents table stores, in the record's order: the schema, the
    rows written, the document page and the column descriptions are made from this."""
    out = []
    for f in fields(Record):
        if f.metadata.get("stored"):
            out.append(StoredField(f.name, f.metadata.get("column") or f.name, f.metadata["stored"] == "json",
                                   f.metadata["doc"], f.metadata["reading_only"]))
    return out
