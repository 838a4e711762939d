"""account languages: a staff member's email language; the language of a contact message

Revision ID: 0014_account_languages
Revises: 0013_board_languages
Create Date: 2026-11-30 09:45:00

user.language is "en" or "fr", or NULL for an account whose owner has not chosen yet (their
email then follows the page it was asked from, English by default). contact_message.language
is the language of the page the message was sent from; the messages already stored came from
English pages.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014_account_languages"
down_revision = "0013_board_languages"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=2), nullable=True))
    with op.batch_alter_table("contact_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=2), server_default="en", nullable=False)
        )


def downgrade():
    # In place (SQLite 3.35+ and PostgreSQL), not a batch copy: rebuilding "user" on SQLite
    # with foreign keys on fails on (or deletes) the rows that refer to it.
    op.drop_column("contact_message", "language")
    op.drop_column("user", "language")
