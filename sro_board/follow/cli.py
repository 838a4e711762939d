"""`flask follow purge`: unconfirmed follows after 7 days, year-old links, old fan-outs."""

from datetime import timedelta

import click
from flask.cli import AppGroup

from ..core.clock import now_utc
from ..core.extensions import db
from . import fanout, services

follow_cli = AppGroup("follow", help="Following by email.")


def purge() -> int:
    """The nightly purge: unconfirmed follows after 7 days, links after a year, old fan-outs."""
    count = services.purge_unconfirmed()
    services.purge_old_links()
    fanout.purge_done(now_utc() - timedelta(days=30))
    db.session.commit()
    return count


@follow_cli.command("purge")
def purge_command() -> None:
    """Delete follows left unconfirmed for 7 days."""
    count = purge()
    click.echo(f"{count} unconfirmed follow(s) deleted.")
