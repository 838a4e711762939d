"""`flask board purge [--dry-run]`: delete personal data whose retention period has ended."""

import click
from flask import current_app

from ..core.extensions import db
from .retention import PurgeReport, purge_expired


def _describe(report: PurgeReport) -> str:
    verb = "Would delete" if report.dry_run else "Deleted"
    return (
        f"{verb} the personal data of {report.count} application(s): "
        f"{', '.join(report.references)}.\n"
        f"  guardian records: {report.guardians}, self-identification answers: "
        f"{report.self_ids}, emails: {report.emails}, review comments: {report.comments}."
    )


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; change nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete the personal data of closed applications past their retention period."""
    report = purge_expired(dry_run=dry_run)
    days = current_app.config["RETENTION_DAYS"]
    click.echo(
        f"Retention period: {days} days; applications not selected, withdrawn, expired, "
        f"ineligible or declined before {report.cutoff:%Y-%m-%d %H:%M} UTC are due."
    )
    if not report.count:
        click.echo("Nothing to purge.")
        return
    if dry_run:
        db.session.rollback()
        click.echo(_describe(report))
        click.echo("Dry run: nothing was changed.")
        return
    db.session.commit()
    click.echo(_describe(report))
