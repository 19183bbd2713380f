"""Word 97 readers compared on the corpus: ours (the piece table) against antiword.

    python bench/doc_readers.py [--folder ../shared/corpus/vbpl-doc]

For every real Word 97 file of the folder (HTML saved as .doc is left out), it prints how
many words each reader returns and how many of one reader's words the other misses. A reader
that drops text shows up as words only the other one has. Also the time each takes.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from directives.ingest.doc import DocFormatError, read_doc  # noqa: E402
from directives.ingest.encoding import fix_legacy  # noqa: E402


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--folder", type=Path, default=here.parent / "shared" / "corpus" / "vbpl-doc")
    args = parser.parse_args()
    if shutil.which("antiword") is None:
        sys.exit("antiword is not installed (Debian: apt-get install antiword)")
    ours_total = antiword_total = only_ours = only_antiword = 0
    ours_time = antiword_time = 0.0
    worst = []
    files = 0
    for path in sorted(args.folder.glob("*.doc")):
        data = path.read_bytes()
        if not data.startswith(b"\xd0\xcf\x11\xe0"):
            continue  # HTML saved as .doc
        t0 = time.perf_counter()
        try:
            ours = read_doc(data)
        except DocFormatError as exc:
            print(f"{path.name}: ours failed: {exc}")
            continue
        legacy = fix_legacy(ours)
        ours = legacy[0] if legacy else ours
        t1 = time.perf_counter()
        done = subprocess.run(["antiword", "-m", "UTF-8.txt", str(path)], capture_output=True)
        t2 = time.perf_counter()
        theirs = done.stdout.decode("utf-8", "replace")
        legacy = fix_legacy(theirs)
        theirs = legacy[0] if legacy else theirs
        ours_time += t1 - t0
        antiword_time += t2 - t1
        a, b = words(ours), words(theirs)
        missing_in_antiword = sum((a - b).values())
        missing_in_ours = sum((b - a).values())
        ours_total += sum(a.values())
        antiword_total += sum(b.values())
        only_ours += missing_in_antiword
        only_antiword += missing_in_ours
        worst.append((missing_in_antiword, missing_in_ours, path.name, sum(a.values())))
        files += 1
    print(f"{files} Word 97 files")
    print(f"  ours:     {ours_total} words, {only_ours} that antiword does not have, {ours_time:.2f} s")
    print(f"  antiword: {antiword_total} words, {only_antiword} that ours does not have, {antiword_time:.2f} s")
    print("  files where antiword lacks the most words (antiword lacks / ours lacks / words):")
    for lacks, ours_lacks, name, total in sorted(worst, reverse=True)[:5]:
        print(f"    {name}: {lacks} / {ours_lacks} / {total}")


if __name__ == "__main__":
    main()
