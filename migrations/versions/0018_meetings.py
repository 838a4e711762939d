"""meetings: the advisory board's and the working group's meetings, agendas and minutes

Revision ID: 0018_meetings
Revises: 0017_review_completion
Create Date: 2026-11-30 13:30:00

New tables only: meeting (times in UTC, a version for edit conflicts, an iCalendar sequence),
agenda_item and agenda_item_recommendation (the recommendations an item discusses),
meeting_attendance (a board member or a staff member, present / regrets / absent),
meeting_decision (on an item, or approving an earlier meeting's minutes) and action_item.
Public text has _fr columns beside the English.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0018_meetings"
down_revision = "0017_review_completion"
branch_labels = None
depends_on = None

BODIES = ("advisory_board", "working_group")
STATES = (
    "draft",
    "agenda_published",
    "held",
    "minutes_drafted",
    "minutes_approved",
    "published",
)


def enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    """A VARCHAR(32) enum like core.database.str_enum (no native type, no check)."""
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def text_fr(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), server_default="", nullable=False)


def upgrade():
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body", enum("body", BODIES), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("title_fr", sa.String(length=200), server_default="", nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=300), server_default="", nullable=False),
        sa.Column("place_fr", sa.String(length=300), server_default="", nullable=False),
        sa.Column("online", sa.String(length=500), server_default="", nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("state", enum("meetingstate", STATES), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agenda_published_at", sa.DateTime(timezone=True), nullable=True),
        text_fr("late_reason"),
        text_fr("late_reason_fr"),
        sa.Column("agenda_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("minutes_published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sequence", sa.Integer(), server_default="0", nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("duration_minutes > 0", name="ck_meeting_duration_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting"),
    )
    op.create_index("ix_meeting_body", "meeting", ["body"])
    op.create_index("ix_meeting_starts_at", "meeting", ["starts_at"])
    op.create_index("ix_meeting_state", "meeting", ["state"])
    op.create_index("ix_meeting_public_list", "meeting", ["is_public", "state", "starts_at"])
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("title_fr", sa.String(length=200), server_default="", nullable=False),
        sa.Column("presenter", sa.String(length=120), server_default="", nullable=False),
        sa.Column("minutes_allowed", sa.Integer(), nullable=True),
        text_fr("summary"),
        text_fr("summary_fr"),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_agenda_item_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_agenda_item"),
    )
    op.create_index("ix_agenda_item_meeting_id", "agenda_item", ["meeting_id"])
    op.create_table(
        "agenda_item_recommendation",
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name="fk_agenda_item_recommendation_agenda_item_id_agenda_item",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name="fk_agenda_item_recommendation_recommendation_id_recommendation",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "agenda_item_id", "recommendation_id", name="pk_agenda_item_recommendation"
        ),
    )
    op.create_index(
        "ix_agenda_item_recommendation_recommendation_id",
        "agenda_item_recommendation",
        ["recommendation_id"],
    )
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("board_member_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("presence", enum("presence", ("present", "regrets", "absent")), nullable=False),
        sa.CheckConstraint(
            "(board_member_id IS NULL) <> (user_id IS NULL)",
            name="ck_meeting_attendance_attendance_one_person",
        ),
        sa.ForeignKeyConstraint(
            ["board_member_id"],
            ["board_member.id"],
            name="fk_meeting_attendance_board_member_id_board_member",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_meeting_attendance_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name="fk_meeting_attendance_user_id_user", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_attendance"),
        sa.UniqueConstraint("meeting_id", "board_member_id", name="uq_attendance_member"),
        sa.UniqueConstraint("meeting_id", "user_id", name="uq_attendance_user"),
    )
    op.create_index("ix_meeting_attendance_meeting_id", "meeting_attendance", ["meeting_id"])
    op.create_table(
        "meeting_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("motion", sa.Text(), nullable=False),
        text_fr("motion_fr"),
        sa.Column(
            "outcome",
            enum("outcome", ("carried", "defeated", "deferred", "withdrawn")),
            nullable=False,
        ),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("votes_abstaining", sa.Integer(), nullable=True),
        sa.Column("approves_meeting_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "coalesce(votes_for, 0) >= 0 AND coalesce(votes_against, 0) >= 0"
            " AND coalesce(votes_abstaining, 0) >= 0",
            name="ck_meeting_decision_votes_not_negative",
        ),
        sa.ForeignKeyConstraint(
            ["approves_meeting_id"],
            ["meeting.id"],
            name="fk_meeting_decision_approves_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_item.id"],
            name="fk_meeting_decision_item_id_agenda_item",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_meeting_decision_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_decision"),
        sa.UniqueConstraint("approves_meeting_id", name="uq_meeting_decision_approves_meeting_id"),
    )
    op.create_index("ix_meeting_decision_item_id", "meeting_decision", ["item_id"])
    op.create_index("ix_meeting_decision_meeting_id", "meeting_decision", ["meeting_id"])
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        text_fr("description_fr"),
        sa.Column("owner_board_member_id", sa.Integer(), nullable=True),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("recommendation_id", sa.Integer(), nullable=True),
        sa.Column("status", enum("actionstatus", ("open", "done", "dropped")), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_action_item_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_board_member_id"],
            ["board_member.id"],
            name="fk_action_item_owner_board_member_id_board_member",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["user.id"],
            name="fk_action_item_owner_user_id_user",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name="fk_action_item_recommendation_id_recommendation",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_action_item"),
    )
    for column in (
        "meeting_id",
        "owner_board_member_id",
        "owner_user_id",
        "recommendation_id",
        "status",
    ):
        op.create_index(f"ix_action_item_{column}", "action_item", [column])


def downgrade():
    for table in (
        "action_item",
        "meeting_decision",
        "meeting_attendance",
        "agenda_item_recommendation",
        "agenda_item",
        "meeting",
    ):
        op.drop_table(table)
