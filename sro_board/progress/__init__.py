"""Progress over time: recommendations by status month by month, beside the baseline plan."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Mount the chart's page and its home-page section (issue 15: being built)."""
