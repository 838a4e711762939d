"""Following by email, with no account: double opt-in, instant or weekly, one-click unsubscribe."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Mount following (issue 15: being built)."""
