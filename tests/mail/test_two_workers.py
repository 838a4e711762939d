"""Two real worker processes share one queue: every message reaches the SMTP server exactly once.

The emails go through the whole path: queued rows written by the app, ids on the queue (each
twice in a row, the worst case of a sweep enqueueing again), two `flask mail worker` processes
of two threads each racing for them, and an aiosmtpd server on loopback counting what arrives.
Redis (production's queue) and SQLite (the development default) both run it. With a claim
that lets a second worker take a message (state != sent), messages arrive twice and this fails.
"""

import os
import re
import time
from collections import Counter

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.queue import PENDING, task_queue
from sro_board.mail.services import queue_email
from tests.board.applying import smtp_server
from tests.factories import fresh_app
from tests.mail.workers import queue_name, redis_or_skip, workers

MESSAGES = 40


def database_url(tmp_path) -> str:
    """The tests' PostgreSQL database if set, else an SQLite file both sides can open."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    return url if url.startswith("postgresql") else f"sqlite:///{tmp_path / 'app.db'}"


def wait_until_sent(deadline_s: float = 90) -> dict[EmailState, int]:
    """Poll until no email waits; the count per state."""
    deadline = time.monotonic() + deadline_s
    while True:
        db.session.rollback()
        rows = db.session.execute(
            sa.select(OutboxEmail.state, sa.func.count()).group_by(OutboxEmail.state)
        ).all()
        states = dict(rows)
        if not states.get(EmailState.QUEUED) and not states.get(EmailState.SENDING):
            return states
        assert time.monotonic() < deadline, states
        time.sleep(0.2)


@pytest.mark.parametrize("queue", ["redis", "sqlite"])
def test_two_workers_deliver_each_message_exactly_once(tmp_path, queue):
    queue_url = redis_or_skip() if queue == "redis" else f"sqlite:///{tmp_path / 'queue.db'}"
    name = queue_name()
    url = database_url(tmp_path)
    with smtp_server() as mailbox:
        settings = {
            "MAIL_BACKEND": "smtp",
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": mailbox.port,
            "TASK_QUEUE_URL": queue_url,
            "TASK_QUEUE_NAME": name,
        }
        app_settings = settings | {"SQLALCHEMY_DATABASE_URI": url}
        with (
            fresh_app(**app_settings),
            workers(2, settings | {"DATABASE_URL": url}, tmp_path) as logs,
        ):
            for n in range(MESSAGES):
                queue_email(f"person{n}@example.net", "account_changed", name=f"P{n}", change="x")
            db.session.flush()
            ids = db.session.scalars(sa.select(OutboxEmail.id)).all()
            db.session.info.pop(PENDING)  # enqueued below instead, each id twice in a row:
            db.session.commit()  # the two copies reach two workers at the same moment
            for email_id in ids:
                task_queue().enqueue(email_id)
                task_queue().enqueue(email_id)
            states = wait_until_sent()
            task_queue().huey.flush()
        assert states == {EmailState.SENT: MESSAGES}
        received = Counter(m["X-Envelope-To"] for m in mailbox.messages)
        assert received == Counter(f"person{n}@example.net" for n in range(MESSAGES))
        assert max(received.values()) == 1
        # The workers' own log lines: who sent what (ids and attempts only).
        sent = [re.findall(r"email (\d+) sent \(attempt 1\)", log.read_text()) for log in logs]
        assert sorted(int(i) for ids_ in sent for i in ids_) == sorted(ids)
        assert all(sent), [len(s) for s in sent]  # both workers took a share
        print(f"{queue}: {MESSAGES} emails, 2 tasks each, sent by worker {[len(s) for s in sent]}")
