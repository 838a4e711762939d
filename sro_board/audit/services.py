"""Writing to the audit log; the only code that creates AuditEntry rows."""

from typing import Any

from ..core.extensions import db
from .actors import Actor, split_actor
from .models import AuditEntry


def record(
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry to the session (committed with the change it describes).

    The actor is a staff member, a SystemActor (the applicant through the status link, a
    guardian through the consent link, the eligibility rules…), or None for a command-line run.
    """
    user, system = split_actor(actor)
    entry = AuditEntry(
        actor_id=user.id if user else None,
        actor_label=user.email if user else system.stored_label,
        system_actor=system,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        summary=summary[:300],
        before=before,
        after=after,
    )
    db.session.add(entry)
    return entry
