"""The schedule rule: on track, at risk, overdue or closed, from target date, progress and status.

The rule reads the current target date only, so moving the target can make a late
recommendation "on track" again; target_shift says how far it moved from the baseline.

- closed: the status is implemented, ongoing or will not proceed;
- overdue: otherwise, today is after the target date;
- at risk: otherwise, the status is deferred, or the target date is within
  AT_RISK_WINDOW_DAYS and progress is below AT_RISK_PROGRESS;
- on track: everything else.
"""

from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

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


AVERAGE_MONTH_DAYS = 30.4375  # 365.25 / 12
# Filter values for how the current target compares with the first commitment (the baseline).
TARGET_MOVES = {
    "later": _l("Moved later than first committed"),
    "earlier": _l("Moved earlier than first committed"),
    "kept": _l("As first committed"),
}


def target_shift(baseline: date, target: date) -> str | None:
    """How far the target is from the first commitment ("3 months later than first committed")."""
    days = (target - baseline).days
    if days == 0:
        return None
    size = abs(days)
    if size <= 31:
        if days > 0:
            return ngettext(
                "%(num)d day later than first committed",
                "%(num)d days later than first committed",
                size,
            )
        return ngettext(
            "%(num)d day earlier than first committed",
            "%(num)d days earlier than first committed",
            size,
        )
    months = round(size / AVERAGE_MONTH_DAYS)
    if days > 0:
        return ngettext(
            "%(num)d month later than first committed",
            "%(num)d months later than first committed",
            months,
        )
    return ngettext(
        "%(num)d month earlier than first committed",
        "%(num)d months earlier than first committed",
        months,
    )


def target_move_filter(move: str) -> sa.ColumnElement[bool]:
    """Recommendations whose target moved later or earlier than the baseline, or did not move."""
    rec = Recommendation
    conditions = {
        "later": rec.target_date > rec.baseline_target_date,
        "earlier": rec.target_date < rec.baseline_target_date,
        "kept": rec.target_date == rec.baseline_target_date,
    }
    return conditions[move]
