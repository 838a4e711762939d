"""`flask mail worker` runs the delivery worker; `flask mail send` delivers what is due now."""

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from .delivery import deliver_due, sweep, waiting
from .queue import task_queue

mail_cli = AppGroup("mail", help="Email delivery.")


@mail_cli.command("worker")
@click.option("--threads", default=2, show_default=True, help="Emails sent at the same time.")
@click.option("--poll", default=1.0, show_default=True, help="Longest wait between polls (s).")
def worker_command(threads: int, poll: float) -> None:
    """Deliver queued email until stopped (SIGTERM lets the sends in hand finish)."""
    queue = task_queue()
    found = sweep()  # whatever waited while no worker ran
    click.echo(
        _(
            "Mail worker: %(threads)d thread(s), queue %(queue)s, backend %(backend)s; "
            "%(found)d email(s) waiting.",
            threads=threads,
            queue=current_app.config["TASK_QUEUE_NAME"],
            backend=current_app.config["MAIL_BACKEND"],
            found=found,
        ),
        err=True,
    )
    # SIGTERM (systemd's stop, honcho's Ctrl+C) lets the sends in hand finish; SIGINT stops now.
    consumer = queue.huey.create_consumer(
        workers=threads, worker_type="thread", periodic=True, max_delay=poll, graceful_signal="TERM"
    )
    consumer.run()


@mail_cli.command("send")
def send_command() -> None:
    """Deliver every queued email that is due, in this process (no worker needed)."""
    sent = deliver_due()
    click.echo(_("Sent %(sent)d email(s).", sent=sent))
    if left := waiting():
        raise click.ClickException(
            _("%(left)d email(s) still wait for delivery; see the log.", left=left)
        )
