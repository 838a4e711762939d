"""french content: a French column beside each public English text of the tracker

Revision ID: 0012_french_content
Revises: 0008_mail_queue
Create Date: 2026-11-30 09:30:00

Recommendation title and description, milestone and evidence titles, the public note of an
update and the status definitions get a `_fr` column, NOT NULL with an empty default: rows
already stored read as "not yet translated" until staff enter the French.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012_french_content"
down_revision = "0008_mail_queue"
branch_labels = None
depends_on = None

# table -> [(column, type)]
COLUMNS = {
    "recommendation": [("title_fr", sa.String(length=200)), ("description_fr", sa.Text())],
    "milestone": [("title_fr", sa.String(length=200))],
    "evidence": [("title_fr", sa.String(length=200))],
    "recommendation_update": [("public_note_fr", sa.Text())],
    "status_definition": [
        ("name_fr", sa.String(length=80)),
        ("meaning_fr", sa.Text()),
        ("entry_criteria_fr", sa.Text()),
    ],
}


def upgrade():
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, type_ in columns:
                batch_op.add_column(
                    sa.Column(name, type_, nullable=False, server_default=sa.text("''"))
                )


def downgrade():
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _type in reversed(columns):
                batch_op.drop_column(name)
