"""Email: an encrypted row queued with the change that causes it, delivered by a worker.

The request only writes the row (sro_board.mail.services.queue_email); once its transaction
commits, the email's id goes on the job queue (Huey, sro_board.mail.queue), and `flask mail
worker` claims, sends and records it (sro_board.mail.delivery) through MAIL_BACKEND.
"""

from flask import Flask

from . import backends
from .cli import mail_cli
from .delivery import deliver, sweep
from .queue import EXTENSION, TaskQueue


def init_app(app: Flask) -> None:
    """Check the backend, build the task queue, add `flask mail`."""
    backends.check(app)
    app.extensions[EXTENSION] = TaskQueue(app, deliver, sweep)
    app.cli.add_command(mail_cli)
