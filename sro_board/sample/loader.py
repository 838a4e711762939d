"""Builds the demo database through the same services the app uses, with past dates."""

import calendar
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..auth.models import User
from ..auth.roles import Role
from ..auth.services import create_user
from ..auth.services_mfa import enrol_with_secret
from ..contact.services import submit_message
from ..core.clock import clock_set_to, now_utc
from ..core.extensions import db
from ..core.settings import SAMPLE_DATA, SiteFlag, flag_is_set
from ..follow.models import FanOut
from ..mail.models import EmailState, OutboxEmail
from ..recommendations.definitions import seed_definitions
from ..recommendations.enums import ImplementationStatus, UpdateState
from ..recommendations.fields import snapshot
from ..recommendations.models import Recommendation
from ..recommendations.services import (
    approve_update,
    create_recommendation,
    propose_update,
    reject_update,
)
from .applicants import load_board_sample
from .assessments import load_board_assessments
from .meetings import load_meetings
from .reviews import load_board_reviews

DEMO_PASSWORD = "sro-board-demo-password"  # noqa: S105 - printed by `make run` on purpose
DEMO_ACCOUNTS = [
    ("admin@example.org", "Alex Admin (demo)", {Role.ADMIN}),
    ("chair@example.org", "Casey Chair (demo)", {Role.CHAIR, Role.MEMBER}),
    ("member@example.org", "Morgan Member (demo)", {Role.MEMBER}),
    ("reviewer@example.org", "Riley Reviewer (demo)", {Role.REVIEWER}),
    ("board.chair@example.org", "Jordan Board-Chair (demo)", {Role.BOARD_MEMBER, Role.BOARD_CHAIR}),
    ("board.member@example.org", "Sam Board-Member (demo)", {Role.BOARD_MEMBER}),
]
# The demo admin and chair use two-step login (required for their roles) with these fixed,
# published TOTP secrets: add one to an authenticator app, or run `flask sample totp EMAIL`.
DEMO_TOTP_SECRETS = {  # noqa: S105 - printed by `make run` on purpose
    "admin@example.org": "NETZVLGEFO6KG34IVMYA2YKFFVM6VEBX",
    "chair@example.org": "N3B643DKG7226QOBI2GKAVYMPKS744EG",
}
PROGRAM_MONTHS_AGO = 10
# The 46 recommendations with invented histories: texts, milestones, evidence and updates.
RECOMMENDATIONS_FILE = Path(__file__).parent / "data" / "recommendations.json"
# Their French, keyed by code: title, description, and the milestones, evidence and public
# notes in the English file's order. ("rationale" waits for a French rationale column.)
RECOMMENDATIONS_FR_FILE = Path(__file__).parent / "data" / "recommendations_fr.json"


def already_loaded() -> bool:
    """True when the sample data flag is set in this database."""
    return flag_is_set(SAMPLE_DATA)


def sample_recommendations() -> list[dict]:
    """The sample recommendations, read from the data file."""
    return json.loads(RECOMMENDATIONS_FILE.read_text(encoding="utf-8"))


def sample_french() -> dict[str, dict]:
    """The sample recommendations' French texts, by code."""
    return json.loads(RECOMMENDATIONS_FR_FILE.read_text(encoding="utf-8"))


def add_months(day: date, months: int) -> date:
    """The same day of the month, months later (clamped to the month's end)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), UTC)


def load_sample_data() -> dict[str, int]:
    """Create demo staff, definitions, 46 recommendations with histories, and messages."""
    seed_definitions()
    users = {
        email: create_user(None, email=email, name=name, roles=roles, password=DEMO_PASSWORD)
        for email, name, roles in DEMO_ACCOUNTS
    }
    for email, secret in DEMO_TOTP_SECRETS.items():
        enrol_with_secret(users[email], secret)
    admin, chair, member = (
        users[e] for e in ("admin@example.org", "chair@example.org", "member@example.org")
    )
    today = now_utc().date()
    start = add_months(today, -PROGRAM_MONTHS_AGO)
    recommendations = sample_recommendations()
    french = sample_french()
    for index, item in enumerate(recommendations):
        _load_one(index, item, french[item["code"]], start, today, admin, chair, member)
    _leave_open_drafts(member, chair, today)
    for topic, text in SAMPLE_MESSAGES:
        submit_message(topic, text, "", "")
    board = load_board_sample(admin)
    reviews = load_board_reviews(board.intake, users["reviewer@example.org"], admin)
    assessments = load_board_assessments(users)
    db.session.add(SiteFlag(key=SAMPLE_DATA))
    _sample_email_was_sent_long_ago()
    _sample_history_had_no_followers()
    db.session.flush()
    return {
        "staff accounts": len(users),
        "recommendations": len(recommendations),
        "contact messages": len(SAMPLE_MESSAGES),
        **board.counts,
        **reviews.counts,
        **load_meetings(admin, chair).counts,
        **assessments,
    }


def _sample_email_was_sent_long_ago() -> None:
    """The sample's applicants are fictional and their history is past: the email it queued
    counts as sent (content cleared), so `make run` prints only the email of what you do."""
    db.session.flush()
    db.session.execute(
        sa.update(OutboxEmail)
        .where(OutboxEmail.state == EmailState.QUEUED)
        .values(
            state=EmailState.SENT,
            recipient=None,
            subject=None,
            body=None,
            finished_at=OutboxEmail.created_at,
        )
        .execution_options(synchronize_session=False)
    )


def _sample_history_had_no_followers() -> None:
    """Nobody followed the sample's past updates: their fan-outs are done when published, so
    the worker of `make run` does not go through a hundred of them, logging each, at start."""
    db.session.flush()
    db.session.execute(
        sa.update(FanOut)
        .where(FanOut.done_at.is_(None))
        .values(done_at=FanOut.created_at)
        .execution_options(synchronize_session=False)
    )


def _load_one(
    index: int, item: dict, fr: dict, start: date, today: date, admin, chair, member
) -> None:
    lead = [member, chair, None][index % 3]
    created = start + timedelta(days=index % 20)
    with clock_set_to(_at(created, 15)):
        rec = create_recommendation(
            admin,
            {
                "code": item["code"],
                "title": item["title"],
                "title_fr": fr["title"],
                "description": item["description"],
                "description_fr": fr["description"],
                "theme": item["theme"],
                "reports": sorted(item["reports"]),
                "lead_unit": item["lead_unit"],
                "lead_user": lead.email if lead else None,
                "target_date": add_months(start, item["target_months"]).isoformat(),
            },
        )
    milestones = [
        {"title": t, "title_fr": t_fr, "due_date": add_months(start, m).isoformat(), "done": False}
        for (t, m, _done), t_fr in zip(item["milestones"], fr["milestones"], strict=True)
    ]
    milestones.sort(key=lambda m: m["due_date"])
    final_done = {t for t, _m, done in item["milestones"] if done}
    steps = item["updates"]
    # The last update lands 2 to 150 days ago, so some recommendations are stale (over 60 days).
    last_day = max(
        today - timedelta(days=2 + (index * 37) % 149), created + timedelta(days=len(steps))
    )
    span = (last_day - created).days
    for step, (update, note_fr) in enumerate(zip(steps, fr["public_notes"], strict=True), 1):
        last = step == len(steps)
        values: dict[str, Any] = {
            k: v for k, v in update["changes"].items() if k in ("feasibility", "status", "progress")
        }
        if "rationale" in update["changes"]:
            values["feasibility_rationale"] = update["changes"]["rationale"]
        if step == 1:
            values["milestones"] = milestones
        if last:
            values["milestones"] = [m | {"done": m["title"] in final_done} for m in milestones]
            values["evidence"] = [
                {"title": t, "title_fr": t_fr, "url": u}
                for (t, u), t_fr in zip(item["evidence"], fr["evidence"], strict=True)
            ]
            if item["status"] == "deferred" or (item["status"] == "in_progress" and index % 3 == 0):
                # Some plans slip: the target moves, and the baseline stays as first committed.
                later = add_months(start, item["target_months"] + 6)
                values["target_date"] = later.isoformat()
        when = created + timedelta(days=span * step // len(steps))
        author = member if (index + step) % 2 else chair
        _record(rec, author, values, update | {"public_note_fr": note_fr}, when, admin, chair)


def _record(rec, author: User, values: dict, update: dict, when: date, admin, chair) -> None:
    with clock_set_to(_at(when, 16)):
        proposed = propose_update(
            rec,
            author,
            values,
            public_note=update["public_note"],
            public_note_fr=update["public_note_fr"],
            internal_note=update["internal_note"],
            based_on_version=rec.version,
        )
    if proposed.state is UpdateState.PENDING:
        approver = admin if author.id == chair.id else chair
        with clock_set_to(_at(when, 18)):
            approve_update(proposed, approver)


def _leave_open_drafts(member: User, chair: User, today: date) -> None:
    """A few drafts awaiting approval, and one rejected, for the dashboard."""
    chosen = db.session.scalars(
        sa.select(Recommendation)
        .where(Recommendation.status == ImplementationStatus.IN_PROGRESS)
        .order_by(Recommendation.code)
        .limit(4)
    ).all()
    for n, rec in enumerate(chosen):
        current = snapshot(rec)
        with clock_set_to(_at(today - timedelta(days=3 - min(n, 3)), 14)):
            draft = propose_update(
                rec,
                member,
                {"progress": min(current["progress"] + 10, 95)},
                public_note="Another step of the plan was completed this month.",
                public_note_fr="Une autre étape du plan a été terminée ce mois-ci.",
                internal_note="Draft for the chair's review; figures from the monthly check-in.",
                based_on_version=rec.version,
            )
        if n == 3:
            with clock_set_to(_at(today - timedelta(days=1), 10)):
                reject_update(draft, chair, "Please add which step was completed.")


SAMPLE_MESSAGES = [
    ("question", "When will the next public progress report be published?"),
    ("suggestion", "Please share updates through school newsletters as well as this site."),
    ("concern", "Our school council would like to know how student feedback is used."),
]
