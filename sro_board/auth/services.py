"""Account changes: create, edit, deactivate, change password; each one audited."""

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from ..audit.services import record
from ..core.extensions import db
from . import passwords
from .account_checks import account_usable
from .login import end_sessions
from .models import User
from .role_checks import role_refusal
from .roles import Role

# A fixed hash to compare against for unknown emails, so both paths take the same time.
_DUMMY = User(password_hash="")


class AccountError(ValueError):
    """A refused account change; the message is shown to the user."""


class WrongCurrentPassword(AccountError):
    """The current password given with a password change is not right."""


LANGUAGES = ("en", "fr")  # the languages a staff member's email can be written in


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively."""
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    """The user with this email, or None."""
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _equalise_timing(password: str) -> None:
    """Spend the time a real password check takes."""
    dummy = _DUMMY.password_hash
    if not dummy.startswith("$argon2") or passwords.hasher.check_needs_rehash(dummy):
        _DUMMY.password_hash = passwords.hash_password("timing-equaliser-password")
    passwords.verify_password(_DUMMY.password_hash, password)


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (same time either way)."""
    user = find_by_email(email)
    if user is None or not user.has_password:
        _equalise_timing(password)
        return None
    if not user.check_password(password) or not user.active or not account_usable(user):
        return None
    return user


def check_new_password(password: str, user: User | None = None, **who: str) -> None:
    """Refuse a password the policy does not allow (passwords.password_problem)."""
    if user is not None:
        who = {"email": user.email, "name": user.name}
    if problem := passwords.password_problem(password, **who):
        raise AccountError(problem)


def create_user(
    actor: User | None,
    *,
    email: str,
    name: str,
    roles: set[Role],
    password: str | None,
    language: str | None = None,
) -> User:
    """Add a staff account; without a password it waits for its invitation to be accepted."""
    email = normalise_email(email)
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        raise AccountError(_("Enter a valid email address, like name@example.org.")) from error
    if find_by_email(email):
        raise AccountError(_("An account with that email already exists."))
    if not roles:
        raise AccountError(_("Choose at least one role."))
    if language is not None and language not in LANGUAGES:
        raise AccountError(_("Choose English or French."))
    if password is not None:
        check_new_password(password, email=email, name=name)
    user = User(email=email, name=name.strip(), password_hash="", language=language)
    if refusal := role_refusal(user, frozenset(roles)):
        raise AccountError(refusal)
    user.set_roles(roles)
    if password is not None:
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    record(
        actor,
        "user.created",
        "user",
        user.id,
        f"Created account for {user.name}",
        after={"roles": sorted(roles), "active": True, "language": language},
    )
    return user


def update_user(
    actor: User,
    user: User,
    *,
    name: str,
    email: str,
    roles: set[Role],
    active: bool,
    language: str | None = None,
) -> None:
    """Change a user's name, email, roles, active flag or email language (None: unchanged).

    The user's sessions end when the email, the roles or the active flag change.
    """
    email = normalise_email(email)
    other = find_by_email(email)
    if other and other.id != user.id:
        raise AccountError(_("Another account already uses that email."))
    if not roles:
        raise AccountError(_("Choose at least one role."))
    if user.id == actor.id and (not active or Role.ADMIN not in roles):
        raise AccountError(_("You cannot deactivate yourself or remove your own admin role."))
    if language is not None and language not in LANGUAGES:
        raise AccountError(_("Choose English or French."))
    if refusal := role_refusal(user, frozenset(roles - user.roles)):
        raise AccountError(refusal)
    before = {"name": user.name, "roles": sorted(user.roles), "active": user.active}
    after = {"name": name.strip(), "roles": sorted(roles), "active": active}
    if language is not None and language != user.language:
        before["language"], after["language"] = user.language, language
        user.language = language
    access_changed = (email, roles, active) != (user.email, user.roles, user.active)
    user.name, user.email, user.active = name.strip(), email, active
    user.set_roles(roles)
    if access_changed:
        end_sessions(user)
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
    """Change one's own password after checking the current one; other sessions end."""
    if not user.check_password(current):
        raise WrongCurrentPassword(_("The current password is not correct."))
    check_new_password(new, user)
    user.set_password(new)
    end_sessions(user)
    record(user, "user.password_changed", "user", user.id, "Changed own password")
    db.session.flush()


def end_user_sessions(actor: User, user: User) -> None:
    """An admin logs a user out everywhere."""
    end_sessions(user)
    record(actor, "user.sessions_ended", "user", user.id, f"Ended the sessions of {user.name}")
    db.session.flush()


def set_language(user: User, language: str) -> None:
    """Choose the language of one's own email (audited)."""
    if language not in LANGUAGES:
        raise AccountError(_("Choose English or French."))
    if language == user.language:
        return
    before = {"language": user.language}
    user.language = language
    record(
        user,
        "user.language_changed",
        "user",
        user.id,
        "Changed own email language",
        before=before,
        after={"language": language},
    )
    db.session.flush()
