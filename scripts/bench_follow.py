"""Time a chair's approval with 0 and with 10,000 confirmed followers, and the worker's fan-out.

    .venv/bin/python scripts/bench_follow.py [--followers 10000] [--rounds 7]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/sro_bench_follow]

A scratch database (an SQLite file unless --database-url) gets two recommendations: R-01 with
no follower, R-02 with N confirmed instant followers (bulk loaded, addresses encrypted). Each
round a member drafts one update on each, and the chair approves both through the real route
(POST /staff/updates/<id>/approve, Flask's test client, logged in with two-step login),
interleaved; the job queue is an SQLite file with no worker, so the request's time is its own
(it records the fan-out and enqueues it). Then the worker's fan-out of one R-02 update runs
in-process: N outbox emails and links written in batches of 1,000, each email enqueued.
Prints the median and spread of each. The scratch database is emptied at the end.
"""

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from sro_board import create_app  # noqa: E402
from sro_board.core.clock import now_utc  # noqa: E402
from sro_board.core.extensions import db  # noqa: E402
from sro_board.follow import fanout  # noqa: E402
from sro_board.follow.models import Follower, Frequency, ScopeKind  # noqa: E402
from sro_board.mail.models import OutboxEmail  # noqa: E402
from sro_board.mail.services import recipient_hash  # noqa: E402
from sro_board.recommendations.definitions import seed_definitions  # noqa: E402
from sro_board.recommendations.services import propose_update  # noqa: E402
from tests.factories import login, make_rec, make_user  # noqa: E402


def load_followers(rec, count: int) -> None:
    """count confirmed instant followers of rec, inserted 1,000 at a time."""
    moment = now_utc()
    for start in range(0, count, 1000):
        rows = []
        for number in range(start, min(count, start + 1000)):
            address = f"follower{number}@example.net"
            rows.append(
                {
                    "created_at": moment,
                    "address": address,
                    "address_hash": recipient_hash(address),
                    "scope": f"recommendation:{rec.id}",
                    "kind": ScopeKind.RECOMMENDATION,
                    "recommendation_id": rec.id,
                    "frequency": Frequency.INSTANT,
                    "language": "fr" if number % 3 == 0 else "en",
                    "confirmed_at": moment,
                }
            )
        db.session.execute(sa.insert(Follower), rows)
    db.session.commit()


def a_draft(rec, member) -> int:
    """A member's pending update on rec; its id."""
    update = propose_update(
        rec,
        member,
        {"progress": (rec.progress + 1) % 100},
        public_note="Bench update.",
        internal_note="",
        based_on_version=rec.version,
    )
    db.session.commit()
    return update.id


def spread(values: list[float]) -> str:
    """Median, minimum and maximum in milliseconds."""
    return (
        f"median {statistics.median(values):8.1f} ms"
        f"  (min {min(values):7.1f}, max {max(values):7.1f}, n={len(values)})"
    )


def main() -> None:
    """Build the data, time the approvals interleaved, then the fan-out; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--fan-outs", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sro-bench-follow-"))
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=args.database_url or f"sqlite:///{work / 'app.db'}",
        TASK_QUEUE_URL=f"sqlite:///{work / 'queue.db'}",
        TASK_QUEUE_NAME=f"sro-bench-follow-{uuid.uuid4().hex[:8]}",
        LOGIN_RATE_LIMIT="10000 per minute",
    )
    timings: dict[str, list[float]] = {"0": [], "N": []}
    fan_outs: list[float] = []
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        quiet, followed = make_rec("R-01"), make_rec("R-02")
        started = time.perf_counter()
        load_followers(followed, args.followers)
        loading = time.perf_counter() - started
        member = make_user(["member"], email="member@example.org")
        chair = make_user(["chair"], email="chair@example.org")
        client = app.test_client()
        login(client, chair)
        to_fan_out = []
        for n in range(2 + args.rounds):
            for label, rec in (("0", quiet), ("N", followed)):
                update_id = a_draft(rec, member)
                started = time.perf_counter()
                response = client.post(f"/staff/updates/{update_id}/approve")
                elapsed = time.perf_counter() - started
                assert response.status_code == 302, response.status_code
                if n >= 2:  # two warm-up rounds
                    timings[label].append(elapsed * 1000)
                if label == "N":
                    to_fan_out.append(update_id)
        for update_id in to_fan_out[: args.fan_outs]:
            started = time.perf_counter()
            written = fanout.fan_out(update_id)
            fan_outs.append((time.perf_counter() - started) * 1000)
            assert written == args.followers, written
        emails = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxEmail))
        dialect = db.engine.dialect.name
        app.extensions["sro_board.mail.queue"].huey.flush()
        db.session.remove()  # end the session's transaction, or DROP waits for it (PostgreSQL)
        db.drop_all()
    print(f"database: {dialect}; {args.followers} confirmed followers loaded in {loading:.1f} s")
    print(f"approval, recommendation with 0 followers:      {spread(timings['0'])}")
    print(f"approval, recommendation with {args.followers} followers: {spread(timings['N'])}")
    gap = statistics.median(timings["N"]) - statistics.median(timings["0"])
    print(f"difference of medians: {gap:+.1f} ms")
    per = statistics.median(fan_outs) / args.followers * 1000
    print(
        f"worker's fan-out of one update to {args.followers} followers: {spread(fan_outs)}"
        f"  ({per:.0f} µs per email; {emails} outbox emails written in all)"
    )


if __name__ == "__main__":
    main()
