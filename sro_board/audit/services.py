"""Writing to the audit log; the only code that creates AuditEntry rows."""

from typing import Any, Protocol

from ..core.extensions import db
from .models import AuditEntry


class Actor(Protocol):
    """Who made a change: a staff account (auth's User), seen only through these fields."""

    id: int
    email: str


def record(
    actor: Actor | None,
    action: str,
    entity_type: str,
    entity_id: object,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry to the session (committed with the change it describes)."""
    entry = AuditEntry(
        actor_id=actor.id if actor else None,
        actor_label=actor.email if actor else "system (command line)",
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        summary=summary[:300],
        before=before,
        after=after,
    )
    db.session.add(entry)
    return entry
