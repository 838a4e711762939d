"""HTTP for everything under /api/: JSON errors, CORS, validators and conditional GETs.

- Errors: any error under /api/ (a bad query, 404, 405, 429, 500...) is JSON of one shape,
  `{"error": {"status", "code", "message", "details"}}`, never an HTML page. The app's own
  handlers still run first (they roll back, log, set Allow or Retry-After); their page is
  replaced by the JSON.
- CORS: the data is public, so any origin may read it (GET, HEAD; preflights answered).
- Validators: every 200 carries a strong ETag (a hash of the body) and `Cache-Control:
  public, no-cache`: a client or proxy keeps the copy and asks each time, and gets a 304 for
  an unchanged body (If-None-Match), so an approval shows at once.
- Rate limit: API_RATE_LIMIT per client address on every API GET; a 429 says when to retry.
"""

import math
import time
from collections.abc import Callable

from flask import Flask, Response, current_app, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from ..core.extensions import limiter
from ..security.headers import is_private
from .registry import BadQuery, bp

PREFIX = "/api/"
CACHE_CONTROL = "public, no-cache"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = (
    "ETag, Retry-After, Content-Disposition, X-RateLimit-Limit, X-RateLimit-Remaining, "
    "X-RateLimit-Reset"
)
PREFLIGHT_MAX_AGE = "86400"

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


def messages() -> dict[int, str]:
    """Each error's message, in the request's language."""
    return {
        400: _("Some query parameters are not valid; see details."),
        404: _("There is nothing at this address in the API."),
        405: _("The API only reads: use GET."),
        429: _("Too many requests. Wait for the time in Retry-After, then try again."),
        500: _("Something went wrong on our side. Please try again."),
        503: _("The service is briefly unavailable. Please try again in a minute."),
    }


def under_api() -> bool:
    """True for a request to the API (in either language)."""
    return request.path.startswith(PREFIX)


def error_response(status: int, details: dict | None = None, headers=()) -> Response:
    """The API's JSON error, with the status's own headers (Allow, Retry-After)."""
    body = {
        "error": {
            "status": status,
            "code": CODES.get(status, f"http_{status}"),
            "message": messages().get(status, _("The request could not be answered.")),
            "details": details or {},
        }
    }
    response = current_app.json.response(body)
    response.status_code = status
    for name, value in headers:
        if name.lower() in ("allow", "retry-after"):
            response.headers[name] = value
    if status == 429:
        response.headers["Retry-After"] = str(retry_after())
    return response


def retry_after() -> int:
    """Seconds until the client's rate-limit window resets (at least one)."""
    limit = limiter.current_limit
    if limit is None:
        return 60
    return max(1, math.ceil(limit.reset_at - time.time()))


def _json_errors(handler: Callable) -> Callable:
    """The app's error handler, answering in the API's JSON under /api/."""

    def handle(error: Exception):
        if not under_api():
            return handler(error)
        result = current_app.make_response(handler(error))
        details = error.details if isinstance(error, BadQuery) else None
        return error_response(result.status_code, details, result.headers.items())

    return handle


def _cross_origin(response: Response) -> Response:
    if not under_api():
        return response
    headers = response.headers
    headers["Access-Control-Allow-Origin"] = "*"
    headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS":
        headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    elif (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.is_streamed
        and not is_private()
    ):
        response.add_etag()
        headers["Cache-Control"] = CACHE_CONTROL
        response.make_conditional(request)
    return response


def _limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


def register(app: Flask) -> None:
    """Errors, CORS, validators and the rate limit for the API blueprint."""
    app.config.setdefault("API_RATE_LIMIT", "120 per minute")
    limiter.shared_limit(_limit, scope="api", methods=["GET", "HEAD"])(bp)
    handlers = app.error_handler_spec.setdefault(None, {}).setdefault(None, {})
    for kind, handler in list(handlers.items()):
        handlers[kind] = _json_errors(handler)
    if HTTPException not in handlers:  # pragma: no cover - core registers one
        handlers[HTTPException] = _json_errors(lambda e: e)
    app.after_request(_cross_origin)
