"""Search, `/-/search?q=`: ranked full-text search with snippets."""
from __future__ import annotations

ROUTES: list = []
