"""Following: subscribe (double opt-in), confirm, change or stop, and the 7-day purge.

A subscription answers the same whether or not the address already follows the scope: a new
or unconfirmed follow gets a confirmation link, a confirmed one a link to manage it. The
address is kept encrypted, found again by its keyed hash, and never logged.
"""

from datetime import timedelta

import sqlalchemy as sa

from ..core.clock import now_utc
from ..core.extensions import db
from ..core.urls import public_url
from ..mail.services import queue_email, recipient_hash
from ..recommendations.enums import Theme
from ..recommendations.models import Recommendation
from .links import new_link
from .models import Follower, FollowLink, Frequency, LinkPurpose, ScopeKind
from .scopes import scope_key

UNCONFIRMED_DAYS = 7
# A link in an email (manage, one-click unsubscribe) works for a year; older ones are deleted.
LINK_DAYS = 365


def list_headers(token: str, language: str) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe headers for an email carrying this link token."""
    url = public_url("follow.unsubscribe", _language=language, token=token)
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def subscribe(
    address: str,
    kind: ScopeKind,
    frequency: Frequency,
    language: str,
    theme: Theme | None = None,
    rec: Recommendation | None = None,
) -> None:
    """Ask address to confirm following the scope (or, if it already does, offer to manage it)."""
    hashed = recipient_hash(address)
    scope = scope_key(kind, theme, rec)
    follower = db.session.scalar(
        sa.select(Follower).where(Follower.address_hash == hashed, Follower.scope == scope)
    )
    if follower is not None and follower.confirmed_at is not None:
        token = new_link(follower, LinkPurpose.MANAGE)
        queue_email(
            follower.address,
            "follow_already",
            language=follower.language,
            headers=list_headers(token, follower.language),
            follower=follower,
            manage_url=public_url("follow.manage", _language=follower.language, token=token),
        )
        db.session.flush()
        return
    if follower is None:
        follower = Follower(
            address=address.strip(),
            address_hash=hashed,
            scope=scope,
            kind=kind,
            theme=theme if kind is ScopeKind.THEME else None,
            recommendation=rec if kind is ScopeKind.RECOMMENDATION else None,
        )
        db.session.add(follower)
    follower.frequency = frequency
    follower.language = language
    token = new_link(follower, LinkPurpose.CONFIRM)
    queue_email(
        follower.address,
        "follow_confirm",
        language=language,
        follower=follower,
        confirm_url=public_url("follow.confirm", _language=language, token=token),
        days=UNCONFIRMED_DAYS,
    )
    db.session.flush()


def confirm(link: FollowLink) -> Follower:
    """Confirm the follow a confirmation link is for; the link then stops working."""
    follower = link.follower
    if follower.confirmed_at is None:
        follower.confirmed_at = follower.last_digest_at = now_utc()
    db.session.delete(link)
    db.session.flush()
    return follower


def follows_of(link: FollowLink) -> list[Follower]:
    """Every confirmed follow of the address a link was sent to."""
    return list(
        db.session.scalars(
            sa.select(Follower)
            .where(
                Follower.address_hash == link.follower.address_hash,
                Follower.confirmed_at.is_not(None),
            )
            .order_by(Follower.id)
        )
    )


def own_follow(link: FollowLink, follower_id: int) -> Follower | None:
    """One of the link's address's follows by id, or None if it is not theirs."""
    return next((f for f in follows_of(link) if f.id == follower_id), None)


def set_frequency(follower: Follower, frequency: Frequency) -> None:
    """Instant emails or a weekly digest from now on."""
    if follower.frequency is not frequency:
        follower.frequency = frequency
        follower.last_digest_at = now_utc()
    db.session.flush()


def stop(follower: Follower) -> None:
    """Stop one follow (its links go with it)."""
    db.session.delete(follower)
    db.session.flush()


def stop_all(link: FollowLink) -> int:
    """Stop every follow of the link's address, confirmed or not; returns how many."""
    follows = list(
        db.session.scalars(
            sa.select(Follower).where(Follower.address_hash == link.follower.address_hash)
        )
    )
    for follower in follows:
        db.session.delete(follower)
    db.session.flush()
    return len(follows)


def unsubscribe(link: FollowLink) -> None:
    """One-click unsubscribe: stop the follow this email was sent for."""
    stop(link.follower)


def purge_unconfirmed() -> int:
    """Delete follows left unconfirmed for 7 days; returns how many."""
    before = now_utc() - timedelta(days=UNCONFIRMED_DAYS)
    ids = list(
        db.session.scalars(
            sa.select(Follower.id).where(
                Follower.confirmed_at.is_(None), Follower.created_at < before
            )
        )
    )
    if ids:
        db.session.execute(sa.delete(FollowLink).where(FollowLink.follower_id.in_(ids)))
        db.session.execute(sa.delete(Follower).where(Follower.id.in_(ids)))
    return len(ids)


def purge_old_links() -> int:
    """Delete links sent more than LINK_DAYS ago; returns how many."""
    before = now_utc() - timedelta(days=LINK_DAYS)
    result = db.session.execute(
        sa.delete(FollowLink).where(FollowLink.created_at < before),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount or 0
