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
PENDING_TASKS = "sro_board.tasks.pending"  # session.info key: (name, args) to run after it


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
    """The app's Huey: deliver one email, sweep for forgotten ones, and the features' tasks.

    A package above mail adds its own work in its init_app with add_task (run on demand, by
    name, with JSON-able arguments) or add_periodic (run by the worker on a crontab); each
    runs in an app context in the worker (`flask mail worker`).
    """

    def __init__(self, app: Flask, deliver: Callable[[int], Any], sweep: Callable[[], Any]):
        self.app = app
        self.huey = make_huey(app.config["TASK_QUEUE_URL"], app.config["TASK_QUEUE_NAME"])
        self.tasks: dict[str, Any] = {}

        @self.huey.task(name="mail.deliver")
        def deliver_task(email_id: int) -> None:
            with app.app_context():
                deliver(email_id)

        @self.huey.periodic_task(crontab(minute="*"), name="mail.sweep")
        def sweep_task() -> None:
            with app.app_context():
                sweep()

        self.deliver_task = deliver_task

    def add_task(self, name: str, function: Callable[..., Any]) -> None:
        """Make function runnable in the worker as the task `name` (enqueue_task)."""
        app = self.app

        def run(*args: Any) -> None:
            with app.app_context():
                function(*args)

        self.tasks[name] = self.huey.task(name=name)(run)

    def add_periodic(self, name: str, schedule: Callable[..., bool], function: Callable[[], Any]):
        """Run function in the worker whenever schedule (a huey crontab) says so."""
        app = self.app

        def run() -> None:
            with app.app_context():
                function()

        self.huey.periodic_task(schedule, name=name)(run)

    def enqueue_task(self, name: str, *args: Any, delay: float | None = None) -> None:
        """Tell a worker to run the task `name` with args (after delay seconds)."""
        if delay:
            self.tasks[name].schedule(args, delay=delay)
        else:
            self.tasks[name](*args)

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


def run_after_commit(name: str, *args: Any) -> None:
    """Enqueue the task `name` once the current transaction commits (nothing on rollback)."""
    db.session.connection()  # begin it now, so that its rollback forgets the task
    db.session.info.setdefault(PENDING_TASKS, []).append((name, args))


@sa.event.listens_for(Session, "after_flush")
def _note_new_emails(session, _context) -> None:
    new = [obj.id for obj in session.new if isinstance(obj, OutboxEmail)]
    if new:
        session.info.setdefault(PENDING, set()).update(new)


@sa.event.listens_for(Session, "after_soft_rollback")
def _forget(session, previous_transaction) -> None:
    # Every rollback of the session's own transaction, also one that joined an outer one;
    # a savepoint's ids just find no row later.
    if not previous_transaction.nested:
        session.info.pop(PENDING, None)
        session.info.pop(PENDING_TASKS, None)


@sa.event.listens_for(Session, "after_commit")
def _enqueue(session) -> None:
    if session.in_nested_transaction():  # a savepoint released: the transaction goes on
        return
    ids = session.info.pop(PENDING, None)
    tasks = session.info.pop(PENDING_TASKS, None)
    if not (ids or tasks) or not has_app_context():
        return
    queue = task_queue()
    for name, args in tasks or ():
        try:
            queue.enqueue_task(name, *args)
        except Exception as error:  # noqa: BLE001 - the change is committed; log, never 500
            log.warning("task %s not enqueued (%s)", name, type(error).__name__)
    for email_id in sorted(ids or ()):
        try:
            queue.enqueue(email_id)
        except Exception as error:  # noqa: BLE001 - the row is committed; the sweep sends it
            log.warning(
                "email %s not enqueued (%s); the sweep will", email_id, type(error).__name__
            )
