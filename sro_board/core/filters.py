"""The base template filters (dates in the local time zone) and Jinja settings."""

from datetime import date, datetime

from flask import Flask

from .clock import as_local
from .pagination import position_from
from .settings import sample_data_loaded


def format_date(value: date | datetime | str | None) -> str:
    """Dates as '3 March 2026'; datetimes in local time."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = as_local(value)
    return f"{value.day} {value:%B %Y}"


def iso_date(value: datetime) -> str:
    """The local date as YYYY-MM-DD, for <time datetime>, the same day that |date shows."""
    return as_local(value).date().isoformat()


def format_datetime(value: datetime | None) -> str:
    """Datetimes as '3 March 2026, 14:05' in local time."""
    if value is None:
        return "—"
    local = as_local(value)
    return f"{local.day} {local:%B %Y, %H:%M}"


def register(app: Flask) -> None:
    """Install the base filters, the sample-data banner's test, and whitespace control."""
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["iso_date"] = iso_date
    app.jinja_env.globals["sample_data_loaded"] = sample_data_loaded
    app.jinja_env.globals["position_from"] = position_from
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
