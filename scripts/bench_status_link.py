"""Time POST /advisory-board/new-status-link for an address that applied and one that did not,
with an SMTP server that accepts connections and never answers (issue 11, M3).

    .venv/bin/python scripts/bench_status_link.py [--rounds 15] [--database-url URL]
        [--queue-url redis://127.0.0.1:6379/11]

The app runs in-process (Flask's test client) on an SQLite file by default, with the job queue
in an SQLite file and no worker, so the numbers are the request's own. It prints the median
and 90th percentile of each, and how many connections the hanging SMTP server received (0:
no request talked to it).
"""

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sro_board import create_app  # noqa: E402
from sro_board.board.applications.services import ApplicationInput, submit_application  # noqa: E402
from sro_board.board.enums import Category, GradeBand, SchoolBoard  # noqa: E402
from sro_board.board.intakes.services import IntakeValues, create_intake  # noqa: E402
from sro_board.core.clock import now_utc  # noqa: E402
from sro_board.core.extensions import db  # noqa: E402
from sro_board.recommendations.definitions import seed_definitions  # noqa: E402

KNOWN = "known.applicant@example.net"
UNKNOWN = "never.applied@example.net"


def hanging_smtp() -> tuple[int, list]:
    """A listener that accepts and never answers; returns its port and the accepted sockets."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list = []

    def accept() -> None:
        while True:
            accepted.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    return server.getsockname()[1], accepted


def an_application() -> None:
    """An open intake and one application made with the known address."""
    now = now_utc()
    values = IntakeValues(
        title="Bench intake",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        term_months=24,
        seats=dict.fromkeys(Category, 3),
        notice_purpose="Purpose.",
        notice_authority="Authority.",
        notice_contact_title="Privacy officer",
        notice_contact_email="privacy@example.org",
        notice_contact_phone="403-555-0100",
    )
    intake = create_intake(None, values)
    submit_application(
        intake,
        ApplicationInput(
            category=Category.PARENT,
            name="Bench Applicant",
            email=KNOWN,
            school_board=SchoolBoard.CBE,
            school="A school",
            child_grade_band=GradeBand.SENIOR_HIGH,
            motivation="To help.",
            perspectives="A parent.",
            availability="Evenings.",
            consent_notice=True,
        ),
    )
    db.session.commit()


def main() -> None:
    """Measure both addresses, interleaved, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--database-url")
    parser.add_argument("--queue-url")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sro-bench-"))
    port, accepted = hanging_smtp()
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=args.database_url or f"sqlite:///{work / 'app.db'}",
        MAIL_BACKEND="smtp",
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=port,
        TASK_QUEUE_URL=args.queue_url or f"sqlite:///{work / 'queue.db'}",
        TASK_QUEUE_NAME=f"sro-bench-{uuid.uuid4().hex[:8]}",
        APPLY_RATE_LIMIT="10000 per hour",
    )
    timings: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        an_application()
        client = app.test_client()
        for n in range(3 + args.rounds):
            for address in (KNOWN, UNKNOWN):
                started = time.perf_counter()
                response = client.post("/advisory-board/new-status-link", data={"email": address})
                elapsed = time.perf_counter() - started
                assert response.status_code == 302, response.status_code
                if n >= 3:  # the first rounds warm up
                    timings[address].append(elapsed * 1000)
        app.extensions["sro_board.mail.queue"].huey.flush()
        db.drop_all()
    print(f"SMTP server hanging on 127.0.0.1:{port} (MAIL_SMTP_TIMEOUT 10 s); {args.rounds} rounds")
    for label, address in (("known address  ", KNOWN), ("unknown address", UNKNOWN)):
        values = sorted(timings[address])
        p90 = values[int(0.9 * (len(values) - 1))]
        print(f"{label}: median {statistics.median(values):6.1f} ms, p90 {p90:6.1f} ms")
    gap = statistics.median(timings[KNOWN]) - statistics.median(timings[UNKNOWN])
    print(
        f"difference of medians: {gap:+.1f} ms; SMTP connections during requests: {len(accepted)}"
    )
    os._exit(0)  # the hanging server's thread never ends


if __name__ == "__main__":
    main()
