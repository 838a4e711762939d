"""Moving an application between stages: the one place that does it."""

from flask_babel import gettext as _

from ..audit.actors import Actor, split_actor
from ..audit.services import record
from ..core.clock import now_utc
from ..core.extensions import db
from .emails import email_about
from .errors import BoardError
from .labels import stage_label
from .models import Application, StageEvent
from .stages import APPLICANT_EMAILS, FINAL_STAGES, Stage, stage_move_allowed


def move_to(
    application: Application,
    new_stage: Stage,
    actor: Actor,
    reason: str = "",
    *,
    template: str | None = None,
    **context,
) -> StageEvent:
    """Move an application to a new stage: check, record the event, audit, queue the email.

    The actor is the staff member, or the SystemActor that made the move (None: a command).
    The applicant's email is the stage's own (APPLICANT_EMAILS) unless `template` names
    another one for this move; `context` goes to the template.
    """
    old = application.stage
    if not stage_move_allowed(old, new_stage):
        raise BoardError(
            _(
                "An application that is %(old)s cannot move to %(new)s.",
                old=stage_label(old).lower(),
                new=stage_label(new_stage).lower(),
            )
        )
    user, system = split_actor(actor)
    event = StageEvent(
        from_stage=old, to_stage=new_stage, actor=user, system_actor=system, reason=reason.strip()
    )
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
        # The reason may hold personal data: it stays in the history (purged with the
        # application), never in the audit log, which is kept for ever.
        after={"stage": new_stage.value, "reason_recorded": bool(reason.strip())},
    )
    template = template or APPLICANT_EMAILS.get(new_stage)
    if template and application.email:
        email_about(
            application,
            application.email,
            template,
            stage=new_stage,
            by=system,
            **context,
        )
    db.session.flush()
    return event
