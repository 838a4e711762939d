"""an update's new status kept in its own indexed column

Revision ID: 0025_update_new_status
Revises: 0024_review_queue_index
Create Date: 2026-11-30 17:40:00

Progress over time (sro_board/progress) needs every published status change. Found inside the
changes JSON, PostgreSQL parsed all 100,000 updates' JSON to find about 2,000 (185 ms for each
render of the home page after a publish). new_status holds changes["status"]["new"], filled here
for the existing rows and by the model for new ones; (state, new_status) finds them at once.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0025_update_new_status"
down_revision = "0024_review_queue_index"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("recommendation_update", sa.Column("new_status", sa.String(32), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE recommendation_update SET new_status = changes -> 'status' ->> 'new'"
            " WHERE changes -> 'status' ->> 'new' IS NOT NULL"
        )
    else:
        op.execute(
            "UPDATE recommendation_update SET new_status = json_extract(changes, '$.status.new')"
            " WHERE json_extract(changes, '$.status.new') IS NOT NULL"
        )
    op.create_index("ix_update_status_changes", "recommendation_update", ["state", "new_status"])


def downgrade():
    op.drop_index("ix_update_status_changes", table_name="recommendation_update")
    # In place (SQLite 3.35+ and PostgreSQL), as 0015 and 0017 do.
    op.execute("ALTER TABLE recommendation_update DROP COLUMN new_status")
