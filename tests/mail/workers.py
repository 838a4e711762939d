"""Real delivery workers (`flask mail worker` in subprocesses), and an SMTP server that hangs."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis
import time_machine

FLASK = str(Path(sys.executable).with_name("flask"))
# `flask` started at this process's clock (which `pytest --clock` moves): a worker on the
# machine's real clock would find every email the test queued "not yet due". time_machine's
# clock starts ticking at its first reading, not at start(): it is read at once, or the worker
# would run behind by its import time (most of a second), find every email queued in that
# last second not yet due, and deliver it only at the next minute's sweep.
AT_OUR_CLOCK = (
    "import sys, time, time_machine; from datetime import UTC, datetime; "
    "moment = datetime.fromtimestamp(time.time() + float(sys.argv[1]), UTC); "
    "time_machine.travel(moment, tick=True).start(); time.time(); "
    "from flask.cli import main; sys.argv = ['flask', *sys.argv[2:]]; main()"
)
ROOT = Path(__file__).resolve().parents[2]
# The Redis database given to these tests (TEST_REDIS_URL to change it).
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
SECRET_KEY = "test-secret-key"  # TestConfig's, so the workers read what the tests' app wrote


def redis_or_skip() -> str:
    """The tests' Redis URL, or skip when no Redis server answers there."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts one)")
    return REDIS_URL


def queue_name() -> str:
    """A queue name of its own, so runs in parallel never share tasks."""
    return f"sro-test-{uuid.uuid4().hex[:12]}"


def clock_offset() -> float:
    """Seconds between this process's clock (moved by `pytest --clock`) and the machine's."""
    if not time_machine.escape_hatch.is_travelling():
        return 0.0
    return datetime.now(UTC).timestamp() - time_machine.escape_hatch.time.time()


@contextmanager
def workers(count: int, settings: dict, log_dir: Path) -> Iterator[list[Path]]:
    """Run `count` worker processes with these settings; yields their log files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SRO_", "TEST_"))}
    env |= {"FLASK_APP": "sro_board", "SRO_BOARD_CONFIG": "development"}
    env |= {"SECRET_KEY": SECRET_KEY, "LOG_LEVEL": "INFO"}
    env |= {key: str(value) for key, value in settings.items()}
    worker = ["mail", "worker", "--threads", "2", "--poll", "0.1"]
    offset = clock_offset()
    command = (
        [sys.executable, "-c", AT_OUR_CLOCK, str(offset), *worker] if offset else [FLASK, *worker]
    )
    processes, logs = [], []
    try:
        for n in range(count):
            log = log_dir / f"worker-{n}.log"
            with log.open("wb") as out:
                processes.append(
                    subprocess.Popen(  # noqa: S603 - the venv's own flask
                        command,
                        cwd=ROOT,
                        env=env,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                )
            logs.append(log)
        deadline = time.monotonic() + 60
        while not all("Mail worker:" in log.read_text() for log in logs):
            assert all(p.poll() is None for p in processes), [log.read_text() for log in logs]
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.1)
        yield logs
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)  # the tasks in hand finish, then it stops
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class HangingSmtp:
    """A TCP server that accepts connections and never says a word (an SMTP server stuck)."""

    port: int = 0
    accepted: int = 0
    _sockets: list[socket.socket] = field(default_factory=list)


@contextmanager
def hanging_smtp() -> Iterator[HangingSmtp]:
    """Listen on 127.0.0.1; accept every connection and keep it open, silent."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    hanging = HangingSmtp(port=server.getsockname()[1])
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            hanging.accepted += 1
            hanging._sockets.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield hanging
    finally:
        stop.set()
        thread.join()
        for connection in hanging._sockets:
            connection.close()
        server.close()
