"""`flask sample load`: load the demo data once; `flask sample logins`: print the demo logins."""

import click
from flask.cli import AppGroup

from ..extensions import db
from .loader import DEMO_ACCOUNTS, DEMO_PASSWORD, already_loaded, load_sample_data

sample_cli = AppGroup("sample", help="Demo sample data.")


@sample_cli.command("load")
def load_command() -> None:
    """Load the sample data, unless it is already there."""
    if already_loaded():
        click.echo("Sample data already loaded; nothing to do.")
        return
    click.echo("Loading sample data...")
    counts = load_sample_data()
    db.session.commit()
    click.echo(", ".join(f"{n} {what}" for what, n in counts.items()) + " loaded.")


@sample_cli.command("logins")
def logins_command() -> None:
    """Print the demo accounts and their shared password."""
    click.echo("Demo logins (sample data only; password for all: " + DEMO_PASSWORD + "):")
    for email, _name, roles in DEMO_ACCOUNTS:
        click.echo(f"  {email:<24} {', '.join(r.label for r in roles)}")
