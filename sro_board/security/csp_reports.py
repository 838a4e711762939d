"""POST /csp-report: browsers report what the Content-Security-Policy blocked.

Accepted as `application/csp-report` (the report-uri format) and `application/reports+json`
(the Reporting API's report-to). Only the directive, the blocked origin (scheme and host, or a
keyword such as "inline") and how many times are kept, as a `csp.violation` security event
without user, client address or page: a report's full URLs can carry a private token and its
sender is a visitor. Rate limited per address (CSP_REPORT_RATE_LIMIT), bodies over
CSP_REPORT_MAX_BYTES refused with 413, no CSRF token (browsers send none), answer 204.
"""

import json
import re
from collections import Counter
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, request
from werkzeug.exceptions import BadRequest

from ..core.extensions import csrf, limiter
from .events import security_event

bp = Blueprint("security", __name__)
TYPES = ("application/csp-report", "application/reports+json")
WORD = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
HOST = re.compile(r"^[a-z0-9.-]{1,253}(:\d{1,5})?$")
MAX_KINDS = 20  # distinct (directive, origin) pairs logged per request


def directive_of(report: dict) -> str:
    """The violated directive's name ("script-src-elem"), or "other"."""
    value = report.get("effective-directive") or report.get("effectiveDirective")
    value = value or report.get("violated-directive") or ""
    name = str(value).strip().split(" ")[0].lower()
    return name if WORD.match(name) else "other"


def origin_of(report: dict) -> str:
    """What was blocked, as "https://host" or a keyword ("inline", "eval"); never a path."""
    value = str(report.get("blocked-uri") or report.get("blockedURL") or "").strip().lower()
    if WORD.match(value):
        return value  # inline, eval, self, data, blob, wasm-eval ...
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "other"
    if parts.scheme in ("http", "https", "ws", "wss") and HOST.match(host + port):
        return f"{parts.scheme}://{host}{port}"
    return parts.scheme if WORD.match(parts.scheme or "") else "other"


def _reports(payload: object) -> list[dict]:
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        return [payload["csp-report"]]
    if isinstance(payload, list):
        return [
            item["body"]
            for item in payload
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
    raise BadRequest("not a CSP report")


def _limit() -> str:
    return current_app.config["CSP_REPORT_RATE_LIMIT"]


@bp.post("/csp-report")
@csrf.exempt
@limiter.limit(_limit)
def csp_report():
    """Log each (directive, blocked origin) of a report with its count; answer 204."""
    if request.mimetype not in TYPES:
        abort(415)
    most = current_app.config["CSP_REPORT_MAX_BYTES"]
    if (request.content_length or 0) > most:
        abort(413)
    body = request.stream.read(most + 1)
    if len(body) > most:
        abort(413)
    try:
        payload = json.loads(body)
    except ValueError:
        abort(400)
    counts = Counter((directive_of(r), origin_of(r)) for r in _reports(payload)[:100])
    for (directive, blocked), count in counts.most_common(MAX_KINDS):
        security_event(
            "csp.violation", anonymous=True, directive=directive, blocked=blocked, count=count
        )
    return "", 204


def register(app: Flask) -> None:
    """Mount the report endpoint."""
    app.register_blueprint(bp)
