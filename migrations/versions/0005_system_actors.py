"""audit entries and stage events name their non-staff actor (applicant, guardian, rules…)

Revision ID: 0005_system_actors
Revises: 0004_security_data
Create Date: 2026-11-30 02:39:23

Older rows keep system_actor NULL: the audit table is append-only (a PostgreSQL trigger refuses
UPDATE), and their actor_label already reads "system (command line)".
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005_system_actors"
down_revision = "0004_security_data"
branch_labels = None
depends_on = None

ACTORS = (
    "command_line",
    "application_form",
    "status_link",
    "new_status_link_form",
    "consent_link",
    "eligibility_rules",
)


def _column() -> sa.Column:
    kind = sa.Enum(*ACTORS, name="systemactor", native_enum=False, length=30)
    return sa.Column("system_actor", kind, nullable=True)


def upgrade():
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(_column())
        batch_op.create_check_constraint("one_actor", "actor_id IS NULL OR system_actor IS NULL")

    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.add_column(_column())


def downgrade():
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.drop_column("system_actor")

    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_constraint("one_actor", type_="check")
        batch_op.drop_column("system_actor")
