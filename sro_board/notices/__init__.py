"""Staff notifications by email (drafts waiting, reviewer assigned, terms ending, failed email)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Mount the notifications and their settings (issue 15: being built)."""
