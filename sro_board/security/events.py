"""Security events: one structured log record per login, failure, denial, MFA change, export.

Fields are ids, names and counts, never personal data: log a user's id, not their email. Each
event made during a request also names its subject ("user:<id>", or "email:<keyed hash>" for
an address with no account), the client address (X-Forwarded-For only behind
TRUSTED_PROXIES, through werkzeug's ProxyFix) and the request id.
"""

import hashlib
import hmac
import logging
from typing import Any

from flask import Flask, current_app, g, has_request_context, request, session
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger("sro_board.security")
# LogRecord attributes that an event field must not overwrite.
_RESERVED = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


def email_subject(email: str) -> str:
    """An address as an event's subject: a keyed hash (SECRET_KEY), never the address itself."""
    key = b"security-event-subject:" + current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()
    return f"email:{digest[:16]}"  # 64 bits: enough to tie events together, short of a token


def _request_fields(anonymous: bool) -> dict[str, Any]:
    if not has_request_context():
        return {"route": "(command line)"}
    fields: dict[str, Any] = {
        "method": request.method,
        "route": request.url_rule.rule if request.url_rule else "(no route)",
        "request_id": g.get("request_id", "-"),
    }
    if anonymous:
        return fields
    fields["client"] = request.remote_addr or "-"
    user = g.get("_login_user")
    if user is not None and user.is_authenticated:
        fields["user_id"] = user.id
    elif "_user_id" in session:
        fields["user_id"] = str(session["_user_id"]).partition(":")[0]
    return fields


def security_event(
    name: str, *, level: int = logging.INFO, anonymous: bool = False, **fields: Any
) -> None:
    """Log security event `name` (e.g. "login.failed") with route, subject, client, request id.

    anonymous=True leaves out the user, subject and client address (a browser's CSP report).
    """
    extra = _request_fields(anonymous) | fields | {"event": name}
    if not anonymous and "subject" not in extra and "user_id" in extra:
        extra["subject"] = f"user:{extra['user_id']}"
    clashes = _RESERVED & extra.keys()
    if clashes:
        raise ValueError(f"security_event fields clash with log record names: {sorted(clashes)}")
    if has_request_context():
        g.setdefault("security_events", []).append(name)
    log.log(level, "security event %s", name, extra={"security_event": True, **extra})


def logged_in_this_request(name: str) -> bool:
    """True if event `name` was already logged while handling this request."""
    return has_request_context() and name in g.get("security_events", ())


def log_refusal(_app: Flask, *, error: HTTPException, code: int) -> None:
    """Log a refused form (CSRF) or a denied access, once per request (core's error pages)."""
    if isinstance(error, CSRFError):
        security_event("csrf.refused", level=logging.WARNING, status=code)
    elif code in (401, 403) and not logged_in_this_request("access.denied"):
        security_event("access.denied", level=logging.WARNING, status=code)
