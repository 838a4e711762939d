"""Staff reasons for sensitive actions: kept apart from the audit log, with their own retention."""

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...auth.models import User
from ...core.clock import now_utc
from ...core.database import str_enum
from ...core.extensions import db


class SensitiveAction(enum.StrEnum):
    """An action on an applicant's data that needs a fresh login and a recorded reason."""

    EXPORT = "export"
    DELETION = "deletion"
    OVERRIDE = "eligibility_override"


class ReasonCategory(enum.StrEnum):
    """Why it was done, in a word the audit log may keep for ever (no personal data)."""

    APPLICANT_REQUEST = "applicant_request"
    GUARDIAN_REQUEST = "guardian_request"
    LEGAL = "legal_requirement"
    RULES_MISAPPLIED = "rules_misapplied"
    APPROVED_EXCEPTION = "approved_exception"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The category in words."""
        return str(CATEGORY_LABELS[self])


CATEGORY_LABELS = {
    ReasonCategory.APPLICANT_REQUEST: _l("The applicant asked"),
    ReasonCategory.GUARDIAN_REQUEST: _l("The applicant's parent or guardian asked"),
    ReasonCategory.LEGAL: _l(
        "Required by law, a court or the Information and Privacy Commissioner"
    ),
    ReasonCategory.RULES_MISAPPLIED: _l(
        "The rules were applied to wrong or incomplete information"
    ),
    ReasonCategory.APPROVED_EXCEPTION: _l("An exception approved by the program"),
    ReasonCategory.OTHER: _l("Another reason (say which in the details)"),
}
R = ReasonCategory
CATEGORIES: dict[SensitiveAction, tuple[ReasonCategory, ...]] = {
    SensitiveAction.EXPORT: (R.APPLICANT_REQUEST, R.GUARDIAN_REQUEST, R.LEGAL, R.OTHER),
    SensitiveAction.DELETION: (R.APPLICANT_REQUEST, R.GUARDIAN_REQUEST, R.LEGAL, R.OTHER),
    SensitiveAction.OVERRIDE: (R.RULES_MISAPPLIED, R.APPROVED_EXCEPTION, R.OTHER),
}


class StaffReason(db.Model):
    """Why a staff member exported, deleted or overrode: the details are emptied after
    REASON_RETENTION_DAYS; action, category, who and when stay."""

    __tablename__ = "staff_reason"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[SensitiveAction] = mapped_column(str_enum(SensitiveAction, 30))
    category: Mapped[ReasonCategory] = mapped_column(str_enum(ReasonCategory, 30))
    details: Mapped[str] = mapped_column(sa.Text, default="")
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("application.id", ondelete="SET NULL"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    details_purged_at: Mapped[datetime | None]

    actor: Mapped[User | None] = relationship(lazy="joined")
