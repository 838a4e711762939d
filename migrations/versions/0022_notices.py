"""staff notifications: each person's choices, the digests sent, the events to tell

Revision ID: 0022_notices
Revises: 0021_follow
Create Date: 2026-11-30 17:10:00

New tables only: notice_preference (a person's choice per kind; no row means on),
notice_sent (one row per digest sent: unique per person, kind and local day, so a digest is
never sent twice) and notice_event (terms ending or ended, emails given up on; unique per
kind and key). A user's rows go with the user (ON DELETE CASCADE).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0022_notices"
down_revision = "0021_follow"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notice_preference",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name="fk_notice_preference_user_id_user",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name="pk_notice_preference"),
    )
    op.create_table(
        "notice_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name="fk_notice_sent_user_id_user", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notice_sent"),
        sa.UniqueConstraint("user_id", "kind", "day", name="uq_notice_sent_user_kind_day"),
    )
    op.create_index("ix_notice_sent_sent_at", "notice_sent", ["sent_at"])
    op.create_table(
        "notice_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notice_event"),
        sa.UniqueConstraint("kind", "key", name="uq_notice_event_kind_key"),
    )
    op.create_index("ix_notice_event_created_at", "notice_event", ["created_at"])


def downgrade():
    op.drop_index("ix_notice_event_created_at", table_name="notice_event")
    op.drop_table("notice_event")
    op.drop_index("ix_notice_sent_sent_at", table_name="notice_sent")
    op.drop_table("notice_sent")
    op.drop_table("notice_preference")
