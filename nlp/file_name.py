"""The number a file name gives a document, as a fallback for a number OCR cannot read.

Offices name a signed scan by its number and codes: "574 UB.signed_20250510_124908.pdf",
"47 QĐ UB.signed (1)_....pdf", "660TBUB.signed_....pdf". A stamped or handwritten number
is what OCR reads worst ("Số: 4+†‡ /QĐ-UBND"), while the codes printed after it come out
right. The file name's number is taken only when the codes beside it agree with the printed
ones and no other number in the name does.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from .normalize import fold

_TOKEN = re.compile(r"\d+|[a-z]+")
_NOT_CODES = {"signed", "pdf", "doc", "docx", "scan", "ban", "ky", "so"}  # folded words of a name that are no codes


def number_from_file_name(path: str, codes: str) -> str | None:
    """The number in ``path``'s name written before codes that agree with ``codes`` (the
    printed "QĐ-UBND"): "47 QĐ UB" agrees, its letters "qub" standing in order in "qdubnd"
    and starting alike. None when no number, or two different ones, agree."""
    printed = re.sub(r"[^a-z]", "", fold(codes))
    if len(printed) < 2:
        return None
    tokens = _TOKEN.findall(fold(PurePath(path).stem))
    found = set()
    for i, token in enumerate(tokens):
        if not token.isdigit() or not 1 <= len(token) <= 5:
            continue
        letters = ""
        for following in tokens[i + 1 :]:
            if following.isdigit() or following in _NOT_CODES:
                break
            letters += following  # "qd", then "qdub": the codes may be one word or several
            if len(letters) >= 2 and letters[0] == printed[0] and in_order(letters, printed):
                found.add(token)  # as written: "07" is printed "Số: 07/CT-UBND"
                break
    return found.pop() if len(found) == 1 else None


def in_order(letters: str, word: str) -> bool:
    """Every character of ``letters`` stands in ``word``, in the same order."""
    rest = iter(word)
    return all(ch in rest for ch in letters)
