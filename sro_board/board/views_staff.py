"""Board administration pages: selection, members, roster."""

from flask import render_template

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.clock import today_local
from ..core.extensions import db
from . import views_applications  # noqa: F401 - routes
from .blueprint import bp
from .enums import Category
from .labels import stage_label
from .members import ENDING_SOON_DAYS, all_members, ending_soon, public_roster
from .models import Intake
from .selection import ANSWER_COLUMNS, SELF_ID_QUESTIONS, build_selection
from .stages import Stage


@bp.get("/staff/board/intakes/<int:intake_id>/selection")
@permission_required(Action.VIEW_BOARD)
def selection(intake_id: int):
    """Seats filled, ranked candidates per category, aggregate self-identification."""
    intake = db.get_or_404(Intake, intake_id)
    return render_template(
        "board/staff/selection.html",
        view=build_selection(intake),
        questions=SELF_ID_QUESTIONS,
        answer_columns=ANSWER_COLUMNS,
        stage_label=stage_label,
        stages=list(Stage),
    )


@bp.get("/staff/board/members")
@permission_required(Action.VIEW_BOARD)
def members():
    """Board members and their terms; terms ending within 60 days first."""
    today = today_local()
    everyone = all_members()
    return render_template(
        "board/staff/members.html",
        members=everyone,
        ending=ending_soon(everyone, today),
        days=ENDING_SOON_DAYS,
        today=today,
    )


@bp.get("/advisory-board/members")
def roster():
    """The public roster: current members who agreed to be listed, by category."""
    return render_template("board/roster.html", roster=public_roster(), categories=list(Category))
