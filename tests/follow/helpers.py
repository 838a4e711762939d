"""Helpers for the follow tests: the form, the links in emails, publishing an update."""

import re
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app

from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from sro_board.follow.models import Follower, Frequency, ScopeKind
from sro_board.mail.backends import SENT
from sro_board.mail.services import recipient_hash
from sro_board.recommendations.services import approve_update, propose_update
from tests.factories import make_user

ADDRESS = "parent.follower@example.org"
LINK = re.compile(r"https?://\S+?/follow/(confirm|manage|unsubscribe)/([A-Za-z0-9_-]{43})")


def follow(client, email: str = ADDRESS, scope: str = "all", frequency: str = "instant", **extra):
    """Send the follow form (prefix='/fr' for the French page)."""
    prefix = extra.pop("prefix", "")
    data = {"email": email, "scope": scope, "frequency": frequency} | extra
    return client.post(f"{prefix}/follow", data=data)


def link(body: str, kind: str) -> str:
    """The path of a confirm, manage or unsubscribe link in an email body."""
    for match in LINK.finditer(body):
        if match.group(1) == kind:
            return urlsplit(match.group(0)).path
    raise AssertionError(f"no {kind} link in: {body}")


def sent(recipient: str | None = None) -> list:
    """Messages handed to the memory backend (to one recipient if given)."""
    return [m for m in current_app.extensions[SENT] if recipient in (None, m.recipient)]


def confirm(client, body: str):
    """Open the confirmation link and press the button."""
    path = link(body, "confirm")
    assert client.get(path).status_code == 200
    return client.post(path)


def followed(client, email: str = ADDRESS, scope: str = "all", frequency: str = "instant"):
    """Follow and confirm through the pages (memory backend)."""
    assert follow(client, email, scope, frequency).status_code == 302
    assert confirm(client, sent(email)[-1].body).status_code == 200


def approved_update(rec, note: str = "Training started.", internal: str = "", **values):
    """A member's draft on rec approved by a chair (the service, as the staff route does)."""
    member = make_user(["member"], email=f"m-{rec.code.lower()}-{rec.version}@example.org")
    chair = make_user(["chair"], email=f"c-{rec.code.lower()}-{rec.version}@example.org")
    update = propose_update(
        rec,
        member,
        values or {"progress": rec.progress + 10},
        public_note=note,
        internal_note=internal,
        based_on_version=rec.version,
    )
    db.session.commit()
    approve_update(update, chair)
    db.session.commit()
    return update


def followers() -> list[Follower]:
    """Every follower row."""
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Follower).order_by(Follower.id)))


def make_follower(address: str, confirmed: bool) -> Follower:
    """A follower of everything, instant, in English (added, not committed)."""
    row = Follower(
        address=address,
        address_hash=recipient_hash(address),
        scope="all",
        kind=ScopeKind.ALL,
        frequency=Frequency.INSTANT,
        language="en",
        confirmed_at=now_utc() if confirmed else None,
    )
    db.session.add(row)
    return row
