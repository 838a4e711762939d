"""Emailed single-use links: invitations (48 h) and password resets (1 h).

The link carries 256 random bits; only its sha256 is stored (like the board's status links).
Issuing a new link of a kind spends the user's earlier ones; using a link spends it.
"""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ..audit.services import record
from ..core.clock import now_utc
from ..core.extensions import db
from ..core.i18n import current_language
from ..core.urls import public_url
from ..mail.services import queue_email
from ..security.events import security_event
from ..security.tokens import new_token, token_hash_or_none
from .login import end_sessions
from .models import AccountToken, TokenPurpose, User
from .roles import Role
from .services import check_new_password, create_user, find_by_email
from .services_mfa import notify
from .throttle import clear


def _lifetime(purpose: TokenPurpose) -> timedelta:
    config = current_app.config
    if purpose is TokenPurpose.INVITATION:
        return timedelta(hours=config["INVITATION_HOURS"])
    return timedelta(minutes=config["PASSWORD_RESET_MINUTES"])


def _spend_unused(user: User, *purposes: TokenPurpose) -> None:
    db.session.execute(
        sa.update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose.in_(purposes),
            AccountToken.used_at.is_(None),
        )
        .values(used_at=now_utc())
        .execution_options(synchronize_session=False)
    )


def issue_link(user: User, purpose: TokenPurpose) -> str:
    """A new single-use token for the user (earlier ones of the kind stop working)."""
    _spend_unused(user, purpose)
    token, digest = new_token()
    now = now_utc()
    db.session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=digest,
            created_at=now,
            expires_at=now + _lifetime(purpose),
        )
    )
    db.session.flush()
    return token


def find_link(token: str, purpose: TokenPurpose) -> AccountToken | None:
    """The unused, unexpired link for this token and kind, or None."""
    digest = token_hash_or_none(token)
    if digest is None:
        return None
    row = db.session.scalar(
        sa.select(AccountToken).where(
            AccountToken.token_hash == digest,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
    )
    if row is None or not row.user.active:
        return None
    return row if row.expires_at > now_utc() else None


def _send_invitation(actor: User, user: User) -> None:
    token = issue_link(user, TokenPurpose.INVITATION)
    language = user.email_language()
    queue_email(
        user.email,
        "invitation",
        language=language,
        name=user.name,
        inviter=actor.name,
        link=public_url("auth.accept_invitation", _language=language, token=token),
        hours=current_app.config["INVITATION_HOURS"],
        # An advisory-board member is not staff: their invitation says so.
        board=user.has_role(Role.BOARD_MEMBER, Role.BOARD_CHAIR),
    )


def invite_user(
    actor: User, *, email: str, name: str, roles: set[Role], language: str = "en"
) -> User:
    """Create an account without a password and email its owner, in their language, a link."""
    user = create_user(actor, email=email, name=name, roles=roles, password=None, language=language)
    _send_invitation(actor, user)
    record(actor, "user.invited", "user", user.id, f"Invited {user.name}")
    return user


def resend_invitation(actor: User, user: User) -> None:
    """A fresh invitation link for someone who has not set a password yet."""
    if user.has_password:
        raise ValueError(_("This person has already accepted their invitation."))
    _send_invitation(actor, user)
    record(actor, "user.invited", "user", user.id, f"Sent {user.name} a new invitation")


def request_password_reset(email: str) -> None:
    """Email a reset link if an active account with a password has this address; else nothing.

    The email is in the user's language, or in the page's when they have not chosen one.
    """
    user = find_by_email(email)
    if user is None or not user.active or not user.has_password:
        new_token()  # a little of the same work, nothing stored
        return
    token = issue_link(user, TokenPurpose.PASSWORD_RESET)
    language = user.email_language(current_language())
    queue_email(
        user.email,
        "password_reset",
        language=language,
        name=user.name,
        link=public_url("auth.reset_password", _language=language, token=token),
        minutes=current_app.config["PASSWORD_RESET_MINUTES"],
    )
    security_event("password_reset.requested", user_id=user.id)


def set_password_from_link(link: AccountToken, password: str) -> User:
    """Set the password of the link's user, spend the link, end the user's sessions."""
    user = link.user
    check_new_password(password, user)
    user.set_password(password)
    link.used_at = now_utc()
    _spend_unused(user, TokenPurpose.PASSWORD_RESET, TokenPurpose.INVITATION)
    end_sessions(user)
    clear(user.email)
    if link.purpose is TokenPurpose.INVITATION:
        record(user, "user.invitation_accepted", "user", user.id, "Set own password")
    else:
        record(user, "user.password_reset", "user", user.id, "Reset own password by email")
        notify(user, "password_reset")
    security_event(f"{link.purpose.value}.used", user_id=user.id)
    db.session.flush()
    return user
