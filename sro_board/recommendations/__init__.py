"""The recommendation tracker: public pages and the working group's pages."""

from flask import Flask
from huey import crontab

from ..core import generation
from ..mail.queue import EXTENSION as QUEUE
from .blueprint import bp
from .cli import recommendations_cli
from .enums import SourceReport, Theme
from .imports import TASK, purge_task, run_import
from .labels import label
from .models import (
    Evidence,
    Milestone,
    Recommendation,
    RecommendationReport,
    StatusDefinition,
    Update,
)
from .schedule import target_shift
from .views import imports as import_views  # noqa: F401 - routes
from .views import public, staff, updates  # noqa: F401 - routes

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the tracker; templates get its labels; add `flask recommendations`."""
    app.register_blueprint(bp)
    # Every table the public pages read: a change to any of them is a public change.
    generation.watch(Recommendation, RecommendationReport, Milestone, Evidence, Update)
    generation.watch(StatusDefinition)
    app.jinja_env.filters["report_label"] = lambda v: SourceReport(v).label
    app.jinja_env.filters["target_shift"] = lambda rec: target_shift(
        rec.baseline_target_date, rec.target_date
    )
    app.jinja_env.globals.update(label=label, theme_label=lambda v: Theme(v).label)
    app.cli.add_command(recommendations_cli)
    queue = app.extensions[QUEUE]
    queue.add_task(TASK, run_import)  # a CSV import confirmed in the browser
    queue.add_periodic("recommendations.purge_imports", crontab(minute="17"), purge_task)
