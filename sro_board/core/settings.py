"""Small site-wide flags stored in the database (e.g. that sample data is loaded)."""

from datetime import datetime

import sqlalchemy as sa
from flask import g
from sqlalchemy.orm import Mapped, mapped_column

from .clock import now_utc
from .extensions import db

SAMPLE_DATA = "sample_data"


class SiteFlag(db.Model):
    """A named flag with the time it was set."""

    __tablename__ = "site_flag"

    key: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    set_at: Mapped[datetime] = mapped_column(default=now_utc)


def flag_is_set(key: str) -> bool:
    """True when the flag is in this database."""
    return db.session.scalar(sa.select(SiteFlag.key).where(SiteFlag.key == key)) is not None


def sample_data_loaded() -> bool:
    """True when the demo sample data is in this database (read once per request; a banner)."""
    if "sample_flag" not in g:
        g.sample_flag = flag_is_set(SAMPLE_DATA)
    return g.sample_flag
