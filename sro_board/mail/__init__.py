"""Email: queued in the outbox table with the change that causes it, delivered after commit.

MAIL_BACKEND=smtp sends through MAIL_SERVER:MAIL_PORT; MAIL_BACKEND=outbox (the demo default)
only keeps the messages for the admin outbox page. A failed delivery stays undelivered and is
retried by `flask mail send`.
"""

from flask import Flask

from . import delivery
from .cli import mail_cli


def init_app(app: Flask) -> None:
    """Deliver queued email after the request that queued it; add `flask mail`."""
    delivery.register(app)
    app.cli.add_command(mail_cli)
