"""The steps of proving who one is: password, then a code for users with MFA.

Each step first asks the per-account throttle (throttle.py); each failure counts there. A
password alone never clears the count for a user with MFA: only the whole login does.
"""

from dataclasses import dataclass

from ..security.events import email_subject, security_event
from .mfa import use_recovery_code, verify_totp
from .models import User
from .services import authenticate, find_by_email
from .throttle import clear, record_failure, retry_after


@dataclass(frozen=True)
class StepResult:
    """What a step decided: the user (on success) or how long to wait (when throttled)."""

    user: User | None = None
    retry_after: int = 0
    used_recovery_code: bool = False


def login_subject(email: str) -> str:
    """Whom a login attempt was for: the account's id, or a keyed hash of an unknown address."""
    user = find_by_email(email)
    return f"user:{user.id}" if user is not None else email_subject(email)


def password_step(email: str, password: str) -> StepResult:
    """Check an email and password, unless the address is in a back-off window."""
    if wait := retry_after(email):
        security_event("login.throttled", step="password", subject=login_subject(email))
        return StepResult(retry_after=wait)
    user = authenticate(email, password)
    if user is None:
        record_failure(email)
        security_event("login.failed", step="password", subject=login_subject(email))
        return StepResult()
    return StepResult(user=user)


def code_step(user: User, code: str) -> StepResult:
    """Check a TOTP code or a recovery code for a user who gave the right password."""
    if wait := retry_after(user.email):
        security_event("login.throttled", step="code", user_id=user.id)
        return StepResult(retry_after=wait)
    if verify_totp(user, code):
        return StepResult(user=user)
    if use_recovery_code(user, code):
        security_event("mfa.recovery_code_used", user_id=user.id)
        return StepResult(user=user, used_recovery_code=True)
    record_failure(user.email)
    security_event("mfa.failed", user_id=user.id)
    return StepResult()


def logged_in(user: User) -> None:
    """The whole login succeeded: forget earlier failures."""
    clear(user.email)
    security_event("login.succeeded", user_id=user.id)
