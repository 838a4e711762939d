"""Stage moves made by staff: the admin's own rules on top of move_to."""

from datetime import datetime

from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.clock import now_utc
from ...core.extensions import db
from ..applications.guardian import ask_guardian
from ..bilingual import N_
from ..enums import Category
from ..errors import BoardError
from ..models import Application, StageEvent
from ..privacy.models import SensitiveAction
from ..privacy.reasons import audit_fields, record_reason
from ..stages import Stage, stage_move_allowed
from ..transitions import move_to
from .guardian_checks import check_offer
from .members import make_member

# Stored in English (shown in the reader's language).
INTERVIEW_FORMATS = (N_("In person"), N_("Video call"), N_("Phone call"))
OVERRIDE_STAGES = frozenset({Stage.ELIGIBLE, Stage.AWAITING_GUARDIAN})


def move_application(
    actor: User,
    application: Application,
    new_stage: Stage,
    reason: str,
    interview_at: datetime | None = None,
    interview_format: str | None = None,
    category: str | None = None,
) -> StageEvent:
    """An admin's stage move: checks the admin's own rules, then calls move_to.

    Overriding the eligibility rules (ineligible to eligible, or to awaiting a guardian) also
    needs a reason category; it is recorded as a StaffReason and audited by its category.
    """
    reason = (reason or "").strip()
    if not reason:
        raise BoardError(_("Give a reason for the move; it is kept in the application's history."))
    if application.purged_at is not None:
        raise BoardError(_("This application's personal data was deleted; it cannot move."))

    if new_stage is Stage.ELIGIBLE and _awaits_guardian(application):
        if application.stage is Stage.INELIGIBLE:
            raise BoardError(
                _(
                    "A student under 18 becomes eligible only once their guardian has confirmed "
                    'consent. To ask them, choose "Awaiting guardian consent".'
                )
            )
        raise BoardError(
            _("A student under 18 becomes eligible only once their guardian has confirmed consent.")
        )
    if new_stage is Stage.AWAITING_GUARDIAN:
        return _override_for_a_minor(actor, application, reason, category)
    if new_stage is Stage.OFFERED:
        check_offer(application)
    if new_stage is Stage.INTERVIEW:
        if interview_at is None or not interview_format:
            raise BoardError(_("An interview needs a date and time and a format."))
        if interview_format not in INTERVIEW_FORMATS:
            raise BoardError(_("Choose one of the interview formats."))
        if interview_at <= now_utc():
            raise BoardError(_("The interview date and time must be in the future."))
    old = application.stage
    if not stage_move_allowed(old, new_stage):
        move_to(application, new_stage, actor, reason)  # raises BoardError with the message
    if is_override(application, new_stage):
        _record_override(actor, application, new_stage, category, reason)
    # Set before move_to, so that the applicant's email carries them.
    if new_stage is Stage.INTERVIEW:
        application.interview_at = interview_at
        application.interview_format = interview_format
    elif new_stage is Stage.INELIGIBLE:
        application.eligibility_reason = reason
    event = move_to(application, new_stage, actor, reason)
    if old is Stage.INELIGIBLE and new_stage is Stage.ELIGIBLE:
        application.override_reason = reason
    if new_stage is Stage.ACCEPTED:
        make_member(actor, application)
    db.session.flush()
    return event


def is_override(application: Application, new_stage: Stage) -> bool:
    """True when the move overrides the eligibility rules (an ineligible application goes on)."""
    return application.stage is Stage.INELIGIBLE and new_stage in OVERRIDE_STAGES


def _minor(application: Application) -> bool:
    """True for a student who said they are under 18."""
    age = application.age_range
    return application.category is Category.STUDENT and age is not None and age.is_minor


def _awaits_guardian(application: Application) -> bool:
    """True for a minor student whose guardian has not confirmed consent."""
    guardian = application.guardian
    return _minor(application) and (guardian is None or guardian.confirmed_at is None)


def may_ask_guardian(application: Application) -> bool:
    """True when an admin may override a minor's ineligibility by asking their guardian."""
    return (
        application.stage is Stage.INELIGIBLE
        and _awaits_guardian(application)
        and application.guardian is not None
    )


def _record_override(
    actor: User, application: Application, new_stage: Stage, category: str | None, reason: str
) -> None:
    """Keep the override's reason (StaffReason) and audit it by its category only."""
    staff_reason = record_reason(
        actor, application, SensitiveAction.OVERRIDE, category or "", reason
    )
    record(
        actor,
        "application.override",
        "application",
        application.reference,
        f"{application.reference}: eligibility rules overridden: "
        f"{staff_reason.category.label.lower()}",
        after={"stage": new_stage.value} | audit_fields(staff_reason),
    )


def _override_for_a_minor(
    actor: User, application: Application, reason: str, category: str | None
) -> StageEvent:
    """An admin overrides a minor's ineligibility: their guardian is asked for consent first."""
    if not _minor(application):
        raise BoardError(_("Only a student under 18 waits for a parent's or guardian's consent."))
    if not stage_move_allowed(application.stage, Stage.AWAITING_GUARDIAN):
        move_to(application, Stage.AWAITING_GUARDIAN, actor, reason)  # raises with the message
    ask_guardian(application, actor, reason)
    _record_override(actor, application, Stage.AWAITING_GUARDIAN, category, reason)
    application.override_reason = reason
    db.session.flush()
    return application.events[-1]
