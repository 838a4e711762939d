"""account security: TOTP secrets encrypted at rest; a record of each staff session

Revision ID: 0009_account_security
Revises: 0007_mail_outbox
Create Date: 2026-11-30 07:00:00

user.totp_secret becomes TEXT holding Fernet ciphertext: the secrets already stored are
encrypted here with the first key of ENCRYPTION_KEYS (decrypted again on downgrade), so the
upgrade needs the same keys as the app. user_session is new: existing cookies carry no session
record, so everyone logs in again once after the upgrade.
"""

import sqlalchemy as sa
from alembic import op
from flask import current_app

from sro_board.security.crypto import parse_keys

# revision identifiers, used by Alembic.
revision = "0009_account_security"
down_revision = "0007_mail_outbox"
branch_labels = None
depends_on = None

# table -> (primary key, {column: its plaintext type before this revision})
ENCRYPTED = {"user": ("id", {"totp_secret": sa.String(length=64)})}


def _convert(table: str, key: str, columns, change) -> None:
    """Rewrite every non-null value of the columns with change(value)."""
    bind = op.get_bind()
    t = sa.table(table, sa.column(key), *(sa.column(c, sa.Text) for c in columns))
    for row in bind.execute(sa.select(t)).mappings().all():
        values = {c: change(row[c]) for c in columns if row[c] is not None}
        if values:
            bind.execute(sa.update(t).where(t.c[key] == row[key]).values(values))


def upgrade():
    keys = parse_keys(current_app.config["ENCRYPTION_KEYS"])
    for table, (key, columns) in ENCRYPTED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, old_type in columns.items():
                batch_op.alter_column(column, existing_type=old_type, type_=sa.Text())
        _convert(table, key, columns, lambda v: keys.encrypt(v.encode()).decode())

    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("browser", sa.String(length=80), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_user_session_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_user_session_key_hash")),
    )
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_session_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("user_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_session_user_id"))
    op.drop_table("user_session")

    keys = parse_keys(current_app.config["ENCRYPTION_KEYS"])
    for table, (key, columns) in ENCRYPTED.items():
        _convert(table, key, columns, lambda v: keys.decrypt(v.encode()).decode())
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, old_type in columns.items():
                batch_op.alter_column(column, existing_type=sa.Text(), type_=old_type)
