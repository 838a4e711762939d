"""`flask mail send`: retry queued email that could not be delivered."""

import click
from flask import current_app
from flask.cli import AppGroup

from .delivery import deliver_pending, undelivered

mail_cli = AppGroup("mail", help="Email delivery.")


@mail_cli.command("send")
def send_command() -> None:
    """Send queued email that has not been delivered yet (SMTP backend)."""
    if current_app.config["MAIL_BACKEND"] != "smtp":
        click.echo("MAIL_BACKEND is not smtp: email stays in the outbox; nothing sent.")
        return
    sent = deliver_pending()
    click.echo(f"Sent {sent} email(s).")
    if waiting := undelivered():
        raise click.ClickException(f"{waiting} email(s) could not be delivered; see the log.")
