"""`flask users ...`: create and list staff accounts."""

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from ..extensions import db
from .models import User
from .roles import Role
from .services import AccountError, create_user

users_cli = AppGroup("users", help="Manage staff accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice([r.value for r in Role]),
    help="Repeat for several roles.",
)
@click.password_option(help="Prompted for (twice) when not given.")
def create(email: str, name: str, roles: tuple[str, ...], password: str) -> None:
    """Create a staff account."""
    try:
        user = create_user(
            None, email=email, name=name, roles={Role(r) for r in roles}, password=password
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({', '.join(sorted(roles))}).")


@users_cli.command("list")
def list_users() -> None:
    """List staff accounts with their roles."""
    for user in db.session.scalars(sa.select(User).order_by(User.email)):
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.name}\t{','.join(sorted(user.roles))}\t{state}")
