"""Tasks, `/-/tasks`: every task, overdue first, filtered by unit, document, month or the decision they derive from."""
from __future__ import annotations

ROUTES: list = []
