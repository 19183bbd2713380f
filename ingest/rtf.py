"""Rich Text Format, which Word saves as ``.doc`` too (recognised by content, ``{\\rtf``).

The text is taken out with striprtf, table cells closed by ``|`` as the other readers do.
Bytes written as ``\\'xx`` (and raw 8-bit bytes) are in the code page the file declares
(``\\ansicpg1258`` ...); ``\\uN`` escapes are Unicode whatever the code page.
"""
from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_rtf(data: bytes) -> tuple[str, str]:
    """The text of an RTF file and the code page it declares ("cp1258")."""
    m = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    text = rtf_to_text(data.decode(encoding, errors="replace"), encoding=encoding, errors="replace")
    return text, encoding
