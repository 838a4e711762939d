"""Progress over time: recommendations by status month by month, beside the baseline plan.

history.py computes it (plain data, for the page and an API); chart.py places the SVG's bars
and lines; the page /progress shows the chart and its table, the home page a small chart
through the "home" slot of core/sections.py.
"""

import flask_babel
from flask import Flask

from ..core.sections import add_section
from .chart import INK, STYLE
from .sections import home_section
from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the chart's page and its home-page section."""
    app.register_blueprint(bp)
    add_section(app, "home", "progress/_home.html", home_section)
    app.jinja_env.filters["month_short"] = lambda d: flask_babel.format_date(d, "MMM y")
    app.jinja_env.filters["month_long"] = lambda d: flask_babel.format_date(d, "MMMM y")
    app.jinja_env.globals["progress_styles"] = STYLE
    app.jinja_env.globals["progress_ink"] = INK
