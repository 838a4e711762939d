"""`flask board ...`: expire overdue consents, purge personal data past retention, end terms."""

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from ..core.extensions import db
from .applications.guardian import expire_overdue_consents
from .privacy.reasons import purge_reasons
from .privacy.services import PurgeReport, purge_expired
from .selection.membership import end_terms

board_cli = AppGroup("board", help="Advisory-board maintenance.")


@board_cli.command("end-terms")
def end_terms_command() -> None:
    """Deactivate the accounts of members whose term ended or who resigned (audited)."""
    ended = end_terms()
    db.session.commit()
    click.echo(_("Ended the access of %(num)d board member account(s).", num=ended))


@board_cli.command("expire-consents")
def expire_consents_command() -> None:
    """Expire applications whose guardian did not consent in time."""
    expired = expire_overdue_consents()
    db.session.commit()
    if expired:
        click.echo(
            _(
                "Expired %(num)d application(s): %(references)s.",
                num=len(expired),
                references=", ".join(expired),
            )
        )
    else:
        click.echo(_("No guardian consent is overdue; nothing expired."))


def _describe(report: PurgeReport) -> str:
    values = {
        "num": report.count,
        "references": ", ".join(report.references),
        "guardians": report.guardians,
        "self_ids": report.self_ids,
        "emails": report.emails,
        "comments": report.comments,
    }
    if report.dry_run:
        first = _("Would delete the personal data of %(num)d application(s): %(references)s.")
    else:
        first = _("Deleted the personal data of %(num)d application(s): %(references)s.")
    counts = _(
        "  guardian records: %(guardians)d, self-identification answers: %(self_ids)d, "
        "emails: %(emails)d, review comments: %(comments)d."
    )
    return f"{first % values}\n{counts % values}"


def _purge_lines(report: PurgeReport, reasons: int, dry_run: bool) -> list[str]:
    config = current_app.config
    values = {
        "reasons": reasons,
        "reason_days": config["REASON_RETENTION_DAYS"],
        "days": config["RETENTION_DAYS"],
        "cutoff": f"{report.cutoff:%Y-%m-%d %H:%M}",
        "records": report.email_records,
        "mail_days": config["MAIL_RETENTION_DAYS"],
    }
    if dry_run:
        reasons_line = _(
            "Would empty the details of %(reasons)d staff reason(s) older than "
            "%(reason_days)d days."
        )
        mail_line = _(
            "Would delete %(records)d record(s) of emails sent or given up on more than "
            "%(mail_days)d days ago."
        )
    else:
        reasons_line = _(
            "Emptied the details of %(reasons)d staff reason(s) older than %(reason_days)d days."
        )
        mail_line = _(
            "Deleted %(records)d record(s) of emails sent or given up on more than "
            "%(mail_days)d days ago."
        )
    period = _(
        "Retention period: %(days)d days; applications not selected, withdrawn, expired, "
        "ineligible or declined before %(cutoff)s UTC are due."
    )
    return [line % values for line in (reasons_line, period, mail_line)]


@board_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; change nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete the personal data of closed applications past their retention period."""
    report = purge_expired(dry_run=dry_run)
    reasons = purge_reasons(dry_run=dry_run)
    for line in _purge_lines(report, reasons, dry_run):
        click.echo(line)
    if not report.count:
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
        click.echo(_("No application to purge."))
        return
    if dry_run:
        db.session.rollback()
        click.echo(_describe(report))
        click.echo(_("Dry run: nothing was changed."))
        return
    db.session.commit()
    click.echo(_describe(report))
