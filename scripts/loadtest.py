"""Load test: gunicorn with several workers, public readers, form senders and staff editing the
same recommendations at once; ends by reconciling what was acknowledged with the database.

    python scripts/loadtest.py --db sqlite --seconds 60
    python scripts/loadtest.py --db postgres --seconds 60   # with Redis for shared rate limits
"""

import argparse
import itertools
import random
import sys
import threading
import time
from collections.abc import Callable

from loadlib import (
    HOT_RECOMMENDATIONS,
    Server,
    Stats,
    VirtualUser,
    apply_to_board,
    edit_recommendation,
    prepare_database,
    read_pages,
    reconcile,
    send_message,
    start_server,
)

STAFF = ["chair@example.org", "admin@example.org", "chair@example.org", "admin@example.org"]


def run_load(
    server: Server,
    stats: Stats,
    seconds: float,
    readers: int,
    senders: int,
    during: Callable[[], None] | None = None,
) -> None:
    """Run readers, senders and staff editors for `seconds`; call `during` halfway."""
    stop = threading.Event()
    counter = itertools.count()
    threads = []

    def reader(n: int) -> None:
        rng = random.Random(n)
        user = VirtualUser(server, stats, f"10.1.{n // 250}.{n % 250 + 1}")
        while not stop.is_set():
            read_pages(user, rng)

    def sender(n: int) -> None:
        user = VirtualUser(server, stats, f"10.2.{n // 250}.{n % 250 + 1}")
        while not stop.is_set():
            send_message(user, f"m{n}-{next(counter)}")
            apply_to_board(user, f"a{n}-{next(counter)}")
            # Each form comes from another person, at another address.
            user.client.headers["X-Forwarded-For"] = f"10.3.{n}.{next(counter) % 250 + 1}"

    def editor(n: int, email: str) -> None:
        rng = random.Random(1000 + n)
        user = VirtualUser(server, stats, f"10.4.0.{n + 1}")
        if not user.login(email):
            print(f"editor {n}: login failed", file=sys.stderr)
            return
        while not stop.is_set():
            edit_recommendation(user, rng.choice(HOT_RECOMMENDATIONS), f"e{n}-{next(counter)}", rng)

    for n in range(readers):
        threads.append(threading.Thread(target=reader, args=(n,)))
    for n in range(senders):
        threads.append(threading.Thread(target=sender, args=(n,)))
    for n, email in enumerate(STAFF):
        threads.append(threading.Thread(target=editor, args=(n, email)))
    for thread in threads:
        thread.start()
    if during:
        time.sleep(seconds / 2)
        during()
        time.sleep(seconds / 2)
    else:
        time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)


def main() -> int:
    """Run one load test and print its figures; exit 1 if anything was lost or a 5xx seen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--senders", type=int, default=3)
    args = parser.parse_args()

    url = prepare_database(args.db, "sro_board_load")
    server = start_server(url, args.workers, redis_db=3)
    stats = Stats()
    print(
        f"load test: {args.db}, gunicorn with {args.workers} workers, {args.seconds:.0f} s, "
        f"{args.readers} readers, {args.senders} contact and application senders, "
        f"{len(STAFF)} staff editors"
    )
    started = time.monotonic()
    try:
        run_load(server, stats, args.seconds, args.readers, args.senders)
    finally:
        server.stop()
    elapsed = time.monotonic() - started
    print(stats.summary())
    print(f"throughput: {sum(stats.statuses.values()) / elapsed:.0f} requests/s")
    report, ok = reconcile(url, stats)
    print(report)
    server_errors = sum(n for code, n in stats.statuses.items() if code >= 500)
    # A kind of write never acknowledged was not tested: a broken script, not a pass.
    untested = [
        kind
        for kind, acked in (
            ("contact messages", stats.acked_messages),
            ("updates", stats.acked_updates),
            ("applications", stats.acked_applications),
        )
        if not acked
    ]
    if untested:
        print(f"no acknowledged {', '.join(untested)}: the load never exercised them")
    if server_errors or not ok or untested:
        print("LOAD TEST FAILED")
        return 1
    print("load test passed: nothing lost, no 5xx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
