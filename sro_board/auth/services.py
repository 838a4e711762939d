"""Account changes: create, edit, deactivate, change password; each one audited."""

import sqlalchemy as sa

from ..audit.services import record
from ..extensions import db
from .forms import MIN_PASSWORD
from .models import User
from .roles import Role

# A fixed hash to compare against for unknown emails, so both paths take the same time.
_DUMMY = User(password_hash="")


class AccountError(ValueError):
    """A refused account change; the message is shown to the user."""


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively."""
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    """The user with this email, or None."""
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_by_email(email)
    if user is None:
        if not _DUMMY.password_hash:
            _DUMMY.set_password("timing-equaliser")
        _DUMMY.check_password(password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"The password must have at least {MIN_PASSWORD} characters.")


def create_user(
    actor: User | None, *, email: str, name: str, roles: set[Role], password: str
) -> User:
    """Add a staff account."""
    email = normalise_email(email)
    if find_by_email(email):
        raise AccountError("An account with that email already exists.")
    if not roles:
        raise AccountError("Choose at least one role.")
    _check_password_rules(password)
    user = User(email=email, name=name.strip())
    user.set_roles(roles)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    record(
        actor,
        "user.created",
        "user",
        user.id,
        f"Created account for {user.name}",
        after={"roles": sorted(roles), "active": True},
    )
    return user


def update_user(
    actor: User, user: User, *, name: str, email: str, roles: set[Role], active: bool
) -> None:
    """Change a user's name, email, roles or active flag."""
    email = normalise_email(email)
    other = find_by_email(email)
    if other and other.id != user.id:
        raise AccountError("Another account already uses that email.")
    if not roles:
        raise AccountError("Choose at least one role.")
    if user.id == actor.id and (not active or Role.ADMIN not in roles):
        raise AccountError("You cannot deactivate yourself or remove your own admin role.")
    before = {"name": user.name, "roles": sorted(user.roles), "active": user.active}
    user.name, user.email, user.active = name.strip(), email, active
    user.set_roles(roles)
    after = {"name": user.name, "roles": sorted(roles), "active": active}
    record(
        actor,
        "user.updated",
        "user",
        user.id,
        f"Updated account of {user.name}",
        before=before,
        after=after,
    )
    db.session.flush()


def change_password(user: User, current: str, new: str) -> None:
    """Change one's own password after checking the current one."""
    if not user.check_password(current):
        raise AccountError("The current password is not correct.")
    _check_password_rules(new)
    user.set_password(new)
    record(user, "user.password_changed", "user", user.id, "Changed own password")
    db.session.flush()
