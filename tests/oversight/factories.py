"""Board members with accounts and terms, and assessments at each step (through the services)."""

from datetime import timedelta

from sro_board.board.enums import Category
from sro_board.board.models import BoardMember
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.oversight.enums import Rating
from sro_board.oversight.models import Assessment
from sro_board.oversight.services import Draft, approve, start_draft, submit
from tests.factories import make_user


def board_user(
    *roles: str, email: str | None = None, name: str = "Board Person", term=True, roster=True
):
    """An account with board roles (board_member by default) and, unless term=False, a term."""
    roles = roles or ("board_member",)
    user = make_user(list(roles), email=email, name=name)
    if term:
        give_term(user, roster=roster)
    return user


def give_term(user, start=None, end=None, resigned_on=None, roster=True) -> BoardMember:
    """A board seat for the user's account: by default from a month ago to a year ahead."""
    today = today_local()
    member = BoardMember(
        category=Category.PARENT,
        full_name=user.name,
        roster_name=user.name if roster else None,
        term_start=start or today - timedelta(days=30),
        term_end=end or today + timedelta(days=365),
        user_id=user.id,
        resigned_on=resigned_on,
    )
    db.session.add(member)
    db.session.commit()
    return member


def a_draft(rating=Rating.NOT_SATISFIED, commentary="The board is not satisfied yet.", **more):
    """A Draft dated today."""
    return Draft(rating, commentary, more.get("commentary_fr", ""), more.get("on", today_local()))


def drafted(rec, drafter, rating=Rating.NOT_SATISFIED, commentary="Not there yet.") -> Assessment:
    """A committed draft by drafter."""
    assessment = start_draft(drafter, rec, a_draft(rating, commentary))
    db.session.commit()
    return assessment


def submitted(rec, drafter, **kwargs) -> Assessment:
    """A committed draft, submitted to the board chair."""
    assessment = drafted(rec, drafter, **kwargs)
    submit(drafter, assessment, assessment.version)
    db.session.commit()
    return assessment


def approved(rec, drafter, chair, **kwargs) -> Assessment:
    """A submitted assessment the chair approved (published)."""
    assessment = submitted(rec, drafter, **kwargs)
    approve(chair, assessment, assessment.version)
    db.session.commit()
    return assessment
