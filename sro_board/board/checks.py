"""How staff confirmed a minor's parent or guardian before offering the student a seat."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db


class GuardianCheckMethod(enum.StrEnum):
    """How the guardian was confirmed: a way that does not rest on email alone."""

    PHONE_CALL = "phone_call"
    IN_PERSON = "in_person"
    SCHOOL_CONFIRMATION = "school_confirmation"
    VIDEO_CALL = "video_call"

    @property
    def label(self) -> str:
        """The method in words."""
        return str(METHOD_LABELS[self])


METHOD_LABELS = {
    GuardianCheckMethod.PHONE_CALL: _l("Phone call to a number not taken from the application"),
    GuardianCheckMethod.IN_PERSON: _l("In person, with identification"),
    GuardianCheckMethod.SCHOOL_CONFIRMATION: _l("Confirmed by the student's school"),
    GuardianCheckMethod.VIDEO_CALL: _l("Video call"),
}


class GuardianCheck(db.Model):
    """A staff member's record that a minor's guardian is who the application says."""

    __tablename__ = "guardian_check"

    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    method: Mapped[GuardianCheckMethod] = mapped_column(str_enum(GuardianCheckMethod, 30))
    confirmed_on: Mapped[date]
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=now_utc)

    staff: Mapped[User | None] = relationship(lazy="joined")
