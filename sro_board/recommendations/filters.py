"""The list filters: the form (sent by GET) and the select of recommendations it asks for."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.orm import selectinload
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from ..core.clock import today_local
from ..core.forms import choices
from .enums import Feasibility, ImplementationStatus, ScheduleState, Theme
from .forms import feasibility_choices, report_choices, status_choices, theme_choices
from .labels import label
from .models import Recommendation, RecommendationReport
from .schedule import TARGET_MOVES, schedule_filter, target_move_filter

ANY = choices([("", _l("Any"))])
SORTS = {
    "code": Recommendation.code,
    "title": Recommendation.title,
    "target_date": Recommendation.target_date,
    "progress": Recommendation.progress.desc(),
    "status": Recommendation.status,
    "updated": Recommendation.last_public_update_at.desc(),
}
SORT_LABELS = {
    "code": _l("Code"),
    "title": _l("Title"),
    "target_date": _l("Target date"),
    "progress": _l("Progress (highest first)"),
    "status": _l("Status"),
    "updated": _l("Last updated (newest first)"),
}


class FilterForm(FlaskForm):
    """List filters, sent by GET."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    # default="": a filter left out of the query string means "Any", not an invalid choice.
    theme = SelectField(_l("Theme"), choices=lambda: ANY + theme_choices(), default="")
    status = SelectField(_l("Status"), choices=lambda: ANY + status_choices(), default="")
    feasibility = SelectField(
        _l("Feasibility"), choices=lambda: ANY + feasibility_choices(), default=""
    )
    report = SelectField(_l("Source report"), choices=lambda: ANY + report_choices(), default="")
    schedule = SelectField(
        _l("Schedule"),
        choices=lambda: ANY + choices((s.value, label("schedule", s)) for s in ScheduleState),
        default="",
    )
    target = SelectField(
        _l("Target date"), choices=lambda: ANY + choices(TARGET_MOVES.items()), default=""
    )
    sort = SelectField(_l("Sort by"), choices=choices(SORT_LABELS.items()), default="code")


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
                Recommendation.title_fr.icontains(words, autoescape=True),
                Recommendation.description.icontains(words, autoescape=True),
                Recommendation.description_fr.icontains(words, autoescape=True),
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
