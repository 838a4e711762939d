"""Refuse any UPDATE or DELETE of audit rows made through the ORM."""

import sqlalchemy as sa
from sqlalchemy.orm import ORMExecuteState, Session

from .models import AuditEntry


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit entry."""


@sa.event.listens_for(AuditEntry, "before_update")
def _refuse_update(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("audit entries cannot be changed")


@sa.event.listens_for(AuditEntry, "before_delete")
def _refuse_delete(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("audit entries cannot be deleted")


@sa.event.listens_for(Session, "do_orm_execute")
def _refuse_bulk(state: ORMExecuteState) -> None:
    """session.execute(update(AuditEntry)) or delete(AuditEntry) skips the mapper events above."""
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is AuditEntry for mapper in state.all_mappers
    ):
        raise AuditLogIsAppendOnly("audit entries cannot be changed or deleted")
