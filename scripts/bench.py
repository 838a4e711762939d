"""Benchmark: the app at scale against a Flask hello world, both under gunicorn, with wrk.

    python scripts/bench.py --db sqlite                  # or postgres, or both
    python scripts/bench.py --db both --baseline main    # old code beside the new, same run
    python scripts/bench.py --quick                      # tiny data, 1 s runs (the tests)

Builds the scale data (`flask sample scale`) in a scratch database, measures public pages
with wrk interleaved with the hello world (hello, page, hello, page...), and staff pages in
process (median server time, logged in as a suitable role). `--baseline REF` exports git REF
to a scratch directory with its own venv and measures it against the same data, interleaved.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import redis
import sqlalchemy as sa
from benchlib import (
    BENCH_ENCRYPTION_KEY,
    app_environment,
    fetch,
    redis_settings,
    run_wrk,
    start_gunicorn,
    wrk_missing,
)
from benchreport import document, machine, markdown

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432"
FULL = {"recommendations": 1000, "updates": 100_000, "applications": 50_000, "intakes": 5}
QUICK = {"recommendations": 50, "updates": 600, "applications": 150, "intakes": 2}


@dataclass(frozen=True)
class Version:
    """A version of the code: its tree and the venv's bin directory."""

    name: str
    root: Path
    bin: Path


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> str:
    """Run a command; its output, or exit with it on failure."""
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def redis_missing(url: str) -> str | None:
    """Why the Redis at url cannot be used, or None."""
    if not url:
        return "the production config needs Redis (--redis-url) for its rate limits"
    try:
        redis.Redis.from_url(url, socket_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis at {url} does not answer ({error}); give another with --redis-url"
    return None


def prepare_database(kind: str, pg_database: str, counts: dict) -> tuple[str, str]:
    """A scratch database migrated and grown to the counts; (URL, what the loader said)."""
    if kind == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='sro-bench-')}/bench.db"
    else:
        for sql in (
            f"DROP DATABASE IF EXISTS {pg_database} WITH (FORCE)",
            f"CREATE DATABASE {pg_database}",
        ):
            run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", sql])
        url = f"{PG_BASE}/{pg_database}"
    env = os.environ | {
        "FLASK_APP": "sro_board",
        "DATABASE_URL": url,
        "ENCRYPTION_KEYS": BENCH_ENCRYPTION_KEY,
        "SRO_BOARD_CONFIG": "development",
    }
    run([str(BIN / "flask"), "db", "upgrade"], env)
    options = [f"--{name}={value}" for name, value in counts.items()]
    said = run([str(BIN / "flask"), "sample", "scale", *options], env)
    if kind == "postgres":
        # As autovacuum would soon after a bulk load: the visibility map that index-only scans
        # need (the loader's ANALYZE gives the statistics; VACUUM cannot run in its transaction).
        run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", pg_database, "-c", "VACUUM"])
    return url, said.strip().splitlines()[-1]


def pick_targets(url: str) -> tuple[str, int]:
    """The recommendation with the longest timeline, and the intake with most applications."""
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        code = connection.execute(
            sa.text(
                "SELECT r.code FROM recommendation r JOIN recommendation_update u "
                "ON u.recommendation_id = r.id GROUP BY r.code ORDER BY count(*) DESC, r.code "
                "LIMIT 1"
            )
        ).scalar_one()
        intake = connection.execute(
            sa.text(
                "SELECT intake_id FROM application GROUP BY intake_id "
                "ORDER BY count(*) DESC, intake_id LIMIT 1"
            )
        ).scalar_one()
    engine.dispose()
    return code, intake


def baseline_version(ref: str) -> Version:
    """git REF exported to a scratch directory with its own venv (kept for the next run)."""
    sha = run(["git", "rev-parse", "--verify", f"{ref}^{{commit}}"]).strip()
    tree = Path(tempfile.gettempdir()) / f"sro-bench-baseline-{sha[:12]}"
    if not (tree / ".venv" / ".installed").exists():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        run([sys.executable, "-m", "venv", str(tree / ".venv")])
        run([str(tree / ".venv/bin/pip"), "install", "-q", "-e", f"{tree}[load]"], cwd=tree)
        (tree / ".venv" / ".installed").touch()
    name = sha[:7] if sha.startswith(ref) else f"{ref} ({sha[:7]})"
    return Version(name, tree, tree / ".venv" / "bin")


def in_process(version: Version, url: str, code: str, intake: int, repeat: int) -> dict:
    """Query counts and staff timings, measured by the version's own Python."""
    env = os.environ | {"PYTHONPATH": str(version.root), "ENCRYPTION_KEYS": BENCH_ENCRYPTION_KEY}
    env.pop("SRO_BOARD_CONFIG", None)
    command = [
        str(version.bin / "python"),
        str(ROOT / "scripts" / "bench_inproc.py"),
        f"--database-url={url}",
        f"--recommendation={code}",
        f"--intake={intake}",
        f"--repeat={repeat}",
    ]
    return json.loads(run(command, env, cwd=version.root))


def in_process_rounds(versions: list[Version], url: str, code: str, intake: int, repeat: int):
    """In-process figures in two rounds, versions in turn and then in reverse (A B B A), so a
    change in the machine's load weighs on every version alike; staff samples are pooled."""
    first = max(1, repeat // 2) if len(versions) > 1 else repeat
    runs: dict[str, list[dict]] = {v.name: [] for v in versions}
    for count, order in ((first, versions), (repeat - first, versions[::-1])):
        for version in order if count else []:
            runs[version.name].append(in_process(version, url, code, intake, count))
    pooled = {}
    for name, results in runs.items():
        staff = {}
        for page, figures in results[0]["staff"].items():
            samples = [ms for result in results for ms in result["staff"][page]["samples_ms"]]
            staff[page] = figures | {"samples_ms": samples, "median_ms": statistics.median(samples)}
        pooled[name] = {"public": results[0]["public"], "staff": staff}
    return pooled


def measure(kind: str, args, versions: list[Version], counts: dict) -> dict:
    """Everything for one database: scale data, in-process figures, interleaved wrk runs."""
    before = machine()
    url, said = prepare_database(kind, args.pg_database, counts)
    print(f"{kind}: {said}", flush=True)
    try:
        return _measure(kind, args, versions, counts, url, said) | {"machine": before}
    finally:
        if kind == "sqlite":  # the scratch file (PostgreSQL's database is dropped next run)
            shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)


def _measure(kind: str, args, versions: list[Version], counts: dict, url: str, said: str):
    code, intake = pick_targets(url)
    inproc = in_process_rounds(versions, url, code, intake, args.repeat)
    extra = redis_settings(args.redis_url) | dict(item.split("=", 1) for item in args.env)
    servers = {
        v.name: start_gunicorn(
            v.name, v.root, v.bin, app_environment(v.root, url, extra), args.workers, None
        )
        for v in versions
    }
    hello_env = app_environment(ROOT, url, extra)
    hello = start_gunicorn("hello", ROOT, BIN, hello_env, args.workers, "bench_hello:app")
    try:
        public, hello_runs = _interleave(args, versions, servers, hello, inproc)
    finally:
        for server in [*servers.values(), hello]:
            server.stop()
    for server in [*servers.values(), hello]:  # kept only when something went wrong
        server.log_path.unlink(missing_ok=True)
    staff = [
        {"page": page, "version": name, **figures}
        for page in next(iter(inproc.values()))["staff"]
        for name, result in inproc.items()
        for figures in [result["staff"][page]]
    ]
    return {
        "database": "SQLite" if kind == "sqlite" else "PostgreSQL",
        "scale": ", ".join(f"{n} {name}" for name, n in counts.items()) + f". Loader: {said}",
        "load_after": [round(n, 2) for n in os.getloadavg()],
        "wrk": {
            "seconds": args.seconds,
            "threads": args.threads,
            "connections": args.connections,
            "rounds": args.rounds,
        },
        "workers": args.workers,
        "redis": bool(args.redis_url),
        "public": public,
        "hello": hello_runs,
        "staff": staff,
    }


def _interleave(args, versions, servers, hello, inproc) -> tuple[list[dict], list[float]]:
    """hello, page, hello, page...: each page's ratio is to the hello runs either side of it."""

    def wrk(url: str):
        return run_wrk(url, args.seconds, args.threads, args.connections, args.wrk_timeout)

    pages = list(next(iter(inproc.values()))["public"])
    for server in [*servers.values(), hello]:  # warm both workers of every server
        for page in pages if server is not hello else ["/"]:
            for _ in range(4):
                fetch(server.url + page)
    hello_runs = [wrk(hello.url + "/").requests_per_s]
    runs: dict[tuple[str, str], list[dict]] = {}
    for _round in range(args.rounds):
        for page in pages:
            for version in versions:
                status, _size = fetch(servers[version.name].url + page)
                result = wrk(servers[version.name].url + page)
                hello_runs.append(wrk(hello.url + "/").requests_per_s)
                around = statistics.mean(hello_runs[-2:])
                runs.setdefault((page, version.name), []).append(
                    {
                        "status": status,
                        "result": result,
                        "ratio": result.requests_per_s / around if around else 0.0,
                    }
                )
                print(f"  {page} [{version.name}]: {result.requests_per_s:.0f} req/s", flush=True)
    rows = []
    for (page, name), each in runs.items():
        # The median of the rounds: one wrk run on a shared machine can land in a bad second.
        figures = inproc[name]["public"][page]
        rows.append(
            {
                "page": page,
                "version": name,
                "status": each[-1]["status"],
                "requests_per_s": statistics.median(r["result"].requests_per_s for r in each),
                "ratio": statistics.median(r["ratio"] for r in each),
                "ratios": [round(r["ratio"], 3) for r in each],
                "p50_ms": statistics.median(r["result"].p50_ms for r in each),
                "p99_ms": statistics.median(r["result"].p99_ms for r in each),
                "errors": sum(r["result"].errors + (r["status"] != 200) for r in each),
                "bytes": figures["bytes"],
                "queries": figures["queries"],
            }
        )
    return rows, hello_runs


def main() -> int:
    """Parse the options, run the benchmark on each database, print (and save) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--quick", action="store_true", help="tiny data and 1 s runs (tests)")
    parser.add_argument("--baseline", metavar="REF", help="also measure git REF (old code)")
    parser.add_argument("--seconds", type=float, help="wrk seconds per run (5; quick: 1)")
    parser.add_argument(
        "--rounds", type=int, help="interleaved rounds; the median is reported (3; quick: 1)"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--wrk-timeout", type=float, default=30, help="seconds before wrk gives up on a request"
    )
    parser.add_argument("--repeat", type=int, help="in-process requests per staff page (7)")
    parser.add_argument("--pg-database", default=os.environ.get("BENCH_PG_DATABASE", "sro_bench"))
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra setting for the app servers (repeatable)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        help="Redis for the servers' rate limits (the production config requires it) and pages",
    )
    parser.add_argument("--json", metavar="PATH", help="write the results as JSON")
    parser.add_argument("--markdown", metavar="PATH", help="write the report (docs/benchmarks.md)")
    for name in FULL:
        parser.add_argument(f"--{name}", type=int, help=f"scale count ({FULL[name]})")
    args = parser.parse_args()
    if reason := wrk_missing() or redis_missing(args.redis_url):
        sys.exit(reason)
    args.seconds = args.seconds or (1 if args.quick else 5)
    args.repeat = args.repeat or (2 if args.quick else 7)
    args.rounds = args.rounds or (1 if args.quick else 3)
    counts = {name: getattr(args, name) or (QUICK if args.quick else FULL)[name] for name in FULL}
    head = run(["git", "rev-parse", "--short=7", "HEAD"]).strip()
    dirty = run(["git", "status", "--porcelain", "--untracked-files=no"]).strip()
    versions = [Version(f"this code ({head}{', changed' if dirty else ''})", ROOT, BIN)]
    if args.baseline:
        versions.append(baseline_version(args.baseline))
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = []
    for kind in kinds:  # the files are rewritten after each database: a long run keeps its part
        results.append(measure(kind, args, versions, counts))
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2))
        if args.markdown:
            command = "python scripts/bench.py " + " ".join(sys.argv[1:])
            Path(args.markdown).write_text(document(results, command))
    print()
    print("\n\n".join(markdown(result) for result in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
