"""Helpers for the tracker's tests: the edit form, publishing, drafts and updates."""

import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.recommendations.models import Recommendation, Update
from sro_board.recommendations.services import approve_update, propose_update
from tests.factories import make_user
from tests.pages import load_form


def edit_path(code: str = "R-01") -> str:
    """The working group's edit form of a recommendation."""
    return f"/staff/recommendations/{code}/edit"


def submit_edit(client, code: str = "R-01", form: dict | None = None, **changes):
    """Load the edit form (unless given), change some fields and submit it."""
    data = dict(form if form is not None else load_form(client, edit_path(code)))
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [str(value)]
    return client.post(edit_path(code), data=data)


def rec_by_code(code: str = "R-01") -> Recommendation:
    """The recommendation with this code, freshly read from the database."""
    db.session.expire_all()
    return db.session.scalars(sa.select(Recommendation).where(Recommendation.code == code)).one()


def publish(rec: Recommendation, public_note: str = "", internal_note: str = "", **values):
    """Publish values at once, as the command line does (trusted, no second person)."""
    update = propose_update(
        rec,
        None,
        values,
        public_note=public_note,
        internal_note=internal_note,
        based_on_version=rec.version,
    )
    db.session.commit()
    return update


def publish_closing(rec: Recommendation, public_note: str = "Closed.", **values) -> Update:
    """Close a recommendation (e.g. will not proceed): the command line's update, which waits
    for a second person, signed off by a chair."""
    update = publish(rec, public_note=public_note, **values)
    approve_update(update, make_user(["chair"], email=f"sign-off-{rec.code.lower()}@example.org"))
    db.session.commit()
    return update


def draft(rec: Recommendation, author, public_note: str = "", internal_note: str = "", **values):
    """A member's update, saved as a draft."""
    update = propose_update(
        rec,
        author,
        values,
        public_note=public_note,
        internal_note=internal_note,
        based_on_version=rec.version,
    )
    db.session.commit()
    return update


def updates_of(rec: Recommendation) -> list[Update]:
    """Every update of a recommendation, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Update).where(Update.recommendation_id == rec.id).order_by(Update.id)
        )
    )


EVIDENCE = [{"title": "Published policy", "url": "https://example.org/policy"}]
