"""a reviewer's queue read a page at a time: indexes for its order and for their conflicts

Revision ID: 0024_review_queue_index
Revises: 0023_imports
Create Date: 2026-11-30 17:20:00

The reviewer's queue lists an intake's applications in review by id. The index on (stage,
intake_id, purged_at, category, id) gives them by category, so PostgreSQL sorted all 7,000 of
a large intake for every page (about 17 ms a list); in id order a page is an index walk that
stops at its end. purged_at comes last: a filter read from the index, not a sort key.
Every queue query leaves out the reviewer's conflicts; (reviewer_id, has_conflict,
application_id) finds those few without reading the reviewer's other declarations.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0024_review_queue_index"
down_revision = "0023_imports"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_application_review_queue", "application", ["stage", "intake_id", "id", "purged_at"]
    )
    op.create_index(
        "ix_conflict_declaration_conflicts",
        "conflict_declaration",
        ["reviewer_id", "has_conflict", "application_id"],
    )


def downgrade():
    op.drop_index("ix_conflict_declaration_conflicts", table_name="conflict_declaration")
    op.drop_index("ix_application_review_queue", table_name="application")
