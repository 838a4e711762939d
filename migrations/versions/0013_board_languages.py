"""board languages: the applicant's and guardian's language, the intake's public text in French

Revision ID: 0013_board_languages
Revises: 0012_french_content
Create Date: 2026-11-30 09:45:00

application.language and guardian_consent.language ("en" or "fr") choose the language of every
email to the applicant and the guardian; existing rows are English. intake gains a French
column beside each public text column; empty means not yet translated (the English shows).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013_board_languages"
down_revision = "0012_french_content"  # after i13-rec's French content (merged)
branch_labels = None
depends_on = None

INTAKE_TEXT = (
    ("title_fr", sa.String(length=200)),
    ("notice_purpose_fr", sa.Text()),
    ("notice_authority_fr", sa.Text()),
    ("notice_contact_title_fr", sa.String(length=200)),
)


def _language() -> sa.Column:
    return sa.Column("language", sa.String(length=2), server_default="en", nullable=False)


def upgrade():
    # Plain ALTER TABLE, as in 0010 (Alembic's batch mode would do the same on SQLite for an
    # added column): a batch copy of `application` would cascade-delete its children there.
    op.add_column("application", _language())
    op.add_column("guardian_consent", _language())
    for name, type_ in INTAKE_TEXT:
        op.add_column("intake", sa.Column(name, type_, server_default="", nullable=False))


def downgrade():
    # In place (SQLite 3.35+ and PostgreSQL), not a batch copy: see upgrade().
    for name, _type in reversed(INTAKE_TEXT):
        op.execute(f"ALTER TABLE intake DROP COLUMN {name}")
    op.execute("ALTER TABLE guardian_consent DROP COLUMN language")
    op.execute("ALTER TABLE application DROP COLUMN language")
