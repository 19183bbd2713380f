#!/usr/bin/env python3
"""Rebuild ``../ext/new8`` (or ``../ext/new9`` to ``new14``): real directives the project's
corpus does not hold, for measuring the task reader on documents it has never seen (``bench/unseen8``
to ``bench/unseen14``).

The corpus and the public dataset its ``tvpl-markdown/`` came from hold no unread kế hoạch,
chỉ thị or thông báo any more (``bench/unseen6/README.md``). These fifteen are issued
documents (most of them scans) that public GitHub repositories of OCR and document-management
projects keep as sample files. ``bench/external_sample.txt`` names each one's repository, commit,
path and git blob id; this script copies them out of clones of those repositories and checks
every copy's blob id, so the set is byte for byte the same on every machine.

    git clone https://github.com/nrl-ai/nom-vn /tmp/src/nom-vn      # and the others listed
    python bench/external_sample.py /tmp/src [--out ../ext/new8]
    python bench/external_sample.py /tmp/src --set 9       # bench/external_sample9.txt into ../ext/new9
    python bench/external_sample.py /tmp/src --set 10      # bench/external_sample10.txt into ../ext/new10
    python bench/external_sample.py /tmp/src --set 11      # bench/external_sample11.txt into ../ext/new11
    python bench/external_sample.py /tmp/src --set 12      # bench/external_sample12.txt into ../ext/new12
    python bench/external_sample.py /tmp/src --set 13      # bench/external_sample13.txt into ../ext/new13
    python bench/external_sample.py /tmp/src --set 14      # bench/external_sample14.txt into ../ext/new14

A clone folder is named after the repository (``nom-vn``) or ``owner+name``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "external_sample.txt"
OUT = HERE.parents[1] / "ext" / "new8"


def entries(manifest: Path = MANIFEST) -> list[tuple[str, str, str, str, str]]:
    """(file name, repository, commit, path, blob id) of every listed document."""
    rows = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, repo, commit, path, blob = line.split("\t")
            rows.append((name, repo, commit, path, blob))
    return rows


def clone_of(sources: Path, repo: str) -> Path | None:
    for candidate in (sources / repo.split("/")[1], sources / repo.replace("/", "+")):
        if (candidate / ".git").exists() or (candidate / "HEAD").exists():
            return candidate
    return None


def copy(clone: Path, commit: str, path: str, blob: str, target: Path) -> str | None:
    """Copy one file out of ``clone`` at ``commit``; the reason it could not be, or None."""
    found = subprocess.run(["git", "-C", str(clone), "rev-parse", f"{commit}:{path}"], capture_output=True, text=True)
    if found.returncode != 0:
        return f"{path} is not in {clone.name} at {commit[:10]}"
    if found.stdout.strip() != blob:
        return f"{path} has blob {found.stdout.strip()[:10]}, not {blob[:10]}"
    data = subprocess.run(["git", "-C", str(clone), "cat-file", "blob", blob], capture_output=True, check=True).stdout
    target.write_bytes(data)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=Path, help="folder holding a clone of each listed repository")
    parser.add_argument("--set", choices=("8", "9", "10", "11", "12", "13", "14"), default="8",
                        help="which set: 8 (default), 9, 10, 11, 12, 13 or 14")
    parser.add_argument("--out", type=Path, help="default ../ext/new8, or ../ext/newN for --set N")
    args = parser.parse_args()
    manifest = MANIFEST if args.set == "8" else HERE / f"external_sample{args.set}.txt"
    args.out = args.out or OUT.with_name(f"new{args.set}")
    args.out.mkdir(parents=True, exist_ok=True)
    problems = 0
    rows = entries(manifest)
    for name, repo, commit, path, blob in rows:
        clone = clone_of(args.sources, repo)
        reason = f"no clone of {repo} under {args.sources}" if clone is None else copy(clone, commit, path, blob, args.out / name)
        if reason:
            print(f"{name}: {reason}", file=sys.stderr)
            problems += 1
    print(f"{len(rows) - problems} of {len(rows)} documents in {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
