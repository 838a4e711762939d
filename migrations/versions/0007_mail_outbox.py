"""mail owns the outbox: outbox_email loses its application column; the board links its emails

Revision ID: 0007_mail_outbox
Revises: 0006_guardian_request_unsent
Create Date: 2026-11-30 12:00:00

The queued-email table belongs to the mail package and no longer points at a board table. The
board keeps which emails were about which application in its own table, application_email,
so that right-of-access exports and the retention purge still find an applicant's emails.

The links are read first and written after outbox_email is rebuilt (SQLite's batch mode
recreates the table; with foreign keys on, dropping the old copy would cascade to the links).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007_mail_outbox"
down_revision = "0006_guardian_request_unsent"
branch_labels = None
depends_on = None

outbox = sa.table("outbox_email", sa.column("id", sa.Integer), sa.column("application_id"))
links = sa.table(
    "application_email", sa.column("email_id", sa.Integer), sa.column("application_id")
)


def upgrade():
    pairs = op.get_bind().execute(
        sa.select(outbox.c.id, outbox.c.application_id).where(outbox.c.application_id.is_not(None))
    )
    rows = [{"email_id": email, "application_id": application} for email, application in pairs]
    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_email_application_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_outbox_email_application_id_application"), type_="foreignkey"
        )
        batch_op.drop_column("application_id")

    op.create_table(
        "application_email",
        sa.Column("email_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_email_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["email_id"],
            ["outbox_email.id"],
            name=op.f("fk_application_email_email_id_outbox_email"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("email_id", name=op.f("pk_application_email")),
    )
    with op.batch_alter_table("application_email", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_email_application_id"), ["application_id"], unique=False
        )
    if rows:
        op.bulk_insert(links, rows)


def downgrade():
    pairs = op.get_bind().execute(sa.select(links.c.email_id, links.c.application_id)).all()
    with op.batch_alter_table("application_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_email_application_id"))
    op.drop_table("application_email")

    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.add_column(sa.Column("application_id", sa.INTEGER(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_email_application_id_application"),
            "application",
            ["application_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_email_application_id"), ["application_id"], unique=False
        )
    for email, application in pairs:
        op.execute(outbox.update().where(outbox.c.id == email).values(application_id=application))
