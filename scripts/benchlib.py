"""Parts of the benchmark (scripts/bench.py): wrk runs and their parsing, gunicorn servers.

Every server (the app, an older version of the app, the Flask hello world) runs under the
same gunicorn settings: the app's gunicorn.conf.py with two sync workers, on loopback.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
# A fixed Fernet key for the scratch data: the loader, the servers and the in-process
# measurements must all read what the loader encrypted (never a production key).
BENCH_ENCRYPTION_KEY = "h563Rv7R0U2fNbmZkRv_4Twse_55bpXiI6dCIOsVpQM="
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
LATENCY_LINE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
RATE_LINE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
TOTAL_LINE = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
NON_2XX_LINE = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_LINE = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", re.MULTILINE
)


class WrkOutputError(ValueError):
    """wrk's output lacks a figure the benchmark needs."""


@dataclass(frozen=True)
class WrkResult:
    """The figures of one wrk run."""

    requests_per_s: float
    requests: int
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx/3xx responses and socket errors


def parse_wrk(output: str) -> WrkResult:
    """Read requests/s, the request count, p50/p99 latency and errors from `wrk --latency`."""
    rate, total = RATE_LINE.search(output), TOTAL_LINE.search(output)
    latency = {
        percent: float(value) * UNITS_MS[unit]
        for percent, value, unit in LATENCY_LINE.findall(output)
    }
    if not rate or not total or set(latency) != {"50", "99"}:
        raise WrkOutputError(f"not the output of `wrk --latency`:\n{output}")
    errors = sum(int(n) for n in NON_2XX_LINE.findall(output))
    if sockets := SOCKET_LINE.search(output):
        errors += sum(int(n) for n in sockets.groups())
    return WrkResult(
        float(rate.group(1)), int(total.group(1)), latency["50"], latency["99"], errors
    )


def run_wrk(
    url: str, seconds: float, threads: int, connections: int, timeout: float = 30
) -> WrkResult:
    """Load one URL with wrk (as a browser asking for HTML would) and parse the result.

    The timeout is gunicorn's own (30 s), not wrk's 2 s: a slow page is measured, not dropped.
    """
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        f"--timeout={max(1, round(timeout))}s",
        "-H",
        "Accept: text/html",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def wrk_missing() -> str | None:
    """Why wrk cannot run here, or None."""
    return None if shutil.which("wrk") else "wrk is not installed (apt-get install -y wrk)"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A gunicorn process on loopback."""

    name: str
    url: str
    process: subprocess.Popen
    log_path: Path

    def stop(self) -> None:
        """Graceful shutdown (SIGTERM), then wait; kill if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def redis_settings(url: str | None) -> dict[str, str]:
    """Production's shared stores on Redis: rate limits and cached public pages.

    Each run's pages get their own key prefix, so a page cached by an earlier run (other data,
    the same generation number) is never served; nothing else in the Redis database is touched.
    """
    if not url:
        return {}
    return {
        "RATELIMIT_STORAGE_URI": url,
        "CACHE_REDIS_URL": url,
        "CACHE_KEY_PREFIX": f"sro-bench-{secrets.token_hex(4)}:",
    }


def app_environment(root: Path, database_url: str, extra: dict[str, str]) -> dict[str, str]:
    """The production config's required settings for a scratch run on loopback."""
    return os.environ | {
        "SRO_BOARD_CONFIG": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),  # a fresh one per run: sessions are not reused
        "ENCRYPTION_KEYS": BENCH_ENCRYPTION_KEY,
        "DATABASE_URL": database_url,
        "SESSION_COOKIE_SECURE": "0",  # plain HTTP on loopback
        # What production requires to start; no page read by the benchmark sends email.
        "PUBLIC_BASE_URL": "https://sro-board.test",
        "MAIL_BACKEND": "smtp",
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": "9",
        # No worker recycling during a run: at the hello world's rate gunicorn.conf.py's 2,000
        # requests would restart its workers every second or two, and the app's far less often.
        "GUNICORN_MAX_REQUESTS": "0",
        "PYTHONPATH": str(root),
        **extra,
    }


def start_gunicorn(
    name: str, root: Path, bin_dir: Path, env: dict[str, str], workers: int, app: str | None
) -> Server:
    """gunicorn -c ROOT/gunicorn.conf.py with `workers` workers; wait for its first answer."""
    port = free_port()
    log_path = Path(tempfile.mkstemp(prefix=f"sro-bench-{name}-", suffix=".log")[1])
    env = env | {"WEB_CONCURRENCY": str(workers), "PORT": str(port)}
    command = [str(bin_dir / "gunicorn"), "-c", str(root / "gunicorn.conf.py")]
    if app:  # the hello world: same settings file, another app
        command += ["--pythonpath", str(SCRIPTS), app]
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn from the venv
        command, cwd=root, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT
    )
    server = Server(name, f"http://127.0.0.1:{port}", process, log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{server.url}/", timeout=5):  # noqa: S310 - loopback
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"gunicorn ({name}) did not start; see {log_path}")


def fetch(url: str) -> tuple[int, int]:
    """GET a URL as a browser would: (status, body size)."""
    request = urllib.request.Request(url, headers={"Accept": "text/html"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())
