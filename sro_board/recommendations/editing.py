"""Between the edit form and the tracked values: prefill a form, read proposed values back."""

from typing import Any

import sqlalchemy as sa

from ..auth.models import User, UserRole
from ..auth.roles import WORKING_GROUP
from ..extensions import db
from ..formutil import choices
from .forms import BLANK_ROWS, EditRecommendationForm, RecommendationFields
from .models import Recommendation


def lead_user_choices() -> list[tuple[str, str]]:
    """Active working-group staff as (email, name) choices, with 'nobody' first."""
    users = db.session.scalars(
        sa.select(User)
        .where(
            User.active,
            User.id.in_(sa.select(UserRole.user_id).where(UserRole.role.in_(WORKING_GROUP))),
        )
        .order_by(User.name)
    ).all()
    return choices([("", "Nobody named")] + [(u.email, f"{u.name} ({u.email})") for u in users])


def prepare(form: RecommendationFields) -> RecommendationFields:
    """Fill dynamic choices."""
    form.lead_user.choices = lead_user_choices()
    return form


def edit_form_for(rec: Recommendation) -> EditRecommendationForm:
    """An edit form filled with the recommendation's current values (on GET)."""
    data = {
        "title": rec.title,
        "description": rec.description,
        "theme": rec.theme.value,
        "reports": [r.value for r in rec.reports],
        "lead_unit": rec.lead_unit,
        "lead_user": rec.lead_user.email if rec.lead_user else "",
        "target_date": rec.target_date,
        "feasibility": rec.feasibility.value,
        "feasibility_rationale": rec.feasibility_rationale,
        "status": rec.status.value,
        "progress": rec.progress,
        "progress_from_milestones": rec.progress_from_milestones,
        "milestones": [
            {"title": m.title, "due_date": m.due_date, "done": m.done} for m in rec.milestones
        ]
        + [{}] * BLANK_ROWS,
        "evidence": [{"title": e.title, "url": e.url} for e in rec.evidence] + [{}] * BLANK_ROWS,
        "version": str(rec.version),
    }
    return prepare(EditRecommendationForm(data=data))


def proposed_values(form: EditRecommendationForm) -> dict[str, Any]:
    """The tracked values the submitted form asks for, in snapshot form."""
    return {
        "title": form.title.data.strip(),
        "description": form.description.data.strip(),
        "theme": form.theme.data,
        "reports": sorted(form.reports.data),
        "lead_unit": form.lead_unit.data.strip(),
        "lead_user": form.lead_user.data or None,
        "target_date": form.target_date.data.isoformat(),
        "feasibility": form.feasibility.data,
        "feasibility_rationale": form.feasibility_rationale.data.strip(),
        "status": form.status.data,
        "progress": form.progress.data,
        "progress_from_milestones": form.progress_from_milestones.data,
        "milestones": sorted(
            (
                {
                    "title": row.title.data.strip(),
                    "due_date": row.due_date.data.isoformat(),
                    "done": row.done.data,
                }
                for row in form.milestones
                if row.title.data and row.title.data.strip() and not row.remove.data
            ),
            key=lambda m: m["due_date"],
        ),
        "evidence": [
            {"title": row.title.data.strip(), "url": row.url.data.strip()}
            for row in form.evidence
            if row.url.data and not row.remove.data
        ],
    }
