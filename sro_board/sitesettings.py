"""Small site-wide flags stored in the database (e.g. that sample data is loaded)."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db
from .timeutil import now_utc


class SiteFlag(db.Model):
    """A named flag with the time it was set."""

    __tablename__ = "site_flag"

    key: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    set_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=now_utc)
