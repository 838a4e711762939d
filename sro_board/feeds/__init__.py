"""Atom feeds of public changes: updates, by recommendation and by theme; meetings."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Mount the feeds (issue 15: being built)."""
