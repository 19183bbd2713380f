"""Missing documents, `/-/missing` (and `.csv`): cited but not ingested, by how many cite them."""
from __future__ import annotations

ROUTES: list = []
