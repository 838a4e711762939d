"""`flask board ...`: expire overdue guardian consents, purge personal data past retention."""

import click
from flask import current_app
from flask.cli import AppGroup

from ..core.extensions import db
from .applications.guardian import expire_overdue_consents
from .privacy.reasons import purge_reasons
from .privacy.services import PurgeReport, purge_expired

board_cli = AppGroup("board", help="Advisory-board maintenance.")


@board_cli.command("expire-consents")
def expire_consents_command() -> None:
    """Expire applications whose guardian did not consent in time."""
    expired = expire_overdue_consents()
    db.session.commit()
    if expired:
        click.echo(f"Expired {len(expired)} application(s): {', '.join(expired)}.")
    else:
        click.echo("No guardian consent is overdue; nothing expired.")


def _describe(report: PurgeReport) -> str:
    verb = "Would delete" if report.dry_run else "Deleted"
    return (
        f"{verb} the personal data of {report.count} application(s): "
        f"{', '.join(report.references)}.\n"
        f"  guardian records: {report.guardians}, self-identification answers: "
        f"{report.self_ids}, emails: {report.emails}, review comments: {report.comments}."
    )


@board_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; change nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete the personal data of closed applications past their retention period."""
    report = purge_expired(dry_run=dry_run)
    reasons = purge_reasons(dry_run=dry_run)
    verb = "Would empty" if dry_run else "Emptied"
    click.echo(
        f"{verb} the details of {reasons} staff reason(s) older than "
        f"{current_app.config['REASON_RETENTION_DAYS']} days."
    )
    days = current_app.config["RETENTION_DAYS"]
    click.echo(
        f"Retention period: {days} days; applications not selected, withdrawn, expired, "
        f"ineligible or declined before {report.cutoff:%Y-%m-%d %H:%M} UTC are due."
    )
    mail_days = current_app.config["MAIL_RETENTION_DAYS"]
    verb = "Would delete" if dry_run else "Deleted"
    click.echo(
        f"{verb} {report.email_records} record(s) of emails sent or given up on more than "
        f"{mail_days} days ago."
    )
    if not report.count:
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
        click.echo("No application to purge.")
        return
    if dry_run:
        db.session.rollback()
        click.echo(_describe(report))
        click.echo("Dry run: nothing was changed.")
        return
    db.session.commit()
    click.echo(_describe(report))
