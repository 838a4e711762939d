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
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(_language())
    with op.batch_alter_table("guardian_consent", schema=None) as batch_op:
        batch_op.add_column(_language())
    with op.batch_alter_table("intake", schema=None) as batch_op:
        for name, type_ in INTAKE_TEXT:
            batch_op.add_column(sa.Column(name, type_, server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("intake", schema=None) as batch_op:
        for name, _type in reversed(INTAKE_TEXT):
            batch_op.drop_column(name)
    with op.batch_alter_table("guardian_consent", schema=None) as batch_op:
        batch_op.drop_column("language")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_column("language")
