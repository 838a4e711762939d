"""`flask follow purge`: delete follows left unconfirmed for 7 days, and old fan-out records."""

from datetime import timedelta

import click
from flask.cli import AppGroup

from ..core.clock import now_utc
from ..core.extensions import db
from . import fanout, services

follow_cli = AppGroup("follow", help="Following by email.")


def purge() -> int:
    """The periodic purge: unconfirmed follows after 7 days, fan-outs done 30 days ago."""
    count = services.purge_unconfirmed()
    fanout.purge_done(now_utc() - timedelta(days=30))
    db.session.commit()
    return count


@follow_cli.command("purge")
def purge_command() -> None:
    """Delete follows left unconfirmed for 7 days."""
    count = purge()
    click.echo(f"{count} unconfirmed follow(s) deleted.")
