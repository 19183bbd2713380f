#!/usr/bin/env python3
"""Tasks F1 on a few corpus documents no rule was written from (``bench/unseen/``, see its
README): how the task reader does on documents it has never seen, scored as the dev set is.

    python bench/unseen_tasks.py [--gold bench/unseen2] [--errors] [--command ".venv/bin/directives extract"]

The scoring is ``../shared/eval/score.py``'s own (imported from there, not copied): tasks match
one-to-one on assignee (token F1 at least 0.6), deadlines are compared on the matched pairs,
tasks of kind ``obligation`` are left out. Only the task fields are annotated in these records,
so only tasks are scored. ``unseen6`` and ``unseen7`` read documents outside the corpus, in
``../ext/tai_lieu_noi_bo`` (``bench/external_pool.py`` makes it), ``unseen8`` to ``unseen14``
in ``../ext/new8`` to ``new14`` (``bench/external_sample.py``); a set whose documents are absent
is left out with a line saying so. Sets are scored one by one, then together.

The scans are read by OCR on every run (fifteen minutes for all sets) unless
``DIRECTIVES_OCR_CACHE=FOLDER`` keeps Tesseract's readings between runs (``ingest/ocr_cache.py``).
"""
from __future__ import annotations

import argparse
import importlib.util
import shlex
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDS = [HERE / name for name in ("unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14")]
SCORE = HERE.parents[1] / "shared" / "eval" / "score.py"


def load_score():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append",
                        help="a folder of gold records (again for several; default bench/unseen to unseen14)")
    parser.add_argument("--errors", action="store_true", help="print every missed and extra task")
    parser.add_argument("--command", default=str(HERE.parent / ".venv" / "bin" / "directives") + " extract")
    args = parser.parse_args()
    score = load_score()
    golds, sets = [], []
    for folder in args.gold or GOLDS:
        if not any(folder.glob("*.json")):
            continue
        records = score.load_gold(folder)
        absent = [g["file"] for g in records if not Path(g["_path"]).is_file()]
        if absent:
            print(f"{folder.name}: left out, {len(absent)} of its documents are absent ({absent[0]})")
            continue
        sets.append((folder.name, len(golds), len(golds) + len(records)))
        golds.extend(records)
    # scans are read by OCR on every run, unless DIRECTIVES_OCR_CACHE keeps the readings
    preds = score.run_command(shlex.split(args.command), [g["_path"] for g in golds], timeout=7200)
    for gold, pred in zip(golds, preds):
        one = score.score([gold], [pred])["tasks"]
        print(f"{gold['file'].rsplit('/', 1)[-1][:48]:50} tp {one.tp:3} fp {one.fp:3} fn {one.fn:3}  f1 {one.f1():.3f}")
    if len(sets) > 1:
        for name, lo, hi in sets:
            print(f"{name:10} " + line(score.score(golds[lo:hi], preds[lo:hi])["tasks"]))
    print(line(score.score(golds, preds, show_errors=args.errors)["tasks"]))


def line(tally) -> str:
    agree, total = tally.sides.get("deadline", [0, 0])
    return f"tasks tp {tally.tp} fp {tally.fp} fn {tally.fn}  f1 {tally.f1():.3f}  deadline {agree}/{total}"

if __name__ == "__main__":
    main()
