"""Audit entries: who changed what, when, before and after."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from .actors import SystemActor

if TYPE_CHECKING:  # the audit log sits below auth: it names the class, never imports it
    from ..auth.models import User


class AuditEntry(db.Model):
    """One recorded change. Rows are only ever inserted."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"), index=True)
    actor_label: Mapped[str] = mapped_column(sa.String(254))
    # Who acted when no staff member did (None for a staff member). Entries written before this
    # column existed have None here too; their actor_label says "system (command line)".
    system_actor: Mapped[SystemActor | None] = mapped_column(str_enum(SystemActor, 30))
    action: Mapped[str] = mapped_column(sa.String(60), index=True)
    entity_type: Mapped[str] = mapped_column(sa.String(40), index=True)
    entity_id: Mapped[str] = mapped_column(sa.String(40))
    summary: Mapped[str] = mapped_column(sa.String(300))
    before: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    actor: Mapped["User | None"] = relationship("User", lazy="joined")

    @property
    def who(self) -> str:
        """Who acted, for people: the staff member's email, or the named actor in their language."""
        if self.actor_id is not None:
            return self.actor_label
        # Entries older than the system_actor column came from the command line.
        return (self.system_actor or SystemActor.COMMAND_LINE).label

    __table_args__ = (
        sa.CheckConstraint("actor_id IS NULL OR system_actor IS NULL", name="one_actor"),
        # The log's pages, unfiltered and filtered by record type or by who acted.
        sa.Index("ix_audit_entry_created_id", "created_at", "id"),
        sa.Index("ix_audit_entry_type_created", "entity_type", "created_at", "id"),
        sa.Index("ix_audit_entry_actor_created", "actor_id", "created_at", "id"),
    )
