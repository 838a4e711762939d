"""Before an offer to a minor: staff record how the parent or guardian was confirmed.

Email alone does not prove a guardian (a student can give a second address of their own), so
the offer move is refused until a staff member records a check made another way.
"""

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...audit.services import record
from ...auth.models import User
from ...core.clock import as_local, now_utc, today_local
from ...core.extensions import db
from ...security.inputs import strip_bidi
from ..checks import GuardianCheck, GuardianCheckMethod
from ..enums import Category
from ..errors import BoardError
from ..models import Application
from ..stages import STAGE_TRANSITIONS, Stage

NOTE_MAX = 300
OFFER_NEEDS_CHECK = _l(
    "Before offering a seat to a student under 18, record how their parent or guardian was "
    "confirmed (a phone call, in person, or by the school): email alone does not prove it."
)


def is_minor(application: Application) -> bool:
    """True for a student who said they are under 18."""
    age = application.age_range
    return application.category is Category.STUDENT and age is not None and age.is_minor


def guardian_check_of(application: Application) -> GuardianCheck | None:
    """The recorded check of the application's guardian, if any."""
    return db.session.scalar(
        sa.select(GuardianCheck).where(GuardianCheck.application_id == application.id)
    )


def needs_guardian_check(application: Application) -> bool:
    """True for a minor who may still be offered a seat and whose guardian is not checked."""
    return (
        is_minor(application)
        and application.purged_at is None
        and Stage.OFFERED in _ahead(application.stage)
        and guardian_check_of(application) is None
    )


def _ahead(stage: Stage) -> set[Stage]:
    seen, todo = set(), [stage]
    while todo:
        for onward in STAGE_TRANSITIONS[todo.pop()]:
            if onward not in seen:
                seen.add(onward)
                todo.append(onward)
    return seen


def check_offer(application: Application) -> None:
    """Refuse an offer to a minor whose guardian was not confirmed by staff."""
    if is_minor(application) and guardian_check_of(application) is None:
        raise BoardError(str(OFFER_NEEDS_CHECK))


def record_guardian_check(
    actor: User, application: Application, method: str, confirmed_on: date | None, note: str
) -> GuardianCheck:
    """Record how the actor confirmed the guardian; audited without the note."""
    if not is_minor(application):
        raise BoardError(_("Only a student under 18 needs their guardian confirmed."))
    if application.purged_at is not None:
        raise BoardError(_("This application's personal data was deleted."))
    if guardian_check_of(application) is not None:
        raise BoardError(_("The guardian's confirmation is already recorded."))
    try:
        chosen = GuardianCheckMethod(method)
    except ValueError:
        raise BoardError(_("Choose how the guardian was confirmed.")) from None
    if confirmed_on is None:
        raise BoardError(_("Enter the date of the confirmation."))
    if confirmed_on > today_local():
        raise BoardError(_("The date of the confirmation cannot be in the future."))
    if confirmed_on < as_local(application.created_at).date():
        raise BoardError(_("The confirmation cannot be earlier than the application."))
    text = str(strip_bidi(note or "")).strip()
    if len(text) > NOTE_MAX:
        raise BoardError(_("Keep the note under %(max)d characters.", max=NOTE_MAX))
    check = GuardianCheck(
        application_id=application.id,
        method=chosen,
        confirmed_on=confirmed_on,
        staff_id=actor.id,
        note=text,
        recorded_at=now_utc(),
    )
    db.session.add(check)
    record(
        actor,
        "application.guardian_check",
        "application",
        application.reference,
        f"{application.reference}: guardian confirmed ({chosen.value})",
        after={"method": chosen.value, "confirmed_on": confirmed_on.isoformat()},
    )
    db.session.flush()
    return check
