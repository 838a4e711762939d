"""`flask recommendations import|export`: CSV in and out."""

import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import gettext as _
from flask_babel import ngettext

from ..auth.services import find_by_email
from ..core.extensions import db
from .csv.export import export_csv
from .csv.importer import import_csv
from .errors import ImportFailed

recommendations_cli = AppGroup("recommendations", help="Import and export recommendations.")


@recommendations_cli.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
def export_command(file: Path | None) -> None:
    """Write all recommendations as CSV to FILE (or standard output)."""
    text = export_csv()
    if file is None:
        click.echo(text, nl=False)
    else:
        file.write_text(text, encoding="utf-8", newline="")  # csv writes its own line ends
        rows = text.count(chr(10)) - 1
        click.echo(
            ngettext(
                "Wrote %(num)d recommendation to %(file)s.",
                "Wrote %(num)d recommendations to %(file)s.",
                rows,
                file=str(file),
            ),
            err=True,
        )


@recommendations_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--as", "actor_email", help="Record the changes in this staff member's name.")
def import_command(file: Path, actor_email: str | None) -> None:
    """Import recommendations from FILE.csv (the export format): all lines or none."""
    actor = None
    if actor_email:
        actor = find_by_email(actor_email)
        if actor is None:
            raise click.ClickException(_("No staff account for %(email)s.", email=actor_email))
    try:
        # newline="": keep line breaks inside quoted cells as they are (csv module rule).
        with file.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise click.ClickException(
            _("The file is not UTF-8 text; nothing was imported.")
        ) from error

    def progress(rows):
        with click.progressbar(rows, label=_("Importing"), file=sys.stderr) as bar:
            yield from bar

    try:
        result = import_csv(text, actor, progress)
    except ImportFailed as failure:
        db.session.rollback()
        for error in failure.errors:
            click.echo(_("Error: %(error)s", error=str(error)), err=True)
        raise click.ClickException(str(failure)) from failure
    db.session.commit()
    click.echo(
        _(
            "Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(waiting)d awaiting sign-off.",
            created=len(result.created),
            updated=len(result.updated),
            unchanged=len(result.unchanged),
            waiting=len(result.awaiting_sign_off),
        )
    )
    if result.awaiting_sign_off:
        click.echo(
            _(
                "Awaiting a chair's or admin's sign-off in the app: %(codes)s",
                codes=", ".join(result.awaiting_sign_off),
            )
        )
