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


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def public_table(rows: list[dict]) -> str:
    """Public pages under wrk: requests/s, ratio to hello world, latency, size, queries."""
    lines = [
        "| page | code | req/s | × hello | p50 ms | p99 ms | errors | HTML KB | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| `{row['page']}` | {row['version']} | {row['requests_per_s']:.0f} | "
            f"{row['ratio']:.2f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['errors']} | "
            f"{_kb(row['bytes'])} | {row['queries']} |"
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
        f"### {result['database']}: {result['scale']}",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), load average {m['load_average']} at the "
        f"start; Python {m['python']}, SQLite {m['sqlite']}, PostgreSQL {m['postgresql']}. "
        f"wrk: {w['seconds']:.0f} s a run, {w['threads']} threads, {w['connections']} connections; "
        f"gunicorn: {result['workers']} sync workers.",
        "",
        public_table(result["public"]),
        "",
        hello_line(result["hello"]),
        "",
        staff_table(result["staff"]),
    ]
    return "\n".join(parts)
