"""a guardian's consent request may be unsent: an ineligible minor's guardian is not asked

Revision ID: 0006_guardian_request_unsent
Revises: 0005_system_actors
Create Date: 2026-11-30 03:10:00

guardian_consent.expires_at is NULL until the request is sent (after the eligibility rules,
or an admin's override). Downgrading fills NULLs with the time of the downgrade (an expired
request nobody received) so the column can be NOT NULL again.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006_guardian_request_unsent"
down_revision = "0005_system_actors"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("guardian_consent", schema=None) as batch_op:
        batch_op.alter_column("expires_at", existing_type=sa.DateTime(timezone=True), nullable=True)


def downgrade():
    consent = sa.table("guardian_consent", sa.column("expires_at", sa.DateTime(timezone=True)))
    op.execute(
        consent.update()
        .where(consent.c.expires_at.is_(None))
        .values(expires_at=sa.func.current_timestamp())
    )
    with op.batch_alter_table("guardian_consent", schema=None) as batch_op:
        batch_op.alter_column(
            "expires_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
