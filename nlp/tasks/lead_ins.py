"""A phrase before an item's subject: the ground or the aim it acts on ("Trên cơ sở báo cáo của
các xã, phường, Sở Tài chính theo dõi ...", "Căn cứ Chỉ thị này, Thủ trưởng các sở ... xây dựng
kế hoạch ...", "Để bảo đảm an toàn, Công an tỉnh ..."). Nghị định 30/2020/NĐ-CP's layout puts the
unit first in a duty, but a chỉ thị or a kế hoạch often sets the ground before it, ended by a
comma; the item still names its unit, after that comma."""
from __future__ import annotations

import re

from ..tables import phrase_alternation
from .vocabulary import GRAMMAR

# the ground's object may be a list in lower case ("của các xã, phường, | Sở Tài chính ..."): its
# commas are not the one the subject follows (the list goes on in lower case, not with "các":
# "..., các sở, ngành" is a subject)
# (each name of the list a few words: "của các sở, ban, ngành, địa phương, chủ trì tổng hợp, trình
# ..., Ủy ban nhân dân xã" is a list, then the item's own verbs, then a coordinator)
_OF_A_LIST = r"[^,;:]{0,100}?\scủa\s[^,;:]{1,80}(?:,\s*(?!các\s)[a-zđà-ỹ][^,;:\s]*(?:\s[^,;:\s]+){0,2})+(?=,\s*[A-ZĐÀ-Ỹ])"
GROUND = re.compile(rf"[\s*]*(?:{phrase_alternation(GRAMMAR['lead_ins'])})(?:{_OF_A_LIST}|[^,;:]{{0,160}}),\s*")
