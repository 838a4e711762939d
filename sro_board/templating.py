"""Jinja filters and globals shared by all templates."""

from datetime import date, datetime

import sqlalchemy as sa
from flask import Flask, g

from .auth.permissions import Action, can
from .auth.roles import Role
from .extensions import db
from .recommendations.enums import SourceReport, Theme
from .recommendations.labels import label
from .recommendations.schedule import target_shift
from .sitesettings import SiteFlag
from .timeutil import as_local


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


def sample_data_loaded() -> bool:
    """True when the demo sample data is in this database (shown as a banner)."""
    if "sample_flag" not in g:
        g.sample_flag = bool(
            db.session.scalar(sa.select(SiteFlag.key).where(SiteFlag.key == "sample_data"))
        )
    return g.sample_flag


def register(app: Flask) -> None:
    """Install filters and globals."""
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["iso_date"] = iso_date
    app.jinja_env.filters["report_label"] = lambda v: SourceReport(v).label
    app.jinja_env.filters["target_shift"] = lambda rec: target_shift(
        rec.baseline_target_date, rec.target_date
    )
    app.jinja_env.globals.update(
        label=label,
        theme_label=lambda v: Theme(v).label,
        sample_data_loaded=sample_data_loaded,
        Role=Role,
        Action=Action,
        can=can,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
