"""The benchmark's report: the machine it ran on, and Markdown tables of the figures."""

import os
import platform
import sqlite3
import subprocess
from pathlib import Path


def machine() -> dict:
    """What the figures were measured on (a shared machine's load changes them)."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    postgres = subprocess.run(
        ["psql", "-tA", "-h", "127.0.0.1", "-U", "postgres", "-c", "SHOW server_version"],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "load_average": [round(n, 2) for n in os.getloadavg()],
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres.stdout.strip().split(" ")[0] if postgres.returncode == 0 else None,
        "kernel": platform.release(),
    }


def ratio(value: float) -> str:
    """A ratio to the hello world: two decimals, three below 0.1 (old pages reach 0.004)."""
    return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def public_table(rows: list[dict]) -> str:
    """Public pages under wrk: requests/s, ratio to hello world, latency, size, queries."""
    lines = [
        "| page | code | req/s | × hello | each round | p50 ms | p99 ms | errors | HTML KB "
        "| queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rounds = " ".join(ratio(r) for r in row.get("ratios", [row["ratio"]]))
        lines.append(
            f"| `{row['page']}` | {row['version']} | {row['requests_per_s']:.0f} | "
            f"{ratio(row['ratio'])} | {rounds} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
            f"{row['errors']} | {_kb(row['bytes'])} | {row['queries']} |"
        )
    return "\n".join(lines)


def staff_table(rows: list[dict]) -> str:
    """Staff pages in process: median server time, size, queries."""
    lines = [
        "| page | code | median ms | KB | queries | status |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} (`{row['path']}`) | {row['version']} | {row['median_ms']:.1f} | "
            f"{_kb(row['bytes'])} | {row['queries']} | {row['status']} |"
        )
    return "\n".join(lines)


def hello_line(runs: list[float]) -> str:
    """The hello world's requests/s over the run (its spread shows how steady the machine was)."""
    return (
        f"Hello world: {min(runs):.0f} to {max(runs):.0f} requests/s over {len(runs)} runs "
        f"(median {sorted(runs)[len(runs) // 2]:.0f})."
    )


def markdown(result: dict) -> str:
    """The whole report for one database."""
    m, w = result["machine"], result["wrk"]
    parts = [
        f"## {result['database']}",
        "",
        f"Data: {result['scale']}",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}); load average {m['load_average']} "
        f"before the runs, {result['load_after']} after; Python {m['python']}, SQLite "
        f"{m['sqlite']}, PostgreSQL {m['postgresql']}. wrk: {w['seconds']:.0f} s a run, "
        f"{w['threads']} threads, {w['connections']} connections; gunicorn: "
        f"{result['workers']} sync workers"
        + ("; rate limits and page cache on Redis." if result.get("redis") else "; no Redis."),
        "",
        public_table(result["public"]),
        "",
        hello_line(result["hello"]),
        "",
        staff_table(result["staff"]),
    ]
    return "\n".join(parts)


INTRO = """# Benchmarks

Written by `scripts/bench.py --markdown`. To measure again (`make bench` runs the same script
on SQLite and then PostgreSQL; `BENCH_PG_DATABASE` names the scratch PostgreSQL database):

    {command}

How it measures:

- **Data.** `flask sample scale` grows the sample data in a scratch database to the totals shown
  under each heading (reviews, stage events and audit entries in proportion).
- **Public pages.** The app (production config on loopback, with Redis for the rate limits
  and the page cache as in production; `gunicorn.conf.py` with 2 sync workers, no worker
  recycling) and a Flask hello world (`scripts/bench_hello.py`, the same
  gunicorn settings) are loaded with wrk in turn: hello, page, hello, page... In each round,
  a page's ratio is its requests/s divided by the mean of the hello-world runs just before
  and just after it; "× hello" is the median over the rounds (each round's ratio is shown
  beside it), and req/s, p50 and p99 (wrk's latency distribution) are medians too. HTML
  size and queries are those of one anonymous render, counted in process with SQLAlchemy's
  `before_cursor_execute` event.
- **Staff pages.** Median time of in-process requests (Flask test client, development config
  on the same database), logged in through the real forms (password and two-step code) as the
  role that uses the page: chair, admin or reviewer.
- **Before/after.** With `--baseline REF`, git REF is exported to a scratch directory with its
  own venv and measured against the same data in the same run: its wrk runs interleaved with
  this code's, its in-process runs in A B B A order.

Read the figures as ratios: the machine is shared, and its load (given under each heading)
moves absolute requests/s from one run to the next; the hello world's spread shows by how much.
"""


def summary(results: list[dict]) -> str:
    """Public pages' requests/s as a ratio to the hello world: each version, each database."""
    versions = list(dict.fromkeys(row["version"] for row in results[0]["public"]))
    heads = [f"{r['database']}, {v}" for r in results for v in versions]
    lines = ["| page | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    pages = list(dict.fromkeys(row["page"] for row in results[0]["public"]))
    for page in pages:
        cells = [
            ratio(row["ratio"])
            for result in results
            for version in versions
            for row in result["public"]
            if row["page"] == page and row["version"] == version
        ]
        lines.append(f"| `{page}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def document(results: list[dict], command: str) -> str:
    """The whole Markdown file: how it was measured, a summary, then each database."""
    sections = "\n\n".join(markdown(result) for result in results)
    head = "## Summary: public pages' requests/s as a fraction of the hello world's"
    return "\n".join([INTRO.format(command=command), head, "", summary(results), "", sections, ""])
