"""`flask users ...`: create and list staff accounts; `flask security permissions-doc`."""

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..core.extensions import db
from ..security.cli import security_cli
from ..security.inputs import strip_bidi
from .models import User
from .permissions_doc import DOC_PATH, render
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
    """Create a staff account (the first admin; invite the others from the Users page)."""
    try:
        user = create_user(
            None,
            email=email,
            name=strip_bidi(name),  # as every form's single-line fields
            roles={Role(r) for r in roles},
            password=password,
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(
        _("Created %(email)s (%(roles)s).", email=user.email, roles=", ".join(sorted(roles)))
    )
    if user.mfa_required:
        click.echo(_("At the first login they set up two-step login (required for the role)."))


@users_cli.command("list")
def list_users() -> None:
    """List staff accounts with their roles."""
    for user in db.session.scalars(sa.select(User).order_by(User.email)):
        state = _("active") if user.active else _("deactivated")
        click.echo(f"{user.email}\t{user.name}\t{','.join(sorted(user.roles))}\t{state}")


@security_cli.command("permissions-doc")
@click.option("--check", is_flag=True, help="Fail if docs/permissions.md is out of date.")
def permissions_doc(check: bool) -> None:
    """Write docs/permissions.md from the permission matrix in sro_board/auth/permissions.py."""
    text = render(current_app)
    if check:
        if not DOC_PATH.exists() or DOC_PATH.read_text(encoding="utf-8") != text:
            raise click.ClickException(
                _("%(file)s is out of date: run the command.", file="docs/permissions.md")
            )
        click.echo(_("%(file)s is up to date.", file="docs/permissions.md"))
        return
    DOC_PATH.write_text(text, encoding="utf-8")
    click.echo(_("Wrote %(file)s.", file=DOC_PATH.name))
