"""Refuse any UPDATE or DELETE of audit rows made through the ORM."""

import sqlalchemy as sa

from .models import AuditEntry


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit entry."""


@sa.event.listens_for(AuditEntry, "before_update")
def _refuse_update(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("audit entries cannot be changed")


@sa.event.listens_for(AuditEntry, "before_delete")
def _refuse_delete(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("audit entries cannot be deleted")
