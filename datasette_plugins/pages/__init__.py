"""The plugin's own pages, one module each; each module lists its ``ROUTES``
(Datasette ``register_routes`` pairs of path pattern and view)."""
from __future__ import annotations

from . import document, missing, search, tasks

ROUTES = [route for page in (document, missing, search, tasks) for route in page.ROUTES]
