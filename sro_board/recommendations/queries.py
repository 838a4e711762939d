"""Read-side queries: filtered lists, summaries for the home page, timelines."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask_wtf import FlaskForm
from sqlalchemy.orm import selectinload
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from ..auth.models import User
from ..auth.permissions import APPROVERS
from ..core.clock import today_local
from ..core.extensions import db
from ..core.forms import choices
from .enums import Feasibility, ImplementationStatus, ScheduleState, Theme, UpdateState
from .forms import feasibility_choices, report_choices, status_choices, theme_choices
from .labels import label
from .models import Recommendation, RecommendationReport, Update
from .schedule import TARGET_MOVES, schedule_filter, target_move_filter

ANY = choices([("", "Any")])
SORTS = {
    "code": Recommendation.code,
    "title": Recommendation.title,
    "target_date": Recommendation.target_date,
    "progress": Recommendation.progress.desc(),
    "status": Recommendation.status,
    "updated": Recommendation.last_public_update_at.desc(),
}
SORT_LABELS = {
    "code": "Code",
    "title": "Title",
    "target_date": "Target date",
    "progress": "Progress (highest first)",
    "status": "Status",
    "updated": "Last updated (newest first)",
}


class FilterForm(FlaskForm):
    """List filters, sent by GET."""

    class Meta:
        csrf = False

    q = SearchField("Search", validators=[Optional(), Length(max=100)])
    # default="": a filter left out of the query string means "Any", not an invalid choice.
    theme = SelectField("Theme", choices=lambda: ANY + theme_choices(), default="")
    status = SelectField("Status", choices=lambda: ANY + status_choices(), default="")
    feasibility = SelectField(
        "Feasibility", choices=lambda: ANY + feasibility_choices(), default=""
    )
    report = SelectField("Source report", choices=lambda: ANY + report_choices(), default="")
    schedule = SelectField(
        "Schedule",
        choices=lambda: ANY + choices((s.value, label("schedule", s)) for s in ScheduleState),
        default="",
    )
    target = SelectField(
        "Target date", choices=lambda: ANY + choices(TARGET_MOVES.items()), default=""
    )
    sort = SelectField("Sort by", choices=choices(SORT_LABELS.items()), default="code")


def filter_recommendations(form: FilterForm) -> sa.Select:
    """A select of recommendations matching the valid filters of a submitted form."""
    query = sa.select(Recommendation).options(selectinload(Recommendation.report_rows))
    data = {name: field.data for name, field in form._fields.items() if not field.errors}
    if data.get("q"):
        words = data["q"].strip()  # autoescape: % and _ are searched for, not wildcards
        query = query.where(
            sa.or_(
                Recommendation.code.icontains(words, autoescape=True),
                Recommendation.title.icontains(words, autoescape=True),
                Recommendation.description.icontains(words, autoescape=True),
            )
        )
    if data.get("theme"):
        query = query.where(Recommendation.theme == Theme(data["theme"]))
    if data.get("status"):
        query = query.where(Recommendation.status == ImplementationStatus(data["status"]))
    if data.get("feasibility"):
        query = query.where(Recommendation.feasibility == Feasibility(data["feasibility"]))
    if data.get("report"):
        query = query.where(
            Recommendation.id.in_(
                sa.select(RecommendationReport.recommendation_id).where(
                    RecommendationReport.report == data["report"]
                )
            )
        )
    if data.get("schedule"):
        query = query.where(schedule_filter(ScheduleState(data["schedule"]), today_local()))
    if data.get("target"):
        query = query.where(target_move_filter(data["target"]))
    order = SORTS.get(data.get("sort") or "code", Recommendation.code)
    return query.order_by(order, Recommendation.code)


@dataclass
class Summary:
    """Counts and averages for the progress picture."""

    total: int
    by_status: list[tuple[ImplementationStatus, int]]
    by_feasibility: list[tuple[Feasibility, int]]
    by_theme: list[tuple[Theme, int, int]]  # theme, count, average progress


def summary() -> Summary:
    """Overall progress: counts by status and feasibility, average progress by theme."""
    status_counts = dict(
        db.session.execute(
            sa.select(Recommendation.status, sa.func.count()).group_by(Recommendation.status)
        ).all()
    )
    feasibility_counts = dict(
        db.session.execute(
            sa.select(Recommendation.feasibility, sa.func.count()).group_by(
                Recommendation.feasibility
            )
        ).all()
    )
    theme_rows = {
        theme: (count, round(avg or 0))
        for theme, count, avg in db.session.execute(
            sa.select(
                Recommendation.theme, sa.func.count(), sa.func.avg(Recommendation.progress)
            ).group_by(Recommendation.theme)
        )
    }
    return Summary(
        total=sum(status_counts.values()),
        by_status=[(s, status_counts.get(s, 0)) for s in ImplementationStatus],
        by_feasibility=[(f, feasibility_counts.get(f, 0)) for f in Feasibility],
        by_theme=[(t, *theme_rows.get(t, (0, 0))) for t in Theme],
    )


def latest_public_updates(limit: int = 6) -> list[Update]:
    """The most recent approved updates that carry a public note."""
    return list(
        db.session.scalars(
            sa.select(Update)
            .join(Update.recommendation)
            .options(sa.orm.contains_eager(Update.recommendation))
            .where(Update.state == UpdateState.APPROVED, Update.public_note != "")
            .order_by(Update.decided_at.desc(), Update.id.desc())
            .limit(limit)
        )
    )


def pending_updates_for(user: User) -> sa.Select:
    """Updates awaiting approval, oldest first: all of them for an approver, else one's own."""
    query = (
        sa.select(Update)
        .join(Update.recommendation)
        .options(sa.orm.contains_eager(Update.recommendation))
        .where(Update.state == UpdateState.PENDING)
        .order_by(Update.created_at, Update.id)
    )
    if not user.has_role(*APPROVERS):
        query = query.where(Update.author_id == user.id)
    return query


def public_timeline(rec: Recommendation) -> list[Update]:
    """Approved updates of one recommendation, newest first."""
    return list(
        db.session.scalars(
            sa.select(Update)
            .where(Update.recommendation_id == rec.id, Update.state == UpdateState.APPROVED)
            .order_by(Update.decided_at.desc(), Update.id.desc())
        )
    )


def status_reason(rec: Recommendation, timeline: list[Update]) -> str | None:
    """The public reason for a status that needs one: the note of the update that set it."""
    if not rec.status.needs_public_rationale:
        return None
    setting = (u for u in timeline if u.changes.get("status", {}).get("new") == rec.status)
    return next((u.public_note for u in setting), None)


def find_by_code(code: str) -> Recommendation:
    """The recommendation with this code, or 404."""
    return db.first_or_404(sa.select(Recommendation).where(Recommendation.code == code))
