"""Task tables: the rows of a plan's "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành | Sản phẩm" table, one task per lead unit.

Plans (and the Phụ lục after a decision's signature) very often list their duties this way.
Readers keep the table's cells: each cell is closed by a ``|`` line and each row by one more
(an empty cell), as Markdown exports and Word 97 files already write them (``nlp.layout``).
Three steps with data classes between them:

- :func:`find_tables`: a header row is recognised by the column names offices use (a lead
  column "Cơ quan/Đơn vị chủ trì", "Đơn vị thực hiện", and a content column "Nội dung",
  "Nhiệm vụ", "Tên nhiệm vụ", "Hoạt động" ...); tables of administrative procedures ("Tên thủ
  tục hành chính") and of a procedure's steps ("Bước 1") are not duties and are left alone;
- rows are read under it: a row whose TT is "I", "A" (or that has no lead unit) is a group
  row whose text qualifies the rows below it; an empty lead cell (a cell merged over several
  rows, as Word 97 and Markdown exports leave it) takes the lead, coordinators and deadline of
  the row above;
- :func:`table_tasks` gives one :class:`~nlp.tasks.Task` per lead unit of each row, with the
  row's coordinators, action ("group: content") and deadline (``nlp.deadlines``).

The text around the tables is read by ``nlp.tasks`` as before, without the tables' text
(:func:`outside`), which read flattened gave junk ("TT Nội dung/nhiệm vụ Cơ quan ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .deadlines import settle
from .letters import LOWER
from .layout import CELL, Layout
from .normalize import collapse, fold
from .tables import load_table, phrase_alternation
from .tasks import Task
from .tasks.units import action_like, per_level, with_named, without_reference

# ---------------------------------------------------------------------------- column names

# Matched on the folded, lower-case name of a header cell, punctuation as spaces.
_BODY = r"(?:(?:co\s+quan|don\s+vi|bo\s+nganh|dia\s+phuong|to\s+chuc|chu\s+the|cac)(?:\s+\w+){0,2}\s+)?"
_ROLES = [
    ("tt", re.compile(r"^(?:s\s*tt|so\s+tt|tt|thu\s+tu|so\s+thu\s+tu)$")),
    ("coord", re.compile("^" + _BODY + r"(?:phoi\s+hop|tham\s+gia|cung\s+thuc\s+hien|cho\s+y\s+kien)")),
    ("lead", re.compile("^" + _BODY + r"(?:chu\s+tri|thuc\s+hien|trien\s+khai|phu\s+trach|chiu\s+trach\s+nhiem|dau\s+moi)|^trach\s+nhiem(?:\s+thuc\s+hien)?$")),
    ("deadline", re.compile(r"^(?:\w+\s+){0,3}(?:thoi\s+(?:gian|han|diem)|tien\s+do|moc\s+(?:thoi\s+gian|hoan\s+thanh))|^(?:nam|han|ngay)\s+hoan\s+thanh")),
    ("content", re.compile(r"^(?:cac\s+|ten\s+|thuoc\s+nhom\s+)?(?:noi\s+dung|nhiem\s+vu|cong\s+viec|hoat\s+dong|hanh\s+dong|giai\s+phap|de\s+an|du\s+an|van\s+ban|chuong\s+trinh|chi\s+tieu(?!\s+dat\s+duoc)|muc\s+tieu)")),
    # what was done, a report's column ("Kết quả thực hiện", "Tình hình, kết quả thực hiện"):
    # the table reports on duties given before, it gives none (see ``_reports``)
    ("report", re.compile(r"^(?:tinh\s+hinh|ket\s+qua)(?:\s+(?:va\s+)?(?:tinh\s+hinh|ket\s+qua))?\s+(?:thuc\s+hien|trien\s+khai)(?:\s+(?:nhiem\s+vu|den\s+nay|den\s+ngay.*))?$")),
    ("product", re.compile(r"^(?:\w+\s+){0,2}(?:san\s+pham|ket\s+qua|hinh\s+thuc|dau\s+ra)|^chi\s+tieu\s+dat\s+duoc")),
    ("other", re.compile(r"^(?:ghi\s+chu|kinh\s+phi|nguon|van\s+ban|can\s+cu|cap\s+trinh|co\s+quan\s+trinh|du\s+toan|don\s+vi\s+tinh|linh\s+vuc|dia\s+ban|doi\s+tuong|don\s+vi$)")),
]
# Tables that list administrative procedures or the steps of one: who handles a file, not a duty.
_NOT_DUTIES = re.compile(r"thu\s+tuc|tthc|^buoc\b|thu\s+tu\s+cong\s+viec|trinh\s+tu|ho\s+so")
_PUNCT = re.compile(r"[^\w\s]")
_RULE = re.compile(r"[-:= ]+")
_STEP = re.compile(r"^(?:Bước|B)\s*\d", re.I)


@lru_cache(maxsize=4096)
def _role(name: str) -> str | None:
    """The column a header cell names, or None when it is not a column name."""
    if len(name) > 90 or not name or name[0].isdigit():
        return None  # a row's text or number, not a column's name
    f = " ".join(_PUNCT.sub(" ", fold(name).lower()).split())
    if not f or len(f.split()) > 10 or f[0].isdigit():
        return None
    if _NOT_DUTIES.search(f):
        return "procedure"
    for role, pattern in _ROLES:
        if pattern.search(f):
            return role
    return None


# A row's TT: "1", "1.", "1.2", "I", "II.", "A", "a)", "-".
_TT = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[A-ZĐ]|[a-zđ])[.)]?$|^[-+•]$")
_SHORT_MARK = re.compile(r"\S{1,4}")  # a cell of a few marks and no space: a TT, however read
_GROUP_HEAD = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])[.)]\s")  # "II. Xã hội số": a group's title with its TT
_GROUP_TT = re.compile(r"^\(?(?:[IVXLC]{1,6}|[A-ZĐ])[.)]?$")


# ---------------------------------------------------------------------------- data classes


@dataclass
class Cell:
    text: str
    first: int  # index in Layout.lines of its first line
    last: int  # of its last line (for an empty cell: its closing "|")
    spans: tuple[tuple[int, int], ...] = ()  # the (first, last) of each part of a cell cut by a page break


@dataclass
class Row:
    cells: list[Cell]
    group: bool = False


@dataclass
class TaskTable:
    """A task table: its columns' roles, its rows, and the lines it spans."""

    roles: list[str | None]
    rows: list[Row] = field(default_factory=list)
    first: int = 0  # line of its header's first cell
    last: int = 0  # line of its last row's end
    duty_column: int | None = None  # of two content columns, the specific duty's (else the first)


# ---------------------------------------------------------------------------- step 1: find


def _cells(lines: list[str], start: int, end: int) -> list[Cell]:
    """The cells of the lines: each run of lines closed by a ``|`` line (an empty cell when
    two ``|`` lines meet). Text that no ``|`` closes is not a cell and is left out."""
    cells: list[Cell] = []
    run: list[int] = []
    for i in range(start, end):
        line = lines[i]
        if line == CELL:
            text = collapse(" ".join(lines[j] for j in run))
            if _RULE.fullmatch(text):
                text = ""  # a Markdown table's "---" rule, left in a text export
            cells.append(Cell(text, run[0] if run else i, run[-1] if run else i))
            run = []
        elif line:
            run.append(i)
    return cells


def find_tables(layout: Layout, start_line: int | None = None) -> list[TaskTable]:
    """Every task table of the document (from ``start_line`` of ``layout.lines``)."""
    lines = layout.lines
    start = layout.start if start_line is None else max(layout.start, start_line)
    if not _may_hold_table(layout):
        return []
    cells = _cells(lines, start, layout.end)
    tables: list[TaskTable] = []
    i = 0
    while i < len(cells):
        if _role(cells[i].text) != "lead":
            i += 1
            continue
        found = _table_at(lines, cells, i)
        if found is None:
            i += 1
            continue
        table, after = found
        if table.rows:
            tables.append(table)
        i = max(after, i + 1)
    return tables


# A cell that is a lead column's name and nothing more ("Cơ quan chủ trì", "Đơn vị thực hiện",
# "Cơ quan chủ trì / thực hiện" on two lines), between "|" lines, on the folded lines.
_LEAD_CELL = re.compile(
    r"\|\n(?:(?:co\s+quan|don\s+vi|bo,?\s+nganh|dia\s+phuong|to\s+chuc|cac)(?:[ ,/]+\w+){0,2}\s+"
    r"(?:chu\s+tri|thuc\s+hien|trien\s+khai|phu\s+trach|chiu\s+trach\s+nhiem|dau\s+moi)|chu\s+tri)(?:[ ,/]+\w+){0,3}"
    r"(?:\n[^|\n][^\n]{0,40})?\n\|"
)


def _may_hold_table(layout: Layout) -> bool:
    """Cheap test first (one search over the folded lines): a task table has a cell holding a
    lead column's name alone. Reading every document's cells cost a fifth of extraction."""
    folded = layout.folded if layout.folded is not None else [fold(line) for line in layout.lines]
    return bool(_LEAD_CELL.search("\n".join(folded[layout.start : layout.end])))


def _header_start(lines: list[str], cells: list[Cell], lead: int) -> tuple[int, Cell | None]:
    """The header row's first cell, walking left from its lead column; the first cell may
    need its leading lines (the paragraph above the table) cut off."""
    i = lead
    while i > 0 and lead - i < 10:
        if cells[i - 1].text and _role(cells[i - 1].text) not in (None, "procedure"):
            i -= 1
        elif i > 1 and _ends_on_tt(lines, cells[i - 2]) and _unnamed_column(cells[i - 1].text):
            i -= 1  # "TT | ội dung thực hiện | Cơ quan chủ trì": the duty's column, its name misread
        elif not cells[i - 1].text and i > 1 and _role(cells[i - 2].text) == "tt":
            i -= 1  # "STT | | Tên văn bản": an empty cell (a merged one) after the TT
        else:
            break
    if i > 0 and cells[i - 1].text and _role(cells[i - 1].text) == "procedure":
        return i - 1, None  # "Bước thực hiện | Nội dung công việc | Đơn vị thực hiện": refused below
    if i > 0 and cells[i - 1].text and _role(cells[i - 1].text) is None:
        # "... Phụ lục ... \n STT": the cell before holds the paragraph and then the name
        cell = cells[i - 1]
        picked = [j for j in range(cell.first, cell.last + 1) if lines[j] and lines[j] != CELL]
        for n in (1, 2, 3):
            if len(picked) > n and _role(" ".join(lines[j] for j in picked[-n:])) not in (None, "procedure"):
                return i - 1, Cell(collapse(" ".join(lines[j] for j in picked[-n:])), picked[-n], cell.last)
    return i, None


# A header cell that names a column, however its words were read: a few words, no number, no
# sentence (a scan's "ội dung thực hiện" for "Nội dung thực hiện").
_COLUMN_NAME = re.compile(r"^[^\d.;:]{2,60}$")


def _unnamed_column(text: str) -> bool:
    return bool(text) and len(text.split()) <= 6 and bool(_COLUMN_NAME.match(text))


def _ends_on_tt(lines: list[str], cell: Cell) -> bool:
    """A TT column's name, alone or as the last line of the paragraph above the table."""
    written = [lines[j] for j in range(cell.first, cell.last + 1) if lines[j].strip() and lines[j] != CELL]
    return bool(written) and (_role(cell.text) == "tt" or _role(written[-1].strip()) == "tt")


def _table_at(lines: list[str], cells: list[Cell], lead: int) -> tuple[TaskTable, int] | None:
    first, trimmed = _header_start(lines, cells, lead)
    header = [trimmed or cells[first]] + cells[first + 1 : lead + 1]
    j = lead + 1
    while j < len(cells) and cells[j].text and _role(cells[j].text) not in (None,) and j - first < 14:
        header.append(cells[j])
        j += 1
    roles = [_role(c.text) for c in header]  # an empty cell (under a name merged across two columns) is a column too
    if "content" not in roles and roles[:1] == ["tt"] and len(roles) > 2 and roles[1] is None and header[1].text:
        roles[1] = "content"  # Phụ lục III's order: TT, then the duty, then who leads (its name misread)
    row_start = first
    while row_start > 0 and cells[row_start - 1].text and first - row_start < 10:
        row_start -= 1
    if any(_role(c.text) == "procedure" for c in cells[row_start:first]):
        return None
    if "procedure" in roles or "content" not in roles or not {"tt", "coord", "deadline"} & set(roles) or roles.count("lead") > 1:
        return None  # a form's signature boxes ("Tổ chức chủ trì | Chủ nhiệm nhiệm vụ") are no table of duties
    # A second header row ("Chủ trì | Phối hợp" under "Cơ quan thực hiện") or a row of column
    # numbers ("(1) (2) (3)") may follow.
    j = _skip_empty(cells, j)
    sub, k = _row_of_names(cells, j)
    if sub and any(r in ("lead", "coord") for r in sub) and "coord" not in roles:
        at = roles.index("lead")
        roles[at : at + 1] = sub
        j = _skip_empty(cells, k)
    elif sub:
        j = _skip_empty(cells, k)
    numbers = _numbering_row(cells, j, len(roles))
    if numbers:
        j = _skip_empty(cells, numbers)
    table = TaskTable(roles=roles, first=header[0].first, duty_column=_specific(header, roles))
    rows, end = _rows(cells, j, roles)
    if any(_STEP.match(r.cells[0].text) for r in rows[:4] if r.cells):
        return None  # the steps of a procedure ("Bước 1"), not duties
    table.rows = rows
    table.last = cells[end - 1].last if end > j else header[-1].last
    return table, end


_SPECIFIC = re.compile(r"\bcu\s+the$")


def _specific(header: list[Cell], roles: list[str | None]) -> int | None:
    """ "Nội dung hành động | Hành động cụ thể": of two content columns, the one named the
    specific (cụ thể) duty holds each row's duty; the other the aim several rows serve."""
    contents = [i for i, role in enumerate(roles) if role == "content"]
    if len(contents) < 2:
        return None
    names = {i: " ".join(_PUNCT.sub(" ", fold(header[i].text).lower()).split()) for i in contents}
    specific = [i for i in contents if _SPECIFIC.search(names[i])]
    if specific:
        return specific[-1]
    # "Thuộc nhóm nhiệm vụ | Nội dung nhiệm vụ": the group a row belongs to, then its duty
    own = [i for i in contents if not names[i].startswith("thuoc nhom")]
    return own[0] if own and len(own) < len(contents) else None


def _skip_empty(cells: list[Cell], j: int) -> int:
    while j < len(cells) and not cells[j].text:
        j += 1
    return j


def _row_of_names(cells: list[Cell], j: int) -> tuple[list[str] | None, int]:
    """A row made only of column names, up to its end (an empty cell)."""
    names = []
    k = j
    while k < len(cells) and cells[k].text:
        role = _role(cells[k].text)
        if role in (None, "procedure", "tt") or _TT.match(cells[k].text):
            return None, j
        names.append(role)
        k += 1
    return (names, k) if names else (None, j)


def _numbering_row(cells: list[Cell], j: int, width: int) -> int | None:
    """ "(1) | (2) | (3) ...": the columns' numbers under the header."""
    k = j
    expected = 1
    while k < len(cells) and re.fullmatch(r"\(?\s*%d\s*\)?" % expected, cells[k].text or "-"):
        expected += 1
        k += 1
    return k if expected > min(3, width) else None


# ---------------------------------------------------------------------------- step 2: rows


_FILLER = re.compile(r"[.…\s]{3,}")


def _rows(cells: list[Cell], j: int, roles: list[str | None]) -> tuple[list[Row], int]:
    """The rows under the header, up to the table's end. A row ends with an empty cell once
    it has a cell for every column, or earlier when the next cell opens a row (a TT) and the
    row is a group row; text that is not a row (too long, no TT where the table numbers its
    rows) ends the table."""
    width = len(roles)
    numbered = roles[0] == "tt"
    rows: list[Row] = []
    current: list[Cell] = []
    k = j
    while k < len(cells):
        cell = cells[k]
        if not current:
            blank = _blank_run(cells, k)
            if numbered and rows and 0 < blank < width - 1 and not _TT.match(cells[k + blank].text) and not _GROUP_HEAD.match(cells[k + blank].text):
                # "| | text": a row whose TT and first cells are empty, its own (a cell merged
                # down from the row above, on a new page) or cut by the page break: the
                # empty cells keep the text in its column
                current = [Cell("", c.first, c.last) for c in cells[k : k + blank]]
                k += blank
                continue
            if not cell.text or _FILLER.fullmatch(cell.text):
                k += 1  # (a form's dotted blank left after a row's last cell opens no row)
                continue
            if _opens_header(cells, k, width):
                repeated, after = _row_of_names(cells, k)
                if repeated and [r for r in repeated if r != "tt"] == [r for r in roles if r != "tt"]:
                    k = after  # the header repeated (on a new page, or over a part of the table)
                    continue
                break  # the next table's header
            if cell.last - cell.first > 60 or (numbered and not _TT.match(cell.text) and rows and not _continues(cell, rows)):
                break  # the paragraph after the table
            current.append(cell)
            k += 1
            continue
        if cell.text:
            if len(current) >= width:
                rows.append(Row(current))  # a reader that closes no rows
                current = []
                continue
            current.append(cell)
            k += 1
            continue
        # an empty cell: the row's end, or an empty cell inside it
        if not current[0].text and len(current) < width:
            current.append(Cell("", cell.first, cell.last))  # a row opened by empty cells takes its width
            k += 1
            continue
        nxt = _next_text(cells, k)
        opens_row = nxt is None or not numbered or bool(_TT.match(nxt.text)) or _opens_header(cells, cells.index(nxt, k), width)
        if len(current) >= width or (opens_row and (len(current) <= 2 or _GROUP_TT.match(current[0].text))) or nxt is None:
            rows.append(Row(current))
            current = []
            # Markdown and Word 97 close a row with an empty cell; readers that also open it
            # with one leave two: both are skipped above.
        elif numbered and rows and _sub_row(cells, k, current, width):
            # "| - Rà soát ... | - Bộ công cụ ... | Giai đoạn 2026 - 2027 |": the row's first
            # columns (TT, units, group) are merged down from the row above, and an export
            # writes only the cells it has: they are the row's last columns
            rows.append(Row([Cell("", cell.first, cell.last) for _ in range(width - len(current))] + current))
            current = []
        else:
            current.append(Cell("", cell.first, cell.last))
        k += 1
    if current:
        rows.append(Row(current))
    end = k
    rows = _joined_across_pages(rows, roles)
    for row in rows:
        row.group = _is_group_row(row, roles)
    return [r for r in rows if r.cells], end


def _sub_row(cells: list[Cell], k: int, current: list[Cell], width: int) -> bool:
    """Whether the empty cell at ``k`` closes a row of fewer cells than the table has
    columns: a row opened without a TT whose next row, also without a TT, has as many cells
    (the sub-rows of a numbered row), or is followed by the next numbered row."""
    if not current or not current[0].text or _TT.match(current[0].text) or _GROUP_HEAD.match(current[0].text):
        return False
    if len(current) >= width - 1:
        return False
    following: list[Cell] = []
    j = k + 1
    while j < len(cells) and cells[j].text:
        following.append(cells[j])
        j += 1
    if not following:
        return False
    if _TT.match(following[0].text):
        return True
    return len(following) == len(current)


def _blank_run(cells: list[Cell], k: int) -> int:
    """How many empty cells from ``k`` on (0 when the text after them is a filler or none)."""
    j = k
    while j < len(cells) and not cells[j].text:
        j += 1
    return j - k if j < len(cells) and not _FILLER.fullmatch(cells[j].text) else 0


def _joined_across_pages(rows: list[Row], roles: list[str | None]) -> list[Row]:
    """A row cut by a page break: its cells go on in a row of the next page that has no TT,
    whose duty, if any, goes on from a small letter without a lead unit of its own, and whose
    lists of units go on."""
    if "content" not in roles:
        return rows
    out: list[Row] = []
    for row in rows:
        texts = [c.text for c in row.cells]
        written = [i for i, t in enumerate(texts) if t]
        said = [i for i in written if roles[i] == "content"]
        goes_on = (
            written
            and all(roles[i] in ("content", "lead", "coord", "deadline") for i in written)  # no TT
            and all(texts[i][:1].islower() for i in said)  # the sentence goes on
            and not (said and any(roles[i] == "lead" for i in written))  # a duty of its own unit
        )
        if out and len(texts) == len(roles) == len(out[-1].cells) and goes_on:
            before = out[-1].cells
            for i in written:
                if i < len(before):
                    spans = (before[i].spans or ((before[i].first, before[i].last),)) + ((row.cells[i].first, row.cells[i].last),)
                    before[i] = Cell(collapse(before[i].text + " " + texts[i]), before[i].first, row.cells[i].last, spans)
            continue
        out.append(row)
    return out


def _opens_header(cells: list[Cell], k: int, width: int) -> bool:
    """The next table's header (or this one's, repeated on a new page) starts here."""
    roles = []
    for c in cells[k : k + width + 1]:
        if not c.text:
            break  # the row's end
        roles.append(_role(c.text))
    return "lead" in roles and "content" in roles and len([r for r in roles if r]) >= 3


def _continues(cell: Cell, rows: list[Row]) -> bool:
    """A row without TT inside a numbered table: a sub-row ("- ...") or a group title."""
    return len(cell.text) < 300 and cell.last - cell.first < 12 and not cell.text.endswith(":")


def _next_text(cells: list[Cell], k: int) -> Cell | None:
    for cell in cells[k + 1 : k + 4]:
        if cell.text:
            return cell
    return None


def _is_group_row(row: Row, roles: list[str | None]) -> bool:
    texts = [c.text for c in row.cells]
    lead_at = roles.index("lead") if "lead" in roles else None
    filled = [t for t in texts if t]
    if roles[0] == "tt" and texts and _GROUP_TT.match(texts[0]) and len(filled) <= 2:
        return True
    if len(filled) <= 2 and len(row.cells) < len(roles) - 1:
        return True  # a title spanning the columns
    return lead_at is not None and len(row.cells) <= lead_at


# ---------------------------------------------------------------------------- step 3: tasks


@lru_cache(maxsize=None)
def _unit_head() -> re.Pattern:
    heads = [h for h in load_table("tasks.json")["unit_heads"] if h[:1].isupper()]
    return re.compile(rf"(?:{phrase_alternation(heads)})(?![\wÀ-ỹ])")


@lru_cache(maxsize=None)
def _group_words() -> re.Pattern:
    return re.compile(rf"(?:^|\s)(?:{phrase_alternation(load_table('tasks.json')['groups'], True)})(?![\wÀ-ỹ])", re.I)


# "Sở KH&CN chủ trì hướng dẫn, tổng hợp": the unit ends where its own duty is written.
_DUTY_AFTER_UNIT = re.compile(r"\s+(?=(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|thúc\s+đẩy|theo\s+dõi|hướng\s+dẫn|tổng\s+hợp|báo\s+cáo|triển\s+khai|tham\s+mưu)(?![\wÀ-ỹ]))")


def _bare_head(word: str) -> bool:
    """A head alone, no name after it ("Viện", "Trường", "Sở", "ban")."""
    word = word.strip()
    return bool(_unit_head().fullmatch(word[:1].upper() + word[1:]))


def _listed(cell: Cell, lines: list[str]) -> str:
    """A units' cell with one unit a line ("Ngân hàng Nhà | nước Việt Nam; | Bộ Công an"):
    a line that opens on a unit's head (or "Đề nghị" and one) starts a unit, unless the line
    before ends on a comma or "và"; other lines go on the name above."""
    spans = cell.spans or ((cell.first, cell.last),)
    written = [line.strip() for first, last in spans for line in lines[first : last + 1] if line.strip() and line != CELL]
    if len(written) < 2:
        return cell.text
    out = written[0]
    for line in written[1:]:
        # "Văn phòng | UBND tỉnh,": a head alone on its line is the start of a name the next line ends
        starts = _unit_head().match(_REQUESTED.sub("", line)) and not re.search(r"(?:,|\bvà)$", out) and not _bare_head(re.split(r"[;,]\s*", out)[-1])
        if starts and out.endswith(":") and _unit_head().match(_REQUESTED.sub("", out.rsplit("; ", 1)[-1])):
            out = out[:-1]  # "Bộ Quốc phòng:" over "Bộ Tư pháp;": OCR reads a semicolon as a colon
        out += ("; " if starts and not out.endswith(";") else " ") + line
    return collapse(out)


# "Đề nghị Tòa án nhân dân tối cao": a body the issuer does not direct is asked, in the cell too
_REQUESTED = re.compile(r"^(?:Đề|đề)\s+nghị\s+(?=[A-ZĐ])")
# "Bộ Tài chính (theo chức năng, nhiệm vụ được giao)": a note on the unit, not its name (a
# parenthesis that opens on a capital, "(Cục PCRT)", names a part of it and stays)
_NOTE = re.compile(rf"\s*\((?=[{LOWER}])[^()]*\)")


_LABEL = re.compile(r"^\s*(?:chủ\s+trì|phối\s+hợp)\s*:[\s;]*", re.I)  # "Chủ trì: Sở Tư pháp"


def split_units(cell: str) -> list[str]:
    """The units of a lead or coordinator cell: "Sở Tài chính; UBND cấp xã", "Sở Nội vụ, Sở Tư
    pháp", "Các sở, ngành, UBND xã, phường". A comma or "và" splits only before another unit's
    head, so "Sở Văn hóa, Thể thao và Du lịch" and "các sở, ban, ngành" stay whole."""
    text = collapse(_NOTE.sub(";", _LABEL.sub("", cell)))
    units: list[str] = []
    for part in re.split(r"\s*[;\n]\s*|\s+-\s+(?=[A-ZĐ])|^\s*-\s*", text):
        part = part.strip(" ,.-+")
        if not part:
            continue
        pieces = re.split(r",\s*|\s+và\s+|\s+với\s+", part)
        joiners = re.findall(r",\s*|\s+và\s+|\s+với\s+", part)
        current = pieces[0]
        for joiner, piece in zip(joiners, pieces[1:]):
            # "Viện, Trường", "Doanh nghiệp, Sở, ban, ngành có liên quan": heads without a name
            # name kinds of bodies, listed as one group (as "các sở, ban, ngành" is)
            kinds = _bare_head(piece) and all(_bare_head(x) for x in re.split(r",\s*|\s+và\s+", current))
            if _unit_head().match(piece) and not kinds:
                units.append(current)
                current = piece
            else:
                current = f"{current}{', ' if ',' in joiner else ' ' + joiner.strip() + ' '}{piece}"
        units.append(current)
    units = [_REQUESTED.sub("", u.strip(" ,.;")) for u in units]
    units = [name for u in units for name in per_level(without_reference(_DUTY_AFTER_UNIT.split(u, 1)[0].strip(" ,.;")))]
    return [u.strip(" ,.;") for u in units if len(u.strip(" ,.;")) > 1 and not re.fullmatch(r"[\d\W]+", u)]


def table_tasks(table: TaskTable, layout: Layout, issued_date: str | None, offsets: list[int], year: int | None = None) -> list[Task]:
    """One task per lead unit of each row; ``offsets[i]`` is where line ``i`` of
    ``layout.lines`` starts in ``layout.body_text``. ``year``: the document's year where its
    day is not legible (a handwritten day), to tell a table of past work."""
    roles = table.roles
    if _reports(layout, table):
        return []
    appendix = _appendix(layout, table.first)
    col = {role: roles.index(role) for role in ("tt", "content", "lead", "coord", "deadline") if role in roles}
    if table.duty_column is not None:
        col["content"] = table.duty_column
    groups: dict[int, tuple[str, str]] = {}  # level: (TT, title)
    previous: dict[str, str] = {}
    tasks: list[Task] = []
    years: list[int] = []  # the years of the rows' times
    for row in table.rows:
        cells = [c.text for c in row.cells]
        shift = 0 if not (roles[0] == "tt" and cells and not _TT.match(cells[0]) and len(cells) < len(roles)) else -1

        def get(role: str) -> str:
            if role not in col:
                return ""
            at = col[role] + shift
            if not 0 <= at < len(cells):
                return ""
            return _listed(row.cells[at], layout.lines) if role in ("lead", "coord") else cells[at]

        tt = get("tt") if "tt" in col else ""
        if row.group:
            if cells and _SHORT_MARK.fullmatch(cells[0]) and not _TT.match(cells[0]):
                tt = ""  # a TT OCR misread ("1L" for "II"): a title across the columns is a part's
            title = next((t for t in cells if t and t != tt and not _SHORT_MARK.fullmatch(t)), "")
            level = _level(tt) if tt else 1
            for deeper in [lv for lv in groups if lv >= level]:
                del groups[deeper]
            groups[level] = (tt.rstrip("."), title)
            previous = {}
            continue
        content = get("content")
        lead = get("lead")
        if not lead:
            if not previous:
                continue
            lead = previous["lead"]  # a lead cell merged over this row
            coord = get("coord") or previous["coord"]
            when = get("deadline") or previous["deadline"]
            tt = tt or previous["tt"]  # a sub-row of the numbered row above
        else:
            coord, when = get("coord"), get("deadline")
        previous = {"lead": lead, "coord": coord, "deadline": when, "tt": tt}
        if not content or (_role(content) and len(content.split()) <= 4) or _role(_LABEL.sub("", lead)):
            continue  # no duty, or a row of labels (a form's boxes); "Thực hiện đánh giá ..." is a duty
        level = _level(tt) if tt else 9
        titles = [title for lv, (_, title) in sorted(groups.items()) if lv < level and title]
        action = collapse(": ".join(titles + [content]))
        section = ".".join([g for lv, (g, _) in sorted(groups.items()) if lv < level and g] + ([tt.rstrip(".")] if tt else [])) or None
        if appendix:
            section = f"{appendix}: {section}" if section else appendix
        found = settle(when, issued_date) if when else None
        years.extend(int(y) for y in _YEAR.findall(when or ""))
        coordinators = split_units(coord) if coord and not re.fullmatch(r"[-–\s]*", coord) else []
        coordinators = with_named(coordinators, content)  # "Chủ trì, phối hợp với Bộ Công an ...": named in the action
        start = offsets[row.cells[0].first]
        last = row.cells[-1].last
        end = offsets[last] + len(layout.lines[last]) if layout.lines[last] != CELL else offsets[last]
        for unit in split_units(lead):
            if action_like(unit):
                continue  # a duty read in the lead's place (a row whose cells slipped): no unit
            tasks.append(
                Task(
                    unit,
                    action,
                    coordinators,
                    found.deadline if found else None,
                    found.text if found else None,
                    section,
                    start,
                    max(start, end),
                    bool(_group_words().search(unit)),
                    due_by=found.due_by if found else None,
                    recurrence=found.recurrence if found else None,
                )
            )
    year = int(issued_date[:4]) if issued_date else year
    if year and len(years) >= 2 and max(years) < year:
        return []  # "Các dự án giai đoạn 2008-2010" in a plan of 2010's end: work done, no duty
    return tasks


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


_APPENDIX = re.compile(r"^(?:phu\s+luc)(?:\s+(?:so\s*)?(?P<n>[ivx]{1,5}|\d{1,2}|[a-z])\b)?")


def _appendix(layout: Layout, first: int) -> str | None:
    """ "Phụ lục 01" when the table opens an appendix (its title within the few lines above),
    so that its rows' sections ("Phụ lục 01: I.1") are not read as the body's items."""
    folded = layout.folded or [fold(line) for line in layout.lines]
    for i in range(first - 1, max(layout.start, first - 8) - 1, -1):
        m = _APPENDIX.match(folded[i].strip())
        if m:
            n = m.group("n")
            return "Phụ lục" + (f" {n.upper() if n.isalpha() else n}" if n else "")
    return None


# An appendix titled as a report: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO KẾT LUẬN SỐ 552/TB-VPCP",
# "Tình hình thực hiện các nhiệm vụ ..."
_REPORT_TITLE = re.compile(r"^[\s*]*(?:tinh\s+hinh|ket\s+qua)(?:,?\s+(?:va\s+)?(?:tinh\s+hinh|ket\s+qua))?\s+thuc\s+hien\s+(?:cac\s+)?nhiem\s+vu")


def _reports(layout: Layout, table: TaskTable) -> bool:
    """A table that reports on the duties of an earlier text, not one that gives them: a column
    of what was done ("Kết quả thực hiện": "Đã hoàn thành", "Bộ KH&CN đã báo cáo ..."), or an
    appendix titled so. Its rows were assigned by that text (Nghị định 30/2020: a thông báo kết
    luận assigns in its body and its appendix of "nhiệm vụ giao"); they are no duties of this one."""
    if "report" in table.roles:
        return True
    folded = layout.folded or [fold(line) for line in layout.lines]
    if any(_REPORT_TITLE.match(folded[i].lower()) for i in range(max(layout.start, table.first - 8), table.first)):
        return True
    return any(_STATE_HEADING.match(h) for h in _headings_above(folded, layout.start, table.first))


# A plan's account of where things stand (its "Thực trạng" / "Hiện trạng" / "Tình hình" /
# "Kết quả đạt được" part, before its duties): a table there lists what was done
_STATE_HEADING = re.compile(r"^(?:[ivx]{1,5}|\d{1,2}|[a-z])[.)]\s*(?:danh\s+gia\s+)?(?:thuc\s+trang|hien\s+trang|tinh\s+hinh(?!\s+moi)|ket\s+qua\s+(?:dat\s+duoc|thuc\s+hien))")
_HEADING_MARK = re.compile(r"^(?P<mark>[ivx]{1,5}|\d{1,2}|[a-z])[.)]\s+\S")


def _headings_above(folded: list[str], start: int, first: int) -> list[str]:
    """The headings a table stands under: the nearest of each kind of number ("c.", "3.",
    "II."), walking up to the part's Roman numeral."""
    found: dict[str, str] = {}
    for i in range(first - 1, max(start, first - 120) - 1, -1):
        line = folded[i].strip().lower()
        m = _HEADING_MARK.match(line)
        if not m:
            continue
        mark = m.group("mark")
        # ("I.", "V.", "X." alone read as letters: the walk then goes on up to its line limit)
        kind = "roman" if re.fullmatch(r"[ivx]{2,5}", mark) else "arabic" if mark.isdigit() else "letter"
        if kind not in found:
            found[kind] = line
        if kind == "roman":
            break
    return list(found.values())


def _level(tt: str) -> int:
    """Nesting of a TT: "I"/"A" 1, "1" 2, "1.1" 3, "a" 5, "-" 6."""
    tt = tt.strip("().")
    if re.fullmatch(r"[IVXLC]{1,6}|[A-ZĐ]", tt):
        return 1
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", tt):
        return 2 + tt.count(".")
    if re.fullmatch(r"[a-zđ]", tt):
        return 5
    return 6


# ---------------------------------------------------------------------------- the pipeline's hook


def line_offsets(layout: Layout) -> list[int]:
    """Where each line of ``layout.lines`` starts in ``layout.body_text`` (cell lines are
    not in the text: they get the offset of the next line)."""
    offsets = [0] * (len(layout.lines) + 1)
    at = 0
    for i in range(layout.start, layout.end):
        offsets[i] = at
        if layout.lines[i] != CELL:
            at += len(layout.lines[i]) + 1
    for i in range(layout.end, len(offsets)):
        offsets[i] = at
    return offsets


@dataclass
class TablesRead:
    tasks: list[Task]
    spans: list[tuple[int, int]]  # where the tables stand in body_text


def read_task_tables(layout: Layout, start_line: int, issued_date: str | None, year: int | None = None) -> TablesRead:
    """The tasks of every task table of the document, and the tables' spans in the body."""
    tables = find_tables(layout, start_line)
    if not tables:
        return TablesRead([], [])
    offsets = line_offsets(layout)
    tasks: list[Task] = []
    spans = []
    for table in tables:
        tasks.extend(table_tasks(table, layout, issued_date, offsets, year))
        spans.append((offsets[table.first], offsets[table.last] + len(layout.lines[table.last]) if layout.lines[table.last] != CELL else offsets[table.last]))
    return TablesRead(tasks, spans)


def outside(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of [start, end) that no table covers."""
    parts = []
    at = start
    for s, e in sorted(spans):
        if s > at:
            parts.append((at, min(s, end)))
        at = max(at, e)
    if at < end:
        parts.append((at, end))
    return [(s, e) for s, e in parts if e > s]
