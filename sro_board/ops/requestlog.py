"""Structured request logs: one JSON line per request with id, route, status, time, queries."""

import logging
import re
import time
import uuid

import sqlalchemy as sa
from flask import Flask, g, has_request_context, request
from pythonjsonlogger.json import JsonFormatter

from ..core.extensions import db
from ..security.logfilter import RedactFilter

log = logging.getLogger("sro_board.request")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
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


def register(app: Flask) -> None:
    """Time and log every request; log slow ones as warnings with their query count."""
    configure_logging(app)
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", _count_query)

    def _start() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.request_started = time.perf_counter()
        g.query_count = 0

    # First of all: a refusal by an earlier hook (CSRF) is logged with the request's own id.
    app.before_request_funcs.setdefault(None, []).insert(0, _start)

    @app.after_request
    def _finish(response):
        started = g.get("request_started")
        if started is None:
            return response
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        slow = duration_ms >= app.config["SLOW_REQUEST_MS"]
        # The route pattern, never the path: paths can carry private tokens.
        log.log(
            logging.WARNING if slow else logging.INFO,
            "slow request" if slow else "request",
            extra={
                "method": request.method,
                "route": request.url_rule.rule if request.url_rule else "(no route)",
                "status": response.status_code,
                "duration_ms": duration_ms,
                "queries": g.get("query_count", 0),
            },
        )
        response.headers["X-Request-ID"] = g.request_id
        return response
