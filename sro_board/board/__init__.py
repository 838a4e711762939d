"""The advisory board: one sub-package per piece of work, sharing models, stages and a blueprint.

applications/ (apply, status link, guardian consent), intakes/, review/, selection/
(decisions, ranking, members) and privacy/ (retention, right of access, deletion).
"""

from flask import Flask

from ..auth.account_checks import register_account_check
from ..auth.role_checks import register_role_check
from ..core import generation
from ..mail.about import register_finder
from .applications import views as applications_views
from .applications import views_links
from .blueprint import bp
from .cli import board_cli
from .emails import applications_of
from .intakes import views as intakes_views
from .models import BoardMember, Intake, IntakeSeat
from .privacy import views as privacy_views
from .review import views as review_views
from .review.access import role_refusal
from .selection import views as selection_views
from .selection import views_members
from .selection.membership import independence_refusal, membership_usable

__all__ = ["bp", "init_app"]

# Importing the views adds their routes to the one blueprint (endpoints stay "board.*").
ROUTES = (
    applications_views,
    views_links,
    intakes_views,
    review_views,
    selection_views,
    views_members,
    privacy_views,
)


def init_app(app: Flask) -> None:
    """Mount the board's pages; the outbox links emails to applications; `flask board`."""
    app.register_blueprint(bp)
    # The public pages read the intakes, their seats and the roster: their changes are public.
    generation.watch(Intake, IntakeSeat, BoardMember)
    register_finder(app, applications_of)
    register_role_check(app, role_refusal)
    # Board members: independent of the service; access ends with the term or a resignation.
    register_role_check(app, independence_refusal)
    register_account_check(app, membership_usable)
    app.cli.add_command(board_cli)
