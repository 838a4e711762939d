"""Moving an application between stages: the one place that does it."""

from ..audit.services import record
from ..auth.models import User
from ..core.clock import now_utc
from ..core.extensions import db
from .emails import email_about
from .models import Application, StageEvent
from .stages import APPLICANT_EMAILS, STAGE_TRANSITIONS, Stage, stage_move_allowed


class BoardError(ValueError):
    """A refused board change; the message is shown to the user."""


# Stages with no way onward: the decision date starts the retention clock.
FINAL_STAGES = frozenset(stage for stage, onward in STAGE_TRANSITIONS.items() if not onward) | {
    Stage.INELIGIBLE
}


def move_to(
    application: Application, new_stage: Stage, actor: User | None, reason: str = ""
) -> StageEvent:
    """Move an application to a new stage: check, record the event, audit, queue the email."""
    old = application.stage
    if not stage_move_allowed(old, new_stage):
        raise BoardError(
            f"An application that is {old.value.replace('_', ' ')} cannot move to "
            f"{new_stage.value.replace('_', ' ')}."
        )
    event = StageEvent(from_stage=old, to_stage=new_stage, actor=actor, reason=reason.strip())
    application.events.append(event)
    application.stage = new_stage
    application.decided_at = now_utc() if new_stage in FINAL_STAGES else None
    record(
        actor,
        "application.stage",
        "application",
        application.reference,
        f"{application.reference}: {old.value} -> {new_stage.value}",
        before={"stage": old.value},
        after={"stage": new_stage.value, "reason": reason.strip()},
    )
    template = APPLICANT_EMAILS.get(new_stage)
    if template and application.email:
        email_about(application, application.email, template, stage=new_stage)
    db.session.flush()
    return event
