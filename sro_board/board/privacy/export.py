"""The right of access: a copy of everything held about one applicant, as JSON or CSV."""

import csv
import enum
import io
import json
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.extensions import db
from ...mail.models import OutboxEmail
from ...security.events import security_event
from ...security.spreadsheet import neutralise
from ..enums import SELF_ID_QUESTIONS
from ..errors import BoardError
from ..models import Application, ApplicationEmail, BoardMember, SelfIdentification, StageEvent
from ..review_models import RubricCriterion, Score
from .models import SensitiveAction
from .reasons import audit_fields, record_reason
from .services import PERSONAL_FIELDS

EXPORT_FORMATS = ("json", "csv")
APPLICATION_FIELDS = (
    "reference",
    "category",
    "stage",
    "created_at",
    "decided_at",
    *(f for f in PERSONAL_FIELDS if not f.endswith("token_hash")),
    "consent_notice",
    "consent_roster",
    "consent_full_name",
    "eligibility_reason",
    "override_reason",
)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def applicant_data(application: Application) -> dict[str, Any]:
    """Everything held about one applicant, as plain JSON-ready values.

    Reviewers' names are left out (they are staff data, not the applicant's); their scores
    and comments about the applicant are included. Emails are listed by date, address and
    subject; their bodies carry private links and are not repeated.
    """
    data: dict[str, Any] = {
        "application": {name: _plain(getattr(application, name)) for name in APPLICATION_FIELDS},
    }
    data["application"]["intake"] = application.intake.title
    guardian = application.guardian
    data["guardian"] = guardian and {
        "guardian_name": guardian.guardian_name,
        "guardian_email": guardian.guardian_email,
        "confirmed_at": _plain(guardian.confirmed_at),
        "consent_full_name": guardian.consent_full_name,
    }
    self_id = db.session.scalar(
        sa.select(SelfIdentification).where(SelfIdentification.application_id == application.id)
    )
    data["self_identification"] = self_id and {
        name: _plain(getattr(self_id, name)) for name in SELF_ID_QUESTIONS
    }
    events = db.session.scalars(
        sa.select(StageEvent)
        .where(StageEvent.application_id == application.id)
        .order_by(StageEvent.id)
    )
    data["history"] = [
        {
            "at": _plain(e.at),
            "from_stage": _plain(e.from_stage),
            "to_stage": _plain(e.to_stage),
            "reason": e.reason,
        }
        for e in events
    ]
    scores = db.session.execute(
        sa.select(RubricCriterion.name, Score.score, Score.comment)
        .join(RubricCriterion, RubricCriterion.id == Score.criterion_id)
        .where(Score.application_id == application.id)
        .order_by(Score.reviewer_id, RubricCriterion.position)
    )
    data["review_scores"] = [
        {"criterion": name, "score": score, "comment": comment} for name, score, comment in scores
    ]
    emails = db.session.scalars(
        sa.select(OutboxEmail)
        .join(ApplicationEmail, ApplicationEmail.email_id == OutboxEmail.id)
        .where(ApplicationEmail.application_id == application.id)
        .order_by(OutboxEmail.id)
    )
    # A sent email keeps no address, subject or body; one still waiting shows its own.
    data["emails"] = [
        {
            "created_at": _plain(e.created_at),
            "template": e.template,
            "state": e.state.value,
            "finished_at": _plain(e.finished_at),
            "recipient": e.recipient,
            "subject": e.subject,
        }
        for e in emails
    ]
    member = db.session.scalar(
        sa.select(BoardMember).where(BoardMember.application_id == application.id)
    )
    data["membership"] = member and {
        "category": member.category.value,
        "full_name": member.full_name,
        "roster_name": member.roster_name,
        "term_start": member.term_start.isoformat(),
        "term_end": member.term_end.isoformat(),
    }
    return data


def to_json(data: dict[str, Any]) -> str:
    """The export as indented JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_csv(data: dict[str, Any]) -> str:
    """The export as CSV, one value per line (section, item, field, value), formulas neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "item", "field", "value"])
    for section, content in data.items():
        items = content if isinstance(content, list) else [content]
        for number, item in enumerate(items, start=1):
            if item is None:
                continue
            for name, value in item.items():
                cell = "" if value is None else value
                writer.writerow([section, number, name, neutralise(str(cell))])
    return out.getvalue()


def export_applicant(
    actor: User, application: Application, fmt: str, category: str, details: str
) -> str:
    """An applicant's data in fmt ("json" or "csv"), with its reason; audited by category."""
    if fmt not in EXPORT_FORMATS:
        raise BoardError(_("Export as JSON or CSV."))
    reason = record_reason(actor, application, SensitiveAction.EXPORT, category, details)
    text = (to_json if fmt == "json" else to_csv)(applicant_data(application))
    security_event("export.applicant", format=fmt, application_id=application.id)
    record(
        actor,
        "application.export",
        "application",
        application.reference,
        f"{application.reference}: applicant's data exported ({fmt.upper()}): "
        f"{reason.category.label.lower()}",
        after={"format": fmt} | audit_fields(reason),
    )
    db.session.flush()
    return text
