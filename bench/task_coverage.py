#!/usr/bin/env python3
"""How far the task rules carry beyond the dev set: the whole shared corpus, read as a new
user would, and what the tasks step leaves out or gets wrong there.

    python bench/task_coverage.py [--corpus ../shared/corpus] [--sample 8] [--json OUT] [--compare BEFORE.json]
                                  [--tasks OUT.json] [--changes BEFORE_TASKS.json]

Counted per document type:

- ``uncovered``: items and sentences of a body that carry a duty cue ("chủ trì", "có trách
  nhiệm", "Giao ...", "đề nghị", "yêu cầu", "là đầu mối", a labelled "Cơ quan chủ trì:" field,
  a unit heading ending on ":") and lie in no task's span;
- ``verb_unit``: tasks whose unit ends on a verb or a function word ("Tổng cục Hải quan quyết
  định", "Bộ Tài chính quy định cụ thể về");
- ``early_due``: tasks whose ``due_by`` is before their document's own date;
- ``cut_action``: actions that end mid-word (the next letter of the text follows them);
- the tasks by ``kind``.

A sample of each is printed to read. The files are read once (PDFs by their text layer only,
no OCR) and their texts kept in a cache (``$XDG_CACHE_HOME/directives/corpus-texts.pkl``), so a
second run costs only the extraction. ``--json`` writes the figures, ``--compare`` prints them
beside those of an earlier run. ``--tasks`` writes every file's tasks and uncovered cues,
``--changes`` prints a sample of the tasks a rule added and took away since such a run, on the
files the dev set does not hold (``../shared/eval/dev/docs``, matched byte for byte): what a
rule adds is read there before it is kept.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from directives.nlp.extract import extract_text
from directives.nlp.normalize import collapse, fold
from directives.nlp.tasks.context import LABEL, sentences

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEV_DOCS = CORPUS.parent / "eval" / "dev" / "docs"
SUFFIXES = {".md", ".txt", ".html", ".htm", ".doc", ".docx", ".pdf"}

# the cues, on the folded sentence: "chủ trì", "có trách nhiệm", "là đầu mối" anywhere; "giao",
# "đề nghị", "yêu cầu" before the unit they address (a head of a unit's name, or "các")
UNIT_HEAD = (
    r"(?:cac\s|so\s|ubnd|uy\s+ban|bo\s|ban\s|van\s+phong|cong\s+an|chu\s+tich|giam\s+doc|thu\s+truong|phong\s"
    r"|trung\s+tam|cuc\s|chi\s+cuc|tong\s+cuc|hoi\s+dong|thanh\s+tra|kho\s+bac|doan\s|hoi\s|lien\s+doan|dai\s"
    r"|bao\s|truong\s|chanh\s|bo\s+chi\s+huy|bo\s+truong|thuong\s+truc|hdnd|mat\s+tran|tinh\s+doan|vien\s)"
)
CUE = re.compile(
    r"(?<![a-z])(?:(?<!khong )(?:co|chiu)\s+trach\s+nhiem\s+(?!truoc|ve\b)|chu\s+tri(?!\s*[:,]?\s*$)|la\s+dau\s+moi"
    rf"|(?:(?<!theo\s)(?<!van ban )(?<!ho so )de\s+nghi|yeu\s+cau|giao(?:\s+cho)?)\s+{UNIT_HEAD})"
)
# "Sở Y tế chủ động ...", "Bộ X khẩn trương ...": a unit that opens its clause, then a weaker cue
SUBJECT_CUE = re.compile(
    rf"(?:^|;\s*)\W*(?:(?:\d+(?:\.\d+)*\.?|[a-z]\)|-|\+)\s+)?{UNIT_HEAD}[^;:.]{{0,80}}?\s(?:chu\s+dong|khan\s+truong)(?![a-z])"
)
NOT_A_DUTY_LINE = re.compile(r"^\W*(?:can\s+cu|xet\s|theo\s+de\s+nghi|kinh\s+gui|noi\s+nhan|mau\s|bm-|\(?ky\s+ten)")
FORM = re.compile(r"\.{5}|…{2}|□|☐")
# a unit heading: a numbered or bulleted line naming a unit (its head capitalised), ending on ":"
UNIT_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?|[a-zđ]\)|-|\+)?\s*(?:Các\s+)?(?:Sở|UBND|Ủy ban|Uỷ ban|Bộ|Ban|Văn phòng|Công an|Phòng|Trung tâm|Thanh tra"
    r"|Cục|Chi cục|Kho bạc|Tổng cục|Hội|Liên đoàn|Đài|Báo|Bộ Chỉ huy|Đoàn|Viện)\s[^:\n]{2,80}:\s*$"
)

FUNCTION_WORDS = set("về của và các có là để được với cho theo tại trong khi thì do bị đã sẽ đang những này đó mà như từ đến phải cần hoặc".split())
VERBS = {
    "quyết định", "quy định", "thực hiện", "hướng dẫn", "ban hành", "xây dựng", "triển khai", "báo cáo", "kiểm tra",
    "chỉ đạo", "phối hợp", "chủ trì", "đề nghị", "bảo đảm", "đảm bảo", "theo dõi", "tham mưu", "xem xét", "cụ thể",
    "tổ chức thực", "trình", "giao", "làm", "lập", "gửi", "nộp", "cấp",
}


def read_corpus(corpus: Path) -> dict[str, str]:
    """Every file's text, from the cache where the file has not changed."""
    from directives.ingest import ReadError, read_document

    cache_path = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "directives" / "corpus-texts.pkl"
    try:
        cache = pickle.loads(cache_path.read_bytes())
    except (OSError, pickle.PickleError, EOFError):
        cache = {}
    texts, changed = {}, False
    for path in sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()):
        key = (str(path), path.stat().st_size, path.stat().st_mtime_ns)
        if key not in cache:
            try:
                cache[key] = read_document(str(path), ocr="never").text
            except ReadError:
                cache[key] = None
            changed = True
        if cache[key]:
            texts[str(path.relative_to(corpus))] = cache[key]
    if changed:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_bytes(pickle.dumps(cache))
    return texts


# a numbered heading that is only a unit's name ("2. Sở Giáo dục và Đào tạo", "b) Công an tỉnh"),
# the unit's duties in the lines after it (the next line opens with a capital or an item's mark,
# not a wrapped sentence's rest)
NAME_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.|[a-zđ]\))\s*(?:Các\s+)?(?:Sở|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Bộ|Ban|Văn phòng|Công an|Trung tâm|Thanh tra"
    r"|Cục|Chi cục|Kho bạc|Tổng cục|Hội|Liên đoàn|Đài|Báo|Bộ Chỉ huy|Viện|Tỉnh đoàn|Thành đoàn)\s(?P<name>[^:;.]{2,100})$"
)
NAME_WORDS = {"và", "các", "tỉnh", "thành", "phố", "huyện", "xã", "-", ",", "&"}
NOT_NAME_WORDS = {"chủ", "trì", "chịu", "thực", "hiện", "phối", "hợp", "giao", "gồm", "nhiệm", "vụ", "đã"}


def name_heading(line: str, next_line: str, blank_after: bool = False) -> bool:
    m = NAME_HEADING.match(line)
    if not m or len(line.split()) > 14:
        return False
    words = m.group("name").replace(",", " , ").split()
    if any(w in FUNCTION_WORDS - NAME_WORDS or w in NOT_NAME_WORDS for w in words):
        return False
    nxt = next_line.strip(" *#")
    if not nxt:
        return False
    if blank_after:  # a paragraph of its own
        return nxt[:1].isupper() or nxt[:1] in "-+•" or nxt[:1].isdigit()
    return nxt[:1] in "-+•" or bool(re.match(r"(?:[a-zđ]\)|\d+(?:\.\d+)*\.)\s", nxt))  # its items at once


def dev_files(corpus: Path) -> set[str]:
    """The corpus files (relative names) that the dev set holds a copy of, byte for byte: a
    rule's additions are read on the others."""
    if not DEV_DOCS.is_dir():
        return set()
    dev = {hashlib.sha256(p.read_bytes()).hexdigest() for p in DEV_DOCS.iterdir() if p.is_file()}
    return {
        str(p.relative_to(corpus))
        for p in corpus.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and hashlib.sha256(p.read_bytes()).hexdigest() in dev
    }


def task_key(t: dict) -> tuple:
    return (t["assignee"], t["action"][:120])


def show_changes(before: dict, after: dict, dev: set[str], sample: int) -> None:
    """The tasks and uncovered cues one run has and the other has not, outside the dev set:
    what a rule added and took away, to read before keeping it."""
    added, removed, cues_gone, cues_new = [], [], [], []
    for name in sorted(set(before) | set(after)):
        if name in dev:
            continue
        old, new = before.get(name, {}), after.get(name, {})
        old_keys = Counter(task_key(t) for t in old.get("tasks", ()))
        new_keys = Counter(task_key(t) for t in new.get("tasks", ()))
        kind = new.get("doc_type") or old.get("doc_type")
        for key in new_keys - old_keys:
            added.append((name, kind, key))
        for key in old_keys - new_keys:
            removed.append((name, kind, key))
        cues_gone += [(name, kind, m) for m in set(old.get("uncovered", ())) - set(new.get("uncovered", ()))]
        cues_new += [(name, kind, m) for m in set(new.get("uncovered", ())) - set(old.get("uncovered", ()))]
    rng = random.Random(21)
    for what, found in (("tasks added", added), ("tasks gone", removed), ("cues now covered", cues_gone), ("cues newly uncovered", cues_new)):
        print(f"\n{what} (outside the dev set): {len(found)}, a sample")
        for name, kind, item in rng.sample(found, min(sample, len(found))):
            text = f"{item[0]} | {item[1]}" if isinstance(item, tuple) else item
            print(f"  [{kind}] {name}: {text}")


def verb_ending_raw(unit: str) -> bool:
    """The first test (kept for comparison): the last word a function word or a verb of the list."""
    words = unit.rstrip(" ,.;:").split()
    if not words or not words[-1].islower():
        return False
    return words[-1] in FUNCTION_WORDS or " ".join(words[-2:]) in VERBS or words[-1] in VERBS


# names that end on such a word and are whole: a syllable of a capitalised word ("Bộ Ngoại giao",
# "Tổng cục Hậu cần"), "các cấp", "công lập", "dịch vụ việc làm", "Chương trình", a role ("Cơ
# quan chủ trì", "tổ chức chủ trì", "các cơ quan phối hợp"), a document named ("... Quy chế này")
_WHOLE_NAME_END = re.compile(
    r"(?:(?:các|mọi|cùng|nhiều)\s+cấp|công\s+lập|việc\s+làm|[Cc]hương\s+trình|(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|bên|[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Tt]ổ\s+chức)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)"
    r"|(?:Điều|Quy\s+chế|Quy\s+định|Kế\s+hoạch|Quyết\s+định|Nghị\s+định|Thông\s+tư|khoản|Chương)\s+(?:\d+\s+)?(?:này|\d+))$"
)


def verb_ending(unit: str) -> bool:
    """A unit whose name runs into a verb or a function word ("Tổng cục Hải quan quyết định", "Bộ
    Tài chính quy định cụ thể về"), not a whole name that ends on such a word ("Bộ Ngoại giao")."""
    if not verb_ending_raw(unit):
        return False
    name = unit.rstrip(" ,.;:")
    words = name.split()
    if _WHOLE_NAME_END.search(name):
        return False
    # one syllable after a capitalised word belongs to it ("Ngoại giao", "Hậu cần"), unless it is a
    # function word ("Bộ Tài chính và")
    if len(words) >= 2 and words[-2][:1].isupper() and (words[-1] not in FUNCTION_WORDS or words[-1] == "cần") and " ".join(words[-2:]) not in VERBS:
        return False
    return True


def cut_mid_word(action: str, body: str) -> bool:
    """The action's last words stand in the body only with a lower-case letter right after
    them: a word cut in two (a cell or a heading glued to the next line's word is not)."""
    tail = action[-30:]
    if not tail or not (tail[-1].isalpha() and tail[-1].islower()):
        return False
    at = body.find(tail)
    if at < 0:
        return False
    while at >= 0:
        after = body[at + len(tail) : at + len(tail) + 1]
        if not (after.isalpha() and after.islower()):
            return False
        at = body.find(tail, at + 1)
    return True


def uncovered(body: str, tasks: list[dict]) -> list[str]:
    """The sentences and unit headings of ``body`` with a duty cue that lie in no task's span."""
    spans = sorted((t["start"], max(t["end"], t["start"] + 1)) for t in tasks)
    flat = body.replace("\n", " ")
    missed = []

    def covered(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in spans)

    for s, e in sentences(flat, 0, len(body), body):
        words = fold(flat[s:e]).lower()
        if NOT_A_DUTY_LINE.match(words) or FORM.search(flat[s:e]):
            continue
        if (CUE.search(words) or SUBJECT_CUE.search(words) or LABEL.search(words)) and not covered(s, e):
            missed.append(collapse(flat[s:e])[:200])
    at = 0
    lines = body.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip(" *#")
        following = next((x for x in lines[i + 1 : i + 4] if x.strip(" *#|")), "")
        blank_after = i + 1 < len(lines) and not lines[i + 1].strip(" *#|")
        if (UNIT_HEADING.match(stripped) or name_heading(stripped, following, blank_after)) and not covered(at, at + len(line) + 200):
            missed.append("[heading] " + collapse(line)[:200])
        at += len(line) + 1
    return missed


def measure(texts: dict[str, str], records: dict | None = None) -> tuple[dict, dict]:
    """The counts and samples per document type; ``records``, when given, gets each file's
    tasks and uncovered cues (for ``--tasks``)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    samples: dict[str, list] = defaultdict(list)
    for name, text in texts.items():
        fields = extract_text(text)
        kind = fields.doc_type or "?"
        c = counts[kind]
        c["documents"] += 1
        body = fields.text or ""
        c["tasks"] += len(fields.tasks)
        missed_here = uncovered(body, fields.tasks)
        if records is not None:
            records[name] = {
                "doc_type": kind,
                "tasks": [{k: t.get(k) for k in ("assignee", "action", "coordinators", "deadline", "kind", "start")} for t in fields.tasks],
                "uncovered": missed_here,
            }
        for missed in missed_here:
            c["uncovered"] += 1
            samples["uncovered"].append((name, kind, missed))
        collapsed = collapse(body)
        for t in fields.tasks:
            c["kind:" + str(t.get("kind"))] += 1
            if verb_ending_raw(t["assignee"]):
                c["verb_unit_raw"] += 1
            if verb_ending(t["assignee"]):
                c["verb_unit"] += 1
                samples["verb_unit"].append((name, kind, t["assignee"] + " | " + t["action"][:80]))
            if t.get("due_by") and fields.issued_date and t["due_by"] < fields.issued_date:
                c["early_due"] += 1
                samples["early_due"].append((name, kind, f"{t['due_by']} < {fields.issued_date}: {t['deadline_text']}"))
            if cut_mid_word(t["action"], collapsed):
                c["cut_action"] += 1
                samples["cut_action"].append((name, kind, "…" + t["action"][-80:]))
            if len(t["action"]) == 400:
                c["action_400"] += 1
    return counts, samples


COLUMNS = ["documents", "tasks", "uncovered", "verb_unit", "verb_unit_raw", "early_due", "cut_action", "action_400"]


def show(counts: dict, before: dict | None) -> None:
    kinds = sorted({k for c in counts.values() for k in c if k.startswith("kind:")})
    cols = COLUMNS + kinds
    total = Counter()
    for c in counts.values():
        total.update(c)
    print("type".ljust(6) + "".join(col.replace("kind:", "").rjust(15) for col in cols))
    for kind in sorted(counts, key=lambda k: -counts[k]["documents"]) + ["all"]:
        c = total if kind == "all" else counts[kind]
        old = None
        if before is not None:
            old = Counter()
            if kind == "all":
                for v in before.values():
                    old.update(v)
            else:
                old = Counter(before.get(kind, {}))
        cells = []
        for col in cols:
            cell = str(c[col])
            if old is not None and old[col] != c[col]:
                cell = f"{old[col]}→{c[col]}"
            cells.append(cell.rjust(15))
        print(kind.ljust(6) + "".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=8)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="figures of an earlier run (--json) to print beside")
    parser.add_argument("--tasks", type=Path, help="write every file's tasks and uncovered cues here (JSON)")
    parser.add_argument("--changes", type=Path, help="an earlier run's --tasks file: print a sample of what changed, outside the dev set")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"task_coverage.py: {args.corpus} not found")
    texts = read_corpus(args.corpus)
    records: dict = {}
    counts, samples = measure(texts, records)
    before = json.loads(args.compare.read_text()) if args.compare else None
    print(f"{len(texts)} files of {args.corpus} with a text (PDFs by their text layer)\n")
    show(counts, before)
    rng = random.Random(21)
    for what, found in samples.items():
        print(f"\n{what}: {len(found)}, a sample")
        for name, kind, line in rng.sample(found, min(args.sample, len(found))):
            print(f"  [{kind}] {name}: {line}")
    if args.changes:
        show_changes(json.loads(args.changes.read_text()), records, dev_files(args.corpus), max(args.sample, 10))
    if args.tasks:
        args.tasks.write_text(json.dumps(records, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({k: dict(v) for k, v in counts.items()}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
