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
    # Both with the project's gunicorn.conf.py (it is read from the working directory), but no
    # worker recycling: a restart in the middle of a run would be measured as the page's cost.
    command = [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--max-requests", "0"]
    command += ["--chdir", str(chdir)]
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


def cpu_seconds(master: subprocess.Popen) -> float:
    """CPU time (user + system) used so far by a gunicorn master's workers."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that has just ended
        if int(fields[1]) == master.pid:  # ppid
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk(server: tuple[subprocess.Popen, str], path: str, seconds: int) -> tuple[float, float]:
    """Requests per second that wrk reaches on the path, and the workers' CPU ms per request."""
    process, url = server
    urllib.request.urlopen(url + path, timeout=30).read()  # noqa: S310 - warm: our own server
    before = cpu_seconds(process)
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", url + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    used = cpu_seconds(process) - before
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{path}: {errors.group(1)} error responses")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), used * 1000 / requests


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
    hello = serve("quick_public_bench:hello", dict(os.environ), ROOT / "scripts")
    app = serve("sro_board:create_app()", env, ROOT)
    try:
        print("requests/s (wrk, interleaved with hello world) and the workers' CPU per request")
        heads = ("req/s", "hello", "ratio", "cpu ms", "hello", "ratio")
        print(f"{'page':24} " + " ".join(f"{head:>7}" for head in heads))
        for page in PAGES:
            runs = []
            for _ in range(args.rounds):
                hello_rate, hello_cpu = wrk(hello, "/", args.seconds)
                rate, cpu = wrk(app, page, args.seconds)
                runs.append((rate, hello_rate, rate / hello_rate, cpu, hello_cpu, hello_cpu / cpu))
            medians = [statistics.median(column) for column in zip(*runs, strict=True)]
            rate, hello_rate, ratio, cpu, hello_cpu, cpu_ratio = medians
            print(
                f"{page:24} {rate:7.0f} {hello_rate:7.0f} {ratio:7.2f} "
                f"{cpu:7.3f} {hello_cpu:7.3f} {cpu_ratio:7.2f}"
            )
    finally:
        for process, _url in (hello, app):
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
