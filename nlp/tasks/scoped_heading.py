"""A heading of responsibilities with the field they lie in: "II. Trách nhiệm của các sở, ban,
ngành, đoàn thể trong tổ chức triển khai thực hiện Luật Thuế thu nhập cá nhân:", "4. Trách
nhiệm của các Sở, Ban ngành cấp tỉnh và Ủy ban nhân dân cấp huyện trong việc ...:".

Nghị định 30/2020/NĐ-CP's layout sets such a heading over items that name their units one by
one ("1. Cục Thuế tỉnh:", "a) Sở Tài chính triển khai ..."): the heading says whose duties follow
and in what field, it gives none of its own. The field ("trong ...", "đối với ...") is no part of
the group's name and no duty: the heading is read as a heading alone, its unit doing only the
items under it that name no unit of their own (``from_items._with_items_under``).
"""
from __future__ import annotations

import re

from ..items import Item, own_end
from .units import units_at

# the field at the heading's end, up to its colon
_FIELD = re.compile(r"\s(?:trong|đối\s+với)\s[^.;:]{3,200}:[\s*]*$")


def heading_field(flat: str, at: int, end: int) -> tuple[list[str], int] | None:
    """The units named from ``at`` (past "Trách nhiệm của") and where the field after them
    starts, when the text up to ``end`` is "<units> trong/đối với <field>:"; else None."""
    field = _FIELD.search(flat, at, end)
    if not field:
        return None
    units, after = units_at(flat, at, field.start(), tag=False)
    if not units or flat[after : field.start()].strip(" ,*"):
        return None  # the words before the field are not all names
    return units, field.start()


def scoped_heading(flat: str, item: Item, at: int) -> tuple[list[str], int] | None:
    """The units of a "Trách nhiệm của <units> trong <field>:" heading (``at``: past "Trách
    nhiệm của") with items under it, and where the heading's text ends; None for another form."""
    if not item.children:
        return None
    found = heading_field(flat, at, own_end(item))
    return (found[0], own_end(item)) if found else None
