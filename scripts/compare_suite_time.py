"""Time the SQLite suite of two checkouts side by side, interleaved: old, new, old, new...

    python scripts/compare_suite_time.py OLD_DIR NEW_DIR [--rounds 2] [-- extra pytest args]

Each directory is a checkout (a git worktree) with its own .venv holding the dev extras. Each
run is that checkout's `make test` SQLite half: `pytest -n 2 --dist <its Makefile's mode>
--ignore=tests/e2e`. Interleaving spreads the machine's other load over both; the medians are
compared at the end.
"""

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

SUITE = ["-q", "-n", "2", "--ignore=tests/e2e", "-p", "no:cacheprovider"]
DIST = re.compile(r"^\t.*pytest .*--dist (\w+)", re.MULTILINE)


def dist_mode(checkout: Path) -> str:
    """The --dist mode of the checkout's `make test` (loadfile before issue 10)."""
    found = DIST.search((checkout / "Makefile").read_text())
    return found.group(1) if found else "loadfile"


SUMMARY = re.compile(r"^=*\s*(\d+ (?:passed|failed).*?) in [\d.]+s", re.MULTILINE)


def run(checkout: Path, extra: list[str]) -> tuple[float, str, int]:
    """Run the suite in checkout; (wall seconds, pytest's summary line, exit code)."""
    start = time.monotonic()
    done = subprocess.run(  # noqa: S603 - our own checkout's pytest
        [str(checkout / ".venv" / "bin" / "pytest"), *SUITE, "--dist", dist_mode(checkout), *extra],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - start
    found = SUMMARY.findall(done.stdout)
    return seconds, (found[-1] if found else done.stdout[-300:]), done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("extra", nargs="*", help="more pytest arguments (after --)")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"old": [], "new": []}
    for number in range(1, args.rounds + 1):
        for label in ("old", "new"):
            checkout = getattr(args, label).resolve()
            seconds, summary, code = run(checkout, args.extra)
            times[label].append(seconds)
            print(f"round {number} {label}: {seconds:7.1f} s  exit {code}  {summary}", flush=True)
    old, new = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"median old {old:.1f} s, new {new:.1f} s: new / old = {new / old:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
