"""Sample data: the advisory board's demo members (one board chair) and its assessments.

About a third of the recommendations get an invented assessment, labelled as sample data in
English and French, drafted by the demo member and approved by the demo board chair through
the same services the app uses, at past dates. Some disagree with the service on purpose.
"""

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from ..auth.models import User
from ..board.enums import Category
from ..board.models import BoardMember
from ..core.clock import clock_set_to, now_utc
from ..core.extensions import db
from ..oversight.enums import Rating
from ..oversight.services import Draft, approve, return_draft, start_draft, submit
from ..recommendations.enums import ImplementationStatus
from ..recommendations.models import Recommendation

BOARD_CHAIR_EMAIL = "board.chair@example.org"
BOARD_MEMBER_EMAIL = "board.member@example.org"
EVERY = 3  # every third recommendation: 16 of the 46

COMMENTARY = {
    Rating.SATISFIED: (
        "Sample data: the board read the evidence and agrees that the work is done as promised.",
        "Données d'exemple : le Conseil consultatif a lu les preuves et convient que le travail "
        "est fait comme promis.",
    ),
    Rating.PARTLY_SATISFIED: (
        "Sample data: some steps are done. The board is still waiting to see the results in "
        "schools.",
        "Données d'exemple : certaines étapes sont faites. Le Conseil consultatif attend encore "
        "de voir les résultats dans les écoles.",
    ),
    Rating.NOT_SATISFIED: (
        "Sample data: the board has not seen enough evidence of change. Students and parents "
        "told us little has changed.",
        "Données d'exemple : le Conseil consultatif n'a pas vu assez de preuves de changement. "
        "Les élèves et les parents nous disent que peu de choses ont changé.",
    ),
    Rating.TOO_EARLY: (
        "Sample data: the work has only just started. The board will look again next term.",
        "Données d'exemple : le travail vient de commencer. Le Conseil consultatif regardera "
        "de nouveau au prochain trimestre.",
    ),
}
DONE = (ImplementationStatus.IMPLEMENTED, ImplementationStatus.ONGOING)


def _rating(index: int, status: ImplementationStatus) -> Rating:
    """An invented rating that follows the service's status, with a few disagreements."""
    if status in DONE:
        return [Rating.SATISFIED, Rating.PARTLY_SATISFIED, Rating.NOT_SATISFIED][index % 3]
    if status is ImplementationStatus.IN_PROGRESS:
        return [Rating.PARTLY_SATISFIED, Rating.SATISFIED][index % 2]
    if status in (ImplementationStatus.DEFERRED, ImplementationStatus.WILL_NOT_PROCEED):
        return Rating.NOT_SATISFIED
    return Rating.TOO_EARLY


def _draft(rating: Rating, day: date) -> Draft:
    english, french = COMMENTARY[rating]
    return Draft(rating, english, french, day)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), UTC)


def _member(user: User, category: Category, start: date) -> None:
    db.session.add(
        BoardMember(
            category=category,
            full_name=user.name,
            roster_name=None,  # demo accounts: not on the public roster
            term_start=start,
            term_end=start + timedelta(days=730),
            user_id=user.id,
        )
    )


def load_board_assessments(users: dict[str, User]) -> dict[str, int]:
    """Seats for the demo board accounts, and assessments of every third recommendation."""
    chair, member = users[BOARD_CHAIR_EMAIL], users[BOARD_MEMBER_EMAIL]
    today = now_utc().date()
    start = today - timedelta(days=180)
    seated = today - timedelta(days=270)  # before the first assessment: drafting needs a seat
    _member(chair, Category.PARENT, seated)
    _member(member, Category.STAFF, seated)
    db.session.flush()
    recs = db.session.scalars(sa.select(Recommendation).order_by(Recommendation.code)).all()
    approved = 0
    for index, rec in enumerate(recs[::EVERY]):
        day = start + timedelta(days=30 + index * 7)
        if index % 5 == 0:  # an earlier view first: the history
            _approved(member, chair, rec, _draft(Rating.TOO_EARLY, day - timedelta(days=60)))
            approved += 1
        if index == 1:  # waiting for the board chair, returned once
            _waiting(member, chair, rec, _draft(_rating(index, rec.status), day))
            continue
        _approved(member, chair, rec, _draft(_rating(index, rec.status), day))
        approved += 1
    db.session.flush()
    return {"board assessments": approved}


def _approved(member: User, chair: User, rec: Recommendation, draft: Draft) -> None:
    with clock_set_to(_at(draft.assessed_on, 16)):
        assessment = start_draft(member, rec, draft)
        submit(member, assessment, None)
    with clock_set_to(_at(draft.assessed_on + timedelta(days=2), 17)):
        approve(chair, assessment, None)


def _waiting(member: User, chair: User, rec: Recommendation, draft: Draft) -> None:
    with clock_set_to(_at(draft.assessed_on, 16)):
        assessment = start_draft(member, rec, draft)
        submit(member, assessment, None)
    with clock_set_to(_at(draft.assessed_on + timedelta(days=1), 10)):
        return_draft(chair, assessment, "Sample data: please add what parents told us.", None)
    with clock_set_to(_at(draft.assessed_on + timedelta(days=3), 11)):
        submit(member, assessment, None)
