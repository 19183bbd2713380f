"""Word 97-2003 (.doc): the text of the binary format, read from its piece table.

A .doc file is an OLE container. Its ``WordDocument`` stream holds the text in pieces, each
either 8-bit (Windows-1252) or UTF-16; the piece table (the CLX in the ``0Table`` or ``1Table``
stream) says where each piece lies. Reading every piece in order gives all of the text: body,
tables and footnotes. (antiword, tried on this corpus, silently drops whole sections of some
files; ``bench/doc_readers.py`` compares the two.) Table cells end with character 7, which
becomes a ``|`` line as in the other readers; field codes are dropped and their results kept.
"""
from __future__ import annotations

import io
import struct

_FIB_MAGIC = 0xA5EC


class DocFormatError(Exception):
    """Not a Word 97 file we can read, with the reason."""


def read_doc(data: bytes) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, ValueError ... for a broken container
        raise DocFormatError(f"not a readable OLE file, the container of Word 97 documents ({exc})") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise DocFormatError("an OLE file without a WordDocument stream (not a Word document)")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x1AA or struct.unpack_from("<H", word, 0)[0] != _FIB_MAGIC:
            raise DocFormatError("not a Word 97-2003 document (an older Word version?)")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise DocFormatError("the document is encrypted (password protected)")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise DocFormatError(f"the {table_name} stream is missing")
        table = ole.openstream(table_name).read()
    ccp_text, ccp_footnotes = struct.unpack_from("<ii", word, 0x004C)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    if fc_clx + lcb_clx > len(table) or lcb_clx == 0:
        raise DocFormatError("the piece table is missing or damaged")
    text = _pieces(word, table[fc_clx : fc_clx + lcb_clx])
    return _clean(text[: max(0, ccp_text) + max(0, ccp_footnotes)])


def _pieces(word: bytes, clx: bytes) -> str:
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: formatting, skipped
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocFormatError("the piece table is damaged")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + lcb]
    count = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    parts = []
    for i in range(count):
        _, fc, _ = struct.unpack_from("<HIH", plc, 4 * (count + 1) + 8 * i)
        length = cps[i + 1] - cps[i]
        if fc & 0x40000000:
            start = (fc & ~0x40000000) // 2
            parts.append(word[start : start + length].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc : fc + 2 * length].decode("utf-16-le", errors="replace"))
    return "".join(parts)


_CONTROL = {
    "\r": "\n",
    "\x0b": "\n",  # line break
    "\x0c": "\n",  # page or section break
    "\x07": "\n|\n",  # end of a table cell (and of a row)
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\xa0": " ",
    "\x01": "",  # picture
    "\x08": "",  # drawn object
    "\x02": "",  # footnote mark
    "\x05": "",  # annotation mark
}


def _clean(text: str) -> str:
    """Special characters to text; field codes ("HYPERLINK ...", "PAGE") out, their results kept."""
    out = []
    depth = 0
    showing = [True]
    for ch in text:
        if ch == "\x13":  # field begins: its code follows
            depth += 1
            showing.append(False)
            continue
        if ch == "\x14":  # separator: the result follows
            if depth:
                showing[-1] = True
            continue
        if ch == "\x15":
            if depth:
                depth -= 1
                showing.pop()
            continue
        if not all(showing):
            continue
        out.append(_CONTROL.get(ch, ch))
    return "".join(out)
