"""The request only queues: with an SMTP server that accepts and never answers, asking for a
new status link takes the same short time for an address that applied and one that did not.

Before email left the request path, the known address waited for SMTP (10 s and more, each
request retrying every pending email) while the unknown one answered at once.
"""

import statistics
import time

import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import open_intake, submit
from tests.factories import fresh_app
from tests.mail.workers import hanging_smtp, queue_name

ROUNDS = 15
# On a busy machine one burst can skew a median of 15: up to three measurements, the last decides.
ATTEMPTS = 3
KNOWN = "known.applicant@example.net"
UNKNOWN = "never.applied@example.net"


def timed_post(client, address: str) -> float:
    """Seconds taken by one new-status-link request (the redirect counts as the answer)."""
    started = time.perf_counter()
    response = client.post("/advisory-board/new-status-link", data={"email": address})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    return elapsed


def test_known_and_unknown_addresses_answer_in_the_same_time_with_smtp_hanging(tmp_path):
    with (
        hanging_smtp() as smtp,
        fresh_app(
            MAIL_BACKEND="smtp",
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=smtp.port,
            TASK_QUEUE_URL=f"sqlite:///{tmp_path / 'queue.db'}",  # a real queue, no worker
            TASK_QUEUE_NAME=queue_name(),
            APPLY_RATE_LIMIT="1000 per hour",
        ) as app,
    ):
        submit(open_intake(), email=KNOWN)
        client = app.test_client()
        for _ in range(3):  # warm up both paths (templates, statements)
            timed_post(client, KNOWN)
            timed_post(client, UNKNOWN)
        medians = []
        for _attempt in range(ATTEMPTS):
            known, unknown = [], []
            for _ in range(ROUNDS):
                known.append(timed_post(client, KNOWN))
                unknown.append(timed_post(client, UNKNOWN))
            medians.append((statistics.median(known) * 1000, statistics.median(unknown) * 1000))
            print("median known {:.1f} ms, unknown {:.1f} ms".format(*medians[-1]))
            assert max(known + unknown) < 1  # seconds: nothing waited for SMTP
            if alike(*medians[-1]):
                break
        assert smtp.accepted == 0  # no request talked to the SMTP server
        queued = db.session.scalar(
            sa.select(sa.func.count()).where(OutboxEmail.state == EmailState.QUEUED)
        )
        # The submission's email, then one per request for each address.
        assert queued == 1 + 2 * (3 + ROUNDS * len(medians))
    assert alike(*medians[-1]), medians


def alike(known_ms: float, unknown_ms: float) -> bool:
    """Medians within 5 ms or 1.5 times of each other.

    Generous for a shared machine, yet the issue's outbox-mode 14 vs 8.5 ms fails both bounds
    (and sending during the request took seconds).
    """
    difference = abs(known_ms - unknown_ms)
    return difference < 5 or max(known_ms, unknown_ms) / min(known_ms, unknown_ms) < 1.5
