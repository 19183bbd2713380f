#!/usr/bin/env python3
"""Rebuild ``../ext/tai_lieu_noi_bo``: documents the project's corpus does not hold, for
measuring the task reader on documents it has never seen (``bench/unseen6``, ``bench/unseen7``)
and for reading rules against a second corpus (the pool).

They come from the public dataset the corpus's ``tvpl-markdown/`` was taken from
(github: tnt305/tai_lieu_noi_bo, ``src/etl/dataset``, commit 94c5034): pages of the same
legal-document website, kế hoạch, chỉ thị, công điện, thông báo, công văn and a sample of
quyết định and nghị quyết whose symbol no corpus file has, by the symbol and title word of their
first lines. Most of them turned out to be the site's articles *about* such a document (a
question, a few lines quoted, a lawyer's answer), not its text: the dataset's own directives
are nearly all in the corpus already (``bench/unseen6/README.md``). ``bench/external_pool.txt`` lists
them; this script only copies them out of a clone, so the sets are the same on every machine.

    git clone https://github.com/tnt305/tai_lieu_noi_bo /tmp/tai_lieu_noi_bo
    python bench/external_pool.py /tmp/tai_lieu_noi_bo [--out ../ext/tai_lieu_noi_bo]
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "external_pool.txt"
OUT = HERE.parents[1] / "ext" / "tai_lieu_noi_bo"


def entries() -> list[tuple[str, str]]:
    """(folder, file name) of every listed document; the source's name is the name's hash."""
    rows = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            folder, name = line.split(maxsplit=1)
            rows.append((folder, name))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clone", type=Path, help="a clone of tnt305/tai_lieu_noi_bo")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = args.clone / "src" / "etl" / "dataset"
    missing = 0
    for folder, name in entries():
        origin = source / name.rsplit("__", 1)[-1]
        if not origin.is_file():
            print(f"{origin}: not in the clone", file=sys.stderr)
            missing += 1
            continue
        target = args.out / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, target)
    print(f"{len(entries()) - missing} documents copied to {args.out}, {missing} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
