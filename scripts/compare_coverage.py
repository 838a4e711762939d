"""Lines and branches of sro_board the old suite ran and the new one does not.

    pytest --cov=sro_board --cov-branch --cov-report=json:old.json   (in the old checkout)
    pytest --cov=sro_board --cov-branch --cov-report=json:new.json   (in the new checkout)
    python scripts/compare_coverage.py old.json new.json

Both runs must measure the same sro_board code (only the tests differ). Prints the totals and
every line or branch covered before and not after; exits 1 if there is any.
"""

import json
import sys


def covered(path: str) -> tuple[dict, dict]:
    """File -> executed lines, file -> executed branches, from a coverage JSON report."""
    files = json.loads(open(path, encoding="utf-8").read())["files"]  # noqa: SIM115
    lines = {name: set(data["executed_lines"]) for name, data in files.items()}
    branches = {
        name: {tuple(arc) for arc in data.get("executed_branches", [])}
        for name, data in files.items()
    }
    return lines, branches


def main() -> int:
    old_lines, old_branches = covered(sys.argv[1])
    new_lines, new_branches = covered(sys.argv[2])
    lost = 0
    for label, old, new in (("line", old_lines, new_lines), ("branch", old_branches, new_branches)):
        total_old = sum(len(v) for v in old.values())
        total_new = sum(len(v) for v in new.values())
        print(f"{label} coverage: old {total_old}, new {total_new}")
        for name in sorted(old):
            missing = sorted(old[name] - new.get(name, set()))
            if missing:
                lost += len(missing)
                print(f"  {label}: the old suite ran these and the new does not: {name}: {missing}")
    print("nothing lost" if not lost else f"{lost} lines or branches lost")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
