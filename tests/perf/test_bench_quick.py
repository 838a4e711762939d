"""The benchmark end to end in quick mode: tiny data, 1-second wrk runs (`pytest -m bench`)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make bench)")
def test_quick_bench_measures_every_page(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, "scripts/bench.py", "--quick", "--rounds", "2", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [result] = json.loads(out.read_text())
    pages = {row["page"] for row in result["public"]}
    assert {"/", "/recommendations", "/status-definitions", "/advisory-board/apply"} <= pages
    for row in result["public"]:
        assert row["status"] == 200, row
        assert row["errors"] == 0, row
        assert row["requests_per_s"] > 0, row
        assert row["ratio"] > 0, row
        assert row["queries"] > 0, row
        assert row["bytes"] > 1000, row
        assert len(row["ratios"]) == 2, row  # each round's, rounded to 3 places
        assert min(row["ratios"]) - 0.001 <= row["ratio"] <= max(row["ratios"]) + 0.001, row
    # hello, then page and hello for each page in each of the 2 rounds
    assert len(result["hello"]) == 2 * len(result["public"]) + 1
    assert {row["page"] for row in result["staff"]} >= {"dashboard", "selection", "audit log"}
    for row in result["staff"]:
        assert row["status"] == 200, row
        assert row["median_ms"] > 0, row
    assert "| `/recommendations` |" in done.stdout
