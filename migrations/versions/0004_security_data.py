"""security data: encrypted guardian details and self-identification; append-only audit log

Revision ID: 0004_security_data
Revises: 0003_accounts
Create Date: 2026-11-28 12:00:00

Existing plaintext values are encrypted here with the first key of ENCRYPTION_KEYS (and
decrypted again on downgrade), so the upgrade needs the same keys as the app.
"""

import sqlalchemy as sa
from alembic import op
from flask import current_app

from sro_board.security.crypto import parse_keys

# revision identifiers, used by Alembic.
revision = "0004_security_data"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None

# table -> (primary key, {column: its plaintext type before this revision})
ENCRYPTED = {
    "guardian_consent": (
        "application_id",
        {"guardian_name": sa.String(length=120), "guardian_email": sa.String(length=254)},
    ),
    "self_identification": (
        "id",
        {
            name: sa.String(length=32)
            for name in ("racialized", "indigenous", "lgbtq", "disability", "newcomer")
        },
    ),
}

AUDIT_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$
"""
AUDIT_TRIGGER = """
CREATE TRIGGER audit_entry_append_only
BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()
"""


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
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_FUNCTION)
        op.execute(AUDIT_TRIGGER)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    keys = parse_keys(current_app.config["ENCRYPTION_KEYS"])
    for table, (key, columns) in ENCRYPTED.items():
        _convert(table, key, columns, lambda v: keys.decrypt(v.encode()).decode())
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, old_type in columns.items():
                batch_op.alter_column(column, existing_type=sa.Text(), type_=old_type)
