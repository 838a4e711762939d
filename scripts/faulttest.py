"""Fault test: faults injected under load, then the same reconciliation as the load test.

    python scripts/faulttest.py --db postgres   # kill -9 a worker; stop and restart PostgreSQL
    python scripts/faulttest.py --db sqlite     # kill -9 a worker; full disk; read-only disk

Each fault prints what was done and what clients saw; the run fails if an acknowledged write
is missing or doubled, a refused edit was saved, a 5xx other than 503 was served, a 503 came
without Retry-After, or the app did not recover by itself.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from loadlib import Server, Stats, prepare_database, reconcile, start_server
from loadtest import run_load

PG_CLUSTER = ["pg_ctlcluster", "--skip-systemctl-redirect"]


def pg_version() -> str:
    """The installed PostgreSQL cluster version (Debian layout)."""
    return sorted(os.listdir("/etc/postgresql"))[-1]


def kill_a_worker(server: Server) -> str:
    """SIGKILL one gunicorn worker in the middle of its requests."""
    pids = server.worker_pids()
    os.kill(pids[0], signal.SIGKILL)
    return f"killed worker {pids[0]} with SIGKILL (of {len(pids)})"


def wait_until_ready(server: Server, limit: float = 60) -> float:
    """Seconds until GET /readyz answers 200 again."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if httpx.get(f"{server.url}/readyz", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return float("inf")


def stop_postgres_for(seconds: float, server: Server, notes: list[str]) -> None:
    """Stop PostgreSQL (fast shutdown), wait, start it, and time the app's recovery."""
    subprocess.run([*PG_CLUSTER, pg_version(), "main", "stop", "-m", "fast"], check=True)
    notes.append(f"stopped PostgreSQL for {seconds:.0f} s")
    probe = httpx.get(
        f"{server.url}/recommendations", headers={"Accept": "application/json"}, timeout=10
    )
    notes.append(
        f"JSON request during the outage: {probe.status_code}, "
        f"Retry-After {probe.headers.get('Retry-After')!r}, body {probe.text.strip()[:80]}"
    )
    time.sleep(seconds)
    subprocess.run([*PG_CLUSTER, pg_version(), "main", "start"], check=True)
    recovery = wait_until_ready(server)
    notes.append(f"PostgreSQL started again; the app was ready {recovery:.1f} s later")


def run_fault(name: str, db: str, seconds: float, fault, workers: int = 2) -> bool:
    """One load run with a fault in the middle; print the figures; True if it passed."""
    mount = None
    if db == "sqlite-readonly":
        url = prepare_database("sqlite", "fault")
        source = Path(url.removeprefix("sqlite:///")).parent
        mount = tempfile.mkdtemp(prefix="sro-ro-")
        subprocess.run(["mount", "--bind", str(source), mount], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", mount], check=True)
        url = f"sqlite:///{mount}/fault.db"
        reconcile_url = f"sqlite:///{source}/fault.db"
    elif db == "sqlite-tmpfs":
        mount = tempfile.mkdtemp(prefix="sro-fault-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount], check=True)
        url = prepare_database("sqlite", "fault")
        source = Path(url.removeprefix("sqlite:///"))
        target = Path(mount) / "fault.db"
        target.write_bytes(source.read_bytes())
        url = f"sqlite:///{target}"
    else:
        url = prepare_database(db, "sro_board_fault")
    if db != "sqlite-readonly":
        reconcile_url = url
    server = start_server(url, workers, redis_db=4)
    stats = Stats()
    notes: list[str] = []
    print(f"\n--- {name} ({db}) ---")
    try:
        run_load(
            server, stats, seconds, readers=4, senders=2, during=lambda: fault(server, notes, mount)
        )
        if db == "sqlite-readonly":
            recovery = 0.0  # nothing to recover from: the disk stays read-only
        else:
            recovery = wait_until_ready(server)
            notes.append(f"after the fault /readyz answered 200 within {recovery:.1f} s")
    finally:
        server.stop()
    for note in notes:
        print(f"  {note}")
    print("  " + stats.summary().replace("\n", "\n  "))
    print(f"  503 responses with Retry-After: {stats.retry_after_seen}")
    report, ok = reconcile(reconcile_url, stats)
    print("  " + report)
    bad_5xx = sum(n for code, n in stats.statuses.items() if code >= 500 and code != 503)
    missing_retry = stats.statuses.get(503, 0) - stats.retry_after_seen
    if mount:
        subprocess.run(["umount", mount], check=False)
    passed = ok and not bad_5xx and missing_retry <= 0 and recovery != float("inf")
    print(
        f"  {'passed' if passed else 'FAILED'}: 5xx other than 503: {bad_5xx}, "
        f"503 without Retry-After: {max(missing_retry, 0)}"
    )
    return passed


def fill_disk(server: Server, notes: list[str], mount: str) -> None:
    """Fill the database's file system, keep the load on for a while, then free it."""
    filler = Path(mount) / "filler"
    subprocess.run(
        ["dd", "if=/dev/zero", f"of={filler}", "bs=64k"],
        capture_output=True,
        check=False,
    )
    notes.append(f"filled the database's file system ({filler.stat().st_size // 1024} KiB filler)")
    time.sleep(4)
    filler.unlink()
    notes.append("freed the space again")


def read_only_disk(server: Server, notes: list[str], mount: str) -> None:
    """The database sits on a read-only mount for the whole run (a mount in use cannot be
    switched to read-only, so the server starts on it)."""
    notes.append("the SQLite database is on a read-only bind mount for the whole run")


def main() -> int:
    """Run the faults for one database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    results = []
    results.append(
        run_fault(
            "kill -9 a gunicorn worker mid-load",
            args.db,
            args.seconds,
            lambda server, notes, _m: notes.append(kill_a_worker(server)),
        )
    )
    if args.db == "postgres":
        results.append(
            run_fault(
                "stop PostgreSQL mid-load and start it again",
                "postgres",
                args.seconds,
                lambda server, notes, _m: stop_postgres_for(5, server, notes),
            )
        )
    else:
        results.append(
            run_fault(
                "full disk under the SQLite database", "sqlite-tmpfs", args.seconds, fill_disk
            )
        )
        results.append(
            run_fault(
                "read-only disk under the SQLite database",
                "sqlite-readonly",
                args.seconds,
                read_only_disk,
            )
        )
    print(f"\nfault test: {sum(results)} of {len(results)} fault runs passed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    threading.excepthook = lambda info: print(f"thread error: {info.exc_value}", file=sys.stderr)
    sys.exit(main())
