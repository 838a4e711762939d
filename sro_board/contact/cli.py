"""`flask contact purge`: delete contact messages past their retention period."""

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..core.extensions import db
from .retention import purge_messages

contact_cli = AppGroup("contact", help="Contact-form maintenance.")


@contact_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; change nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete contact messages older than CONTACT_RETENTION_DAYS."""
    count = purge_messages(dry_run=dry_run)
    days = current_app.config["CONTACT_RETENTION_DAYS"]
    if dry_run:
        db.session.rollback()
        click.echo(
            _(
                "Would delete %(count)d contact message(s) older than %(days)d days.",
                count=count,
                days=days,
            )
        )
        return
    db.session.commit()
    click.echo(
        _("Deleted %(count)d contact message(s) older than %(days)d days.", count=count, days=days)
    )
