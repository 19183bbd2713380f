"""Who may read what: documents marked Mật, Tối mật or Tuyệt mật (Nghị định 30/2020/NĐ-CP's
secrecy marks) show their text, tasks and source files to signed-in users only."""
from __future__ import annotations

SECRET_MARKS = ("Mật", "Tối mật", "Tuyệt mật")


def is_secret(secrecy: str | None) -> bool:
    return bool(secrecy) and secrecy.strip().casefold() in {m.casefold() for m in SECRET_MARKS}


def may_read(actor: dict | None, secrecy: str | None) -> bool:
    """Whether ``actor`` (Datasette's signed-in actor, or None) may read a document's text,
    tasks and source files."""
    return actor is not None or not is_secret(secrecy)
