"""`flask sample load|logins|totp|scale`: the demo data, its logins and codes, and scale data."""

import time

import click
from flask import current_app
from flask.cli import AppGroup

from ..auth.mfa import current_code
from ..auth.services import find_by_email
from ..core.extensions import db
from .bulk import bulk_load_settings, refresh_planner_statistics
from .loader import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRETS,
    already_loaded,
    load_sample_data,
)
from .scale import ScaleCounts, scale_up

sample_cli = AppGroup("sample", help="Demo sample data (refused under the production config).")
COUNT = click.IntRange(min=0)


def refuse_in_production() -> None:
    """Stop before anything is read or written when the app runs the production config."""
    if current_app.config.get("CONFIG_NAME") == "production":
        raise click.ClickException(
            "Refused: the sample data creates demo accounts with a published password and "
            "two-step login secret, so it is never loaded under the production config "
            "(SRO_BOARD_CONFIG=production). Create the first administrator with "
            "`flask users create` instead."
        )


@sample_cli.command("load")
def load_command() -> None:
    """Load the sample data, unless it is already there."""
    refuse_in_production()
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
    refuse_in_production()
    click.echo("Demo logins (sample data only; password for all: " + DEMO_PASSWORD + "):")
    for email, _name, roles in DEMO_ACCOUNTS:
        click.echo(f"  {email:<24} {', '.join(sorted(r.label for r in roles))}")
        if secret := DEMO_TOTP_SECRETS.get(email):
            click.echo(f"  {'':<24} two-step login: TOTP secret {secret}")
    click.echo(
        "The admin and chair also give a 6-digit code after the password: add the secret to an "
        "authenticator app, or print the current code with\n"
        "  FLASK_APP=sro_board .venv/bin/flask sample totp admin@example.org\n"
        "(or chair@example.org; it works for the demo accounts only)."
    )


@sample_cli.command("totp")
@click.argument("email")
def totp_command(email: str) -> None:
    """Print the current two-step login code of a DEMO account (sample data only)."""
    refuse_in_production()
    user = find_by_email(email)
    secret = DEMO_TOTP_SECRETS.get(email.strip().lower())
    if not (already_loaded() and user and secret and user.totp_secret == secret):
        raise click.ClickException(
            "Only for the demo accounts of the sample data (admin@example.org, "
            "chair@example.org) with their published secrets."
        )
    click.echo(current_code(secret))


@sample_cli.command("scale", context_settings={"show_default": True})
@click.option("--recommendations", type=COUNT, default=1000, help="Total recommendations.")
@click.option("--updates", type=COUNT, default=100_000, help="Total approved updates.")
@click.option("--applications", type=COUNT, default=50_000, help="Total applications.")
@click.option("--intakes", type=COUNT, default=5, help="Total intakes (the sample's stays open).")
@click.option("--reviews", type=COUNT, help="Total reviews (default: one per two applications).")
@click.option("--audit", type=COUNT, help="Total audit entries (default: one per thing added).")
@click.option("--seed", default=12, show_default=True, help="Random seed (repeatable data).")
def scale_command(**options) -> None:
    """Grow the sample database to a real service's scale (development and test only)."""
    refuse_in_production()
    seed = options.pop("seed")
    started, cpu_started = time.perf_counter(), time.process_time()
    if not already_loaded():
        click.echo("Loading sample data first...")
        load_sample_data()
        db.session.commit()
    with bulk_load_settings():
        counts = scale_up(ScaleCounts(**options), seed=seed)
        db.session.commit()
    refresh_planner_statistics()
    added = ", ".join(f"{n} {what}" for what, n in counts.items())
    cpu = time.process_time() - cpu_started
    click.echo(f"Added {added} in {time.perf_counter() - started:.1f} s ({cpu:.1f} s of CPU).")
