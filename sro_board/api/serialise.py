"""Public rows as the API's values: what the public pages show, in the request's language.

Each function returns the plain values one schema in schemas.py dumps; nothing here reads a
staff-only column (internal or decision notes, authors, approvers, the lead staff member,
drafts, pending updates, attendance names).
"""

from typing import Any

from flask import request, url_for

from ..core.addresses import PREFIX
from ..core.clock import today_local
from ..core.i18n import current_language
from ..meetings.enums import MeetingState, Presence
from ..meetings.models import ActionItem, Decision, Meeting
from ..oversight.enums import Rating, disagrees
from ..oversight.models import Assessment
from ..oversight.queries import RatingSummary
from ..progress.history import History
from ..recommendations.enums import ImplementationStatus, Theme
from ..recommendations.fields import FIELD_LABELS, STAFF_ONLY_FIELDS
from ..recommendations.labels import label
from ..recommendations.models import Evidence, Milestone, Recommendation, StatusDefinition, Update
from ..recommendations.queries import Summary
from ..recommendations.schedule import schedule_state


def pick(english: str, french: str) -> str:
    """The French text on a French request when there is one; otherwise the English."""
    return french if current_language() == "fr" and french else english


def absolute(endpoint: str, **values: Any) -> str:
    """An absolute address on this site in the request's language (/fr for French)."""
    path = url_for(endpoint, **values)
    if current_language() == "fr" and not request.script_root.endswith(PREFIX):
        path = request.script_root + PREFIX + path[len(request.script_root) :]
    return request.host_url.rstrip("/") + path


def term(key: object, name: object) -> dict[str, str]:
    """A vocabulary value: its key and its name."""
    return {"key": str(key), "label": str(name)}


def recommendation_summary(rec: Recommendation) -> dict[str, Any]:
    """A recommendation in a list."""
    schedule = schedule_state(rec.status, rec.target_date, rec.progress, today_local())
    return {
        "code": rec.code,
        "title": pick(rec.title, rec.title_fr),
        "theme": term(rec.theme, rec.theme.label),
        "reports": [term(report, report.label) for report in rec.reports],
        "lead_unit": rec.lead_unit,
        "feasibility": term(rec.feasibility, label("feasibility", rec.feasibility)),
        "status": term(rec.status, label("implementation", rec.status)),
        "schedule": term(schedule, label("schedule", schedule)),
        "progress": rec.progress,
        "target_date": rec.target_date,
        "baseline_target_date": rec.baseline_target_date,
        "last_public_update_at": rec.last_public_update_at,
        "links": {
            "self": absolute("api.recommendation", code=rec.code),
            "html": absolute("recommendations.public_detail", code=rec.code),
        },
    }


def recommendation(
    rec: Recommendation,
    timeline: list[Update],
    timeline_total: int,
    status_reason: tuple[str, str] | None,
    assessments: list[Assessment],
) -> dict[str, Any]:
    """One recommendation: everything its public page shows."""
    current = assessments[0] if assessments else None
    return recommendation_summary(rec) | {
        "description": pick(rec.description, rec.description_fr),
        # Entered in English only (the public page shows it as it is).
        "feasibility_rationale": rec.feasibility_rationale,
        "status_reason": pick(*status_reason) if status_reason and status_reason[0] else None,
        "baseline_recorded_at": rec.baseline_recorded_at,
        "milestones": [milestone(m) for m in rec.milestones],
        "evidence": [evidence(e) for e in rec.evidence],
        "timeline": [timeline_entry(u) for u in timeline],
        "timeline_total": timeline_total,
        "timeline_url": absolute("api.timeline", code=rec.code),
        "assessments": [assessment(a) for a in assessments],
        "board_disagrees": current is not None and disagrees(rec.status, current.rating),
    }


def milestone(m: Milestone) -> dict[str, Any]:
    """A milestone."""
    return {"title": pick(m.title, m.title_fr), "due_date": m.due_date, "done": m.done}


def evidence(e: Evidence) -> dict[str, Any]:
    """An evidence link."""
    return {"title": pick(e.title, e.title_fr), "url": e.url}


def public_changes(update: Update) -> list[dict[str, Any]]:
    """The changes of an approved update the public timeline shows (never a staff-only field)."""
    return [
        {
            "field": name,
            "label": str(FIELD_LABELS.get(name, name)),
            "old": change.get("old"),
            "new": change.get("new"),
        }
        for name, change in update.changes.items()
        if name not in STAFF_ONLY_FIELDS and name in FIELD_LABELS
    ]


def timeline_entry(update: Update) -> dict[str, Any]:
    """An approved update: when it was published, its public note, its public changes."""
    return {
        "id": update.id,
        "published_at": update.decided_at,
        "public_note": pick(update.public_note, update.public_note_fr),
        "changes": public_changes(update),
    }


def assessment(a: Assessment) -> dict[str, Any]:
    """An approved assessment; the meeting that agreed it, unnamed when it was closed."""
    agreed = None
    if a.decision is not None:
        meeting = a.decision.meeting
        agreed = {
            "meeting_date": meeting.starts_at,
            "meeting_id": meeting.id if meeting.is_public else None,
        }
    return {
        "rating": term(a.rating, a.rating.label),
        "assessed_on": a.assessed_on,
        "commentary": pick(a.commentary, a.commentary_fr),
        "agreed_at": agreed,
    }


def definition(d: StatusDefinition) -> dict[str, Any]:
    """A published status definition."""
    return {
        "axis": str(d.axis),
        "key": d.key,
        "name": pick(d.name, d.name_fr),
        "meaning": pick(d.meaning, d.meaning_fr),
        "entry_criteria": pick(d.entry_criteria, d.entry_criteria_fr),
    }


def theme(key: Theme, count: int, average: int) -> dict[str, Any]:
    """A theme with its count and average progress."""
    return {
        "key": str(key),
        "label": str(key.label),
        "count": count,
        "average_progress": average,
        "recommendations_url": absolute("api.recommendations", theme=str(key)),
    }


def aggregates(summary: Summary, ratings: RatingSummary) -> dict[str, Any]:
    """The home page's figures and the board's ratings at a glance."""
    return {
        "total": summary.total,
        "by_status": [
            term(s, label("implementation", s)) | {"count": n} for s, n in summary.by_status
        ],
        "by_feasibility": [
            term(f, label("feasibility", f)) | {"count": n} for f, n in summary.by_feasibility
        ],
        "by_theme": [theme(t, n, avg) for t, n, avg in summary.by_theme],
        "board_ratings": {
            "by_rating": [
                term(key, Rating(key).label) | {"count": n} for key, n in ratings.by_rating
            ],
            "assessed": ratings.assessed,
            "disagreements": ratings.disagreements,
        },
    }


def progress(history: History) -> dict[str, Any]:
    """Progress over time, oldest month first (the chart on /progress)."""
    return {
        "done_statuses": list(history.done_statuses),
        "months": [
            {
                "month": month.month,
                "by_status": [
                    term(key, label("implementation", ImplementationStatus(key)))
                    | {"count": month.counts[key]}
                    for key in history.statuses
                ],
                "total": month.total,
                "planned": month.planned,
                "done": month.done,
            }
            for month in history.months
        ],
    }


def decision(d: Decision) -> dict[str, Any]:
    """A published decision."""
    return {
        "motion": pick(d.motion, d.motion_fr),
        "outcome": term(d.outcome, d.outcome.label),
        "votes_for": d.votes_for,
        "votes_against": d.votes_against,
        "votes_abstaining": d.votes_abstaining,
    }


def minutes_published(m: Meeting) -> bool:
    """True when a public meeting's minutes, decisions and attendance are published."""
    return m.is_public and m.state == MeetingState.PUBLISHED


def meeting_summary(m: Meeting) -> dict[str, Any]:
    """A meeting in a list; a closed one shows only its body, date and time, and `closed`."""
    public = m.is_public
    return {
        "id": m.id,
        "body": term(m.body, m.body.label),
        "starts_at": m.starts_at,
        "closed": not public,
        "title": pick(m.title, m.title_fr) if public else None,
        "state": term(m.state, m.state.label) if public else None,
        "minutes_published": minutes_published(m) if public else None,
        "links": {
            "self": absolute("api.meeting", meeting_id=m.id),
            "html": absolute("meetings.public_detail", meeting_id=m.id),
        },
    }


CLOSED_DETAIL = dict.fromkeys(
    (
        "duration_minutes",
        "place",
        "online",
        "late_reason",
        "agenda_changed_at",
        "items",
        "other_decisions",
        "actions",
        "attendance",
        "minutes_approved_on",
    )
)


def meeting(m: Meeting, approvals: list[Decision]) -> dict[str, Any]:
    """A meeting as its public page shows it (the minutes only once published)."""
    summary = meeting_summary(m)
    if not m.is_public:
        return summary | CLOSED_DETAIL
    published = minutes_published(m)
    return summary | {
        "duration_minutes": m.duration_minutes,
        "place": pick(m.place, m.place_fr),
        "online": m.online,
        "late_reason": pick(m.late_reason, m.late_reason_fr),
        "agenda_changed_at": m.agenda_changed_at,
        "items": [
            {
                "position": item.position,
                "title": pick(item.title, item.title_fr),
                "presenter": item.presenter,
                "minutes_allowed": item.minutes_allowed,
                "recommendations": [r.code for r in item.recommendations],
                "summary": pick(item.summary, item.summary_fr) if published else None,
                "decisions": [decision(d) for d in m.decisions if d.item_id == item.id]
                if published
                else [],
            }
            for item in m.items
        ],
        "other_decisions": [decision(d) for d in m.decisions if d.item_id is None]
        if published
        else None,
        "actions": [action(a) for a in m.actions] if published else None,
        "attendance": {
            str(p): sum(1 for row in m.attendance if row.presence == p) for p in Presence
        }
        if published
        else None,
        "minutes_approved_on": [d.meeting.starts_at for d in approvals] if published else None,
    }


def action(a: ActionItem) -> dict[str, Any]:
    """A published action item, without its owner."""
    return {
        "description": pick(a.description, a.description_fr),
        "status": term(a.status, a.status.label),
        "due_date": a.due_date,
        "recommendation": a.recommendation.code if a.recommendation else None,
    }
