"""french content: a French column beside each public English text of the tracker

Revision ID: 0012_french_content
Revises: 0008_mail_queue
Create Date: 2026-11-30 09:30:00

Recommendation title and description, milestone and evidence titles, the public note of an
update and the status definitions get a `_fr` column, NOT NULL with an empty default: rows
already stored read as "not yet translated" until staff enter the French. The built-in status
definitions get their French text where the English is still the default one (an admin's
edited English keeps an empty French until the admin translates it).
"""

import sqlalchemy as sa
from alembic import op

from sro_board.recommendations.definitions_data import DEFAULT_DEFINITIONS, DEFAULT_DEFINITIONS_FR

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
    _translate_default_definitions()


def _translate_default_definitions() -> None:
    """Fill each French column of a built-in definition whose English is still the default."""
    table = sa.table(
        "status_definition",
        *(sa.column(c) for c in ("axis", "key", "name", "meaning", "entry_criteria")),
        *(sa.column(c) for c in ("name_fr", "meaning_fr", "entry_criteria_fr")),
    )
    bind = op.get_bind()
    for axis, key, *english in DEFAULT_DEFINITIONS:
        french = DEFAULT_DEFINITIONS_FR[(axis, key)]
        for column, en, fr in zip(
            ("name", "meaning", "entry_criteria"), english, french, strict=True
        ):
            bind.execute(
                sa.update(table)
                .where(table.c.axis == axis, table.c.key == key, table.c[column] == en)
                .values({f"{column}_fr": fr})
            )


def downgrade():
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _type in reversed(columns):
                batch_op.drop_column(name)
