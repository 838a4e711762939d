"""`flask board ...`: expire overdue guardian consents (and the purge)."""

import click
from flask.cli import AppGroup

from ..core.extensions import db
from .applications.guardian import expire_overdue_consents
from .cli_purge import purge_command

board_cli = AppGroup("board", help="Advisory-board maintenance.")
board_cli.add_command(purge_command)


@board_cli.command("expire-consents")
def expire_consents_command() -> None:
    """Expire applications whose guardian did not consent in time."""
    expired = expire_overdue_consents()
    db.session.commit()
    if expired:
        click.echo(f"Expired {len(expired)} application(s): {', '.join(expired)}.")
    else:
        click.echo("No guardian consent is overdue; nothing expired.")
