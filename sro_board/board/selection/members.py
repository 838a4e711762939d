"""Board members: the seat an accepted offer creates, its term, and the public roster."""

import calendar
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.clock import today_local
from ...core.extensions import db
from ..enums import Category
from ..errors import BoardError
from ..models import Application, BoardMember
from .membership import invite_member

ENDING_SOON_DAYS = 60


def add_months(day: date, months: int) -> date:
    """The same day of the month, months later (clamped to the month's end)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_for(start: date, months: int) -> tuple[date, date]:
    """A term of months starting on start; it ends the day before the same date months later."""
    return start, add_months(start, months) - timedelta(days=1)


def roster_name(application: Application) -> str | None:
    """The name the public roster shows, or None to keep the member off it.

    Nobody is listed without roster consent. Students appear by first name only unless they
    consented to their full name and, for a student under 18, their guardian did too.
    """
    name = (application.name or "").strip()
    if not application.consent_roster or not name:
        return None
    if application.category is not Category.STUDENT:
        return name
    if application.consent_full_name and _guardian_allows_full_name(application):
        return name
    return name.split()[0]


def _guardian_allows_full_name(application: Application) -> bool:
    minor = application.age_range is None or application.age_range.is_minor
    if not minor:
        return True
    guardian = application.guardian
    return bool(guardian and guardian.confirmed_at and guardian.consent_full_name)


def make_member(actor: User | None, application: Application) -> BoardMember:
    """Turn an accepted application into a board member with a term from the intake."""
    if application.name is None:
        raise BoardError(_("This application has no name on file; it cannot become a member."))
    existing = db.session.scalar(
        sa.select(BoardMember).where(BoardMember.application_id == application.id)
    )
    if existing:
        raise BoardError(_("This applicant is already a board member."))
    start, end = term_for(today_local(), application.intake.term_months)
    member = BoardMember(
        application_id=application.id,
        category=application.category,
        full_name=application.name,
        roster_name=roster_name(application),
        term_start=start,
        term_end=end,
    )
    db.session.add(member)
    db.session.flush()
    if actor is not None:  # staff accepted the offer: the member is invited to an account
        invite_member(actor, member, application)
    record(
        actor,
        "board.member_add",
        "board_member",
        member.id,
        f"Board member from application {application.reference}, term {start} to {end}",
        after={
            "category": member.category.value,
            "term_start": start.isoformat(),
            "term_end": end.isoformat(),
            "on_roster": member.roster_name is not None,
            "account": member.user_id is not None,
        },
    )
    return member


def all_members() -> list[BoardMember]:
    """Every member, the soonest-ending term first."""
    return list(
        db.session.scalars(
            sa.select(BoardMember).order_by(BoardMember.term_end, BoardMember.full_name)
        )
    )


def ending_soon(members: list[BoardMember], today: date) -> list[BoardMember]:
    """Members whose current term ends within the next 60 days."""
    last = today + timedelta(days=ENDING_SOON_DAYS)
    return [m for m in members if today <= m.term_end <= last]


def public_roster(today: date | None = None) -> dict[Category, list[str]]:
    """Names of current members who agreed to be listed, by category."""
    today = today or today_local()
    rows = db.session.execute(
        sa.select(BoardMember.category, BoardMember.roster_name)
        .where(
            BoardMember.roster_name.is_not(None),
            BoardMember.term_start <= today,
            BoardMember.term_end >= today,
            sa.or_(BoardMember.resigned_on.is_(None), BoardMember.resigned_on > today),
        )
        .order_by(BoardMember.roster_name)
    ).all()
    roster: dict[Category, list[str]] = {category: [] for category in Category}
    for category, name in rows:
        roster[category].append(name)
    return roster
