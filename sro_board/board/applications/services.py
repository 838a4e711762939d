"""Applying to the advisory board: the checks, the submission and its first stage.

Every change is audited without personal data (the audit log outlives the retention purge),
stage moves go through move_to, and nothing here commits: the caller does, once.
"""

import logging
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ...audit.actors import SystemActor
from ...audit.services import record
from ...core.clock import now_utc
from ...core.extensions import db
from ...security.tokens import new_token
from ..bilingual import N_
from ..eligibility import ineligibility_reason
from ..emails import known_language, page_url
from ..enums import SELF_ID_QUESTIONS, AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from ..errors import BoardError, DuplicateApplication, IntakeClosed
from ..intakes.services import is_open
from ..models import Application, Intake, SelfIdentification, StageEvent
from ..stages import Stage
from ..transitions import move_to
from .guardian import ask_guardian, keep_guardian
from .references import new_reference
from .values import normalize_email

log = logging.getLogger(__name__)

DUPLICATE_MESSAGE = _l(
    "This email address cannot be used for another application to this intake. "
    "If you already applied, use the status link in your confirmation email."
)
GUARDIAN_OWN_EMAIL = _l("Give your parent's or guardian's own email address.")
DUPLICATE_CONTACT_MESSAGE = _l("This email address cannot be used for this application.")


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
    language: str = "en"  # the applicant's, for every email to them
    guardian_language: str | None = None  # the guardian's (the applicant's if not given)

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
        raise IntakeClosed(_("Applications to this intake are closed."))
    if not data.consent_notice:
        raise BoardError(_("Consent to the collection notice is needed to apply."))
    if data.needs_guardian:
        if not (data.guardian_name.strip() and data.guardian_email.strip()):
            raise BoardError(_("A student under 18 needs a parent's or guardian's name and email."))
        if normalize_email(data.guardian_email) == normalize_email(data.email):
            raise BoardError(str(GUARDIAN_OWN_EMAIL))
    if email_taken(intake.id, data.email):
        raise DuplicateApplication(str(DUPLICATE_MESSAGE))


def submit_application(intake: Intake, data: ApplicationInput) -> Submitted:
    """Store an application and its optional self-identification, then start its stages."""
    _check_input(intake, data)
    token, token_hash = new_token()
    application = Application(
        intake_id=intake.id,
        reference=new_reference(),
        status_token_hash=token_hash,
        status_link_sent_at=now_utc(),
        category=data.category,
        stage=Stage.SUBMITTED,
        language=known_language(data.language),
        **_personal_fields(data),
    )
    application.events.append(
        StageEvent(
            from_stage=None,
            to_stage=Stage.SUBMITTED,
            system_actor=SystemActor.APPLICATION_FORM,
            reason=N_("Application received."),
        )
    )
    try:
        with db.session.begin_nested():
            db.session.add(application)
    except IntegrityError as error:  # the same email sent twice at the same moment
        raise DuplicateApplication(str(DUPLICATE_MESSAGE)) from error
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
    _first_stage(application, data, page_url(application.language, "board.status", token=token))
    log.debug("application %s received", application.reference)
    return Submitted(application, token)


def _first_stage(application: Application, data: ApplicationInput, status_url: str) -> None:
    """The rules decide first; only then is an eligible minor's guardian asked.

    The move queues the applicant's one "received" email, which says where the application
    stands (and why not, when it is not eligible). An ineligible minor's guardian is never
    contacted; their details are kept, in case an admin overrides the rules.
    """
    rules = SystemActor.ELIGIBILITY_RULES
    email = {"template": "received", "status_url": status_url}
    reason = ineligibility_reason(application)
    application.eligibility_reason = reason or ""
    if data.needs_guardian:
        language = data.guardian_language or application.language
        keep_guardian(application, data.guardian_name, data.guardian_email, language)
    if reason:
        move_to(application, Stage.INELIGIBLE, rules, reason, **email)
    elif data.needs_guardian:
        waiting = N_("Meets the eligibility rules; waiting for a parent or guardian to consent.")
        ask_guardian(application, rules, waiting, **email)
    else:
        move_to(application, Stage.ELIGIBLE, rules, N_("Meets the eligibility rules."), **email)
