"""Time the list pages with the in-process test client: median of 7, HTML size, SQL statements.

Usage, on a database grown by `flask sample scale`:
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/flask db upgrade
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/flask sample scale
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/python scripts/measure_lists.py
It logs in as the demo chair, admin and reviewer (the sample data's accounts).
"""

import logging
import statistics
import sys
import time

import sqlalchemy as sa

from sro_board import create_app
from sro_board.auth.mfa import current_code
from sro_board.board.models import Intake
from sro_board.core.extensions import db
from sro_board.sample.loader import DEMO_PASSWORD, DEMO_TOTP_SECRETS

RUNS = 7
PUBLIC = ["/", "/recommendations", "/recommendations/R-1000", "/recommendations?page=10"]
STAFF = {
    "chair@example.org": [
        "/staff/",
        "/staff/recommendations",
        "/staff/recommendations?sort=updated&page=5",
        "/staff/recommendations/R-1000",
        "/staff/updates",
        "/staff/audit",
        "/staff/audit?entity_type=recommendation",
        "/staff/inbox",
    ],
    "admin@example.org": [
        "/staff/board/intakes/{intake}/applications",
        "/staff/board/intakes/{intake}/applications?page=50",
        "/staff/board/intakes/{intake}/selection",
        "/staff/email",
    ],
    "reviewer@example.org": ["/staff/reviews"],
}


def log_in(client, email: str) -> None:
    """The real login form, and the code step for accounts that have one."""
    client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    if email in DEMO_TOTP_SECRETS:
        client.post("/login/code", data={"code": current_code(DEMO_TOTP_SECRETS[email])})


def measure(client, engine, path: str) -> tuple[float, float, int, int, int]:
    """Median wall and CPU milliseconds, bytes, statements and status of GET path.

    CPU time is this process's (SQLite runs in it): on a busy machine it shows the work a
    page takes, where wall time also counts waiting for a core.
    """
    statements: list[str] = []

    def count(*_args) -> None:
        statements.append("")

    times, cpu, response = [], [], None
    for run in range(RUNS):
        if run == RUNS - 1:
            sa.event.listen(engine, "before_cursor_execute", count)
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    sa.event.remove(engine, "before_cursor_execute", count)
    size, status = len(response.data), response.status_code
    return statistics.median(times), statistics.median(cpu), size, len(statements), status


def main() -> int:
    """Print one line per page."""
    app = create_app(WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=False)
    with app.app_context():
        intake = db.session.scalar(sa.select(Intake.id).order_by(Intake.id))
        engine = db.engine
    logging.getLogger("sro_board.request").setLevel(logging.WARNING)
    print(f"{'page':<58} {'ms':>7} {'cpu ms':>7} {'KB':>7} {'SQL':>4} status")
    groups = [(None, PUBLIC)] + list(STAFF.items())
    for email, paths in groups:
        client = app.test_client()
        if email:
            log_in(client, email)
        for path in paths:
            path = path.format(intake=intake)
            ms, cpu, size, queries, status = measure(client, engine, path)
            print(f"{path:<58} {ms:7.1f} {cpu:7.1f} {size / 1024:7.1f} {queries:4d} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
