"""The limit on accepted applications per client address (APPLY_RATE_LIMIT).

Only accepted applications count, so a classroom sharing one school address can fix its typos
freely. Flask-Limiter's decorator decides before the view runs and would throw away what was
typed; here the view asks once the form is valid, and counts after the application is saved,
through the limiter's own strategy and storage (shared by the workers when it is Redis). The
counters are keyed by address only: nothing typed is kept anywhere for this.
"""

import math
import time

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse_many

from ...core.extensions import limiter

SCOPE = "board-apply-accepted"


def apply_rate_limit() -> str:
    """APPLY_RATE_LIMIT; also Flask-Limiter's limit on the pages that email an address typed in."""
    return current_app.config["APPLY_RATE_LIMIT"]


def _limits() -> list[RateLimitItem]:
    return parse_many(apply_rate_limit())


def _identifiers() -> tuple[str, ...]:
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX", "")
    return tuple(part for part in (prefix, SCOPE, get_remote_address()) if part)


def seconds_to_wait() -> int:
    """0 while this address may send another application; otherwise the seconds until it may."""
    if not limiter.enabled:
        return 0
    strategy, key = limiter.limiter, _identifiers()
    waits = [
        # The storage keeps its windows on the machine's clock (time.time()), so the wait is
        # measured on that clock too, not on the app's.
        math.ceil(strategy.get_window_stats(item, *key).reset_time - time.time())
        for item in _limits()
        if not strategy.test(item, *key)
    ]
    return max([1, *waits]) if waits else 0


def count_accepted() -> None:
    """Count one accepted application against this address."""
    if limiter.enabled:
        key = _identifiers()
        for item in _limits():
            limiter.limiter.hit(item, *key)


def wait_words(seconds: int) -> str:
    """A wait in plain words: 'about a minute', 'about 12 minutes', 'about 2 hours'."""
    minutes = math.ceil(seconds / 60)
    if minutes <= 1:
        return _("about a minute")
    if minutes < 90:
        return ngettext("about %(num)d minute", "about %(num)d minutes", minutes)
    hours = round(minutes / 60)
    return ngettext("about %(num)d hour", "about %(num)d hours", hours)
