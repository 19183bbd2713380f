"""Who may read what: documents marked Mật, Tối mật or Tuyệt mật (nlp/secrecy.py) show their
text, tasks, source files and what they say of other documents to signed-in users only."""
from __future__ import annotations

from ..nlp.secrecy import is_secret


def may_read(actor: dict | None, secrecy: str | None) -> bool:
    """Whether ``actor`` (Datasette's signed-in actor, or None) may read a document's text,
    tasks and source files."""
    return actor is not None or not is_secret(secrecy)
