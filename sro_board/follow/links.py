"""Secret links in follow emails: a random token in the email, only its hash in the database."""

import hashlib
import re
import secrets

import sqlalchemy as sa

from ..core.extensions import db
from .models import Follower, FollowLink, LinkPurpose

TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def token_hash(token: str) -> str:
    """The SHA-256 hex of a token (a random token needs no key)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh random token and its hash."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def new_link(follower: Follower, purpose: LinkPurpose) -> str:
    """Store a link's hash for follower; the token, for the email only."""
    token, hashed = new_token()
    db.session.add(FollowLink(token_hash=hashed, follower=follower, purpose=purpose))
    return token


def find_link(token: str, purpose: LinkPurpose | None = None) -> FollowLink | None:
    """The link this token opens (of this purpose, if given), or None."""
    if not TOKEN.match(token or ""):
        return None
    query = sa.select(FollowLink).where(FollowLink.token_hash == token_hash(token))
    if purpose is not None:
        query = query.where(FollowLink.purpose == purpose)
    return db.session.scalar(query)
