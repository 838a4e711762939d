"""Turning MFA on and off, and recovery codes; each change audited and the user emailed."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..audit.services import record
from ..core.clock import now_utc
from ..core.extensions import db
from ..core.i18n import current_language
from ..mail.services import queue_email
from ..security.events import security_event
from .login import end_sessions
from .mfa import new_recovery_codes, new_secret, verify_totp
from .models import User
from .services import AccountError

# What changed, said in the email; rendered in the user's language.
CHANGES = {
    "password_reset": _l("Your password was reset using a link sent to this address."),
    "mfa_on": _l("Two-step login was turned on for your account."),
    "codes_replaced": _l(
        "New recovery codes were made for your account; the old ones no longer work."
    ),
    "mfa_off": _l("Two-step login was turned off for your account."),
}


def notify(user: User, change: str) -> None:
    """Email the user that their sign-in details changed (no link, no secret in it).

    `change` is a key of CHANGES; the email is in the user's language (else the page's).
    """
    queue_email(
        user.email,
        "account_changed",
        language=user.email_language(current_language()),
        name=user.name,
        change=CHANGES[change],
    )


def start_enrolment(user: User) -> str:
    """A new secret for the user to add to an authenticator app (not active until confirmed)."""
    if user.mfa_enabled:
        raise AccountError(_("Two-step login is already on."))
    user.totp_secret = new_secret()
    user.totp_last_step = None
    db.session.flush()
    return user.totp_secret


def confirm_enrolment(user: User, code: str) -> list[str]:
    """Turn MFA on once the app's first code matches; returns the recovery codes to show once."""
    if user.mfa_enabled or not user.totp_secret:
        raise AccountError(_("Start the set-up again."))
    if not verify_totp(user, code):
        raise AccountError(_("That code is not right. Check the app's time and try the new code."))
    user.totp_enabled_at = now_utc()
    codes = new_recovery_codes(user)
    end_sessions(user)
    record(user, "user.mfa_enabled", "user", user.id, "Turned on two-step login")
    notify(user, "mfa_on")
    security_event("mfa.enabled", user_id=user.id)
    db.session.flush()
    return codes


def replace_recovery_codes(user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    if not user.mfa_enabled:
        raise AccountError(_("Turn on two-step login first."))
    codes = new_recovery_codes(user)
    record(user, "user.recovery_codes_replaced", "user", user.id, "Made new recovery codes")
    notify(user, "codes_replaced")
    db.session.flush()
    return codes


def turn_off_mfa(actor: User, user: User) -> None:
    """Remove the authenticator and recovery codes (own choice, or an admin's reset)."""
    own = actor.id == user.id
    if own and user.mfa_required:
        raise AccountError(
            _("Your role requires two-step login. You can set up a new app instead.")
        )
    user.totp_secret = user.totp_enabled_at = user.totp_last_step = None
    user.recovery_codes = []
    end_sessions(user)
    action, summary = (
        ("user.mfa_disabled", "Turned off two-step login")
        if own
        else ("user.mfa_reset", f"Reset the two-step login of {user.name}")
    )
    record(actor, action, "user", user.id, summary)
    notify(user, "mfa_off")
    security_event("mfa.disabled", user_id=user.id, by=actor.id)
    db.session.flush()


def replace_authenticator(user: User) -> None:
    """Drop the current app so the user can set up a new one now (required roles too)."""
    user.totp_secret = user.totp_enabled_at = user.totp_last_step = None
    user.recovery_codes = []
    end_sessions(user)
    record(user, "user.mfa_disabled", "user", user.id, "Removed own authenticator to replace it")
    security_event("mfa.disabled", user_id=user.id, by=user.id)
    db.session.flush()


def enrol_with_secret(user: User, secret: str) -> None:
    """Turn MFA on with a known secret (demo accounts and tests; no code asked)."""
    user.totp_secret = secret
    user.totp_enabled_at = now_utc()
    user.totp_last_step = None
    db.session.flush()
