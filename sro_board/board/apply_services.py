"""Applying to the advisory board: submit, guardian consent, contact changes, withdrawal.

Every change is audited without personal data (the audit log outlives the retention purge),
stage moves go through move_to, and nothing here commits: the caller does, once.
"""

import enum
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..audit.actors import SystemActor
from ..audit.services import record
from ..extensions import db
from ..mail import queue_email
from ..timeutil import now_utc
from .eligibility import ineligibility_reason
from .models import Application, GuardianConsent, Intake, SelfIdentification, StageEvent
from .stages import (
    AgeRange,
    Category,
    GradeBand,
    SchoolBoard,
    SelfIdAnswer,
    Stage,
)
from .tokens import new_reference, new_token, public_url, token_hash_or_none
from .transitions import BoardError, move_to

log = logging.getLogger(__name__)

SELF_ID_QUESTIONS = ("racialized", "indigenous", "lgbtq", "disability", "newcomer")
DUPLICATE_MESSAGE = (
    "This email address cannot be used for another application to this intake. "
    "If you already applied, use the status link in your confirmation email."
)
DUPLICATE_CONTACT_MESSAGE = "This email address cannot be used for this application."


class DuplicateApplication(BoardError):
    """The email address already has an application in this intake (said without details)."""


class IntakeClosed(BoardError):
    """The intake is not taking applications now."""


@dataclass(frozen=True)
class ApplicationInput:
    """What an applicant submits; fields of other categories are ignored."""

    category: Category
    name: str
    email: str
    school_board: SchoolBoard
    school: str
    motivation: str
    perspectives: str
    availability: str
    consent_notice: bool
    phone: str = ""
    student_grade: int | None = None
    age_range: AgeRange | None = None
    guardian_name: str = ""
    guardian_email: str = ""
    child_grade_band: GradeBand | None = None
    staff_role: str | None = None
    accommodations: str = ""
    heard_about: str = ""
    consent_roster: bool = False
    consent_full_name: bool = False
    self_id: dict[str, SelfIdAnswer | None] = field(default_factory=dict)

    @property
    def needs_guardian(self) -> bool:
        """True for a student under 18 (or one who did not say)."""
        return self.category is Category.STUDENT and (
            self.age_range is None or self.age_range.is_minor
        )


@dataclass(frozen=True)
class Submitted:
    """A stored application and its status-link token (known only until the response)."""

    application: Application
    status_token: str


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def normalize_email(email: str) -> str:
    """Email addresses are compared and stored trimmed and in lower case."""
    return email.strip().lower()


def open_intake(moment: datetime | None = None) -> Intake | None:
    """The intake taking applications now (the one closing soonest, if several are)."""
    moment = moment or now_utc()
    return db.session.scalar(
        sa.select(Intake)
        .where(Intake.opens_at <= moment, Intake.closes_at > moment)
        .order_by(Intake.closes_at, Intake.id)
        .limit(1)
    )


def next_intake(moment: datetime | None = None) -> Intake | None:
    """The next intake to open, if one is planned."""
    moment = moment or now_utc()
    return db.session.scalar(
        sa.select(Intake).where(Intake.opens_at > moment).order_by(Intake.opens_at).limit(1)
    )


def is_open(intake: Intake, moment: datetime | None = None) -> bool:
    """True while the intake accepts applications."""
    moment = moment or now_utc()
    return _aware(intake.opens_at) <= moment < _aware(intake.closes_at)


def email_taken(intake_id: int, email: str, exclude_id: int | None = None) -> bool:
    """True if another application in the intake uses this email address."""
    query = sa.select(Application.id).where(
        Application.intake_id == intake_id, Application.email == normalize_email(email)
    )
    if exclude_id is not None:
        query = query.where(Application.id != exclude_id)
    return db.session.scalar(query.limit(1)) is not None


def _personal_fields(data: ApplicationInput) -> dict:
    values = {
        "name": data.name.strip(),
        "email": normalize_email(data.email),
        "phone": data.phone.strip() or None,
        "school_board": data.school_board,
        "school": data.school.strip(),
        "motivation": data.motivation.strip(),
        "perspectives": data.perspectives.strip(),
        "availability": data.availability.strip(),
        "accommodations": data.accommodations.strip() or None,
        "heard_about": data.heard_about.strip() or None,
        "consent_notice": True,
        "consent_roster": data.consent_roster,
    }
    if data.category is Category.STUDENT:
        values |= {
            "student_grade": data.student_grade,
            "age_range": data.age_range,
            "consent_full_name": data.consent_full_name,
        }
    elif data.category is Category.PARENT:
        values["child_grade_band"] = data.child_grade_band
    else:
        values["staff_role"] = data.staff_role
    return values


def _check_input(intake: Intake, data: ApplicationInput) -> None:
    if not is_open(intake):
        raise IntakeClosed("Applications to this intake are closed.")
    if not data.consent_notice:
        raise BoardError("Consent to the collection notice is needed to apply.")
    if data.needs_guardian:
        if not (data.guardian_name.strip() and data.guardian_email.strip()):
            raise BoardError("A student under 18 needs a parent's or guardian's name and email.")
        if normalize_email(data.guardian_email) == normalize_email(data.email):
            raise BoardError("Give your parent's or guardian's own email address.")
    if email_taken(intake.id, data.email):
        raise DuplicateApplication(DUPLICATE_MESSAGE)


def submit_application(intake: Intake, data: ApplicationInput) -> Submitted:
    """Store an application and its optional self-identification, then start its stages."""
    _check_input(intake, data)
    token, token_hash = new_token()
    application = Application(
        intake_id=intake.id,
        reference=new_reference(),
        status_token_hash=token_hash,
        category=data.category,
        stage=Stage.SUBMITTED,
        **_personal_fields(data),
    )
    application.events.append(
        StageEvent(from_stage=None, to_stage=Stage.SUBMITTED, reason="Application received.")
    )
    try:
        with db.session.begin_nested():
            db.session.add(application)
    except IntegrityError as error:  # the same email sent twice at the same moment
        raise DuplicateApplication(DUPLICATE_MESSAGE) from error
    answers = {q: data.self_id.get(q) for q in SELF_ID_QUESTIONS}
    if any(answers.values()):
        db.session.add(SelfIdentification(application_id=application.id, **answers))
    record(
        SystemActor.APPLICATION_FORM,
        "application.submit",
        "application",
        application.reference,
        f"{application.reference}: {data.category.value} application received",
        after={"intake_id": intake.id, "category": data.category.value},
    )
    queue_email(
        application.email,
        "received",
        application.id,
        application=application,
        status_url=public_url("board.status", token=token),
        needs_guardian=data.needs_guardian,
    )
    if data.needs_guardian:
        _start_guardian_consent(application, data.guardian_name, data.guardian_email)
    else:
        decide_eligibility(application)
    log.debug("application %s received", application.reference)
    return Submitted(application, token)


def decide_eligibility(application: Application) -> None:
    """Move a new application to eligible or ineligible under its category's rules."""
    reason = ineligibility_reason(application)
    application.eligibility_reason = reason or ""
    if reason:
        move_to(application, Stage.INELIGIBLE, SystemActor.ELIGIBILITY_RULES, reason)
    else:
        move_to(
            application,
            Stage.ELIGIBLE,
            SystemActor.ELIGIBILITY_RULES,
            "Meets the eligibility rules.",
        )


# Guardian consent ----------------------------------------------------------------------------


class LinkState(enum.StrEnum):
    """What a guardian-consent link can still do."""

    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    CLOSED = "closed"  # withdrawn, or consent declined


def _send_guardian_request(application: Application, consent: GuardianConsent) -> None:
    token, consent.token_hash = new_token()
    consent.expires_at = now_utc() + timedelta(days=current_app.config["GUARDIAN_CONSENT_DAYS"])
    queue_email(
        consent.guardian_email,
        "guardian_request",
        application.id,
        application=application,
        consent=consent,
        consent_url=public_url("board.consent", token=token),
    )


def _start_guardian_consent(application: Application, name: str, email: str) -> None:
    consent = GuardianConsent(guardian_name=name.strip(), guardian_email=normalize_email(email))
    application.guardian = consent
    _send_guardian_request(application, consent)
    move_to(
        application,
        Stage.AWAITING_GUARDIAN,
        SystemActor.APPLICATION_FORM,
        "Waiting for a parent or guardian to confirm consent.",
    )


def find_consent(token: str) -> GuardianConsent | None:
    """The consent request a guardian's link belongs to (None for unknown links)."""
    token_hash = token_hash_or_none(token)
    if token_hash is None:
        return None
    return db.session.scalar(
        sa.select(GuardianConsent)
        .where(GuardianConsent.token_hash == token_hash)
        .options(selectinload(GuardianConsent.application))
    )


def consent_state(consent: GuardianConsent, moment: datetime | None = None) -> LinkState:
    """Whether the link can still be used, and if not, why."""
    moment = moment or now_utc()
    stage = consent.application.stage
    if consent.confirmed_at is not None:
        return LinkState.USED
    if stage is Stage.EXPIRED or (
        stage is Stage.AWAITING_GUARDIAN and _aware(consent.expires_at) <= moment
    ):
        return LinkState.EXPIRED
    if stage is not Stage.AWAITING_GUARDIAN:
        return LinkState.CLOSED
    return LinkState.VALID


def _check_link(consent: GuardianConsent) -> Application:
    if consent_state(consent) is not LinkState.VALID:
        raise BoardError("This consent link can no longer be used.")
    return consent.application


def confirm_guardian_consent(consent: GuardianConsent, full_name: bool) -> None:
    """The guardian consents (once); the application then goes on to its eligibility check."""
    application = _check_link(consent)
    consent.confirmed_at = now_utc()
    consent.consent_full_name = bool(full_name and application.consent_full_name)
    record(
        SystemActor.CONSENT_LINK,
        "application.guardian_consent",
        "application",
        application.reference,
        f"{application.reference}: guardian consent confirmed",
        after={"consent_full_name": consent.consent_full_name},
    )
    queue_email(application.email, "guardian_confirmed", application.id, application=application)
    decide_eligibility(application)


def decline_guardian_consent(consent: GuardianConsent) -> None:
    """The guardian does not consent: the application is withdrawn."""
    application = _check_link(consent)
    move_to(
        application,
        Stage.WITHDRAWN,
        SystemActor.CONSENT_LINK,
        "A parent or guardian did not give consent.",
    )


def resend_guardian_request(application: Application, guardian_email: str) -> None:
    """Send the guardian a new link (to a corrected address if given); the old link stops."""
    consent = application.guardian
    if application.stage is not Stage.AWAITING_GUARDIAN or consent is None:
        raise BoardError("This application is not waiting for a guardian's consent.")
    if consent_state(consent) is not LinkState.VALID:
        raise BoardError("The time for a guardian's consent has run out.")
    new_email = normalize_email(guardian_email) or consent.guardian_email
    if new_email == application.email:
        raise BoardError("Give your parent's or guardian's own email address.")
    changed = new_email != consent.guardian_email
    consent.guardian_email = new_email
    _send_guardian_request(application, consent)
    record(
        SystemActor.STATUS_LINK,
        "application.guardian_request",
        "application",
        application.reference,
        f"{application.reference}: guardian consent request sent again",
        after={"guardian_email_changed": changed},
    )
    db.session.flush()


def expire_overdue_consents(moment: datetime | None = None) -> list[str]:
    """Expire applications whose guardian did not consent in time; returns their references."""
    moment = moment or now_utc()
    overdue = db.session.scalars(
        sa.select(Application)
        .join(GuardianConsent)
        .where(
            Application.stage == Stage.AWAITING_GUARDIAN,
            GuardianConsent.confirmed_at.is_(None),
            GuardianConsent.expires_at <= moment,
        )
        .order_by(Application.id)
        .options(selectinload(Application.events))
    ).all()
    days = current_app.config["GUARDIAN_CONSENT_DAYS"]
    for application in overdue:
        move_to(
            application,
            Stage.EXPIRED,
            None,
            f"No parent or guardian consent within {days} days.",
        )
    return [application.reference for application in overdue]
