"""`flask board ...`: expire overdue guardian consents, send queued email (and the purge)."""

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from ..extensions import db
from ..mail import deliver_pending
from .cli_purge import purge_command
from .guardian_services import expire_overdue_consents
from .models import OutboxEmail

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


@board_cli.command("send-mail")
def send_mail_command() -> None:
    """Send queued email that has not been delivered yet (SMTP backend)."""
    if current_app.config["MAIL_BACKEND"] != "smtp":
        click.echo("MAIL_BACKEND is not smtp: email stays in the outbox; nothing sent.")
        return
    sent = deliver_pending()
    waiting = db.session.scalar(sa.select(sa.func.count()).where(OutboxEmail.delivered.is_(False)))
    click.echo(f"Sent {sent} email(s).")
    if waiting:
        raise click.ClickException(f"{waiting} email(s) could not be delivered; see the log.")
