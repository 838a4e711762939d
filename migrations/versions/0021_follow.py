"""following by email: followers, their secret links, pending fan-outs; outbox headers

Revision ID: 0021_follow
Revises: 0020_assessment_decisions
Create Date: 2026-11-30 17:00:00

follower: one address (encrypted, with its keyed hash) following everything, a theme or one
recommendation, instant or weekly, confirmed or not. follow_link: the hash of each secret link
emailed (confirm, manage/unsubscribe). follow_fanout: an update whose instant emails are still
to be written (recorded when it is published). outbox_email.headers: extra headers
(List-Unsubscribe), encrypted like the body; added in place on both databases.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0021_follow"
down_revision = "0020_assessment_decisions"
branch_labels = None
depends_on = None

# Columns stored encrypted (security.crypto.EncryptedText, Fernet text): new and empty here, so
# nothing to convert; listed so that every encrypted column is named by a revision.
ENCRYPTED = {
    "follower": ("id", {"address": sa.Text()}),
    "outbox_email": ("id", {"headers": sa.Text()}),
}
THEMES = (
    "role",
    "training_hiring",
    "transparency",
    "community",
    "data_evaluation",
    "advisory_accountability",
)


def enum(name: str, values: tuple[str, ...], length: int = 32) -> sa.Enum:
    """A VARCHAR enum like core.database.str_enum (no native type, no check)."""
    return sa.Enum(*values, name=name, native_enum=False, length=length)


def moment(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "follower",
        sa.Column("id", sa.Integer(), nullable=False),
        moment("created_at", nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("address_hash", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column(
            "kind", enum("scopekind", ("all", "theme", "recommendation"), 16), nullable=False
        ),
        sa.Column("theme", enum("theme", THEMES), nullable=True),
        sa.Column("recommendation_id", sa.Integer(), nullable=True),
        sa.Column("frequency", enum("frequency", ("instant", "weekly"), 10), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        moment("confirmed_at"),
        moment("last_digest_at"),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name="fk_follower_recommendation_id_recommendation",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follower"),
        sa.UniqueConstraint("address_hash", "scope", name="uq_follower_address_scope"),
    )
    op.create_index("ix_follower_address_hash", "follower", ["address_hash"])
    op.create_index("ix_follower_created_at", "follower", ["created_at"])
    op.create_index("ix_follower_fan_out", "follower", ["frequency", "kind", "theme", "id"])
    op.create_index("ix_follower_recommendation_id", "follower", ["recommendation_id"])

    op.create_table(
        "follow_fanout",
        sa.Column("update_id", sa.Integer(), nullable=False),
        moment("created_at", nullable=False),
        moment("claimed_at"),
        sa.Column("last_follower_id", sa.Integer(), nullable=False),
        moment("done_at"),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["recommendation_update.id"],
            name="fk_follow_fanout_update_id_recommendation_update",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("update_id", name="pk_follow_fanout"),
    )
    op.create_index("ix_follow_fanout_done_at", "follow_fanout", ["done_at"])

    op.create_table(
        "follow_link",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("follower_id", sa.Integer(), nullable=False),
        sa.Column("purpose", enum("linkpurpose", ("confirm", "manage"), 10), nullable=False),
        moment("created_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["follower_id"],
            ["follower.id"],
            name="fk_follow_link_follower_id_follower",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_follow_link"),
    )
    op.create_index("ix_follow_link_created_at", "follow_link", ["created_at"])
    op.create_index("ix_follow_link_follower_id", "follow_link", ["follower_id"])

    op.add_column("outbox_email", sa.Column("headers", sa.Text(), nullable=True))


def downgrade():
    op.execute("ALTER TABLE outbox_email DROP COLUMN headers")  # in place (SQLite 3.35+)
    op.drop_table("follow_link")
    op.drop_table("follow_fanout")
    op.drop_table("follower")
