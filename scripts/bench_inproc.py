"""In-process part of the benchmark: query counts of public pages, server time of staff pages.

Run by scripts/bench.py with the Python of the code tree being measured (the current one, or
an older version in its own worktree and venv) and that tree on PYTHONPATH; it uses only what
every version of the app has (create_app, the login form, the User table), and prints JSON.

    python scripts/bench_inproc.py --database-url URL --recommendation R-01 --intake 1 --repeat 7
"""

import argparse
import json
import statistics
import sys
import time

import pyotp
import sqlalchemy as sa

from sro_board import create_app
from sro_board.auth.models import User
from sro_board.core.extensions import db

DEMO_PASSWORD = "sro-board-demo-password"  # noqa: S105 - the published demo password
DEMO_TOTP_SECRETS = {  # noqa: S105 - published with the demo (sro_board/sample/loader.py)
    "admin@example.org": "NETZVLGEFO6KG34IVMYA2YKFFVM6VEBX",
    "chair@example.org": "N3B643DKG7226QOBI2GKAVYMPKS744EG",
}
PUBLIC_PAGES = [
    "/",
    "/recommendations",
    "/recommendations/{recommendation}",
    "/status-definitions",
    "/advisory-board",
    "/advisory-board/apply",
]
# (name, who reads it, path)
STAFF_PAGES = [
    ("dashboard", "chair", "/staff/"),
    ("tracker", "chair", "/staff/recommendations"),
    ("recommendation (staff)", "chair", "/staff/recommendations/{recommendation}"),
    ("pending updates", "chair", "/staff/updates"),
    ("audit log", "admin", "/staff/audit"),
    ("applications", "admin", "/staff/board/intakes/{intake}/applications"),
    ("reviewer queue", "reviewer", "/staff/reviews"),
    ("selection", "admin", "/staff/board/intakes/{intake}/selection"),
]


class QueryCounter:
    """Counts the statements the app's engine runs."""

    def __init__(self, engine: sa.Engine):
        self.count = 0
        sa.event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


def login(app, email: str):
    """A test client logged in through the real forms (password, then the TOTP code)."""
    client = app.test_client()
    # On this scratch database, store the demo secret the way this version of the code stores it
    # (later versions encrypt it; an older one reads it as plain text), and forget the last code
    # used (a code works once, and another version may just have logged in with it).
    secret = DEMO_TOTP_SECRETS.get(email)
    values = {"totp_last_step": None} | ({"totp_secret": secret} if secret else {})
    with app.app_context():
        change = sa.update(User).where(User.email == email).values(**values)
        db.session.execute(change.execution_options(synchronize_session=False))
        db.session.commit()
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"login of {email} failed: {response.status_code}")
    if response.location.endswith("/login/code"):
        code = pyotp.TOTP(secret).now()
        response = client.post("/login/code", data={"code": code})
        if response.status_code != 302:
            raise RuntimeError(f"two-step login of {email} failed: {response.status_code}")
    return client


def timed_get(client, path: str) -> tuple[float, int, int]:
    """(milliseconds, status, bytes) of one GET."""
    started = time.perf_counter()
    response = client.get(path, headers={"Accept": "text/html"})
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, response.status_code, len(response.get_data())


def measure(database_url: str, recommendation: str, intake: int, repeat: int) -> dict:
    """Public pages' size and queries (first render), staff pages' median time and size."""
    app = create_app(
        "development",
        SQLALCHEMY_DATABASE_URI=database_url,
        WTF_CSRF_ENABLED=False,
        RATELIMIT_ENABLED=False,
        LOG_LEVEL="WARNING",
    )
    with app.app_context():
        counter = QueryCounter(db.engine)
    anonymous = app.test_client()
    anonymous.get("/healthz")  # connections and templates warm; each page's first render counted
    public = {}
    for template in PUBLIC_PAGES:
        path = template.format(recommendation=recommendation)
        before = counter.count
        _ms, status, size = timed_get(anonymous, path)
        public[path] = {"status": status, "bytes": size, "queries": counter.count - before}
    clients = {
        "chair": login(app, "chair@example.org"),
        "admin": login(app, "admin@example.org"),
        "reviewer": login(app, "reviewer@example.org"),
    }
    staff = {}
    for name, role, template in STAFF_PAGES:
        path = template.format(recommendation=recommendation, intake=intake)
        client = clients[role]
        timed_get(client, path)  # warm
        before = counter.count
        runs = [timed_get(client, path) for _ in range(repeat)]
        staff[name] = {
            "path": path,
            "role": role,
            "status": runs[-1][1],
            "bytes": runs[-1][2],
            "samples_ms": [ms for ms, _s, _b in runs],
            "median_ms": statistics.median(ms for ms, _s, _b in runs),
            "queries": (counter.count - before) // repeat,
        }
    return {"public": public, "staff": staff}


def main() -> int:
    """Measure and print the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--recommendation", required=True)
    parser.add_argument("--intake", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    result = measure(args.database_url, args.recommendation, args.intake, args.repeat)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
