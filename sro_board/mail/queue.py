"""The job queue (Huey): a worker hears of each email once the transaction that wrote it commits.

TASK_QUEUE_URL picks the storage: `redis://…` (production, and several workers), `sqlite:///…`
(the development default, a file under instance/), or `immediate` (tests of the request path:
the task runs at once, in-process). Only email ids travel through the queue; the content stays
encrypted in the database (the transactional outbox), and a periodic sweep in the worker picks
up any email whose enqueue was lost.
"""

import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app, has_app_context
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab
from sqlalchemy.orm import Session  # every session, the app's and any other bound to its engine

from ..core.extensions import db
from .models import OutboxEmail

log = logging.getLogger(__name__)
EXTENSION = "sro_board.mail.queue"
PENDING = "sro_board.mail.pending"  # session.info key: ids to enqueue after the commit


def make_huey(url: str, name: str) -> Huey:
    """The Huey instance for a TASK_QUEUE_URL."""
    if url == "immediate":
        return MemoryHuey(name, immediate=True, results=False)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url, results=False)
    if url.startswith("sqlite:///"):
        return SqliteHuey(name, filename=url.removeprefix("sqlite:///"), results=False)
    raise ValueError("TASK_QUEUE_URL must be redis://…, sqlite:///FILE or immediate")


class TaskQueue:
    """The app's Huey and its two tasks: deliver one email, sweep for forgotten ones."""

    def __init__(self, app: Flask, deliver: Callable[[int], Any], sweep: Callable[[], Any]):
        self.huey = make_huey(app.config["TASK_QUEUE_URL"], app.config["TASK_QUEUE_NAME"])

        @self.huey.task(name="mail.deliver")
        def deliver_task(email_id: int) -> None:
            with app.app_context():
                deliver(email_id)

        @self.huey.periodic_task(crontab(minute="*"), name="mail.sweep")
        def sweep_task() -> None:
            with app.app_context():
                sweep()

        self.deliver_task = deliver_task

    def enqueue(self, email_id: int, delay: float | None = None) -> None:
        """Tell a worker to deliver this email (after delay seconds)."""
        if delay:
            self.deliver_task.schedule((email_id,), delay=delay)
        else:
            self.deliver_task(email_id)


def task_queue() -> TaskQueue:
    """The current app's task queue."""
    return current_app.extensions[EXTENSION]


def enqueue_after_commit(email_id: int) -> None:
    """Enqueue this email once the current transaction commits (nothing if it rolls back)."""
    db.session.info.setdefault(PENDING, set()).add(email_id)


@sa.event.listens_for(Session, "after_flush")
def _note_new_emails(session, _context) -> None:
    new = [obj.id for obj in session.new if isinstance(obj, OutboxEmail)]
    if new:
        session.info.setdefault(PENDING, set()).update(new)


@sa.event.listens_for(Session, "after_rollback")
def _forget(session) -> None:
    if not session.in_nested_transaction():  # a savepoint's ids just find no row later
        session.info.pop(PENDING, None)


@sa.event.listens_for(Session, "after_commit")
def _enqueue(session) -> None:
    if session.in_nested_transaction():  # a savepoint released: the transaction goes on
        return
    ids = session.info.pop(PENDING, None)
    if not ids or not has_app_context():
        return
    queue = task_queue()
    for email_id in sorted(ids):
        try:
            queue.enqueue(email_id)
        except Exception as error:  # noqa: BLE001 - the row is committed; the sweep sends it
            log.warning(
                "email %s not enqueued (%s); the sweep will", email_id, type(error).__name__
            )
