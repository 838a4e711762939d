"""Quick check of the public pages' speed against a Flask hello world (issue 12).

Serves a copy of the sample data and a hello world with the same `gunicorn -w 2`, then runs
wrk on them interleaved (hello, page, hello, page ...) and prints each page's requests/s as a
ratio to the hello world measured next to it. `make bench` is the full benchmark; this one is
for a quick look while working on the cache:

    .venv/bin/python scripts/quick_public_bench.py [--seconds 5] [--rounds 3] [--redis-db 9]
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PAGES = [
    "/",
    "/recommendations",
    "/recommendations/R-01",
    "/status-definitions",
    "/advisory-board",
    "/advisory-board/apply",
]

hello = Flask(__name__)


@hello.get("/")
def hello_world() -> str:
    """The yardstick."""
    return "Hello, World!"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(app: str, env: dict[str, str], chdir: Path) -> tuple[subprocess.Popen, str]:
    """Start `gunicorn -w 2` on a free port and wait until it answers."""
    port = free_port()
    command = [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--chdir", str(chdir)]
    process = subprocess.Popen(
        [*command, app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)  # noqa: S310 - our own server
            return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def wrk(url: str, seconds: int) -> float:
    """Requests per second that wrk reaches on the url."""
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def app_env(args: argparse.Namespace, database: Path) -> dict[str, str]:
    """The app's environment: the sample database, the chosen cache, logs at INFO."""
    env = dict(os.environ, SRO_BOARD_CONFIG="development", DATABASE_URL=f"sqlite:///{database}")
    env["FLASK_APP"] = "sro_board"
    if args.redis_db is not None:
        env["CACHE_REDIS_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
    return env


def main() -> None:
    """Prepare the database, serve both apps, measure interleaved, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redis-db", type=int, default=None)
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp(prefix="sro-quick-bench-")) / "bench.db"
    env = app_env(args, database)
    for command in (["db", "upgrade"], ["sample", "load"]):
        subprocess.run([str(BIN / "flask"), *command], env=env, cwd=ROOT, check=True)
    hello_proc, hello_url = serve("quick_public_bench:hello", dict(os.environ), ROOT / "scripts")
    app_proc, app_url = serve("sro_board:create_app()", env, ROOT)
    try:
        print(f"{'page':28} {'req/s':>8} {'hello':>8} {'ratio':>6}")
        for page in PAGES:
            ratios, rates, hellos = [], [], []
            for _ in range(args.rounds):
                hellos.append(wrk(hello_url + "/", args.seconds))
                rates.append(wrk(app_url + page, args.seconds))
                ratios.append(rates[-1] / hellos[-1])
            print(
                f"{page:28} {statistics.median(rates):8.0f} {statistics.median(hellos):8.0f} "
                f"{statistics.median(ratios):6.2f}"
            )
    finally:
        for process in (hello_proc, app_proc):
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
