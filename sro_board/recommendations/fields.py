"""The tracked fields of a recommendation: reading them as plain values and writing them back."""

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..auth.models import User
from ..core.extensions import db
from .enums import Feasibility, ImplementationStatus, SourceReport, Theme
from .models import Evidence, Milestone, Recommendation, RecommendationReport

# Field name -> label shown on timelines, in the order they are shown.
FIELD_LABELS = {
    "title": _l("Title"),
    "title_fr": _l("Title (French)"),
    "description": _l("Description"),
    "description_fr": _l("Description (French)"),
    "theme": _l("Theme"),
    "reports": _l("Source reports"),
    "lead_unit": _l("Responsible lead"),
    "lead_user": _l("Lead staff member"),
    "target_date": _l("Target date"),
    "feasibility": _l("Feasibility"),
    "feasibility_rationale": _l("Feasibility rationale"),
    "status": _l("Implementation status"),
    "progress": _l("Progress"),
    "progress_from_milestones": _l("Progress from milestones"),
    "milestones": _l("Milestones"),
    "evidence": _l("Evidence"),
}
# Shown to working-group staff only, never on a public page or export.
STAFF_ONLY_FIELDS = frozenset({"lead_user"})
TRACKED_FIELDS = tuple(FIELD_LABELS)


def snapshot(rec: Recommendation) -> dict[str, Any]:
    """The tracked fields as JSON-ready values."""
    return {
        "title": rec.title,
        "title_fr": rec.title_fr,
        "description": rec.description,
        "description_fr": rec.description_fr,
        "theme": str(rec.theme),
        "reports": sorted(str(r) for r in rec.reports),
        "lead_unit": rec.lead_unit,
        "lead_user": rec.lead_user.email if rec.lead_user else None,
        "target_date": rec.target_date.isoformat(),
        "feasibility": str(rec.feasibility),
        "feasibility_rationale": rec.feasibility_rationale,
        "status": str(rec.status),
        "progress": rec.progress,
        "progress_from_milestones": rec.progress_from_milestones,
        "milestones": [
            {"title": m.title, "due_date": m.due_date.isoformat(), "done": m.done}
            | french(m.title_fr)
            for m in rec.milestones
        ],
        "evidence": [{"title": e.title, "url": e.url} | french(e.title_fr) for e in rec.evidence],
    }


def french(title_fr: str) -> dict[str, str]:
    """A row's French title as a snapshot key, left out when empty.

    Rows without French keep the shape they had before French titles existed, so updates
    written then still compare equal to the current values.
    """
    return {"title_fr": title_fr} if title_fr else {}


def milestone_progress(milestones: list[dict[str, Any]]) -> int:
    """Percentage of milestones done (0 when there are none)."""
    if not milestones:
        return 0
    return round(100 * sum(1 for m in milestones if m["done"]) / len(milestones))


def apply_values(rec: Recommendation, values: dict[str, Any]) -> None:
    """Write tracked values (as produced by snapshot) onto a recommendation."""
    for field, value in values.items():
        _SETTERS[field](rec, value)


def _set_attr(name: str, convert=lambda v: v):
    def setter(rec: Recommendation, value: Any) -> None:
        setattr(rec, name, convert(value))

    return setter


def _set_reports(rec: Recommendation, value: list[str]) -> None:
    wanted = {SourceReport(v) for v in value}
    rec.report_rows = [r for r in rec.report_rows if r.report in wanted] + [
        RecommendationReport(report=r) for r in sorted(wanted - set(rec.reports))
    ]


def _set_lead_user(rec: Recommendation, email: str | None) -> None:
    rec.lead_user = (
        db.session.scalars(sa.select(User).where(User.email == email)).one() if email else None
    )


def _set_milestones(rec: Recommendation, value: list[dict[str, Any]]) -> None:
    rec.milestones = [
        Milestone(
            title=m["title"],
            title_fr=m.get("title_fr", ""),
            due_date=date.fromisoformat(m["due_date"]),
            done=m["done"],
        )
        for m in value
    ]


def _set_evidence(rec: Recommendation, value: list[dict[str, str]]) -> None:
    rec.evidence = [
        Evidence(title=e["title"], title_fr=e.get("title_fr", ""), url=e["url"]) for e in value
    ]


_SETTERS = {
    "title": _set_attr("title"),
    "title_fr": _set_attr("title_fr"),
    "description": _set_attr("description"),
    "description_fr": _set_attr("description_fr"),
    "theme": _set_attr("theme", Theme),
    "reports": _set_reports,
    "lead_unit": _set_attr("lead_unit"),
    "lead_user": _set_lead_user,
    "target_date": _set_attr("target_date", date.fromisoformat),
    "feasibility": _set_attr("feasibility", Feasibility),
    "feasibility_rationale": _set_attr("feasibility_rationale"),
    "status": _set_attr("status", ImplementationStatus),
    "progress": _set_attr("progress", int),
    "progress_from_milestones": _set_attr("progress_from_milestones", bool),
    "milestones": _set_milestones,
    "evidence": _set_evidence,
}
