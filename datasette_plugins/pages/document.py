"""The document page, `/-/document/<id>` and `.json`: fields, sources, the chain as a picture, tasks, highlighted text."""
from __future__ import annotations

ROUTES: list = []
