"""pending updates found by an index on (state, created_at, id)

Revision ID: 0016_pending_updates_index
Revises: 0015_application_scores
Create Date: 2026-11-30 13:30:00

The dashboard and the approval queue list pending updates oldest first. With an index on the
state alone, SQLite walked the whole timeline by creation date to find the few pending ones
(105 ms at 100,000 updates); (state, created_at, id) finds them and their order at once, and
makes the index on the state alone redundant.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0016_pending_updates_index"
down_revision = "0015_application_scores"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_update_state_created", "recommendation_update", ["state", "created_at", "id"]
    )
    op.drop_index("ix_recommendation_update_state", table_name="recommendation_update")


def downgrade():
    op.create_index("ix_recommendation_update_state", "recommendation_update", ["state"])
    op.drop_index("ix_update_state_created", table_name="recommendation_update")
