"""the board at work: members' accounts and resignations, the board's own assessments

Revision ID: 0019_board_at_work
Revises: 0018_meetings
Create Date: 2026-11-30 13:40:00

board_member gains user_id (the member's account, invited when the offer was accepted),
resigned_on and resignation_reason (internal); assessment is new: the advisory board's
assessment of a recommendation, drafted by a member and approved by the board chair (each
approved one is kept, the latest is current). Columns are added in place, no table is copied.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0019_board_at_work"
down_revision = "0018_meetings"
branch_labels = None
depends_on = None

RATINGS = ("satisfied", "partly_satisfied", "not_satisfied", "too_early")
STATES = ("draft", "submitted", "returned", "approved")
USER_FK = "fk_board_member_user_id_user"


def upgrade():
    # In place on both databases: SQLite adds a column with its REFERENCES clause without a
    # copy of the table (Alembic would add the constraint separately, which SQLite cannot).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE board_member ADD COLUMN user_id INTEGER CONSTRAINT"
            f' {USER_FK} REFERENCES "user" (id)'
        )
    else:
        op.add_column("board_member", sa.Column("user_id", sa.Integer(), nullable=True))
        op.create_foreign_key(USER_FK, "board_member", "user", ["user_id"], ["id"])
    op.add_column("board_member", sa.Column("resigned_on", sa.Date(), nullable=True))
    op.add_column(
        "board_member",
        sa.Column("resignation_reason", sa.Text(), server_default="", nullable=False),
    )
    op.create_index("ix_board_member_user_id", "board_member", ["user_id"], unique=False)
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column(
            "rating",
            sa.Enum(*RATINGS, name="rating", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("commentary", sa.Text(), nullable=False),
        sa.Column("commentary_fr", sa.Text(), server_default="", nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(*STATES, name="assessmentstate", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("drafted_by_id", sa.Integer(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("return_note", sa.Text(), server_default="", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_assessment_recommendation_id_recommendation"),
        ),
        sa.ForeignKeyConstraint(
            ["drafted_by_id"], ["user.id"], name=op.f("fk_assessment_drafted_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["user.id"], name=op.f("fk_assessment_approved_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index("ix_assessment_state", "assessment", ["state"], unique=False)
    op.create_index(
        "ix_assessment_recommendation",
        "assessment",
        ["recommendation_id", "state", "approved_at"],
        unique=False,
    )


def downgrade():
    op.drop_index("ix_assessment_recommendation", table_name="assessment")
    op.drop_index("ix_assessment_state", table_name="assessment")
    op.drop_table("assessment")
    # In place (SQLite 3.35+ and PostgreSQL): a batch copy of board_member is not needed.
    op.drop_index("ix_board_member_user_id", table_name="board_member")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(USER_FK, "board_member", type_="foreignkey")
    op.drop_column("board_member", "resignation_reason")
    op.drop_column("board_member", "resigned_on")
    op.drop_column("board_member", "user_id")
