"""The base template filters (dates in the local time zone, in the page's language) and Jinja
settings.

Dates are written by Babel's CLDR data through Flask-Babel, in the locale of the request (or of
flask_babel.force_locale for email): "30 November 2026" / "30 novembre 2026". Flask-Babel also
registers |decimalformat, |percentformat, |numberformat and others (used as they are).
"""

from datetime import date, datetime

import flask_babel
from flask import Flask

from .clock import as_local
from .pagination import position_from
from .settings import sample_data_loaded

DATE_PATTERN = "d MMMM y"
TIME_PATTERN = "HH:mm"


def format_date(value: date | datetime | str | None) -> str:
    """Dates as '3 March 2026' or '3 mars 2026'; datetimes on their local date."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = as_local(value).date()
    return flask_babel.format_date(value, DATE_PATTERN)


def iso_date(value: datetime) -> str:
    """The local date as YYYY-MM-DD, for <time datetime>, the same day that |date shows."""
    return as_local(value).date().isoformat()


def format_datetime(value: datetime | None) -> str:
    """Datetimes as '3 March 2026, 14:05' or '3 mars 2026, 14:05' in local time."""
    if value is None:
        return "—"
    local = as_local(value)
    pattern = f"{DATE_PATTERN}, {TIME_PATTERN}"
    return flask_babel.format_datetime(local, pattern, rebase=False)


def register(app: Flask) -> None:
    """Install the base filters, the sample-data banner's test, and whitespace control."""
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["iso_date"] = iso_date
    app.jinja_env.globals["sample_data_loaded"] = sample_data_loaded
    app.jinja_env.globals["position_from"] = position_from
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
