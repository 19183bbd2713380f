"""Datasette plugin."""
