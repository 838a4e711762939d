"""The advisory board at work: members' access, the board home and the board's own assessments.

Independent of the service: only board roles draft and approve (access.py). The approved
assessments are public, beside the service's report on each recommendation and on the home page,
through core/sections.py slots ("recommendation.public", "home").
"""

from flask import Flask

from ..core import generation
from ..core.sections import add_section
from .enums import RATING_LABELS, Rating
from .models import Assessment
from .sections import home_section, recommendation_section
from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the board's pages; add its sections to the public pages."""
    app.register_blueprint(bp)
    # Approved assessments are on public pages: any change to the table is a public change.
    generation.watch(Assessment)
    add_section(
        app, "recommendation.public", "oversight/_recommendation.html", recommendation_section
    )
    add_section(app, "home", "oversight/_home.html", home_section)
    app.jinja_env.globals["rating_label"] = lambda value: Rating(value).label
    app.jinja_env.globals.setdefault("RATING_LABELS", RATING_LABELS)
