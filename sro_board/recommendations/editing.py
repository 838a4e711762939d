"""Between the edit form and the tracked values: prefill a form, read proposed values back."""

from datetime import date
from typing import Any

import sqlalchemy as sa

from ..auth.models import User, UserRole
from ..auth.permissions import WORKING_GROUP
from ..core.extensions import db
from ..core.forms import choices
from .fields import snapshot
from .forms import BLANK_ROWS, EditRecommendationForm, RecommendationFields
from .models import Recommendation


def lead_user_choices() -> list[tuple[str, str]]:
    """Active working-group staff, and anyone already named as a lead, with 'nobody' first.

    A lead who left keeps their place in the list, so saving another change does not
    silently drop them (the browser would send the first choice, 'nobody').
    """
    in_working_group = sa.and_(
        User.active,
        User.id.in_(sa.select(UserRole.user_id).where(UserRole.role.in_(WORKING_GROUP))),
    )
    named = User.id.in_(sa.select(Recommendation.lead_user_id))
    users = db.session.scalars(
        sa.select(User).where(sa.or_(in_working_group, named)).order_by(User.name)
    ).all()
    return choices(
        [("", "Nobody named")]
        + [(u.email, f"{u.name} ({u.email}){'' if u.active else ', deactivated'}") for u in users]
    )


def prepare(form: RecommendationFields) -> RecommendationFields:
    """Fill dynamic choices."""
    form.lead_user.choices = lead_user_choices()
    return form


def edit_form_for(
    rec: Recommendation, values: dict[str, Any] | None = None, notes: dict[str, str] | None = None
) -> EditRecommendationForm:
    """An edit form at the current version, filled with the current values or the given ones."""
    v = values if values is not None else snapshot(rec)
    data = {
        "title": v["title"],
        "description": v["description"],
        "theme": v["theme"],
        "reports": list(v["reports"]),
        "lead_unit": v["lead_unit"],
        "lead_user": v["lead_user"] or "",
        "target_date": date.fromisoformat(v["target_date"]),
        "feasibility": v["feasibility"],
        "feasibility_rationale": v["feasibility_rationale"],
        "status": v["status"],
        "progress": v["progress"],
        "progress_from_milestones": v["progress_from_milestones"],
        "milestones": [m | {"due_date": date.fromisoformat(m["due_date"])} for m in v["milestones"]]
        + [{}] * BLANK_ROWS,
        "evidence": list(v["evidence"]) + [{}] * BLANK_ROWS,
        "version": str(rec.version),
    } | (notes or {})
    return prepare(EditRecommendationForm(formdata=None, data=data))


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
