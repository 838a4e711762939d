"""an assessment names the motion the board carried at a meeting to agree it, if any

Revision ID: 0020_assessment_decisions
Revises: 0019_board_at_work
Create Date: 2026-11-30 14:40:00

assessment.decision_id: nullable, a foreign key to meeting_decision. In place on both
databases, as 0019 adds board_member.user_id: SQLite takes the column with its REFERENCES
clause (Alembic would add the constraint separately, which SQLite cannot do without a copy).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0020_assessment_decisions"
down_revision = "0019_board_at_work"
branch_labels = None
depends_on = None

DECISION_FK = "fk_assessment_decision_id_meeting_decision"


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE assessment ADD COLUMN decision_id INTEGER CONSTRAINT"
            f" {DECISION_FK} REFERENCES meeting_decision (id)"
        )
    else:
        op.add_column("assessment", sa.Column("decision_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            DECISION_FK, "assessment", "meeting_decision", ["decision_id"], ["id"]
        )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(DECISION_FK, "assessment", type_="foreignkey")
    # In place (SQLite 3.35+ drops a column whose constraint is its own REFERENCES clause).
    op.execute("ALTER TABLE assessment DROP COLUMN decision_id")
