"""SQLite schema, storage and linking."""
