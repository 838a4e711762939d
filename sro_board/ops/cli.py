"""`flask backup FILE` and `flask restore FILE`."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import format_number
from flask_babel import gettext as _

from ..core.extensions import db
from .backup import BackupError, backup, restore


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(file: Path) -> None:
    """Write a consistent backup of the database to FILE."""
    try:
        backup(db.engine, file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        _(
            "Backup written to %(file)s (%(size)s bytes).",
            file=file,
            size=format_number(file.stat().st_size),
        )
    )


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(file: Path, yes: bool) -> None:
    """Replace the database's contents with the backup in FILE."""
    if not yes:
        click.confirm(_("This replaces every row in the database. Continue?"), abort=True)
    db.session.remove()
    try:
        restore(db.engine, file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(_("Database restored from %(file)s.", file=file))
