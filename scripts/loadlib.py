"""Shared parts of the load and fault scripts: a database, a gunicorn server, virtual users.

Every virtual user keeps a log of what the server acknowledged, so that a run can end by
reconciling the acknowledgements with the rows in the database.
"""

import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432"
# One fixed key for the loader and the servers: the sample's two-step secrets are encrypted at
# rest, so the servers must read them with the key they were written with (a restarted server
# too).
ENCRYPTION_KEY = "h563Rv7R0U2fNbmZkRv_4Twse_55bpXiI6dCIOsVpQM="
DEMO_PASSWORD = "sro-board-demo-password"  # noqa: S105 - the public demo password
# The demo admin's and chair's published TOTP secrets (sro_board/sample/loader.py).
DEMO_TOTP_SECRETS = {  # noqa: S105 - published with the demo
    "admin@example.org": "NETZVLGEFO6KG34IVMYA2YKFFVM6VEBX",
    "chair@example.org": "N3B643DKG7226QOBI2GKAVYMPKS744EG",
}
HOT_RECOMMENDATIONS = ["R-02", "R-03", "R-04"]
CONFLICT_MESSAGE = "changed this recommendation while you were editing"
CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'name="csrf_token" value="([^"]+)"'
)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(sql: str) -> None:
    """Run one statement as the postgres superuser."""
    subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", sql],
        check=True,
    )


def prepare_database(kind: str, name: str) -> str:
    """Create an empty database, migrate it and load the sample data; return its URL."""
    if kind == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='sro-load-')}/{name}.db"
    else:
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        psql(f"CREATE DATABASE {name}")
        url = f"{PG_BASE}/{name}"
    queue = f"sqlite:///{tempfile.mkstemp(prefix='sro-queue-', suffix='.db')[1]}"
    env = os.environ | {
        "FLASK_APP": "sro_board",
        "DATABASE_URL": url,
        "TASK_QUEUE_URL": queue,
        "ENCRYPTION_KEYS": ENCRYPTION_KEY,
    }
    for command in (["db", "upgrade"], ["sample", "load"]):
        subprocess.run(
            [str(BIN / "flask"), *command], env=env, check=True, capture_output=True, cwd=ROOT
        )
    return url


@dataclass
class Server:
    """A gunicorn process serving the app."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def worker_pids(self) -> list[int]:
        """The pids of the current gunicorn workers."""
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        """Graceful shutdown (SIGTERM), then wait."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_server(database_url: str, workers: int, redis_db: int) -> Server:
    """Start gunicorn with gunicorn.conf.py on a free port and wait until /healthz answers."""
    port = free_port()
    log_path = Path(tempfile.mkstemp(prefix="sro-gunicorn-", suffix=".log")[1])
    env = os.environ | {
        "SRO_BOARD_CONFIG": "production",
        "SECRET_KEY": "load-test-secret-key-that-is-long-enough-0123456789",
        "ENCRYPTION_KEYS": ENCRYPTION_KEY,
        "DATABASE_URL": database_url,
        "WEB_CONCURRENCY": str(workers),
        "PORT": str(port),
        "TRUSTED_PROXIES": "1",
        "SESSION_COOKIE_SECURE": "0",
        "LOG_LEVEL": "WARNING",
        # Email is queued for a worker that this test does not run: an SQLite queue file of its
        # own, so production's Redis default is never touched.
        "TASK_QUEUE_URL": f"sqlite:///{tempfile.mkstemp(prefix='sro-queue-', suffix='.db')[1]}",
        # Production refuses in-memory limits, http links and a mail backend that sends nothing
        # (config.py); mail goes to a closed local port, so delivery fails fast and is retried.
        "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:6379/{redis_db}",
        "PUBLIC_BASE_URL": "https://sro-board.test",
        "MAIL_BACKEND": "smtp",
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": "9",
    }
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", port, process, log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"gunicorn did not start; see {log_path}")


@dataclass
class Stats:
    """Thread-safe counters of what clients saw."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    transport_errors: int = 0
    acked_messages: list[str] = field(default_factory=list)
    acked_updates: list[str] = field(default_factory=list)
    refused_updates: list[str] = field(default_factory=list)
    acked_applications: list[str] = field(default_factory=list)
    unacked_writes: int = 0
    retry_after_seen: int = 0

    def record(self, response: httpx.Response, seconds: float) -> None:
        """Count one response."""
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
            if response.status_code in (429, 503) and response.headers.get("Retry-After"):
                self.retry_after_seen += 1

    def add(self, name: str, value) -> None:
        """Append to one of the lists."""
        with self.lock:
            getattr(self, name).append(value)

    def summary(self) -> str:
        """Requests, errors and latency percentiles."""
        total = sum(self.statuses.values())
        server_errors = sum(n for code, n in self.statuses.items() if code >= 500)
        q = statistics.quantiles(self.latencies, n=100) if len(self.latencies) > 1 else [0] * 99
        return (
            f"requests {total}, by status {dict(sorted(self.statuses.items()))}, "
            f"5xx {server_errors}, transport errors {self.transport_errors}\n"
            f"latency ms: p50 {q[49] * 1000:.0f}, p95 {q[94] * 1000:.0f}, p99 {q[98] * 1000:.0f}"
        )


class VirtualUser:
    """One browser-like client with its own cookies and a client address of its own."""

    def __init__(self, server: Server, stats: Stats, address: str):
        self.stats = stats
        self.client = httpx.Client(
            base_url=server.url,
            headers={"X-Forwarded-For": address, "Accept": "text/html"},
            timeout=30,
            follow_redirects=False,
        )

    def request(self, method: str, path: str, **kwargs) -> httpx.Response | None:
        """Send one request, counting it; None on a transport error."""
        started = time.perf_counter()
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.HTTPError:
            with self.stats.lock:
                self.stats.transport_errors += 1
            return None
        self.stats.record(response, time.perf_counter() - started)
        return response

    def csrf_from(self, path: str) -> tuple[str | None, str]:
        """GET a form page; return its CSRF token and HTML."""
        response = self.request("GET", path)
        if response is None or response.status_code != 200:
            return None, ""
        match = CSRF.search(response.text)
        return (match.group(1) or match.group(2)) if match else None, response.text

    def login(self, email: str) -> bool:
        """Log in through the form, and the two-step code for the demo admin and chair."""
        token, _ = self.csrf_from("/login")
        response = self.request(
            "POST", "/login", data={"csrf_token": token, "email": email, "password": DEMO_PASSWORD}
        )
        if response is None or response.status_code != 302:
            return False
        if response.headers.get("location") != "/login/code":
            return True
        return self.enter_code(email)

    def enter_code(self, email: str) -> bool:
        """Answer the code step; a code works once, so another thread's login may need a wait."""
        import pyotp

        totp = pyotp.TOTP(DEMO_TOTP_SECRETS[email])
        for _attempt in range(4):
            token, _ = self.csrf_from("/login/code")
            response = self.request(
                "POST", "/login/code", data={"csrf_token": token, "code": totp.now()}
            )
            if response is not None and response.status_code == 302:
                return True
            time.sleep(30 - time.time() % 30 + 0.5)  # the next 30-second step
        return False


def read_pages(user: VirtualUser, rng: random.Random) -> None:
    """A member of the public browsing."""
    code = f"R-{rng.randint(1, 46):02d}"
    for path in ("/", "/recommendations", f"/recommendations/{code}", "/status-definitions"):
        user.request("GET", path)


def send_message(user: VirtualUser, marker: str) -> None:
    """Send a contact message carrying a unique marker; remember it if acknowledged."""
    token, _ = user.csrf_from("/contact")
    if token is None:
        return
    response = user.request(
        "POST",
        "/contact",
        data={"csrf_token": token, "topic": "comment", "message": f"Load test {marker}"},
    )
    if response is not None and response.status_code == 302:
        user.stats.add("acked_messages", marker)
    else:
        with user.stats.lock:
            user.stats.unacked_writes += 1


REFERENCE = re.compile(r"Your reference is <strong>(BRD-[A-Z0-9-]+)</strong>")
INTAKE = re.compile(
    r'name="intake" type="hidden" value="(\d+)"|type="hidden" name="intake" value="(\d+)"'
)


def apply_to_board(user: VirtualUser, marker: str) -> None:
    """Apply to the advisory board as a parent; remember the reference if acknowledged."""
    token, html = user.csrf_from("/advisory-board/apply")
    intake = INTAKE.search(html)
    if token is None or intake is None:
        return
    answers = {
        "csrf_token": token,
        "intake": intake.group(1) or intake.group(2),
        "category": "parent",
        "name": f"Load Tester {marker}",
        "email": f"load-{marker}@example.net",
        "school_board": "cbe",
        "school": "Load Test School",
        "child_grade_band": "junior_high",
        "motivation": "Testing the application form under load.",
        "perspectives": "A parent who volunteers at school.",
        "availability": "Evenings",
        "heard_about": "My school or school board",
        "consent_notice": "y",
    }
    response = user.request("POST", "/advisory-board/apply", data=answers)
    # The answer to the form is the receipt itself: 201 Created, with the reference.
    match = response is not None and response.status_code == 201 and REFERENCE.search(response.text)
    if match:
        user.stats.add("acked_applications", match.group(1))
    else:
        with user.stats.lock:
            user.stats.unacked_writes += 1


FIELD = re.compile(r'<(input|textarea|select)\b[^>]*\bname="([^"]+)"[^>]*>', re.S)


def form_fields(html: str) -> dict[str, str]:
    """The current values of an edit form (inputs, checkboxes, selects, textareas)."""
    data: dict[str, str] = {}
    for match in re.finditer(
        r"<input\b([^>]*)>|<textarea\b([^>]*)>(.*?)</textarea>|<select\b([^>]*)>(.*?)</select>",
        html,
        re.S,
    ):
        attrs = match.group(1) or match.group(2) or match.group(4) or ""
        name = re.search(r'\bname="([^"]+)"', attrs)
        if not name:
            continue
        key = name.group(1)
        if match.group(1) is not None:
            kind = re.search(r'\btype="([^"]+)"', attrs)
            kind = kind.group(1) if kind else "text"
            value = re.search(r'\bvalue="([^"]*)"', attrs)
            if kind == "checkbox":
                if " checked" in attrs:
                    data[key] = value.group(1) if value else "y"
                continue
            if kind == "submit":
                continue
            data[key] = _unescape(value.group(1)) if value else ""
        elif match.group(2) is not None:
            data[key] = _unescape(match.group(3).lstrip("\n"))
        else:
            selected = re.search(
                r'<option[^>]*\bselected[^>]*value="([^"]*)"|'
                r'<option[^>]*value="([^"]*)"[^>]*\bselected',
                match.group(5),
            )
            data[key] = (selected.group(1) or selected.group(2)) if selected else ""
    return data


def _unescape(value: str) -> str:
    return (
        value.replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&quot;", '"')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


def edit_recommendation(user: VirtualUser, code: str, marker: str, rng: random.Random) -> None:
    """Load the edit form, change progress, save; record saved or refused (conflict)."""
    response = user.request("GET", f"/staff/recommendations/{code}/edit")
    if response is None or response.status_code != 200:
        return
    data = form_fields(response.text)
    data["progress"] = str(rng.randint(0, 100))
    data["progress_from_milestones"] = ""
    data.pop("progress_from_milestones")
    data["public_note"] = f"Load test update {marker}"
    data["internal_note"] = ""
    # Think time between loading and saving, so that edits overlap.
    time.sleep(rng.uniform(0.05, 0.3))
    response = user.request("POST", f"/staff/recommendations/{code}/edit", data=data)
    if response is None:
        with user.stats.lock:
            user.stats.unacked_writes += 1
    elif response.status_code == 302:
        user.stats.add("acked_updates", marker)
    elif (
        response.status_code == 200
        and "changed this recommendation while you were" in response.text
    ):
        user.stats.add("refused_updates", marker)
    else:
        with user.stats.lock:
            user.stats.unacked_writes += 1


def reconcile(database_url: str, stats: Stats) -> tuple[str, bool]:
    """Check every acknowledged write exists exactly once and no refused edit was saved."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    problems = []
    with engine.connect() as conn:

        def count(sql: str, value: str) -> int:
            return conn.execute(sa.text(sql), {"v": value}).scalar_one()

        messages = [
            count("SELECT count(*) FROM contact_message WHERE message = :v", f"Load test {m}")
            for m in stats.acked_messages
        ]
        updates = [
            count(
                "SELECT count(*) FROM recommendation_update WHERE public_note = :v",
                f"Load test update {m}",
            )
            for m in stats.acked_updates
        ]
        refused = [
            count(
                "SELECT count(*) FROM recommendation_update WHERE public_note = :v",
                f"Load test update {m}",
            )
            for m in stats.refused_updates
        ]
        applications = [
            count("SELECT count(*) FROM application WHERE reference = :v", ref)
            for ref in stats.acked_applications
        ]
        # Every published update left its audit entry (no half-written change).
        orphans = conn.execute(
            sa.text(
                "SELECT count(*) FROM recommendation_update u "
                "WHERE u.public_note LIKE 'Load test%' "
                "AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.action = 'update.published' "
                "AND a.summary = 'Update #' || u.id || ' published on ' || "
                "(SELECT code FROM recommendation r WHERE r.id = u.recommendation_id))"
            )
        ).scalar_one()
    engine.dispose()
    for name, counts in (
        ("messages", messages),
        ("updates", updates),
        ("applications", applications),
    ):
        wrong = [c for c in counts if c != 1]
        if wrong:
            problems.append(f"{len(wrong)} acknowledged {name} not stored exactly once")
    if any(refused):
        problems.append(f"{sum(1 for c in refused if c)} refused edits were saved anyway")
    if orphans:
        problems.append(f"{orphans} updates without their audit entry")
    report = (
        f"reconciliation: acknowledged messages {len(messages)} (stored once: "
        f"{messages.count(1)}), acknowledged updates {len(updates)} (stored once: "
        f"{updates.count(1)}), edits refused with the conflict message {len(refused)} "
        f"(saved anyway: {sum(1 for c in refused if c)}), acknowledged applications "
        f"{len(applications)} (stored once: {applications.count(1)}), updates missing their "
        f"audit entry {orphans}, writes not acknowledged {stats.unacked_writes}"
    )
    return report + ("\nPROBLEMS: " + "; ".join(problems) if problems else ""), not problems
