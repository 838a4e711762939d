"""Removing applicants' personal data: once the retention period has passed, or on request.

Purging keeps the application row with its reference, intake, category, stage, dates and
numeric scores, so anonymous counts still add up; it empties every personal field, the free
text of its history and review comments, and deletes the guardian's details, the voluntary
self-identification and the emails sent about it. Purged rows are skipped next time, so a
second run changes nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.clock import now_utc
from ...core.extensions import db
from ...mail.models import OutboxEmail
from ...mail.services import purge_finished
from ..checks import GuardianCheck
from ..errors import BoardError
from ..models import Application, ApplicationEmail, GuardianConsent, SelfIdentification, StageEvent
from ..review_models import Score
from ..stages import PURGEABLE_STAGES, STAGE_TRANSITIONS, Stage
from ..transitions import move_to
from .models import SensitiveAction
from .reasons import audit_fields, record_reason

PERSONAL_FIELDS = (
    "name",
    "email",
    "phone",
    "school_board",
    "school",
    "student_grade",
    "age_range",
    "child_grade_band",
    "staff_role",
    "motivation",
    "perspectives",
    "availability",
    "accommodations",
    "heard_about",
    "status_token_hash",
    "interview_at",
    "interview_format",
    "pending_email",
    "pending_email_token_hash",
    "pending_email_expires_at",
    "status_link_sent_at",
)
FREE_TEXT_FIELDS = ("eligibility_reason", "override_reason")


@dataclass
class PurgeReport:
    """What a purge found and did."""

    cutoff: datetime
    dry_run: bool
    references: list[str] = field(default_factory=list)
    guardians: int = 0
    self_ids: int = 0
    emails: int = 0
    comments: int = 0
    # Delivery records of sent and dead emails older than MAIL_RETENTION_DAYS (any email).
    email_records: int = 0

    @property
    def count(self) -> int:
        """How many applications were (or would be) purged."""
        return len(self.references)


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Decisions made before this moment are past their retention period."""
    return (now or now_utc()) - timedelta(days=current_app.config["RETENTION_DAYS"])


def due_for_purge(cutoff: datetime) -> list[Application]:
    """Closed applications decided before cutoff and not yet purged."""
    return list(
        db.session.scalars(
            sa.select(Application)
            .where(
                Application.stage.in_(PURGEABLE_STAGES),
                Application.decided_at.is_not(None),
                Application.decided_at < cutoff,
                Application.purged_at.is_(None),
            )
            .order_by(Application.decided_at, Application.id)
        )
    )


def _counts(ids: list[int]) -> dict[str, int]:
    def count(model, column, *extra) -> int:
        if not ids:
            return 0
        query = sa.select(sa.func.count()).select_from(model).where(column.in_(ids), *extra)
        return db.session.scalar(query) or 0

    return {
        "guardians": count(GuardianConsent, GuardianConsent.application_id),
        "self_ids": count(SelfIdentification, SelfIdentification.application_id),
        "emails": count(ApplicationEmail, ApplicationEmail.application_id),
        "comments": count(Score, Score.application_id, Score.comment != ""),
    }


def purge_applications(
    applications: list[Application], actor: User | None, reason: dict, report: PurgeReport
) -> PurgeReport:
    """Empty the personal data of the given applications (or only count it on a dry run)."""
    ids = [a.id for a in applications]
    report.references = [a.reference for a in applications]
    for key, value in _counts(ids).items():
        setattr(report, key, value)
    if report.dry_run or not ids:
        return report
    email_ids = list(
        db.session.scalars(
            sa.select(ApplicationEmail.email_id).where(ApplicationEmail.application_id.in_(ids))
        )
    )
    for model, column, values in (
        (GuardianConsent, GuardianConsent.application_id, ids),
        (GuardianCheck, GuardianCheck.application_id, ids),
        (SelfIdentification, SelfIdentification.application_id, ids),
        (ApplicationEmail, ApplicationEmail.application_id, ids),
        (OutboxEmail, OutboxEmail.id, email_ids),
    ):
        db.session.execute(
            sa.delete(model).where(column.in_(values)),
            execution_options={"synchronize_session": False},
        )
    db.session.execute(
        sa.update(Score).where(Score.application_id.in_(ids)).values(comment=""),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.update(StageEvent).where(StageEvent.application_id.in_(ids)).values(reason=""),
        execution_options={"synchronize_session": False},
    )
    moment = now_utc()
    for application in applications:
        for name in PERSONAL_FIELDS:
            setattr(application, name, None)
        for name in FREE_TEXT_FIELDS:
            setattr(application, name, "")
        application.purged_at = moment
        record(
            actor,
            "application.purge",
            "application",
            application.reference,
            f"{application.reference}: personal data deleted",
            after={"stage": application.stage.value} | reason,
        )
    db.session.flush()
    db.session.expire_all()
    return report


def purge_expired(dry_run: bool = False, now: datetime | None = None) -> PurgeReport:
    """Purge every application past its retention period (flush only; the caller commits)."""
    cutoff = retention_cutoff(now)
    report = PurgeReport(cutoff=cutoff, dry_run=dry_run)
    days = current_app.config["RETENTION_DAYS"]
    mail_days = current_app.config["MAIL_RETENTION_DAYS"]
    report.email_records = purge_finished((now or now_utc()) - timedelta(days=mail_days), dry_run)
    return purge_applications(
        due_for_purge(cutoff), None, {"reason": f"retention period of {days} days ended"}, report
    )


def delete_on_request(
    actor: User, application: Application, category: str, details: str
) -> PurgeReport:
    """Delete an applicant's personal data at their request; an open application is withdrawn.

    The details of the request go to a StaffReason (emptied after its retention period); the
    history and the audit log get only its category.
    """
    if application.purged_at is not None:
        raise BoardError(_("This application's personal data was already deleted."))
    if application.stage is Stage.ACCEPTED:
        raise BoardError(
            _("This applicant is a board member; their membership record must be ended first.")
        )
    reason = record_reason(actor, application, SensitiveAction.DELETION, category, details)
    words = f"on request ({reason.category.label.lower()})"
    if STAGE_TRANSITIONS[application.stage]:
        move_to(application, Stage.WITHDRAWN, actor, f"Withdrawn {words}.")
    report = PurgeReport(cutoff=now_utc(), dry_run=False)
    return purge_applications(
        [application], actor, {"reason": words} | audit_fields(reason), report
    )
