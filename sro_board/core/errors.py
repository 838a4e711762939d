"""Error responses: a friendly HTML page or JSON, never a stack trace."""

import logging
import traceback

from blinker import Namespace
from flask import Flask, current_app, g, jsonify, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from .extensions import db, login_manager
from .http import wants_json

log = logging.getLogger(__name__)
# Sent before an error response is built, with the error and its status: the security layer
# logs refusals (CSRF, access denied) from it.
error_responded = Namespace().signal("error-responded")

# Each error page's title and explanation, in the page's language.
TITLES = {
    400: _l("Bad request"),
    401: _l("Please log in"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Not available here"),
    413: _l("Too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong"),
    503: _l("Briefly unavailable"),
}
MESSAGES = {
    400: _l("The request could not be understood. Go back, check the form and try again."),
    401: _l("Please log in to see this page."),
    403: _l("You do not have permission to see this page."),
    404: _l("We could not find that page."),
    405: _l("That action is not available here."),
    413: _l("What you sent is too large."),
    429: _l("Too many attempts. Please wait a minute and try again."),
    500: _l("Something went wrong on our side. Nothing was saved. Please try again."),
    503: _l("The service is briefly unavailable. Please try again in a minute."),
}


def _respond(error: HTTPException):
    code = error.code or 500
    title = str(TITLES.get(code, error.name))
    message = str(MESSAGES.get(code, error.description or _("Error")))
    error_responded.send(current_app._get_current_object(), error=error, code=code)
    if isinstance(error, CSRFError):
        message = _("Your form expired or was sent from elsewhere. Reload the page and try again.")
    # Keep the error's own headers (e.g. Allow on 405), not its content type.
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    if code in (429, 503):
        headers["Retry-After"] = "60" if code == 429 else "5"
    if wants_json():
        return jsonify(error=error.name, message=message, status=code), code, headers
    if "_login_user" not in g:
        # The user could not be loaded (the database may be down): render as anonymous.
        g._login_user = login_manager.anonymous_user()
    page = render_template(
        "errors/error.html", code=code, title=title, message=message, error_page=True
    )
    return page, code, headers


def discard_session() -> None:
    """Roll back the failed transaction; if the connection itself is gone, drop it."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session().invalidate()  # the scoped session's Session: the proxy has no invalidate()


def register(app: Flask) -> None:
    """Attach the handlers to the app."""

    @app.teardown_appcontext
    def release_session(_exc: BaseException | None) -> None:
        # Runs before Flask-SQLAlchemy's own teardown: a connection that died after the
        # response was built must not turn a finished request into a server error.
        try:
            db.session.remove()
        except SQLAlchemyError:
            db.session().invalidate()  # the scoped session's Session: the proxy has no invalidate()
            db.session.remove()

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):
        return _respond(error)

    @app.errorhandler(OperationalError)
    def handle_database_down(error: OperationalError):
        discard_session()
        log.warning("database unavailable: %s", type(error.orig).__name__)
        return _respond(ServiceUnavailable())

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        discard_session()
        # Frames only: exception messages can carry submitted values (personal data).
        frames = "".join(traceback.format_tb(error.__traceback__))
        log.error("unhandled %s\n%s", type(error).__name__, frames)
        return _respond(InternalServerError())
