"""Following by email, with no account: double opt-in, instant or weekly, one-click unsubscribe.

Publishing an update (recommendations' `update_published` signal) records a fan-out in the
same transaction; the worker writes the instant emails in batches (fanout.py). The weekly
digest, the fan-out sweep and the 7-day purge of unconfirmed follows are periodic tasks.
"""

import os

from flask import Flask
from huey import crontab

from ..core.sections import add_section
from ..mail.queue import EXTENSION
from ..recommendations.signals import update_published
from . import digest, fanout
from .cli import follow_cli, purge
from .scopes import scope_words
from .sections import recommendation_section
from .views import bp

DEFAULTS = {
    # Per client address: a class or a library shares one, and each try only sends a link.
    "FOLLOW_RATE_LIMIT": "20 per hour",
    # Per email address (its keyed hash): no one is sent more than a few confirmation emails.
    "FOLLOW_ADDRESS_RATE_LIMIT": "3 per hour",
}


def init_app(app: Flask) -> None:
    """Mount following: pages, the section on a recommendation, tasks, `flask follow`."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, os.environ.get(key, value))
    app.register_blueprint(bp)
    app.jinja_env.globals["follow_scope_words"] = scope_words
    add_section(app, "recommendation.public", "follow/_recommendation.html", recommendation_section)
    update_published.connect(fanout.on_update_published)
    queue = app.extensions[EXTENSION]
    queue.add_task(fanout.TASK, fanout.fan_out)
    queue.add_task(fanout.DELIVER_TASK, fanout.deliver_chunk)
    queue.add_periodic("follow.sweep", crontab(minute="*/5"), fanout.sweep)
    queue.add_periodic("follow.digest", crontab(minute="7"), digest.send_digests)
    queue.add_periodic("follow.purge", crontab(minute="17", hour="3"), purge)
    app.cli.add_command(follow_cli)
