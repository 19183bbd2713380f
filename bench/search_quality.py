"""Search as clerks use it, on the whole corpus: does the right document come in the first three?

    python bench/search_quality.py [--db corpus.db] [--runs 5] [-v]

Each query is written the way clerks type (no diacritics, abbreviations, a number with or
without its codes, a topic in a few words); each names the documents that must come first,
chosen by reading the corpus (its symbol, and where two provinces share a symbol a word of
the issuer). Prints each query's rank of its first right document, the share with one in the
first three (goal: all), and the median time of the HTML page ``/-/search?q=`` through
datasette.client (goal: under 150 ms). Without ``--db`` it uses bench/pages.py's database of
the whole shared corpus (made once).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOAL_MS = 150
# (query, [symbol, or (symbol, a word its issuer holds), or {"subject": its start, "type": ...}
# for a document printed without a number or one of a series, ...]): any of them in the first three
QUERIES: list[tuple[str, list]] = [
    # topics, without diacritics
    ("chuyen doi so", ["2597/QĐ-TTg", "597/KH-UBND", "617/KH-UBND"]),
    ("de an chuyen doi so ha tang xay dung", ["2597/QĐ-TTg"]),
    ("mua lu trung bo", ["217/CĐ-TTg", "96/CĐ-BXD", "226/CĐ-TTg"]),
    ("ho tro nhu yeu pham mua lu", ["0129/KH-UBND"]),
    ("khac phuc hau qua thien tai mien trung", ["380/NQ-CP"]),
    ("chien dich quang trung", ["234/CĐ-TTg"]),
    ("hang du tru quoc gia", ["226/CĐ-TTg"]),
    ("hoc phi ha noi", ["58/2025/NQ-HĐND"]),
    ("hoc phi vinh long", ["20/2025/NQ-HĐND"]),
    ("luat viec lam", ["172/KH-UBND"]),
    ("kinh te so xa hoi so bac ninh", ["144/KH-UBND"]),
    ("dai ly internet", [("100/2025/QĐ-UBND", "Phú Thọ")]),
    ("thu dien tu cong vu", [("79/2025/QĐ-UBND", "Bắc Ninh")]),
    ("phan anh kien nghi bac ninh", [("78/2025/QĐ-UBND", "Bắc Ninh")]),
    ("quy phat trien dat", ["104/2024/NĐ-CP"]),
    ("kiem ke dat dai ban do hien trang", ["08/2024/TT-BTNMT"]),
    ("ke khai tri gia hai quan", ["37413/CHQ-NVTHQ"]),
    ("xac dinh truoc ma so", ["2135/QĐ-TCHQ", {"subject": "Về kết quả xác định trước mã số"}]),
    ("chiet khau to chuc tin dung", ["81/2025/TT-NHNN"]),
    ("han ngach thue quan muoi trung gia cam", ["03/2026-BCT"]),
    ("dang kiem phuong tien thuy noi dia", ["38/2025/TT-BXD"]),
    ("luat thue thu nhap ca nhan", ["109/2025/QH15", "26/2012/QH13", {"type": "L", "subject": "Luật Thuế thu nhập cá nhân"}]),
    # abbreviations
    ("thue tncn tien luong tien cong", ["5680/CT-CS"]),
    ("tthc bao chi xuat ban ca mau", ["01763/QĐ-UBND"]),
    # a type word with a number, with or without year and codes
    ("nghi dinh 131/2025", ["131/2025/NĐ-CP"]),
    ("nd 131", ["131/2025/NĐ-CP"]),
    ("thong tu 131/2025", ["131/2025/TT-BCA"]),
    ("thong tu 84/2008", ["84/2008/TT-BTC"]),
    ("nghi dinh 100/2008", ["100/2008/NĐ-CP"]),
    ("quyet dinh 2597", ["2597/QĐ-TTg"]),
    ("cong dien 217", ["217/CĐ-TTg"]),
    ("cong van 5680", ["5680/CT-CS"]),
    ("ke hoach 172", ["172/KH-UBND"]),
    # a number with its codes, in any spelling, leading zeros or not
    ("1763/QĐ-UBND", ["01763/QĐ-UBND"]),
    ("124/kh-ubnd", ["0124/KH-UBND"]),
    ("2124/qd-ubnd", ["02124/QĐ-UBND"]),
    ("131/2025/nd-cp", ["131/2025/NĐ-CP"]),
    ("so 104/2024/ND-CP", ["104/2024/NĐ-CP"]),
]


def matches(row: dict, target) -> bool:
    if isinstance(target, dict):
        return (row.get("subject") or "").startswith(target["subject"]) and target.get("type", row["doc_type"]) == row["doc_type"]
    symbol, issuer = (target, None) if isinstance(target, str) else target
    return row["symbol"] == symbol and (issuer is None or issuer.lower() in (row.get("issuer") or "").lower())


async def rank_of(ds, query: str, targets: list) -> tuple[int | None, list[str]]:
    r = await ds.client.get("/-/search.json", params={"q": query})
    rows = r.json()["rows"]
    for i, row in enumerate(rows):
        if any(matches(row, t) for t in targets):
            return i + 1, [x["symbol"] or "" for x in rows[:3]]
    return None, [x["symbol"] or "" for x in rows[:3]]


async def page_ms(ds, query: str, runs: int) -> float:
    await ds.client.get("/-/search", params={"q": query})
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await ds.client.get("/-/search", params={"q": query})
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="a database of the whole corpus (default: bench/pages.py's, made once)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query, not only the misses")
    args = parser.parse_args()
    from datasette.app import Datasette

    from pages import corpus_db

    db = corpus_db(args.db)
    ds = Datasette([str(db)])

    async def run():
        hits, medians = 0, []
        print(f"{'query':45} {'rank':>5} {'ms':>7}  first three")
        for query, targets in QUERIES:
            rank, first = await rank_of(ds, query, targets)
            ms = await page_ms(ds, query, args.runs)
            medians.append(ms)
            hits += rank is not None and rank <= 3
            if args.verbose or rank is None or rank > 3:
                print(f"{query[:45]:45} {rank or '-':>5} {ms:7.1f}  {' | '.join(first)}")
        print(f"top 3: {hits}/{len(QUERIES)} = {hits / len(QUERIES):.2f} (goal: all); "
              f"page median {statistics.median(medians):.1f} ms, slowest {max(medians):.1f} ms (goal: under {GOAL_MS} ms)")

    asyncio.run(run())


if __name__ == "__main__":
    main()
