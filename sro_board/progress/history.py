"""Progress over time: for each month since the tracker started, the recommendations by
implementation status at the month's end, and the baseline plan beside what is done.

A recommendation's status at a moment is the "new" status of its last approved update that
changed the status and was published before then; before its first such update, that update's
"old" status (or, with none, its status today). A recommendation counts from the moment it was
added (its baseline_recorded_at). Months are the service's (America/Edmonton): a month ends at
local midnight on its last day. Two queries, whatever the number of recommendations or updates.
"""

from bisect import bisect_left, bisect_right
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


def status_changes_query() -> sa.Select:
    """(recommendation id, when, old, new, update id) of every published status change."""
    old = Update.changes[("status", "old")].as_string()
    return sa.select(
        Update.recommendation_id, Update.decided_at, old, Update.new_status, Update.id
    ).where(
        Update.state == UpdateState.APPROVED,
        Update.new_status.is_not(None),  # the few status changes, by their index
    )


def _status_changes() -> dict[int, list[tuple[datetime, str, str]]]:
    """Each recommendation's published status changes (when, old, new), oldest first."""
    # Sorted and checked here: ORDER BY decided_at (or a condition on it) leads SQLite to walk
    # every update by date instead of finding the few status changes.
    rows = [row for row in db.session.execute(status_changes_query()) if row[1] is not None]
    rows.sort(key=lambda row: (row[1], row[4]))
    changes: dict[int, list[tuple[datetime, str, str]]] = defaultdict(list)
    for rec_id, decided_at, before, after, _id in rows:
        changes[rec_id].append((_aware(decided_at), before, after))
    return changes


def _tally(recs, changes, firsts, ends, statuses):
    """Each month's count by status, and how many were planned done by then.

    Each recommendation adds its status over the run of months it held it (the status at a
    month's end is the last change published before it), as +1 where a run starts and -1
    where it stops, summed month by month: work in proportion to the recommendations and
    changes, not to recommendations times months.
    """
    months = len(firsts)
    starts = {status: [0] * (months + 1) for status in statuses}
    planned_from = [0] * (months + 1)
    for rec in recs:
        first = bisect_right(ends, _aware(rec.baseline_recorded_at))  # its first month's end
        if first >= months:
            continue
        events = changes.get(rec.id, [])
        held = events[0][1] if events and events[0][1] else rec.status.value
        since = first
        for when, _old, new in events:
            index = max(bisect_right(ends, when), first)  # the first month it shows in
            if index >= months:
                break
            if index > since:
                _add_run(starts, _known(held, rec, statuses), since, index)
                since = index
            held = new
        _add_run(starts, _known(held, rec, statuses), since, months)
        target = rec.baseline_target_date.replace(day=1)
        planned_from[max(first, bisect_left(firsts, target))] += 1
    counts = [dict.fromkeys(statuses, 0) for _ in firsts]
    running = dict.fromkeys(statuses, 0)
    planned, total_planned = [], 0
    for index in range(months):
        for status in statuses:
            running[status] += starts[status][index]
            counts[index][status] = running[status]
        total_planned += planned_from[index]
        planned.append(total_planned)
    return counts, planned


def _known(status: str, rec, statuses: list[str]) -> str:
    """The status, or the recommendation's own if it is not one (never written by services)."""
    return status if status in statuses else rec.status.value


def _add_run(starts: dict[str, list[int]], status: str, begin: int, end: int) -> None:
    """Count status in months begin to end - 1."""
    starts[status][begin] += 1
    starts[status][end] -= 1


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
    counts, planned = _tally(recs, changes, firsts, ends, statuses)
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
