"""Staff notifications by email (drafts waiting, reviewer assigned, terms ending, failed email).

Sent by the worker, never in the request: the daily digests by a periodic task (digests.py);
the reviewer's email is an outbox row written with the assignment, delivered once it commits.
Lower packages say what happened through blinker signals (board.signals, mail.signals) and
know nothing of this one.
Each person switches each kind off on /account/notifications (linked from every email).
"""

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import gettext as _
from huey import crontab

from ..board.signals import reviewer_assigned
from ..core.extensions import db
from ..core.sections import add_section
from ..mail.queue import EXTENSION
from ..mail.signals import email_given_up
from .digests import send_digests
from .services import note_dead_email, tell_reviewer
from .views import bp

__all__ = ["bp", "init_app"]

notices_cli = AppGroup("notices", help="Staff notifications.")


@notices_cli.command("send")
def send_command() -> None:
    """Send the daily digests that are due now (the worker does this every hour)."""
    sent = send_digests()
    db.session.commit()
    click.echo(_("Queued %(num)d digest(s).", num=sent))


def _on_reviewer_assigned(intake, reviewer, **_extra) -> None:
    tell_reviewer(intake, reviewer)


def _on_email_given_up(email, **_extra) -> None:
    note_dead_email(email)


def init_app(app: Flask) -> None:
    """Mount the settings page, link it from the account pages, add the worker's tasks."""
    app.register_blueprint(bp)
    add_section(app, "account.links", "notices/_account_link.html", lambda **_page: {})
    tasks = app.extensions[EXTENSION]
    tasks.add_periodic("notices.digests", crontab(minute="5"), send_digests)
    reviewer_assigned.connect(_on_reviewer_assigned, weak=False)
    email_given_up.connect(_on_email_given_up, weak=False)
    app.cli.add_command(notices_cli)
