"""Per-account login throttling in the database, shared by every worker.

Keyed by an HMAC of the email address, so unknown addresses are throttled exactly like known
ones (nothing tells them apart) and the table holds no address. After LOGIN_FREE_FAILURES
consecutive failures (wrong password or wrong code) each further attempt waits a back-off
window that doubles from LOGIN_BACKOFF_SECONDS up to LOGIN_BACKOFF_MAX_SECONDS: never a
permanent lockout. A successful login or password reset clears the count; failures older
than a day are forgotten.
"""

import hashlib
import hmac
import math
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from ..core.clock import now_utc
from ..core.extensions import db
from .models import LoginThrottle

FORGET_AFTER = timedelta(days=1)


def throttle_key(email: str) -> str:
    """The HMAC-SHA256 of the normalised address under the app's secret key."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def retry_after(email: str) -> int:
    """Seconds until the address may try again (0: it may try now)."""
    row = db.session.get(LoginThrottle, throttle_key(email))
    blocked_until = row.blocked_until if row else None
    if blocked_until is None:
        return 0
    return max(0, math.ceil((blocked_until - now_utc()).total_seconds()))


def _backoff(failures: int) -> timedelta | None:
    config = current_app.config
    over = failures - config["LOGIN_FREE_FAILURES"]
    if over < 0:
        return None
    seconds = config["LOGIN_BACKOFF_SECONDS"] * 2 ** min(over, 20)
    return timedelta(seconds=min(seconds, config["LOGIN_BACKOFF_MAX_SECONDS"]))


def record_failure(email: str) -> None:
    """Count one failed attempt for the address and start a back-off window when due."""
    key, now = throttle_key(email), now_utc()
    db.session.execute(
        sa.delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - FORGET_AFTER)
    )
    bump = (
        sa.update(LoginThrottle)
        .where(LoginThrottle.key == key)
        .values(failures=LoginThrottle.failures + 1, last_failure_at=now)
        .execution_options(synchronize_session=False)
    )
    if not db.session.execute(bump).rowcount:
        try:
            with db.session.begin_nested():
                db.session.add(LoginThrottle(key=key, failures=1, last_failure_at=now))
        except IntegrityError:  # another worker inserted it first
            db.session.execute(bump)
    row = db.session.get(LoginThrottle, key, populate_existing=True)
    if wait := _backoff(row.failures):
        row.blocked_until = now + wait
    db.session.flush()


def clear(email: str) -> None:
    """Forget the address's failures (after a successful login or a password reset)."""
    db.session.execute(sa.delete(LoginThrottle).where(LoginThrottle.key == throttle_key(email)))
