"""The open data API: read-only JSON under /api/v1, its OpenAPI document, bulk downloads."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Mount the API (issue 15: being built)."""
