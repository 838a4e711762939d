"""The schedule rule: on track, at risk, overdue or closed, from target date, progress and status.

- closed: the status is implemented, ongoing or will not proceed;
- overdue: otherwise, today is after the target date;
- at risk: otherwise, the status is deferred, or the target date is within
  AT_RISK_WINDOW_DAYS and progress is below AT_RISK_PROGRESS;
- on track: everything else.
"""

from datetime import date, timedelta

import sqlalchemy as sa

from .enums import CLOSED_STATUSES, ImplementationStatus, ScheduleState
from .models import Recommendation

AT_RISK_WINDOW_DAYS = 90
AT_RISK_PROGRESS = 75


def schedule_state(
    status: ImplementationStatus, target: date, progress: int, today: date
) -> ScheduleState:
    """Apply the schedule rule to one recommendation's values."""
    if status in CLOSED_STATUSES:
        return ScheduleState.CLOSED
    if today > target:
        return ScheduleState.OVERDUE
    near = target - today <= timedelta(days=AT_RISK_WINDOW_DAYS)
    if status is ImplementationStatus.DEFERRED or (near and progress < AT_RISK_PROGRESS):
        return ScheduleState.AT_RISK
    return ScheduleState.ON_TRACK


def schedule_filter(state: ScheduleState, today: date) -> sa.ColumnElement[bool]:
    """The same rule as a SQL condition, for filtering lists in the database."""
    rec = Recommendation
    closed = rec.status.in_(CLOSED_STATUSES)
    open_ = sa.not_(closed)
    near = rec.target_date <= today + timedelta(days=AT_RISK_WINDOW_DAYS)
    risky = sa.or_(
        rec.status == ImplementationStatus.DEFERRED,
        sa.and_(near, rec.progress < AT_RISK_PROGRESS),
    )
    not_late = rec.target_date >= today
    conditions = {
        ScheduleState.CLOSED: closed,
        ScheduleState.OVERDUE: sa.and_(open_, rec.target_date < today),
        ScheduleState.AT_RISK: sa.and_(open_, not_late, risky),
        ScheduleState.ON_TRACK: sa.and_(open_, not_late, sa.not_(risky)),
    }
    return conditions[state]
