"""`flask sample load`: load the demo data once; `flask sample logins`: print the demo logins."""

import click
from flask.cli import AppGroup

from ..extensions import db
from .loader import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRETS,
    already_loaded,
    load_sample_data,
)

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
    """Print the demo accounts, their shared password and the admin's and chair's TOTP secrets."""
    click.echo("Demo logins (sample data only; password for all: " + DEMO_PASSWORD + "):")
    for email, _name, roles in DEMO_ACCOUNTS:
        click.echo(f"  {email:<24} {', '.join(sorted(r.label for r in roles))}")
        if secret := DEMO_TOTP_SECRETS.get(email):
            click.echo(f"  {'':<24} two-step login: TOTP secret {secret}")
    click.echo(
        "The admin and chair also give a 6-digit code after the password: add the secret to an "
        "authenticator app, or print the current code with\n"
        "  FLASK_APP=sro_board .venv/bin/flask users totp admin@example.org\n"
        "(or chair@example.org; it works for the demo accounts only)."
    )
