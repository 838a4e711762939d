"""Email at rest: encrypted content erased once sent, delivery state for the worker's queue

Revision ID: 0008_mail_queue
Revises: 0011_list_indexes
Create Date: 2026-11-30 07:00:00

outbox_email keeps recipient, subject and body as Fernet ciphertext (ENCRYPTION_KEYS) only
while an email waits; a keyed hash of the address (HMAC-SHA256 under a key derived from
SECRET_KEY) stays for operations, with the template, state, attempts and times. Emails that
were already delivered lose their content here; undelivered ones are encrypted and queued.

The keys are read from the app that runs `flask db upgrade`, and the crypto is written out here
so that this revision never changes when the app's code does. application_email is read first
and written back afterwards (SQLite's batch mode recreates outbox_email, and with foreign keys
on, dropping the old copy cascades to the links).
"""

import hashlib
import hmac
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from cryptography.fernet import Fernet, MultiFernet
from flask import current_app

# revision identifiers, used by Alembic.
revision = "0008_mail_queue"
down_revision = "0011_list_indexes"  # chained after main's 0009-0011 (all began at 0007)
branch_labels = None
depends_on = None

# The columns this revision encrypts, in 0004's shape (tests/security/test_schema_protection.py).
ENCRYPTED = {
    "outbox_email": (
        "id",
        {"recipient": sa.String(254), "subject": sa.String(200), "body": sa.Text()},
    ),
}
links = sa.table("application_email", sa.column("email_id"), sa.column("application_id"))


def _fernet() -> MultiFernet:
    keys = [k.strip() for k in current_app.config["ENCRYPTION_KEYS"].split(",") if k.strip()]
    return MultiFernet([Fernet(k) for k in keys])


def _hash(address: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    key = hashlib.sha256(b"sro-board keyed hash\0" + secret).digest()
    return hmac.new(key, address.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()


def _saved_links(bind) -> list[dict]:
    rows = bind.execute(sa.select(links.c.email_id, links.c.application_id)).all()
    return [{"email_id": e, "application_id": a} for e, a in rows]


def _restore_links(saved: list[dict]) -> None:
    op.execute(links.delete())
    if saved:
        op.bulk_insert(links, saved)


def upgrade():
    bind = op.get_bind()
    old = sa.table(
        "outbox_email",
        sa.column("id"),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("recipient"),
        sa.column("subject"),
        sa.column("body"),
        sa.column("delivered"),
    )
    rows = bind.execute(sa.select(old)).all()
    saved = _saved_links(bind)
    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.add_column(sa.Column("template", sa.String(60), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("recipient_hash", sa.String(64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("state", sa.String(10), nullable=False, server_default="queued")
        )
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column(
                "next_attempt_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.current_timestamp(),
            )
        )
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.String(60), nullable=True))
        batch_op.alter_column(
            "recipient", existing_type=sa.String(254), type_=sa.Text(), nullable=True
        )
        batch_op.alter_column(
            "subject", existing_type=sa.String(200), type_=sa.Text(), nullable=True
        )
        batch_op.alter_column("body", existing_type=sa.Text(), nullable=True)
        batch_op.drop_column("delivered")
        batch_op.create_index(batch_op.f("ix_outbox_email_recipient_hash"), ["recipient_hash"])
        batch_op.create_index(batch_op.f("ix_outbox_email_state"), ["state"])
        batch_op.create_index(batch_op.f("ix_outbox_email_finished_at"), ["finished_at"])
    new = sa.table(
        "outbox_email",
        sa.column("id"),
        *(sa.column(name) for name in ("template", "recipient_hash", "state", "recipient")),
        *(sa.column(name) for name in ("subject", "body", "attempts")),
        sa.column("next_attempt_at", sa.DateTime(timezone=True)),
        sa.column("finished_at", sa.DateTime(timezone=True)),
    )
    fernet = _fernet() if rows else None
    now = datetime.now(UTC)
    for row in rows:
        values = {"template": "unknown", "recipient_hash": _hash(row.recipient), "attempts": 0}
        if row.delivered:
            values |= {"state": "sent", "recipient": None, "subject": None, "body": None}
            values |= {"finished_at": row.created_at, "next_attempt_at": row.created_at}
        else:
            encrypted = {
                name: fernet.encrypt(getattr(row, name).encode("utf-8")).decode("ascii")
                for name in ("recipient", "subject", "body")
            }
            values |= {"state": "queued", "next_attempt_at": now} | encrypted
        op.execute(new.update().where(new.c.id == row.id).values(values))
    _restore_links(saved)


def downgrade():
    bind = op.get_bind()
    table = sa.table(
        "outbox_email",
        *(sa.column(name) for name in ("id", "state", "recipient", "subject", "body")),
    )
    rows = bind.execute(sa.select(table)).all()
    saved = _saved_links(bind)
    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_email_finished_at"))
        batch_op.drop_index(batch_op.f("ix_outbox_email_state"))
        batch_op.drop_index(batch_op.f("ix_outbox_email_recipient_hash"))
        batch_op.add_column(
            sa.Column("delivered", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        for name in ("template", "recipient_hash", "state", "attempts", "next_attempt_at"):
            batch_op.drop_column(name)
        for name in ("claimed_at", "finished_at", "last_error"):
            batch_op.drop_column(name)
    old = sa.table(
        "outbox_email",
        *(sa.column(name) for name in ("id", "recipient", "subject", "body", "delivered")),
    )
    fernet = _fernet() if rows else None
    for row in rows:

        def plain(value):
            return fernet.decrypt(value.encode("ascii")).decode("utf-8") if value else ""

        values = {name: plain(getattr(row, name)) for name in ("recipient", "subject", "body")}
        values["delivered"] = row.state == "sent"
        op.execute(old.update().where(old.c.id == row.id).values(values))
    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.alter_column(
            "recipient", existing_type=sa.Text(), type_=sa.String(254), nullable=False
        )
        batch_op.alter_column(
            "subject", existing_type=sa.Text(), type_=sa.String(200), nullable=False
        )
        batch_op.alter_column("body", existing_type=sa.Text(), nullable=False)
    _restore_links(saved)
