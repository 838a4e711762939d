"""Structured request logs: one JSON line per request with id, route, status, time, queries."""

import logging
import re
import time
import uuid

import sqlalchemy as sa
from flask import Flask, g, has_request_context, request, request_started
from pythonjsonlogger.json import JsonFormatter

from ..core.extensions import db
from ..security.logfilter import RedactFilter

log = logging.getLogger("sro_board.request")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context():
            record.request_id = g.get("request_id", "-")
        elif not hasattr(record, "request_id"):
            record.request_id = "-"  # the page cache's answers name their own
        return True


def configure_logging(app: Flask) -> None:
    """JSON log lines on stderr for the app's loggers (not in tests, where pytest captures)."""
    logger = logging.getLogger("sro_board")
    if app.testing or any(getattr(h, "_sro_board", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler._sro_board = True
    handler.setFormatter(
        JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
    )
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactFilter())  # a safety net: emails and tokens never reach the log
    logger.addHandler(handler)
    logger.setLevel(app.config["LOG_LEVEL"])
    logger.propagate = False


def _count_query(conn, cursor, statement, parameters, context, executemany) -> None:
    if has_request_context() and "query_count" in g:
        g.query_count += 1


def _start(sender: Flask, **extra) -> None:
    """Note the request's id, start time and query count."""
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    g.query_count = 0


def log_request(fields: dict, slow_ms: int) -> None:
    """One request's log line; a slow one is a warning."""
    slow = fields["duration_ms"] >= slow_ms
    log.log(
        logging.WARNING if slow else logging.INFO,
        "slow request" if slow else "request",
        extra=fields,
    )


def cached_answer_logger(app: Flask):
    """What the page cache's middleware calls for each page it answers: log, name the id."""
    slow_ms = app.config["SLOW_REQUEST_MS"]

    def answered(environ: dict, status: int, seconds: float, route: str) -> list[tuple[str, str]]:
        incoming = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        fields = {
            "method": environ["REQUEST_METHOD"],
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
            "queries": 0,
            "request_id": request_id,
        }
        log_request(fields, slow_ms)
        return [("X-Request-ID", request_id)]

    return answered


def register(app: Flask) -> None:
    """Time and log every request; log slow ones as warnings with their query count."""
    configure_logging(app)
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", _count_query)

    # On Flask's request_started signal, before every before_request hook (rate limits, CSRF,
    # the page cache's answer): a refusal by an earlier hook (CSRF) or a cached answer is
    # logged with the request's own id.
    request_started.connect(_start, app, weak=False)

    @app.after_request
    def _finish(response):
        started = g.get("request_started")
        if started is None:
            return response
        # The route pattern, never the path: paths can carry private tokens.
        fields = {
            "method": request.method,
            "route": request.url_rule.rule if request.url_rule else "(no route)",
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "queries": g.get("query_count", 0),
        }
        log_request(fields, app.config["SLOW_REQUEST_MS"])
        response.headers["X-Request-ID"] = g.request_id
        return response
