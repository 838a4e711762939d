"""Advisory-board tables: intakes and seats, applications, consent, membership."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..audit.actors import SystemActor
from ..auth.models import User
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..mail.models import OutboxEmail
from ..security.crypto import EncryptedEnum, EncryptedText
from .bilingual import Bilingual
from .enums import AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from .stages import Stage

if TYPE_CHECKING:  # the review tables (review_models.py) name the intake only by its table
    from .review_models import ReviewerAssignment, RubricCriterion


class Intake(Bilingual, db.Model):
    """An application window with seats per category and its collection notice."""

    __tablename__ = "intake"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    opens_at: Mapped[datetime]
    closes_at: Mapped[datetime]
    term_months: Mapped[int] = mapped_column(default=24)
    notice_purpose: Mapped[str] = mapped_column(sa.Text)
    notice_authority: Mapped[str] = mapped_column(sa.Text)
    notice_contact_title: Mapped[str] = mapped_column(sa.String(200))
    notice_contact_email: Mapped[str] = mapped_column(sa.String(254))
    notice_contact_phone: Mapped[str] = mapped_column(sa.String(40))
    # The public text in French beside the English (empty: not yet translated).
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    notice_purpose_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    notice_authority_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    notice_contact_title_fr: Mapped[str] = mapped_column(
        sa.String(200), default="", server_default=""
    )
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    seats: Mapped[list["IntakeSeat"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="IntakeSeat.category"
    )
    criteria: Mapped[list["RubricCriterion"]] = relationship(
        cascade="all, delete-orphan", order_by="RubricCriterion.position"
    )
    reviewers: Mapped[list["ReviewerAssignment"]] = relationship(cascade="all, delete-orphan")


class IntakeSeat(db.Model):
    """How many seats one category has in an intake."""

    __tablename__ = "intake_seat"

    intake_id: Mapped[int] = mapped_column(
        sa.ForeignKey("intake.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[Category] = mapped_column(str_enum(Category), primary_key=True)
    seats: Mapped[int]

    __table_args__ = (sa.CheckConstraint("seats >= 0", name="seats_not_negative"),)


class Application(db.Model):
    """One person's application; personal fields are emptied by the retention purge."""

    __tablename__ = "application"

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int] = mapped_column(sa.ForeignKey("intake.id"), index=True)
    reference: Mapped[str] = mapped_column(sa.String(16), unique=True)
    # sha256 of the private status-link token; the token itself is never stored.
    status_token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    # When the current status link was sent; it works for STATUS_LINK_DAYS after that.
    status_link_sent_at: Mapped[datetime | None]
    category: Mapped[Category] = mapped_column(str_enum(Category), index=True)
    stage: Mapped[Stage] = mapped_column(str_enum(Stage, 40), index=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    decided_at: Mapped[datetime | None] = mapped_column(index=True)
    purged_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    # The applicant's language ("en"/"fr"): the form's, and every email's to them.
    language: Mapped[str] = mapped_column(sa.String(2), default="en", server_default="en")

    # Personal data (None after purge).
    name: Mapped[str | None] = mapped_column(sa.String(120))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    school_board: Mapped[SchoolBoard | None] = mapped_column(str_enum(SchoolBoard))
    school: Mapped[str | None] = mapped_column(sa.String(200))
    student_grade: Mapped[int | None]
    age_range: Mapped[AgeRange | None] = mapped_column(str_enum(AgeRange))
    child_grade_band: Mapped[GradeBand | None] = mapped_column(str_enum(GradeBand))
    staff_role: Mapped[str | None] = mapped_column(sa.String(120))
    motivation: Mapped[str | None] = mapped_column(sa.Text)
    perspectives: Mapped[str | None] = mapped_column(sa.Text)
    availability: Mapped[str | None] = mapped_column(sa.Text)
    accommodations: Mapped[str | None] = mapped_column(sa.Text)
    heard_about: Mapped[str | None] = mapped_column(sa.String(200))
    consent_notice: Mapped[bool] = mapped_column(default=False)
    consent_roster: Mapped[bool] = mapped_column(default=False)
    consent_full_name: Mapped[bool] = mapped_column(default=False)

    eligibility_reason: Mapped[str] = mapped_column(sa.Text, default="")
    override_reason: Mapped[str] = mapped_column(sa.Text, default="")
    interview_at: Mapped[datetime | None]
    interview_format: Mapped[str | None] = mapped_column(sa.String(120))
    # A new contact email waits here until the link sent to it is followed (hash only).
    pending_email: Mapped[str | None] = mapped_column(sa.String(254))
    pending_email_token_hash: Mapped[str | None] = mapped_column(
        sa.String(64), unique=True, index=True
    )
    pending_email_expires_at: Mapped[datetime | None]
    # The reviews summed up (review/aggregates.py keeps them current with the scores): how many
    # reviewers scored it, and the mean, lowest, highest and mean square of their weighted
    # means. score_mean is 0 until scored (scores run 1 to 5), so it ranks unscored last.
    review_count: Mapped[int] = mapped_column(default=0, server_default="0")
    score_mean: Mapped[float] = mapped_column(sa.Float, default=0.0, server_default="0")
    score_low: Mapped[float | None] = mapped_column(sa.Float)
    score_high: Mapped[float | None] = mapped_column(sa.Float)
    score_squares: Mapped[float | None] = mapped_column(sa.Float)

    intake: Mapped[Intake] = relationship(lazy="joined")
    guardian: Mapped["GuardianConsent | None"] = relationship(
        cascade="all, delete-orphan", back_populates="application"
    )
    events: Mapped[list["StageEvent"]] = relationship(
        cascade="all, delete-orphan", order_by="StageEvent.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        sa.UniqueConstraint("intake_id", "email", name="one_per_email"),
        # The staff list's pages, and the ranking and totals per category and stage.
        sa.Index("ix_application_intake_created", "intake_id", "created_at", "id"),
        sa.Index("ix_application_intake_category_stage", "intake_id", "category", "stage"),
        # A reviewer's queue: applications in review of their intakes, without reading rows.
        sa.Index("ix_application_review", "stage", "intake_id", "purged_at", "category", "id"),
        # One page of it, an intake at a time in application order (review/queue.py).
        sa.Index("ix_application_review_queue", "stage", "intake_id", "id", "purged_at"),
        # An intake's purged applications, counted for the selection view.
        sa.Index("ix_application_intake_purged", "intake_id", "purged_at"),
        # A category's ranking, read backwards a page at a time (selection/ranking.py).
        sa.Index(
            "ix_application_ranking", "intake_id", "category", "score_mean", "review_count", "stage"
        ),
    )


class GuardianConsent(db.Model):
    """A minor's guardian and the single-use link they confirm consent with."""

    __tablename__ = "guardian_consent"

    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    # Encrypted at rest (ENCRYPTION_KEYS); never compared in SQL.
    guardian_name: Mapped[str | None] = mapped_column(EncryptedText())
    guardian_email: Mapped[str | None] = mapped_column(EncryptedText())
    token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    # None until the request is sent: an ineligible minor's guardian is not asked (unless an
    # admin overrides the rules).
    expires_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    consent_full_name: Mapped[bool] = mapped_column(default=False)
    # The guardian's language, chosen by the applicant; the consent page's switch changes it.
    language: Mapped[str] = mapped_column(sa.String(2), default="en", server_default="en")
    application: Mapped[Application] = relationship(back_populates="guardian")


class SelfIdentification(db.Model):
    """Voluntary answers, kept apart from the application and used only in aggregate."""

    __tablename__ = "self_identification"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), unique=True
    )
    # Encrypted at rest (ENCRYPTION_KEYS): counted in Python, never grouped or compared in SQL.
    racialized: Mapped[SelfIdAnswer | None] = mapped_column(EncryptedEnum(SelfIdAnswer))
    indigenous: Mapped[SelfIdAnswer | None] = mapped_column(EncryptedEnum(SelfIdAnswer))
    lgbtq: Mapped[SelfIdAnswer | None] = mapped_column(EncryptedEnum(SelfIdAnswer))
    disability: Mapped[SelfIdAnswer | None] = mapped_column(EncryptedEnum(SelfIdAnswer))
    newcomer: Mapped[SelfIdAnswer | None] = mapped_column(EncryptedEnum(SelfIdAnswer))


class StageEvent(db.Model):
    """One stage move: who, when, from, to, why."""

    __tablename__ = "stage_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[Stage | None] = mapped_column(str_enum(Stage, 40))
    to_stage: Mapped[Stage] = mapped_column(str_enum(Stage, 40))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    # Who moved it when no staff member did (as in the audit log; None on older events).
    system_actor: Mapped[SystemActor | None] = mapped_column(str_enum(SystemActor, 30))
    at: Mapped[datetime] = mapped_column(default=now_utc)
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    actor: Mapped[User | None] = relationship(lazy="joined")

    @property
    def actor_words(self) -> str:
        """Who made the move, in words, for the application's history."""
        if self.actor is not None:
            return self.actor.name
        return self.system_actor.label if self.system_actor else _("the applicant or the system")


class BoardMember(db.Model):
    """A seat holder with a term, created when an applicant accepts an offer."""

    __tablename__ = "board_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("application.id", ondelete="SET NULL"), unique=True
    )
    category: Mapped[Category] = mapped_column(str_enum(Category), index=True)
    full_name: Mapped[str] = mapped_column(sa.String(120))
    roster_name: Mapped[str | None] = mapped_column(sa.String(120))  # None: not on the roster
    term_start: Mapped[date]
    term_end: Mapped[date] = mapped_column(index=True)
    # The member's account (invited when the offer was accepted; a second term shares it).
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"), index=True)
    # An early resignation that staff recorded; the reason is internal, never public.
    resigned_on: Mapped[date | None]
    resignation_reason: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    user: Mapped[User | None] = relationship(lazy="joined")

    def serving_on(self, day: date) -> bool:
        """True while the term runs on that day and the member has not resigned by then."""
        resigned = self.resigned_on is not None and self.resigned_on <= day
        return self.term_start <= day <= self.term_end and not resigned


class ApplicationEmail(db.Model):
    """An email sent about an application: access requests and the purge find it by this."""

    __tablename__ = "application_email"

    email_id: Mapped[int] = mapped_column(
        sa.ForeignKey("outbox_email.id", ondelete="CASCADE"), primary_key=True
    )
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[OutboxEmail] = relationship()
    application: Mapped[Application] = relationship()
