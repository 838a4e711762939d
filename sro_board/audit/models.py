"""Audit entries: who changed what, when, before and after."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..dbtypes import str_enum
from ..extensions import db
from ..timeutil import now_utc
from .actors import SystemActor


class AuditEntry(db.Model):
    """One recorded change. Rows are only ever inserted."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=now_utc, index=True
    )
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

    actor: Mapped[User | None] = relationship(lazy="joined")

    __table_args__ = (
        sa.CheckConstraint("actor_id IS NULL OR system_actor IS NULL", name="one_actor"),
    )
