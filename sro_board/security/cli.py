"""`flask security rotate-keys`: re-encrypt every encrypted value with the first key."""

import click
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..core.extensions import db
from .crypto import encrypted_columns, rotate_column
from .events import security_event

security_cli = AppGroup("security", help="Encryption keys.")


@security_cli.command("rotate-keys")
def rotate_keys_command() -> None:
    """Re-encrypt every encrypted value with the first key of ENCRYPTION_KEYS (all or nothing)."""
    total = 0
    with db.engine.begin() as connection:
        for column in encrypted_columns(db.metadata):
            count = rotate_column(connection, column)
            name = f"{column.table.name}.{column.name}"
            click.echo(_("%(column)s: %(count)d re-encrypted", column=name, count=count))
            total += count
    security_event("keys.rotated", values=total)
    click.echo(
        _(
            "%(total)d values now use the first key. Old keys can be removed from ENCRYPTION_KEYS.",
            total=total,
        )
    )
