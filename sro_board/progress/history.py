"""Progress over time: for each month since the tracker started, the recommendations by
implementation status at the month's end, and the baseline plan beside what is done.

A recommendation's status at a moment is the "new" status of its last approved update that
changed the status and was published before then; before its first such update, that update's
"old" status (or, with none, its status today). A recommendation counts from the moment it was
added (its baseline_recorded_at). Months are the service's (America/Edmonton): a month ends at
local midnight on its last day. Two queries, whatever the number of recommendations or updates.
"""

from bisect import bisect_left
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa

from ..core.clock import as_local, local_zone, now_utc
from ..core.extensions import db
from ..recommendations.enums import ImplementationStatus, UpdateState
from ..recommendations.models import Recommendation, Update

# "Done": the statuses that say the work is implemented (once, or now in everyday practice).
DONE_STATUSES = (ImplementationStatus.IMPLEMENTED, ImplementationStatus.ONGOING)
STATUSES = tuple(ImplementationStatus)


@dataclass(frozen=True)
class Month:
    """One month: its first day, counts by status at its end, the plan, and what is done."""

    month: date
    counts: dict[str, int]  # status value -> recommendations in it at the month's end
    total: int  # recommendations in the tracker at the month's end
    planned: int  # of them, first committed to be done by the month's end (baseline)
    done: int  # of them, implemented or ongoing at the month's end


@dataclass(frozen=True)
class History:
    """The chart's data, oldest month first; plain values (JSON-ready with as_dict)."""

    statuses: list[str]
    done_statuses: list[str]
    months: list[Month]

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts, lists, ints and ISO dates (for an API)."""
        data = asdict(self)
        for month in data["months"]:
            month["month"] = month["month"].isoformat()
        return data


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_starts(start: date, end: date) -> list[date]:
    """The first day of each month from start's month to end's month, inclusive."""
    first, last = start.replace(day=1), end.replace(day=1)
    months = []
    while first <= last:
        months.append(first)
        first = _next_month(first)
    return months


def _status_changes() -> dict[int, list[tuple[datetime, str, str]]]:
    """Each recommendation's published status changes (when, old, new), oldest first."""
    old, new = Update.changes[("status", "old")], Update.changes[("status", "new")]
    rows = db.session.execute(
        sa.select(Update.recommendation_id, Update.decided_at, old.as_string(), new.as_string())
        .where(
            Update.state == UpdateState.APPROVED,
            Update.decided_at.is_not(None),
            new.as_string().is_not(None),
        )
        .order_by(Update.decided_at, Update.id)
    )
    changes: dict[int, list[tuple[datetime, str, str]]] = defaultdict(list)
    for rec_id, decided_at, before, after in rows:
        changes[rec_id].append((_aware(decided_at), before, after))
    return changes


def progress_history() -> History:
    """The month-by-month history up to this month (by the app's clock); two queries."""
    recs = db.session.execute(
        sa.select(
            Recommendation.id,
            Recommendation.status,
            Recommendation.baseline_recorded_at,
            Recommendation.baseline_target_date,
        )
    ).all()
    statuses = [s.value for s in STATUSES]
    done = [s.value for s in DONE_STATUSES]
    if not recs:
        return History(statuses, done, [])
    changes = _status_changes()
    zone = local_zone()
    start = min(as_local(_aware(rec.baseline_recorded_at)).date() for rec in recs)
    firsts = month_starts(start, now_utc().astimezone(zone).date())
    # A month's end: local midnight starting the next month, in UTC.
    ends = [datetime.combine(_next_month(first), time(), zone).astimezone(UTC) for first in firsts]
    counts = [dict.fromkeys(statuses, 0) for _ in firsts]
    planned = [0] * len(firsts)
    for rec in recs:
        added = _aware(rec.baseline_recorded_at)
        events = changes.get(rec.id, [])
        moments = [when for when, _old, _new in events]
        initial = events[0][1] if events and events[0][1] else rec.status.value
        target_month = rec.baseline_target_date.replace(day=1)
        for index, end in enumerate(ends):
            if added >= end:
                continue
            seen = bisect_left(moments, end)  # changes published before the month's end
            status = events[seen - 1][2] if seen else initial
            if status not in counts[index]:  # not a status (never written by the services)
                status = rec.status.value
            counts[index][status] += 1
            if target_month <= firsts[index]:
                planned[index] += 1
    return History(
        statuses,
        done,
        [
            Month(
                month=first,
                counts=counts[index],
                total=sum(counts[index].values()),
                planned=planned[index],
                done=sum(counts[index][value] for value in done),
            )
            for index, first in enumerate(firsts)
        ],
    )
